package org.newsgraph.model;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * The one name shown for an entity, when articles spell it in several ways ("JOHN CHEN" and "John
 * Chen", NFC and NFD, "Chinese government" and "Chinese regime" for one group): {@link #of} gives
 * the display form of one spelling and {@link #choose} picks the display name among all of them;
 * every other spelling is an alias.
 */
public final class DisplayNames {
  private DisplayNames() {}

  /** Words kept in lower case inside a name that was written in capitals ("BANK OF AMERICA"). */
  private static final Set<String> SMALL_WORDS = Set.of("of", "and", "the", "for", "in", "on", "at", "to", "de",
      "del", "der", "des", "du", "da", "di", "la", "le", "van", "von", "y", "e");

  /**
   * The display form of one spelling: Unicode NFC, white space collapsed, and a name written all in
   * capitals in title case ("ACME CORP" to "Acme Corp", "JEAN-YVES LE DRIAN" to "Jean-Yves Le
   * Drian", "O'BRIEN" to "O'Brien"). A single word of capitals of up to four letters is an acronym
   * and stays ("FBI", "NATO"), as does, in the name of a non-person, a first word of up to three
   * letters or a short word without a vowel ("FBI SAN JUAN" to "FBI San Juan", "ACME LLC" to "Acme
   * LLC"); "of", "and", "de" and the like are lower case inside the name of a non-person ("BANK OF
   * AMERICA" to "Bank of America"; a person's particles are capitalised, "Le Drian"). Mixed-case
   * names are left as written.
   *
   * @param name a spelling; {@code null} gives an empty string
   * @param person whether the name is a person's (short words are then name parts, "JOHN LI" to
   *     "John Li")
   * @return the display form
   */
  public static String of(String name, boolean person) {
    if (name == null) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    if (!allCapitals(s)) {
      return s;
    }
    String[] words = s.split(" ");
    if (words.length == 1 && letters(s) <= 4) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (i > 0) {
        out.append(' ');
      }
      String lower = w.toLowerCase(Locale.ROOT);
      if (i > 0 && !person && SMALL_WORDS.contains(lower)) {
        out.append(lower);
      } else if (w.contains(".") || (!person && acronym(w, i == 0 && !SMALL_WORDS.contains(lower)))) {
        out.append(w); // U.S., an acronym in an organisation's name
      } else {
        out.append(titleCase(w));
      }
    }
    return out.toString();
  }

  /**
   * The display name among several spellings of one entity: each is taken in its {@link #of
   * display form}; preferred is, in this order, the name the entity's IRI was minted from (its
   * slug equals {@code iriSlug}), a name not written all in capitals, the longer name, and then the
   * first in code point order, so the choice does not depend on the order of the articles.
   *
   * @param names the spellings (at least one)
   * @param iriSlug the last segment of the entity's IRI ({@code jin-xinjiang} of {@code
   *     .../person/jin-xinjiang}), or {@code null} when unknown
   * @param person whether the entity is a person (see {@link #of})
   * @return the display name
   * @throws IllegalArgumentException when {@code names} is empty
   */
  public static String choose(Collection<String> names, String iriSlug, boolean person) {
    return of(pick(names.stream().map(n -> of(n, person)).toList(), iriSlug), person);
  }

  /**
   * The preferred one of several names, unchanged: as {@link #choose} but without taking display
   * forms first (the Neo4j loader keeps the values the RDF holds; the RDF mapper already wrote
   * display forms). Names in NFC come before others.
   *
   * @param names the names (at least one)
   * @param iriSlug the last segment of the entity's IRI, or {@code null}
   * @return one of {@code names}
   * @throws IllegalArgumentException when {@code names} is empty
   */
  public static String pick(Collection<String> names, String iriSlug) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no name to choose from");
    }
    Comparator<String> preference = Comparator
        .comparing((String n) -> !(iriSlug != null && iriSlug.equals(slug(n))))
        .thenComparing(n -> !Normalizer.isNormalized(n, Normalizer.Form.NFC))
        .thenComparing(n -> allCapitals(n))
        .thenComparing(n -> -n.codePointCount(0, n.length()))
        .thenComparing(Comparator.naturalOrder());
    return names.stream().min(preference).orElseThrow();
  }

  /** The slug {@link Names#key} makes of a name: {@code jin-xinjiang} for "Jin Xinjiang". */
  public static String slug(String name) {
    String key = Names.key(EntityType.PERSON, name);
    return key.substring(key.indexOf('/') + 1);
  }

  /** Whether the name has at least two letters and no lower-case letter. */
  static boolean allCapitals(String s) {
    int upper = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLowerCase(cp)) {
        return false;
      }
      if (Character.isUpperCase(cp)) {
        upper++;
      }
      i += Character.charCount(cp);
    }
    return upper >= 2;
  }

  /**
   * Whether a word of capitals in the name of a non-person reads as an acronym: up to three letters
   * and either the first word ("FBI SAN JUAN", "ABC NEWS") or without a vowel ("ACME LLC").
   */
  private static boolean acronym(String w, boolean first) {
    return letters(w) <= 3 && (first || w.chars().noneMatch(c -> "AEIOUÁÉÍÓÚÀÈÌÒÙÄËÏÖÜ".indexOf(c) >= 0));
  }

  private static int letters(String w) {
    return (int) w.codePoints().filter(Character::isLetter).count();
  }

  /** "O'BRIEN" to "O'Brien", "JEAN-YVES" to "Jean-Yves": upper case after the start, a hyphen or an apostrophe. */
  private static String titleCase(String w) {
    StringBuilder sb = new StringBuilder(w.length());
    boolean start = true;
    for (int i = 0; i < w.length(); ) {
      int cp = w.codePointAt(i);
      if (Character.isLetter(cp)) {
        sb.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
        start = false;
      } else {
        sb.appendCodePoint(cp);
        start = cp == '-' || cp == '\'' || cp == '\u2019';
      }
      i += Character.charCount(cp);
    }
    // "Mcdonald" to "McDonald"
    String t = sb.toString();
    if (t.length() > 3 && t.startsWith("Mc") && Character.isLowerCase(t.charAt(2))) {
      t = "Mc" + Character.toUpperCase(t.charAt(2)) + t.substring(3);
    }
    return t;
  }
}
