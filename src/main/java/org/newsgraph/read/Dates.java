package org.newsgraph.read;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Publication dates as they appear in articles: ISO dates and written-out English dates. */
final class Dates {
  private Dates() {}

  private static final String MONTH =
      "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
  private static final Pattern ISO =
      Pattern.compile(
          "(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})"
              + "(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\d-])");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "(?<![\\p{L}])" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})(?!\\d)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_PREFIX =
      Pattern.compile("\\s*(\\d{4})-(\\d{2})-(\\d{2})(?:[T ].*)?\\s*", Pattern.DOTALL);
  private static final Pattern TIME =
      Pattern.compile(
          "(?<!\\d)\\d{1,2}(?:[:.]\\d{2}){1,2}(?:\\s*[AaPp]\\.?\\s?[Mm]\\.?)?|(?<!\\d)\\d{1,2}\\s*[AaPp]\\.?[Mm]\\.?(?![\\p{L}])");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s|•·,;:()\\[\\]/–—-]+");
  private static final Set<String> DATE_LINE_WORDS =
      Set.of(
          "published", "posted", "updated", "last", "modified", "first", "date", "dated", "on", "at",
          "and", "am", "pm", "a.m", "p.m", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst",
          "cdt", "mt", "mst", "mdt", "utc", "gmt", "bst", "cet", "cest", "hkt", "jst", "ist",
          "aest", "aedt", "z", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
          "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");

  /** A date found in a line of text: where it is and whether a label marked it as an update. */
  record Found(LocalDate date, int start, int end, boolean updated) {}

  /**
   * Parses a machine-readable date such as {@code 2020-12-18} or {@code 2020-12-18T09:30:00-05:00}
   * (the date part as written, no time-zone shift), falling back to a written-out English date.
   *
   * @return the date, or {@code null} if none can be read
   */
  static LocalDate parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Matcher m = ISO_PREFIX.matcher(value);
    if (m.matches()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    List<Found> found = findAll(value);
    return found.isEmpty() ? null : found.get(0).date();
  }

  /** Every valid date in {@code text}, in order of appearance. */
  static List<Found> findAll(String text) {
    List<Found> found = new ArrayList<>();
    collect(ISO.matcher(text), 1, 2, 3, false, found);
    collect(MONTH_DAY_YEAR.matcher(text), 3, 1, 2, true, found);
    collect(DAY_MONTH_YEAR.matcher(text), 3, 2, 1, true, found);
    found.sort((a, b) -> Integer.compare(a.start(), b.start()));
    List<Found> labelled = new ArrayList<>(found.size());
    int previousEnd = 0;
    for (Found f : found) {
      String before = text.substring(previousEnd, f.start()).toLowerCase(Locale.ROOT);
      boolean updated = before.contains("updat") || before.contains("modif");
      labelled.add(new Found(f.date(), f.start(), f.end(), updated));
      previousEnd = f.end();
    }
    return labelled;
  }

  /**
   * Reads a line that holds nothing but dates, times and labels, such as {@code Published:
   * December 18, 2020} or {@code Dec. 18, 2020 10:05 AM ET | Updated: Dec. 19, 2020}.
   *
   * @return the publication date (the first date not labelled as an update, else the first date),
   *     or {@code null} if the line is not such a line
   */
  static LocalDate fromDateLine(String line) {
    List<Found> found = findAll(line);
    if (found.isEmpty()) {
      return null;
    }
    StringBuilder rest = new StringBuilder();
    int previousEnd = 0;
    for (Found f : found) {
      rest.append(line, previousEnd, f.start()).append(' ');
      previousEnd = f.end();
    }
    rest.append(line.substring(previousEnd));
    String residue = TIME.matcher(rest).replaceAll(" ");
    for (String token : SEPARATORS.split(residue)) {
      String word = token.toLowerCase(Locale.ROOT);
      while (word.endsWith(".")) {
        word = word.substring(0, word.length() - 1);
      }
      if (!word.isEmpty() && !DATE_LINE_WORDS.contains(word)) {
        return null;
      }
    }
    for (Found f : found) {
      if (!f.updated()) {
        return f.date();
      }
    }
    return found.get(0).date();
  }

  private static void collect(
      Matcher m, int year, int month, int day, boolean monthName, List<Found> into) {
    while (m.find()) {
      int start = m.start();
      int end = m.end();
      boolean overlaps = into.stream().anyMatch(f -> start < f.end() && f.start() < end);
      if (overlaps) {
        continue;
      }
      String monthValue = monthName ? Integer.toString(monthNumber(m.group(month))) : m.group(month);
      LocalDate date = date(m.group(year), monthValue, m.group(day));
      if (date != null) {
        into.add(new Found(date, start, end, false));
      }
    }
  }

  private static int monthNumber(String name) {
    String key = name.substring(0, 3).toLowerCase(Locale.ROOT);
    return switch (key) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      default -> 12;
    };
  }

  private static LocalDate date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
