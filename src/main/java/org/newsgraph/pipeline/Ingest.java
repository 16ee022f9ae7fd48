package org.newsgraph.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.jena.rdf.model.Model;
import org.newsgraph.extract.Extractor;
import org.newsgraph.extract.NlpPipeline;
import org.newsgraph.extract.Profile;
import org.newsgraph.model.AliasTable;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.Validation;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadProblem;

/**
 * The part of the main job that touches no store, as a stream: read the inputs one article at a
 * time, extract each (several at once, at most {@code queueCapacity} ahead of the caller), map it
 * to RDF and validate that against the SHACL shapes, and hand the results in input order to a
 * {@link Sink} in batches of {@code batchSize} articles. The sink stores each batch ({@link
 * StreamingBuild}) or keeps it ({@link Collector}); the memory used is that of one batch and the
 * articles in flight, not of the corpus. Problems are reported on {@code err} and counted; one bad
 * article never stops the rest.
 */
public final class Ingest {
  private Ingest() {}

  /**
   * One article done: its extracted graph and its RDF (the content of its named graph).
   *
   * @param graph the article's entities, relations and events
   * @param graphIri the IRI of its named graph (the article's IRI)
   * @param rdf the named graph's content
   * @param story the story it reports again (a near-duplicate of a stored or earlier article), or
   *     {@code null}
   */
  public record Done(ArticleGraph graph, String graphIri, Model rdf, StoryFinder.Match story) {
    /** An article that starts its own story. */
    public Done(ArticleGraph graph, String graphIri, Model rdf) {
      this(graph, graphIri, rdf, null);
    }
  }

  /**
   * An article by id and content hash ({@link RdfMapper#contentHash}), without its text.
   *
   * @param id the article's id
   * @param contentHash its content hash
   */
  public record Seen(String id, String contentHash) {
    /** The id and content hash of {@code a}. */
    public static Seen of(Article a) {
      return new Seen(a.id(), RdfMapper.contentHash(a));
    }
  }

  /**
   * An article with the content of another (the same content hash under another id), not
   * extracted.
   *
   * @param article the copy, by id and content hash
   * @param source where the copy was read (file, line, URL)
   * @param copyOf the IRI of the article it copies
   */
  public record Duplicate(Seen article, String source, String copyOf) {}

  /**
   * What one batch brought: articles extracted and valid, copies, and articles found unchanged, in
   * input order within each list.
   *
   * @param number 1 for the first batch
   * @param done the articles extracted, mapped and valid
   * @param duplicates the copies of a stored or earlier article
   * @param unchanged articles stored with the same content hash and extractor version, skipped
   */
  public record Batch(int number, List<Done> done, List<Duplicate> duplicates, List<Seen> unchanged) {
    /** Whether the batch brought nothing to store (only unchanged articles, or nothing). */
    public boolean nothingToStore() {
      return done.isEmpty() && duplicates.isEmpty();
    }
  }

  /**
   * Takes each batch as it completes, on the thread that called {@code run}, in input order. What
   * it throws stops the run (the articles in flight are abandoned) and is thrown by {@code run}.
   */
  @FunctionalInterface
  public interface Sink {
    /** Takes one batch (store it, keep it, ...). */
    void accept(Batch batch);
  }

  /** A sink that keeps every batch in memory: for small inputs ({@code extract}, tests, bench). */
  public static final class Collector implements Sink {
    private final List<Done> done = new ArrayList<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private final List<Seen> unchanged = new ArrayList<>();

    @Override
    public void accept(Batch batch) {
      done.addAll(batch.done());
      duplicates.addAll(batch.duplicates());
      unchanged.addAll(batch.unchanged());
    }

    /** The articles done, in input order. */
    public List<Done> done() {
      return done;
    }

    /** The copies, in input order. */
    public List<Duplicate> duplicates() {
      return duplicates;
    }

    /** The unchanged articles, in input order. */
    public List<Seen> unchanged() {
      return unchanged;
    }
  }

  /**
   * Figures of the articles done, gathered as they pass (so a streaming build can print them
   * without keeping the articles): entities by type, groups, distinct relations and events (a fact
   * told by several near-duplicate reports counts once; kept as 64-bit hashes, 8 bytes a fact),
   * near-duplicates, triples and named graphs. Not thread-safe.
   */
  public static final class Summary {
    private final Map<EntityType, Integer> byType = new EnumMap<>(EntityType.class);
    private int groups;
    private final Set<Long> relations = new HashSet<>();
    private final Set<Long> events = new HashSet<>();
    private int nearDuplicates;
    private int storyEvents;
    private long triples;
    private int graphs;

    /** Counts one article. */
    public void add(Done d) {
      for (Entity e : d.graph().entities()) {
        if (e.group()) {
          groups++;
        } else {
          byType.merge(e.type(), 1, Integer::sum);
        }
      }
      d.rdf().listStatements(null, org.apache.jena.vocabulary.RDF.reifies, (org.apache.jena.rdf.model.RDFNode) null)
          .forEachRemaining(st -> relations.add(hash(st.getObject().asNode().getTriple().toString())));
      String own = d.graphIri() + "/event/";
      for (org.apache.jena.rdf.model.Resource ev : d.rdf().listSubjectsWithProperty(
          org.apache.jena.vocabulary.RDF.type, org.newsgraph.rdf.NG.Event).toList()) {
        if (!events.add(hash(ev.getURI())) || !ev.getURI().startsWith(own)) {
          storyEvents++;
        }
      }
      if (d.story() != null) {
        nearDuplicates++;
      }
      triples += d.rdf().size();
      graphs++;
    }

    /** Entities (not groups) by type. */
    public Map<EntityType, Integer> entitiesByType() {
      return byType;
    }

    /** Entities in all. */
    public int entities() {
      return byType.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Group actors (named by a description). */
    public int groups() {
      return groups;
    }

    /** Distinct relations. */
    public int relations() {
      return relations.size();
    }

    /** Distinct events. */
    public int events() {
      return events.size();
    }

    /** Articles linked to the story of a stored or earlier article. */
    public int nearDuplicates() {
      return nearDuplicates;
    }

    /** Event reports of near-duplicates that are events of their story. */
    public int storyEvents() {
      return storyEvents;
    }

    /** Triples in the articles' named graphs. */
    public long triples() {
      return triples;
    }

    /** Named graphs (articles done). */
    public int graphs() {
      return graphs;
    }

    private static long hash(String s) {
      long h = 0xcbf29ce484222325L; // FNV-1a 64 over the UTF-16 units, then mixed
      for (int i = 0; i < s.length(); i++) {
        h ^= s.charAt(i);
        h *= 0x100000001b3L;
      }
      return h ^ (h >>> 29) ^ ((long) s.length() << 48);
    }
  }

  /**
   * What a run produced.
   *
   * @param built articles extracted, valid and handed to the sink
   * @param failures inputs or articles reported and skipped
   * @param stageMillis wall time per stage (read, models, extract, map, and what the sink took as
   *     "store"), in milliseconds; with several threads, extract is the wall time of the extraction
   *     less the reading, mapping and storing done meanwhile on the calling thread
   * @param unchanged articles skipped as stored with the same content hash and extractor version
   * @param duplicates articles with the content of a stored or earlier article, not extracted
   * @param work what extraction cost, summed over articles and threads (CoreNLP time, rule time,
   *     tokens)
   * @param summary figures of the articles built
   * @param batches batches handed to the sink
   * @param maxInFlight the most articles that were submitted to the extraction and not yet taken at
   *     once (at most the queue capacity)
   */
  public record Outcome(int built, int failures, Map<String, Long> stageMillis, int unchanged, int duplicates,
      Extractor.Work work, Summary summary, int batches, int maxInFlight) {
    /** Whether nothing at all was read (no article built, unchanged or copied). */
    public boolean nothingRead() {
      return built == 0 && unchanged == 0 && duplicates == 0;
    }
  }

  /**
   * The articles of a run, one at a time.
   */
  public interface ArticleSource extends AutoCloseable {
    /**
     * The next article.
     *
     * @return the article, or {@code null} at the end
     * @throws InterruptedException when interrupted while fetching
     */
    Article next() throws InterruptedException;

    /** About how many articles there are, for progress; -1 when unknown. */
    default long expected() {
      return -1;
    }

    /** Closes the file being read, if any. */
    @Override
    default void close() {}
  }

  /**
   * Where a run's articles come from: opens a source that reads them as they are taken, reporting
   * each input, line or item it skips to {@code problems} and what it reads with a caveat (a date
   * that cannot be read, a first line kept in the body) to {@code warnings}.
   */
  @FunctionalInterface
  public interface Reading {
    /** Opens the source. */
    ArticleSource open(Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings);

    /** The files and folders {@code inputs}, read by a file reader with {@code date} as the default date. */
    static Reading files(List<Path> inputs, LocalDate date) {
      List<String> given = inputs.stream().map(Path::toString).toList();
      return inputs(new ArticleReader(date), given);
    }

    /** The inputs (files, folders, URLs) read by {@code reader}, with a count of the files as the expected total. */
    static Reading inputs(ArticleReader reader, List<String> inputs) {
      return (problems, warnings) -> {
        long expected = ArticleReader.estimateCount(inputs);
        ArticleReader.Articles articles = reader.open(inputs, problems, warnings);
        return new ArticleSource() {
          @Override
          public Article next() throws InterruptedException {
            return articles.next();
          }

          @Override
          public long expected() {
            return expected;
          }

          @Override
          public void close() {
            articles.close();
          }
        };
      };
    }

    /** Articles already in hand. */
    static Reading of(List<Article> articles) {
      return (problems, warnings) -> {
        java.util.Iterator<Article> it = articles.iterator();
        return new ArticleSource() {
          @Override
          public Article next() {
            return it.hasNext() ? it.next() : null;
          }

          @Override
          public long expected() {
            return articles.size();
          }
        };
      };
    }
  }

  /**
   * How a run tells its progress: one call per article read (built, skipped, unchanged or copied),
   * on the calling thread. {@link #lines} prints a line per article extracted; the command line
   * draws a bar on a terminal and prints a line now and then otherwise ({@code cli.ProgressReport}).
   */
  public interface Progress {
    /** The run starts; {@code expected} articles are about to be read (-1: unknown). */
    default void start(long expected) {}

    /**
     * One article was read and dealt with.
     *
     * @param index 1 for the first article read
     * @param article the article
     * @param done its result when it was extracted and mapped, else {@code null} (skipped, unchanged, copy)
     * @param seconds the time its extraction and mapping took (0 when not extracted)
     */
    void article(long index, Article article, Done done, double seconds);

    /** A batch was handed to the sink. */
    default void batch(Batch batch, int builtSoFar) {}

    /** The run ended (normally or not). */
    default void finish() {}

    /**
     * A line per article extracted on {@code err}: {@code [I/N] SOURCE: E entities, R relations (S s)}
     * (N is the expected total, left out when unknown).
     */
    static Progress lines(PrintWriter err) {
      return new Progress() {
        long expected = -1;

        @Override
        public void start(long n) {
          expected = n;
        }

        @Override
        public void article(long index, Article a, Done d, double seconds) {
          if (d != null) {
            err.printf("[%d%s] %s: %d entities, %d relations (%.1f s)%n", index,
                expected >= index ? "/" + expected : "", ArticleGuard.printable(a.source()),
                d.graph().entities().size(), d.graph().relations().size(), seconds);
          }
        }
      };
    }
  }

  /**
   * How a run cuts its work.
   *
   * @param batchSize articles per batch handed to the sink (1 or more)
   * @param queueCapacity articles submitted to the extraction and not yet taken, at most (1 or more)
   * @param progress where progress goes
   */
  public record Streaming(int batchSize, int queueCapacity, Progress progress) {
    /** Checks the sizes. */
    public Streaming {
      if (batchSize < 1 || queueCapacity < 1) {
        throw new IllegalArgumentException("the batch size and the queue capacity must be 1 or more");
      }
    }
  }

  /**
   * How many times a run asked for the CoreNLP models (a test seam: a build whose articles are
   * all unchanged must not ask).
   */
  public static final java.util.concurrent.atomic.AtomicInteger MODEL_REQUESTS =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Reads, extracts, maps and validates the articles of {@code reading} with the configuration's
   * profile, threads, limits and aliases, and hands the results to {@code sink} in batches of
   * {@code config.batchSize()}. Articles for which {@code unchanged} holds are reported and not
   * extracted; copies and near-duplicates are found by {@code stories} ({@code null}: none). See
   * {@link #run(Reading, RdfMapper, PrintWriter, Predicate, ArticleGuard.Limits, int, Runnable,
   * Function, Extractor.Work, StoryFinder, Streaming, Sink)} for what is reported.
   *
   * @param beforeModels called just before the models load, i.e. only when some article is to be
   *     extracted ({@code build} starts Neo4j in the background there)
   */
  public static Outcome run(Reading reading, PipelineConfig config, PrintWriter err, Predicate<Article> unchanged,
      Runnable beforeModels, StoryFinder stories, Progress progress, Sink sink) {
    Extractor extractor = new Extractor(config.aliases(), config.profile());
    Extractor.Work work = new Extractor.Work();
    Runnable loadModels = () -> {
      beforeModels.run();
      if (!NlpPipeline.isLoaded(config.profile())) {
        err.println("Loading the CoreNLP models (" + config.profile() + " profile; "
            + (config.profile() == Profile.FAST ? "about 10 s" : "about 30 s") + ", once per run)...");
      }
      NlpPipeline.shared(config.profile());
    };
    return run(reading, config.mapper(), err, unchanged, config.limits(), config.threads(), loadModels,
        a -> extractor.extract(a, work), work, stories,
        new Streaming(config.batchSize(), config.queueCapacity(), progress), sink);
  }

  /**
   * Reads, extracts and maps everything into memory, one article per line of progress on {@code
   * err}: for small inputs ({@code extract}, {@code bench}, tests).
   *
   * @return the outcome and the articles done
   */
  public static Collected collect(Reading reading, PipelineConfig config, PrintWriter err) {
    Collector c = new Collector();
    Outcome o = run(reading, config, err, a -> false, () -> { }, null, Progress.lines(err), c);
    return new Collected(o, c);
  }

  /**
   * A run kept in memory.
   *
   * @param outcome what the run produced
   * @param articles the batches' content
   */
  public record Collected(Outcome outcome, Collector articles) {
    /** The articles done, in input order. */
    public List<Done> done() {
      return articles.done();
    }
  }

  /**
   * As {@link #collect(Reading, PipelineConfig, PrintWriter)}, with the model loading and the
   * extraction of one article given (a test seam).
   */
  static Collected collect(List<Path> inputs, LocalDate date, RdfMapper mapper, PrintWriter err,
      Predicate<Article> unchanged, ArticleGuard.Limits limits, int threads, Runnable loadModels,
      Function<Article, ArticleGraph> extraction, Extractor.Work work) {
    Collector c = new Collector();
    Outcome o = run(Reading.files(inputs, date), mapper, err, unchanged, limits, threads, loadModels, extraction, work,
        null, new Streaming(PipelineConfig.DEFAULT_BATCH, Math.max(8, 4 * threads), Progress.lines(err)), c);
    return new Collected(o, c);
  }

  /**
   * The stream itself, with the model loading and the extraction of one article given.
   *
   * <p>Articles are read one at a time. A copy ({@code stories.duplicateOf}) is reported ({@code
   * SOURCE: same content as ARTICLE_IRI (...); recorded as another source of it, not extracted});
   * an unchanged article is reported ({@code SOURCE: unchanged, skipped ...}); an article to
   * extract without a publication date is reported ({@link #NO_DATE}); a near-duplicate is reported
   * ({@code SOURCE: the same story as ...}) and mapped with its story ({@link
   * RdfMapper#map(ArticleGraph, RdfMapper.Story)}). What the reading warns about is one line on
   * {@code err} ({@code SOURCE: WARNING}); each problem is one line {@code skipped SOURCE: REASON},
   * with control characters shown as {@code ?}. With {@link ArticleGuard.Limits#failFast()} the run
   * stops at the first problem; articles finished before it are handed on.
   *
   * <p>Articles are extracted {@code threads} at a time with one shared set of models ({@link
   * ParallelExtraction}), at most {@code streaming.queueCapacity()} submitted and not yet taken;
   * results are taken in input order, so the output, the batches and the --fail-fast cut are the
   * same for any number of threads. The models are loaded ({@code loadModels}, on this thread) when
   * the first article to extract is met, never when all are unchanged.
   *
   * @param extraction the extraction of one article; called from {@code threads} threads at once
   * @param work what {@code extraction} reports its cost to, returned in the outcome
   */
  public static Outcome run(Reading reading, RdfMapper mapper, PrintWriter err, Predicate<Article> unchanged,
      ArticleGuard.Limits limits, int threads, Runnable loadModels, Function<Article, ArticleGraph> extraction,
      Extractor.Work work, StoryFinder stories, Streaming streaming, Sink sink) {
    return new Run(mapper, err, unchanged, limits, threads, loadModels, extraction, work, stories, streaming, sink)
        .go(reading);
  }

  /** One run's state. */
  private static final class Run {
    final RdfMapper mapper;
    final PrintWriter err;
    final Predicate<Article> unchanged;
    final ArticleGuard.Limits limits;
    final int threads;
    final Runnable loadModels;
    final Function<Article, ArticleGraph> extraction;
    final Extractor.Work work;
    final StoryFinder stories;
    final Streaming streaming;
    final Sink sink;
    final Summary summary = new Summary();
    final Map<String, Long> stages = new LinkedHashMap<>();
    int failures;
    int built;
    int unchangedCount;
    int duplicateCount;
    int batches;
    long index;
    int maxInFlight;
    boolean modelsLoaded;
    boolean stopped;
    long readNanos;
    long mapNanos;
    long storeNanos;
    long modelNanos;
    /** Per article in flight: the article, its index and its story match (in input order). */
    final java.util.ArrayDeque<Object[]> inFlight = new java.util.ArrayDeque<>();
    List<Done> done = new ArrayList<>();
    List<Duplicate> duplicates = new ArrayList<>();
    List<Seen> unchangedSeen = new ArrayList<>();
    ParallelExtraction lanes;

    Run(RdfMapper mapper, PrintWriter err, Predicate<Article> unchanged, ArticleGuard.Limits limits, int threads,
        Runnable loadModels, Function<Article, ArticleGraph> extraction, Extractor.Work work, StoryFinder stories,
        Streaming streaming, Sink sink) {
      this.mapper = mapper;
      this.err = err;
      this.unchanged = unchanged;
      this.limits = limits;
      this.threads = threads;
      this.loadModels = loadModels;
      this.extraction = extraction;
      this.work = work;
      this.stories = stories;
      this.streaming = streaming;
      this.sink = sink;
    }

    Outcome go(Reading reading) {
      Progress progress = streaming.progress();
      long t0 = System.nanoTime();
      try (ArticleSource source = reading.open(p -> {
        failures++;
        err.println(ArticleGuard.printable("skipped " + p.source() + ": " + p.reason()));
      }, w -> err.println(ArticleGuard.printable(w.source() + ": " + w.reason())));
          ParallelExtraction l = new ParallelExtraction(threads, limits, extraction)) {
        lanes = l;
        progress.start(source.expected());
        boolean more = true;
        while (true) {
          // read ahead while the window has room
          while (more && !stopped && lanes.pending() < streaming.queueCapacity()) {
            if (limits.failFast() && failures > 0) {
              stopAtProblem();
              break;
            }
            long tr = System.nanoTime();
            Article a;
            try {
              a = source.next();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              err.println("interrupted while reading the inputs; the articles after it are not extracted");
              failures++;
              a = null;
            } finally {
              readNanos += System.nanoTime() - tr;
            }
            if (a == null) {
              more = false;
              break;
            }
            admit(a);
          }
          if (lanes.pending() == 0) {
            break;
          }
          if (limits.failFast() && failures > 0) {
            stopAtProblem();
            break;
          }
          take();
        }
        if (limits.failFast() && failures > 0) {
          stopAtProblem(); // a problem while reading the last input
        }
        flush();
      } finally {
        progress.finish();
      }
      long total = System.nanoTime() - t0;
      stages.put("read", readNanos / 1_000_000);
      stages.put("models", modelNanos / 1_000_000);
      stages.put("extract", Math.max(0, (total - readNanos - modelNanos - mapNanos - storeNanos) / 1_000_000));
      stages.put("map", mapNanos / 1_000_000);
      if (storeNanos > 0) {
        stages.put("store", storeNanos / 1_000_000);
      }
      return new Outcome(built, failures, stages, unchangedCount, duplicateCount, work, summary, batches, maxInFlight);
    }

    private void stopAtProblem() {
      if (stopped) {
        return;
      }
      stopped = true;
      lanes.cancelAll();
      inFlight.clear();
      err.println(built == 0 ? "stopped at the first problem (--fail-fast); nothing was extracted"
          : "stopped at the first problem (--fail-fast); the articles after it are not extracted");
    }

    /** One article read: a copy, unchanged, or submitted to the extraction. */
    private void admit(Article a) {
      String copyOf = stories == null ? null : stories.duplicateOf(a);
      if (copyOf != null) {
        index++;
        duplicates.add(new Duplicate(Seen.of(a), a.source(), copyOf));
        duplicateCount++;
        err.println(ArticleGuard.printable(a.source() + ": same content (title, date and text) as the article "
            + copyOf + "; recorded as another source of it, not extracted"));
        streaming.progress().article(index, a, null, 0);
        maybeFlush();
        return;
      }
      if (unchanged.test(a)) {
        index++;
        unchangedSeen.add(Seen.of(a));
        unchangedCount++;
        err.println(a.source() + ": unchanged, skipped (same content hash and extractor version as stored)");
        streaming.progress().article(index, a, null, 0);
        maybeFlush();
        return;
      }
      if (a.date() == null) {
        err.println(ArticleGuard.printable(a.source() + ": " + NO_DATE));
      }
      StoryFinder.Match match = null;
      if (stories != null) {
        match = stories.storyOf(a);
        if (match != null) {
          err.println(ArticleGuard.printable(String.format(java.util.Locale.ROOT, "%s: the same story as the article %s"
              + " (a near-duplicate: %.0f%% of the shorter body's word shingles in %s); linked with ng:sameStoryAs,"
              + " its events counted once", a.source(), match.root(), 100 * match.overlap(), match.closest())));
        }
      }
      boolean fits = limits.maxChars() == 0 || a.text().length() <= limits.maxChars();
      if (fits && !modelsLoaded) {
        modelsLoaded = true;
        long tm = System.nanoTime();
        MODEL_REQUESTS.incrementAndGet();
        loadModels.run(); // here, not on a worker, so the load never counts against --timeout
        modelNanos += System.nanoTime() - tm;
      }
      lanes.submit(a);
      inFlight.add(new Object[] {a, match});
      maxInFlight = Math.max(maxInFlight, lanes.pending());
    }

    /** Takes the first article in flight: maps, validates and adds it to the batch. */
    private void take() {
      Object[] head = inFlight.poll();
      Article a = (Article) head[0];
      StoryFinder.Match story = (StoryFinder.Match) head[1];
      ParallelExtraction.Timed timed = lanes.next();
      index++;
      ArticleGuard.Result result = timed.result();
      if (result instanceof ArticleGuard.Skipped refused) {
        failures++;
        err.println(ArticleGuard.printable("skipped " + a.source() + ": " + refused.reason()));
        streaming.progress().article(index, a, null, 0);
        maybeFlush();
        return;
      }
      ArticleGraph g = ((ArticleGuard.Extracted) result).graph();
      long tm = System.nanoTime();
      Model rdf;
      Validation.Result v;
      try {
        rdf = mapper.map(g, story == null ? null : stories.story(story.root(), mapper.articleIri(a.id())));
        v = Validation.validate(rdf);
      } catch (RuntimeException e) {
        failures++;
        err.println(ArticleGuard.printable("skipped " + a.source() + ": mapping to RDF failed: " + e));
        streaming.progress().article(index, a, null, 0);
        return;
      } finally {
        mapNanos += System.nanoTime() - tm;
      }
      if (!v.conforms()) {
        failures++;
        err.println("skipped " + ArticleGuard.printable(a.source()) + ": its RDF breaks " + v.violations()
            + " SHACL constraint(s) of ontology/shapes.ttl (a newsgraph bug; please report it with this report):");
        err.println(v.reportTurtle());
        streaming.progress().article(index, a, null, 0);
        return;
      }
      Done d = new Done(g, mapper.articleIri(a.id()), rdf, story);
      done.add(d);
      built++;
      summary.add(d);
      if (stories != null) {
        stories.mapped(story == null ? d.graphIri() : story.root(), d.graphIri(), rdf);
      }
      streaming.progress().article(index, a, d, (timed.nanos() + System.nanoTime() - tm) / 1e9);
      maybeFlush();
    }

    private void maybeFlush() {
      if (done.size() + duplicates.size() + unchangedSeen.size() >= streaming.batchSize()) {
        flush();
      }
    }

    /** Hands the batch so far to the sink. */
    private void flush() {
      if (done.isEmpty() && duplicates.isEmpty() && unchangedSeen.isEmpty()) {
        return;
      }
      Batch b = new Batch(++batches, done, duplicates, unchangedSeen);
      done = new ArrayList<>();
      duplicates = new ArrayList<>();
      unchangedSeen = new ArrayList<>();
      long ts = System.nanoTime();
      sink.accept(b);
      storeNanos += System.nanoTime() - ts;
      streaming.progress().batch(b, built);
    }
  }

  /** The warning for an article to extract that has no publication date (printed once per article). */
  public static final String NO_DATE = "no publication date; relative dates (\"on Monday\", \"in May\", \"last year\")"
      + " stay unresolved and their events get no time; give --date YYYY-MM-DD";

  /** Milliseconds since {@code nanoStart} ({@link System#nanoTime()}). */
  public static long millisSince(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1_000_000;
  }
}
