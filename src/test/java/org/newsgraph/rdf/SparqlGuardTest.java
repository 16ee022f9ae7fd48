package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.TabularResult;

/** Hostile SPARQL: nothing but the store is read, and runaway queries stop. */
class SparqlGuardTest {
  @TempDir static Path dir;
  static TdbStore tdb;
  static HttpServer http;
  static final AtomicInteger requests = new AtomicInteger();

  @BeforeAll
  static void open() throws Exception {
    tdb = TdbStore.open(dir.resolve("tdb2"));
    Model m = ModelFactory.createDefaultModel();
    Resource s = m.createResource("https://example.org/s");
    for (int i = 0; i < 1500; i++) {
      s.addLiteral(m.createProperty("https://example.org/p" + (i % 10)), (long) i);
    }
    tdb.replaceGraph("https://example.org/g", m);
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ex -> {
      requests.incrementAndGet();
      byte[] body = "<https://example.org/x> <https://example.org/y> \"leaked\" .\n".getBytes();
      ex.getResponseHeaders().add("Content-Type", "application/n-triples");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    http.start();
  }

  @AfterAll
  static void close() {
    tdb.close();
    http.stop(0);
  }

  private static String local() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
  }

  @Test
  void plainQueriesRun() {
    TabularResult r = tdb.select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", 10_000);
    assertEquals(List.of(List.of(1500L)), r.rows());
    TabularResult f = tdb.select("PREFIX afn: <http://jena.apache.org/ARQ/function#> "
        + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
        + "SELECT (afn:localname(?p) AS ?l) (xsd:string(?o) AS ?str) { ?s ?p ?o FILTER(?o = 7) }", 10_000);
    assertEquals(List.of(List.of("p7", "7")), f.rows());
  }

  @Test
  void serviceIsRefusedAndNothingIsFetched() {
    for (String q : List.of(
        "SELECT * { SERVICE <" + local() + "> { ?s ?p ?o } }",
        "SELECT * { ?a ?b ?c OPTIONAL { SERVICE SILENT <" + local() + "> { ?s ?p ?o } } }",
        "SELECT * { { SELECT ?s { SERVICE <" + local() + "> { ?s ?p ?o } } } }",
        "ASK { FILTER EXISTS { SERVICE <" + local() + "> { ?s ?p ?o } } }")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tdb.select(q, 5_000), q);
      assertTrue(e.getMessage().startsWith("SERVICE <" + local() + "> is refused"), e.getMessage());
    }
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
        () -> tdb.select("SELECT * { BIND(<" + local() + "> AS ?u) SERVICE ?u { ?s ?p ?o } }", 5_000));
    assertTrue(v.getMessage().startsWith("SERVICE ?u is refused"), v.getMessage());
    assertEquals(0, requests.get());
  }

  @Test
  void datasetDescriptionsAreRefused() throws Exception {
    Path secret = dir.resolve("secret.nt");
    Files.writeString(secret, "<https://example.org/a> <https://example.org/b> \"secret\" .\n");
    for (String q : List.of(
        "SELECT * FROM <" + secret.toUri() + "> { ?s ?p ?o }",
        "SELECT * FROM NAMED <" + secret.toUri() + "> { GRAPH ?g { ?s ?p ?o } }",
        "SELECT * FROM <" + local() + "> { ?s ?p ?o }")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tdb.select(q, 5_000), q);
      assertTrue(e.getMessage().startsWith("FROM and FROM NAMED are refused"), e.getMessage());
    }
    assertEquals(0, requests.get());
  }

  @Test
  void scriptAndJavaFunctionsAreRefused() {
    for (String iri : List.of("java:java.lang.Runtime", "java:org.apache.jena.sparql.function.library.sha1sum",
        "http://jena.apache.org/ARQ/jsFunction#evil", "https://example.org/fn")) {
      String q = "SELECT (<" + iri + ">(?o) AS ?x) { ?s ?p ?o }";
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tdb.select(q, 5_000), q);
      assertEquals("the function <" + iri + "> is refused: only SPARQL's built-in functions and the xsd:, fn:,"
          + " math: and afn: functions may be called", e.getMessage());
      String inFilter = "SELECT * { ?s ?p ?o FILTER(<" + iri + ">(?o)) }";
      assertThrows(IllegalArgumentException.class, () -> tdb.select(inFilter, 5_000), inFilter);
    }
    String propertyFunction = "SELECT * { ?s <java:org.example.Pf> ?o }";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> tdb.select(propertyFunction, 5_000));
    assertEquals("the property function <java:org.example.Pf> is refused: it would run code", e.getMessage());
  }

  @Test
  void aRunawayQueryStopsAtItsTimeout() {
    long t0 = System.nanoTime();
    assertThrows(QueryCancelledException.class, () -> tdb.select(
        "SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }", 1_000));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 10_000, "took " + ms + " ms");
  }
}
