package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.StoreUnavailableException;
import org.newsgraph.model.Article;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.RdfStore;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.Feeds;
import org.newsgraph.read.ReadProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph watch}: polls feeds and builds their new items, round after round, until Ctrl-C. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Polls RSS or Atom feeds (http(s) URLs or files) every --every and builds the items that are new since the"
          + " last round, as 'build' does: extracted, stored in the RDF store, loaded into Neo4j.",
      "An item is new when its link was not built before (in this run or into the data folder) and its text is"
          + " not the text of an item built in this run; an item whose feed carries the full text is built again"
          + " when its text changed. A feed or page that cannot be fetched is reported and tried again next round.",
      "Prints one line per round. Ctrl-C stops it: between rounds at once; during a round, what is stored is kept"
          + " and the next watch or build finishes the rest.",
      "Example: newsgraph watch https://example.org/news/rss.xml --every 15m"
    })
final class WatchCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FEED",
      description = "Feed URLs (http or https) or feed files; more in --urls FILE.")
  List<String> given = new ArrayList<>();

  /** The feeds: the parameters and the lines of the --urls files. */
  private List<String> feeds;

  @Option(names = "--every", paramLabel = "DURATION", defaultValue = "15m",
      description = "Time from the start of one round to the start of the next: 90s, 15m, 2h, or seconds"
          + " (default: ${DEFAULT-VALUE}). A round that takes longer is followed by the next at once.")
  String every;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "0",
      description = "Stop after N rounds (default: 0, until Ctrl-C); --rounds 1 polls once, e.g. from cron.")
  int rounds;

  @Mixin ExtractionOptions extraction = new ExtractionOptions();

  @Mixin InputOptions input = new InputOptions();

  @Spec CommandSpec spec;

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  /** What one round did. */
  record Round(int number, int built, int unchanged, int seen, int duplicates, int problems, long millis) {
    /** The round's line, e.g. {@code round 2: 1 new article(s) built, 3 seen before, 1 problem(s) (see above); 12.3 s}. */
    String line() {
      List<String> parts = new ArrayList<>();
      parts.add(built + " new article(s) built");
      if (unchanged > 0) {
        parts.add(unchanged + " unchanged");
      }
      parts.add(seen + " seen before");
      if (duplicates > 0) {
        parts.add(duplicates + " with the text of another item");
      }
      if (problems > 0) {
        parts.add(problems + " problem(s) (see above)");
      }
      return "round " + number + ": " + String.join(", ", parts) + String.format(Locale.ROOT, "; %.1f s", millis / 1000.0);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    Duration period = parseDuration(every);
    if (rounds < 0) {
      throw new IllegalArgumentException("--rounds must be 0 (no limit) or more");
    }
    feeds = input.inputs(given);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArticleReader reader = input.reader(extraction.date);
    BuildCommand build = new BuildCommand();
    build.extraction = extraction;
    build.input = input;
    build.command = "watch";
    RdfMapper mapper = extraction.mapper();
    // the data folder stays this process's for the whole watch, not only during rounds
    boolean embedded = !GlobalOptions.stores().remoteRdf() || !GlobalOptions.stores().remoteNeo4j();
    DataFolderLock.Handle lock = embedded ? DataFolderLock.acquire(GlobalOptions.dataDir, GlobalOptions.command) : null;
    AtomicBoolean stopping = new AtomicBoolean();
    AtomicBoolean inRound = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    int[] done = {0};
    Thread hook = new Thread(() -> {
      stopping.set(true);
      if (!inRound.get()) {
        main.interrupt();
      } else if (!build.reportsInterruption()) { // else the build under way says in one line where it stopped
        System.err.println("newsgraph watch: stopping during round " + (done[0] + 1) + "; what is stored is kept, and the"
            + " next watch or build picks up the rest");
      }
      try {
        finished.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      System.err.println("newsgraph watch: stopped after " + done[0] + " round(s)");
    }, "newsgraph-watch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.printf("Watching %d feed(s) every %s%s; Ctrl-C stops.%n", feeds.size(), words(period),
        rounds > 0 ? ", " + rounds + " round(s)" : "");
    out.flush();
    Map<String, String> builtTexts = new HashMap<>();
    try {
      while (!stopping.get() && (rounds == 0 || done[0] < rounds)) {
        long start = System.nanoTime();
        inRound.set(true);
        Round r;
        try {
          r = round(done[0] + 1, reader, build, mapper, builtTexts, err);
        } finally {
          inRound.set(false);
        }
        done[0]++;
        long next = start + period.toNanos();
        out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(CLOCK) + " " + r.line()
            + (rounds > 0 && done[0] >= rounds ? "" : "; next round at "
                + LocalTime.now().plusNanos(Math.max(0, next - System.nanoTime())).truncatedTo(ChronoUnit.SECONDS).format(CLOCK)));
        out.flush();
        if (rounds > 0 && done[0] >= rounds) {
          break;
        }
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
    } catch (InterruptedException e) {
      // Ctrl-C between rounds: the hook says so
    } finally {
      finished.countDown();
      if (lock != null) {
        lock.close();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down; the hook reports
      }
    }
    return Main.OK;
  }

  /**
   * One round: reads every feed, keeps the items that are new (a link not stored yet, or a full-text
   * item whose text is not the one built), reads their articles (fetching the pages of summary
   * items) and builds them.
   *
   * @param builtTexts content hash to article id of what this watch built or found unchanged
   */
  private Round round(int number, ArticleReader reader, BuildCommand build, RdfMapper mapper,
      Map<String, String> builtTexts, PrintWriter err) throws InterruptedException {
    long t0 = System.nanoTime();
    int[] problems = {0};
    java.util.function.Consumer<ReadProblem> report = p -> {
      problems[0]++;
      err.println(ArticleGuard.printable("skipped " + p.source() + ": " + p.reason()));
    };
    int seen = 0;
    int duplicates = 0;
    List<Article> articles = new ArrayList<>();
    Set<String> stored;
    try (RdfStore rdf = Stores.rdf(GlobalOptions.stores())) {
      stored = new HashSet<>(rdf.graphNames());
    } catch (StoreUnavailableException e) {
      err.println("newsgraph: " + e.getMessage() + "; trying again next round");
      return new Round(number, 0, 0, 0, 0, 1, (System.nanoTime() - t0) / 1_000_000);
    }
    for (String feedInput : feeds) {
      Optional<Feeds.Feed> feed = reader.readFeed(feedInput, report);
      if (feed.isEmpty()) {
        continue;
      }
      List<Feeds.Item> fresh = new ArrayList<>();
      for (Feeds.Item item : feed.get().items()) {
        // a summary item whose link is stored is not fetched again (URL dedup)
        if (item.summaryOnly() && item.link() != null
            && stored.contains(mapper.articleIri(ArticleReader.idForUrl(item.link())))) {
          seen++;
        } else {
          fresh.add(item);
        }
      }
      for (Article a : reader.articles(feed.get(), fresh, report,
          w -> err.println(ArticleGuard.printable(w.source() + ": " + w.reason())))) {
        String earlier = builtTexts.get(RdfMapper.contentHash(a));
        if (a.id().equals(earlier)) {
          seen++; // the same item with the same text
        } else if (earlier != null) {
          duplicates++; // content-hash dedup: another link, the same story
          err.println(ArticleGuard.printable(a.source() + ": the same text as " + earlier + ", built before; skipped"));
        } else {
          articles.add(a);
        }
      }
    }
    int built = 0;
    int unchanged = 0;
    if (!articles.isEmpty()) {
      try {
        int exit = build.run(Ingest.Reading.of(articles), "the new feed items", new PrintWriter(Writer.nullWriter()), err);
        Ingest.Outcome outcome = build.lastOutcome;
        if (outcome != null) {
          built = outcome.built();
          unchanged = outcome.unchanged();
          problems[0] += outcome.failures();
          for (Ingest.Seen d : build.lastBuilt) {
            builtTexts.put(d.contentHash(), d.id());
          }
          for (Ingest.Seen a : build.lastUnchanged) {
            builtTexts.put(a.contentHash(), a.id());
          }
          // copies of stored articles under another link: recorded as their sources, seen from now on
          duplicates += outcome.duplicates();
          for (Ingest.Duplicate d : build.lastCopies) {
            builtTexts.put(d.article().contentHash(), d.article().id());
          }
        }
        if (exit == Main.STORE_UNAVAILABLE) {
          problems[0]++;
        }
      } catch (StoreUnavailableException e) {
        err.println("newsgraph: " + e.getMessage() + "; trying again next round");
        problems[0]++;
      }
    }
    return new Round(number, built, unchanged, seen, duplicates, problems[0], (System.nanoTime() - t0) / 1_000_000);
  }

  private static final Pattern DURATION = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(s|sec|m|min|h)?\\s*");

  /**
   * A duration as {@code --every} takes it: a number with {@code s}, {@code m} or {@code h} (no
   * unit: seconds), or ISO 8601 such as {@code PT15M}; at least one second.
   *
   * @throws IllegalArgumentException for anything else
   */
  static Duration parseDuration(String value) {
    Duration d;
    Matcher m = DURATION.matcher(value);
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT).substring(0, 1);
      double seconds = n * (unit.equals("h") ? 3600 : unit.equals("m") ? 60 : 1);
      d = Duration.ofMillis(Math.round(seconds * 1000));
    } else {
      try {
        d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("--every takes a duration such as 90s, 15m or 2h, not '" + value + "'");
      }
    }
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("--every must be at least 1 second, not '" + value + "'");
    }
    return d;
  }

  private static String words(Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
  }
}
