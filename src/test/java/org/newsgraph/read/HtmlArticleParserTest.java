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
