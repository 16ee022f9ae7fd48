package org.newsgraph.cli;

import java.time.Duration;
import java.util.function.Function;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;

/**
 * The Spark job's access to {@code build}'s per-article guard ({@link ArticleGuard}: --max-chars,
 * --timeout, and any exception or error of the extraction turned into a reason), which the core
 * keeps package-private in its CLI package. A stop-gap in this package of the Spark module until
 * the pipeline library (issue 13, item 2) offers the per-article extraction as public API; then
 * the job calls that and this class goes.
 *
 * <p>Not thread-safe, as the guard: one per Spark task (one sequential partition).
 */
public final class GuardBridge implements AutoCloseable {
  private final ArticleGuard guard;

  /**
   * @param maxChars the most characters of body text extracted; 0 = no limit
   * @param timeout the longest one article's extraction may take; {@link Duration#ZERO} = no limit
   * @param extraction the extraction of one article
   */
  public GuardBridge(long maxChars, Duration timeout, Function<Article, ArticleGraph> extraction) {
    this.guard = new ArticleGuard(new ArticleGuard.Limits(maxChars, timeout, false), extraction);
  }

  /**
   * Extracts one article under the limits; never throws for a bad article.
   *
   * @return the graph, or {@code null} with the reason passed to {@code refused}
   */
  public ArticleGraph run(Article article, java.util.function.Consumer<String> refused) {
    ArticleGuard.Result r = guard.run(article);
    if (r instanceof ArticleGuard.Extracted e) {
      return e.graph();
    }
    refused.accept(((ArticleGuard.Skipped) r).reason());
    return null;
  }

  /** Makes text printable on one line as the core's messages are (control characters as '?'). */
  public static String printable(String s) {
    return ArticleGuard.printable(s);
  }

  @Override
  public void close() {
    guard.close();
  }
}
