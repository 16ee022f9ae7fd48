package org.newsgraph.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsgraph.model.Article;
import org.newsgraph.model.Article.Credit;

/**
 * Parses a plain-text article: the first non-blank line is the title; the lines after it that
 * are metadata (a repeat of the title, photo captions ending in a credit, bylines, person-name
 * lines, date lines) are taken out; the first line that is none of these starts the body, which is
 * kept exactly as written.
 */
final class TextArticleParser {
  private TextArticleParser() {}

  private static final Pattern READING_TIME =
      Pattern.compile("(?i)(?:reading time:?\\s*)?\\d{1,3}[ -]?min(?:ute)?s?(?: read)?");

  /**
   * Parses one article.
   *
   * @param content the whole file as text (a byte-order mark and {@code \r\n} are tolerated)
   * @param id the article id to use
   * @param source the source to record
   * @param defaultDate the date to use when the text has no date line; may be {@code null}
   * @return the article; its text is the body from its first line to its last non-blank line
   * @throws BadInputException if the text is blank or has no body after the title and metadata
   */
  /**
   * A wire-service dateline opening the body, "NAIROBI (Reuters) - " or "WASHINGTON, March 3 (AP)
   * — ": metadata, not prose, so it is left out of the body (else the agency reads as an actor
   * based in the city).
   */
  static final java.util.regex.Pattern DATELINE = java.util.regex.Pattern.compile(
      "^[A-Z][A-Z .'-]{1,40}(?:, [A-Z][A-Za-z .]{1,30})?(?:, [A-Z][a-z]{2,8}\\.? \\d{1,2})? \\((?:[A-Z][A-Za-z.]*)(?: [A-Z][A-Za-z.]*){0,3}\\) ?[-\u2013\u2014]+ ?");

  static Article parse(String content, String id, String source, LocalDate defaultDate)
      throws BadInputException {
    String text = TextDecoding.normalise(content);
    if (text.isBlank()) {
      throw new BadInputException("the file is empty; put the title on the first line and the article text below it");
    }
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (lines[i].isBlank()) {
      i++;
    }
    String title = lines[i].strip();
    Set<String> lowerCaseWords = PersonNames.lowerCaseWords(text);
    List<String> authors = new ArrayList<>();
    List<Credit> credits = new ArrayList<>();
    LocalDate date = null;
    for (i++; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || sameText(line, title) || READING_TIME.matcher(line).matches()) {
        continue;
      }
      Credit credit = line.split("\\s+").length <= 80 ? Credits.atEndOf(line) : null;
      if (credit != null) {
        credits.add(credit);
        continue;
      }
      PersonNames.Byline byline = PersonNames.byline(line);
      if (byline != null) {
        addNames(authors, byline.names());
        date = date == null ? byline.date() : date;
        continue;
      }
      LocalDate lineDate = Dates.fromDateLine(line);
      if (lineDate != null) {
        date = date == null ? lineDate : date;
        continue;
      }
      List<String> names = PersonNames.nameLine(line, lowerCaseWords);
      if (names != null) {
        addNames(authors, names);
        continue;
      }
      break;
    }
    int end = lines.length;
    while (end > i && lines[end - 1].isBlank()) {
      end--;
    }
    if (i >= end) {
      throw new BadInputException(
          "no article text after the title and byline; put the body text below the title");
    }
    String body = String.join("\n", Arrays.asList(lines).subList(i, end)).stripTrailing();
    body = DATELINE.matcher(body).replaceFirst("");
    return new Article(id, title, body, date != null ? date : defaultDate, null, authors, credits, source);
  }

  private static boolean sameText(String a, String b) {
    return a.replaceAll("\\s+", " ").equalsIgnoreCase(b.replaceAll("\\s+", " "));
  }

  static void addNames(List<String> into, List<String> names) {
    for (String name : names) {
      String key = name.toLowerCase(Locale.ROOT);
      if (into.stream().noneMatch(n -> n.toLowerCase(Locale.ROOT).equals(key))) {
        into.add(name);
      }
    }
  }
}
