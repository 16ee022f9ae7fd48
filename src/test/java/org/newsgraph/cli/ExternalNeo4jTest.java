package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.neo4j.Neo4jServerChild;

/**
 * The external-Neo4j path: a Neo4j started in another JVM as a server would be (Bolt on loopback,
 * authentication on, a database named {@value #DATABASE}), and {@code load}, {@code query} and
 * {@code export} run against it with {@code --neo4j-uri}, user, password and {@code
 * --neo4j-database}, over {@code bolt://} and routing {@code neo4j://}. A wrong password fails
 * within seconds, after the RDF was saved; {@code load --from-store} then finishes the job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExternalNeo4jTest {
  static final String PASSWORD = "newsgraph-test-secret";
  static final String DATABASE = "newsgraph";
  @TempDir static Path dir;
  static Process server;
  static String bolt;
  static String data;
  static CliRun loaded;

  @BeforeAll
  static void startServer() throws Exception {
    Path home = dir.resolve("server");
    server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", System.getProperty("java.class.path"), Neo4jServerChild.class.getName(), home.toString(), PASSWORD,
        DATABASE).redirectError(dir.resolve("server.err").toFile()).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
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
    String ready = lines.poll(180, TimeUnit.SECONDS);
    assertNotNull(ready, "the Neo4j child did not start; see " + dir.resolve("server.err"));
    assertTrue(ready.startsWith("CHILD READY "), ready + "\n" + Files.readString(dir.resolve("server.err")));
    bolt = "bolt://127.0.0.1:" + ready.substring("CHILD READY ".length()).strip();
    data = dir.resolve("data").toString();
    loaded = run(bolt, PASSWORD, "load", RdfFixtures.resource("people.ttl").toString(),
        RdfFixtures.resource("two-articles.trig").toString());
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      try (OutputStream in = server.getOutputStream()) {
        in.write("stop\n".getBytes(StandardCharsets.UTF_8));
      } catch (Exception e) {
        // already gone
      }
      server.waitFor(60, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
  }

  static CliRun run(String uri, String password, String... args) {
    List<String> full = new ArrayList<>(List.of("--data-dir", data, "--neo4j-uri", uri, "--neo4j-user", "neo4j",
        "--neo4j-password", password, "--neo4j-database", DATABASE));
    full.addAll(Arrays.asList(args));
    return CliRun.run(full.toArray(String[]::new));
  }

  static long count(String uri, String cypher) {
    CliRun r = run(uri, PASSWORD, "query", cypher, "--format", "csv");
    assertEquals(0, r.exit(), r.toString());
    return Long.parseLong(r.out().strip().split("\r?\n")[1]);
  }

  @Test
  @Order(1)
  void loadGoesToTheServerAndNoEmbeddedNeo4jIsMade() {
    assertEquals(0, loaded.exit(), loaded.toString());
    assertTrue(loaded.out().contains("Graph:       Neo4j at " + bolt), loaded.out());
    assertFalse(Files.exists(Path.of(data, "neo4j")), "an embedded Neo4j was created");
  }

  @Test
  @Order(2)
  void queryCountsAreExactOverBoltAndOverARoutingUri() {
    Graph union = RdfFixtures.union(RdfFixtures.parse("people.ttl", "two-articles.trig"));
    String routing = bolt.replace("bolt://", "neo4j://");
    for (String uri : List.of(bolt, routing)) {
      assertEquals(RdfFixtures.resources(union), count(uri, "MATCH (n:Resource) RETURN count(n)"), uri);
      assertEquals(RdfFixtures.relationships(union), count(uri, "MATCH ()-[r]->() RETURN count(r)"), uri);
    }
    CliRun db = run(bolt, PASSWORD, "query", "CALL db.info() YIELD name RETURN name", "--format", "csv");
    assertEquals("name\n" + DATABASE, db.out().strip().replace("\r", ""), db.toString());
    CliRun noSuchDb = CliRun.run("--data-dir", data, "--neo4j-uri", bolt, "--neo4j-user", "neo4j", "--neo4j-password",
        PASSWORD, "--neo4j-database", "nosuchdb", "query", "RETURN 1");
    assertEquals(3, noSuchDb.exit(), noSuchDb.toString());
    assertTrue(noSuchDb.err().contains("has no usable database 'nosuchdb'"), noSuchDb.err());
  }

  @Test
  @Order(3)
  void exportWritesTheStoredRdf() {
    CliRun export = run(bolt, PASSWORD, "export", "-f", "nquads");
    assertEquals(0, export.exit(), export.toString());
    assertEquals(RdfFixtures.triples(RdfFixtures.parse("people.ttl", "two-articles.trig")),
        export.out().lines().filter(l -> !l.isBlank()).count());
  }

  @Test
  @Order(4)
  void aWrongPasswordFailsWithinSecondsAfterTheRdfIsSavedAndLoadFromStoreFinishes() {
    long t0 = System.nanoTime();
    CliRun wrong = run(bolt, "not-the-password", "load", RdfFixtures.resource("people.jsonld").toString());
    long seconds = (System.nanoTime() - t0) / 1_000_000_000;
    assertEquals(3, wrong.exit(), wrong.toString());
    assertTrue(seconds < 20, seconds + " s");
    assertTrue(wrong.err().contains("newsgraph: Neo4j at " + bolt + " rejected the credentials ("), wrong.err());
    assertTrue(wrong.err().contains("check --neo4j-user/--neo4j-password"), wrong.err());
    assertTrue(wrong.err().contains("the RDF of 1 file(s) (5 triples) is saved in " + Path.of(data, "tdb2")
        .toAbsolutePath()), wrong.err());
    assertTrue(wrong.err().contains("'newsgraph load --from-store'"), wrong.err());
    assertFalse(wrong.err().contains("not-the-password"), "the password was printed");
    CliRun graphs = run(bolt, PASSWORD, "sparql", "--format", "csv", "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g {} }");
    assertEquals("n\n4", graphs.out().strip().replace("\r", ""), graphs.toString());
    assertEquals(0, count(bolt, "MATCH (n:Person {name: 'Dave'}) RETURN count(n)"), "Neo4j got the file anyway");

    CliRun finish = run(bolt, PASSWORD, "load", "--from-store");
    assertEquals(0, finish.exit(), finish.toString());
    Graph all = RdfFixtures.union(RdfFixtures.parse("people.ttl", "two-articles.trig", "people.jsonld"));
    assertEquals(RdfFixtures.resources(all), count(bolt, "MATCH (n:Resource) RETURN count(n)"));
    assertEquals(RdfFixtures.relationships(all), count(bolt, "MATCH ()-[r]->() RETURN count(r)"));
    assertEquals(1, count(bolt.replace("bolt://", "neo4j://"), "MATCH (:Person {name: 'Dave'})-[:KNOWS]->"
        + "(:Person {name: 'Alice'}) RETURN count(*)"));
  }
}
