package org.newsgraph.read;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.newsgraph.model.Article;

/**
 * The articles of one input file, read one at a time (JSON Lines line by line, CSV row by row, a
 * web archive record by record), so that a large file is never held in memory whole. A line, row
 * or record that is skipped is reported by the parser itself; what ends the whole file is thrown.
 */
interface ArticleCursor extends AutoCloseable {
  /**
   * The next article.
   *
   * @return the article, or {@code null} at the end of the file
   * @throws BadInputException when the rest of the file cannot be read (the articles before were read)
   * @throws IOException when reading fails
   */
  Article next() throws BadInputException, IOException;

  /** Closes the file. */
  @Override
  void close() throws IOException;

  /** The articles of a list (an input read whole). */
  static ArticleCursor of(List<Article> articles) {
    Iterator<Article> it = articles.iterator();
    return new ArticleCursor() {
      @Override
      public Article next() {
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public void close() {}
    };
  }
}
