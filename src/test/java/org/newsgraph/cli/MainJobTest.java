package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.RdfFormat;
import org.newsgraph.rdf.RdfIO;
import org.newsgraph.rdf.Validation;

/**
 * The main job end to end through the command line, as the README runs it: build the seed into a
 * fresh data folder (embedded Neo4j), answer the relationship query in Cypher and SPARQL, build
 * again without duplicates, export and extract in every format.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainJobTest {
  @TempDir static Path dir;
  static String data;
  static CliRun firstBuild;

  static final String PERSON_ORG_CYPHER =
      "MATCH (p:Person)-[r]->(o:Organization) RETURN p.name, type(r), o.name ORDER BY p.name, type(r), o.name";
  static final String PERSON_ORG_SPARQL = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
      + "SELECT ?person ?relation ?organization WHERE {\n"
      + "  ?p a ng:Person ; ng:name ?person ; ?rel ?o .\n"
      + "  ?o a ng:Organization ; ng:name ?organization .\n"
      + "  BIND(STRAFTER(STR(?rel), \"#\") AS ?relation) } ORDER BY ?person ?relation ?organization";

  @BeforeAll
  static void build() {
    data = dir.resolve("data").toString();
    firstBuild = CliRun.run("--data-dir", data, "build", "--date", "2020-12-18", "seeds/");
  }

  private static List<String> lines(String s) {
    return new ArrayList<>(Arrays.asList(s.strip().split("\r?\n")));
  }

  @Test
  @Order(1)
  void buildExitsZeroAndSaysWhatItBuiltAndWhere() {
    assertEquals(0, firstBuild.exit(), firstBuild.toString());
    assertTrue(firstBuild.out().contains("Built 1 article(s)."), firstBuild.toString());
    assertTrue(firstBuild.out().matches("(?s).*entities: +\\d+ \\(PERSON \\d+, ORGANIZATION \\d+, GPE \\d+, LOCATION \\d+\\).*"), firstBuild.out());
    assertTrue(firstBuild.out().contains(Path.of(data, "tdb2").toAbsolutePath().toString()), firstBuild.out());
    assertTrue(firstBuild.out().contains("models") && firstBuild.out().contains("extract") && firstBuild.out().contains("load"));
  }

  @Test
  @Order(2)
  void cypherAnswersTheRelationshipQuery() {
    CliRun q = CliRun.run("--data-dir", data, "query", PERSON_ORG_CYPHER, "--format", "csv");
    assertEquals(0, q.exit(), q.toString());
    List<String> rows = lines(q.out());
    assertEquals("p.name,type(r),o.name", rows.get(0));
    assertTrue(rows.contains("Jin Xinjiang,EMPLOYEE_OR_MEMBER_OF,Zoom"), q.out());
    assertTrue(rows.contains("Zhou Fengsuo,FOUNDER_OF,Humanitarian China"), q.out());
  }

  @Test
  @Order(3)
  void sparqlAnswersTheSameQuestionOverTdb2() {
    CliRun s = CliRun.run("--data-dir", data, "sparql", PERSON_ORG_SPARQL, "--format", "csv");
    assertEquals(0, s.exit(), s.toString());
    List<String> rows = lines(s.out());
    assertEquals("person,relation,organization", rows.get(0));
    assertTrue(rows.contains("Jin Xinjiang,employeeOrMemberOf,Zoom"), s.out());
    assertTrue(rows.contains("Zhou Fengsuo,founderOf,Humanitarian China"), s.out());
  }

  @Test
  @Order(3)
  void theEvidenceSentenceOfAnEdgeIsOneQueryAwayInCypherAndSparql() {
    String sentence = "Jin was the company's liaison with Chinese law enforcement and intelligence officials, prosecutors said.";
    // the queries of docs/graph-model.md: the reifier node (Statement) in Cypher, the RDF-star annotation in SPARQL
    CliRun c = CliRun.run("--data-dir", data, "query",
        "MATCH (:Person {name: $p})-[r:EMPLOYEE_OR_MEMBER_OF]->(:Organization {name: $o}) "
            + "MATCH (s:Statement {uri: r.statement})-[:EVIDENCE]->(e:Sentence) "
            + "RETURN s.extractor AS extractor, e.anchorOf AS sentence",
        "--param", "p=Jin Xinjiang", "--param", "o=Zoom", "--format", "json");
    assertEquals("[{\"extractor\":\"pattern:person-is-org-staff\",\"sentence\":\"" + sentence + "\"}]", c.out().strip(), c.toString());
    CliRun s = CliRun.run("--data-dir", data, "sparql", "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
        + "SELECT ?sentence WHERE {\n"
        + "  ?person ng:name \"Jin Xinjiang\" . ?org ng:name \"Zoom\" .\n"
        + "  << ?person ng:employeeOrMemberOf ?org >> ng:evidence/ng:anchorOf ?sentence }", "--format", "json");
    assertEquals("[{\"sentence\":\"" + sentence + "\"}]", s.out().strip(), s.toString());
    CliRun r = CliRun.run("--data-dir", data, "query",
        "MATCH (:Person {name: $p})-[r:EMPLOYEE_OR_MEMBER_OF]->(:Organization {name: $o}) "
            + "RETURN r.extractor AS extractor, r.evidenceText AS sentence, r.inArticle AS article",
        "--param", "p=Jin Xinjiang", "--param", "o=Zoom", "--format", "json");
    assertEquals("[{\"extractor\":\"pattern:person-is-org-staff\",\"sentence\":\"" + sentence
        + "\",\"article\":\"https://w3id.org/newsgraph/id/article/zoom-tiananmen-2020\"}]", r.out().strip(), r.toString());
    CliRun offsets = CliRun.run("--data-dir", data, "query",
        "MATCH (p:Person {name: $p})-[r:EMPLOYEE_OR_MEMBER_OF]->(:Organization {name: $o}), (a:Article {uri: r.inArticle}) "
            + "RETURN substring(a.text, r.evidenceBegin, r.evidenceEnd - r.evidenceBegin) = r.evidenceText AS same",
        "--param", "p=Jin Xinjiang", "--param", "o=Zoom", "--format", "csv");
    assertEquals("same\ntrue", offsets.out().strip().replace("\r\n", "\n"), offsets.toString());
  }

  @Test
  @Order(4)
  void theGraphHoldsEachSeedPersonOnceAndTheOrganisationsAndPlaces() {
    CliRun q = CliRun.run("--data-dir", data, "query",
        "MATCH (n) WHERE n:Person OR n:Organization OR n:GeopoliticalEntity OR n:Location "
            + "RETURN labels(n) AS labels, n.name AS name ORDER BY name", "--format", "json");
    assertEquals(0, q.exit(), q.toString());
    for (String person : List.of("Jin Xinjiang", "Seth D. DuCharme", "John C. Demers", "Zhou Fengsuo")) {
      assertEquals(1, count(q.out(), "\"name\":\"" + person + "\""), person + " in " + q.out());
    }
    for (String org : List.of("Zoom", "Justice Department", "Humanitarian China", "Chinese Communist Party")) {
      assertTrue(q.out().contains("\"name\":\"" + org + "\""), org + " in " + q.out());
    }
    for (String place : List.of("United States", "China", "Beijing", "Tiananmen Square")) {
      assertTrue(q.out().contains("\"name\":\"" + place + "\""), place + " in " + q.out());
    }
    CliRun jin = CliRun.run("--data-dir", data, "query", "MATCH (p:Person {name: $name}) RETURN p.aliases AS aliases",
        "--param", "name=Jin Xinjiang", "--format", "json");
    assertEquals("[{\"aliases\":[\"Jin\",\"Julien Jin\"]}]", jin.out().strip(), jin.toString());
  }

  @Test
  @Order(4)
  void eventsAreNodesWithRoleRelationshipsAndWhoActedAgainstWhomRuns() {
    CliRun c = CliRun.run("--data-dir", data, "query",
        "MATCH (e:ChargeIndict)-[:DEFENDANT]->(d:Person) RETURN d.name AS defendant, e.eventTime AS time", "--format", "csv");
    assertEquals(0, c.exit(), c.toString());
    assertTrue(lines(c.out()).contains("Jin Xinjiang,2020-12-18"), c.out());
    CliRun who = CliRun.run("--data-dir", data, "query",
        "MATCH (e:Event)-[:AGENT|ATTACKER|PROSECUTOR]->(a), (e)-[:TARGET|VICTIM|DEFENDANT|PERSON]->(t) "
            + "WHERE NOT e.negated AND NOT e.hypothetical "
            + "RETURN a.name AS actor, e.eventType AS event, t.name AS target, e.eventTime AS time ORDER BY time, actor",
        "--format", "csv");
    assertEquals(0, who.exit(), who.toString());
    assertTrue(lines(who.out()).contains("U.S. prosecutors,Justice.Charge-Indict,Jin Xinjiang,2020-12-18"), who.out());
  }

  @Test
  @Order(5)
  void buildingTwiceLeavesTheSameCounts() {
    List<String> before = counts();
    CliRun again = CliRun.run("--data-dir", data, "build", "--date", "2020-12-18", "seeds/");
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.out().startsWith("Built 0 article(s); 1 unchanged, skipped.\n"), again.toString());
    assertTrue(again.err().contains("zoom-tiananmen-2020.txt: unchanged, skipped"), again.toString());
    assertEquals(before, counts());
    CliRun forced = CliRun.run("--data-dir", data, "build", "--force", "--date", "2020-12-18", "seeds/");
    assertEquals(0, forced.exit(), forced.toString());
    assertTrue(forced.out().startsWith("Built 1 article(s).\n"), forced.toString());
    assertEquals(before, counts());
    CliRun sources = CliRun.run("--data-dir", data, "query",
        "MATCH (:Person {name: $p})-[r:EMPLOYEE_OR_MEMBER_OF]->(:Organization {name: $o}) RETURN r.sources AS sources",
        "--param", "p=Jin Xinjiang", "--param", "o=Zoom", "--format", "json");
    assertEquals("[{\"sources\":[\"https://w3id.org/newsgraph/id/article/zoom-tiananmen-2020\"]}]",
        sources.out().strip(), sources.toString());
  }

  private static List<String> counts() {
    CliRun nodes = CliRun.run("--data-dir", data, "query", "MATCH (n) RETURN count(n) AS n", "--format", "csv");
    CliRun rels = CliRun.run("--data-dir", data, "query", "MATCH ()-[r]->() RETURN count(r) AS n", "--format", "csv");
    CliRun quads = CliRun.run("--data-dir", data, "sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv");
    List<String> c = List.of(lines(nodes.out()).get(1), lines(rels.out()).get(1), lines(quads.out()).get(1));
    assertTrue(Long.parseLong(c.get(0)) > 100 && Long.parseLong(c.get(1)) > 100 && Long.parseLong(c.get(2)) > 1000, c.toString());
    return c;
  }

  @Test
  @Order(6)
  void exportWritesTheStoredGraphs() throws IOException {
    Path trig = dir.resolve("all.trig");
    CliRun e = CliRun.run("--data-dir", data, "export", "-o", trig.toString());
    assertEquals(0, e.exit(), e.toString());
    Dataset ds = RDFDataMgr.loadDataset(trig.toString());
    assertEquals(List.of("https://w3id.org/newsgraph/id/article/zoom-tiananmen-2020"),
        org.apache.jena.atlas.iterator.Iter.toList(ds.listNames()));
    assertTrue(Validation.validate(RdfIO.union(ds, null)).conforms());
  }

  @Test
  @Order(6)
  void exportFromNeo4jRebuildsTheStoredRdf() throws IOException {
    Path fromTdb = dir.resolve("tdb.nt");
    Path fromNeo4j = dir.resolve("neo4j.ttl");
    CliRun t = CliRun.run("--data-dir", data, "export", "-o", fromTdb.toString());
    CliRun n = CliRun.run("--data-dir", data, "export", "--from", "neo4j", "-o", fromNeo4j.toString());
    assertEquals(0, t.exit(), t.toString());
    assertEquals(0, n.exit(), n.toString());
    Model stored = RDFDataMgr.loadModel(fromTdb.toString());
    Model rebuilt = RDFDataMgr.loadModel(fromNeo4j.toString());
    assertTrue(stored.size() > 1000);
    assertTrue(stored.isIsomorphicWith(rebuilt));
    CliRun bad = CliRun.run("--data-dir", data, "export", "--from", "mysql");
    assertEquals(2, bad.exit(), bad.toString());
    assertTrue(bad.err().contains("unknown store 'mysql' for --from; use tdb2 or neo4j"), bad.err());
  }

  @Test
  @Order(7)
  void extractInAllSixFormatsGivesIsomorphicValidGraphs() throws IOException {
    Path out = dir.resolve("extract");
    Model reference = null;
    for (RdfFormat f : RdfFormat.values()) {
      Path file = out.resolve("seed." + f.extension());
      CliRun x = CliRun.run("extract", "seeds/zoom-tiananmen-2020.txt", "-f", f.cliName(), "-o", file.toString());
      assertEquals(0, x.exit(), x.toString());
      Dataset back = DatasetFactory.create();
      RDFDataMgr.read(back, Files.newInputStream(file), f.lang());
      Model union = RdfIO.union(back, null);
      assertTrue(union.size() > 1000, f + " gave " + union.size() + " triples");
      if (!f.carriesTripleTerms()) {
        // JSON-LD and RDF/XML: RDF 1.1 reification, the same statements once converted back
        assertTrue(union.contains(null, org.apache.jena.vocabulary.RDF.subject), f.toString());
        union = org.newsgraph.rdf.Reification.toReifiers(union);
      }
      if (reference == null) {
        reference = union;
        Validation.Result v = Validation.validate(union);
        assertTrue(v.conforms(), v.reportTurtle());
      } else {
        assertTrue(reference.isIsomorphicWith(union), f + " differs from " + RdfFormat.values()[0]);
      }
    }
  }

  @Test
  @Order(7)
  void evalScoresTheSeedAgainstItsGoldAndAnnotationsHaveTheGoldShape() throws IOException {
    CliRun e = CliRun.run("eval", "--gold", "src/test/resources/gold", "--no-details", "seeds/");
    assertEquals(0, e.exit(), e.toString());
    assertTrue(e.out().contains("micro-average over 1 file(s)"), e.out());
    assertTrue(e.out().matches("(?s).*named entities +\\d\\.\\d\\d +\\d\\.\\d\\d +0\\.9\\d.*"), e.out());
    Path ann = dir.resolve("seed.json");
    CliRun x = CliRun.run("extract", "seeds/", "-f", "annotations", "-o", ann.toString());
    assertEquals(0, x.exit(), x.toString());
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ann.toFile());
    assertEquals("seeds/zoom-tiananmen-2020.txt", json.get("document").asText());
    assertTrue(json.get("entities").size() > 20);
    assertTrue(json.get("events").size() > 10);
    boolean jin = false;
    for (com.fasterxml.jackson.databind.JsonNode n : json.get("entities")) {
      jin |= n.get("id").asText().equals("person/jin-xinjiang") && n.get("type").asText().equals("PERSON");
    }
    assertTrue(jin);
  }

  @Test
  @Order(8)
  void queriesAreReadOnlyUnlessToldOtherwise() {
    CliRun w = CliRun.run("--data-dir", data, "query", "CREATE (n:Intruder) RETURN n");
    assertEquals(2, w.exit(), w.toString());
    assertTrue(w.err().contains("--write"), w.err());
    CliRun c = CliRun.run("--data-dir", data, "query", "MATCH (n:Intruder) RETURN count(n) AS n", "--format", "csv");
    assertEquals("0", lines(c.out()).get(1), c.toString());
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
