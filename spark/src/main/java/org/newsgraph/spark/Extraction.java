package org.newsgraph.spark;

import java.io.Serializable;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.newsgraph.extract.NlpPipeline;
import org.newsgraph.extract.Profile;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.Pipeline;
import org.newsgraph.pipeline.PipelineConfig;
import org.newsgraph.rdf.Validation;

/**
 * The executor side of the job: each partition's articles extracted, mapped to RDF and checked
 * against the SHACL shapes, as {@code build} does, one result row per article ({@link #RESULT}).
 *
 * <p>Models: the CoreNLP pipeline of the profile is loaded once per executor JVM, on the first
 * article that needs it, and shared by all the task threads of that executor ({@link
 * NlpPipeline#shared}, which is what {@code build --threads} shares too): an executor with 4 cores
 * runs 4 partitions at once over one set of models, so its memory is the models (about 5 GB
 * accurate, 2 GB fast) plus a little per core, not 4 copies.
 *
 * <p>Failures: an article whose extraction throws, times out ({@code timeout}) or is too long
 * ({@code maxChars}), or whose RDF breaks the shapes, gives a row with {@code status} {@code
 * error} and the reason; the partition goes on. Only the loss of the executor itself (out of
 * memory, killed) fails the task, which Spark then retries.
 */
public final class Extraction {
  private Extraction() {}

  /** What one article gave: its RDF as N-Quads and its tables, or the reason there is none. */
  public static final StructType RESULT = new StructType()
      .add("id", DataTypes.StringType)
      .add("iri", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("date", DataTypes.StringType)
      .add("contentHash", DataTypes.StringType)
      .add("extractorVersion", DataTypes.StringType)
      .add("status", DataTypes.StringType)
      .add("reason", DataTypes.StringType)
      .add("stage", DataTypes.StringType)
      .add("nquads", DataTypes.StringType)
      .add("triples", DataTypes.LongType)
      .add("extractMillis", DataTypes.LongType)
      .add("entities", DataTypes.createArrayType(ArticleTables.ENTITY))
      .add("relations", DataTypes.createArrayType(ArticleTables.RELATION))
      .add("events", DataTypes.createArrayType(ArticleTables.EVENT));

  /**
   * How an executor extracts one article with a pipeline; serialisable so that it travels with the
   * job. {@link #PIPELINE} is the real one; tests wrap it.
   */
  @FunctionalInterface
  public interface Extractors extends Serializable {
    /** The extraction of one article by {@code pipeline}; called once per task. */
    Function<Article, ArticleGraph> of(Pipeline pipeline);
  }

  /** newsgraph's extraction ({@link Pipeline#extract}). */
  public static final Extractors PIPELINE = pipeline -> pipeline::extract;

  private static final ConcurrentHashMap<JobOptions, Pipeline> PIPELINES = new ConcurrentHashMap<>();

  /**
   * The executor JVM's pipeline for a run's options: one per JVM, shared by the task threads; its
   * models are the JVM's one shared set of the profile, loaded on the first article.
   */
  static Pipeline pipeline(JobOptions options) {
    return PIPELINES.computeIfAbsent(options, o -> new Pipeline(PipelineConfig.builder().profile(o.profile())
        .baseIri(o.baseIri()).defaultDate(o.date()).limits(limits(o)).build()));
  }

  static ArticleGuard.Limits limits(JobOptions o) {
    return new ArticleGuard.Limits(o.maxChars(), o.timeout(), false);
  }

  /**
   * The version stamp an article extracted with {@code profile} gets ({@code ng:extractorVersion},
   * what a rerun compares).
   */
  public static String stamp(Profile profile) {
    return new Pipeline(PipelineConfig.builder().profile(profile).build()).extractorVersion();
  }

  /**
   * The results of a partition of article rows ({@link ArticleRows#SCHEMA}); problem rows pass
   * through as errors of stage {@code read}. Lazy: one article at a time.
   *
   * @param extracted counts the articles handed to the extractor (a rerun over unchanged inputs
   *     hands none)
   */
  public static Iterator<Row> partition(Iterator<Row> articles, JobOptions options, Extractors extractors,
      LongAccumulator extracted) {
    Pipeline pipeline = pipeline(options);
    String version = pipeline.extractorVersion();
    return new Iterator<>() {
      ArticleGuard guard;
      boolean modelsReady;

      @Override
      public boolean hasNext() {
        boolean more = articles.hasNext();
        if (!more && guard != null) {
          guard.close();
          guard = null;
        }
        return more;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = articles.next();
        if (row.getAs("problem") != null) {
          return error(null, null, row.getAs("source"), null, null, null, version, row.getAs("problem"), "read");
        }
        Article a = ArticleRows.fromRow(row);
        String iri = pipeline.articleIri(a.id());
        String date = row.getAs("date");
        String hash = row.getAs("contentHash");
        if (!modelsReady && (options.maxChars() == 0 || a.text().length() <= options.maxChars())) {
          // the models first, outside the guard, as build loads them: their loading (30-60 s, once
          // per JVM; the executor's other task threads wait for it) never counts against --timeout
          NlpPipeline.shared(options.profile());
          modelsReady = true;
        }
        if (guard == null) {
          guard = new ArticleGuard(limits(options), extractors.of(pipeline));
        }
        extracted.add(1);
        long t0 = System.nanoTime();
        ArticleGuard.Result result = guard.run(a);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (result instanceof ArticleGuard.Skipped refused) {
          return error(a.id(), iri, a.source(), a.title(), date, hash, version, refused.reason(), "extract");
        }
        ArticleGraph g = ((ArticleGuard.Extracted) result).graph();
        Model rdf;
        Validation.Result v;
        try {
          rdf = pipeline.toRdf(g);
          v = pipeline.validate(rdf);
        } catch (RuntimeException e) {
          return error(a.id(), iri, a.source(), a.title(), date, hash, version,
              ArticleGuard.printable("mapping to RDF failed: " + e), "map");
        }
        if (!v.conforms()) {
          return error(a.id(), iri, a.source(), a.title(), date, hash, version, "its RDF breaks " + v.violations()
              + " SHACL constraint(s) of ontology/shapes.ttl (a newsgraph bug; please report it): "
              + v.reportTurtle(), "validate");
        }
        org.apache.jena.rdf.model.Resource article = rdf.createResource(iri);
        return RowFactory.create(a.id(), iri, a.source(), a.title(), date, hash, version, "ok", null, null,
            nquads(iri, rdf), rdf.size(), millis,
            ArticleTables.entities(rdf, article).toArray(new Row[0]),
            ArticleTables.relations(rdf).toArray(new Row[0]),
            ArticleTables.events(rdf).toArray(new Row[0]));
      }
    };
  }

  private static Row error(String id, String iri, String source, String title, String date, String hash,
      String version, String reason, String stage) {
    return RowFactory.create(id, iri, source, title, date, hash, version, "error", reason, stage, null, 0L, 0L,
        new Row[0], new Row[0], new Row[0]);
  }

  /** The RDF of one article as N-Quads in its named graph (the article IRI), as {@code build} stores it. */
  public static String nquads(String graphIri, Model rdf) {
    DatasetGraph dsg = DatasetGraphFactory.createGeneral();
    dsg.addGraph(NodeFactory.createURI(graphIri), rdf.getGraph());
    StringWriter w = new StringWriter();
    RDFDataMgr.write(w, dsg, Lang.NQUADS);
    return w.toString();
  }

  /** Splits N-Quads text into its lines (no empty ones). */
  static List<String> lines(String nquads) {
    List<String> out = new ArrayList<>();
    for (String l : nquads.split("\n")) {
      if (!l.isBlank()) {
        out.add(l);
      }
    }
    return out;
  }
}
