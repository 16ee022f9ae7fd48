package org.newsgraph.cli;

import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.extract.Extractor;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.neo4j.ArticleUpdater;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.TdbStore;
import org.newsgraph.read.ArticleReader;

/**
 * The skip path of {@code build} and the {@code remove} command, without CoreNLP: the stores are
 * filled with a hand-made graph of exactly the article the reader makes of a file, so a build of
 * that file finds it unchanged.
 */
class IncrementalBuildTest {
  @TempDir Path dir;

  @Test
  void anUnchangedArticleIsSkippedWithoutTheModelsAndRemoveTakesItOutOfBothStores() throws IOException {
    Path file = dir.resolve("in/quiet-day.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "A quiet day\n\nNothing happened in the town.\n");
    Path data = dir.resolve("data");
    Article article = new ArticleReader(LocalDate.of(2024, 1, 2)).read(List.of(file), p -> {
      throw new AssertionError(p.toString());
    }).get(0);
    assertEquals("quiet-day", article.id());
    ArticleGraph graph = new ArticleGraph(article, List.of(), List.of(), List.of(), List.of(), Extractor.VERSION);
    RdfMapper mapper = new RdfMapper();
    String iri = mapper.articleIri("quiet-day");
    try (EmbeddedNeo4j neo = EmbeddedNeo4j.start(data.resolve("neo4j"));
        Neo4jStore store = Neo4jStore.connect(neo.boltUri(), null, null, null);
        TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      new ArticleUpdater(tdb, store).replace(iri, mapper.map(graph));
      assertEquals(1, store.count("MATCH (n:Resource) RETURN count(n)"));
      assertEquals(List.of(iri), tdb.graphNames());
    }

    int modelRequests = Ingest.MODEL_REQUESTS.get();
    CliRun build = CliRun.run("--data-dir", data.toString(), "build", "--date", "2024-01-02", file.getParent().toString());
    assertEquals(0, build.exit(), build.toString());
    assertEquals(file + ": unchanged, skipped (same content hash and extractor version as stored)\n",
        build.err().replace("\r\n", "\n"), build.toString());
    assertTrue(build.out().startsWith("Built 0 article(s); 1 unchanged, skipped.\n"), build.toString());
    assertEquals(modelRequests, Ingest.MODEL_REQUESTS.get(), "the models were asked for");

    CliRun remove = CliRun.run("--data-dir", data.toString(), "remove", "quiet-day");
    assertEquals(0, remove.exit(), remove.toString());
    assertEquals("Removed 1 article(s).", remove.out().strip());
    CliRun again = CliRun.run("--data-dir", data.toString(), "remove", "quiet-day");
    assertEquals(1, again.exit(), again.toString());
    assertTrue(again.err().startsWith("newsgraph: no stored article " + iri + " "), again.toString());

    try (EmbeddedNeo4j neo = EmbeddedNeo4j.start(data.resolve("neo4j"));
        Neo4jStore store = Neo4jStore.connect(neo.boltUri(), null, null, null);
        TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      assertEquals(0, store.count("MATCH (n:Resource) RETURN count(n)"));
      assertEquals(List.of(), tdb.graphNames());
      assertEquals(0, tdb.quadCount());
    }
  }

  /** One sentence naming one person: "NAME spoke." */
  static ArticleGraph onePerson(String id, String name) {
    String text = name + " spoke.";
    Article a = new Article(id, "About " + name, text, LocalDate.of(2024, 1, 2), null, List.of(), List.of(), id + ".txt");
    org.newsgraph.model.Sentence s0 = new org.newsgraph.model.Sentence(0, new org.newsgraph.model.Span(0, text.length(), text));
    org.newsgraph.model.Entity person = new org.newsgraph.model.Entity(
        org.newsgraph.model.Names.key(org.newsgraph.model.EntityType.PERSON, name),
        org.newsgraph.model.EntityType.PERSON, name, java.util.Set.of(),
        List.of(new org.newsgraph.model.Mention(new org.newsgraph.model.Span(0, name.length(), name), 0, "ner:PERSON")),
        List.of());
    return new ArticleGraph(a, List.of(s0), List.of(person), List.of(), List.of(), Extractor.VERSION);
  }

  /**
   * A {@code remove} killed after TDB2 dropped the graph but before Neo4j was refreshed leaves the
   * graph's resources in the pending list; the next {@code remove} (of another article) takes them
   * out of Neo4j too.
   */
  @Test
  void aRemoveKilledBetweenTheStoresIsFinishedByTheNextRemove() {
    Path data = dir.resolve("data2");
    RdfMapper mapper = new RdfMapper();
    String alpha = mapper.articleIri("alpha");
    String beta = mapper.articleIri("beta");
    try (EmbeddedNeo4j neo = EmbeddedNeo4j.start(data.resolve("neo4j"));
        Neo4jStore store = Neo4jStore.connect(neo.boltUri(), null, null, null);
        TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      ArticleUpdater updater = new ArticleUpdater(tdb, store);
      updater.replace(alpha, mapper.map(onePerson("alpha", "Jane Roe")));
      updater.replace(beta, mapper.map(onePerson("beta", "John Doe")));
      // article, sentence, mention and person of each
      assertEquals(8, store.count("MATCH (n:Resource) RETURN count(n)"));
      // what 'remove beta' leaves when killed between the stores
      java.util.Set<String> betaResources = PendingLoads.ids(tdb.resourcesOf(beta));
      assertEquals(4, betaResources.size(), betaResources.toString());
      PendingLoads.add(data, betaResources);
      assertTrue(tdb.removeGraph(beta));
    }
    CliRun remove = CliRun.run("--data-dir", data.toString(), "remove", "alpha");
    assertEquals(0, remove.exit(), remove.toString());
    assertEquals("Removed 1 article(s).", remove.out().strip());
    assertTrue(!Files.exists(PendingLoads.file(data)), "the pending list is cleared");
    try (EmbeddedNeo4j neo = EmbeddedNeo4j.start(data.resolve("neo4j"));
        Neo4jStore store = Neo4jStore.connect(neo.boltUri(), null, null, null);
        TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      assertEquals(List.of(), tdb.graphNames());
      assertEquals(0, store.count("MATCH (n:Resource) RETURN count(n)"), "beta's nodes are gone from Neo4j too");
    }
  }
}
