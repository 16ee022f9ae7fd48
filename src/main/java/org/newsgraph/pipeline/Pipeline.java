package org.newsgraph.pipeline;

import org.apache.jena.rdf.model.Model;
import org.newsgraph.extract.Extractor;
import org.newsgraph.extract.NlpPipeline;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.RdfStore;
import org.newsgraph.rdf.Validation;

/**
 * newsgraph's main job as a library: the per-article stages, for a Java program, a test or a Spark
 * executor, and the whole streaming build ({@link #build}).
 *
 * <pre>{@code
 * PipelineConfig config = PipelineConfig.builder().dataDir(Path.of("data")).profile(Profile.FAST).build();
 * Pipeline p = new Pipeline(config);
 * ArticleGraph g = p.extract(article);           // thread-safe; the models load once per JVM
 * Model rdf = p.toRdf(g);                        // the content of the article's named graph
 * String graph = p.articleIri(article.id());     // its name
 * }</pre>
 *
 * <p>The stages hand values on: {@link Article} (from {@link org.newsgraph.read.ArticleReader}) ->
 * {@link #extract} -> {@link ArticleGraph} -> {@link #toRdf} -> RDF {@link Model} (one named graph
 * per article, stamped with the article's content hash and the extractor version) -> stored in an
 * {@link RdfStore} -> loaded into Neo4j ({@link org.newsgraph.neo4j.ArticleUpdater}). An article
 * whose stored stamp matches ({@link #isCurrent}) need not be extracted again.
 *
 * <p>Thread-safe: one instance may serve every thread of a JVM; the CoreNLP models of the
 * configuration's profile are loaded once per JVM ({@link NlpPipeline#shared}) on first use.
 */
public final class Pipeline {
  private final PipelineConfig config;
  private final RdfMapper mapper;
  private final Extractor extractor;
  private final Extractor.Work work = new Extractor.Work();

  /** A pipeline with {@code config} (nothing is loaded yet). */
  public Pipeline(PipelineConfig config) {
    this.config = config;
    this.mapper = config.mapper();
    this.extractor = new Extractor(config.aliases(), config.profile());
  }

  /** The configuration. */
  public PipelineConfig config() {
    return config;
  }

  /**
   * Extracts the entities, relations and events of one article, with no limits (wrap it in an
   * {@link ArticleGuard} for --max-chars and --timeout). Thread-safe; loads the models on first use
   * (about 10 s for the fast profile, 30 s for the accurate one).
   *
   * @param article the article; its date anchors relative time expressions
   * @return its graph; offsets are UTF-16 indices into {@code article.text()}
   * @throws RuntimeException what CoreNLP or a rule throws for this article
   */
  public ArticleGraph extract(Article article) {
    return extractor.extract(article, work);
  }

  /** What {@link #extract} cost so far, summed over threads (CoreNLP time, rule time, tokens). */
  public Extractor.Work work() {
    return work;
  }

  /**
   * The RDF of one article's graph: the content of its named graph ({@link #articleIri}), with the
   * article's provenance (text, source, offsets) and its stamp (content hash, extractor version).
   * Thread-safe. A near-duplicate's link to its story is made by the streaming build, which knows
   * the other reports; this maps the article on its own.
   */
  public Model toRdf(ArticleGraph graph) {
    return mapper.map(graph);
  }

  /**
   * Checks {@code rdf} against the SHACL shapes ({@code ontology/shapes.ttl}); a violation is a
   * newsgraph bug. Thread-safe.
   */
  public Validation.Result validate(Model rdf) {
    return Validation.validate(rdf);
  }

  /** The IRI of an article's named graph (and of the article): the base IRI, {@code article/} and the id. */
  public String articleIri(String articleId) {
    return mapper.articleIri(articleId);
  }

  /**
   * The article's content hash as stored with it ({@link RdfMapper#contentHash}: SHA-256 over its
   * title, date and text).
   */
  public static String contentHash(Article article) {
    return RdfMapper.contentHash(article);
  }

  /**
   * The extractor version stored with each article of this configuration: the code and rule
   * digest of the profile's extractor with the RDF mapping's version ({@link
   * RdfMapper#stampVersion}). An article stored with another one is extracted again.
   */
  public String extractorVersion() {
    return RdfMapper.stampVersion(Extractor.version(config.profile()));
  }

  /**
   * Whether an article stored with {@code stamp} is {@code article} as this configuration would
   * store it: the same content hash and extractor version.
   *
   * @param stamp the stored stamp ({@link RdfStore#stamp}); {@code null} when not stored
   */
  public boolean isCurrent(RdfStore.Stamp stamp, Article article) {
    return stamp != null && stamp.contentHash().equals(contentHash(article))
        && stamp.extractorVersion().equals(extractorVersion());
  }

  /** {@link #isCurrent(RdfStore.Stamp, Article)} with the stamp {@code store} holds for the article. */
  public boolean isCurrent(RdfStore store, Article article) {
    return isCurrent(store.stamp(articleIri(article.id())), article);
  }

  /**
   * The streaming build of {@code reading} into the configuration's stores ({@link StreamingBuild}).
   *
   * @param err where problems, warnings and store messages go
   * @param progress where progress goes ({@link Ingest.Progress#lines} for a line per article)
   */
  public StreamingBuild.Report build(Ingest.Reading reading, java.io.PrintWriter err, Ingest.Progress progress) {
    return new StreamingBuild(config).run(reading, err, progress);
  }
}
