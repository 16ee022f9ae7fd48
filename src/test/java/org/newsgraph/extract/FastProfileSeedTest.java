package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.eval.Gold;
import org.newsgraph.eval.Scorer;
import org.newsgraph.model.AliasTable;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Predicate;
import org.newsgraph.rdf.Ontology;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.Validation;
import org.newsgraph.read.ArticleReader;

/** The fast profile on the seed article: the same output shape, scores close to the accurate profile's. */
class FastProfileSeedTest {
  static ArticleGraph graph;

  @BeforeAll
  static void extract() {
    List<Article> articles = new ArticleReader(LocalDate.of(2020, 12, 18))
        .read(List.of(Path.of("seeds/zoom-tiananmen-2020.txt")), p -> {
          throw new AssertionError(p.toString());
        });
    graph = new Extractor(AliasTable.EMPTY, Profile.FAST).extract(articles.get(0));
  }

  @Test
  void scoresWithinTheMarginOfTheAccurateFloors() throws Exception {
    Scorer.Result s = Scorer.score(graph, Gold.read(Path.of("src/test/resources/gold/zoom-tiananmen-2020.gold.json")));
    s.scores().forEach((k, v) -> System.out.println("seed (fast) " + k + ": " + v));
    // SeedExtractionTest's floors for the accurate profile, less 0.05 (the margin for named entities)
    Map<String, Double> floors = Map.of("named entities", 0.85, "group actors", 0.55, "relations", 0.65,
        "events", 0.65, "arguments", 0.45, "event times", 0.55);
    floors.forEach((measure, floor) -> assertTrue(s.get(measure).f1() >= floor, measure + ": " + s.get(measure)));
  }

  @Test
  void findsTheCoreFactsWithoutCorefAndKbp() {
    String jin = graph.findEntity("Jin Xinjiang").orElseThrow().key();
    assertEquals(EntityType.PERSON, graph.findEntity("Julien Jin").orElseThrow().type());
    assertEquals(EntityType.GPE, graph.findEntity("Beijing").orElseThrow().type());
    assertEquals("United States", graph.findEntity("U.S.").orElseThrow().name());
    assertTrue(graph.relations().stream().anyMatch(r -> r.subject().equals(jin) && r.predicate() == Predicate.CHARGED_WITH),
        graph.relations().toString());
    assertTrue(graph.relations().stream().noneMatch(r -> r.extractor().startsWith("kbp:")), "no KBP in the fast profile");
  }

  @Test
  void itsRdfHasTheSameShapeAndSaysWhichProfileMadeIt() {
    Model m = new RdfMapper().map(graph);
    Validation.Result v = Validation.validate(m);
    assertTrue(v.conforms(), v.reportTurtle());
    assertEquals(List.of(), Ontology.undeclaredTerms(m));
    assertEquals(Extractor.VERSION + "+fast", graph.extractorVersion());
  }
}
