package org.newsgraph.cli;

import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.ChildJvm;
import org.newsgraph.extract.Extractor;
import org.newsgraph.extract.Profile;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.TdbStore;
import org.newsgraph.read.ArticleReader;

/**
 * Ctrl-C during a {@code build} (issue 14, item 5), as a user meets it: a {@code build} in its own
 * JVM gets SIGINT while it extracts, and while it loads Neo4j; after the signal it prints one line,
 * which says what was kept and what to run (no driver retry warnings, no stack traces); and a
 * {@code query} while Neo4j is behind the RDF store warns that its answer may be stale.
 */
class InterruptedBuildTest {
  @TempDir Path dir;

  /** A {@code newsgraph} command in its own JVM, SIGINT at its default disposition (see {@link ChildJvm}). */
  static BuildKillTest.Child start(Path dir, String name, String heap, String... args) throws IOException {
    // a progress line per article (not one per 30 s), so the test sees the extraction under way
    List<String> cmd = new java.util.ArrayList<>(List.of(heap, "-Dnewsgraph.progressSeconds=0", Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process p = new ProcessBuilder(ChildJvm.java(cmd.toArray(String[]::new)))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new BuildKillTest.Child(p, out, err, name);
  }

  /** Sends SIGINT and waits for the end; returns what standard error got after the signal. */
  static String interrupt(BuildKillTest.Child child) throws Exception {
    Process process = child.process();
    assertFalse(ChildJvm.ignoresSigint(process.pid()), "the child ignores SIGINT");
    int before = child.err().length();
    assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "did not stop within 120 s of SIGINT");
    assertEquals(130, process.exitValue(), "ended by SIGINT");
    return child.err().substring(before);
  }

  @Test
  void ctrlCWhileExtractingSaysNothingWasStoredAndWhatToRun() throws Exception {
    Path data = dir.resolve("data");
    BuildKillTest.Child build = start(dir, "extracting", "-Xmx6g", "--data-dir", data.toString(), "build", "--profile", "fast",
        "--threads", "1", "--date", "2024-01-02", "bench/corpus");
    assertTrue(build.awaitErr(e -> e.contains("progress: 2/24 articles"), 600), build.err());
    String after = interrupt(build);
    System.out.println("after SIGINT while extracting: " + after);
    assertEquals("newsgraph build: interrupted while reading and extracting the articles; nothing of this run was"
        + " stored. Run the same 'newsgraph build' again to start over\n", after);
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      assertEquals(List.of(), tdb.graphNames());
    }
  }

  @Test
  void ctrlCWhileLoadingNeo4jSaysTheRdfIsKeptAndToRunBuildAgainThenQueryWarns() throws Exception {
    Path data = dir.resolve("data");
    Path input = Files.createDirectories(dir.resolve("in")).resolve("a.txt");
    Files.writeString(input, "A quiet day\n\nNothing happened in the town.\n");
    // the article stored as a build would leave it, and 240,000 more triples for Neo4j to load
    Article a = new ArticleReader(LocalDate.of(2024, 1, 2)).read(List.of(input), p -> {
      throw new AssertionError(p.toString());
    }).get(0);
    RdfMapper mapper = new RdfMapper();
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      tdb.replaceGraph(mapper.articleIri("a"), mapper.map(new ArticleGraph(a, List.of(), List.of(), List.of(),
          List.of(), Extractor.version(Profile.ACCURATE))));
      Model big = ModelFactory.createDefaultModel();
      Resource type = big.createResource("https://example.org/Thing");
      Property name = big.createProperty("https://example.org/name");
      Property next = big.createProperty("https://example.org/next");
      for (int i = 0; i < 60_000; i++) {
        big.createResource("https://example.org/r" + i).addProperty(RDF.type, type).addProperty(name, "thing " + i)
            .addLiteral(big.createProperty("https://example.org/n"), (long) i)
            .addProperty(next, big.createResource("https://example.org/r" + (i + 1)));
      }
      tdb.replaceGraph("https://example.org/graph/big", big);
    }
    // what an earlier interrupted build left: Neo4j is behind, so this build loads it
    PendingLoads.add(data, List.of(mapper.articleIri("a")));

    BuildKillTest.Child build = start(dir, "loading", "-Xmx2g", "--data-dir", data.toString(), "build", "--date", "2024-01-02",
        input.toString());
    assertTrue(build.awaitErr(e -> e.contains("Neo4j ready after"), 300), build.err());
    java.util.regex.Matcher bolt = java.util.regex.Pattern.compile("Bolt at (bolt://\\S+)").matcher(build.err());
    assertTrue(bolt.find(), build.err());
    long seen = 0;
    try (org.neo4j.driver.Driver driver = org.neo4j.driver.GraphDatabase.driver(bolt.group(1),
        org.neo4j.driver.AuthTokens.none())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (seen == 0 && build.process().isAlive() && System.nanoTime() < deadline) {
        try (org.neo4j.driver.Session session = driver.session()) {
          seen = session.run("MATCH (n:Resource) RETURN count(n)").single().get(0).asLong();
        } catch (org.neo4j.driver.exceptions.Neo4jException e) {
          // not ready yet
        }
        Thread.sleep(10);
      }
    }
    assertTrue(seen > 0 && build.process().isAlive(), "the load was not under way: " + seen + "\n" + build.err());
    String after = interrupt(build);
    System.out.println("after SIGINT while loading Neo4j: " + after);
    assertEquals(1, after.lines().count(), after);
    assertTrue(after.startsWith("newsgraph build: interrupted while loading Neo4j; the RDF is stored in " + data.resolve("tdb2").toAbsolutePath() + " (newsgraph sparql works now), Neo4j has only part"
        + " of it and neo4j-pending.txt lists what it lacks. Run the same 'newsgraph build' again to finish"), after);
    assertFalse(after.contains("WARN") || after.contains("Exception") || after.contains("retried"), after);
    assertTrue(Files.exists(PendingLoads.file(data)), "the pending list is kept for the next build");

    // Neo4j has part of it: query says its answer may be stale
    CliRun q = CliRun.run("--data-dir", data.toString(), "query", "MATCH (n:Thing) RETURN count(n) AS n");
    assertEquals(0, q.exit(), q.toString());
    assertTrue(q.err().startsWith("newsgraph: warning: Neo4j is behind the RDF store, so this answer may be stale:"
        + " an interrupted or failed build or remove left "), q.err());
    assertTrue(q.err().contains("Run the same 'newsgraph build' again"), q.err());

    // the same build again finishes the job; query is quiet then
    CliRun again = CliRun.run("--data-dir", data.toString(), "build", "--date", "2024-01-02", input.toString());
    assertEquals(0, again.exit(), again.toString());
    CliRun quiet = CliRun.run("--data-dir", data.toString(), "query", "MATCH (n:Thing) RETURN count(n) AS n",
        "--format", "csv");
    assertEquals("", quiet.err());
    assertEquals("n\n60000\n", quiet.out().replace("\r\n", "\n"));
  }
}
