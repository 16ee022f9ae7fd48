package org.newsgraph.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;

/** The per-article limits, with stand-in extractions (no NLP models needed). */
class ArticleGuardTest {
  private static Article article(String id, String text) {
    return new Article(id, "T", text, null, null, List.of(), List.of(), id + ".txt");
  }

  private static ArticleGraph graphOf(Article a) {
    return new ArticleGraph(a, List.of(), List.of(), List.of(), List.of(), "test");
  }

  @Test
  void anArticleOverMaxCharsIsSkippedBeforeExtraction() {
    AtomicInteger calls = new AtomicInteger();
    try (ArticleGuard guard = new ArticleGuard(new ArticleGuard.Limits(10, Duration.ofSeconds(5), false), a -> {
      calls.incrementAndGet();
      return graphOf(a);
    })) {
      ArticleGuard.Result big = guard.run(article("big", "x".repeat(11)));
      assertEquals(new ArticleGuard.Skipped(
          "the text has 11 characters, more than --max-chars 10; split the article or raise the limit", false), big);
      assertEquals(0, calls.get());
      assertInstanceOf(ArticleGuard.Extracted.class, guard.run(article("fits", "x".repeat(10))));
      assertEquals(1, calls.get());
    }
  }

  @Test
  void fiftyMegabytesOnOneLineIsRefusedAtOnceByTheDefaultLimit() {
    String text = "word ".repeat(10_000_000);
    long t0 = System.nanoTime();
    try (ArticleGuard guard = new ArticleGuard(ArticleGuard.Limits.DEFAULT, a -> {
      throw new AssertionError("extraction must not start");
    })) {
      ArticleGuard.Result r = guard.run(article("huge", text));
      assertEquals("the text has 50,000,000 characters, more than --max-chars 1,000,000; split the article or raise"
          + " the limit", ((ArticleGuard.Skipped) r).reason());
    }
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 1_000);
  }

  @Test
  void anInterruptibleRunawayStopsAtTheTimeoutAndTheNextArticleRuns() {
    AtomicBoolean interrupted = new AtomicBoolean();
    try (ArticleGuard guard = new ArticleGuard(new ArticleGuard.Limits(0, Duration.ofSeconds(1), false), a -> {
      if (a.id().equals("slow")) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          interrupted.set(true);
          throw new IllegalStateException("interrupted");
        }
      }
      return graphOf(a);
    })) {
      long t0 = System.nanoTime();
      ArticleGuard.Result slow = guard.run(article("slow", "text"));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(new ArticleGuard.Skipped("extraction took longer than --timeout 1 s; skipped", false), slow);
      assertTrue(ms >= 1_000 && ms < 3_000, "took " + ms + " ms");
      assertTrue(interrupted.get());
      ArticleGuard.Result next = guard.run(article("next", "text"));
      assertEquals("next", ((ArticleGuard.Extracted) next).graph().article().id());
    }
  }

  @Test
  void aWorkerThatIgnoresTheInterruptIsLeftBehindAndTheBatchGoesOn() {
    AtomicBoolean stop = new AtomicBoolean();
    try (ArticleGuard guard = new ArticleGuard(new ArticleGuard.Limits(0, Duration.ofSeconds(1), false), a -> {
      if (a.id().equals("stubborn")) {
        long spins = 0;
        while (!stop.get()) {
          spins++; // ignores interrupts, as much of CoreNLP does
        }
        assertTrue(spins > 0);
      }
      return graphOf(a);
    })) {
      long t0 = System.nanoTime();
      ArticleGuard.Skipped r = (ArticleGuard.Skipped) guard.run(article("stubborn", "text"));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals("extraction took longer than --timeout 1 s; skipped (the NLP worker ignored the interrupt and is"
          + " left to finish in the background)", r.reason());
      assertTrue(r.workerLeftRunning());
      assertTrue(ms >= 1_000 + ArticleGuard.GRACE.toMillis() && ms < 5_000, "took " + ms + " ms");
      assertInstanceOf(ArticleGuard.Extracted.class, guard.run(article("after", "text")));
    } finally {
      stop.set(true);
    }
  }

  @Test
  void exceptionsAndStackOverflowsBecomeReasons() {
    try (ArticleGuard guard = new ArticleGuard(ArticleGuard.Limits.DEFAULT, a -> {
      if (a.id().equals("deep")) {
        return deep(0);
      }
      throw new IllegalArgumentException("bad\nline\u202e");
    })) {
      assertEquals(new ArticleGuard.Skipped("extraction failed: java.lang.IllegalArgumentException: bad?line?", false),
          guard.run(article("boom", "t")));
      assertEquals(new ArticleGuard.Skipped("extraction failed: the text is nested too deeply (stack overflow)", false),
          guard.run(article("deep", "t")));
    }
  }

  private static ArticleGraph deep(int n) {
    return n < 0 ? null : deep(n + 1);
  }

  @Test
  void printableKeepsTextAndTabsButNotLineBreaksOrBidiControls() {
    assertEquals("a\tb?c?d?e?f?g Ünïcödé 👍", ArticleGuard.printable("a\tb\nc\rd\u0085e\u2028f\u202eg Ünïcödé 👍"));
    assertFalse(ArticleGuard.printable("x\u0000\u001b[31m").contains("\u001b"));
  }
}
