package org.newsgraph.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resources whose Neo4j nodes may lag behind TDB2: a text file, {@value #FILE_NAME} in the
 * data folder, one resource per line (an IRI, or {@code _:} and a blank node label).
 *
 * <p>{@code build} and {@code remove} change TDB2 first and Neo4j after, so a process killed
 * between the two or during the Neo4j load (SIGKILL, power loss, an unreachable or failing server)
 * leaves TDB2 ahead of Neo4j, and a later {@code build} would find those articles unchanged and
 * never load them. So the resources each change touches (those of the old and the new named graph,
 * {@link org.newsgraph.neo4j.ArticleUpdater#affectedBy}) are {@linkplain #add added} here, and
 * forced to disk, <em>before</em> TDB2 changes, and the file is {@linkplain #clear cleared} only
 * after Neo4j has been refreshed for them; the next {@code build} or {@code remove} that finds the
 * file refreshes them too ({@link org.newsgraph.neo4j.RdfGraphLoader#refresh} recomputes a node,
 * its labels, properties and relationships, from TDB2, whatever state a killed load left it in).
 * Refreshing a resource that was in fact loaded is harmless: every write is a MERGE on {@code uri}.
 * The list is the complete set a crashed run would have refreshed, not a guess from Neo4j: after
 * TDB2 changed, which resources only the old version of an article had is no longer known.
 */
public final class PendingLoads {
  /** Name of the file in the data folder. */
  public static final String FILE_NAME = "neo4j-pending.txt";

  /**
   * The line that stands for every resource of the RDF store: written before Neo4j, found empty,
   * is filled from the whole store in one pass ({@link org.newsgraph.neo4j.ArticleUpdater#refresh}),
   * since an interrupted fill leaves Neo4j without resources that no other line lists.
   */
  public static final String WHOLE_STORE = "*";

  /** Whether {@code pending} (from {@link #read}) holds {@link #WHOLE_STORE}. */
  public static boolean wholeStore(Set<String> pending) {
    return pending.contains(WHOLE_STORE);
  }

  private PendingLoads() {}

  /** The file under {@code dataDir}. */
  public static Path file(Path dataDir) {
    return dataDir.resolve(FILE_NAME);
  }

  /**
   * The resources still to refresh in Neo4j.
   *
   * @return a new sorted set; empty when there is no file
   * @throws UncheckedIOException when the file exists but cannot be read
   */
  public static Set<String> read(Path dataDir) {
    Set<String> iris = new TreeSet<>();
    Path f = file(dataDir);
    if (!Files.exists(f)) {
      return iris;
    }
    try {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          iris.add(line.strip()); // a torn line is refreshed like any: harmless
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + " (the resources Neo4j may lack); make it readable,"
          + " or delete it and run 'newsgraph build --force' on all inputs to reload Neo4j", e);
    }
    return iris;
  }

  /**
   * Appends {@code iris} (resources, as {@link #id}) and forces them to disk (fsync) before
   * returning, so they survive a crash that happens after TDB2 commits.
   *
   * @throws UncheckedIOException when the file cannot be written (then change nothing)
   */
  public static void add(Path dataDir, Collection<String> iris) {
    if (iris.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    iris.forEach(i -> sb.append(i).append('\n'));
    Path f = file(dataDir);
    try {
      Files.createDirectories(dataDir);
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f + "; check that the data folder is writable", e);
    }
  }

  /**
   * Deletes the file: Neo4j has been refreshed for every resource it listed.
   *
   * @throws UncheckedIOException when it cannot be deleted
   */
  public static void clear(Path dataDir) {
    try {
      Files.deleteIfExists(file(dataDir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file(dataDir) + "; the next build will refresh its"
          + " resources in Neo4j again (harmless)", e);
    }
  }

  /**
   * The line of a resource: its Neo4j {@code uri} ({@link org.newsgraph.neo4j.TermCodec#uri}): the
   * IRI, {@code _:} and the blank node label, or the N-Triples form of a triple term (escaped, so
   * always one line).
   */
  public static String id(org.apache.jena.graph.Node n) {
    return org.newsgraph.neo4j.TermCodec.uri(n);
  }

  /** The resources of lines written by {@link #id} ({@link #WHOLE_STORE} is left out: see {@link #wholeStore}). */
  public static Set<org.apache.jena.graph.Node> nodes(Collection<String> ids) {
    Set<org.apache.jena.graph.Node> nodes = new java.util.HashSet<>();
    for (String i : ids) {
      if (!WHOLE_STORE.equals(i)) {
        nodes.add(org.newsgraph.neo4j.TermCodec.node(i));
      }
    }
    return nodes;
  }

  /** {@link #id} of every IRI, blank node or triple term of {@code nodes} (literals are left out), sorted. */
  public static Set<String> ids(Collection<org.apache.jena.graph.Node> nodes) {
    Set<String> ids = new TreeSet<>();
    for (org.apache.jena.graph.Node n : nodes) {
      if (n.isURI() || n.isBlank() || n.isTripleTerm()) {
        ids.add(id(n));
      }
    }
    return ids;
  }
}
