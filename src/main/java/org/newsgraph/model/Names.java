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
   */
  public static String key(EntityType type, String canonicalName) {
    String slug = normalise(canonicalName).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    if (slug.isEmpty()) {
      slug = "unnamed";
    }
    return typeSegment(type) + "/" + slug;
  }

  private static String typeSegment(EntityType type) {
    return type.isPlace() ? "place" : type.name().toLowerCase(Locale.ROOT);
  }
}
