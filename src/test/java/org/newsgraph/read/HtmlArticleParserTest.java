package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Article;
import org.newsgraph.model.Article.Credit;

class HtmlArticleParserTest {

  private static String resource(String name) throws Exception {
    try (InputStream in = HtmlArticleParserTest.class.getResourceAsStream("/read/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void metaTagsAndMainTextWithoutNoise() throws Exception {
    Article a = HtmlArticleParser.parse(resource("page-with-noise.html"), "page", "page.html", LocalDate.of(1999, 1, 1));

    assertEquals("Harbour Bridge Reopens After Repairs", a.title());
    assertEquals(List.of("Maria Lopez", "Tom Becker"), a.authors());
    assertEquals(LocalDate.of(2021, 3, 4), a.date());
    assertEquals("https://news.example.org/2021/03/harbour-bridge-reopens", a.url());
    assertEquals(List.of(new Credit("Reuters", "Loren Elliott", "REUTERS/Loren Elliott")), a.credits());
    assertEquals(
        "The Harbour Bridge reopened on Thursday after three months of repairs, the city council said."
            + "\n\nTraffic returns"
            + "\n\nCommuters queued from dawn to cross the span, which carries 160,000 vehicles a day."
            + "\n\n\"We are relieved,\" said driver Ann Poe."
            + "\n\nTolls are unchanged."
            + "\n\nCyclists use the west lane.",
        a.text());
    for (String noise : List.of("Home", "tracking", "ad slot", "Related", "Copyright", "Site header", "Cars cross")) {
      assertFalse(a.text().contains(noise), noise);
    }
  }

  @Test
  void fallbacksWithoutMetaTags() throws Exception {
    String html =
        "<html><head><title>Plain Page</title></head><body><main><h1>Heading</h1>"
            + "<p>Only paragraph.</p><time datetime=\"2022-02-03\">3 Feb</time></main></body></html>";
    Article a = HtmlArticleParser.parse(html, "p", "p.html", LocalDate.of(2000, 1, 1));
    assertEquals("Plain Page", a.title());
    assertEquals("Only paragraph.", a.text());
    assertEquals(LocalDate.of(2022, 2, 3), a.date());
    assertEquals(List.of(), a.authors());
  }

  @Test
  void titleFromH1AndDefaultDate() throws Exception {
    String html = "<body><h1>From The H1</h1><p>Text.</p><a rel=\"author\" href=\"/a\">Ann Poe</a></body>";
    Article a = HtmlArticleParser.parse(html, "p", "p.html", LocalDate.of(2000, 1, 1));
    assertEquals("From The H1", a.title());
    assertEquals(LocalDate.of(2000, 1, 1), a.date());
    assertEquals(List.of("Ann Poe"), a.authors());
  }

  /** "Related coverage" link lists inside the article are not body text; "By A and B" gives two authors. */
  @Test
  void relatedCoverageListsAreLeftOutAndABylineGivesItsAuthors() throws Exception {
    String html = "<html><head><title>Court Fines Acme</title></head><body><article>"
        + "<h1>Court Fines Acme</h1>"
        + "<p class=\"byline\">By Maria Lopez and Tom Becker</p>"
        + "<p>A court fined Acme Corp $2 million on Monday for misleading customers.</p>"
        + "<h3>Related coverage</h3>"
        + "<ul><li><a href=\"/a\">Acme shares fall after recall</a></li><li><a href=\"/b\">Regulator opens inquiry</a></li></ul>"
        + "<p>The company said it would appeal.</p>"
        + "<p><strong>Related:</strong> <a href=\"/c\">Who runs Acme</a></p>"
        + "<div class=\"related-stories\"><p><a href=\"/d\">More from the courts</a></p></div>"
        + "<p>Related cases are pending in two other states, the court said.</p>"
        + "</article></body></html>";
    Article a = HtmlArticleParser.parse(html, "p", "p.html", LocalDate.of(2000, 1, 1));
    assertEquals(List.of("Maria Lopez", "Tom Becker"), a.authors());
    assertEquals("A court fined Acme Corp $2 million on Monday for misleading customers."
        + "\n\nThe company said it would appeal."
        + "\n\nRelated cases are pending in two other states, the court said.", a.text());

    // a bare "By A and B" paragraph opening the story reads the same
    Article bare = HtmlArticleParser.parse("<article><p>By Jane Doe and John Roe</p><p>The storm hit at dawn.</p>"
        + "</article>", "q", "q.html", null);
    assertEquals(List.of("Jane Doe", "John Roe"), bare.authors());
    assertEquals("The storm hit at dawn.", bare.text());
  }

  @Test
  void aDateThatCannotBeReadIsAWarning() throws Exception {
    String html = "<html><head><meta property=\"article:published_time\" content=\"last Tuesday\"></head>"
        + "<body><p>Text.</p></body></html>";
    List<ReadProblem> warnings = new java.util.ArrayList<>();
    Article a = HtmlArticleParser.parse(html, "p", "p.html", LocalDate.of(2000, 1, 1), warnings::add);
    assertEquals(LocalDate.of(2000, 1, 1), a.date());
    assertEquals(List.of(new ReadProblem("p.html", "the page's date \"last Tuesday\" cannot be read as a date; built with"
        + " --date 2000-01-01")), warnings);
    List<ReadProblem> undated = new java.util.ArrayList<>();
    assertEquals(null, HtmlArticleParser.parse(html, "p", "p.html", null, undated::add).date());
    assertTrue(undated.get(0).reason().endsWith("built without a publication date"), undated.toString());
  }

  @Test
  void pageWithoutBodyTextIsRejected() {
    String html =
        "<html><head><title>Empty</title><script>var x = 1;</script></head>"
            + "<body><nav><a href=\"/\">Home</a></nav><script>render()</script></body></html>";
    BadInputException e =
        assertThrows(BadInputException.class, () -> HtmlArticleParser.parse(html, "e", "e.html", null));
    assertTrue(e.getMessage().contains("no body text"), e.getMessage());
  }
}
