package org.newsgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * What {@code serve} lets clients do (issue 14, items 1 and 2), checked with the clients users
 * have: the Java driver in WRITE mode, where the server alone can refuse writes, and HTTP. A Bolt
 * session's writes are refused by the read-only database; a runaway SPARQL query and a runaway
 * Cypher query are stopped by the server soon after the limit, and nothing of them keeps running.
 */
class ServeLimitsTest {
  static final int LIMIT_SECONDS = 3;
  /** What the server may take beyond the limit: the check interval, the query's next check, the answer. */
  static final long GRACE_MILLIS = 4_000;

  @TempDir static Path dir;
  static NewsgraphServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    ServeFixtures.dataFolder(dir, "/viz/small.trig", true);
    server = NewsgraphServer.start(dir.resolve("tdb2"), NewsgraphServer.Neo4jTarget.embedded(dir.resolve("neo4j"), 0), 0,
        new NewsgraphServer.Options(false, Duration.ofSeconds(LIMIT_SECONDS)));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Session writeSession(Driver driver) {
    return driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE).build());
  }

  @Test
  void boltRefusesWritesWhateverTheSessionAsksFor() {
    try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none()); Session session = writeSession(driver)) {
      long nodes = session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
      long persons = session.run("MATCH (p:Person) RETURN count(p) AS n").single().get("n").asLong();
      assertEquals(2, persons);
      for (String write : List.of("CREATE (:Person {name: 'Intruder'})", "MATCH (p:Person) SET p.name = 'X'",
          "MATCH (n) DETACH DELETE n", "CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name)")) {
        ClientException e = assertThrows(ClientException.class, () -> session.run(write).consume(), write);
        assertEquals("Neo.ClientError.General.WriteOnReadOnlyAccessDatabase", e.code(), write + ": " + e.getMessage());
        // and in an explicit write transaction
        ClientException tx = assertThrows(ClientException.class,
            () -> session.executeWrite(t -> t.run(write).consume()), write);
        assertEquals("Neo.ClientError.General.WriteOnReadOnlyAccessDatabase", tx.code());
      }
      assertEquals(nodes, session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong());
      assertEquals(List.of("Jane Roe", "John Doe"), session.run("MATCH (p:Person) RETURN p.name AS n ORDER BY n")
          .list(r -> r.get("n").asString()));
      assertEquals(0, session.run("SHOW INDEXES YIELD name WHERE name = 'person_name' RETURN count(*) AS n")
          .single().get("n").asLong());
    }
  }

  @Test
  void withWriteBoltClientsMayWrite(@TempDir Path other) throws Exception {
    ServeFixtures.dataFolder(other, "/viz/small.trig", true);
    try (NewsgraphServer writable = NewsgraphServer.start(other.resolve("tdb2"),
        NewsgraphServer.Neo4jTarget.embedded(other.resolve("neo4j"), 0), 0,
        new NewsgraphServer.Options(true, Duration.ofSeconds(LIMIT_SECONDS)));
        Driver driver = GraphDatabase.driver(writable.boltUri(), AuthTokens.none());
        Session session = writeSession(driver)) {
      session.run("CREATE (:Note {text: 'mine'})").consume();
      assertEquals(1, session.run("MATCH (n:Note) RETURN count(n) AS n").single().get("n").asLong());
      assertTrue(writable.describe().get("Bolt").contains("writable"), writable.describe().toString());
    }
    assertTrue(server.describe().get("Bolt").contains("read-only"), server.describe().toString());
  }

  @Test
  void aRunawayCypherQueryIsStoppedByTheServerEvenWhenTheClientAsksForMoreTime() throws Exception {
    try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none()); Session session = writeSession(driver)) {
      // the client asks for ten minutes; the server's limit wins
      TransactionConfig tenMinutes = TransactionConfig.builder().withTimeout(Duration.ofMinutes(10)).build();
      for (String runaway : List.of("UNWIND range(1, 100000000000) AS x RETURN count(x)",
          "MATCH (a), (b), (c), (d), (e), (f), (g) WHERE a.uri + b.uri + c.uri + d.uri + e.uri + f.uri + g.uri = '' RETURN a")) {
        long t0 = System.nanoTime();
        // without the server's limit this would run on; the test gives up well after the limit instead
        Neo4jException e = assertTimeoutPreemptively(Duration.ofMillis(LIMIT_SECONDS * 1000L + GRACE_MILLIS + 10_000),
            () -> assertThrows(Neo4jException.class, () -> session.run(runaway, tenMinutes).list(), runaway));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("Cypher stopped after %d ms (limit %d s): %s%n", millis, LIMIT_SECONDS, runaway);
        assertEquals("Neo.ClientError.Transaction.TransactionTimedOut", e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
        assertTrue(millis >= LIMIT_SECONDS * 1000L - 100, "stopped before the limit: " + millis + " ms");
        assertTrue(millis < LIMIT_SECONDS * 1000L + GRACE_MILLIS, "stopped only after " + millis + " ms");
      }
      // nothing of them runs on: the server lists no transaction but the one asking
      List<String> running = session.run("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery")
          .list(r -> r.get(0).asString());
      assertEquals(1, running.size(), running.toString());
      assertEquals(List.of(), idleWithin(3_000, "org.neo4j.cypher.internal.runtime"), "Cypher threads still busy");
    }
  }

  @Test
  void aRunawaySparqlQueryIsStoppedAndTheClientIsToldWhy() throws Exception {
    String cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";
    // a request's own 'timeout' parameter cannot raise the server's limit
    for (String extra : List.of("", "&timeout=600000")) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
          + URLEncoder.encode(cross, StandardCharsets.UTF_8) + extra))
          .timeout(Duration.ofMillis(LIMIT_SECONDS * 1000L + GRACE_MILLIS + 10_000)).build(),
          HttpResponse.BodyHandlers.ofString());
      long millis = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf("SPARQL stopped after %d ms (limit %d s)%s%n", millis, LIMIT_SECONDS, extra);
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().contains("limit of " + LIMIT_SECONDS + " s (newsgraph serve --query-timeout)"), r.body());
      assertTrue(millis >= LIMIT_SECONDS * 1000L - 100 && millis < LIMIT_SECONDS * 1000L + GRACE_MILLIS,
          "answered after " + millis + " ms");
      assertEquals(List.of(), idleWithin(3_000, "org.apache.jena.sparql.engine", "org.apache.jena.tdb2"),
          "query threads still busy");
    }
    HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
        + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ok.statusCode(), "quick queries still answer: " + ok.body());
  }

  @Test
  void theQueryBoxSaysWhenItsQueryRanOutOfTime() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.pageUrl() + "api/cypher"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper()
            .writeValueAsString(Map.of("query", "UNWIND range(1, 100000000000) AS x RETURN count(x)")))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(r.body().contains("limit of " + LIMIT_SECONDS + " s (newsgraph serve --query-timeout)"), r.body());
  }

  /**
   * The threads still running code of the packages after waiting up to {@code millis} for there to
   * be none (a stopped query's thread may take a moment to unwind on a loaded machine); empty when
   * all went idle.
   */
  static List<String> idleWithin(long millis, String... packages) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    List<String> busy = busy(packages);
    while (!busy.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      busy = busy(packages);
    }
    return busy;
  }

  /** Threads of this JVM running code of one of the packages (at the top of their stack, or below). */
  static List<String> busy(String... packages) {
    List<String> names = new ArrayList<>();
    for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
      if (t.getThreadState() != Thread.State.RUNNABLE) {
        continue;
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        boolean match = false;
        for (String p : packages) {
          match |= frame.getClassName().startsWith(p);
        }
        if (match) {
          names.add(t.getThreadName() + " at " + frame);
          break;
        }
      }
    }
    return names;
  }
}
