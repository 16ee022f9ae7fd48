package org.newsgraph.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;

/**
 * Extracts articles on several threads at once and hands the results back in input order (a
 * window: the caller submits articles as it reads them and takes the results from the front, so
 * the articles in flight are those it submitted and has not taken), so that what is done with them (mapping, storing, progress lines) is the same for any
 * number of threads.
 *
 * <p>Each of the {@code threads} lanes runs one article at a time under its own {@link
 * ArticleGuard}, so every article keeps its own --max-chars check, --timeout (counted from the
 * moment its lane starts it) and error capture. The extraction function is shared by the lanes and
 * must be thread-safe ({@link org.newsgraph.extract.Extractor} is: one set of models for all).
 *
 * <p>Not thread-safe itself: one thread submits and takes. Close it to stop the lanes.
 */
final class ParallelExtraction implements AutoCloseable {
  private static final AtomicInteger LANES = new AtomicInteger();

  /**
   * One article's outcome.
   *
   * @param result the graph, or why there is none
   * @param nanos how long its lane spent on it
   */
  record Timed(ArticleGuard.Result result, long nanos) {}

  private final ArticleGuard.Limits limits;
  private final Function<Article, ArticleGraph> work;
  private final ExecutorService lanes;
  private final List<ArticleGuard> guards = Collections.synchronizedList(new ArrayList<>());
  private final ThreadLocal<ArticleGuard> guard;
  /** Submitted and not yet taken, in input order. */
  private final java.util.ArrayDeque<Future<Timed>> futures = new java.util.ArrayDeque<>();

  /**
   * @param threads articles extracted at once (1 or more)
   * @param limits the limits of each article
   * @param work the extraction of one article; called from several threads
   */
  ParallelExtraction(int threads, ArticleGuard.Limits limits, Function<Article, ArticleGraph> work) {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be 1 or more");
    }
    this.limits = limits;
    this.work = work;
    this.lanes = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "newsgraph-lane-" + LANES.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.guard = ThreadLocal.withInitial(() -> {
      ArticleGuard g = new ArticleGuard(this.limits, this.work);
      guards.add(g);
      return g;
    });
  }

  /** Queues one article after those submitted before; a free lane starts on it at once. */
  void submit(Article a) {
    futures.add(lanes.submit(() -> {
      long t0 = System.nanoTime();
      ArticleGuard.Result r = guard.get().run(a);
      return new Timed(r, System.nanoTime() - t0);
    }));
  }

  /** Articles submitted and not yet taken with {@link #next}. */
  int pending() {
    return futures.size();
  }

  /**
   * The outcome of the first article submitted and not yet taken, waiting for it if need be.
   *
   * @throws java.util.NoSuchElementException when none is pending
   * @throws IllegalStateException when the wait is interrupted (the pending articles are cancelled)
   */
  Timed next() {
    Future<Timed> f = futures.remove();
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      cancelAll();
      throw new IllegalStateException("interrupted while waiting for the extraction", e);
    } catch (CancellationException e) {
      return new Timed(new ArticleGuard.Skipped("cancelled", false), 0);
    } catch (ExecutionException e) {
      // ArticleGuard.run never throws for a bad article; this is a bug in the guard itself
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Timed(new ArticleGuard.Skipped("extraction failed: " + ArticleGuard.printable(String.valueOf(cause)), false), 0);
    }
  }

  /**
   * Stops the pending articles: those not started are dropped, those running are interrupted (their
   * lane's guard then abandons the extraction as at a time limit).
   *
   * @return how many were pending
   */
  int cancelAll() {
    int n = futures.size();
    for (Future<Timed> f : futures) {
      f.cancel(true);
    }
    futures.clear();
    return n;
  }

  @Override
  public void close() {
    cancelAll();
    lanes.shutdownNow();
    synchronized (guards) {
      guards.forEach(ArticleGuard::close);
      guards.clear();
    }
  }
}
