package org.newsgraph.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.newsgraph.model.Article;
import org.newsgraph.model.Article.Retrieval;

/**
 * Web archives (WARC 1.0 and 1.1, plain or gzipped per record, as Common Crawl's news crawl and
 * wget's {@code --warc-file} write them), read with jwarc. Each {@code response} record of an HTTP
 * 200 response whose payload is HTML is one article, read as a web page ({@link
 * HtmlArticleParser}); its date is the page's own (meta tags, JSON-LD), else the record's {@code
 * WARC-Date}, else the default date. Its provenance is the record's {@code WARC-Target-URI} and
 * {@code WARC-Date}. Other records (requests, metadata, redirects, images, ...) are passed over.
 */
final class WarcArticleParser {
  private WarcArticleParser() {}

  /** The largest HTML payload read from one record; larger ones are reported and skipped. */
  static final long MAX_PAYLOAD_BYTES = 10L << 20;

  /**
   * Reads every HTML response of a WARC file.
   *
   * @param file the file ({@code .warc} or {@code .warc.gz})
   * @param source the file's path as given; each article's source is {@code source#OFFSET} (the
   *     record's byte offset in the file, as CDX indexes give it)
   * @param defaultDate the date for pages that state none and records without a date; may be {@code null}
   * @param problems receives one problem per HTML record skipped
   * @param warnings receives a warning for a page whose date cannot be read in a record without a
   *     {@code WARC-Date} (the article is then dated by {@code defaultDate}, or undated)
   * @return the articles, in file order; ids come from the target URL ({@link ArticleReader#idForUrl})
   * @throws BadInputException when the file is not a WARC file, or has no HTML response at all
   * @throws IOException when reading fails
   */
  static List<Article> parse(Path file, String source, LocalDate defaultDate, Consumer<ReadProblem> problems,
      Consumer<ReadProblem> warnings) throws BadInputException, IOException {
    List<Article> articles = new ArrayList<>();
    int records = 0;
    int html = 0;
    try (WarcReader reader = new WarcReader(file)) {
      reader.setLenient(true);
      while (true) {
        WarcRecord record;
        try {
          record = reader.next().orElse(null);
        } catch (IOException | IllegalArgumentException e) {
          if (records == 0) {
            throw new BadInputException("not a WARC file (" + e.getMessage() + "); give a .warc or .warc.gz web archive");
          }
          problems.accept(new ReadProblem(source, "the archive is damaged after record " + records + " (" + e.getMessage()
              + "); the records before it were read"));
          break;
        }
        if (record == null) {
          break;
        }
        records++;
        if (!(record instanceof WarcResponse response)) {
          continue;
        }
        String recordSource = source + "#" + record.position();
        HttpResponse http;
        try {
          if (!response.contentType().base().equals(MediaType.HTTP)) {
            continue;
          }
          http = response.http();
        } catch (IOException | IllegalArgumentException e) {
          continue; // not an HTTP response record
        }
        if (http.status() != 200 || !isHtml(http.contentType().base())) {
          continue;
        }
        html++;
        String url = response.target();
        try {
          byte[] body;
          try (InputStream in = http.bodyDecoded().stream()) {
            body = in.readNBytes((int) MAX_PAYLOAD_BYTES + 1);
          }
          if (body.length > MAX_PAYLOAD_BYTES) {
            throw new BadInputException("the page is larger than " + MAX_PAYLOAD_BYTES + " bytes; skipped");
          }
          String contentType = http.headers().first("Content-Type").orElse(null);
          String text = new PageFetcher.Page(response.targetURI(), response.targetURI(), contentType, body,
              record.date()).text();
          LocalDate warcDate = record.date() == null ? null : LocalDate.ofInstant(record.date(), ZoneOffset.UTC);
          Article page = HtmlArticleParser.parse(text, ArticleReader.idForUrl(url), recordSource,
              warcDate != null ? warcDate : defaultDate, warcDate != null ? w -> { } : warnings);
          articles.add(new Article(page.id(), page.title(), page.text(), page.date(),
              page.url() != null ? page.url() : url, page.authors(), page.credits(), recordSource,
              record.date() == null ? null : new Retrieval(response.targetURI().toASCIIString(), record.date())));
        } catch (BadInputException e) {
          problems.accept(new ReadProblem(recordSource + " (" + url + ")", e.getMessage()));
        } catch (IOException | RuntimeException e) {
          problems.accept(new ReadProblem(recordSource + " (" + url + ")", "the record could not be read (" + e + ")"));
        }
      }
    }
    if (records == 0) {
      throw new BadInputException("the file holds no WARC record; give a .warc or .warc.gz web archive");
    }
    if (html == 0) {
      throw new BadInputException("none of its " + records + " record(s) is an HTML page (a response record with HTTP"
          + " 200 and Content-Type text/html); nothing to read");
    }
    return articles;
  }

  private static boolean isHtml(MediaType type) {
    String t = type.toString().toLowerCase(Locale.ROOT);
    return t.equals("text/html") || t.equals("application/xhtml+xml");
  }
}
