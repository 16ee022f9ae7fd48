package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.newsgraph.extract.Extractor;
import org.newsgraph.extract.NlpPipeline;
import org.newsgraph.extract.Profile;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.Validation;
import org.newsgraph.read.ArticleReader;

/**
 * The part of the main job that touches no store: read the inputs, extract each article, map it to
 * RDF and validate that against the SHACL shapes. Problems are reported on {@code err} and
 * counted; one bad article never stops the rest.
 */
final class Ingest {
  private Ingest() {}

  /**
   * One article done: its extracted graph and its RDF (the content of its named graph).
   *
   * @param story the story it reports again (a near-duplicate of a stored or earlier article), or
   *     {@code null}
   */
  record Done(ArticleGraph graph, String graphIri, Model rdf, StoryFinder.Match story) {
    Done(ArticleGraph graph, String graphIri, Model rdf) {
      this(graph, graphIri, rdf, null);
    }
  }

  /**
   * An article with the content of another (the same content hash under another id), not
   * extracted.
   *
   * @param article the copy
   * @param copyOf the IRI of the article it copies
   */
  record Duplicate(Article article, String copyOf) {}

  /**
   * What a run produced.
   *
   * @param done articles extracted and valid, in input order
   * @param failures number of inputs or articles reported and skipped
   * @param stageMillis wall time per stage (read, models, extract, map), in milliseconds; with
   *     several threads, extract is the wall time of the extraction phase less the mapping done
   *     meanwhile
   * @param unchanged articles skipped as stored with the same content hash and extractor version
   * @param work what extraction cost, summed over articles and threads (CoreNLP time, rule time,
   *     tokens)
   * @param duplicates articles with the content of a stored or earlier article, not extracted
   */
  record Outcome(List<Done> done, int failures, Map<String, Long> stageMillis, List<Article> unchanged,
      Extractor.Work work, List<Duplicate> duplicates) {
    Outcome(List<Done> done, int failures, Map<String, Long> stageMillis, List<Article> unchanged,
        Extractor.Work work) {
      this(done, failures, stageMillis, unchanged, work, List.of());
    }

    Outcome(List<Done> done, int failures, Map<String, Long> stageMillis, List<Article> unchanged) {
      this(done, failures, stageMillis, unchanged, new Extractor.Work());
    }

    Outcome(List<Done> done, int failures, Map<String, Long> stageMillis) {
      this(done, failures, stageMillis, List.of());
    }
  }

  /**
   * How articles are extracted.
   *
   * @param profile which CoreNLP pipeline runs ({@code --profile})
   * @param threads articles extracted at once ({@code --threads}), sharing one set of models
   */
  record Engine(Profile profile, int threads) {
    /** The accurate profile on every processor. */
    static final Engine DEFAULT = new Engine(Profile.ACCURATE, Runtime.getRuntime().availableProcessors());

    Engine {
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be 1 or more");
      }
    }
  }

  /**
   * Where a run's articles come from: reads them, reporting each input, line or item it skips to
   * {@code problems} and what it reads with a caveat (a date that cannot be read, a first line kept
   * in the body) to {@code warnings} (files and folders with {@link ArticleReader#read}, text inputs
   * and URLs with {@link ArticleReader#readInputs}, or articles already in hand).
   */
  @FunctionalInterface
  interface Reading {
    /**
     * Reads the articles.
     *
     * @throws InterruptedException when interrupted while fetching
     */
    List<Article> read(java.util.function.Consumer<org.newsgraph.read.ReadProblem> problems,
        java.util.function.Consumer<org.newsgraph.read.ReadProblem> warnings) throws InterruptedException;

    /** The files and folders {@code inputs}, read by a file reader with {@code date} as the default date. */
    static Reading files(List<Path> inputs, LocalDate date) {
      return (problems, warnings) -> new ArticleReader(date).read(inputs, problems, warnings);
    }
  }

  /**
   * How many times a run asked for the CoreNLP models (a test seam: a build whose articles are
   * all unchanged must not ask).
   */
  static final java.util.concurrent.atomic.AtomicInteger MODEL_REQUESTS = new java.util.concurrent.atomic.AtomicInteger();

  /** As {@link #run(List, LocalDate, RdfMapper, PrintWriter, ArticleGuard.Limits)} with the default limits. */
  static Outcome run(List<Path> inputs, LocalDate date, RdfMapper mapper, PrintWriter err) {
    return run(inputs, date, mapper, org.newsgraph.model.AliasTable.EMPTY, err, a -> false, ArticleGuard.Limits.DEFAULT);
  }

  /** As {@link #run(List, LocalDate, RdfMapper, org.newsgraph.model.AliasTable, PrintWriter, java.util.function.Predicate, ArticleGuard.Limits, Engine)} with the default engine. */
  static Outcome run(List<Path> inputs, LocalDate date, RdfMapper mapper, org.newsgraph.model.AliasTable aliases,
      PrintWriter err, java.util.function.Predicate<Article> unchanged, ArticleGuard.Limits limits) {
    return run(inputs, date, mapper, aliases, err, unchanged, limits, Engine.DEFAULT);
  }

  /**
   * Reads, extracts (each article under {@code limits}, see {@link ArticleGuard}), maps and
   * validates. Articles for which {@code unchanged} holds are reported ("unchanged, skipped") and
   * not extracted; when every article is unchanged the models are not loaded. What the reader read
   * with a caveat is one line each ({@code SOURCE: WARNING}), and so is each article to extract
   * without a publication date ({@link #NO_DATE}). Each problem is one
   * line on {@code err}: {@code skipped SOURCE: REASON} (SOURCE is the file, with {@code :LINE} for
   * JSONL), with control characters shown as {@code ?}. With {@link ArticleGuard.Limits#failFast()}
   * the run stops at the first problem; articles finished before it are kept.
   *
   * <p>Articles are extracted {@code engine.threads()} at a time with one shared set of models
   * ({@link ParallelExtraction}); results are taken in input order, so the output, the progress
   * lines and the --fail-fast cut are the same for any number of threads.
   *
   * @param aliases the user's alias table ({@code --aliases})
   * @param engine the profile and the number of threads
   */
  static Outcome run(List<Path> inputs, LocalDate date, RdfMapper mapper, org.newsgraph.model.AliasTable aliases,
      PrintWriter err, java.util.function.Predicate<Article> unchanged, ArticleGuard.Limits limits, Engine engine) {
    return run(inputs, date, mapper, aliases, err, unchanged, limits, engine, () -> { });
  }

  /**
   * As {@link #run(List, LocalDate, RdfMapper, org.newsgraph.model.AliasTable, PrintWriter,
   * java.util.function.Predicate, ArticleGuard.Limits, Engine)}, calling {@code beforeModels} just
   * before the models load, i.e. only when some article is to be extracted ({@code build} starts
   * Neo4j in the background there).
   */
  static Outcome run(List<Path> inputs, LocalDate date, RdfMapper mapper, org.newsgraph.model.AliasTable aliases,
      PrintWriter err, java.util.function.Predicate<Article> unchanged, ArticleGuard.Limits limits, Engine engine,
      Runnable beforeModels) {
    return run(Reading.files(inputs, date), mapper, aliases, err, unchanged, limits, engine, beforeModels, null);
  }

  /**
   * As {@link #run(List, LocalDate, RdfMapper, org.newsgraph.model.AliasTable, PrintWriter,
   * java.util.function.Predicate, ArticleGuard.Limits, Engine, Runnable)}, with the articles from
   * {@code reading} (URLs, feeds, CSV, web archives, or articles in hand).
   */
  static Outcome run(Reading reading, RdfMapper mapper, org.newsgraph.model.AliasTable aliases,
      PrintWriter err, java.util.function.Predicate<Article> unchanged, ArticleGuard.Limits limits, Engine engine,
      Runnable beforeModels) {
    return run(reading, mapper, aliases, err, unchanged, limits, engine, beforeModels, null);
  }

  /**
   * As {@link #run(Reading, RdfMapper, org.newsgraph.model.AliasTable, PrintWriter,
   * java.util.function.Predicate, ArticleGuard.Limits, Engine, Runnable)}, finding copies and
   * near-duplicates with {@code stories} ({@code build} and {@code watch}; {@code null} for none).
   */
  static Outcome run(Reading reading, RdfMapper mapper, org.newsgraph.model.AliasTable aliases,
      PrintWriter err, java.util.function.Predicate<Article> unchanged, ArticleGuard.Limits limits, Engine engine,
      Runnable beforeModels, StoryFinder stories) {
    Extractor extractor = new Extractor(aliases, engine.profile());
    Extractor.Work work = new Extractor.Work();
    Runnable loadModels = () -> {
      beforeModels.run();
      if (!NlpPipeline.isLoaded(engine.profile())) {
        err.println("Loading the CoreNLP models (" + engine.profile() + " profile; "
            + (engine.profile() == Profile.FAST ? "about 10 s" : "about 30 s") + ", once per run)...");
      }
      NlpPipeline.shared(engine.profile());
    };
    return run(reading, mapper, err, unchanged, limits, engine.threads(), loadModels,
        a -> extractor.extract(a, work), work, stories);
  }

  /**
   * {@link #run(List, LocalDate, RdfMapper, org.newsgraph.model.AliasTable, PrintWriter, java.util.function.Predicate, ArticleGuard.Limits, Engine)}
   * with the model loading and the extraction of one article given (a test seam).
   *
   * @param loadModels run once before the first article, on this thread, when some article is to
   *     be extracted (so that loading never counts against --timeout)
   * @param extraction the extraction of one article; called from {@code threads} threads at once
   * @param work what {@code extraction} reports its cost to, returned in the outcome
   */
  static Outcome run(List<Path> inputs, LocalDate date, RdfMapper mapper, PrintWriter err,
      java.util.function.Predicate<Article> unchanged, ArticleGuard.Limits limits, int threads, Runnable loadModels,
      java.util.function.Function<Article, ArticleGraph> extraction, Extractor.Work work) {
    return run(Reading.files(inputs, date), mapper, err, unchanged, limits, threads, loadModels, extraction, work, null);
  }

  /** As the test seam above, with the articles from {@code reading}. */
  static Outcome run(Reading reading, RdfMapper mapper, PrintWriter err,
      java.util.function.Predicate<Article> unchanged, ArticleGuard.Limits limits, int threads, Runnable loadModels,
      java.util.function.Function<Article, ArticleGraph> extraction, Extractor.Work work) {
    return run(reading, mapper, err, unchanged, limits, threads, loadModels, extraction, work, null);
  }

  /**
   * The test seam above, with copies and near-duplicates found by {@code stories} ({@code null} for
   * none): a copy is reported ({@code SOURCE: same content as ARTICLE_IRI (...); recorded as
   * another source of it, not extracted}) and listed in the outcome's duplicates; a near-duplicate
   * is reported ({@code SOURCE: the same story as ...}) and mapped with its story ({@link
   * RdfMapper#map(ArticleGraph, RdfMapper.Story)}). What the reading warns about is one line on
   * {@code err} ({@code SOURCE: WARNING}).
   */
  static Outcome run(Reading reading, RdfMapper mapper, PrintWriter err,
      java.util.function.Predicate<Article> unchanged, ArticleGuard.Limits limits, int threads, Runnable loadModels,
      java.util.function.Function<Article, ArticleGraph> extraction, Extractor.Work work, StoryFinder stories) {
    Map<String, Long> stages = new LinkedHashMap<>();
    int[] failures = {0};
    long t0 = System.nanoTime();
    List<Article> articles;
    try {
      articles = reading.read(p -> {
        failures[0]++;
        err.println(ArticleGuard.printable("skipped " + p.source() + ": " + p.reason()));
      }, w -> err.println(ArticleGuard.printable(w.source() + ": " + w.reason())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("interrupted while reading the inputs; nothing was extracted");
      return new Outcome(List.of(), failures[0] + 1, stages);
    }
    stages.put("read", millisSince(t0));
    List<Done> done = new ArrayList<>();
    List<Article> skipped = new ArrayList<>();
    List<Article> todo = new ArrayList<>();
    List<Duplicate> duplicates = new ArrayList<>();
    for (Article a : articles) {
      String copyOf = stories == null ? null : stories.duplicateOf(a);
      if (copyOf != null) {
        duplicates.add(new Duplicate(a, copyOf));
        err.println(ArticleGuard.printable(a.source() + ": same content (title, date and text) as the article "
            + copyOf + "; recorded as another source of it, not extracted"));
      } else if (unchanged.test(a)) {
        skipped.add(a);
        err.println(a.source() + ": unchanged, skipped (same content hash and extractor version as stored)");
      } else {
        todo.add(a);
      }
    }
    articles = todo;
    for (Article a : articles) {
      if (a.date() == null) {
        err.println(ArticleGuard.printable(a.source() + ": " + NO_DATE));
      }
    }
    // which story each article reports, in input order: the stored articles and those before it
    Map<Article, StoryFinder.Match> storyOf = new java.util.IdentityHashMap<>();
    if (stories != null) {
      for (Article a : articles) {
        StoryFinder.Match match = stories.storyOf(a);
        if (match != null) {
          storyOf.put(a, match);
          err.println(ArticleGuard.printable(String.format(java.util.Locale.ROOT, "%s: the same story as the article %s"
              + " (a near-duplicate: %.0f%% of the shorter body's word shingles in %s); linked with ng:sameStoryAs,"
              + " its events counted once", a.source(), match.root(), 100 * match.overlap(), match.closest())));
        }
      }
    }
    if (articles.isEmpty()) {
      return new Outcome(done, failures[0], stages, skipped, work, duplicates);
    }
    if (limits.failFast() && failures[0] > 0) {
      err.println("stopped at the first problem (--fail-fast); nothing was extracted");
      return new Outcome(done, failures[0], stages, skipped, work, duplicates);
    }
    long t1 = System.nanoTime();
    boolean anyFits = articles.stream()
        .anyMatch(a -> limits.maxChars() == 0 || a.text().length() <= limits.maxChars());
    if (anyFits) {
      MODEL_REQUESTS.incrementAndGet();
      loadModels.run(); // here, not on a worker, so the load never counts against --timeout
    }
    stages.put("models", millisSince(t1));
    long mapNanos = 0;
    long phase = System.nanoTime();
    try (ParallelExtraction lanes = new ParallelExtraction(threads, limits, extraction)) {
      lanes.submitAll(articles);
      for (int i = 0; i < articles.size(); i++) {
        Article a = articles.get(i);
        if (limits.failFast() && failures[0] > 0) {
          lanes.cancelFrom(i);
          err.println("stopped at the first problem (--fail-fast); " + (articles.size() - i)
              + " article(s) not extracted");
          break;
        }
        ParallelExtraction.Timed timed = lanes.get(i);
        ArticleGuard.Result result = timed.result();
        if (result instanceof ArticleGuard.Skipped refused) {
          failures[0]++;
          err.println(ArticleGuard.printable("skipped " + a.source() + ": " + refused.reason()));
          continue;
        }
        ArticleGraph g = ((ArticleGuard.Extracted) result).graph();
        long tm = System.nanoTime();
        Model rdf;
        Validation.Result v;
        StoryFinder.Match story = storyOf.get(a);
        try {
          rdf = mapper.map(g, story == null ? null : stories.story(story.root(), mapper.articleIri(a.id())));
          v = Validation.validate(rdf);
        } catch (RuntimeException e) {
          failures[0]++;
          err.println(ArticleGuard.printable("skipped " + a.source() + ": mapping to RDF failed: " + e));
          continue;
        } finally {
          mapNanos += System.nanoTime() - tm;
        }
        if (!v.conforms()) {
          failures[0]++;
          err.println("skipped " + ArticleGuard.printable(a.source()) + ": its RDF breaks " + v.violations()
              + " SHACL constraint(s) of ontology/shapes.ttl (a newsgraph bug; please report it with this report):");
          err.println(v.reportTurtle());
          continue;
        }
        done.add(new Done(g, mapper.articleIri(a.id()), rdf, story));
        if (stories != null) {
          stories.mapped(story == null ? mapper.articleIri(a.id()) : story.root(), rdf);
        }
        err.printf("[%d/%d] %s: %d entities, %d relations (%.1f s)%n", i + 1, articles.size(),
            ArticleGuard.printable(a.source()), g.entities().size(), g.relations().size(),
            (timed.nanos() + System.nanoTime() - tm) / 1e9);
      }
    }
    stages.put("extract", Math.max(0, (System.nanoTime() - phase - mapNanos) / 1_000_000));
    stages.put("map", mapNanos / 1_000_000);
    return new Outcome(done, failures[0], stages, skipped, work, duplicates);
  }

  /** The warning for an article to extract that has no publication date (printed once per article). */
  static final String NO_DATE = "no publication date; relative dates (\"on Monday\", \"in May\", \"last year\")"
      + " stay unresolved and their events get no time; give --date YYYY-MM-DD";

  static long millisSince(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1_000_000;
  }
}
