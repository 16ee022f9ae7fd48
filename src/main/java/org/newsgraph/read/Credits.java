package org.newsgraph.read;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.model.Article.Credit;

/**
 * Photo credits at the end of a caption line: {@code REUTERS/Dado Ruvic/Illustration}, {@code AP
 * Photo/Jane Doe}, {@code (Getty Images/John Smith)}, {@code Photo: John Smith/AFP}, {@code John
 * Smith/AFP via Getty Images}, {@code Photo by John Smith}.
 */
final class Credits {
  private Credits() {}

  private static final String TOKEN =
      "(?:(?:\\p{Lu}\\.){1,3}|(?:Jr|Sr)\\.|\\p{Lu}[\\p{L}\\p{M}\\p{Nd}'’&-]*)";
  private static final String CONNECTOR =
      "(?:via|of|for|the|and|de|da|del|van|von|der|den|le|la|di|du|bin|al|y)";
  private static final String SEGMENT = TOKEN + "(?:[ \\t]+(?:" + TOKEN + "|" + CONNECTOR + ")){0,5}";
  private static final String PREFIX =
      "(?i:(?:photo(?:graph)?|picture|image|illustration|credit)s?(?:[ \\t]+credit)?(?:[ \\t]+by[ \\t]|[ \\t]*:))[ \\t]*";
  private static final Pattern SLASHED =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}\\p{Nd}])(?<open>\\()?[ \\t]*(?<credit>(?<prefix>"
              + PREFIX
              + ")?(?<segments>"
              + SEGMENT
              + "(?:[ \\t]*/[ \\t]*"
              + SEGMENT
              + "){1,2}))[ \\t]*\\)?[ \\t]*\\.?[ \\t]*$");
  private static final Pattern PREFIXED =
      Pattern.compile(
          "(?<![\\p{L}\\p{M}\\p{Nd}])(?<open>\\()?[ \\t]*(?<credit>"
              + PREFIX
              + "(?<segment>"
              + SEGMENT
              + "))[ \\t]*\\)?[ \\t]*\\.?[ \\t]*$");

  private static final Map<String, String> KNOWN_AGENCIES =
      Map.ofEntries(
          Map.entry("reuters", "Reuters"),
          Map.entry("afp", "AFP"),
          Map.entry("agence france-presse", "AFP"),
          Map.entry("ap", "AP"),
          Map.entry("associated press", "AP"),
          Map.entry("the associated press", "AP"),
          Map.entry("getty", "Getty Images"),
          Map.entry("getty images", "Getty Images"),
          Map.entry("epa", "EPA"),
          Map.entry("epa-efe", "EPA-EFE"),
          Map.entry("efe", "EFE"),
          Map.entry("xinhua", "Xinhua"),
          Map.entry("bloomberg", "Bloomberg"),
          Map.entry("epoch times", "The Epoch Times"),
          Map.entry("the epoch times", "The Epoch Times"),
          Map.entry("ntd", "NTD"),
          Map.entry("kyodo", "Kyodo"),
          Map.entry("yonhap", "Yonhap"),
          Map.entry("anadolu", "Anadolu"),
          Map.entry("sputnik", "Sputnik"),
          Map.entry("tass", "TASS"),
          Map.entry("upi", "UPI"),
          Map.entry("pa", "PA"),
          Map.entry("shutterstock", "Shutterstock"),
          Map.entry("alamy", "Alamy"),
          Map.entry("nurphoto", "NurPhoto"),
          Map.entry("sopa images", "SOPA Images"),
          Map.entry("zuma press", "ZUMA Press"),
          Map.entry("zuma", "ZUMA Press"));
  private static final Set<String> AGENCY_MARKERS =
      Set.of(
          "photo", "photos", "images", "press", "times", "news", "agency", "post", "pool", "media",
          "tv", "television", "network", "herald", "tribune", "journal", "daily", "getty");
  private static final Set<String> QUALIFIERS =
      Set.of(
          "illustration", "file", "file photo", "pool", "handout", "handout photo", "staff",
          "courtesy", "photo", "photos", "archive", "archives", "screenshot", "screen grab",
          "video grab", "photo illustration", "via reuters", "reuters tv");

  /**
   * Finds a credit at the end of {@code line}.
   *
   * @return the credit, whose {@code line} is the credit text without surrounding parentheses or a
   *     final full stop, or {@code null} when the line does not end in a recognisable credit
   */
  static Credit atEndOf(String line) {
    Matcher m = SLASHED.matcher(line);
    if (m.find()) {
      Credit credit = fromSegments(m.group("segments").split("[ \\t]*/[ \\t]*"), m.group("prefix") != null, m.group("credit"));
      if (credit != null) {
        return credit;
      }
    }
    m = PREFIXED.matcher(line);
    if (m.find()) {
      String segment = m.group("segment").strip();
      String credit = m.group("credit").strip();
      if (PersonNames.isPersonLike(segment, true)) {
        return new Credit(null, segment, credit);
      }
      return new Credit(agencyName(segment), null, credit);
    }
    return null;
  }

  private static Credit fromSegments(String[] segments, boolean prefixed, String creditText) {
    String first = segments[0].strip();
    String second = segments[1].strip();
    String line = creditText.strip();
    if (isStrongAgency(first) || (isWeakAgency(first) && personLike(second))) {
      return new Credit(agencyName(first), photographer(second), line);
    }
    if ((isStrongAgency(second) || isWeakAgency(second)) && (personLike(first) || isQualifier(first))) {
      return new Credit(agencyName(second), photographer(first), line);
    }
    if (prefixed) {
      if (personLike(first)) {
        return new Credit(agencyName(second), first, line);
      }
      return new Credit(agencyName(first), photographer(second), line);
    }
    return null;
  }

  private static boolean personLike(String segment) {
    return PersonNames.isPersonLike(segment, true) && !isStrongAgency(segment);
  }

  private static String photographer(String segment) {
    boolean agencyChain = segment.contains(" via ");
    return agencyChain || isQualifier(segment) || isStrongAgency(segment) ? null : segment;
  }

  private static boolean isQualifier(String segment) {
    String key = segment.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return QUALIFIERS.contains(key) || key.startsWith("file ") || key.startsWith("handout ");
  }

  private static String withoutVia(String segment) {
    String s = segment.strip();
    int via = s.indexOf(" via ");
    return via > 0 ? s.substring(0, via).strip() : s;
  }

  private static String knownKey(String segment) {
    String key = withoutVia(segment).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (KNOWN_AGENCIES.containsKey(key)) {
      return key;
    }
    String shorter = key.replaceAll(" photos?$", "");
    return KNOWN_AGENCIES.containsKey(shorter) ? shorter : null;
  }

  private static boolean isStrongAgency(String segment) {
    if (knownKey(segment) != null) {
      return true;
    }
    for (String word : withoutVia(segment).toLowerCase(Locale.ROOT).split("\\s+")) {
      if (AGENCY_MARKERS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWeakAgency(String segment) {
    String s = withoutVia(segment);
    return s.length() >= 2 && s.matches("[\\p{Lu}\\p{Nd}&-]+(?: [\\p{Lu}\\p{Nd}&-]+)*") && s.chars().anyMatch(Character::isLetter);
  }

  /** The usual spelling of an agency named in a credit: "REUTERS" gives "Reuters", "AP Photo" gives "AP". */
  static String agencyName(String segment) {
    String key = knownKey(segment);
    if (key != null) {
      return KNOWN_AGENCIES.get(key);
    }
    String name = withoutVia(segment).replaceAll("(?i)\\s+photos?$", "");
    if (name.length() > 4 && name.matches("[\\p{Lu}]+")) {
      return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
    return name;
  }
}
