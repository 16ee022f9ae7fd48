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
    return parse(content, id, source, defaultDate, w -> { });
  }

  /**
   * A first line that is a sentence of the story rather than a headline: at least {@value
   * #SENTENCE_WORDS} words, ending in a full stop (or "!" or "?", a closing quote allowed) whose
   * last word is no abbreviation with inner dots ("U.S."), with the next line right under it.
   */
  static final int SENTENCE_WORDS = 12;

  private static final Pattern SENTENCE_END = Pattern.compile(".*[^\\s.][.!?][\"'\u201d\u2019)]?$");

  /**
   * As {@link #parse(String, String, String, LocalDate)}, telling {@code warnings} what was read
   * with a caveat: a first line that reads as the story's first sentence (see {@link
   * #SENTENCE_WORDS}) is kept in the body, the article has no title, and a warning says so.
   */
  static Article parse(String content, String id, String source, LocalDate defaultDate,
      java.util.function.Consumer<ReadProblem> warnings) throws BadInputException {
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
    if (isSentence(title) && i + 1 < lines.length && !lines[i + 1].isBlank()) {
      warnings.accept(new ReadProblem(source, "line 1 reads as the story's first sentence (a long line ending in a"
          + " full stop, with text right under it), so it is kept in the body and the article has no title; put the"
          + " headline on line 1 and a blank line under it to give one"));
      int end = lines.length;
      while (end > i && lines[end - 1].isBlank()) {
        end--;
      }
      String body = String.join("\n", Arrays.asList(lines).subList(i, end)).stripTrailing();
      return new Article(id, "", DATELINE.matcher(body).replaceFirst(""), defaultDate, null, List.of(), List.of(),
          source);
    }
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

  /** Whether a first line reads as a sentence (see {@link #SENTENCE_WORDS}). */
  static boolean isSentence(String line) {
    String l = line.strip();
    if (l.split("\\s+").length < SENTENCE_WORDS || !SENTENCE_END.matcher(l).matches()) {
      return false;
    }
    String last = l.substring(l.lastIndexOf(' ') + 1).replaceAll("[\"'\u201d\u2019)]+$", "");
    return !last.substring(0, last.length() - 1).contains("."); // "U.S." ends an abbreviation, not a sentence
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
