package org.newsgraph.cli;

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
 * Extracts a batch of articles on several threads at once and hands the results back in input
 * order, so that what is done with them (mapping, storing, progress lines) is the same for any
 * number of threads.
 *
 * <p>Each of the {@code threads} lanes runs one article at a time under its own {@link
 * ArticleGuard}, so every article keeps its own --max-chars check, --timeout (counted from the
 * moment its lane starts it) and error capture. The extraction function is shared by the lanes and
 * must be thread-safe ({@link org.newsgraph.extract.Extractor} is: one set of models for all).
 *
 * <p>Not thread-safe itself: one batch, read by one thread. Close it to stop the lanes.
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
  private final List<Future<Timed>> futures = new ArrayList<>();

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

  /** Queues every article, in order; the lanes start on them at once. */
  void submitAll(List<Article> articles) {
    for (Article a : articles) {
      futures.add(lanes.submit(() -> {
        long t0 = System.nanoTime();
        ArticleGuard.Result r = guard.get().run(a);
        return new Timed(r, System.nanoTime() - t0);
      }));
    }
  }

  /**
   * The outcome of the {@code i}-th article submitted, waiting for it if need be.
   *
   * @throws IllegalStateException when the wait is interrupted
   */
  Timed get(int i) {
    try {
      return futures.get(i).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelFrom(i);
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
   * Stops the articles from the {@code i}-th on: those not started are dropped, those running are
   * interrupted (their lane's guard then abandons the extraction as at a time limit).
   */
  void cancelFrom(int i) {
    for (int k = i; k < futures.size(); k++) {
      futures.get(k).cancel(true);
    }
  }

  @Override
  public void close() {
    cancelFrom(0);
    lanes.shutdownNow();
    synchronized (guards) {
      guards.forEach(ArticleGuard::close);
      guards.clear();
    }
  }
}
