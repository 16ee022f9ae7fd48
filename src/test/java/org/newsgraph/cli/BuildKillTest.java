package org.newsgraph.cli;

import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.TabularResult;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.rdf.TdbStore;

/**
 * Crash safety of {@code build} (issue 7, item 2; batches of issue 13), as a user meets it: a
 * separate JVM runs {@code newsgraph build} of 200 short articles, in batches of 50, into its own
 * data folder with an embedded Neo4j and is killed with SIGKILL part-way, at two points (as soon as
 * the third batch is in TDB2, before Neo4j has it, and, in the rerun, while it loads Neo4j); then {@code build} is run again on the same folder and
 * must end in exactly the state of one clean, uninterrupted run in another folder: the same quads in the same named graphs in TDB2,
 * the same nodes, labels, properties and relationships in Neo4j, no node twice per {@code uri} and
 * no relationship twice.
 *
 * <p>The articles give their dates with the year. With bare weekdays the comparison found a
 * difference that is not the store's: "Police in Berlin arrested Oliver Brown on Monday." published
 * 2024-03-01 got the event time 2024-02-26 as the 156th article of a run, but 2023-03-04 when
 * extracted alone or after a few others (presumably SUTime gave the next Monday, 2024-03-04, and
 * the "news reports the past" rule of EventExtractor.timeValue took a year off; weekdays now keep
 * SUTime's date, see EventTimeValueTest).
 *
 * <p>Loads the CoreNLP models in three child JVMs (8 GB heap each, as ./newsgraph, one at
 * a time).
 */
class BuildKillTest {
  static final int ARTICLES = 200;
  static final String DATE = "2024-03-01";

  @TempDir Path dir;

  @Test
  void aBuildKilledTwiceAndRunAgainEndsInTheStateOfOneCleanRun() throws Exception {
    Path corpus = dir.resolve("corpus");
    writeCorpus(corpus, ARTICLES);

    Path clean = dir.resolve("clean");
    Child reference = Child.build(clean, corpus, "clean");
    assertEquals(0, reference.waitFor(900), reference.toString());
    assertTrue(reference.out().contains("Built " + ARTICLES + " article(s)."), reference.toString());

    // first kill: in the third batch (50 articles a batch here), as soon as its RDF is in TDB2
    Path data = dir.resolve("killed");
    Child first = Child.build(data, corpus, "first");
    assertTrue(first.awaitErr(e -> e.contains("stored 150 article graph(s) in TDB2 (batch 3)"), 900), first.toString());
    first.kill();
    // looked at in a copy: the reruns must recover the killed folder (locks, journals) by themselves
    Path afterFirst = copy(data, dir.resolve("after-first-kill"));
    long stored = graphCount(afterFirst);
    assertTrue(stored >= 150, stored + " graphs");
    // listed before TDB2 changed: the resources of the third batch (the first two were loaded and the list cleared)
    TreeSet<String> pendingAfterFirst = new TreeSet<>(Files.readAllLines(PendingLoads.file(afterFirst),
        StandardCharsets.UTF_8));
    assertTrue(pendingAfterFirst.containsAll(resourcesOf(afterFirst, 100, 150)), "the pending list after the first kill");
    assertFalse(pendingAfterFirst.containsAll(resourcesOf(afterFirst, 0, 50)), "the first batch was loaded");
    System.out.printf("first kill: %d of %d graphs were in TDB2, %d resource(s) pending for Neo4j%n", stored, ARTICLES,
        pendingAfterFirst.size());

    // second kill: during the Neo4j load of the rerun, as soon as its first nodes are committed
    Child second = Child.build(data, corpus, "second");
    assertTrue(second.awaitErr(e -> e.contains("Neo4j ready after"), 900), second.toString());
    java.util.regex.Matcher bolt = java.util.regex.Pattern.compile("Bolt at (bolt://\\S+)").matcher(second.err());
    assertTrue(bolt.find(), second.toString());
    long seen = 0;
    try (org.neo4j.driver.Driver driver = org.neo4j.driver.GraphDatabase.driver(bolt.group(1),
        org.neo4j.driver.AuthTokens.none())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (seen == 0 && second.process().isAlive() && System.nanoTime() < deadline) {
        try (org.neo4j.driver.Session session = driver.session()) {
          seen = session.run("MATCH (n:Resource) RETURN count(n)").single().get(0).asLong();
        }
        Thread.sleep(10);
      }
    }
    assertTrue(second.process().isAlive(), "the second run ended before it was killed:\n" + second);
    second.kill();
    assertEquals(stored, second.err().lines().filter(l -> l.endsWith("unchanged, skipped (same content hash and"
        + " extractor version as stored)")).count(), "the articles the first run stored are not extracted again");
    Path afterSecond = copy(data, dir.resolve("after-second-kill"));
    assertEquals(ARTICLES, graphCount(afterSecond), "the second run had stored every graph in TDB2 before loading Neo4j");
    // the third batch of the first run and what the second run stored, all listed before TDB2 changed
    TreeSet<String> pending = new TreeSet<>(Files.readAllLines(PendingLoads.file(afterSecond), StandardCharsets.UTF_8));
    assertFalse(pending.contains(PendingLoads.WHOLE_STORE), "Neo4j was not empty: no fill from the whole store");
    assertTrue(pending.containsAll(resourcesOf(afterSecond, 100, ARTICLES)), "the pending list");
    State atKill = State.of(afterSecond);
    assertTrue(atKill.nodeCount >= seen && seen > 0, "killed before the first nodes were committed: " + seen);

    Child last = Child.build(data, corpus, "last");
    assertEquals(0, last.waitFor(900), last.toString());
    assertTrue(last.out().startsWith("Built 0 article(s); " + ARTICLES + " unchanged, skipped."), last.toString());
    assertTrue(last.out().contains("caught up with " + pending.size() + " resource(s) an interrupted"), last.toString());
    assertFalse(Files.exists(PendingLoads.file(data)), "the pending list is cleared once Neo4j is loaded");

    State want = State.of(clean);
    State got = State.of(data);
    System.out.printf("second kill: Neo4j held %d of %d nodes, %d of %d relationships%n",
        atKill.nodeCount, want.nodeCount, atKill.relationshipCount, want.relationshipCount);
    assertTrue(want.quads.size() > 20 * ARTICLES, "too few quads for " + ARTICLES + " articles: " + want.quads.size());
    assertTrue(want.relationships.size() > ARTICLES, "too few relationships: " + want.relationships.size());
    assertEquals(ARTICLES, want.graphs.size());
    assertEquals(want.graphs, got.graphs, "named graphs");
    assertEquals(want.quads.size(), got.quads.size(), "TDB2 quad count");
    assertEquals(List.of(), diff(want.quads, got.quads), "quads only in the clean run / only in the killed one");
    assertEquals(want.nodes.size(), got.nodes.size(), "Neo4j node count");
    assertEquals(want.relationships.size(), got.relationships.size(), "Neo4j relationship count");
    assertEquals(List.of(), diff(want.nodes, got.nodes), "Neo4j nodes (labels, properties)");
    assertEquals(List.of(), diff(want.relationships, got.relationships), "Neo4j relationships (ends, type, properties)");
    assertEquals(0, got.duplicateUris, "nodes sharing a uri");
    assertEquals(0, got.duplicateRelationships, "relationships repeated between the same nodes with the same type");
    assertEquals(want.nodeCount, got.nodeCount, "Neo4j node count (counted by Neo4j)");
    assertEquals(want.relationshipCount, got.relationshipCount, "Neo4j relationship count (counted by Neo4j)");
  }

  /** At most 20 lines of each side of the difference, marked "-" (only in want) and "+". */
  static List<String> diff(TreeSet<String> want, TreeSet<String> got) {
    List<String> d = new ArrayList<>();
    want.stream().filter(s -> !got.contains(s)).limit(20).forEach(s -> d.add("- " + s));
    got.stream().filter(s -> !want.contains(s)).limit(20).forEach(s -> d.add("+ " + s));
    return d;
  }

  /** A copy of a data folder, files only (a killed process's lock files included). */
  static Path copy(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
    return to;
  }

  static TreeSet<String> allResources(Path data) {
    TreeSet<String> ids = new TreeSet<>();
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      for (String g : tdb.graphNames()) {
        ids.addAll(PendingLoads.ids(tdb.resourcesOf(g)));
      }
    }
    return ids;
  }

  /** The resources of the graphs of articles {@code from + 1} to {@code to} (a001 is the first), as stored. */
  static TreeSet<String> resourcesOf(Path data, int from, int to) {
    TreeSet<String> ids = new TreeSet<>();
    org.newsgraph.rdf.RdfMapper mapper = new org.newsgraph.rdf.RdfMapper();
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      for (int i = from + 1; i <= to; i++) {
        ids.addAll(PendingLoads.ids(tdb.resourcesOf(mapper.articleIri(String.format("a%03d", i)))));
      }
    }
    assertTrue(!ids.isEmpty(), "no resources of articles " + (from + 1) + "-" + to);
    return ids;
  }

  static long graphCount(Path data) {
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      return tdb.graphNames().size();
    }
  }

  /** Everything both stores hold, as sorted canonical lines. */
  record State(TreeSet<String> graphs, TreeSet<String> quads, TreeSet<String> nodes, TreeSet<String> relationships,
      long nodeCount, long relationshipCount, long duplicateUris, long duplicateRelationships) {
    static State of(Path data) {
      TreeSet<String> graphs;
      TreeSet<String> quads = new TreeSet<>();
      try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
        graphs = new TreeSet<>(tdb.graphNames());
        Txn.executeRead(tdb.dataset(), () -> tdb.dataset().asDatasetGraph().find().forEachRemaining(
            (Quad q) -> quads.add(NodeFmtLib.str(q))));
      }
      try (EmbeddedNeo4j neo = EmbeddedNeo4j.start(data.resolve("neo4j"));
          Neo4jStore store = Neo4jStore.connect(neo.boltUri(), null, null, null)) {
        TreeSet<String> nodes = new TreeSet<>();
        for (List<Object> row : rows(store, "MATCH (n) RETURN labels(n), properties(n)")) {
          TreeSet<String> labels = new TreeSet<>();
          for (Object l : (List<?>) row.get(0)) {
            labels.add(String.valueOf(l));
          }
          nodes.add(labels + " " + new TreeMap<>((Map<?, ?>) row.get(1)));
        }
        TreeSet<String> rels = new TreeSet<>();
        for (List<Object> row : rows(store, "MATCH (a)-[r]->(b) RETURN coalesce(a.uri, a.namespace), type(r),"
            + " coalesce(b.uri, b.namespace), properties(r)")) {
          rels.add(row.get(0) + " -" + row.get(1) + "-> " + row.get(2) + " " + new TreeMap<>((Map<?, ?>) row.get(3)));
        }
        return new State(graphs, quads, nodes, rels,
            store.count("MATCH (n) RETURN count(n)"),
            store.count("MATCH ()-[r]->() RETURN count(r)"),
            store.count("MATCH (n:Resource) WITH n.uri AS u, count(*) AS c WHERE c > 1 RETURN count(u)"),
            store.count("MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, count(r) AS c WHERE c > 1 RETURN count(*)"));
      }
    }

    private static List<List<Object>> rows(Neo4jStore store, String cypher) {
      TabularResult r = store.query(cypher, null, false, null);
      return r.rows();
    }
  }

  /** A {@code newsgraph build} in its own JVM, output to files. */
  record Child(Process process, Path outFile, Path errFile, String name) {
    static Child build(Path data, Path corpus, String name) throws IOException {
      Path out = data.resolveSibling(name + ".out");
      Path err = data.resolveSibling(name + ".err");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx8g", "-XX:+UseParallelGC", "-Dnewsgraph.tdbBatch=50", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
          "--data-dir", data.toString(), "build", "--date", DATE, corpus.toString())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      return new Child(p, out, err, name);
    }

    String out() {
      return read(outFile);
    }

    String err() {
      return read(errFile);
    }

    private static String read(Path f) {
      try {
        return Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(cannot read " + f + ": " + e + ")";
      }
    }

    int waitFor(int seconds) throws InterruptedException {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(name + " did not end within " + seconds + " s:\n" + this);
      }
      return process.exitValue();
    }

    /** Polls stderr every 20 ms until {@code done} holds; false when the process ends or time runs out. */
    boolean awaitErr(Predicate<String> done, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        if (done.test(err())) {
          return true;
        }
        if (!process.isAlive()) {
          return done.test(err());
        }
        Thread.sleep(20);
      }
      return false;
    }

    /** SIGKILL: on Linux {@link Process#destroyForcibly()} sends signal 9, so the exit value is 128 + 9. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), name + " did not die");
      assertEquals(137, process.exitValue(), name + " was not ended by SIGKILL:\n" + this);
      System.out.println("killed " + name + "; its last lines: " + tail(err(), 3));
    }

    private static String tail(String s, int lines) {
      String[] all = s.strip().split("\n");
      return String.join(" | ", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    @Override
    public String toString() {
      return name + " --- out ---\n" + out() + "\n--- err ---\n" + err();
    }
  }

  // ---- the corpus: short, distinct news items with people, organisations and places ----

  static final String[] PEOPLE = {
    "Maria Lopez", "James Carter", "Anna Schmidt", "Kenji Tanaka", "Fatima Hassan", "Oliver Brown",
    "Sophie Martin", "Lucas Silva", "Priya Sharma", "Daniel Cohen", "Elena Petrova", "Samuel Okafor",
    "Laura Rossi", "Ahmed Karim", "Hannah Fischer", "Carlos Mendes", "Yuki Sato", "Grace Kim",
    "Thomas Muller", "Isabel Garcia", "David Nguyen", "Emma Wilson", "Pierre Dubois", "Nadia Rahman",
    "Michael Evans", "Chloe Bernard", "Victor Ivanov", "Aisha Bello", "Robert King", "Julia Novak"};
  static final String[] ORGS = {
    "Northwind Energy", "Bluepeak Bank", "Acme Robotics", "Helix Pharma", "Orion Airlines",
    "Greenfield Foods", "Summit Telecom", "Redwood Capital", "Atlas Shipping", "Nova Motors",
    "Silverline Media", "Crescent Steel", "Harbor Health", "Vertex Software", "Meridian Insurance"};
  static final String[] PLACES = {
    "Chicago", "Berlin", "Tokyo", "Nairobi", "Madrid", "Toronto", "Sydney", "Mumbai", "Paris",
    "Seoul", "Lagos", "Dublin", "Oslo", "Lima", "Warsaw", "Cairo", "Denver", "Lisbon"};
  // dates with their year: SUTime resolves a bare weekday ("on Monday") differently depending on
  // what the JVM extracted before (see the note in the class comment), which is not what this tests
  static final String[] DAYS = {"Feb. 26, 2024", "Feb. 27, 2024", "Feb. 28, 2024", "Feb. 29, 2024", "March 1, 2024"};

  /** Writes {@code n} distinct articles {@code a001.txt}... (title line, blank line, 1-3 sentences). */
  static void writeCorpus(Path folder, int n) throws IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < n; i++) {
      String p = PEOPLE[(i * 7) % PEOPLE.length];
      String q = PEOPLE[(i * 11 + 3) % PEOPLE.length];
      String o = ORGS[(i * 4) % ORGS.length];
      String o2 = ORGS[(i * 4 + 1 + i % 13) % ORGS.length]; // never o
      String c = PLACES[(i * 5) % PLACES.length];
      String day = DAYS[i % DAYS.length];
      int k = 20 + i * 3;
      String[] story = switch (i % 8) {
        case 0 -> new String[] {o + " opens office in " + c,
            p + ", the chief executive of " + o + ", said on " + day + " that the company would open an office in "
                + c + " with " + k + " staff."};
        case 1 -> new String[] {o + " names new chairman",
            o + " appointed " + p + " as chairman on " + day + ". " + p + " previously worked at " + o2 + "."};
        case 2 -> new String[] {c + "-based " + o + " buys rival",
            "The " + c + "-based company " + o + " agreed to buy " + o2 + " for $" + k + " million, " + q
                + ", a spokesman for " + o + ", said."};
        case 3 -> new String[] {p + " arrested in " + c,
            "Police in " + c + " arrested " + p + " on " + day + ". " + p + " was charged with fraud."};
        case 4 -> new String[] {p + " founds " + o,
            p + " founded " + o + " in " + c + " in " + (1990 + i % 30) + ". " + q + " joined the firm as director."};
        case 5 -> new String[] {o + " and " + o2 + " sign deal",
            o + " signed a supply deal with " + o2 + " in " + c + " on " + day + ". " + q + ", who leads "
                + o2 + ", praised the agreement. The deal covers " + k + " ships."};
        case 6 -> new String[] {p + " meets " + q,
            p + " met " + q + " in " + c + " on " + day + " to discuss trade."};
        default -> new String[] {o + " cuts jobs",
            o + " will cut " + k + " jobs at its plant in " + c + ", " + p + ", its president, said on " + day + "."};
      };
      Files.writeString(folder.resolve(String.format("a%03d.txt", i + 1)), story[0] + "\n\n" + story[1] + "\n",
          StandardCharsets.UTF_8);
    }
  }
}
