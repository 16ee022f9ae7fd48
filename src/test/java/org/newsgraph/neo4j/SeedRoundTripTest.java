package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.extract.Extractor;
import org.newsgraph.model.Article;
import org.newsgraph.rdf.RdfIO;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.TdbStore;
import org.newsgraph.read.ArticleReader;

/**
 * The seed article through the real pipeline (CoreNLP extraction shared per JVM, RDF mapping,
 * TDB2, Neo4j through {@link ArticleUpdater} as {@code build} does), then back out of Neo4j: the
 * RDF rebuilt from the property graph is isomorphic to the union of what TDB2 stores, blank nodes
 * and triple terms included (Neo4j keeps no graph names, so the union is compared). Also the two
 * evidence queries of docs/graph-model.md.
 */
class SeedRoundTripTest {
  static final String SENTENCE =
      "Jin was the company's liaison with Chinese law enforcement and intelligence officials, prosecutors said.";

  @TempDir static Path home;
  static EmbeddedNeo4j neo4j;
  static Neo4jStore store;
  static TdbStore tdb;

  @BeforeAll
  static void build() {
    List<Article> articles = new ArticleReader(LocalDate.of(2020, 12, 18))
        .read(List.of(Path.of("seeds/zoom-tiananmen-2020.txt")), p -> {
          throw new AssertionError(p.toString());
        });
    RdfMapper mapper = new RdfMapper();
    Model rdf = mapper.map(new Extractor().extract(articles.get(0)));
    neo4j = EmbeddedNeo4j.start(home.resolve("neo4j"));
    store = Neo4jStore.connect(neo4j.boltUri(), null, null, null);
    tdb = TdbStore.open(home.resolve("tdb2"));
    new ArticleUpdater(tdb, store).replace(mapper.articleIri(articles.get(0).id()), rdf);
  }

  @AfterAll
  static void stop() {
    tdb.close();
    store.close();
    neo4j.close();
  }

  @Test
  void rdfToNeo4jToRdfIsIsomorphic() {
    Model stored = RdfIO.union(tdb.snapshot(), null);
    Model back = new Neo4jRdfExporter(store).export();
    if (!stored.isIsomorphicWith(back)) {
      RDFDataMgr.write(System.err, stored.difference(back), Lang.NTRIPLES);
      RDFDataMgr.write(System.err, back.difference(stored), Lang.NTRIPLES);
    }
    assertTrue(stored.size() > 1000, stored.size() + " triples");
    assertEquals(stored.size(), back.size());
    assertTrue(stored.isIsomorphicWith(back));
    // the seed has reified literal-valued relations (titles, charges) and typed literals
    assertTrue(stored.listObjects().toList().stream().anyMatch(o -> o.asNode().isTripleTerm()
        && o.asNode().getTriple().getObject().isLiteral()));
    // a fresh load of the stored dataset gives the same graph back too
    store.query("MATCH (n) DETACH DELETE n", null, true, null);
    new RdfGraphLoader(store).load(tdb.snapshot());
    assertTrue(stored.isIsomorphicWith(new Neo4jRdfExporter(store).export()));
  }

  @Test
  void theEvidenceSentenceOfJinXinjiangAndZoomInSparqlAndCypher() {
    String sparql = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\n"
        + "SELECT ?sentence WHERE {\n"
        + "  ?person ng:name \"Jin Xinjiang\" . ?org ng:name \"Zoom\" .\n"
        + "  << ?person ng:employeeOrMemberOf ?org >> ng:evidence/ng:anchorOf ?sentence }";
    assertEquals(List.of(List.of(SENTENCE)), tdb.select(sparql, 0).rows());
    String cypher = "MATCH (:Person {name: $p})-[r:EMPLOYEE_OR_MEMBER_OF]->(:Organization {name: $o}) "
        + "RETURN r.evidenceText AS sentence";
    assertEquals(List.of(List.of(SENTENCE)),
        store.query(cypher, Map.of("p", "Jin Xinjiang", "o", "Zoom"), false, null).rows());
  }
}
