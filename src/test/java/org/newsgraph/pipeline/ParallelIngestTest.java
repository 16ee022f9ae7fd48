package org.newsgraph.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.extract.Extractor;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.rdf.RdfMapper;

/**
 * {@code --threads}: articles extracted at once come back in input order, with the same messages,
 * the same --fail-fast cut and the same per-article --timeout as with one thread. Stand-in
 * extractions, no NLP models.
 */
class ParallelIngestTest {
  @TempDir Path dir;

  /** Seven articles a.txt .. g.txt; the earlier ones take longer, so they finish last. */
  private Path corpus() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (char c = 'a'; c <= 'g'; c++) {
      Files.writeString(in.resolve(c + ".txt"), "Title " + c + "\n\nBody of " + c + ".\n");
    }
    return in;
  }

  private static ArticleGraph graphOf(Article a) {
    return new ArticleGraph(a, List.of(), List.of(), List.of(), List.of(), "test");
  }

  private record Run(Ingest.Collected collected, String err) {
    Ingest.Outcome outcome() {
      return collected.outcome();
    }

    List<String> ids() {
      return collected.done().stream().map(d -> d.graph().article().id()).toList();
    }

    /** The messages without the per-article seconds, which vary. */
    String messages() {
      return err.replaceAll("\\(\\d+\\.\\d s\\)", "(s)");
    }
  }

  private Run run(Path in, int threads, ArticleGuard.Limits limits, Function<Article, ArticleGraph> work) {
    StringWriter err = new StringWriter();
    Ingest.Collected o = Ingest.collect(List.of(in), LocalDate.of(2024, 1, 2), new RdfMapper(), new PrintWriter(err, true),
        a -> false, limits, threads, () -> { }, work, new Extractor.Work());
    return new Run(o, err.toString());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  @Test
  void resultsAndMessagesComeInInputOrderAndArticlesRunAtOnce() throws Exception {
    Path in = corpus();
    Set<String> running = ConcurrentHashMap.newKeySet();
    AtomicInteger most = new AtomicInteger();
    Function<Article, ArticleGraph> work = a -> {
      running.add(a.id());
      most.accumulateAndGet(running.size(), Math::max);
      sleep(('h' - a.id().charAt(0)) * 40L);
      running.remove(a.id());
      return graphOf(a);
    };
    Run one = run(in, 1, ArticleGuard.Limits.DEFAULT, work);
    assertEquals(1, most.get());
    Run three = run(in, 3, ArticleGuard.Limits.DEFAULT, work);
    assertEquals(3, most.get(), "three articles at once");
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), three.ids());
    assertEquals(one.ids(), three.ids());
    assertEquals(one.messages(), three.messages());
    assertTrue(three.err().startsWith("[1/7] " + in.resolve("a.txt") + ": 0 entities, 0 relations ("), three.err());
  }

  @Test
  void failFastStopsAtTheSameArticleWithAnyNumberOfThreads() throws Exception {
    Path in = corpus();
    ArticleGuard.Limits failFast = new ArticleGuard.Limits(0, Duration.ofSeconds(30), true);
    Function<Article, ArticleGraph> work = a -> {
      if (a.id().equals("c")) {
        sleep(200); // later articles finish first on the other threads
        throw new IllegalArgumentException("bad article");
      }
      return graphOf(a);
    };
    Run one = run(in, 1, failFast, work);
    Run four = run(in, 4, failFast, work);
    assertEquals(List.of("a", "b"), one.ids());
    assertEquals(one.ids(), four.ids());
    assertEquals(1, four.outcome().failures());
    assertTrue(four.err().contains("skipped " + in.resolve("c.txt") + ": extraction failed: java.lang.IllegalArgumentException:"
        + " bad article\nstopped at the first problem (--fail-fast); the articles after it are not extracted\n"), four.err());
    assertEquals(one.messages(), four.messages());
  }

  @Test
  void eachArticleKeepsItsOwnTimeoutWhileTheOthersGoOn() throws Exception {
    Path in = corpus();
    ArticleGuard.Limits oneSecond = new ArticleGuard.Limits(0, Duration.ofSeconds(1), false);
    Function<Article, ArticleGraph> work = a -> {
      if (a.id().equals("b")) {
        sleep(60_000); // interruptible: stops at the time limit
      }
      return graphOf(a);
    };
    long t0 = System.nanoTime();
    Run two = run(in, 2, oneSecond, work);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(List.of("a", "c", "d", "e", "f", "g"), two.ids());
    assertEquals(1, two.outcome().failures());
    assertTrue(two.err().contains("skipped " + in.resolve("b.txt") + ": extraction took longer than --timeout 1 s; skipped\n"),
        two.err());
    assertTrue(ms < 10_000, "took " + ms + " ms");
  }

  @Test
  void maxCharsIsCheckedPerArticleBeforeAnyWork() throws Exception {
    Path in = corpus();
    Files.writeString(in.resolve("d.txt"), "Title d\n\n" + "word ".repeat(100) + "\n");
    AtomicInteger calls = new AtomicInteger();
    Run two = run(in, 2, new ArticleGuard.Limits(100, Duration.ofSeconds(30), false), a -> {
      calls.incrementAndGet();
      return graphOf(a);
    });
    assertEquals(6, calls.get());
    assertEquals(List.of("a", "b", "c", "e", "f", "g"), two.ids());
    assertTrue(two.err().contains("skipped " + in.resolve("d.txt") + ": the text has "), two.err());
  }

  @Test
  void extractionRunsAheadOfTheCallerByAtMostTheQueueCapacity() throws Exception {
    Path in = Files.createDirectories(dir.resolve("many"));
    for (int i = 0; i < 40; i++) {
      Files.writeString(in.resolve(String.format("a%02d.txt", i)), "Title " + i + "\n\nBody " + i + ".\n");
    }
    StringWriter err = new StringWriter();
    List<Integer> batchSizes = new java.util.ArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Ingest.Outcome o = Ingest.run(Ingest.Reading.files(List.of(in), LocalDate.of(2024, 1, 2)), new RdfMapper(),
        new PrintWriter(err, true), a -> false, ArticleGuard.Limits.DEFAULT, 2, () -> { }, a -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          sleep(5);
          running.decrementAndGet();
          return graphOf(a);
        }, new Extractor.Work(), null, new Ingest.Streaming(7, 3, Ingest.Progress.lines(new PrintWriter(err, true))),
        b -> batchSizes.add(b.done().size()));
    assertEquals(40, o.built(), err.toString());
    assertEquals(3, o.maxInFlight(), "the window fills up to its capacity and no further");
    assertEquals(2, most.get(), "two lanes");
    assertEquals(List.of(7, 7, 7, 7, 7, 5), batchSizes, "batches of 7 handed on as they complete");
    assertEquals(6, o.batches());
    assertTrue(err.toString().startsWith("[1/40] " + in.resolve("a00.txt") + ": 0 entities, 0 relations ("),
        err.toString());
  }
}
