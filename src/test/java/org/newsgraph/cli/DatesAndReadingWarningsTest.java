package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code build} and {@code extract} say about dates and text they read with a caveat (issue
 * 14, items 6 and 7), as a user sees it. No CoreNLP: {@code --max-chars 1} refuses every article
 * after it was read, before any model loads, so only the reading and its warnings run.
 */
class DatesAndReadingWarningsTest {
  @TempDir Path dir;

  static List<String> lines(String s, String containing) {
    return s.lines().filter(l -> l.contains(containing)).toList();
  }

  @Test
  void everyArticleWithoutAPublicationDateIsWarnedAboutOnce() {
    // 12 of the 24 benchmark texts have no date line
    CliRun r = CliRun.run("extract", "--max-chars", "1", "bench/corpus", "-o", dir.resolve("out.ttl").toString());
    List<String> dateless = lines(r.err(), ": no publication date;");
    assertEquals(12, dateless.size(), r.err());
    assertEquals(12, dateless.stream().distinct().count());
    assertTrue(dateless.contains("bench/corpus/state-blinken-le-drian-call.txt: no publication date; relative dates"
        + " (\"on Monday\", \"in May\", \"last year\") stay unresolved and their events get no time; give --date"
        + " YYYY-MM-DD"), r.err());
    assertTrue(dateless.stream().noneMatch(l -> l.contains("state-blinken-baerbock-2024")), "it has a date line");

    CliRun dated = CliRun.run("extract", "--max-chars", "1", "--date", "2024-01-02", "bench/corpus", "-o",
        dir.resolve("out2.ttl").toString());
    assertEquals(List.of(), lines(dated.err(), "no publication date"), "--date gives every article one");
  }

  @Test
  void undatedJsonlRowsAndHtmlPagesAreKeptWithAWarning() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("feed.jsonl"), "{\"id\": \"a\", \"text\": \"Alpha.\", \"date\": \"18/12/2020\"}\n"
        + "{\"id\": \"b\", \"text\": \"Beta.\", \"date\": \"2020-12-18\"}\n");
    Files.writeString(in.resolve("page.html"), "<html><head><meta name=\"date\" content=\"sometime\"></head>"
        + "<body><p>Gamma.</p></body></html>");
    CliRun r = CliRun.run("extract", "--max-chars", "1", in.toString(), "-o", dir.resolve("out.ttl").toString());
    assertTrue(r.err().contains(in.resolve("feed.jsonl") + ":1: \"date\" is \"18/12/2020\", not a date (write YYYY-MM-DD"
        + " or an ISO date-time such as 2020-12-18T09:30:00Z); built without a publication date\n"), r.err());
    assertTrue(r.err().contains(in.resolve("page.html") + ": the page's date \"sometime\" cannot be read as a date; built"
        + " without a publication date\n"), r.err());
    // both read (then refused for --max-chars, not for the date), and warned about as dateless
    assertTrue(r.err().contains("skipped " + in.resolve("feed.jsonl") + ":1: the text has"), r.err());
    assertTrue(r.err().contains("skipped " + in.resolve("page.html") + ": the text has"), r.err());
    assertEquals(2, lines(r.err(), "no publication date; relative dates").size(), r.err());
  }

  @Test
  void aFirstLineSentenceIsKeptInTheBodyWithAWarning() throws Exception {
    Path in = Files.createDirectories(dir.resolve("txt"));
    Files.writeString(in.resolve("lyon.txt"), "Police in Lyon arrested two men on Tuesday after a jewellery shop was"
        + " robbed in the city centre.\nThe men were charged with armed robbery, prosecutors said.\n");
    CliRun r = CliRun.run("extract", "--max-chars", "1", "--date", "2024-01-02", in.toString(), "-o",
        dir.resolve("out.ttl").toString());
    assertTrue(r.err().contains(in.resolve("lyon.txt") + ": line 1 reads as the story's first sentence (a long line"
        + " ending in a full stop, with text right under it), so it is kept in the body and the article has no title;"
        + " put the headline on line 1 and a blank line under it to give one\n"), r.err());
    // the whole story is the text: 155 characters, not the 59 of the second line alone
    assertTrue(r.err().contains("skipped " + in.resolve("lyon.txt") + ": the text has 155 characters"), r.err());
  }
}
