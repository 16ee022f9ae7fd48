package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages that need no NLP models. */
class CliErrorsTest {
  @TempDir Path dir;

  @Test
  void helpAndVersion() {
    CliRun help = CliRun.run("--help");
    assertEquals(0, help.exit());
    for (String cmd : new String[] {"build", "extract", "query", "sparql", "export"}) {
      assertTrue(help.out().contains(cmd), help.out());
      CliRun h = CliRun.run(cmd, "--help");
      assertEquals(0, h.exit(), h.toString());
      assertTrue(h.out().startsWith("Usage: newsgraph " + cmd), h.out());
    }
    CliRun v = CliRun.run("--version");
    assertEquals(0, v.exit());
    assertTrue(v.out().contains("newsgraph-extract/"), v.out());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, CliRun.run("build").exit());
    assertEquals(2, CliRun.run("frobnicate").exit());
    assertEquals(2, CliRun.run().exit());
    CliRun badFormat = CliRun.run("--data-dir", dir.toString(), "export", "-f", "yaml");
    assertEquals(2, badFormat.exit(), badFormat.toString());
    assertTrue(badFormat.err().contains("turtle, ntriples, jsonld, trig, nquads, rdfxml"), badFormat.err());
    CliRun badDate = CliRun.run("extract", "x.txt", "--date", "yesterday");
    assertEquals(2, badDate.exit());
  }

  @Test
  void aUsageErrorIsOneLineAndWhereTheHelpIsNotTheHelpText() {
    CliRun unknown = CliRun.run("build", "seeds/", "--frobnicate");
    assertEquals(2, unknown.exit(), unknown.toString());
    assertEquals(List.of("newsgraph: Unknown option: '--frobnicate'", "See 'newsgraph build --help'."),
        unknown.err().lines().toList());
    assertEquals("", unknown.out());
    CliRun typo = CliRun.run("biuld", "seeds/");
    assertEquals(2, typo.exit(), typo.toString());
    assertTrue(typo.err().startsWith("newsgraph: Unmatched arguments from index 0: 'biuld', 'seeds/'"), typo.err());
    assertTrue(typo.err().contains("Did you mean: newsgraph build?"), typo.err());
    assertTrue(typo.err().strip().endsWith("See 'newsgraph --help'."), typo.err());
    assertTrue(!typo.err().contains("Usage:") && typo.err().lines().count() <= 4, typo.err());
    CliRun missing = CliRun.run("query");
    assertEquals(2, missing.exit(), missing.toString());
    assertEquals(List.of("newsgraph: Missing required parameter: 'CYPHER'", "See 'newsgraph query --help'."),
        missing.err().lines().toList());
    // the commands' own checks of their arguments say the same two lines
    CliRun noInput = CliRun.run("build");
    assertEquals(2, noInput.exit(), noInput.toString());
    assertEquals(List.of("newsgraph: no input: give article files, folders or URLs, e.g. 'newsgraph build seeds/'",
        "See 'newsgraph build --help'."), noInput.err().lines().toList());
    CliRun badFormat = CliRun.run("--data-dir", dir.toString(), "query", "--format", "xml", "RETURN 1");
    assertEquals(2, badFormat.exit(), badFormat.toString());
    assertEquals(List.of("newsgraph: unknown --format 'xml'; use one of [table, csv, json]",
        "See 'newsgraph query --help'."), badFormat.err().lines().toList());
    CliRun badEvery = CliRun.run("watch", "--every", "5x", "https://example.org/feed.xml");
    assertEquals(2, badEvery.exit(), badEvery.toString());
    assertEquals(List.of("newsgraph: --every takes a duration such as 90s, 15m or 2h, not '5x'",
        "See 'newsgraph watch --help'."), badEvery.err().lines().toList());
    CliRun badCache = CliRun.run("--neo4j-page-cache", "5x", "query", "RETURN 1");
    assertEquals(2, badCache.exit(), badCache.toString());
    assertEquals(List.of("newsgraph: Invalid value for option '--neo4j-page-cache': '5x' is not a size such as 512m or 2g",
        "See 'newsgraph --help'."), badCache.err().lines().toList());
    CliRun none = CliRun.run();
    assertEquals(List.of("newsgraph: Missing command: say what to do, e.g. 'newsgraph build seeds/'",
        "See 'newsgraph --help'."), none.err().lines().toList());
  }

  @Test
  void unreadableInputExitsOneAndNamesTheFile() throws Exception {
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "  \n");
    CliRun r = CliRun.run("extract", empty.toString());
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().contains("empty.txt"), r.err());
  }

  @Test
  void unreachableNeo4jExitsThreeQuicklyAndSaysWhatToDo() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    long t0 = System.nanoTime();
    CliRun r = CliRun.run("--data-dir", dir.toString(), "--neo4j-uri", "bolt://127.0.0.1:" + port, "query", "RETURN 1");
    assertEquals(3, r.exit(), r.toString());
    assertTrue((System.nanoTime() - t0) / 1e9 < 15, "took too long");
    assertTrue(r.err().contains("bolt://127.0.0.1:" + port) && r.err().contains("NEO4J_URI"), r.err());
  }

  @Test
  void readOnlyCommandsOnAFolderWithNoStoreSayToBuildFirstAndCreateNothing() {
    Path fresh = dir.resolve("nothing-here");
    for (String[] args : new String[][] {{"query", "RETURN 1"}, {"sparql", "ASK {}"}}) {
      String[] full = new String[args.length + 2];
      full[0] = "--data-dir";
      full[1] = fresh.toString();
      System.arraycopy(args, 0, full, 2, args.length);
      CliRun r = CliRun.run(full);
      assertEquals(1, r.exit(), r.toString());
      assertTrue(r.err().contains("run 'newsgraph build INPUT...' first"), r.err());
    }
    assertTrue(!Files.exists(fresh), "a read-only command created " + fresh);
  }

  @Test
  void exportOfAnEmptyStoreSaysToBuildFirst() {
    CliRun r = CliRun.run("--data-dir", dir.resolve("fresh").toString(), "export");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().contains("newsgraph build"), r.err());
  }

  @Test
  void queryHelpSaysReadOnlyAndHostileSparqlExitsTwoNamingWhy() {
    CliRun h = CliRun.run("query", "--help");
    assertTrue(h.out().contains("in a read transaction unless --write is given"), h.out());
    assertTrue(h.out().contains("Pass values with --param, never inside the query"), h.out());
    org.newsgraph.rdf.TdbStore.open(dir.resolve("tdb2")).close();
    CliRun service = CliRun.run("--data-dir", dir.toString(), "sparql",
        "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }");
    assertEquals(2, service.exit(), service.toString());
    assertEquals("newsgraph: SERVICE <http://127.0.0.1:9/> is refused: queries read only the newsgraph store"
        + " and never reach the network\nSee 'newsgraph sparql --help'.\n", service.err());
    CliRun from = CliRun.run("--data-dir", dir.toString(), "sparql", "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }");
    assertEquals(2, from.exit(), from.toString());
    assertTrue(from.err().startsWith("newsgraph: FROM and FROM NAMED are refused"), from.err());
    assertTrue(!from.err().contains("root:"), from.err());
  }

  @Test
  void aRunawaySparqlQueryStopsAtTimeoutOneSecond() {
    try (org.newsgraph.rdf.TdbStore tdb = org.newsgraph.rdf.TdbStore.open(dir.resolve("tdb2"))) {
      org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
      // 2,000 triples: the cross product has 8e9 rows, many minutes of work without a time limit
      for (int i = 0; i < 2000; i++) {
        m.createResource("https://example.org/s" + i).addLiteral(m.createProperty("https://example.org/p"), (long) i);
      }
      tdb.replaceGraph("https://example.org/g", m);
    }
    long t0 = System.nanoTime();
    CliRun r = CliRun.run("--data-dir", dir.toString(), "sparql", "--timeout", "1",
        "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(1, r.exit(), r.toString());
    assertEquals("newsgraph: the SPARQL query was stopped after its time limit of 1 s (--timeout); nothing was"
        + " returned\n", r.err());
    // the limit plus the JVM's work around it, with room for a loaded machine (the run failed at 10 s
    // when another test suite and a long build shared the two cores)
    assertTrue(ms < 30_000, "took " + ms + " ms");
  }

  @Test
  void aRunawayCypherQueryStopsAtTimeoutOneSecondAndSaysSo() {
    org.newsgraph.neo4j.EmbeddedNeo4j.start(dir.resolve("neo4j")).close(); // an empty graph
    long t0 = System.nanoTime();
    CliRun r = CliRun.run("--data-dir", dir.toString(), "query", "--timeout", "1",
        "UNWIND range(1, 100000000000) AS x RETURN count(x)");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(1, r.exit(), r.toString());
    assertEquals("newsgraph: the Cypher query was stopped after its time limit of 1 s (--timeout); nothing was"
        + " returned. Narrow the query (LIMIT, a label or property to start from) or give it more time with"
        + " --timeout SECONDS (0: no limit)\n", r.err());
    assertTrue(!r.err().contains("Retry your operation"), r.err());
    assertTrue(ms < 30_000, "took " + ms + " ms");
  }

  @Test
  void badFilesAreEachReportedOnOneLineAndFailFastStopsAtTheFirst() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(in.resolve("a-binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe});
    Files.write(in.resolve("b-latin1.txt"), "Caf\u00e9 owner\nM\u00fcller said".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Files.writeString(in.resolve("c-empty.txt"), "");
    Files.writeString(in.resolve("d-blank.txt"), " \n\t\n  ");
    Files.writeString(in.resolve("e-no-body.html"), "<html><head><title>T</title></head></html>");
    Files.writeString(in.resolve("f-broken.jsonl"), "{\"id\": \"x\", \"title\": \"T\", \"text\": \"\"}\n{not json\n");
    Files.writeString(in.resolve("g-evil\nskipped forged.txt"), "");
    Files.writeString(in.resolve("huge.txt"), "Title\n" + "word ".repeat(10_000_000));
    CliRun r = CliRun.run("extract", in.toString(), "-o", dir.resolve("out.ttl").toString());
    assertEquals(1, r.exit(), r.toString());
    String[] lines = r.err().split("\n");
    List<String> skipped = java.util.Arrays.stream(lines).filter(l -> l.startsWith("skipped ")).toList();
    assertEquals(9, skipped.size(), r.err());
    assertTrue(skipped.get(0).startsWith("skipped " + in.resolve("a-binary.txt") + ": not valid UTF-8 (byte 0x89 on line 1)"), r.err());
    assertTrue(skipped.get(1).startsWith("skipped " + in.resolve("b-latin1.txt") + ": not valid UTF-8 (byte 0xE9 on line 1)"), r.err());
    assertTrue(r.err().contains("skipped " + in.resolve("g-evil?skipped forged.txt") + ": "), r.err());
    assertTrue(r.err().contains("skipped " + in.resolve("huge.txt") + ": the text has 49,999,999 characters, more than"
        + " --max-chars 1,000,000"), r.err());
    assertTrue(r.err().contains("f-broken.jsonl:2: not valid JSON at column 2"), r.err());
    assertTrue(!r.err().contains("Loading the CoreNLP models"), r.err());

    CliRun ff = CliRun.run("extract", "--fail-fast", in.toString(), "-o", dir.resolve("out2.ttl").toString());
    assertEquals(1, ff.exit(), ff.toString());
    assertTrue(ff.err().contains("stopped at the first problem (--fail-fast); nothing was extracted"), ff.err());
  }
}
