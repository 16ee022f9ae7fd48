package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.newsgraph.model.Article;
import org.newsgraph.pipeline.Ingest;

/**
 * How {@code build} shows its progress on standard error: on a terminal, a bar with the count of
 * articles read, their rate and the time left (me.tongfei:progressbar), with the messages printed
 * above it; otherwise (a log file, a pipe, CI) a plain line every {@value #PERIOD_SECONDS} s with
 * the same figures (and a last one at the end, after a run longer than that); with {@code -v}, a
 * line per article extracted. Closing it removes the bar.
 */
abstract class ProgressReport implements Ingest.Progress, AutoCloseable {
  /** Seconds between two plain progress lines. */
  static final int PERIOD_SECONDS = Integer.getInteger("newsgraph.progressSeconds", 30);

  private Consumer<Ingest.Batch> batches = b -> { };

  /** Where messages go while the progress shows (above the bar, on a terminal). */
  abstract PrintWriter messages();

  /** Also tells {@code listener} of each batch handed on. */
  ProgressReport onBatch(Consumer<Ingest.Batch> listener) {
    batches = listener;
    return this;
  }

  @Override
  public void batch(Ingest.Batch batch, int builtSoFar) {
    batches.accept(batch);
  }

  @Override
  public void close() {
    finish();
  }

  /**
   * The report for {@code err}: a bar when standard error looks like a terminal (a console and a
   * {@code TERM} other than {@code dumb}), a line per article with {@code verbose}, else periodic
   * lines.
   */
  static ProgressReport forStderr(PrintWriter err, boolean verbose) {
    if (verbose) {
      return new PerArticle(err);
    }
    String term = System.getenv("TERM");
    boolean terminal = System.console() != null && term != null && !term.equals("dumb")
        && !Boolean.getBoolean("newsgraph.noProgressBar");
    return terminal ? new Bar(err) : new Periodic(err, PERIOD_SECONDS * 1000L);
  }

  /** A line per article extracted ({@link Ingest.Progress#lines}). */
  static final class PerArticle extends ProgressReport {
    private final PrintWriter err;
    private final Ingest.Progress lines;

    PerArticle(PrintWriter err) {
      this.err = err;
      this.lines = Ingest.Progress.lines(err);
    }

    @Override
    PrintWriter messages() {
      return err;
    }

    @Override
    public void start(long expected) {
      lines.start(expected);
    }

    @Override
    public void article(long index, Article a, Ingest.Done d, double seconds) {
      lines.article(index, a, d, seconds);
    }
  }

  /** A line every period: {@code progress: N[/TOTAL] articles (P%), R articles/s, ETA H:MM:SS}. */
  static final class Periodic extends ProgressReport {
    private final PrintWriter err;
    private final long periodMillis;
    private long expected = -1;
    private long count;
    private long start;
    private long last;
    private boolean printed;

    Periodic(PrintWriter err, long periodMillis) {
      this.err = err;
      this.periodMillis = periodMillis;
    }

    @Override
    PrintWriter messages() {
      return err;
    }

    @Override
    public void start(long n) {
      expected = n;
      start = System.nanoTime();
      last = start;
    }

    @Override
    public void article(long index, Article a, Ingest.Done d, double seconds) {
      count = index;
      long now = System.nanoTime();
      if ((now - last) / 1_000_000 >= periodMillis) {
        last = now;
        printed = true;
        err.println(line(count, expected, (now - start) / 1e9));
      }
    }

    /** The last line, when a line was printed before (a run shorter than a period stays quiet). */
    @Override
    public void finish() {
      if (printed && count > 0 && start > 0) {
        err.println(line(count, count, (System.nanoTime() - start) / 1e9));
        start = 0;
      }
    }
  }

  /** The plain progress line. */
  static String line(long count, long expected, double seconds) {
    double rate = seconds > 0 ? count / seconds : 0;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "progress: %,d", count));
    if (expected >= count && expected > 0) {
      b.append(String.format(Locale.ROOT, "/%,d articles (%.0f%%)", expected, 100.0 * count / expected));
    } else {
      b.append(" articles");
    }
    b.append(String.format(Locale.ROOT, ", %.2f articles/s, %s elapsed", rate, clock((long) seconds)));
    if (expected > count && rate > 0) {
      b.append(", ETA ").append(clock((long) ((expected - count) / rate)));
    }
    return b.toString();
  }

  private static String clock(long s) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  /** The bar on a terminal; messages clear its line first and it is drawn again below them. */
  static final class Bar extends ProgressReport {
    private final PrintWriter err;
    private final PrintWriter above;
    private ProgressBar bar;

    Bar(PrintWriter err) {
      this.err = err;
      this.above = new PrintWriter(new Writer() {
        private final StringBuilder line = new StringBuilder();

        @Override
        public void write(char[] c, int off, int len) {
          synchronized (Bar.this) {
            for (int i = off; i < off + len; i++) {
              if (c[i] == '\n') {
                err.print("\r\033[K" + line + "\n");
                err.flush();
                line.setLength(0);
              } else {
                line.append(c[i]);
              }
            }
          }
        }

        @Override
        public void flush() {
          err.flush();
        }

        @Override
        public void close() {}
      }, true);
    }

    @Override
    PrintWriter messages() {
      return above;
    }

    @Override
    public synchronized void start(long expected) {
      bar = new ProgressBarBuilder().setTaskName("build").setInitialMax(expected > 0 ? expected : -1)
          .setStyle(ProgressBarStyle.ASCII).setUnit(" articles", 1).showSpeed().setUpdateIntervalMillis(500)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public synchronized void article(long index, Article a, Ingest.Done d, double seconds) {
      if (bar != null) {
        bar.stepTo(index);
        if (bar.getMax() > 0 && index > bar.getMax()) {
          bar.maxHint(index);
        }
      }
    }

    @Override
    public synchronized void finish() {
      if (bar != null) {
        bar.close();
        bar = null;
        err.flush();
      }
    }
  }
}
