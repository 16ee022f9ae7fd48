package org.newsgraph.read;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.newsgraph.model.Article.Retrieval;

/**
 * RSS and Atom feeds, read with ROME (RSS 0.9x, 1.0 and 2.0, Atom 0.3 and 1.0; document type
 * declarations refused). A feed gives one {@link Item} per entry; {@link ArticleReader} turns items
 * into articles, fetching the item's page when the feed carries only a summary.
 */
public final class Feeds {
  private Feeds() {}

  /**
   * Fewer characters of text than this in an item's content (RSS {@code content:encoded}, Atom
   * {@code content}), or no content but a description or summary, make the item a summary: its
   * link is fetched and read as the article.
   */
  public static final int FULL_TEXT_MIN_CHARS = 500;

  /**
   * A feed as read.
   *
   * @param source where it was read from: the path as given, or the URL as given
   * @param retrieval for a feed fetched from the web, its final URL and fetch time; else {@code null}
   * @param title the feed's title, or an empty string
   * @param items the entries, in feed order
   */
  public record Feed(String source, Retrieval retrieval, String title, List<Item> items) {
    /** Copies the items. */
    public Feed {
      items = List.copyOf(items);
    }
  }

  /**
   * One feed entry.
   *
   * @param index 1-based position in the feed
   * @param title the entry's title, or an empty string
   * @param link the entry's link (absolute URL), or {@code null}
   * @param guid the RSS guid or Atom id, or {@code null}
   * @param date the entry's publication date (else its update date), as a UTC date, or {@code null}
   * @param authors author names, in feed order
   * @param html the entry's content as HTML ({@code content:encoded}, Atom {@code content}), else
   *     its description or summary, or an empty string
   * @param summaryOnly whether {@link #html} is only a summary ({@link #FULL_TEXT_MIN_CHARS})
   */
  public record Item(int index, String title, String link, String guid, LocalDate date, List<String> authors,
      String html, boolean summaryOnly) {
    /** Copies the authors. */
    public Item {
      authors = List.copyOf(authors);
    }
  }

  /**
   * Whether a body looks like a feed: a media type of RSS, Atom or XML, or (for any other type)
   * an {@code <rss}, {@code <feed} or {@code <rdf:RDF} root near the start.
   *
   * @param body the bytes
   * @param mediaType the media type without parameters, or an empty string
   */
  public static boolean looksLikeFeed(byte[] body, String mediaType) {
    String type = mediaType.toLowerCase(Locale.ROOT);
    if (type.contains("rss") || type.contains("atom")) {
      return true;
    }
    if (type.contains("html")) {
      return false;
    }
    String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
    // an XML declaration, processing instructions (xml-stylesheet), comments and a document type
    // may come before the root
    return head.matches("(?s)\\A(?:\\xEF\\xBB\\xBF)?\\s*(?:(?:<\\?[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>)\\s*)*"
        + "<(?:rss|feed|rdf:RDF)\\b.*");
  }

  /**
   * Parses a feed.
   *
   * @param xml the feed's bytes (the encoding is taken from the XML declaration, else UTF-8)
   * @param source where it was read from, for the {@link Feed}
   * @param retrieval its fetch, or {@code null} for a file
   * @throws BadInputException when the bytes are not an RSS or Atom feed ROME can read
   */
  static Feed parse(byte[] xml, String source, Retrieval retrieval) throws BadInputException {
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new XmlReader(new ByteArrayInputStream(xml), true, "UTF-8"));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new BadInputException("not an RSS or Atom feed that can be read (" + why + ")");
    }
    List<Item> items = new ArrayList<>();
    int index = 0;
    for (SyndEntry e : feed.getEntries()) {
      index++;
      String content = "";
      for (SyndContent c : e.getContents()) {
        if (c.getValue() != null && !c.getValue().isBlank()) {
          content = c.getValue();
          break;
        }
      }
      String description = e.getDescription() == null || e.getDescription().getValue() == null ? ""
          : e.getDescription().getValue();
      boolean summaryOnly = content.isEmpty() || textLength(content) < FULL_TEXT_MIN_CHARS;
      String html = content.isEmpty() ? description : content;
      List<String> authors = new ArrayList<>();
      for (SyndPerson p : e.getAuthors()) {
        if (p.getName() != null && !p.getName().isBlank()) {
          TextArticleParser.addNames(authors, PersonNames.splitNameList(p.getName().strip()));
        }
      }
      if (authors.isEmpty() && e.getAuthor() != null && !e.getAuthor().isBlank()) {
        TextArticleParser.addNames(authors, PersonNames.splitNameList(e.getAuthor().strip()));
      }
      Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      String link = e.getLink() == null || e.getLink().isBlank() ? null : e.getLink().strip();
      String guid = e.getUri() == null || e.getUri().isBlank() ? null : e.getUri().strip();
      items.add(new Item(index, e.getTitle() == null ? "" : Jsoup.parse(e.getTitle()).text().strip(), link, guid,
          when == null ? null : LocalDate.ofInstant(when.toInstant(), ZoneOffset.UTC), authors, html, summaryOnly));
    }
    return new Feed(source, retrieval, feed.getTitle() == null ? "" : feed.getTitle().strip(), items);
  }

  private static int textLength(String html) {
    return Jsoup.parse(html).text().strip().length();
  }
}
