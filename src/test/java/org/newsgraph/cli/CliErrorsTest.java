package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
