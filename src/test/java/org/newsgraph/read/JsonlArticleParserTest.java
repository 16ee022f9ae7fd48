package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Article;

class JsonlArticleParserTest {
  private static final LocalDate DEFAULT = LocalDate.of(2001, 2, 3);

  @Test
  void goodLinesAreReadAndBadLinesReportedWithLineNumbers() throws Exception {
    String content;
    try (InputStream in = getClass().getResourceAsStream("/read/batch.jsonl")) {
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<ReadProblem> problems = new ArrayList<>();
    List<Article> articles = JsonlArticleParser.parse(content, "batch", "in/batch.jsonl", DEFAULT, problems::add);

    assertEquals(2, articles.size());
    Article alpha = articles.get(0);
    assertEquals("alpha", alpha.id());
    assertEquals("First", alpha.title());
    assertEquals("Alpha text.", alpha.text());
    assertEquals(LocalDate.of(2021, 5, 6), alpha.date());
    assertEquals("https://example.org/a", alpha.url());
    assertEquals(List.of("Ann Poe", "Bob Roe"), alpha.authors());
    assertEquals("in/batch.jsonl:1", alpha.source());

    Article third = articles.get(1);
    assertEquals("batch-4", third.id());
    assertEquals(LocalDate.of(2021, 5, 7), third.date());
    assertEquals(List.of("Dan Lee", "Eve Kim"), third.authors());
    assertEquals("in/batch.jsonl:4", third.source());

    assertEquals(2, problems.size());
    assertEquals("in/batch.jsonl:3", problems.get(0).source());
    assertTrue(problems.get(0).reason().startsWith("not valid JSON"), problems.get(0).reason());
    assertEquals("in/batch.jsonl:5", problems.get(1).source());
    assertTrue(problems.get(1).reason().contains("\"text\""), problems.get(1).reason());
  }

  @Test
  void defaultsAndIdReduction() throws Exception {
    Article a = JsonlArticleParser.parseLine("{\"id\": \"a b/ü\", \"text\": \"T\"}", "f-1", "f.jsonl:1", DEFAULT);
    assertEquals("a-b--", a.id());
    assertEquals("", a.title());
    assertEquals(DEFAULT, a.date());
    assertNull(a.url());
    assertEquals(List.of(), a.authors());
  }

  @Test
  void wrongTypesAreProblems() {
    List<ReadProblem> problems = new ArrayList<>();
    String content = "[1, 2]\n{\"text\": 5}\n{\"text\": \"ok\", \"authors\": 7}\n";
    List<Article> articles = JsonlArticleParser.parse(content, "f", "f.jsonl", null, problems::add);
    assertEquals(List.of(), articles);
    assertEquals(List.of("f.jsonl:1", "f.jsonl:2", "f.jsonl:3"), problems.stream().map(ReadProblem::source).toList());
  }

  /** A row whose date cannot be read is built undated, or with --date, with a warning; not dropped. */
  @Test
  void aDateThatCannotBeReadIsAWarningAndTheRowIsKept() {
    String content = "{\"id\": \"a\", \"text\": \"x\", \"date\": \"18/12/2020\"}\n"
        + "{\"id\": \"b\", \"text\": \"y\", \"date\": \"yesterday\"}\n";
    for (LocalDate fallback : java.util.Arrays.asList(null, DEFAULT)) {
      List<ReadProblem> problems = new ArrayList<>();
      List<ReadProblem> warnings = new ArrayList<>();
      List<Article> articles = JsonlArticleParser.parse(content, "f", "f.jsonl", fallback, problems::add, warnings::add);
      assertEquals(List.of(), problems);
      assertEquals(List.of("a", "b"), articles.stream().map(Article::id).toList());
      assertEquals(java.util.Arrays.asList(fallback, fallback), articles.stream().map(Article::date).toList());
      String built = fallback == null ? "built without a publication date" : "built with --date 2001-02-03";
      assertEquals(List.of(new ReadProblem("f.jsonl:1", "\"date\" is \"18/12/2020\", not a date (write YYYY-MM-DD or"
          + " an ISO date-time such as 2020-12-18T09:30:00Z); " + built), new ReadProblem("f.jsonl:2", "\"date\" is"
          + " \"yesterday\", not a date (write YYYY-MM-DD or an ISO date-time such as 2020-12-18T09:30:00Z); " + built)),
          warnings);
    }
  }
}
