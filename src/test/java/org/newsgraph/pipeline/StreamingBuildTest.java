package org.newsgraph.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.extract.Profile;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.neo4j.GraphSnapshot;
import org.newsgraph.rdf.TdbStore;
import org.newsgraph.read.ArticleReader;

/**
 * The streaming build (issue 13, item 2) on real extractions of {@code bench/corpus} and the three
 * near-duplicate reports of {@code eval/articles} (fast profile; each article is extracted once per
 * JVM and the graphs reused by every build here, so the builds differ only in how they batch):
 *
 * <ul>
 *   <li>a build in batches of 4 stores the same named graphs, isomorphic one by one, and gives
 *       Neo4j the same nodes and relationships, with the same labels and properties, as a build in
 *       one batch (the build before the stream: read all, then store all), although its batches
 *       after the first are added to Neo4j rather than recomputed from the store;
 *   <li>a build that fails after its second batch keeps those two batches in TDB2 and Neo4j, with
 *       no pending list; the rerun skips them as unchanged, builds the rest and ends in the state of
 *       the one-batch build.
 * </ul>
 */
class StreamingBuildTest {
  private static final LocalDate DATE = LocalDate.of(2024, 1, 2);
  private static final List<Path> INPUTS = List.of(Path.of("bench/corpus"), Path.of("eval/articles"));
  private static final Map<String, ArticleGraph> GRAPHS = new ConcurrentHashMap<>();
  private static Pipeline pipeline;
  private static final Ingest.Progress QUIET = (index, a, d, seconds) -> { };

  @TempDir Path dir;

  @BeforeAll
  static void models() {
    pipeline = new Pipeline(PipelineConfig.builder().profile(Profile.FAST).threads(2).defaultDate(DATE).build());
  }

  /** The real extraction, once per article and JVM. */
  private static final Function<Article, ArticleGraph> EXTRACT =
      a -> GRAPHS.computeIfAbsent(a.id() + "|" + Pipeline.contentHash(a), k -> pipeline.extract(a));

  private static PipelineConfig config(Path data, int batch) {
    return PipelineConfig.builder().dataDir(data).profile(Profile.FAST).threads(2).defaultDate(DATE)
        .batchSize(batch).build();
  }

  private record Built(StreamingBuild.Report report, String err) {}

  private static Built build(Path data, int batch, Ingest.Progress progress) {
    StringWriter err = new StringWriter();
    StreamingBuild.Report r = new StreamingBuild(config(data, batch)).withExtraction(EXTRACT)
        .run(Ingest.Reading.files(INPUTS, DATE), new PrintWriter(err, true), progress);
    return new Built(r, err.toString());
  }

  /** The named graphs of TDB2, by name. */
  private static Map<String, Model> graphs(Path data) {
    Map<String, Model> graphs = new TreeMap<>();
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      Txn.executeRead(tdb.dataset(), () -> tdb.dataset().listModelNames().forEachRemaining(n -> {
        Model m = ModelFactory.createDefaultModel();
        m.add(tdb.dataset().getNamedModel(n));
        graphs.put(n.getURI(), m);
      }));
    }
    return graphs;
  }

  /** Nodes and relationships in the embedded Neo4j. */
  private static List<Long> neo4jCounts(Path data) {
    try (Stores.Neo4jConnection neo = Stores.neo4j(StoreConfig.embedded(data))) {
      return List.of(neo.store().count("MATCH (n) RETURN count(n)"),
          neo.store().count("MATCH ()-[r]->() RETURN count(r)"));
    }
  }

  /** Everything in the embedded Neo4j of {@code data} ({@link GraphSnapshot}). */
  private static Map<String, Object> neo4jContent(Path data) {
    try (Stores.Neo4jConnection neo = Stores.neo4j(StoreConfig.embedded(data))) {
      return GraphSnapshot.of(neo.store());
    }
  }

  private static void assertSameGraphs(Map<String, Model> want, Map<String, Model> got) {
    assertEquals(want.keySet(), got.keySet(), "named graphs");
    for (String g : want.keySet()) {
      assertTrue(want.get(g).isIsomorphicWith(got.get(g)), "graph " + g + " differs");
    }
  }

  @Test
  void aBuildInBatchesStoresWhatABuildInOneBatchStores() throws Exception {
    Path one = dir.resolve("one");
    Built whole = build(one, 1000, QUIET);
    Path batched = dir.resolve("batched");
    Built four = build(batched, 4, QUIET);

    assertEquals(1, whole.report().outcome().batches());
    assertEquals(27, whole.report().outcome().built(), whole.err());
    assertEquals(7, four.report().outcome().batches(), "27 articles in batches of 4");
    assertEquals(27, four.report().outcome().built(), four.err());
    assertTrue(four.err().contains("stored 8 article graph(s) in TDB2 (batch 2)"), four.err());
    assertTrue(four.err().contains("the same story as the article"), "a near-duplicate: " + four.err());
    Map<String, Model> want = graphs(one);
    assertEquals(27, want.size());
    assertSameGraphs(want, graphs(batched));
    List<Long> counts = neo4jCounts(one);
    assertTrue(counts.get(0) > 500 && counts.get(1) > 1000, "Neo4j: " + counts);
    assertEquals(counts, neo4jCounts(batched), "Neo4j nodes and relationships");
    // batches after the first are added (RdfGraphLoader.add), not recomputed from the store: the
    // same nodes, relationships, properties, sources and provenance all the same
    Map<String, Object> wantNeo4j = neo4jContent(one);
    Map<String, Object> gotNeo4j = neo4jContent(batched);
    assertEquals(wantNeo4j.size(), gotNeo4j.size());
    assertTrue(wantNeo4j.equals(gotNeo4j), "Neo4j content differs:" + GraphSnapshot.differences(wantNeo4j, gotNeo4j));
    assertEquals(whole.report().outcome().summary().relations(), four.report().outcome().summary().relations());
    assertEquals(whole.report().outcome().summary().events(), four.report().outcome().summary().events());
  }

  @Test
  void aBuildThatFailsBetweenBatchesKeepsTheEarlierBatchesAndARerunCompletesIt() throws Exception {
    Path data = dir.resolve("failed");
    List<String> firstEight = new java.util.ArrayList<>();
    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> build(data, 4,
        new Ingest.Progress() {
          @Override
          public void article(long index, Article a, Ingest.Done d, double seconds) {}

          @Override
          public void batch(Ingest.Batch b, int builtSoFar) {
            b.done().forEach(d -> firstEight.add(d.graphIri()));
            if (b.number() == 2) {
              throw new IllegalStateException("killed after batch 2");
            }
          }
        }));
    assertEquals("killed after batch 2", failure.getMessage());
    assertEquals(8, firstEight.size());
    assertEquals(new java.util.TreeSet<>(firstEight), graphs(data).keySet(), "the two batches are stored");
    assertFalse(Files.exists(PendingLoads.file(data)), "and loaded into Neo4j (nothing pending)");
    assertTrue(neo4jCounts(data).get(0) > 100, "Neo4j has them");

    Built rerun = build(data, 4, QUIET);
    assertEquals(8, rerun.report().outcome().unchanged(), rerun.err());
    assertEquals(19, rerun.report().outcome().built(), rerun.err());
    assertEquals(8, rerun.err().lines().filter(l -> l.endsWith("unchanged, skipped (same content hash and extractor"
        + " version as stored)")).count(), rerun.err());

    Path clean = dir.resolve("clean");
    build(clean, 1000, QUIET);
    assertSameGraphs(graphs(clean), graphs(data));
    assertEquals(neo4jCounts(clean), neo4jCounts(data), "Neo4j nodes and relationships");
  }
}
