package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.SparqlEndpointStore;

/**
 * {@code --sparql-endpoint}: the RDF side on an in-process Fuseki (jena-fuseki-main) started from
 * {@code docker/fuseki-newsgraph.ttl}, the configuration docker-compose uses, with Neo4j embedded.
 * Load, query, export, validate, remove with exact counts; one build of the seed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparqlEndpointTest {
  @TempDir static Path dir;
  static FusekiServer fuseki;
  static String url;
  static String data;
  static CliRun loaded;

  static final String ACME = "https://w3id.org/newsgraph/id/article/acme-charged";
  static final String REGULATOR = "https://w3id.org/newsgraph/id/article/acme-regulator";

  @BeforeAll
  static void start() throws Exception {
    String config = Files.readString(Path.of("docker/fuseki-newsgraph.ttl"))
        .replace("\"/fuseki/databases/newsgraph\"", "\"" + dir.resolve("fuseki-tdb2") + "\"");
    Path file = dir.resolve("fuseki.ttl");
    Files.writeString(file, config);
    fuseki = FusekiServer.create().port(0).loopback(true).parseConfigFile(file).build().start();
    url = "http://127.0.0.1:" + fuseki.getHttpPort() + "/newsgraph";
    data = dir.resolve("data").toString();
    loaded = run("load", RdfFixtures.resource("two-articles.trig").toString(), RdfFixtures.resource("people.ttl").toString());
  }

  @AfterAll
  static void stop() {
    if (fuseki != null) {
      fuseki.stop();
    }
  }

  static CliRun run(String... args) {
    String[] full = new String[args.length + 4];
    full[0] = "--data-dir";
    full[1] = data;
    full[2] = "--sparql-endpoint";
    full[3] = url;
    System.arraycopy(args, 0, full, 4, args.length);
    return CliRun.run(full);
  }

  static List<String> sparql(String query) {
    CliRun r = run("sparql", "--format", "csv", query);
    assertEquals(0, r.exit(), r.toString());
    return new ArrayList<>(Arrays.asList(r.out().strip().split("\r?\n")));
  }

  static long cypherCount(String cypher) {
    CliRun r = run("query", cypher, "--format", "csv");
    assertEquals(0, r.exit(), r.toString());
    return Long.parseLong(r.out().strip().split("\r?\n")[1]);
  }

  @Test
  @Order(1)
  void loadWritesToTheEndpointAndNotToTdb2() {
    assertEquals(0, loaded.exit(), loaded.toString());
    long triples = RdfFixtures.triples(RdfFixtures.parse("two-articles.trig", "people.ttl"));
    assertTrue(loaded.out().startsWith(String.format("Loaded 2 file(s): %,d triples in 3 named graph(s).", triples)),
        loaded.out());
    assertTrue(loaded.out().contains("RDF:         SPARQL endpoint " + url), loaded.out());
    assertFalse(Files.exists(Path.of(data, "tdb2")), "a TDB2 store was created");
  }

  @Test
  @Order(2)
  void theEndpointHoldsEachGraphExactlyAndAnswersOverTheirUnion() {
    Dataset trig = RdfFixtures.parse("two-articles.trig").get(0);
    List<String> expected = new ArrayList<>(List.of("g,n",
        LoadCommand.fileIri(RdfFixtures.resource("people.ttl")) + ",12",
        ACME + "," + trig.getNamedModel(ACME).size(),
        REGULATOR + "," + trig.getNamedModel(REGULATOR).size()));
    java.util.Collections.sort(expected.subList(1, expected.size()));
    assertEquals(expected, sparql("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"));
    assertEquals(List.of("name", "Jane Roe", "John Doe"), sparql("PREFIX ng: <https://w3id.org/newsgraph/ontology#>"
        + " SELECT ?name WHERE { ?p a ng:Person ; ng:name ?name } ORDER BY ?name"));
    // the blank node became a Skolem IRI: the endpoint could not name it again
    List<String> carol = sparql("SELECT ?c WHERE { ?c <http://xmlns.com/foaf/0.1/name> \"Carol\" }");
    assertEquals(2, carol.size());
    assertTrue(carol.get(1).startsWith(SparqlEndpointStore.GENID), carol.toString());
  }

  @Test
  @Order(3)
  void neo4jHoldsExactlyWhatTheEndpointHolds() {
    Graph union = RdfFixtures.union(RdfFixtures.parse("two-articles.trig", "people.ttl"));
    assertEquals(RdfFixtures.resources(union), cypherCount("MATCH (n:Resource) RETURN count(n)"));
    assertEquals(RdfFixtures.relationships(union), cypherCount("MATCH ()-[r]->() RETURN count(r)"));
    assertEquals(1, cypherCount("MATCH (:Person {name: 'Alice'})-[:KNOWS]->(c:Person {name: 'Carol'})"
        + " WHERE c.uri STARTS WITH '" + SparqlEndpointStore.GENID + "' RETURN count(c)"));
  }

  @Test
  @Order(4)
  void exportAndValidateReadTheEndpoint() {
    CliRun export = run("export", "-f", "trig");
    assertEquals(0, export.exit(), export.toString());
    Dataset back = DatasetFactory.create();
    RDFDataMgr.read(back, new ByteArrayInputStream(export.out().getBytes(StandardCharsets.UTF_8)), Lang.TRIG);
    Dataset trig = RdfFixtures.parse("two-articles.trig").get(0);
    for (String g : List.of(ACME, REGULATOR)) {
      assertTrue(trig.getNamedModel(g).isIsomorphicWith(back.getNamedModel(g)), g);
    }
    assertEquals(12, back.getNamedModel(LoadCommand.fileIri(RdfFixtures.resource("people.ttl"))).size());
    // the hand-made articles lack what build stamps (content hash, ...); the FOAF graph has no ng: shapes to break
    CliRun validate = run("validate");
    assertEquals(1, validate.exit(), validate.toString());
    assertTrue(validate.out().contains("<" + LoadCommand.fileIri(RdfFixtures.resource("people.ttl")) + ">: conforms\n"),
        validate.out());
    assertTrue(validate.out().endsWith("3 graph(s) checked, 2 do(es) not conform.\n"), validate.out());
    Path graphml = dir.resolve("network.graphml");
    CliRun viz = run("viz", "-o", graphml.toString());
    assertEquals(0, viz.exit(), viz.toString());
    assertTrue(viz.err().contains(graphml + ": 8 actors"), viz.err());
  }

  @Test
  @Order(5)
  void sparqlOnTheEndpointIsGuardedAndAnUnreachableEndpointExitsThree() throws Exception {
    CliRun service = run("sparql", "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }");
    assertEquals(2, service.exit(), service.toString());
    assertTrue(service.err().contains("SERVICE <http://127.0.0.1:9/> is refused"), service.err());
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    long t0 = System.nanoTime();
    CliRun down = CliRun.run("--data-dir", data, "--sparql-endpoint", "http://127.0.0.1:" + closed + "/newsgraph",
        "sparql", "ASK {}");
    assertEquals(3, down.exit(), down.toString());
    assertTrue((System.nanoTime() - t0) / 1e9 < 15, "took too long");
    assertTrue(down.err().startsWith("newsgraph: Cannot reach the SPARQL endpoint http://127.0.0.1:" + closed
        + "/newsgraph ("), down.err());
    assertTrue(down.err().contains("NEWSGRAPH_SPARQL_ENDPOINT"), down.err());
    assertEquals(2, run("serve").exit());
  }

  @Test
  @Order(6)
  void removeTakesAnArticleOutOfTheEndpointAndNeo4jExactly() {
    CliRun removed = run("remove", "acme-regulator");
    assertEquals(0, removed.exit(), removed.toString());
    assertEquals("Removed 1 article(s).", removed.out().strip());
    assertEquals(List.of("n", "0"), sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + REGULATOR + "> { ?s ?p ?o } }"));
    Dataset trig = RdfFixtures.parse("two-articles.trig").get(0);
    Dataset rest = DatasetFactory.create();
    rest.addNamedModel(ACME, trig.getNamedModel(ACME));
    List<Dataset> left = new ArrayList<>(RdfFixtures.parse("people.ttl"));
    left.add(rest);
    Graph union = RdfFixtures.union(left);
    assertEquals(RdfFixtures.resources(union), cypherCount("MATCH (n:Resource) RETURN count(n)"));
    assertEquals(RdfFixtures.relationships(union), cypherCount("MATCH ()-[r]->() RETURN count(r)"));
    CliRun missing = run("remove", "acme-regulator");
    assertEquals(1, missing.exit(), missing.toString());
  }

  @Test
  @Order(7)
  void buildingTheSeedGoesToTheEndpointAndARebuildSeesItUnchanged() {
    CliRun build = run("build", "--date", "2020-12-18", "seeds/");
    assertEquals(0, build.exit(), build.toString());
    assertTrue(build.out().contains("RDF:         SPARQL endpoint " + url), build.out());
    List<String> rows = sparql(MainJobTest.PERSON_ORG_SPARQL);
    assertTrue(rows.contains("Jin Xinjiang,employeeOrMemberOf,Zoom"), rows.toString());
    assertTrue(rows.contains("Zhou Fengsuo,founderOf,Humanitarian China"), rows.toString());
    assertEquals(1, cypherCount("MATCH (:Person {name: 'Jin Xinjiang'})-[r:EMPLOYEE_OR_MEMBER_OF]->"
        + "(:Organization {name: 'Zoom'}) RETURN count(r)"));
    CliRun again = run("build", "--date", "2020-12-18", "seeds/");
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.err().contains("unchanged, skipped"), again.err());
  }
}
