package org.newsgraph.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One news article as read from its source, with the metadata recognised around the body.
 *
 * @param id stable article identifier (file name without extension, or the JSONL {@code id});
 *     letters, digits, '-', '_' and '.' only
 * @param title headline, or an empty string when the source has none
 * @param text body text that extraction reads; every character offset in newsgraph is a UTF-16
 *     index into this string
 * @param date publication date, or {@code null} when neither the source nor {@code --date} gives one
 * @param url canonical address of the article, or {@code null}
 * @param authors names from the byline, in byline order (may be empty)
 * @param credits photo and illustration credits, e.g. {@code REUTERS/Dado Ruvic/Illustration}
 * @param source where the article was read from (a path, or path and line for JSONL, or the URL as
 *     given)
 * @param retrieval where and when the text was fetched from the web or captured in a web archive,
 *     or {@code null} for a file read from disk
 */
public record Article(
    String id,
    String title,
    String text,
    LocalDate date,
    String url,
    List<String> authors,
    List<Credit> credits,
    String source,
    Retrieval retrieval) {

  /** Checks the id and text and makes the lists unmodifiable copies. */
  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    title = title == null ? "" : title;
    authors = authors == null ? List.of() : List.copyOf(authors);
    credits = credits == null ? List.of() : List.copyOf(credits);
    source = source == null ? "" : source;
  }

  /** An article read from disk (no {@link Retrieval}). */
  public Article(String id, String title, String text, LocalDate date, String url, List<String> authors,
      List<Credit> credits, String source) {
    this(id, title, text, date, url, authors, credits, source, null);
  }

  /** Returns a copy of this article with the given publication date. */
  public Article withDate(LocalDate newDate) {
    return new Article(id, title, text, newDate, url, authors, credits, source, retrieval);
  }

  /**
   * Where the text of an article came from on the web: recorded as {@code prov:wasDerivedFrom} and
   * {@code ng:retrievedAt}.
   *
   * @param url the address the text was read from: the final URL after redirects for a fetched
   *     page or feed, the {@code WARC-Target-URI} for a web-archive record (absolute, http or https)
   * @param at when it was fetched (or, for a WARC record, captured: its {@code WARC-Date})
   */
  public record Retrieval(String url, Instant at) {
    /** Checks that both parts are present. */
    public Retrieval {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A photo or illustration credit found in the article's metadata.
   *
   * @param agency the agency or publication that owns the image (e.g. "Reuters"), or {@code null}
   * @param photographer the person credited, or {@code null}
   * @param line the credit line as it appears in the source
   */
  public record Credit(String agency, String photographer, String line) {}
}
