package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.newsgraph.rdf.TdbStore;

/**
 * {@link ArticleUpdater#add} (through {@link RdfGraphLoader#add}) adds articles one at a time and
 * ends in the graph that loading all of them at once gives, on the values that are merged rather
 * than listed: the display name and aliases of a node whose spellings differ by article, the most
 * precise event time, a negation the reports disagree on, the provenance of a relationship that two
 * articles reify (the first statement's, with the count of both), an event's provenance (the first
 * article's) and sources; and a node whose stored properties the merge cannot read back (a
 * companion list of the wrong length) is recomputed from the store instead.
 */
class RdfGraphLoaderAddTest {
  private static final String PREFIXES = """
      @prefix ng: <https://w3id.org/newsgraph/ontology#> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
      @prefix ex: <https://example.org/> .
      """;
  private static final String A = "https://example.org/article/a";
  private static final String B = "https://example.org/article/b";
  private static final String C = "https://example.org/article/c";
  private static final String D = "https://example.org/article/d";

  @TempDir static Path home;
  static EmbeddedNeo4j neo4j;
  static Neo4jStore store;

  @BeforeAll
  static void start() {
    neo4j = EmbeddedNeo4j.start(home.resolve("neo4j"));
    store = Neo4jStore.connect(neo4j.boltUri(), null, null, null);
  }

  @AfterAll
  static void stop() {
    store.close();
    neo4j.close();
  }

  private static Model turtle(String body) {
    Model m = ModelFactory.createDefaultModel();
    m.read(new StringReader(PREFIXES + body), null, "TTL");
    return m;
  }

  /** Four articles about one person, one organisation and one event. */
  private static Map<String, Model> articles() {
    Map<String, Model> graphs = new LinkedHashMap<>();
    graphs.put(A, turtle("""
        ex:john a ng:Person ; ng:name "JOHN SMITH" ; ng:alias "J. Smith" ; ex:score 1 .
        ex:acme a ng:Organization ; ng:name "Acme" .
        ex:john ng:memberOf ex:acme .
        ex:st2 rdf:subject ex:john ; rdf:predicate ng:memberOf ; rdf:object ex:acme ; ng:extractor "a" .
        ex:ev a ng:Event ; ng:eventTime "2024"^^xsd:gYear ; ng:negated true ; ng:extractor "trigger:a" ;
          ng:hasActor ex:john .
        """));
    graphs.put(B, turtle("""
        ex:john a ng:Person ; ng:name "John Smith" ; ex:score 2, "two"@en .
        ex:acme a ng:Organization ; ng:name "Acme" .
        ex:john ng:memberOf ex:acme .
        ex:st1 rdf:subject ex:john ; rdf:predicate ng:memberOf ; rdf:object ex:acme ; ng:extractor "b" .
        ex:ev a ng:Event ; ng:eventTime "2024-05-03"^^xsd:date ; ng:negated false ; ng:extractor "trigger:b" ;
          ng:hasActor ex:john ; ng:hasTarget ex:acme .
        """));
    graphs.put(C, turtle("""
        ex:acme a ng:Organization ; ng:name "ACME"^^ex:code .
        ex:ev a ng:Event ; ng:eventTime "2024-05"^^xsd:gYearMonth ; ng:hasPlace ex:paris .
        ex:paris a ng:Place ; ng:name "Paris" .
        """));
    graphs.put(D, turtle("""
        ex:acme a ng:Organization, ng:Company ; ng:name "Acme Corp." .
        ex:john a ng:Person ; ng:name "Johnny Smith" .
        """));
    return graphs;
  }

  private static void clear() {
    try (Session s = store.session(AccessMode.WRITE)) {
      s.run("MATCH (n) DETACH DELETE n").consume();
    }
  }

  @Test
  void addingArticlesOneAtATimeGivesWhatLoadingThemAllGives() {
    clear();
    Map<String, Object> added;
    try (TdbStore tdb = TdbStore.open(home.resolve("tdb-added"))) {
      ArticleUpdater updater = new ArticleUpdater(tdb, store);
      for (Map.Entry<String, Model> e : articles().entrySet()) {
        Map<String, Model> one = Map.of(e.getKey(), e.getValue());
        assertTrue(ArticleUpdater.storedResources(tdb, one.keySet()).isEmpty());
        ArticleUpdater.storeRdf(tdb, one);
        updater.add(one);
        if (e.getKey().equals(A)) {
          // a companion list of the wrong length (another tool's write): the next article cannot
          // merge into it, so the node is recomputed from the store
          try (Session s = store.session(AccessMode.WRITE)) {
            s.run("MATCH (n {uri: 'https://example.org/john'}) SET n.aliases__key = ['name', 'name', 'name']").consume();
          }
        }
      }
      assertTrue(!ArticleUpdater.storedResources(tdb, List.of(A)).isEmpty(), "a stored graph is not new");
      added = GraphSnapshot.of(store);
    }
    clear();
    try (TdbStore tdb = TdbStore.open(home.resolve("tdb-whole"))) {
      ArticleUpdater.storeRdf(tdb, articles());
      new RdfGraphLoader(store).load(tdb.all(), true);
    }
    Map<String, Object> whole = GraphSnapshot.of(store);

    assertEquals(whole, added);
    // the merged values themselves, as loading all at once gives them
    @SuppressWarnings("unchecked")
    Map<String, Object> john = (Map<String, Object>) ((List<Object>) whole.get("node https://example.org/john")).get(1);
    assertEquals("Johnny Smith", john.get("name"), "mixed case, then the longest");
    assertEquals(List.of("J. Smith", "JOHN SMITH", "John Smith"), john.get("aliases"));
    assertEquals(List.of(A, B, D), john.get("sources"));
    @SuppressWarnings("unchecked")
    Map<String, Object> ev = (Map<String, Object>) ((List<Object>) whole.get("node https://example.org/ev")).get(1);
    assertEquals("2024-05-03", ev.get("eventTime"));
    assertEquals(false, ev.get("negated"));
    @SuppressWarnings("unchecked")
    Map<String, Object> member = (Map<String, Object>) whole.get("relationship https://example.org/john MEMBER_OF https://example.org/acme");
    assertEquals("https://example.org/st1", member.get("statement"));
    assertEquals(2L, member.get("statementCount"));
    assertEquals("b", member.get("extractor"));
    @SuppressWarnings("unchecked")
    Map<String, Object> target = (Map<String, Object>) whole.get("relationship https://example.org/ev HAS_TARGET https://example.org/acme");
    assertEquals("trigger:a", target.get("extractor"), "an event's provenance is the first article's: " + target);
  }
}
