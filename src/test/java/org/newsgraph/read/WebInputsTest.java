package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.newsgraph.model.Article;

/**
 * The inputs beyond files of text: RSS and Atom feeds (files and URLs), pages fetched from a web
 * server on the loopback address, WARC files (plain and gzipped) and CSV, as the tests write them;
 * with the dates, ids, URLs and provenance each gives.
 */
class WebInputsTest {
  static final LocalDate DEFAULT = LocalDate.of(2001, 1, 1);
  static final String BODY = "Jane Roe, the founder of Acme Corp, was charged with fraud in Paris on Monday. "
      + "Prosecutors said she misled investors for years. ".repeat(12);

  @TempDir Path dir;
  LocalWeb web;
  ArticleReader reader;
  final List<ReadProblem> problems = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    web = new LocalWeb();
    reader = new ArticleReader(DEFAULT, CsvColumns.DEFAULT, new PageFetcher(PageFetcher.Options.defaults()
        .withTimeout(Duration.ofSeconds(5)).withPerHostDelay(Duration.ZERO)));
  }

  @AfterEach
  void stop() {
    web.close();
  }

  static String page(String title, String head, String body) {
    return "<!DOCTYPE html><html><head><title>" + title + "</title>" + head + "</head><body><nav>Menu</nav><article><h1>"
        + title + "</h1>" + body + "</article></body></html>";
  }

  static String paragraphs(String text) {
    StringBuilder b = new StringBuilder();
    for (String s : text.split("(?<=\\.) ")) {
      b.append("<p>").append(s).append("</p>");
    }
    return b.toString();
  }

  List<Article> read(String... inputs) throws InterruptedException {
    return reader.readInputs(List.of(inputs), problems::add);
  }

  @Test
  void anRssFeedWithFullTextIsReadFromTheFeedWithItemDatesAndLinks() throws Exception {
    Path feed = dir.resolve("news.rss");
    Files.writeString(feed, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Example News</title><link>https://news.example/</link><description>News</description>
        <item><title>Acme founder charged</title><link>https://news.example/2024/03/acme-founder-charged</link>
          <guid>https://news.example/?p=1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
          <dc:creator>Sam Writer</dc:creator><description>A short summary.</description>
          <content:encoded><![CDATA[%s]]></content:encoded></item>
        <item><title>No date here</title><guid isPermaLink="false">item-2</guid>
          <content:encoded><![CDATA[%s]]></content:encoded></item>
        </channel></rss>
        """.formatted(paragraphs(BODY), paragraphs(BODY)));
    List<Article> articles = read(feed.toString());
    assertEquals(List.of(), problems);
    assertEquals(2, articles.size());
    Article a = articles.get(0);
    assertEquals("news.example-2024-03-acme-founder-charged", a.id());
    assertEquals("Acme founder charged", a.title());
    assertEquals(LocalDate.of(2024, 3, 5), a.date(), "the item's date");
    assertEquals("https://news.example/2024/03/acme-founder-charged", a.url());
    assertEquals(List.of("Sam Writer"), a.authors());
    assertTrue(a.text().startsWith("Jane Roe, the founder of Acme Corp, was charged with fraud in Paris on Monday."), a.text());
    assertEquals(feed + "#1", a.source());
    assertNull(a.retrieval(), "a feed file on disk was not fetched");
    assertEquals(0, web.requests.size(), "full text in the feed: nothing fetched");
    assertEquals("item-2", articles.get(1).id(), "no link: the guid");
    assertEquals(DEFAULT, articles.get(1).date(), "no item date: the default");
  }

  @Test
  void anAtomFeedWithSummariesHasItsItemPagesFetchedAndDatedByTheItem() throws Exception {
    web.html("/story-1", page("Story one | Example", "<link rel=\"canonical\" href=\"https://news.example/story-1\">"
        + "<meta property=\"article:published_time\" content=\"2024-02-01T08:00:00Z\">", paragraphs(BODY)));
    web.at("/s2", LocalWeb.Answer.redirect(301, "/story-2"));
    web.html("/story-2", page("Story two", "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\","
        + " \"@graph\": [{\"@type\": \"WebPage\", \"datePublished\": \"1999-01-01\"}, {\"@type\": \"NewsArticle\","
        + " \"headline\": \"Story two\", \"datePublished\": \"2024-02-02T09:00:00-05:00\"}]}</script>", paragraphs(BODY)));
    web.at("/feed.atom", LocalWeb.Answer.page("application/atom+xml", """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title><id>urn:example</id>
        <updated>2024-03-06T00:00:00Z</updated>
        <entry><title>Story one</title><id>urn:1</id><link href="%s"/><published>2024-03-06T12:00:00Z</published>
          <updated>2024-03-07T00:00:00Z</updated><summary>Only a teaser.</summary><author><name>Ann Author</name></author></entry>
        <entry><title>Story two</title><id>urn:2</id><link href="%s"/><updated>2024-03-08T00:00:00Z</updated>
          <summary>Another teaser.</summary></entry>
        <entry><title>Gone</title><id>urn:3</id><link href="%s"/><summary>Missing page.</summary></entry>
        </feed>
        """.formatted(web.url("/story-1"), web.url("/s2"), web.url("/gone"))));
    Instant before = Instant.now();
    List<Article> articles = read(web.url("/feed.atom"));
    assertEquals(2, articles.size(), problems.toString());
    Article one = articles.get(0);
    assertEquals("127.0.0.1-" + web.url("/story-1").replaceAll(".*:(\\d+)/.*", "$1") + "-story-1", one.id());
    assertEquals("Story one", one.title(), "the item's title");
    assertEquals(LocalDate.of(2024, 3, 6), one.date(), "the item's date comes before the page's");
    assertEquals("https://news.example/story-1", one.url(), "the page's canonical URL");
    assertEquals(List.of("Ann Author"), one.authors());
    assertTrue(one.text().startsWith("Jane Roe") && !one.text().contains("Menu"), one.text());
    assertEquals(web.url("/story-1"), one.retrieval().url());
    assertTrue(!one.retrieval().at().isBefore(before.minusSeconds(1)));
    Article two = articles.get(1);
    assertEquals(LocalDate.of(2024, 3, 8), two.date(), "an updated date when the item has no published date");
    assertEquals(web.url("/story-2"), two.retrieval().url(), "the final URL after the redirect");
    assertEquals(web.url("/story-2"), two.url(), "no canonical link: the final URL");
    assertEquals(web.url("/s2"), two.source(), "the link as given");
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).source().startsWith(web.url("/feed.atom") + "#3"), problems.toString());
    assertTrue(problems.get(0).reason().contains("cannot be fetched: HTTP 404"), problems.toString());
  }

  @Test
  void aPageUrlTakesItsDateFromMetadataBeforeTheDefault() throws Exception {
    web.html("/jsonld", page("JSON-LD dated", "<script type=\"application/ld+json\">[{\"@type\": [\"ReportageNewsArticle\"],"
        + " \"datePublished\": \"2023-11-30\"}]</script><script type=\"application/ld+json\">{broken</script>", paragraphs(BODY)));
    web.html("/meta", page("Meta dated", "<meta property=\"article:published_time\" content=\"2022-05-06T23:30:00-04:00\">"
        + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2020-01-01\"}</script>",
        paragraphs(BODY)));
    web.html("/undated", page("Undated", "", paragraphs(BODY)));
    web.at("/image.png", new LocalWeb.Answer(200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Map.of(), 0));
    List<Article> articles = read(web.url("/jsonld"), web.url("/meta"), web.url("/undated"), web.url("/image.png"),
        "ftp://127.0.0.1/a");
    assertEquals(List.of(LocalDate.of(2023, 11, 30), LocalDate.of(2022, 5, 6), DEFAULT),
        articles.stream().map(Article::date).toList(), "JSON-LD; article:published_time before JSON-LD; --date");
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).reason().contains("not an HTML page or a feed (Content-Type: image/png)"), problems.toString());
    assertTrue(problems.get(1).reason().contains("only http and https"), problems.toString());
  }

  @Test
  void aWarcFileGivesOneArticlePerHtmlResponsePlainOrGzipped() throws Exception {
    for (WarcCompression compression : List.of(WarcCompression.NONE, WarcCompression.GZIP)) {
      Path warc = dir.resolve(compression == WarcCompression.GZIP ? "crawl.warc.gz" : "crawl.warc");
      try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING); WarcWriter w = new WarcWriter(ch, compression)) {
        w.write(new WarcRequest.Builder("https://news.example/a").date(Instant.parse("2024-04-01T10:00:00Z"))
            .body(new HttpRequest.Builder("GET", "/a").build()).build());
        response(w, "https://news.example/a", "2024-04-01T10:00:01.5Z", 200, "text/html; charset=utf-8",
            page("Dated by the page", "<meta property=\"article:published_time\" content=\"2024-03-30\">", paragraphs(BODY)));
        response(w, "https://news.example/b?id=2", "2024-04-02T11:00:00Z", 200, "text/html",
            page("Dated by the WARC record", "", paragraphs(BODY)));
        response(w, "https://news.example/logo.png", "2024-04-02T11:00:01Z", 200, "image/png", "PNG");
        response(w, "https://news.example/old", "2024-04-02T11:00:02Z", 301, "text/html", "<p>moved</p>");
        response(w, "https://news.example/empty", "2024-04-02T11:00:03Z", 200, "text/html", "<html><head></head></html>");
      }
      problems.clear();
      List<Article> articles = read(warc.toString());
      assertEquals(2, articles.size(), compression + ": " + problems);
      Article a = articles.get(0);
      assertEquals("news.example-a", a.id());
      assertEquals(LocalDate.of(2024, 3, 30), a.date(), "the page's date first");
      assertEquals(new Article.Retrieval("https://news.example/a", Instant.parse("2024-04-01T10:00:01Z")), a.retrieval(),
          "the WARC-Date (whole seconds in WARC 1.0)");
      assertTrue(a.source().startsWith(warc + "#"), a.source());
      assertEquals("https://news.example/a", a.url());
      Article b = articles.get(1);
      assertEquals("news.example-b-id-2", b.id());
      assertEquals(LocalDate.of(2024, 4, 2), b.date(), "the WARC-Date when the page has none");
      assertEquals(1, problems.size(), "the empty page is reported; the image, the request and the redirect are passed over");
      assertTrue(problems.get(0).source().contains("https://news.example/empty") && problems.get(0).reason().contains("no body text"),
          problems.toString());
    }
    Path notWarc = dir.resolve("fake.warc");
    Files.writeString(notWarc, "hello, this is not an archive\n");
    problems.clear();
    assertEquals(List.of(), read(notWarc.toString()));
    assertTrue(problems.get(0).reason().contains("WARC"), problems.toString());
  }

  @Test
  void aPageDateThatCannotBeReadIsAWarningOnlyWhenNothingElseDatesTheArticle() throws Exception {
    String badDate = "<meta property=\"article:published_time\" content=\"sometime in spring\">";
    web.html("/bad-date", page("Bad date", badDate, paragraphs(BODY)));
    web.html("/item-page", page("Item page", badDate, paragraphs(BODY)));
    web.at("/feed.xml", LocalWeb.Answer.page("application/rss+xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Example</title><link>https://news.example/</link><description>News</description>
        <item><title>Summary only</title><link>%s</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
          <description>A teaser.</description></item>
        <item><title>Full text with a byline</title><guid isPermaLink="false">full-1</guid>
          <content:encoded><![CDATA[<p>By Jane Doe and John Roe</p>%s]]></content:encoded></item>
        </channel></rss>
        """.formatted(web.url("/item-page"), paragraphs(BODY))));
    Path warc = dir.resolve("dated.warc");
    try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        WarcWriter w = new WarcWriter(ch, WarcCompression.NONE)) {
      response(w, "https://news.example/w", "2024-04-02T11:00:00Z", 200, "text/html", page("In a WARC", badDate,
          paragraphs(BODY)));
    }
    List<ReadProblem> warnings = new ArrayList<>();
    List<Article> articles = reader.readInputs(List.of(web.url("/bad-date"), web.url("/feed.xml"), warc.toString()),
        problems::add, warnings::add);
    assertEquals(List.of(), problems);
    assertEquals(4, articles.size());
    assertEquals(List.of(DEFAULT, LocalDate.of(2024, 3, 5), DEFAULT, LocalDate.of(2024, 4, 2)),
        articles.stream().map(Article::date).toList(), "--date; the item's date; --date (no date anywhere); the WARC-Date");
    assertEquals(1, warnings.size(), "only the page dated by nothing else: " + warnings);
    assertEquals(web.url("/bad-date"), warnings.get(0).source());
    assertTrue(warnings.get(0).reason().contains("\"sometime in spring\" cannot be read as a date; built with --date 2001-01-01"),
        warnings.toString());
    Article full = articles.get(2);
    assertEquals(List.of("Jane Doe", "John Roe"), full.authors(), "the byline of an item without an author of its own");
    assertTrue(full.text().startsWith("Jane Roe, the founder") && !full.text().contains("By Jane Doe"), full.text());
  }

  static void response(WarcWriter w, String url, String date, int status, String type, String body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Moved")
        .body(MediaType.parse(type), body.getBytes(StandardCharsets.UTF_8)).build();
    w.write(new WarcResponse.Builder(url).date(Instant.parse(date)).body(http).build());
  }

  @Test
  void csvRowsAreArticlesWithDefaultOrMappedColumns() throws Exception {
    Path csv = dir.resolve("stories.csv");
    Files.writeString(csv, "id,title,text,date,url,authors,extra\n"
        + "s1,First,\"" + BODY.replace("Acme Corp", "\"\"Acme Corp\"\"") + "\",2024-01-02,https://news.example/s1,Jane Doe and John Roe,x\n"
        + ",Second,\"Line one.\nLine two, with a comma.\",\"March 4, 2024\",,,\n"
        + "s3,Third,,2024-01-02,,,\n"
        + "s4,Fourth,Some text.,not a date,,,\n");
    List<ReadProblem> warnings = new ArrayList<>();
    List<Article> articles = reader.readInputs(List.of(csv.toString()), problems::add, warnings::add);
    assertEquals(3, articles.size(), problems.toString());
    Article first = articles.get(0);
    assertEquals("s1", first.id());
    assertTrue(first.text().contains("the founder of \"Acme Corp\", was charged"), first.text());
    assertEquals(LocalDate.of(2024, 1, 2), first.date());
    assertEquals("https://news.example/s1", first.url());
    assertEquals(List.of("Jane Doe", "John Roe"), first.authors());
    assertEquals(csv + ":2", first.source(), "row 2 of the file (the header is row 1)");
    Article second = articles.get(1);
    assertEquals("stories-3", second.id(), "no id: the file name and row");
    assertEquals("Line one.\nLine two, with a comma.", second.text());
    assertEquals(LocalDate.of(2024, 3, 4), second.date());
    assertEquals(List.of(csv + ":4"), problems.stream().map(ReadProblem::source).toList(),
        "row 4 (row 3 spans two lines: rows are counted, not lines)");
    assertTrue(problems.get(0).reason().contains("'text' field is empty"));
    Article undated = articles.get(2);
    assertEquals(List.of("s4", "Some text."), List.of(undated.id(), undated.text()));
    assertEquals(DEFAULT, undated.date(), "a date that cannot be read: built with --date, not dropped");
    assertEquals(List.of(csv + ":5"), warnings.stream().map(ReadProblem::source).toList());
    assertTrue(warnings.get(0).reason().contains("'not a date' cannot be read")
        && warnings.get(0).reason().contains("built with --date 2001-01-01"), warnings.toString());

    Path other = dir.resolve("export.csv");
    Files.writeString(other, "story_id,headline,body,published\nx9,Mapped,Body text here.,2024-06-07\n");
    problems.clear();
    List<Article> none = read(other.toString());
    assertEquals(List.of(), none);
    assertTrue(problems.get(0).reason().contains("no 'text' column (it has: story_id, headline, body, published)")
        && problems.get(0).reason().contains("--csv-columns text=COLUMN"), problems.toString());
    problems.clear();
    ArticleReader mapped = new ArticleReader(DEFAULT, CsvColumns.parse("text=body, title=headline,date=published,id=story_id"), null);
    Article m = mapped.readInputs(List.of(other.toString()), problems::add).get(0);
    assertEquals(List.of("x9", "Mapped", "Body text here.", LocalDate.of(2024, 6, 7)), List.of(m.id(), m.title(), m.text(), m.date()));
  }

  @Test
  void feedsAreToldFromPagesByTypeOrByTheirRoot() {
    byte[] styled = ("<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"/rss.xsl\"?>\n<!-- feed -->\n"
        + "<rss version=\"2.0\"><channel/></rss>").getBytes(StandardCharsets.UTF_8);
    assertTrue(Feeds.looksLikeFeed(styled, "text/xml"));
    assertTrue(Feeds.looksLikeFeed(styled, ""));
    assertTrue(Feeds.looksLikeFeed("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>".getBytes(StandardCharsets.UTF_8), "application/xml"));
    assertTrue(Feeds.looksLikeFeed("anything".getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
    assertTrue(!Feeds.looksLikeFeed("<!DOCTYPE html><html><body><rss/></body></html>".getBytes(StandardCharsets.UTF_8), ""));
    assertTrue(!Feeds.looksLikeFeed(styled, "text/html"));
  }

  @Test
  void aFeedWithADocumentTypeDeclarationIsRefusedSoNoEntityIsRead() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP SECRET");
    Path feed = dir.resolve("evil.rss");
    Files.writeString(feed, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
        + "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link><description>d</description>"
        + "<item><title>&x;</title><link>https://x.example/a</link><description>&x;</description></item></channel></rss>");
    assertEquals(List.of(), read(feed.toString()));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).reason().startsWith("not an RSS or Atom feed that can be read"), problems.toString());
    assertTrue(!problems.toString().contains("TOP SECRET"));
    assertEquals(0, web.requests.size());
  }

  @Test
  void foldersTakeTheNewFileTypesAndIdsFromUrlsStayShortAndDistinct() throws Exception {
    Path folder = dir.resolve("in");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("a.csv"), "id,text\nc1,Some text here.\n");
    Files.writeString(folder.resolve("notes.xml"), "<notes/>");
    assertEquals(List.of("c1"), read(folder.toString()).stream().map(Article::id).toList());
    assertEquals(List.of(), problems, ".xml is read only when named");
    assertEquals("example.com-news-2024-a-b-id-3", ArticleReader.idForUrl("https://www.example.com/news/2024/a-b?id=3#top"));
    String long1 = ArticleReader.idForUrl("https://example.com/" + "x".repeat(100) + "/1");
    String long2 = ArticleReader.idForUrl("https://example.com/" + "x".repeat(100) + "/2");
    assertEquals(80, long1.length());
    assertTrue(!long1.equals(long2), long1);
  }
}
