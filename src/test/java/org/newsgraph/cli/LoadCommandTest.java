package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.TdbStore;

/**
 * {@code newsgraph load} through the command line with the embedded stores: foreign RDF in four
 * syntaxes (one gzipped) and newsgraph's own TriG, exact counts in TDB2 and Neo4j, reloading,
 * {@code --graph}, hostile files, and finishing a load whose Neo4j was unreachable with {@code load
 * --from-store}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadCommandTest {
  @TempDir static Path dir;
  static String data;
  static CliRun first;
  static Path gz;
  static final String[] FILES = {"people.ttl", "people.jsonld", "people.rdf", "two-articles.trig"};
  static List<Dataset> parsed;
  static Graph union;

  @BeforeAll
  static void load() throws Exception {
    data = dir.resolve("data").toString();
    gz = RdfFixtures.gzipped(dir, "people.rdf");
    parsed = RdfFixtures.parse(FILES);
    union = RdfFixtures.union(parsed);
    first = CliRun.run("--data-dir", data, "load", RdfFixtures.resource("people.ttl").toString(),
        RdfFixtures.resource("people.jsonld").toString(), gz.toString(),
        RdfFixtures.resource("two-articles.trig").toString());
  }

  static CliRun q(String cypher) {
    CliRun r = CliRun.run("--data-dir", data, "query", cypher, "--format", "csv");
    assertEquals(0, r.exit(), r.toString());
    return r;
  }

  static long count(String cypher) {
    return Long.parseLong(q(cypher).out().strip().split("\r?\n")[1]);
  }

  static List<String> sparqlRows(String query) {
    CliRun r = CliRun.run("--data-dir", data, "sparql", "--format", "csv", query);
    assertEquals(0, r.exit(), r.toString());
    return new ArrayList<>(Arrays.asList(r.out().strip().split("\r?\n")));
  }

  @Test
  @Order(1)
  void loadsEveryFileAndSaysHowMuchAndHowFast() {
    assertEquals(0, first.exit(), first.toString());
    long triples = RdfFixtures.triples(parsed);
    assertTrue(first.out().startsWith(String.format("Loaded 4 file(s): %,d triples in 5 named graph(s).%n", triples)),
        first.out());
    assertTrue(first.out().matches("(?s).*time: +read [0-9.]+ s, store [0-9.]+ s, neo4j [0-9.]+ s, total [0-9.]+ s"
        + " \\([0-9,]+ triples/s\\).*"), first.out());
    assertTrue(first.out().contains("RDF:         TDB2 in " + Path.of(data, "tdb2").toAbsolutePath()), first.out());
    assertTrue(first.err().contains(gz + ": 3 triples in 1 graph(s) (read "), first.err());
  }

  @Test
  @Order(2)
  void theRdfStoreHoldsOneGraphPerPlainFileAndTheTrigGraphsExactly() {
    List<String> rows = sparqlRows("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g");
    List<String> expected = new ArrayList<>(List.of("g,n"));
    Dataset trig = parsed.get(3);
    expected.add(LoadCommand.fileIri(RdfFixtures.resource("people.jsonld")) + ",5");
    expected.add(LoadCommand.fileIri(RdfFixtures.resource("people.ttl")) + ",12");
    expected.add(LoadCommand.fileIri(gz) + ",3");
    for (String g : List.of("https://w3id.org/newsgraph/id/article/acme-charged",
        "https://w3id.org/newsgraph/id/article/acme-regulator")) {
      expected.add(g + "," + trig.getNamedModel(g).size());
    }
    java.util.Collections.sort(expected.subList(1, expected.size()));
    assertEquals(expected, rows);
  }

  @Test
  @Order(3)
  void neo4jHoldsExactlyTheResourcesAndRelationshipsOfTheUnion() {
    assertEquals(RdfFixtures.resources(union), count("MATCH (n:Resource) RETURN count(n)"));
    assertEquals(RdfFixtures.relationships(union), count("MATCH ()-[r]->() RETURN count(r)"));
    assertTrue(first.out().contains(String.format("it holds %,d Resource node(s) and %,d relationship(s)",
        RdfFixtures.resources(union), RdfFixtures.relationships(union))), first.out());
    // typed values, a blank node, entities of RDF/XML resolved, and files meeting on one IRI
    assertEquals("name,age,birthday\nAlice,42,1982-03-04", q("MATCH (p:Person {uri: 'http://example.org/people/alice'})"
        + " RETURN p.name AS name, p.age AS age, toString(p.birthday) AS birthday").out().strip().replace("\r", ""));
    assertEquals(1, count("MATCH (:Person {name: 'Alice'})-[:KNOWS]->(c:Person {name: 'Carol'}) WHERE c.uri STARTS WITH '_:'"
        + " RETURN count(c)"));
    assertEquals(1, count("MATCH (:Person {name: 'Frank'})-[:KNOWS]->(:Person {name: 'Erin'}) RETURN count(*)"));
    assertEquals("same\ntrue", q("MATCH (a:Person {uri: 'http://example.org/people/alice'}) RETURN a.sources = ['"
        + LoadCommand.fileIri(RdfFixtures.resource("people.jsonld")) + "', '"
        + LoadCommand.fileIri(RdfFixtures.resource("people.ttl")) + "'] AS same").out().strip().replace("\r", ""));
    assertEquals(1, count("MATCH (:Person {name: 'Dave'})-[:KNOWS]->(:Person {name: 'Alice'}) RETURN count(*)"));
    assertEquals(1, count("MATCH (:Person {name: 'Jane Roe'})-[r:FOUNDER_OF]->(:Organization {name: 'Acme Corp'})"
        + " RETURN count(r)"));
  }

  /**
   * The first load went into an empty Neo4j, which is filled in one pass from what was parsed;
   * {@code load --from-store} into the now full Neo4j takes the other path, recomputing every
   * resource from TDB2. Both must give the same graph, node for node, property for property
   * (sources, provenance and blank nodes included).
   */
  @Test
  @Order(3)
  void theOnePassFirstLoadEqualsRecomputingEveryResourceFromTheStore() {
    List<String> onePass = neo4jDump();
    assertTrue(onePass.size() > 40, onePass.toString());
    assertTrue(onePass.stream().anyMatch(l -> l.startsWith("rel ") && l.contains("sources=")), onePass.toString());
    CliRun recompute = CliRun.run("--data-dir", data, "load", "--from-store");
    assertEquals(0, recompute.exit(), recompute.toString());
    List<String> recomputed = neo4jDump();
    List<String> onlyOnePass = new ArrayList<>(onePass);
    onlyOnePass.removeAll(recomputed);
    List<String> onlyRecomputed = new ArrayList<>(recomputed);
    onlyRecomputed.removeAll(onePass);
    assertEquals(onePass, recomputed, "only after the one-pass load: " + onlyOnePass + "\nonly after recomputing: "
        + onlyRecomputed);
  }

  /** Every node (sorted labels, sorted properties) and relationship of the embedded Neo4j, sorted. */
  static List<String> neo4jDump() {
    try (org.newsgraph.neo4j.EmbeddedNeo4j neo = org.newsgraph.neo4j.EmbeddedNeo4j.start(Path.of(data, "neo4j"));
        org.newsgraph.neo4j.Neo4jStore store = org.newsgraph.neo4j.Neo4jStore.connect(neo.boltUri(), null, null, null);
        org.neo4j.driver.Session s = store.session(org.neo4j.driver.AccessMode.READ)) {
      List<String> lines = new ArrayList<>();
      for (org.neo4j.driver.Record r : s.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").list()) {
        List<String> labels = new ArrayList<>(r.get("l").asList(org.neo4j.driver.Value::asString));
        java.util.Collections.sort(labels);
        lines.add("node " + labels + " " + new java.util.TreeMap<>(r.get("p").asMap()));
      }
      for (org.neo4j.driver.Record r : s.run("MATCH (a)-[x]->(b) RETURN a.uri AS a, type(x) AS t, b.uri AS b,"
          + " properties(x) AS p").list()) {
        lines.add("rel " + r.get("a").asString() + " " + r.get("t").asString() + " " + r.get("b").asString() + " "
            + new java.util.TreeMap<>(r.get("p").asMap()));
      }
      java.util.Collections.sort(lines);
      return lines;
    }
  }

  @Test
  @Order(4)
  void loadingAFileAgainReplacesItsGraphAndDuplicatesNothing() {
    long nodes = count("MATCH (n:Resource) RETURN count(n)");
    long rels = count("MATCH ()-[r]->() RETURN count(r)");
    CliRun again = CliRun.run("--data-dir", data, "load", RdfFixtures.resource("people.ttl").toString());
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.out().startsWith("Loaded 1 file(s): 12 triples in 1 named graph(s)."), again.out());
    assertEquals(nodes, count("MATCH (n:Resource) RETURN count(n)"), "the new blank node replaces the old one");
    assertEquals(rels, count("MATCH ()-[r]->() RETURN count(r)"));
    assertEquals(1, count("MATCH (c:Person {name: 'Carol'}) RETURN count(c)"));
  }

  @Test
  @Order(5)
  void graphNamesTheGraphAndRemoveTakesItOutAgain() {
    long nodes = count("MATCH (n:Resource) RETURN count(n)");
    String g = "https://example.org/graph/people";
    CliRun named = CliRun.run("--data-dir", data, "load", "--graph", g, RdfFixtures.resource("people.ttl").toString());
    assertEquals(0, named.exit(), named.toString());
    assertEquals(List.of("n", "12"), sparqlRows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + g + "> { ?s ?p ?o } }"));
    // the same IRIs, one more blank node (Carol of this graph)
    assertEquals(nodes + 1, count("MATCH (n:Resource) RETURN count(n)"));
    assertEquals(2, count("MATCH (c:Person {name: 'Carol'}) RETURN count(c)"));
    CliRun removed = CliRun.run("--data-dir", data, "remove", g);
    assertEquals(0, removed.exit(), removed.toString());
    assertEquals(nodes, count("MATCH (n:Resource) RETURN count(n)"));
    assertEquals(RdfFixtures.relationships(union), count("MATCH ()-[r]->() RETURN count(r)"));
    assertEquals(2, CliRun.run("--data-dir", data, "load", "--graph", "not an iri", "x.ttl").exit());
    assertEquals(2, CliRun.run("--data-dir", data, "load", "--graph", g, "a.ttl", "b.ttl").exit());
    assertEquals(2, CliRun.run("--data-dir", data, "load").exit());
  }

  @Test
  @Order(6)
  void hostileFilesAreRefusedFastTheRestLoadsAndNoSecretLeaks() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-91c2");
    Path xxe = dir.resolve("xxe.rdf");
    Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM \"" + secret.toUri()
        + "\"> ]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">"
        + "<rdf:Description rdf:about=\"http://example.org/leak\"><ex:note>&xxe;</ex:note></rdf:Description></rdf:RDF>\n");
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      byte[] b = "{\"@context\": {\"n\": \"http://example.org/n\"}}".getBytes();
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    Path remote = dir.resolve("remote.jsonld");
    Files.writeString(remote, "{\"@context\": \"http://127.0.0.1:" + server.getAddress().getPort()
        + "/ctx\", \"@id\": \"http://example.org/remote\", \"n\": \"x\"}");
    long t0 = System.nanoTime();
    CliRun r;
    try {
      r = CliRun.run("--data-dir", data, "load", xxe.toString(), RdfFixtures.resource("billion-laughs.rdf").toString(),
          remote.toString(), RdfFixtures.resource("people.jsonld").toString());
    } finally {
      server.stop(0);
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000;
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().contains("skipped " + xxe + ": refused: the DOCTYPE declares the external entity &xxe;"), r.err());
    assertTrue(r.err().contains("skipped " + RdfFixtures.resource("billion-laughs.rdf") + ": refused: the entity &lol9;"
        + " would expand to 3,000,000,000 characters"), r.err());
    assertTrue(r.err().contains("skipped " + remote + ": refused: the JSON-LD refers to the remote document"), r.err());
    assertTrue(r.out().startsWith("Loaded 1 file(s): 5 triples in 1 named graph(s); 3 file(s) skipped (see above)."),
        r.out());
    assertEquals(0, requests.get(), "a JSON-LD context was fetched");
    assertTrue(seconds < 120, seconds + " s");

    CliRun export = CliRun.run("--data-dir", data, "export", "-f", "nquads");
    assertEquals(0, export.exit(), export.toString());
    for (String s : List.of(r.out(), r.err(), export.out())) {
      assertFalse(s.contains("TOP-SECRET"), s);
      assertFalse(s.contains("http://example.org/leak"), "the XXE file was stored in part");
    }
    assertFalse(export.out().contains("lollol"), "the billion laughs were stored in part");
    assertEquals(0, count("MATCH (n:Resource) WHERE n.uri IN ['http://example.org/leak', 'http://example.org/laughs',"
        + " 'http://example.org/remote'] RETURN count(n)"));

    long tv = System.nanoTime();
    CliRun validate = CliRun.run("validate", RdfFixtures.resource("billion-laughs.rdf").toString());
    assertEquals(1, validate.exit(), validate.toString());
    assertTrue(validate.err().startsWith("newsgraph: cannot read " + RdfFixtures.resource("billion-laughs.rdf")
        + " as RDF: refused: the entity &lol9;"), validate.err());
    assertTrue((System.nanoTime() - tv) / 1_000_000 < 10_000);
    CliRun validateXxe = CliRun.run("validate", xxe.toString());
    assertEquals(1, validateXxe.exit(), validateXxe.toString());
    assertFalse((validateXxe.out() + validateXxe.err()).contains("TOP-SECRET"), validateXxe.toString());
  }

  @Test
  @Order(7)
  void helpExplainsLoadAndFromStore() {
    CliRun h = CliRun.run("load", "--help");
    assertEquals(0, h.exit());
    for (String s : List.of("Usage: newsgraph load", "--from-store", "--graph", "-f, --format", "billion laughs",
        "remote @context", "file:///", "triples per second")) {
      assertTrue(h.out().contains(s), s + " missing in\n" + h.out());
    }
    assertTrue(CliRun.run("--help").out().contains("load"));
  }

  @Test
  @Order(8)
  void aLoadWhoseNeo4jIsUnreachableKeepsTheRdfAndLoadFromStoreFinishesIt() throws Exception {
    String fresh = dir.resolve("fresh").toString();
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    long t0 = System.nanoTime();
    CliRun down = CliRun.run("--data-dir", fresh, "--neo4j-uri", "bolt://127.0.0.1:" + closed, "load",
        RdfFixtures.resource("people.ttl").toString(), RdfFixtures.resource("two-articles.trig").toString());
    assertEquals(3, down.exit(), down.toString());
    assertTrue((System.nanoTime() - t0) / 1e9 < 30, "took too long");
    assertTrue(down.err().contains("bolt://127.0.0.1:" + closed), down.err());
    assertTrue(down.err().contains("newsgraph: the RDF of 2 file(s) (" + RdfFixtures.triples(RdfFixtures.parse(
        "people.ttl", "two-articles.trig")) + " triples) is saved in " + Path.of(fresh, "tdb2").toAbsolutePath()), down.err());
    assertTrue(down.err().contains("run 'newsgraph load --from-store'"), down.err());
    try (TdbStore tdb = TdbStore.open(Path.of(fresh, "tdb2"))) {
      assertEquals(3, tdb.graphNames().size());
    }

    CliRun finish = CliRun.run("--data-dir", fresh, "load", "--from-store");
    assertEquals(0, finish.exit(), finish.toString());
    Graph both = RdfFixtures.union(RdfFixtures.parse("people.ttl", "two-articles.trig"));
    assertTrue(finish.out().startsWith(String.format("Loaded the stored RDF into Neo4j: %,d triples in 3 named graph(s).",
        RdfFixtures.triples(RdfFixtures.parse("people.ttl", "two-articles.trig")))), finish.out());
    assertTrue(finish.out().contains(String.format("it holds %,d Resource node(s) and %,d relationship(s)",
        RdfFixtures.resources(both), RdfFixtures.relationships(both))), finish.out());

    // a graph gone from TDB2 behind Neo4j's back (a remove whose Neo4j half failed): --from-store drops its nodes
    try (TdbStore tdb = TdbStore.open(Path.of(fresh, "tdb2"))) {
      assertTrue(tdb.removeGraph(LoadCommand.fileIri(RdfFixtures.resource("people.ttl"))));
    }
    CliRun again = CliRun.run("--data-dir", fresh, "load", "--from-store");
    assertEquals(0, again.exit(), again.toString());
    Graph trig = RdfFixtures.union(RdfFixtures.parse("two-articles.trig"));
    assertTrue(again.out().contains(String.format("it holds %,d Resource node(s) and %,d relationship(s)",
        RdfFixtures.resources(trig), RdfFixtures.relationships(trig))), again.out());
  }
}
