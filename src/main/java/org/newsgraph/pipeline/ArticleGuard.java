package org.newsgraph.pipeline;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;

/**
 * Runs the extraction of one article under limits, so that no single article can stop a batch: an
 * article longer than {@link Limits#maxChars()} is refused before any NLP; the extraction runs on a
 * worker thread and is abandoned when it takes longer than {@link Limits#timeout()}; an exception
 * or error thrown by the extraction (including {@link StackOverflowError}) becomes a reported
 * reason.
 *
 * <p>What happens at the time limit: the worker thread is interrupted. Parts of CoreNLP check the
 * interrupt flag (they throw {@code RuntimeInterruptedException}), many do not, so the worker may
 * keep computing. The guard waits {@link #GRACE} for it to stop; if it has not, the thread (a
 * daemon) is left to finish on its own, its result is thrown away, and the next article runs on a
 * new worker thread. A runaway worker therefore costs CPU (and memory) until it ends by itself, but
 * never blocks the batch or the end of the process. The timed-out article is skipped, not stored
 * in part.
 *
 * <p>Not thread-safe: one guard serves one sequential batch. Close it to stop its worker.
 */
public final class ArticleGuard implements AutoCloseable {
  /** How long to wait for an interrupted worker to stop before leaving it behind. */
  public static final Duration GRACE = Duration.ofSeconds(2);

  private static final AtomicInteger THREADS = new AtomicInteger();

  /**
   * Limits per article.
   *
   * @param maxChars the most characters (UTF-16 code units) of body text extracted; 0 = no limit
   * @param timeout the longest one article's extraction may take; {@link Duration#ZERO} = no limit
   * @param failFast stop the batch at the first reported problem
   */
  public record Limits(long maxChars, Duration timeout, boolean failFast) {
    /** 1,000,000 characters, 600 s, go on after problems. */
    public static final Limits DEFAULT = new Limits(1_000_000, Duration.ofSeconds(600), false);

    public Limits {
      if (maxChars < 0 || timeout.isNegative()) {
        throw new IllegalArgumentException("--max-chars and --timeout must be 0 or more");
      }
    }
  }

  /** The outcome for one article: the graph, or why there is none. */
  public sealed interface Result permits Extracted, Skipped {}

  /** Extraction finished within the limits. */
  public record Extracted(ArticleGraph graph) implements Result {}

  /**
   * The article was not extracted.
   *
   * @param reason one line, for the user (no control characters)
   * @param workerLeftRunning true when the time limit passed and the worker ignored the interrupt
   */
  public record Skipped(String reason, boolean workerLeftRunning) implements Result {}

  private final Limits limits;
  private final Function<Article, ArticleGraph> work;
  private ExecutorService worker;

  /**
   * @param limits the limits
   * @param work the extraction of one article (e.g. {@code new Extractor()::extract})
   */
  public ArticleGuard(Limits limits, Function<Article, ArticleGraph> work) {
    this.limits = limits;
    this.work = work;
  }

  /** Extracts one article under the limits; never throws for a bad article. */
  public Result run(Article article) {
    int length = article.text().length();
    if (limits.maxChars() > 0 && length > limits.maxChars()) {
      return new Skipped(String.format("the text has %,d characters, more than --max-chars %,d; split the article"
          + " or raise the limit", length, limits.maxChars()), false);
    }
    if (worker == null) {
      worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsgraph-extract-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
    Future<ArticleGraph> future = worker.submit(() -> work.apply(article));
    try {
      ArticleGraph g = limits.timeout().isZero()
          ? future.get()
          : future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
      return new Extracted(g);
    } catch (TimeoutException e) {
      future.cancel(true);
      boolean stopped = awaitStop();
      return new Skipped("extraction took longer than --timeout " + limits.timeout().toSeconds() + " s; skipped"
          + (stopped ? "" : " (the NLP worker ignored the interrupt and is left to finish in the background)"),
          !stopped);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof StackOverflowError) {
        return new Skipped("extraction failed: the text is nested too deeply (stack overflow)", false);
      }
      return new Skipped("extraction failed: " + printable(String.valueOf(cause)), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new Skipped("interrupted", false);
    }
  }

  /** Waits up to {@link #GRACE} for the cancelled task to end; replaces the worker when it does not. */
  private boolean awaitStop() {
    ExecutorService old = worker;
    old.shutdown();
    try {
      if (old.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        worker = null;
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker = null; // a new thread for the next article; the old daemon thread finishes alone
    return false;
  }

  /**
   * Replaces characters that could forge or hide a line on a terminal or in a log (C0 and C1
   * controls except tab, line and paragraph separators, bidirectional overrides and isolates) with
   * {@code ?}, so a file name or a reason prints as one honest line.
   */
  public static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean hostile = (Character.getType(c) == Character.CONTROL && c != '\t')
          || c == '\u2028' || c == '\u2029'
          || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
      b.append(hostile ? '?' : c);
    }
    return b.toString();
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.shutdownNow();
      worker = null;
    }
  }
}
