package org.newsgraph.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heuristics for bylines: whether a short piece of text looks like a person's name, and how a
 * list of names ("Jane Doe and John Roe", "Jane Doe, John Roe") splits into names.
 */
final class PersonNames {
  private PersonNames() {}

  private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'’-]*");
  private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.){1,3}|\\p{Lu}\\.-\\p{Lu}\\.");
  private static final Pattern NAME_LIST_SEPARATOR =
      Pattern.compile("\\s*[,;]\\s*(?:and\\s+)?|\\s+(?:and|&)\\s+");
  private static final Pattern BYLINE_SEGMENT_SEPARATOR = Pattern.compile("\\s*[|•·]\\s*|\\s+[–—-]\\s+");
  private static final Pattern BY = Pattern.compile("(?i:by)[:\\s]\\s*(\\p{Lu}.*)");
  private static final Pattern IN_PLACE =
      Pattern.compile("(.*?\\S)\\s+in\\s+\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’.-]*){0,2}");
  private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}\\p{M}])\\p{Ll}[\\p{L}\\p{M}]*");
  private static final Set<String> PARTICLES =
      Set.of(
          "de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "van", "von", "la",
          "le", "bin", "binti", "ibn", "al", "el", "ter", "y", "zu");
  private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");
  private static final Set<String> ROLE_WORDS =
      Set.of(
          "staff", "reporter", "reporters", "writer", "writers", "editor", "editors",
          "correspondent", "correspondents", "contributor", "contributors", "columnist",
          "special", "senior", "chief", "desk", "team", "bureau", "wire", "wires", "services",
          "service", "photographer", "producer", "analyst");

  /** Words that do not occur in personal names but do occur in short headings and labels. */
  private static final Set<String> NOT_NAME_WORDS =
      Set.of(
          "the", "a", "an", "of", "in", "on", "at", "for", "with", "to", "from", "by", "and", "or",
          "but", "about", "after", "before", "over", "under", "into", "as", "is", "are", "was",
          "were", "be", "has", "have", "how", "why", "what", "who", "when", "where", "this", "that",
          "these", "those", "it", "its", "our", "your", "their", "his", "her", "my", "not", "no",
          "new", "more", "most", "all", "news", "breaking", "live", "update", "updates", "updated",
          "exclusive", "analysis", "opinion", "editorial", "commentary", "column", "feature",
          "video", "videos", "photo", "photos", "gallery", "watch", "read", "listen", "related",
          "share", "print", "comments", "comment", "contact", "subscribe", "advertisement",
          "sponsored", "staff", "reporter", "reporters", "writer", "writers", "editor", "editors",
          "correspondent", "contributor", "contributors", "author", "authors", "press", "times",
          "post", "daily", "agency", "reuters", "associated", "images", "getty", "world",
          "national", "local", "politics", "business", "economy", "sports", "technology",
          "science", "health", "entertainment", "culture", "lifestyle", "travel", "weather",
          "key", "points", "takeaways", "summary", "highlights", "overview", "background",
          "introduction", "conclusion", "contents", "table", "chapter", "part", "section", "top",
          "stories", "story", "report", "reports", "published", "posted", "january", "february",
          "march", "july", "september", "october", "november", "december", "monday", "tuesday",
          "wednesday", "thursday", "friday", "saturday", "sunday", "university", "department",
          "ministry", "committee", "government", "company", "inc", "ltd", "corp", "city", "state",
          "county", "republic", "united", "states", "kingdom", "north", "south", "east", "west",
          "street", "media", "network", "television", "radio", "online", "magazine", "journal",
          "herald", "tribune", "group", "office", "center", "centre", "institute", "council");

  /**
   * Whether {@code text} looks like one person's name: two to four capitalised words, optionally
   * with initials ("John C. Demers"), name particles ("Ludwig van Beethoven") and a suffix ("Jr."),
   * without digits, sentence punctuation or words that are not used in names.
   *
   * @param allowAllCaps whether words written in capitals ("CATHY HE") count; off for bare lines,
   *     where capitals are more often headings or place names
   */
  static boolean isPersonLike(String text, boolean allowAllCaps) {
    String s = text.strip();
    if (s.length() < 3 || s.length() > 60) {
      return false;
    }
    String[] tokens = s.split("\\s+");
    int words = 0;
    int initials = 0;
    boolean allCaps = s.equals(s.toUpperCase(Locale.ROOT));
    for (int k = 0; k < tokens.length; k++) {
      String token = tokens[k];
      String bare = token.replace(".", "").toLowerCase(Locale.ROOT);
      if (k > 0 && SUFFIXES.contains(bare) && k == tokens.length - 1) {
        continue;
      }
      if (INITIALS.matcher(token).matches()) {
        initials++;
        continue;
      }
      if (k > 0 && k < tokens.length - 1 && PARTICLES.contains(token)) {
        continue;
      }
      if (!WORD.matcher(token).matches() || NOT_NAME_WORDS.contains(bare)) {
        return false;
      }
      if (allCaps && token.length() > 1 && !allowAllCaps) {
        return false;
      }
      words++;
    }
    return words >= 1 && words <= 4 && words + initials >= 2;
  }

  /**
   * Splits a list of names such as {@code "By Jane Doe, John Roe and Ann Poe"} into its names, in
   * order. A leading "By" is dropped; a suffix such as ", Jr." stays with the name before it.
   *
   * @return the names, trimmed, without empty entries (possibly an empty list)
   */
  static List<String> splitNameList(String text) {
    String s = text.strip();
    Matcher by = BY.matcher(s);
    if (by.matches()) {
      s = by.group(1);
    }
    List<String> names = new ArrayList<>();
    for (String piece : NAME_LIST_SEPARATOR.split(s)) {
      String name = piece.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!names.isEmpty() && SUFFIXES.contains(name.replace(".", "").toLowerCase(Locale.ROOT))) {
        names.set(names.size() - 1, names.get(names.size() - 1) + ", " + name);
        continue;
      }
      names.add(name);
    }
    return names;
  }

  /** A byline line: the names it gives and a date, if the line carries one. */
  record Byline(List<String> names, LocalDate date) {}

  /**
   * Reads a line that starts with "By" followed by a capitalised word, such as {@code By Jane Doe
   * and John Roe}, {@code By Jane Doe, Reuters} or {@code By Jane Doe | December 18, 2020}. Pieces
   * that name a role or publication ("Staff Writer", "The Epoch Times") are dropped unless no
   * person is named, in which case the publication is the author.
   *
   * @return the byline, or {@code null} if the line is not a byline
   */
  static Byline byline(String line) {
    Matcher by = BY.matcher(line.strip());
    if (!by.matches() || line.length() > 200) {
      return null;
    }
    List<String> persons = new ArrayList<>();
    List<String> others = new ArrayList<>();
    LocalDate date = null;
    for (String segment : BYLINE_SEGMENT_SEPARATOR.split(by.group(1))) {
      if (segment.isBlank()) {
        continue;
      }
      LocalDate segmentDate = Dates.fromDateLine(segment);
      if (segmentDate != null) {
        date = date == null ? segmentDate : date;
        continue;
      }
      for (String piece : splitNameList(segment)) {
        String name = withoutPlace(piece.replaceAll("\\s*\\([^)]*\\)$", "").strip());
        if (isPersonLike(name.replaceAll(",\\s*(?=\\S+$)", " "), true)) {
          persons.add(displayForm(name));
        } else if (isRoleOrPublication(name)) {
          if (!isRole(name)) {
            others.add(name);
          }
        } else {
          return null;
        }
      }
    }
    List<String> names = persons.isEmpty() ? others : persons;
    return new Byline(names, date);
  }

  /**
   * Reads a line that is nothing but one or more person names ("Cathy He", "Jane Doe and John
   * Roe"), rejecting headings that merely look like names: a line all of whose longer words occur
   * in lower case elsewhere in the article ("Holding Companies Accountable") is a heading.
   *
   * @param lowerCaseWords words that occur in lower case in the article, lower-cased
   * @return the names, or {@code null} if the line is not a name line
   */
  static List<String> nameLine(String line, Set<String> lowerCaseWords) {
    List<String> names = new ArrayList<>();
    for (String piece : splitNameList(line)) {
      names.add(withoutPlace(piece));
    }
    if (names.isEmpty() || line.strip().toLowerCase(Locale.ROOT).startsWith("by ")) {
      return null;
    }
    for (String name : names) {
      if (!isPersonLike(name.replaceAll(",\\s*(?=\\S+$)", " "), false)) {
        return null;
      }
      int checked = 0;
      int common = 0;
      for (String token : name.split("\\s+")) {
        String word = token.replace(".", "").toLowerCase(Locale.ROOT);
        if (word.length() >= 3) {
          checked++;
          if (lowerCaseWords.contains(word)) {
            common++;
          }
        }
      }
      if (checked >= 2 && common == checked) {
        return null;
      }
    }
    return names;
  }

  /** Drops a trailing location from a byline name: "Helen Davidson in Taipei" gives "Helen Davidson". */
  static String withoutPlace(String name) {
    Matcher m = IN_PLACE.matcher(name.strip());
    return m.matches() ? m.group(1) : name.strip();
  }

  /**
   * A name as it should be stored: names written entirely in capitals ("ZEKE MILLER") get
   * ordinary capitalisation ("Zeke Miller", "O'Brien", "Jean-Luc"); other names are unchanged.
   */
  static String displayForm(String name) {
    if (!name.equals(name.toUpperCase(Locale.ROOT)) || name.chars().noneMatch(Character::isLetter)) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean startOfWord = true;
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      out.append(startOfWord ? c : Character.toLowerCase(c));
      startOfWord = !Character.isLetter(c);
    }
    return out.toString();
  }

  /** The set of words that occur starting with a lower-case letter in {@code text}, lower-cased. */
  static Set<String> lowerCaseWords(String text) {
    Map<String, Boolean> words = new LinkedHashMap<>();
    Matcher m = LOWER_WORD.matcher(text);
    while (m.find()) {
      words.put(m.group().toLowerCase(Locale.ROOT), Boolean.TRUE);
    }
    return words.keySet();
  }

  private static boolean isRole(String piece) {
    for (String word : piece.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (ROLE_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRoleOrPublication(String piece) {
    String[] tokens = piece.strip().split("\\s+");
    if (tokens.length == 0 || tokens.length > 6 || !Character.isUpperCase(piece.strip().charAt(0))) {
      return false;
    }
    for (String token : tokens) {
      boolean capitalised = !token.isEmpty() && Character.isUpperCase(token.charAt(0));
      boolean connector = Set.of("of", "the", "for", "to", "at", "and", "de").contains(token);
      if (!(capitalised || connector) || token.matches(".*[\\d!?;:\"“”].*")) {
        return false;
      }
    }
    return true;
  }
}
