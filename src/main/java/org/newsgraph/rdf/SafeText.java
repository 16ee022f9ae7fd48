package org.newsgraph.rdf;

/**
 * Makes a string carriable by every RDF format newsgraph writes. XML 1.0 (RDF/XML) cannot hold
 * the C0 control characters other than tab, line feed and carriage return, nor U+FFFE and U+FFFF;
 * and no UTF-8 output (all formats) can hold an unpaired surrogate, which encoders turn into
 * {@code ?}. Each such UTF-16 code unit is replaced by U+FFFD, one for one, so the length and
 * every offset into the string stay the same.
 */
public final class SafeText {
  /** The replacement character. */
  public static final char REPLACEMENT = '\uFFFD';

  private SafeText() {}

  /**
   * @param s any string
   * @return {@code s} itself when nothing needs replacing, else a copy of the same length with each
   *     offending code unit replaced by U+FFFD
   */
  public static String clean(String s) {
    int first = firstBad(s);
    if (first < 0) {
      return s;
    }
    char[] c = s.toCharArray();
    for (int i = first; i < c.length; i++) {
      if (bad(c, i)) {
        c[i] = REPLACEMENT;
      }
    }
    return new String(c);
  }

  /** True when {@link #clean} would change {@code s}. */
  public static boolean needsCleaning(String s) {
    return firstBad(s) >= 0;
  }

  private static int firstBad(String s) {
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (bad(c, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean bad(char[] c, int i) {
    char ch = c[i];
    if (ch < 0x20) {
      return ch != '\t' && ch != '\n' && ch != '\r';
    }
    if (ch == '\uFFFE' || ch == '\uFFFF') {
      return true;
    }
    if (Character.isHighSurrogate(ch)) {
      return i + 1 >= c.length || !Character.isLowSurrogate(c[i + 1]);
    }
    if (Character.isLowSurrogate(ch)) {
      return i == 0 || !Character.isHighSurrogate(c[i - 1]);
    }
    return false;
  }
}
