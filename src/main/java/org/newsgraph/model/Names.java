package org.newsgraph.model;

import java.text.Normalizer;
import java.util.Locale;

/** Name normalisation shared by identity keys and matching. */
public final class Names {
  private Names() {}

  /**
   * Normalises a name for comparison, following the gold format's matching rule
   * ({@code shared/gold/FORMAT.md}): Unicode NFC, lower case, a leading "the " dropped, "U.S."
   * read as "us", the punctuation {@code . , ' " ’ “ ” ( ) [ ]} removed and white space collapsed.
   *
   * @param name any name; {@code null} gives an empty string
   * @return the normalised form, possibly empty
   */
  public static String normalise(String name) {
    if (name == null) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip();
    s = s.replaceAll("\\bu\\.s\\.", "us");
    s = s.replaceAll("[.,'\"\u2019\u2018\u201c\u201d()\\[\\]]", "");
    s = s.replaceAll("\\s+", " ").strip();
    if (s.startsWith("the ")) {
      s = s.substring(4);
    }
    return s;
  }

  /**
   * The identity key of an entity: type and normalised canonical name, e.g. {@code
   * person/jin-xinjiang}. Used to mint IRIs, so it contains only lower-case letters and digits of
   * any script, '-' and '/'.
   *
   * <p>A name with no letter or digit (only emoji, symbols or punctuation, e.g. "👍🏽" or "?!") is
   * keyed by its code points instead: {@code u--} and the lower-case hexadecimal code points of the
   * NFC name (white space collapsed to one space, leading and trailing white space and invisible
   * format characters dropped), joined by '-', e.g. {@code person/u--1f44d-1f3fd}. So distinct such
   * names get distinct keys, and the same name (in NFC or NFD) the same key in every article; a
   * letter-and-digit slug never holds "--", so these keys cannot meet one. Names longer than
   * {@value #MAX_CODE_POINTS} code points keep the first {@value #MAX_CODE_POINTS} and end with
   * {@code -h} and 16 hex digits of the SHA-256 of the whole name. Only a name that is empty after
   * that gives {@code unnamed}.
   */
  public static String key(EntityType type, String canonicalName) {
    String slug = normalise(canonicalName).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      slug = codePointSlug(canonicalName);
    }
    return typeSegment(type) + "/" + slug;
  }

  /** Longest run of code points a {@link #key} spells out for a name with no letter or digit. */
  static final int MAX_CODE_POINTS = 24;

  private static String codePointSlug(String name) {
    String s = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC)
        .replaceAll("\\p{Cf}", "").replaceAll("\\s+", " ").strip();
    if (s.isEmpty()) {
      return "unnamed";
    }
    StringBuilder sb = new StringBuilder("u-");
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < Math.min(cps.length, MAX_CODE_POINTS); i++) {
      sb.append('-').append(Integer.toHexString(cps[i]));
    }
    if (cps.length > MAX_CODE_POINTS) {
      try {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256")
            .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sb.append("-h").append(java.util.HexFormat.of().formatHex(d, 0, 8));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 missing from the JVM", e);
      }
    }
    return sb.toString();
  }

  private static String typeSegment(EntityType type) {
    return type.isPlace() ? "place" : type.name().toLowerCase(Locale.ROOT);
  }
}
