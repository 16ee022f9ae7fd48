package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.model.Argument;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Event;
import org.newsgraph.model.Mention;
import org.newsgraph.model.Names;
import org.newsgraph.model.Predicate;
import org.newsgraph.model.Relation;
import org.newsgraph.model.Sentence;
import org.newsgraph.model.Span;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.SampleGraphs;
import org.newsgraph.rdf.TdbStore;

/**
 * Add, change and remove articles through {@link ArticleUpdater}, with exact counts in TDB2 and
 * Neo4j after each step, and the same counts computed independently from TDB2 by SPARQL.
 */
class ArticleUpdaterTest {
  static final String ACME = "https://w3id.org/newsgraph/id/article/acme-1";
  static final String BETA = "https://w3id.org/newsgraph/id/article/beta-1";
  static final String JANE = "https://w3id.org/newsgraph/id/person/jane-roe";
  static final String PARIS = "https://w3id.org/newsgraph/id/place/paris";
  static final String ACME_CORP = "https://w3id.org/newsgraph/id/organization/acme-corp";

  @TempDir static Path home;
  static EmbeddedNeo4j neo4j;
  static Neo4jStore store;
  static TdbStore tdb;

  @BeforeAll
  static void start() {
    neo4j = EmbeddedNeo4j.start(home.resolve("neo4j"));
    store = Neo4jStore.connect(neo4j.boltUri(), null, null, null);
    tdb = TdbStore.open(home.resolve("tdb2"));
  }

  @AfterAll
  static void stop() {
    tdb.close();
    store.close();
    neo4j.close();
  }

  /** The sample article without Paris: no based-in relation, no place of the charge. */
  static ArticleGraph acmeWithoutParis() {
    ArticleGraph g = SampleGraphs.acme();
    List<Entity> entities = g.entities().stream().filter(e -> !e.name().equals("Paris")).toList();
    List<Relation> relations = g.relations().stream().filter(r -> r.predicate() != Predicate.BASED_IN).toList();
    Event e = g.events().get(0);
    Event noPlace = new Event(e.id(), e.type(), e.triggers(),
        e.arguments().stream().filter(a -> !a.role().equals("Place")).toList(), e.time(), e.negated(),
        e.hypothetical(), e.assertedBy(), e.stage(), e.evidence(), e.extractor());
    Article a = g.article();
    Article changed = new Article(a.id(), a.title(), a.text(), a.date(), a.url(), a.authors(), a.credits(), a.source());
    return new ArticleGraph(changed, g.sentences(), entities, relations, List.of(noPlace), g.extractorVersion());
  }

  /** A second article: J. Roe works for Acme Corp. */
  static ArticleGraph beta() {
    String text = "J. Roe works for Acme Corp.";
    Article a = new Article("beta-1", "Roe at work", text, LocalDate.of(2024, 5, 6), null, List.of(), List.of(), "beta-1.txt");
    Sentence s0 = new Sentence(0, new Span(0, text.length(), text));
    Entity jane = new Entity(Names.key(EntityType.PERSON, "Jane Roe"), EntityType.PERSON, "Jane Roe", Set.of("J. Roe"),
        List.of(new Mention(new Span(0, 6, "J. Roe"), 0, "ner:PERSON")), List.of());
    Entity acme = new Entity(Names.key(EntityType.ORGANIZATION, "Acme Corp"), EntityType.ORGANIZATION, "Acme Corp", Set.of(),
        List.of(new Mention(new Span(17, 26, "Acme Corp"), 0, "ner:ORGANIZATION")), List.of());
    Relation works = new Relation(jane.key(), Predicate.EMPLOYEE_OR_MEMBER_OF, acme.key(), null, s0, "pattern:works-for", Double.NaN);
    return new ArticleGraph(a, List.of(s0), List.of(jane, acme), List.of(works), List.<Event>of(), "test/1");
  }

  static long cypher(String q) {
    return store.count(q);
  }

  /** Resource nodes, relationships (between resources) and quads, and the SPARQL counts of the same. */
  static List<Long> counts() {
    long nodes = cypher("MATCH (n:Resource) RETURN count(n)");
    long rels = cypher("MATCH (:Resource)-[r]->(:Resource) RETURN count(r)");
    long quads = tdb.quadCount();
    String prefix = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n";
    Object sparqlNodes = tdb.select(prefix + "SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { GRAPH ?g {"
        + " { ?n ?p ?o } UNION { ?s ?q ?n FILTER(?q != rdf:type && !isLiteral(?n)) } } }", 0).rows().get(0).get(0);
    Object sparqlRels = tdb.select(prefix + "SELECT (COUNT(*) AS ?c) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g {"
        + " ?s ?p ?o FILTER(?p != rdf:type && !isLiteral(?o)) } } }", 0).rows().get(0).get(0);
    assertEquals(nodes, sparqlNodes, "Neo4j nodes vs TDB2 resources");
    assertEquals(rels, sparqlRels, "Neo4j relationships vs TDB2 resource triples");
    return List.of(nodes, rels, quads);
  }

  static Object property(String uri, String key) {
    var r = store.query("MATCH (n:Resource {uri: $u}) RETURN n[$k] AS v", Map.of("u", uri, "k", key), false, null);
    return r.rows().isEmpty() ? "(no node)" : r.rows().get(0).get(0);
  }

  @Test
  void addChangeAndRemoveKeepBothStoresExact() {
    RdfMapper mapper = new RdfMapper();
    ArticleUpdater up = new ArticleUpdater(tdb, store);

    // add (each relation: its triple, a reifier with rdf:reifies, and a TripleTerm node for <<( s p o )>>)
    up.replace(ACME, mapper.map(SampleGraphs.acme()));
    assertEquals(List.of(26L, 50L, 141L), counts());
    assertEquals(List.of(ACME), property(PARIS, "sources"));
    assertEquals(1L, cypher("MATCH (:Person {name: 'Jane Roe'})-[r:FOUNDER_OF]->(:Organization {name: 'Acme Corp'})"
        + " WHERE r.sources = ['" + ACME + "'] RETURN count(r)"));

    // the provenance of the reifier (rdf:reifies <<( s p o )>>) is on the relationship
    Map<String, Object> founder = new java.util.TreeMap<>();
    founder.put("evidence", ACME + "/sentence/0");
    founder.put("evidenceBegin", 0L);
    founder.put("evidenceEnd", 75L);
    founder.put("evidenceText", SampleGraphs.TEXT.substring(0, 75));
    founder.put("extractor", "pattern:appositive-title-of-org");
    founder.put("inArticle", ACME);
    founder.put("sources", List.of(ACME));
    founder.put("statement", store.query("MATCH (s:Statement)-[:REIFIES]->(t:TripleTerm) WHERE t.uri CONTAINS $p RETURN s.uri",
        Map.of("p", " <https://w3id.org/newsgraph/ontology#founderOf> "), false, null).rows().get(0).get(0));
    founder.put("statementCount", 1L);
    assertEquals(founder, new java.util.TreeMap<>((Map<?, ?>) store.query(
        "MATCH (:Person)-[r:FOUNDER_OF]->() RETURN properties(r)", null, false, null).rows().get(0).get(0)));
    Map<?, ?> charged = (Map<?, ?>) store.query("MATCH (:Person)-[r:EMPLOYEE_OR_MEMBER_OF]->() RETURN properties(r)",
        null, false, null).rows().get(0).get(0);
    assertEquals("metadata:photo-credit", charged.get("extractor"));
    assertEquals(null, charged.get("evidenceText"));

    // an event-role edge carries its event's provenance
    Map<String, Object> defendant = new java.util.TreeMap<>();
    defendant.put("assertedBy", "https://w3id.org/newsgraph/id/group/prosecutors-france");
    defendant.put("event", ACME + "/event/e1");
    defendant.put("evidence", ACME + "/sentence/1");
    defendant.put("evidenceBegin", 76L);
    defendant.put("evidenceEnd", (long) SampleGraphs.TEXT.length());
    defendant.put("evidenceText", SampleGraphs.TEXT.substring(76));
    defendant.put("extractor", "trigger:charge");
    defendant.put("inArticle", ACME);
    defendant.put("sources", List.of(ACME));
    defendant.put("stage", "charged");
    assertEquals(defendant, new java.util.TreeMap<>((Map<?, ?>) store.query(
        "MATCH (:Event)-[r:DEFENDANT]->(:Person) RETURN properties(r)", null, false, null).rows().get(0).get(0)));
    assertEquals(0L, cypher("MATCH (:Event)-[r:EVIDENCE|IN_ARTICLE|ASSERTED_BY]->() WHERE r.event IS NOT NULL RETURN count(r)"));

    // unchanged re-store: same counts
    up.replace(ACME, mapper.map(SampleGraphs.acme()));
    assertEquals(List.of(26L, 50L, 141L), counts());

    // change: Paris, the based-in edge and the charge's place are gone
    up.replace(ACME, mapper.map(acmeWithoutParis()));
    assertEquals(List.of(22L, 41L, 123L), counts());
    assertEquals("(no node)", property(PARIS, "name"));
    assertEquals(0L, cypher("MATCH ()-[r:BASED_IN]->() RETURN count(r)"));
    assertEquals(0L, cypher("MATCH ()-[r:PLACE]->() RETURN count(r)"));

    // a second article sharing Jane Roe and Acme Corp
    up.replace(BETA, mapper.map(beta()));
    assertEquals(List.of(28L, 54L, 166L), counts());
    assertEquals(List.of(ACME, BETA), property(JANE, "sources"));
    assertEquals(List.of("J. Roe", "Roe"), property(JANE, "aliases"));

    // remove the first: shared nodes stay with what the second says, its edges go
    assertEquals(List.of(), up.remove(List.of(ACME)));
    assertEquals(List.of(8L, 13L, 43L), counts());
    assertEquals(List.of(BETA), property(JANE, "sources"));
    assertEquals(List.of("J. Roe"), property(JANE, "aliases"), "a list also with one alias");
    assertEquals(List.of(BETA), property(ACME_CORP, "sources"));
    assertEquals(0L, cypher("MATCH ()-[r:FOUNDER_OF]->() RETURN count(r)"));
    assertEquals(1L, cypher("MATCH (:Person)-[r:EMPLOYEE_OR_MEMBER_OF]->(:Organization {name: 'Acme Corp'})"
        + " WHERE r.sources = ['" + BETA + "'] RETURN count(r)"));

    // removing twice reports it; removing the last leaves nothing but the namespace records
    assertEquals(List.of(ACME), up.remove(List.of(ACME)));
    assertEquals(List.of(), up.remove(List.of(BETA)));
    assertEquals(List.of(0L, 0L, 0L), counts());
    assertEquals(0L, cypher("MATCH (n) WHERE NOT n:_Namespace RETURN count(n)"));
  }
}
