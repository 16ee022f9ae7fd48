package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.newsgraph.StoreUnavailableException;
import org.newsgraph.TabularResult;

class Neo4jStoreTest {
  @TempDir static Path home;
  static EmbeddedNeo4j neo4j;
  static Neo4jStore store;

  @BeforeAll
  static void start() {
    neo4j = EmbeddedNeo4j.start(home);
    store = Neo4jStore.connect(neo4j.boltUri(), null, null, null);
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    if (neo4j != null) {
      neo4j.close();
    }
  }

  @BeforeEach
  void wipe() {
    store.query("MATCH (n) DETACH DELETE n", null, true, null);
  }

  @Test
  void connectToAClosedPortFailsFastNamingTheUri() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String uri = "bolt://127.0.0.1:" + port;
    long t0 = System.nanoTime();
    StoreUnavailableException e =
        assertThrows(
            StoreUnavailableException.class, () -> Neo4jStore.connect(uri, null, null, null));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 10_000, "took " + ms + " ms");
    assertTrue(
        e.getMessage().startsWith("Cannot connect to Neo4j at " + uri + " ("), e.getMessage());
    assertTrue(
        e.getMessage().endsWith("is the server running? check --neo4j-uri / NEO4J_URI"),
        e.getMessage());
  }

  @Test
  void wrongCredentialsAreReported(@TempDir Path authHome) {
    try (EmbeddedNeo4j secured =
        EmbeddedNeo4j.start(authHome, Map.of(GraphDatabaseSettings.auth_enabled, true))) {
      String uri = secured.boltUri();
      for (String user : new String[] {"neo4j", null}) {
        StoreUnavailableException e =
            assertThrows(
                StoreUnavailableException.class,
                () -> Neo4jStore.connect(uri, user, "wrong-password", null));
        assertTrue(
            e.getMessage().startsWith("Neo4j at " + uri + " rejected the credentials ("),
            e.getMessage());
        assertTrue(
            e.getMessage()
                .endsWith("check --neo4j-user/--neo4j-password or NEO4J_USERNAME/NEO4J_PASSWORD"),
            e.getMessage());
        assertTrue(!e.getMessage().contains("wrong-password"), "no password in messages");
      }
    }
  }

  @Test
  void invalidUriIsAnArgumentError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Neo4jStore.connect("http://127.0.0.1:1", null, null, null));
    assertTrue(e.getMessage().startsWith("Invalid Neo4j URI 'http://127.0.0.1:1'"), e.getMessage());
  }

  @Test
  void unknownDatabaseIsUnavailable() {
    StoreUnavailableException e =
        assertThrows(
            StoreUnavailableException.class,
            () -> Neo4jStore.connect(neo4j.boltUri(), null, null, "nosuchdb"));
    assertTrue(e.getMessage().contains("'nosuchdb'"), e.getMessage());
    assertTrue(e.getMessage().contains(neo4j.boltUri()), e.getMessage());
  }

  @Test
  void namedDefaultDatabaseAndBasicAuthTokenWork() {
    // auth is disabled on the embedded server, so any basic token is accepted
    try (Neo4jStore s = Neo4jStore.connect(neo4j.boltUri(), "neo4j", "secret", "neo4j")) {
      assertEquals("neo4j", s.database());
      assertEquals(1L, s.count("RETURN 1"));
    }
    assertNull(store.database());
  }

  @Test
  void queryConvertsDriverValuesToPlainJava() {
    TabularResult r =
        store.query(
            "CREATE (a:Person {name: $name, born: date('1990-04-05')})"
                + "-[k:KNOWS {since: 2001}]->(b:Person:Editor {name: 'Bo'})"
                + " RETURN a, k, b.born AS missing, [1, 2.5, 'x'] AS list,"
                + " {when: datetime('2020-01-02T03:04:05Z'), t: localdatetime('2020-01-02T03:04')}"
                + " AS map, duration('P1M2DT3S') AS d, true AS yes",
            Map.of("name", "Alice"),
            true,
            Duration.ofSeconds(30));
    assertEquals(List.of("a", "k", "missing", "list", "map", "d", "yes"), r.columns());
    assertEquals(1, r.rows().size());
    List<Object> row = r.rows().get(0);
    assertEquals(
        Map.of(
            "labels", List.of("Person"),
            "properties", Map.of("name", "Alice", "born", "1990-04-05")),
        row.get(0));
    assertEquals(Map.of("type", "KNOWS", "properties", Map.of("since", 2001L)), row.get(1));
    assertNull(row.get(2));
    assertEquals(List.of(1L, 2.5, "x"), row.get(3));
    assertEquals(Map.of("when", "2020-01-02T03:04:05Z", "t", "2020-01-02T03:04:00"), row.get(4));
    assertEquals("P1M2DT3S", row.get(5));
    assertEquals(Boolean.TRUE, row.get(6));

    TabularResult path =
        store.query(
            "MATCH p = (:Person {name: 'Alice'})-->(b) RETURN p, labels(b) AS l",
            null,
            false,
            null);
    @SuppressWarnings("unchecked")
    List<Object> segments = (List<Object>) path.rows().get(0).get(0);
    assertEquals(3, segments.size());
    assertEquals("KNOWS", ((Map<?, ?>) segments.get(1)).get("type"));
    assertEquals(Map.of("name", "Bo"), ((Map<?, ?>) segments.get(2)).get("properties"));
    assertEquals(List.of("Person", "Editor"), path.rows().get(0).get(1));
  }

  @Test
  void readOnlyQueryRefusesWritesAndChangesNothing() {
    store.query("CREATE (:Existing {v: 1})", null, true, null);
    assertEquals(1L, store.count("MATCH (n) RETURN count(n)"));
    for (String cypher :
        List.of(
            "CREATE (n)",
            "MATCH (n) SET n.v = 2",
            "MATCH (n) DETACH DELETE n",
            "MERGE (n:Other {v: 3})")) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> store.query(cypher, Map.of(), false, null),
              cypher);
      assertTrue(e.getMessage().startsWith("The query tries to write"), e.getMessage());
      assertTrue(e.getCause() instanceof ClientException);
    }
    assertEquals(1L, store.count("MATCH (n) RETURN count(n)"));
    assertEquals(1L, store.count("MATCH (n:Existing) WHERE n.v = 1 RETURN count(n)"));
  }

  @Test
  void parametersAreNeverInterpreted() {
    String hostile = "x'}) DETACH DELETE n //";
    store.query("CREATE (:T {s: $s})", Map.of("s", hostile), true, null);
    TabularResult r = store.query("MATCH (t:T) RETURN t.s AS s", null, false, null);
    assertEquals(List.of(List.of(hostile)), r.rows());
  }

  @Test
  void nullCellsSurvive() {
    TabularResult r = store.query("RETURN null AS a, 1 AS b", null, false, null);
    assertEquals(List.of(Arrays.asList(null, 1L)), r.rows());
  }

  @Test
  void syntaxErrorsPropagateFromTheServer() {
    Neo4jException e =
        assertThrows(Neo4jException.class, () -> store.query("RETRN 1", null, false, null));
    assertTrue(e.code().startsWith("Neo.ClientError.Statement.SyntaxError"), e.code());
  }

  @Test
  void timeoutStopsALongQuery() {
    long t0 = System.nanoTime();
    Neo4jException e =
        assertThrows(
            Neo4jException.class,
            () ->
                store.query(
                    "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(x)",
                    null, false, Duration.ofMillis(300)));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(e.code().contains("Transaction"), e.code() + ": " + e.getMessage());
    assertTrue(ms < 20_000, "took " + ms + " ms");
  }

  @Test
  void loadCsvCannotReadLocalFiles() {
    Neo4jException e =
        assertThrows(
            Neo4jException.class,
            () ->
                store.query(
                    "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line", null, false, null));
    assertTrue(
        e.getMessage().contains("'dbms.security.allow_csv_import_from_file_urls' is false"),
        e.getMessage());
  }

  @Test
  void loadCsvCannotReadLocalFilesEvenInAWriteTransaction() {
    for (String url : List.of("file:///etc/passwd", "file:/etc/passwd", "FILE:///etc/passwd")) {
      Neo4jException e = assertThrows(Neo4jException.class, () -> store.query(
          "LOAD CSV FROM '" + url + "' AS line CREATE (:Leak {line: line}) RETURN count(*)", null, true, null));
      assertTrue(e.getMessage().contains("'dbms.security.allow_csv_import_from_file_urls' is false"), e.getMessage());
      assertTrue(!e.getMessage().contains("root:"), e.getMessage());
    }
    assertEquals(0L, store.count("MATCH (l:Leak) RETURN count(l)"));
  }

  @Test
  void loadCsvCannotReachTheNetwork() throws IOException {
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ex -> {
      requests.incrementAndGet();
      byte[] body = "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.start();
    try {
      for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
        String url = "http://" + host + ":" + http.getAddress().getPort() + "/x.csv";
        Neo4jException e = assertThrows(Neo4jException.class, () -> store.query(
            "LOAD CSV FROM '" + url + "' AS line RETURN line", null, true, null), url);
        assertTrue(e.getMessage().contains("blocked"), e.getMessage());
      }
      assertEquals(0, requests.get());
    } finally {
      http.stop(0);
    }
  }

  @Test
  void noProcedureReachesFilesOrTheNetwork() {
    for (String call : List.of(
        "CALL apoc.load.json('file:///etc/passwd')",
        "CALL apoc.cypher.runFile('/etc/passwd')",
        "CALL apoc.export.csv.all('/tmp/newsgraph-leak.csv', {})",
        "CALL apoc.load.jdbc('jdbc:h2:mem:x', 'SELECT 1')")) {
      Neo4jException e = assertThrows(Neo4jException.class, () -> store.query(call, null, true, null), call);
      assertEquals("Neo.ClientError.Procedure.ProcedureNotFound", e.code(), e.getMessage());
    }
    List<List<Object>> procs = store.query(
        "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc' OR name CONTAINS 'load' OR name CONTAINS 'file'"
            + " RETURN name", null, false, null).rows();
    assertEquals(List.of(), procs);
  }

  @Test
  void countReadsOneNumber() {
    store.query("UNWIND range(1, 3) AS i CREATE (:C {i: i})", null, true, null);
    assertEquals(3L, store.count("MATCH (c:C) RETURN count(c)"));
    assertEquals(6L, store.count("MATCH (c:C) RETURN sum(c.i)"));
  }
}
