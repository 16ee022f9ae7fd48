package org.newsgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsgraph.extract.Profile;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.neo4j.RdfGraphLoader;
import org.newsgraph.pipeline.Pipeline;
import org.newsgraph.pipeline.PipelineConfig;
import org.newsgraph.read.ArticleReader;

/**
 * The job in local mode ({@code local[2]}, fast profile) on bench/corpus against what the core
 * extracts and loads for the same inputs and options: the same RDF, the same Neo4j graph; a
 * failing article in the errors table; a rerun that extracts nothing. One CoreNLP pipeline for
 * the JVM: the reference extraction and Spark's executors (threads of this JVM) share it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkJobTest {
  private static final Profile PROFILE = Profile.FAST;
  private static Path dir;
  private static Path corpus;
  private static String output;
  private static Dataset reference;
  private static SparkJob.Report first;

  /** The pipeline's extraction, except for the article {@code poison}, whose extraction throws. */
  static final Extraction.Extractors POISONED = pipeline -> {
    Function<Article, ArticleGraph> real = Extraction.PIPELINE.of(pipeline);
    return a -> {
      if (a.id().equals("poison")) {
        throw new IllegalStateException("poisoned for the test");
      }
      return real.apply(a);
    };
  };

  @BeforeAll
  static void runTheJobAndTheCore() throws Exception {
    dir = Files.createTempDirectory("newsgraph-spark-test");
    corpus = LocalSpark.core().resolve("bench/corpus");
    Path poison = Files.createDirectories(dir.resolve("poison"));
    Files.writeString(poison.resolve("poison.txt"), "Poison\n\nJohn Smith met Jane Doe in Paris on Monday.\n");
    output = dir.resolve("out").toUri().toString();
    // the core: build's reading, extraction, mapping and SHACL check of each article
    reference = DatasetFactory.create();
    Pipeline pipeline = new Pipeline(PipelineConfig.builder().profile(PROFILE).build());
    for (Article a : new ArticleReader(null).read(List.of(corpus), p -> { })) {
      org.apache.jena.rdf.model.Model rdf = pipeline.toRdf(pipeline.extract(a));
      if (pipeline.validate(rdf).conforms()) {
        reference.addNamedModel(pipeline.articleIri(a.id()), rdf);
      }
    }
    JobOptions options = JobOptions.defaults(List.of(corpus.toUri().toString(), poison.toUri().toString()), output)
        .withProfile(PROFILE).withRunId("r1");
    first = SparkJob.run(LocalSpark.get(), options, POISONED);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  @Order(1)
  void theJobsRdfIsTheRdfOfBuild() throws Exception {
    Dataset job = DatasetFactory.create();
    try (Stream<Path> parts = Files.list(dir.resolve("out/nquads/run=r1"))) {
      for (Path p : parts.filter(f -> f.toString().endsWith(".nq")).toList()) {
        RDFDataMgr.read(job, p.toString());
      }
    }
    assertEquals(24, names(reference).size());
    assertEquals(names(reference), names(job));
    assertEquals(24, first.ok());
    long triples = 0;
    for (String g : names(reference)) {
      // no blank nodes in newsgraph's RDF: isomorphic means the same triples
      assertEquals(lines(reference.getNamedModel(g).getGraph()), lines(job.getNamedModel(g).getGraph()), g);
      assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(reference.getNamedModel(g).getGraph(),
          job.getNamedModel(g).getGraph()), g);
      triples += reference.getNamedModel(g).size();
    }
    assertEquals(triples, first.triples());
  }

  @Test
  @Order(2)
  void anArticleWhoseExtractionThrowsIsAnErrorAndTheOthersFinish() {
    SparkSession spark = LocalSpark.get();
    List<Row> errors = spark.read().parquet(output + "/errors").collectAsList();
    assertEquals(1, errors.size(), errors.toString());
    Row e = errors.get(0);
    assertEquals("poison", e.getAs("id"));
    assertEquals("extract", e.getAs("stage"));
    assertEquals("extraction failed: java.lang.IllegalStateException: poisoned for the test", e.getAs("reason"));
    assertEquals(dir.resolve("poison/poison.txt").toString(), e.getAs("source"));
    assertEquals(25, first.read());
    assertEquals(25, first.extracted());
    assertEquals(1, first.errors());
    assertEquals(24, spark.read().parquet(output + "/articles").count());
    // the tables hold what the RDF holds, with provenance
    long relations = 0;
    long events = 0;
    long entities = 0;
    for (String g : names(reference)) {
      org.apache.jena.rdf.model.Model m = reference.getNamedModel(g);
      relations += ArticleTables.relations(m).size();
      events += ArticleTables.events(m).size();
      entities += ArticleTables.entities(m, m.createResource(g)).size();
    }
    assertEquals(relations, spark.read().parquet(output + "/relations").count());
    assertEquals(events, spark.read().parquet(output + "/events").count());
    assertEquals(entities, spark.read().parquet(output + "/entities").count());
    assertEquals(0, spark.read().parquet(output + "/relations").filter("extractor is null or evidenceText is null"
        + " or evidenceBegin is null or iri is null").count());
    assertTrue(relations > 50 && events > 50 && entities > 200, relations + " " + events + " " + entities);
  }

  @Test
  @Order(3)
  void aRerunOverUnchangedInputsExtractsNothing() {
    JobOptions again = JobOptions.defaults(List.of(corpus.toUri().toString()), output).withProfile(PROFILE)
        .withRunId("r2");
    SparkJob.Report second = SparkJob.run(LocalSpark.get(), again, POISONED);
    assertEquals(0, second.extracted(), second.toString());
    assertEquals(24, second.unchanged());
    assertEquals(0, second.ok());
    assertEquals(0, LocalSpark.get().read().parquet(output + "/articles").filter("run = 'r2'").count());
  }

  @Test
  @Order(4)
  void neo4jHoldsTheGraphOfBuildAfterTheLoadAndAfterARetry() throws Exception {
    try (Neo4jChild neo4j = Neo4jChild.start(dir.resolve("neo4j"));
        Neo4jStore store = Neo4jStore.connect(neo4j.uri(), "neo4j", Neo4jChild.PASSWORD, null)) {
      // build into an empty Neo4j: the whole store with the sources lists (ArticleUpdater's fill)
      new RdfGraphLoader(store).load(reference, true);
      Map<String, Object> built = snapshot(store);
      store.query("MATCH (n) DETACH DELETE n", Map.of(), true, null);
      Neo4jLoad.Target target = new Neo4jLoad.Target(neo4j.uri(), "neo4j", Neo4jChild.PASSWORD, null, 2, 150, 1000);
      Neo4jLoad.Report report = Neo4jLoad.load(LocalSpark.get(), output, target);
      Map<String, Object> loaded = snapshot(store);
      assertEquals(built.get("nodes"), loaded.get("nodes"));
      assertEquals(built.get("relationships"), loaded.get("relationships"));
      assertSame(built, loaded);
      assertEquals(24, report.articles());
      // each relationship written once, by the shard of its start
      assertEquals(((Number) built.get("relationships")).longValue(), report.relationships());
      // a retried load (a task run again) changes nothing
      Neo4jLoad.load(LocalSpark.get(), output, target);
      assertSame(built, snapshot(store));
    }
  }

  /** Equal snapshots; else the first lines only one of them has. */
  @SuppressWarnings("unchecked")
  private static void assertSame(Map<String, Object> expected, Map<String, Object> actual) {
    for (String k : List.of("node list", "relationship list")) {
      TreeSet<String> onlyExpected = new TreeSet<>((TreeSet<String>) expected.get(k));
      onlyExpected.removeAll((TreeSet<String>) actual.get(k));
      TreeSet<String> onlyActual = new TreeSet<>((TreeSet<String>) actual.get(k));
      onlyActual.removeAll((TreeSet<String>) expected.get(k));
      assertTrue(onlyExpected.isEmpty() && onlyActual.isEmpty(), k + ": " + onlyExpected.size() + " only after build, e.g. "
          + cut(onlyExpected) + "; " + onlyActual.size() + " only after the Spark load, e.g. " + cut(onlyActual));
    }
  }

  private static String cut(TreeSet<String> lines) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      if (sb.length() > 1500) {
        break;
      }
      sb.append(l.length() > 700 ? l.substring(0, 700) + "..." : l).append("\n");
    }
    return sb.toString();
  }

  /** Node and relationship counts, and every node and relationship with its labels and properties. */
  private static Map<String, Object> snapshot(Neo4jStore store) {
    Map<String, Object> s = new TreeMap<>();
    s.put("nodes", store.count("MATCH (n) RETURN count(n)"));
    s.put("relationships", store.count("MATCH ()-[r]->() RETURN count(r)"));
    TreeSet<String> nodes = new TreeSet<>();
    for (List<Object> row : store.query("MATCH (n) RETURN n.uri, n.namespace, labels(n), properties(n)", Map.of(),
        false, null).rows()) {
      nodes.add(canonical(row));
    }
    s.put("node list", nodes);
    TreeSet<String> rels = new TreeSet<>();
    for (List<Object> row : store.query("MATCH (a)-[r]->(b) RETURN a.uri, type(r), b.uri, properties(r)", Map.of(),
        false, null).rows()) {
      rels.add(canonical(row));
    }
    s.put("relationship list", rels);
    return s;
  }

  /** A row as text with its maps' keys in order (the driver's maps have none). */
  private static String canonical(List<Object> row) {
    List<Object> out = new java.util.ArrayList<>();
    for (Object v : row) {
      out.add(v instanceof Map<?, ?> m ? new TreeMap<>(m) : v);
    }
    return out.toString();
  }

  private static TreeSet<String> names(Dataset ds) {
    TreeSet<String> out = new TreeSet<>();
    ds.listNames().forEachRemaining(out::add);
    return out;
  }

  private static TreeSet<String> lines(org.apache.jena.graph.Graph g) {
    TreeSet<String> out = new TreeSet<>();
    g.find().forEachRemaining(t -> out.add(NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate())
        + " " + NodeFmtLib.strNT(t.getObject())));
    return out;
  }
}
