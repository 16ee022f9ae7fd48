package org.newsgraph.model;

/**
 * A stretch of article text.
 *
 * @param begin UTF-16 index of the first character, inclusive
 * @param end UTF-16 index after the last character, exclusive
 * @param text the covered text, equal to {@code article.text().substring(begin, end)}
 */
public record Span(int begin, int end, String text) {
  public Span {
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("bad span " + begin + ".." + end);
    }
  }
}
