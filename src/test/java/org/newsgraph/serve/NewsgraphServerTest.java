package org.newsgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.newsgraph.StoreUnavailableException;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.rdf.TdbStore;

/**
 * The server in-process on the hand-made fixture: a driver over Bolt, SPARQL over HTTP, the page and
 * the read-only query box; then closing it releases the data folder.
 */
class NewsgraphServerTest {
  @TempDir static Path dir;
  static NewsgraphServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    ServeFixtures.dataFolder(dir, "/viz/small.trig", true);
    server = NewsgraphServer.start(dir.resolve("tdb2"), NewsgraphServer.Neo4jTarget.embedded(dir.resolve("neo4j"), 0), 0);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.pageUrl() + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anyDriverConnectsOverBoltOnLoopback() {
    assertTrue(server.boltUri().startsWith("bolt://127.0.0.1:"), server.boltUri());
    try (Driver driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
        Session session = driver.session()) {
      List<String> names = session.run("MATCH (p:Person) RETURN p.name AS name ORDER BY name").list(r -> r.get("name").asString());
      assertEquals(List.of("Jane Roe", "John Doe"), names);
    }
  }

  @Test
  void fusekiAnswersSparqlOverTheUnionOfTheArticles() throws Exception {
    String q = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT ?name WHERE { ?p a ng:Person ; ng:name ?name } ORDER BY ?name";
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
        + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    List<String> names = new ArrayList<>();
    JSON.readTree(r.body()).at("/results/bindings").forEach(b -> names.add(b.at("/name/value").asText()));
    assertEquals(List.of("Jane Roe", "John Doe"), names);
    HttpResponse<String> update = post("newsgraph/update", "application/sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }");
    assertTrue(update.statusCode() >= 400, "no update endpoint: " + update.statusCode());
  }

  @Test
  void theSparqlEndpointRefusesServiceFromFilesAndScriptFunctions() throws Exception {
    // a local server SERVICE would reach: it must see no request
    java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer target = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    target.createContext("/", ex -> {
      hits.incrementAndGet();
      ex.sendResponseHeaders(500, -1);
      ex.close();
    });
    target.start();
    try {
      String service = "http://127.0.0.1:" + target.getAddress().getPort() + "/sparql";
      Map<String, String> refused = new java.util.LinkedHashMap<>();
      refused.put("SELECT * WHERE { SERVICE <" + service + "> { ?s ?p ?o } }",
          "SERVICE <" + service + "> is refused: queries read only the newsgraph store and never reach the network");
      refused.put("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM and FROM NAMED are refused");
      refused.put("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
          "FROM and FROM NAMED are refused");
      refused.put("SELECT (<java:org.apache.jena.sparql.function.library.sha1sum>(\"x\") AS ?h) WHERE {}",
          "the function <java:org.apache.jena.sparql.function.library.sha1sum> is refused");
      refused.put("PREFIX js: <http://jena.apache.org/ARQ/jsFunction#> SELECT (js:f(1) AS ?x) WHERE {}",
          "the function <http://jena.apache.org/ARQ/jsFunction#f> is refused");
      for (Map.Entry<String, String> q : refused.entrySet()) {
        for (String path : List.of("newsgraph/sparql", "newsgraph/query", "newsgraph")) {
          HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(server.pageUrl() + path + "?query="
              + URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
          assertEquals(400, get.statusCode(), path + " " + q.getKey() + "\n" + get.body());
          assertTrue(get.body().contains(q.getValue()), get.body());
          assertTrue(!get.body().contains("root:"), get.body());
        }
        HttpResponse<String> form = post("newsgraph/sparql", "application/x-www-form-urlencoded",
            "query=" + URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8));
        assertEquals(400, form.statusCode(), form.body());
        HttpResponse<String> body = post("newsgraph/sparql", "application/sparql-query", q.getKey());
        assertEquals(400, body.statusCode(), body.body());
        assertTrue(body.body().contains(q.getValue()), body.body());
      }
      assertEquals(0, hits.get(), "SERVICE reached the network");
    } finally {
      target.stop(0);
    }
    HttpResponse<String> ok = post("newsgraph/sparql", "application/sparql-query",
        "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> ASK { ?s ?p ?o FILTER(fn:string-length(\"ab\") = 2) }");
    assertEquals(200, ok.statusCode(), ok.body());
  }

  @Test
  void thePageIsServedWithTheLiveQueryBox() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.pageUrl())).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(r.body().contains("<body data-mode=\"server\">"));
    assertTrue(r.body().contains(server.sparqlUrl()));
    assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(server.pageUrl() + "nothing-here")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void theQueryBoxRunsCypherReadOnly() throws Exception {
    HttpResponse<String> ok = post("api/cypher", "application/json",
        JSON.writeValueAsString(Map.of("query", "MATCH (o:Organization) RETURN o.name AS name ORDER BY name")));
    assertEquals(200, ok.statusCode(), ok.body());
    JsonNode res = JSON.readTree(ok.body());
    assertEquals("name", res.at("/columns/0").asText());
    assertEquals(3, res.at("/rows").size(), ok.body());
    HttpResponse<String> write = post("api/cypher", "application/json", "{\"query\": \"CREATE (:Intruder)\"}");
    assertEquals(400, write.statusCode());
    assertTrue(JSON.readTree(write.body()).at("/error").asText().contains("nothing was changed"), write.body());
    assertEquals(415, post("api/cypher", "text/plain", "{\"query\": \"RETURN 1\"}").statusCode(),
        "a plain form post from another site is refused");
  }

  @Test
  void aTakenPortIsReportedAndTheDataFolderIsLeftFree(@TempDir Path other) throws Exception {
    ServeFixtures.dataFolder(other, "/viz/small.trig", false);
    StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> NewsgraphServer.start(
        other.resolve("tdb2"), NewsgraphServer.Neo4jTarget.embedded(other.resolve("neo4j"), 0), server.httpPort()));
    assertTrue(e.getMessage().contains("HTTP port " + server.httpPort()), e.getMessage());
    try (TdbStore tdb = TdbStore.open(other.resolve("tdb2")); EmbeddedNeo4j neo = EmbeddedNeo4j.start(other.resolve("neo4j"))) {
      assertTrue(tdb.graphNames().size() == 2 && neo.boltPort() > 0);
    }
  }
}
