package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.config.Setting;
import org.newsgraph.StoreUnavailableException;

class EmbeddedNeo4jTest {
  private static long createMarker(Path dir, String by) {
    try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir);
        Neo4jStore store = Neo4jStore.connect(neo4j.boltUri(), null, null, null)) {
      store.query("CREATE (:Marker {by: $by})", Map.of("by", by), true, null);
      return store.count("MATCH (m:Marker) RETURN count(m)");
    }
  }

  /** The page cache Neo4j runs with, as it reports the setting. */
  private static String pageCache(EmbeddedNeo4j neo4j) {
    try (Neo4jStore store = Neo4jStore.connect(neo4j.boltUri(), null, null, null);
        org.neo4j.driver.Session s = store.session(org.neo4j.driver.AccessMode.READ)) {
      return s.run("SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size' RETURN value")
          .single().get(0).asString();
    }
  }

  @Test
  void thePageCacheIs512MiBUnlessThePolicySetsIt(@TempDir Path dir) {
    try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir.resolve("default"))) {
      assertEquals("512.00MiB", pageCache(neo4j), "not Neo4j's share of the free memory");
    }
    try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir.resolve("set"),
        EmbeddedNeo4j.Policy.WRITABLE.withPageCache(24L * 1024 * 1024))) {
      assertEquals("24.00MiB", pageCache(neo4j));
    }
    assertThrows(IllegalArgumentException.class, () -> EmbeddedNeo4j.Policy.WRITABLE.withPageCache(1024));
  }

  @Test
  void startsOnLoopbackAndRestartsOnTheSameDirectoryKeepingData(@TempDir Path dir) {
    long t0 = System.nanoTime();
    EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir);
    long firstStart = (System.nanoTime() - t0) / 1_000_000;
    try (neo4j;
        Neo4jStore store = Neo4jStore.connect(neo4j.boltUri(), null, null, null)) {
      assertEquals("bolt://127.0.0.1:" + neo4j.boltPort(), neo4j.boltUri());
      assertEquals(dir.toAbsolutePath().normalize(), neo4j.homeDir());
      store.query("CREATE (:Marker {by: 'first'})", null, true, null);
    }
    assertDoesNotThrow(neo4j::close, "close is idempotent");

    t0 = System.nanoTime();
    try (EmbeddedNeo4j again = EmbeddedNeo4j.start(dir);
        Neo4jStore store = Neo4jStore.connect(again.boltUri(), null, null, null)) {
      long restart = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("embedded Neo4j: first start %d ms, restart %d ms%n", firstStart, restart);
      assertEquals(1L, store.count("MATCH (m:Marker {by: 'first'}) RETURN count(m)"));
    }
    assertTrue(Files.isRegularFile(dir.resolve("logs/debug.log")));
    assertTrue(Files.isRegularFile(dir.resolve("logs/neo4j.log")));
    assertTrue(Files.isDirectory(dir.resolve("data/databases/neo4j")));
  }

  @Test
  void secondInstanceOnTheSameDirectoryIsRefused(@TempDir Path dir) {
    try (EmbeddedNeo4j first = EmbeddedNeo4j.start(dir);
        Neo4jStore store = Neo4jStore.connect(first.boltUri(), null, null, null)) {
      StoreUnavailableException e =
          assertThrows(StoreUnavailableException.class, () -> EmbeddedNeo4j.start(dir));
      assertLockMessage(e, dir);
      store.query("CREATE (:Marker)", null, true, null);
      assertEquals(1L, store.count("MATCH (m:Marker) RETURN count(m)"), "first still works");
    }
  }

  @Test
  void anotherProcessHoldsTheLockAndDataCrossesJvms(@TempDir Path dir, @TempDir Path tmp)
      throws Exception {
    assertEquals(1L, createMarker(dir, "parent"));

    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Path childErr = tmp.resolve("child.err");
    Process child =
        new ProcessBuilder(
                javaBin.toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedNeo4jChild.class.getName(),
                dir.toString())
            .redirectError(childErr.toFile())
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  if (l.startsWith("CHILD ")) {
                    lines.add(l);
                  }
                }
              } catch (Exception e) {
                lines.add("CHILD ERROR reading: " + e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      List<String> seen = new ArrayList<>();
      while (!seen.contains("CHILD READY")) {
        String l = lines.poll(180, TimeUnit.SECONDS);
        assertNotNull(l, "child did not get ready; saw " + seen + "; stderr in " + childErr);
        assertTrue(!l.startsWith("CHILD ERROR"), l);
        seen.add(l);
      }
      assertEquals(List.of("CHILD COUNT 1", "CHILD READY"), seen);

      StoreUnavailableException e =
          assertThrows(StoreUnavailableException.class, () -> EmbeddedNeo4j.start(dir));
      assertLockMessage(e, dir);

      try (OutputStream in = child.getOutputStream()) {
        in.write("stop\n".getBytes(StandardCharsets.UTF_8));
      }
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child did not stop");
      assertEquals(0, child.exitValue());
      assertEquals("CHILD CLOSED", lines.poll(10, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    assertEquals(3L, createMarker(dir, "parent again"));
  }

  @Test
  void aTakenPortIsRetriedThenReportedAndLeavesTheDirectoryUsable(@TempDir Path dir)
      throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Map<Setting<?>, Object> busy =
          Map.of(
              BoltConnector.listen_address, new SocketAddress("127.0.0.1", taken.getLocalPort()));
      StoreUnavailableException e =
          assertThrows(StoreUnavailableException.class, () -> EmbeddedNeo4j.start(dir, busy));
      assertEquals(
          "Embedded Neo4j could not bind a Bolt port on 127.0.0.1 after 3 attempts",
          e.getMessage());
    }
    assertEquals(1L, createMarker(dir, "after bind failure"));
  }

  private static void assertLockMessage(StoreUnavailableException e, Path dir) {
    assertEquals(
        "The data folder "
            + dir.toAbsolutePath().normalize()
            + " is in use by another newsgraph or Neo4j process. Stop that process or use another"
            + " --data-dir.",
        e.getMessage());
  }
}
