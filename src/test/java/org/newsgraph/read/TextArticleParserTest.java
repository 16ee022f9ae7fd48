package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Article;
import org.newsgraph.model.Article.Credit;

class TextArticleParserTest {
  private static final LocalDate DEFAULT = LocalDate.of(2020, 12, 18);

  private static Article parse(String text) throws BadInputException {
    return TextArticleParser.parse(text, "t", "t.txt", DEFAULT);
  }

  @Test
  void seedArticle() throws Exception {
    String seed = Files.readString(Path.of("seeds/zoom-tiananmen-2020.txt"), StandardCharsets.UTF_8);
    Article a = TextArticleParser.parse(seed, "zoom-tiananmen-2020", "seeds/zoom-tiananmen-2020.txt", DEFAULT);

    assertEquals(
        "China-Based Zoom Executive Charged With Disrupting Meetings About Tiananmen Square Massacre",
        a.title());
    assertEquals(List.of("Cathy He", "Eva Fu"), a.authors());
    assertEquals(
        List.of(new Credit("Reuters", "Dado Ruvic", "REUTERS/Dado Ruvic/Illustration")), a.credits());
    assertTrue(a.text().startsWith("U.S. prosecutors have charged a China-based executive of Zoom"));
    assertTrue(a.text().endsWith("She joined The Epoch Times in February 2018. Contact Cathy at [email\u00a0protected]."));
    assertFalse(a.text().contains("Small toy figures"));
    assertFalse(a.text().contains("REUTERS/"));
    assertFalse(a.text().contains("Tiananmen Square Massacre\n"), "title repeat left in body");
    assertEquals(DEFAULT, a.date());
    assertNull(a.url());
    assertEquals("zoom-tiananmen-2020", a.id());
    assertEquals("seeds/zoom-tiananmen-2020.txt", a.source());
    // body is kept as written: paragraph breaks and the section headings are still there
    assertTrue(a.text().contains("a statement.\n\nCooperating With Chinese Authorities\n\nJin was"));
    assertEquals(seed.substring(seed.indexOf("U.S. prosecutors")).strip(), a.text());
  }

  /**
   * A story whose first line is its first sentence, with the next one right under it (no headline):
   * the sentence stays in the body, with a warning, and the article has no title.
   */
  @Test
  void aFirstLineThatIsTheStorysFirstSentenceIsKeptInTheBody() throws Exception {
    String text = "Police in Lyon arrested two men on Tuesday after a jewellery shop was robbed in the city centre.\n"
        + "The men, aged 23 and 31, were charged with armed robbery, prosecutors said.\n";
    List<ReadProblem> warnings = new java.util.ArrayList<>();
    Article a = TextArticleParser.parse(text, "t", "t.txt", DEFAULT, warnings::add);
    assertEquals("", a.title());
    assertEquals(text.strip(), a.text());
    assertEquals(List.of(new ReadProblem("t.txt", "line 1 reads as the story's first sentence (a long line ending in a"
        + " full stop, with text right under it), so it is kept in the body and the article has no title; put the"
        + " headline on line 1 and a blank line under it to give one")), warnings);

    // headlines stay titles: short, no full stop, a blank line under it, or ending in an abbreviation
    for (String headline : List.of("Two Men Arrested After Lyon Jewellery Robbery\nThe men were charged.",
        "Police in Lyon arrested two men on Tuesday after a jewellery shop was robbed in the city centre.\n\nBody.",
        "Court Orders Company To Pay Back Millions It Took From Customers Across The U.S.\nThe court said.",
        "Two men held.\nThe men were charged.")) {
      List<ReadProblem> none = new java.util.ArrayList<>();
      Article h = TextArticleParser.parse(headline, "t", "t.txt", DEFAULT, none::add);
      assertEquals(headline.substring(0, headline.indexOf('\n')), h.title(), headline);
      assertEquals(List.of(), none, headline);
    }
  }

  @Test
  void byLineWithAndGivesAuthorsInOrder() throws Exception {
    Article a =
        parse("Storm Hits Coast\n\nBy Jane Doe and John Roe\n\nA storm hit the coast on Monday, officials said.\n");
    assertEquals("Storm Hits Coast", a.title());
    assertEquals(List.of("Jane Doe", "John Roe"), a.authors());
    assertEquals("A storm hit the coast on Monday, officials said.", a.text());
  }

  @Test
  void byLineWithCommasRolesAndDate() throws Exception {
    Article a =
        parse(
            "Storm Hits Coast\nBy Jane Doe, John C. Roe, Staff Writer | Published: March 2, 2021\n"
                + "The storm arrived early.\n");
    assertEquals(List.of("Jane Doe", "John C. Roe"), a.authors());
    assertEquals(LocalDate.of(2021, 3, 2), a.date());
    assertEquals("The storm arrived early.", a.text());
  }

  @Test
  void dateLinesGiveTheDateAndDefaultOnlyAppliesWithoutOne() throws Exception {
    Article published =
        parse("T\nJane Doe\nUpdated: December 20, 2020 | Published: Dec. 18, 2020 10:05 AM ET\nBody text.");
    assertEquals(LocalDate.of(2020, 12, 18), published.date());
    assertEquals(List.of("Jane Doe"), published.authors());

    Article iso = parse("T\n2019-07-01\nBody text.");
    assertEquals(LocalDate.of(2019, 7, 1), iso.date());

    Article none = TextArticleParser.parse("T\nBody text.", "t", "t.txt", null);
    assertNull(none.date());
  }

  @Test
  void capitalisedBylineReadingTimeAndPlaces() throws Exception {
    Article wire =
        parse("Exclusive: Plans Revealed\n\nBy YEW LUN TIAN and TONY MUNROE\n\n4 minute read\n\nBEIJING (Reuters) - Body.");
    assertEquals(List.of("Yew Lun Tian", "Tony Munroe"), wire.authors());
    // the wire dateline is metadata, left out of the body
    assertEquals("Body.", wire.text());

    Article placed =
        parse("Taiwan Votes\nHelen Davidson in Taipei and Vincent Ni\nSat 11 Jan 2020 08.00 GMT\nVoters queued early.");
    assertEquals(List.of("Helen Davidson", "Vincent Ni"), placed.authors());
    assertEquals(LocalDate.of(2020, 1, 11), placed.date());
    assertEquals("Voters queued early.", placed.text());
  }

  @Test
  void sentenceStartingWithByIsBody() throws Exception {
    Article a = parse("Title\nBy the time police arrived, the crowd had left.\nMore text.");
    assertEquals(List.of(), a.authors());
    assertEquals("By the time police arrived, the crowd had left.\nMore text.", a.text());
  }

  @Test
  void headingsThatLookLikeNamesStayInBody() throws Exception {
    Article breaking = parse("Title\nBreaking News\nThe body.");
    assertEquals(List.of(), breaking.authors());
    assertTrue(breaking.text().startsWith("Breaking News\n"));

    Article heading =
        parse("Title\nHolding Companies Accountable\nLawmakers want to keep holding the companies accountable.");
    assertEquals(List.of(), heading.authors());
    assertTrue(heading.text().startsWith("Holding Companies Accountable\n"));
  }

  @Test
  void creditOnlyLineAndPhotoPrefix() throws Exception {
    Article a = parse("Title\nPhoto: John Smith/AFP\nAP Photo/Jane Doe\nLudwig van Beethoven\nBody starts.");
    assertEquals(
        List.of(
            new Credit("AFP", "John Smith", "Photo: John Smith/AFP"),
            new Credit("AP", "Jane Doe", "AP Photo/Jane Doe")),
        a.credits());
    assertEquals(List.of("Ludwig van Beethoven"), a.authors());
    assertEquals("Body starts.", a.text());
  }

  @Test
  void bomCrLfAndSurroundingBlankLines() throws Exception {
    Article a = parse("\uFEFF\r\n\r\nTitle\r\nBy Ann Poe\r\n\r\nFirst paragraph.\r\n\r\nSecond.\r\n\r\n\r\n");
    assertEquals("Title", a.title());
    assertEquals(List.of("Ann Poe"), a.authors());
    assertEquals("First paragraph.\n\nSecond.", a.text());
  }

  @Test
  void blankOrTitleOnlyIsRejected() {
    BadInputException blank = assertThrows(BadInputException.class, () -> parse(" \n\t\n"));
    assertTrue(blank.getMessage().contains("empty"), blank.getMessage());
    BadInputException titleOnly = assertThrows(BadInputException.class, () -> parse("Just A Title\nBy Jane Doe\n"));
    assertTrue(titleOnly.getMessage().contains("no article text"), titleOnly.getMessage());
  }

  @Test
  void aWireDatelineIsMetadataNotBody() throws Exception {
    Article a = TextArticleParser.parse("Minister resigns\n\nNAIROBI (Reuters) - Kenya's health minister resigned on Monday.\n",
        "x", "x.txt", null);
    assertEquals("Kenya's health minister resigned on Monday.", a.text());
    Article b = TextArticleParser.parse("Talks\n\nWASHINGTON, March 3 (AP) \u2014 Talks resumed.\n", "y", "y.txt", null);
    assertEquals("Talks resumed.", b.text());
    Article c = TextArticleParser.parse("Plain\n\nU.S. prosecutors have charged a man.\n", "z", "z.txt", null);
    assertEquals("U.S. prosecutors have charged a man.", c.text());
  }
}
