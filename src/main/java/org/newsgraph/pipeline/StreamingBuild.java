package org.newsgraph.pipeline;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.newsgraph.neo4j.ArticleUpdater;
import org.newsgraph.neo4j.LoadStats;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.RdfStore;

/**
 * The main job as a stream: read -> extract -> map -> store -> load, in batches ({@link
 * PipelineConfig#batchSize()}). Each batch is committed to the RDF store (TDB2 or a SPARQL
 * endpoint) and then loaded into Neo4j as soon as it is complete, while the extraction lanes go on
 * with the next articles (at most {@link PipelineConfig#queueCapacity()} ahead), so the memory used
 * stays flat with corpus size.
 *
 * <p>Crash safety (see {@link PendingLoads}): before a batch changes the RDF store, the resources
 * it touches are written (and forced to disk) to the pending-load list; the list is cleared once
 * Neo4j has them. A kill therefore loses at most the batch in flight: the batches before it are in
 * both stores, and a rerun skips them (same content hash and extractor version), loads into Neo4j
 * what the list names, and extracts the rest. When Neo4j fails, the build goes on storing the RDF
 * (adding to the list) and reports the failure at the end ({@link Report#neo4jFailure()}).
 *
 * <p>Incremental builds, copies and near-duplicates work as in one pass: an article stored with
 * the same content hash and extractor version is skipped ({@link Pipeline#isCurrent}); exact
 * copies and near-duplicates are found by a {@link StoryFinder}, which keeps the MinHash sketch of
 * each article read (about 2 KB each), not its text.
 *
 * <p>One build at a time per object; {@link #status()} may be read from any thread (a Ctrl-C
 * handler reads it).
 */
public final class StreamingBuild {
  /** What the build is doing now. */
  public enum Phase {
    /** Reading, extracting and mapping articles (and storing batches as they complete). */
    EXTRACTING,
    /** Committing a batch to the RDF store. */
    STORING,
    /** Loading a batch into Neo4j. */
    LOADING,
    /** Finished: what is left is closing. */
    DONE
  }

  /**
   * Where the build is, for a Ctrl-C message.
   *
   * @param phase what it is doing
   * @param stored article graphs committed to the RDF store in this run (whole batches)
   * @param loaded article graphs of this run that Neo4j has (whole batches)
   * @param inBatch article graphs of the batch being stored or loaded
   */
  public record Status(Phase phase, int stored, int loaded, int inBatch) {}

  /**
   * What a build did.
   *
   * @param outcome what was read, extracted and skipped, with the figures of the articles built
   * @param copies copies recorded as another source of an article
   * @param load what Neo4j was sent, summed over the batches
   * @param staleCaughtUp resources an interrupted earlier build or remove had left stale in Neo4j
   *     and this build refreshed (0: none); see {@code wholeStoreCaughtUp}
   * @param wholeStoreCaughtUp whether an interrupted first fill of Neo4j was finished
   * @param neo4jFailure what stopped the Neo4j load (the RDF was stored anyway), or {@code null}
   * @param neo4jDescription where the graph is, for messages ({@code null} when Neo4j was not opened)
   * @param rdfLocation where the RDF is, for messages
   * @param totalMillis wall time of the whole build
   */
  public record Report(Ingest.Outcome outcome, int copies, LoadStats load, int staleCaughtUp,
      boolean wholeStoreCaughtUp, RuntimeException neo4jFailure, String neo4jDescription, String rdfLocation,
      long totalMillis) {
    /** Article graphs stored in this build (articles built and copies). */
    public int stored() {
      return outcome.built() + copies;
    }
  }

  private final PipelineConfig config;
  private java.util.function.Function<org.newsgraph.model.Article, org.newsgraph.model.ArticleGraph> extraction;
  private volatile Status status = new Status(Phase.EXTRACTING, 0, 0, 0);

  /** A build with {@code config}. */
  public StreamingBuild(PipelineConfig config) {
    this.config = config;
  }

  /**
   * A test seam: extracts each article with {@code f} (called from several threads) instead of the
   * configuration's extractor, and loads no models.
   */
  StreamingBuild withExtraction(
      java.util.function.Function<org.newsgraph.model.Article, org.newsgraph.model.ArticleGraph> f) {
    this.extraction = f;
    return this;
  }

  /** Where the build is now. */
  public Status status() {
    return status;
  }

  /**
   * Builds the articles of {@code reading} into the stores of the configuration: opens the RDF
   * store and, when some batch is to be loaded, Neo4j (started in the background while the CoreNLP
   * models load), and closes both at the end.
   *
   * @param err where problems, warnings and store messages go (one line each)
   * @param progress where progress goes
   * @throws org.newsgraph.StoreUnavailableException when the RDF store cannot be opened
   */
  public Report run(Ingest.Reading reading, PrintWriter err, Ingest.Progress progress) {
    try (RdfStore rdf = Stores.rdf(config.stores());
        Stores.BackgroundNeo4j neo4j = new Stores.BackgroundNeo4j(config.stores())) {
      return run(reading, rdf, neo4j, err, progress);
    }
  }

  /** As {@link #run(Ingest.Reading, PrintWriter, Ingest.Progress)}, with the stores open (not closed here). */
  public Report run(Ingest.Reading reading, RdfStore rdf, Stores.BackgroundNeo4j neo4j, PrintWriter err,
      Ingest.Progress progress) {
    long t0 = System.nanoTime();
    RdfMapper mapper = config.mapper();
    Pipeline pipeline = new Pipeline(config);
    StoryFinder stories = new StoryFinder(rdf, mapper);
    Loader loader = new Loader(rdf, neo4j, mapper, stories, err, progress);
    try {
      java.util.function.Predicate<org.newsgraph.model.Article> unchanged =
          a -> !config.force() && pipeline.isCurrent(rdf, a);
      Ingest.Outcome outcome = extraction == null
          ? Ingest.run(reading, config, err, unchanged, neo4j::start, stories, progress, loader)
          : Ingest.run(reading, mapper, err, unchanged, config.limits(), config.threads(), neo4j::start, extraction,
              new org.newsgraph.extract.Extractor.Work(), stories,
              new Ingest.Streaming(config.batchSize(), config.queueCapacity(), progress), loader);
      loader.catchUp(); // what an earlier interrupted run left, when no batch of this run loaded Neo4j
      status = new Status(Phase.DONE, loader.stored, loader.loaded, 0);
      return new Report(outcome, loader.copies, loader.load, loader.staleCount, loader.staleWhole,
          loader.neo4jFailure, loader.neo4jDescription, Stores.rdfLocation(rdf), Ingest.millisSince(t0));
    } finally {
      if (loader.connection != null) {
        loader.connection.close();
      }
    }
  }

  /** The sink that stores and loads each batch. */
  private final class Loader implements Ingest.Sink {
    final RdfStore rdf;
    final Stores.BackgroundNeo4j neo4j;
    final RdfMapper mapper;
    final StoryFinder stories;
    final PrintWriter err;
    final Ingest.Progress progress;
    /** What an earlier build or remove left for Neo4j, read before this run changes anything. */
    final Set<String> pending;
    boolean pendingHandled;
    int staleCount;
    boolean staleWhole;
    Stores.Neo4jConnection connection;
    ArticleUpdater updater;
    String neo4jDescription;
    RuntimeException neo4jFailure;
    LoadStats load = new LoadStats(0, 0, 0, 0);
    int stored;
    int loaded;
    int copies;

    Loader(RdfStore rdf, Stores.BackgroundNeo4j neo4j, RdfMapper mapper, StoryFinder stories, PrintWriter err,
        Ingest.Progress progress) {
      this.rdf = rdf;
      this.neo4j = neo4j;
      this.mapper = mapper;
      this.stories = stories;
      this.err = err;
      this.progress = progress;
      this.pending = PendingLoads.read(config.stores().dataDir());
    }

    @Override
    public void accept(Ingest.Batch batch) {
      Map<String, Model> graphs = new LinkedHashMap<>();
      for (Ingest.Done d : batch.done()) {
        graphs.put(d.graphIri(), d.rdf());
      }
      Map<String, Model> copyGraphs = copyGraphs(rdf, batch.duplicates());
      graphs.putAll(copyGraphs);
      if (graphs.isEmpty()) {
        return; // only unchanged articles (and copies stored so before)
      }
      // on disk before the RDF store changes, so a kill between the two stores or during the load is caught up next time
      Set<Node> before = ArticleUpdater.storedResources(rdf, graphs.keySet());
      boolean allNew = before.isEmpty(); // no graph of the batch was stored: Neo4j can add them
      Set<Node> affected = ArticleUpdater.affectedBy(before, graphs);
      PendingLoads.add(config.stores().dataDir(), PendingLoads.ids(affected));
      status = new Status(Phase.STORING, stored, loaded, graphs.size());
      ArticleUpdater.storeRdf(rdf, graphs, affected, n -> { });
      stored += graphs.size();
      copies += copyGraphs.size();
      stories.stored(graphs.keySet());
      err.printf("stored %d article graph(s) in %s (batch %d)%n", stored,
          rdf instanceof org.newsgraph.rdf.TdbStore ? "TDB2" : "the SPARQL endpoint", batch.number());
      if (neo4jFailure != null) {
        return; // listed as pending; the next build loads it
      }
      status = new Status(Phase.LOADING, stored, loaded, graphs.size());
      try {
        open();
        Set<Node> stale = stale();
        LoadStats l;
        if (allNew && stale.isEmpty()) {
          l = updater.add(graphs); // reads the batch, not everything stored around its resources
        } else {
          affected.addAll(stale);
          l = updater.refresh(affected);
        }
        load = load.plus(l);
        PendingLoads.clear(config.stores().dataDir());
        loaded = stored;
      } catch (RuntimeException e) {
        neo4jFailure = e;
        // the reason is reported once, at the end (Report.neo4jFailure); say now what happens meanwhile
        err.println("newsgraph: Neo4j could not be loaded from batch " + batch.number() + " on (the reason follows at"
            + " the end); the RDF of this and the next batches is stored all the same and listed for Neo4j in "
            + PendingLoads.file(config.stores().dataDir()).getFileName());
      }
      status = new Status(Phase.EXTRACTING, stored, loaded, 0);
    }

    /** Opens Neo4j (once) and says so. */
    private void open() {
      if (connection != null) {
        return;
      }
      long tn = System.nanoTime();
      connection = neo4j.get();
      neo4jDescription = connection.describe();
      updater = new ArticleUpdater(rdf, connection.store());
      err.printf("Neo4j ready after %.1f s (%s)%s%n", Ingest.millisSince(tn) / 1000.0, neo4jDescription,
          pending.isEmpty() ? "" : "; refreshing " + staleText() + " an interrupted build or remove left stale");
    }

    /** The stale resources of an earlier run, the first time Neo4j is loaded (then none). */
    private Set<Node> stale() {
      Set<Node> nodes = new java.util.HashSet<>();
      if (!pendingHandled) {
        pendingHandled = true;
        nodes.addAll(PendingLoads.nodes(pending));
        staleCount = PendingLoads.nodes(pending).size();
        if (PendingLoads.wholeStore(pending)) {
          staleWhole = true;
          nodes.addAll(rdf.allResources()); // an interrupted fill of an empty Neo4j
        }
      }
      if (updater.fillsFromWholeStore()) {
        PendingLoads.add(config.stores().dataDir(), List.of(PendingLoads.WHOLE_STORE));
      }
      return nodes;
    }

    private String staleText() {
      return PendingLoads.nodes(pending).size() + " resource(s)" + (PendingLoads.wholeStore(pending)
          ? " and the rest of the store (an interrupted first load of Neo4j)" : "");
    }

    /** Loads what an earlier run left stale when no batch of this run did. */
    void catchUp() {
      if (pendingHandled || pending.isEmpty() || neo4jFailure != null) {
        return;
      }
      status = new Status(Phase.LOADING, stored, loaded, 0);
      try {
        open();
        Set<Node> affected = stale();
        LoadStats l = updater.refresh(affected);
        load = load.plus(l);
        PendingLoads.clear(config.stores().dataDir());
      } catch (RuntimeException e) {
        neo4jFailure = e;
      }
    }
  }

  /**
   * The named graphs of copies: for each, the graph named by the copy's article IRI holding {@code
   * <ARTICLE> ng:source "COPY_SOURCE"}, so the copied article has one more source, and removing the
   * copy's id takes it away again. A copy stored so before is left out (nothing to change).
   */
  public Map<String, Model> copyGraphs(RdfStore tdb, List<Ingest.Duplicate> duplicates) {
    RdfMapper mapper = config.mapper();
    Map<String, Model> graphs = new LinkedHashMap<>();
    for (Ingest.Duplicate d : duplicates) {
      String iri = mapper.articleIri(d.article().id());
      Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
      m.setNsPrefix(NG.PREFIX, NG.NS);
      m.createResource(d.copyOf()).addProperty(NG.source, d.source());
      boolean same = tdb.resourcesOf(iri).equals(Set.of(org.apache.jena.graph.NodeFactory.createURI(d.copyOf())))
          && tdb.select("ASK { GRAPH <" + iri + "> { <" + d.copyOf() + "> <" + NG.source.getURI() + "> "
              + org.apache.jena.riot.out.NodeFmtLib.strNT(org.apache.jena.graph.NodeFactory.createLiteralString(
                  d.source())) + " } }", 0).rows().get(0).get(0).equals(Boolean.TRUE);
      if (!same) {
        graphs.put(iri, m);
      }
    }
    return graphs;
  }

}
