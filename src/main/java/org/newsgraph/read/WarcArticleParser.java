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
    try (ArticleCursor c = cursor(file, source, defaultDate, problems, warnings)) {
      for (Article a = c.next(); a != null; a = c.next()) {
        articles.add(a);
      }
    }
    return articles;
  }

  /**
   * As {@link #parse}, one record at a time: the cursor reads the archive as far as the next HTML
   * response. Its {@link ArticleCursor#next()} throws what {@link #parse} throws, at the point the
   * archive shows it (not a WARC file at the first record; no HTML page at the end).
   *
   * @throws IOException when the file cannot be opened
   */
  static ArticleCursor cursor(Path file, String source, LocalDate defaultDate, Consumer<ReadProblem> problems,
      Consumer<ReadProblem> warnings) throws IOException {
    WarcReader reader = new WarcReader(file);
    reader.setLenient(true);
    return new ArticleCursor() {
      int records;
      int html;
      boolean ended;

      @Override
      public Article next() throws BadInputException {
        while (!ended) {
          WarcRecord record;
          try {
            record = reader.next().orElse(null);
          } catch (IOException | IllegalArgumentException e) {
            if (records == 0) {
              throw new BadInputException("not a WARC file (" + e.getMessage() + "); give a .warc or .warc.gz web archive");
            }
            problems.accept(new ReadProblem(source, "the archive is damaged after record " + records + " ("
                + e.getMessage() + "); the records before it were read"));
            ended = true;
            break;
          }
          if (record == null) {
            ended = true;
            break;
          }
          records++;
          Article a = article(record);
          if (a != null) {
            return a;
          }
        }
        if (records == 0) {
          records = -1; // said once
          throw new BadInputException("the file holds no WARC record; give a .warc or .warc.gz web archive");
        }
        if (html == 0 && records > 0) {
          html = -1; // said once
          throw new BadInputException("none of its " + records + " record(s) is an HTML page (a response record with"
              + " HTTP 200 and Content-Type text/html); nothing to read");
        }
        return null;
      }

      /** The article of one record, or {@code null} when it is none (reported when it is a bad page). */
      private Article article(WarcRecord record) {
        if (!(record instanceof WarcResponse response)) {
          return null;
        }
        String recordSource = source + "#" + record.position();
        HttpResponse http;
        try {
          if (!response.contentType().base().equals(MediaType.HTTP)) {
            return null;
          }
          http = response.http();
        } catch (IOException | IllegalArgumentException e) {
          return null; // not an HTTP response record
        }
        if (http.status() != 200 || !isHtml(http.contentType().base())) {
          return null;
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
          return new Article(page.id(), page.title(), page.text(), page.date(),
              page.url() != null ? page.url() : url, page.authors(), page.credits(), recordSource,
              record.date() == null ? null : new Retrieval(response.targetURI().toASCIIString(), record.date()));
        } catch (BadInputException e) {
          problems.accept(new ReadProblem(recordSource + " (" + url + ")", e.getMessage()));
        } catch (IOException | RuntimeException e) {
          problems.accept(new ReadProblem(recordSource + " (" + url + ")", "the record could not be read (" + e + ")"));
        }
        return null;
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

  private static boolean isHtml(MediaType type) {
    String t = type.toString().toLowerCase(Locale.ROOT);
    return t.equals("text/html") || t.equals("application/xhtml+xml");
  }
}
