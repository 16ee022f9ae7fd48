package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RDF into Neo4j and back out: what the mapping carries, and what makes it fail loudly. */
class Neo4jRdfExporterTest {
  /** Foreign RDF with what the mapping must carry: tags, datatypes, blank nodes, triple terms. */
  static final String FOREIGN =
      """
      PREFIX ex: <http://example.org/>
      PREFIX schema: <http://schema.org/>
      PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      ex:alice a schema:Person ;
        schema:name "Alice Liu", "Alice"@en, "爱丽丝"@zh-Hans, "Alice"@en--ltr ;
        schema:description "Journalistin"@de ;
        schema:birthDate "1990-04-05"^^xsd:date ;
        schema:birthYear "1990"^^xsd:gYear ;
        schema:url "https://alice.example/"^^xsd:anyURI ;
        schema:children 2 ;
        schema:height 1.70 ;
        schema:ratio 1.5 ;
        schema:weight "6.1E1"^^xsd:double ;
        schema:score 1, 2.5, "3"^^xsd:long ;
        schema:mixed 1, "one", true, "2020-01-02"^^xsd:date ;
        schema:oddInt "+05"^^xsd:integer ;
        schema:badInt "abc"^^xsd:integer ;
        schema:seen "2020-01-01T10:00:00.5+01:00"^^xsd:dateTime ;
        schema:verified true ;
        schema:knows ex:bob, [ schema:name "anonymous" ; schema:knows ex:alice ] ;
        schema:worksFor ex:acme ~ ex:st1 {| ex:source ex:article1 ; ex:confidence 0.87 ; ex:note "said so"@en |} ;
        schema:jobTitle "editor" {| ex:source ex:article2 |} .
      ex:bob schema:worksFor ex:acme ~ ex:st2 ~ ex:st3 .
      ex:st2 ex:source ex:article1 .
      ex:st3 ex:source ex:article2 .
      ex:claim ex:says <<( ex:bob schema:knows <<( ex:alice schema:name "Alice"@en )>> )>> .
      ex:old a rdf:Statement ; rdf:subject ex:bob ; rdf:predicate schema:knows ; rdf:object ex:alice ; ex:source ex:article3 .
      ex:acme a schema:Organization ; schema:name "Acme" ; ex:rel "literal" ; ex:rel ex:bob .
      ex:thing a [ schema:name "a blank class" ] .
      """;

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
    store.close();
    neo4j.close();
  }

  @BeforeEach
  void wipe() {
    store.query("MATCH (n) DETACH DELETE n", null, true, null);
  }

  static Model parse(String turtle) {
    Model m = ModelFactory.createDefaultModel();
    RDFParser.create().source(new StringReader(turtle)).lang(Lang.TURTLE).parse(m);
    return m;
  }

  static Object value(String cypher) {
    return store.query(cypher, null, false, null).rows().get(0).get(0);
  }

  @Test
  void foreignRdfComesBackIsomorphicBlankNodesAndTripleTermsIncluded() {
    Model in = parse(FOREIGN);
    new RdfGraphLoader(store).load(in);
    Model out = new Neo4jRdfExporter(store).export();
    if (!in.isIsomorphicWith(out)) {
      RDFDataMgr.write(System.err, in.difference(out), Lang.NTRIPLES);
      RDFDataMgr.write(System.err, out.difference(in), Lang.NTRIPLES);
    }
    assertEquals(in.size(), out.size());
    assertTrue(in.isIsomorphicWith(out));
    assertEquals("http://schema.org/", out.getNsPrefixURI("schema"));
  }

  @Test
  void anArticleFromTheWebKeepsItsProvenanceThroughNeo4j() {
    Model in = new org.newsgraph.rdf.RdfMapper().map(org.newsgraph.rdf.SampleGraphs.acme(new org.newsgraph.model.Article
        .Retrieval("https://news.example/2024/03/acme", java.time.Instant.parse("2024-03-05T08:09:10Z"))));
    new RdfGraphLoader(store).load(in);
    assertEquals("https://news.example/2024/03/acme", value("MATCH (a:Article)-[:WAS_DERIVED_FROM]->(u) RETURN u.uri"));
    Model out = new Neo4jRdfExporter(store).export();
    assertEquals(in.size(), out.size());
    assertTrue(in.isIsomorphicWith(out));
  }

  @Test
  void languageTagsAndDatatypesAreCompanionProperties() {
    new RdfGraphLoader(store).load(parse(FOREIGN));
    String alice = "MATCH (n:Person {uri: 'http://example.org/alice'}) ";
    assertEquals("Journalistin", value(alice + "RETURN n.description"));
    assertEquals("de", value(alice + "RETURN n.description__lang"));
    assertEquals(List.of("Alice", "Alice", "Alice Liu", "爱丽丝"), value(alice + "RETURN n.name"));
    assertEquals(List.of("en", "en--ltr", "", "zh-Hans"), value(alice + "RETURN n.name__lang"));
    assertEquals("1990", value(alice + "RETURN n.birthYear"));
    assertEquals("http://www.w3.org/2001/XMLSchema#gYear", value(alice + "RETURN n.birthYear__type"));
    // a canonical decimal is a float; another lexical form stays a string, so it comes back unchanged
    assertEquals(1.5, value(alice + "RETURN n.ratio"));
    assertEquals(null, value(alice + "RETURN n.ratio__type"));
    assertEquals("1.70", value(alice + "RETURN n.height"));
    assertEquals("http://www.w3.org/2001/XMLSchema#decimal", value(alice + "RETURN n.height__type"));
    assertEquals(List.of(1.0, 2.5, 3.0), value(alice + "RETURN n.score"));
    assertEquals(List.of("http://www.w3.org/2001/XMLSchema#integer", "", "http://www.w3.org/2001/XMLSchema#long"),
        value(alice + "RETURN n.score__type"));
    assertEquals("+05", value(alice + "RETURN n.oddInt"));
    assertEquals("http://www.w3.org/2001/XMLSchema#integer", value(alice + "RETURN n.oddInt__type"));
  }

  @Test
  void reifiersGiveTheirAnnotationsToTheRelationship() {
    new RdfGraphLoader(store).load(parse(FOREIGN));
    Map<?, ?> r = (Map<?, ?>) value("MATCH (:Person {uri: 'http://example.org/alice'})-[r:WORKS_FOR]->() RETURN properties(r)");
    assertEquals(Map.of("source", "http://example.org/article1", "confidence", 0.87, "note", "said so", "note__lang", "en",
        "statement", "http://example.org/st1", "statementCount", 1L), r);
    // two reifiers of one triple: the first by IRI gives the properties, both stay as nodes
    Map<?, ?> bob = (Map<?, ?>) value("MATCH ({uri: 'http://example.org/bob'})-[r:WORKS_FOR]->() RETURN properties(r)");
    assertEquals(Map.of("source", "http://example.org/article1", "statement", "http://example.org/st2", "statementCount", 2L), bob);
    assertEquals(2L, value("MATCH (s)-[:REIFIES]->(t:TripleTerm {uri: '<<( <http://example.org/bob> "
        + "<http://schema.org/worksFor> <http://example.org/acme> )>>'}) RETURN count(s)"));
    // a reified literal-valued triple: the reifier points at a TripleTerm node
    assertEquals("http://example.org/article2", value("MATCH (s)-[:REIFIES]->(t:TripleTerm) WHERE t.uri CONTAINS 'jobTitle' "
        + "MATCH (s)-[:SOURCE]->(a) RETURN a.uri"));
  }

  @Test
  void twoIrisWithOneLocalNameMakeTheExportFail() {
    new RdfGraphLoader(store).load(parse("""
        PREFIX a: <http://a.example/>
        PREFIX b: <http://b.example/>
        a:x a:name "one" ; b:name "two" .
        """));
    assertEquals(List.of("one", "two"), value("MATCH (n {uri: 'http://a.example/x'}) RETURN n.name"));
    UnmappableRdfException e = assertThrows(UnmappableRdfException.class, () -> new Neo4jRdfExporter(store).export());
    assertEquals("cannot rebuild RDF from Neo4j without changing it: the property key 'name' stands for 2 IRIs "
        + "(http://a.example/name, http://b.example/name), which local names alone cannot tell apart", e.getMessage());
  }

  @Test
  void aPredicateNamedLikeACompanionKeyIsRefusedBeforeAnythingIsWritten() {
    UnmappableRdfException e = assertThrows(UnmappableRdfException.class, () -> new RdfGraphLoader(store).load(parse("""
        PREFIX ex: <http://example.org/>
        ex:x ex:name "x"@en ; ex:name__lang "fr" .
        """)));
    assertEquals("the predicate <http://example.org/name__lang> maps to the Neo4j property key 'name__lang', which "
        + "newsgraph keeps for the language tags of 'name'; rename the predicate before loading", e.getMessage());
    assertEquals(0L, store.count("MATCH (n) RETURN count(n)"));
  }

  @Test
  void labelsAndKeysNoRecordExplainsMakeTheExportFail() {
    new RdfGraphLoader(store).load(parse("PREFIX ex: <http://example.org/>\nex:x a ex:Thing ; ex:name \"x\" ."));
    store.query("MATCH (n {uri: 'http://example.org/x'}) SET n:Extra, n.colour = 'red'", null, true, null);
    UnmappableRdfException e = assertThrows(UnmappableRdfException.class, () -> new Neo4jRdfExporter(store).export());
    assertEquals("cannot rebuild RDF from Neo4j without changing it: the label 'Extra' is in no _Namespace record "
        + "(was it written by another tool?); the property key 'colour' is in no _Namespace record (was it written by "
        + "another tool?)", e.getMessage());
  }

  @Test
  void termCodecRoundTripsAwkwardTerms() {
    Node t = NodeFactory.createTripleTerm(NodeFactory.createBlankNode("b0"), NodeFactory.createURI("http://x/p>q\\"),
        NodeFactory.createTripleTerm(NodeFactory.createURI("http://x/s"), NodeFactory.createURI("http://x/p"),
            NodeFactory.createLiteralLang("a \"quoted\"\nline )>> <<( \\", "en")));
    String uri = TermCodec.uri(t);
    assertEquals("<<( _:b0 <http://x/p\\>q\\\\> <<( <http://x/s> <http://x/p> \"a \\\"quoted\\\"\\nline )>> <<( \\\\\"@en )>> )>>", uri);
    assertEquals(t, TermCodec.node(uri));
  }
}
