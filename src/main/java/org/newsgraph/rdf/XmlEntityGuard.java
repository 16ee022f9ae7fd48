package org.newsgraph.rdf;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guards an XML byte stream (RDF/XML) against entity attacks before any XML parser sees it.
 *
 * <p>Why: Jena's RDF/XML parser takes its SAX parser from {@code SAXParserFactory.newInstance()},
 * and on newsgraph's classpath that is Apache Xerces 2.12 (brought by CoreNLP), which has no
 * entity expansion limit unless one is configured: a 1 KB "billion laughs" file makes it expand
 * entities for minutes into gigabytes of heap. Jena does switch off external entities and external
 * DTDs (they are silently ignored, not fetched).
 *
 * <p>What is checked, on the document's prolog (the part before the root element, read ahead up to
 * {@value #MAX_PROLOG_BYTES} bytes), and then on the bytes as the parser reads them:
 *
 * <ul>
 *   <li>an {@code <!ENTITY name SYSTEM "...">} or {@code PUBLIC} declaration (an external entity,
 *       the XXE attack) is refused;
 *   <li>parameter entities ({@code <!ENTITY % name ...>}) are refused;
 *   <li>an entity whose full expansion (entities inside entities included) exceeds {@value
 *       #MAX_ENTITY_CHARS} characters, or that refers to itself, is refused (the nested-entity
 *       "billion laughs" attack is refused here, before parsing);
 *   <li>while the document is read, the characters that references to declared entities expand to
 *       are added up; beyond {@value #MAX_TOTAL_EXPANSION} the read fails (the "quadratic blow-up":
 *       one large entity referenced many times).
 * </ul>
 *
 * An external DTD subset ({@code <!DOCTYPE rdf:RDF SYSTEM "http://...">}, as in Dublin Core
 * RDF/XML) is allowed: the parser never loads it. Documents in UTF-16 or UTF-32 are refused (the
 * checks read bytes as an ASCII-compatible encoding).
 */
public final class XmlEntityGuard {
  /** How far into the file the prolog (XML declaration, comments, DOCTYPE) may reach. */
  public static final int MAX_PROLOG_BYTES = 1 << 20;
  /** Largest expansion of one declared entity, in characters. */
  public static final long MAX_ENTITY_CHARS = 100_000;
  /** Largest total of characters that entity references in the document expand to. */
  public static final long MAX_TOTAL_EXPANSION = 10_000_000;

  private static final Pattern NAME = Pattern.compile("[\\p{L}_:][\\p{L}\\p{N}._:\\-\\u00B7]*");
  private static final Pattern REF = Pattern.compile("&(#?)([^;&\\s]{1,200});");

  private XmlEntityGuard() {}

  /** The XML document was refused; the message says why. */
  public static final class UnsafeXmlException extends RuntimeException {
    UnsafeXmlException(String message) {
      super(message);
    }
  }

  /**
   * Checks the prolog of {@code in} and returns a stream that yields the same bytes and fails, as
   * they are read, when entity references expand too far.
   *
   * @throws UnsafeXmlException when the DOCTYPE declares what is refused (see the class comment)
   * @throws IOException when reading fails
   */
  public static InputStream guard(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(MAX_PROLOG_BYTES + 1);
    byte[] head = buffered.readNBytes(MAX_PROLOG_BYTES);
    buffered.reset();
    refuseWideEncodings(head);
    String text = new String(head, StandardCharsets.ISO_8859_1);
    int doctype = findDoctype(text);
    if (doctype < 0) {
      return buffered;
    }
    int end = endOfDoctype(text, doctype);
    if (end < 0) {
      throw new UnsafeXmlException(head.length >= MAX_PROLOG_BYTES
          ? "the DOCTYPE declaration is longer than " + MAX_PROLOG_BYTES + " bytes"
          : "the DOCTYPE declaration is not closed");
    }
    Map<String, Long> sizes = entitySizes(text.substring(doctype, end));
    if (sizes.isEmpty()) {
      return buffered;
    }
    return new ExpansionCounter(buffered, sizes, end);
  }

  private static void refuseWideEncodings(byte[] head) {
    if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
        || (head[0] == 0 && head[1] == '<') || (head[0] == '<' && head[1] == 0)
        || (head[0] == 0 && head[1] == 0))) {
      throw new UnsafeXmlException("RDF/XML in UTF-16 or UTF-32 is not read; convert the file to UTF-8");
    }
  }

  /** Index of {@code <!DOCTYPE} in the prolog, or -1 when the root element comes first. */
  private static int findDoctype(String text) {
    int i = 0;
    while (i < text.length()) {
      int lt = text.indexOf('<', i);
      if (lt < 0 || lt + 1 >= text.length()) {
        return -1;
      }
      if (text.startsWith("<?", lt)) {
        int e = text.indexOf("?>", lt + 2);
        if (e < 0) {
          return -1;
        }
        i = e + 2;
      } else if (text.startsWith("<!--", lt)) {
        int e = text.indexOf("-->", lt + 4);
        if (e < 0) {
          return -1;
        }
        i = e + 3;
      } else if (text.startsWith("<!DOCTYPE", lt)) {
        return lt;
      } else {
        return -1; // the root element
      }
    }
    return -1;
  }

  /** Index just after the DOCTYPE declaration starting at {@code start}, or -1. */
  private static int endOfDoctype(String text, int start) {
    int i = start + "<!DOCTYPE".length();
    boolean inSubset = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        int e = text.indexOf(c, i + 1);
        if (e < 0) {
          return -1;
        }
        i = e + 1;
      } else if (inSubset && text.startsWith("<!--", i)) {
        int e = text.indexOf("-->", i + 4);
        if (e < 0) {
          return -1;
        }
        i = e + 3;
      } else if (c == '[') {
        inSubset = true;
        i++;
      } else if (c == ']' && inSubset) {
        inSubset = false;
        i++;
      } else if (c == '>' && !inSubset) {
        return i + 1;
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * The declared general entities of a DOCTYPE and the number of characters each expands to.
   *
   * @throws UnsafeXmlException for external or parameter entities, self-reference or oversize
   */
  static Map<String, Long> entitySizes(String doctype) {
    Map<String, String> values = new HashMap<>();
    int i = 0;
    while (true) {
      int decl = nextDeclaration(doctype, i);
      if (decl < 0) {
        break;
      }
      int j = decl + "<!ENTITY".length();
      j = skipSpace(doctype, j);
      if (j < doctype.length() && doctype.charAt(j) == '%') {
        throw new UnsafeXmlException("the DOCTYPE declares a parameter entity (<!ENTITY % ...>); newsgraph does not"
            + " read XML with parameter entities");
      }
      Matcher m = NAME.matcher(doctype);
      if (!m.find(j) || m.start() != j) {
        throw new UnsafeXmlException("an <!ENTITY declaration in the DOCTYPE has no valid name");
      }
      String name = m.group();
      j = skipSpace(doctype, m.end());
      if (doctype.startsWith("SYSTEM", j) || doctype.startsWith("PUBLIC", j)) {
        int close = doctype.indexOf('>', j);
        String id = doctype.substring(j, close < 0 ? Math.min(doctype.length(), j + 120) : close).strip();
        throw new UnsafeXmlException("the DOCTYPE declares the external entity &" + name + "; (" + shorten(id)
            + "); newsgraph never resolves external entities (they can read local files or reach the network)");
      }
      if (j >= doctype.length() || (doctype.charAt(j) != '"' && doctype.charAt(j) != '\'')) {
        throw new UnsafeXmlException("the entity &" + name + "; in the DOCTYPE has no quoted value");
      }
      char q = doctype.charAt(j);
      int e = doctype.indexOf(q, j + 1);
      if (e < 0) {
        throw new UnsafeXmlException("the value of the entity &" + name + "; in the DOCTYPE is not closed");
      }
      String value = doctype.substring(j + 1, e);
      if (value.indexOf('%') >= 0 && value.matches("(?s).*%[^;\\s]+;.*")) {
        throw new UnsafeXmlException("the entity &" + name + "; refers to a parameter entity; newsgraph does not read"
            + " XML with parameter entities");
      }
      values.putIfAbsent(name, value); // XML: the first declaration wins
      i = e + 1;
    }
    Map<String, Long> sizes = new HashMap<>();
    for (String name : values.keySet()) {
      long n = size(name, values, sizes, new HashSet<>());
      if (n > MAX_ENTITY_CHARS) {
        throw new UnsafeXmlException(String.format(Locale.ROOT, "the entity &%s; would expand to %s characters, more"
            + " than newsgraph's limit of %,d (nested entities, the \"billion laughs\" attack)", name,
            n == Long.MAX_VALUE ? "more than 9e18" : String.format(Locale.ROOT, "%,d", n), MAX_ENTITY_CHARS));
      }
    }
    return sizes;
  }

  private static int nextDeclaration(String doctype, int from) {
    int i = from;
    while (true) {
      int decl = doctype.indexOf("<!ENTITY", i);
      int comment = doctype.indexOf("<!--", i);
      if (decl < 0) {
        return -1;
      }
      if (comment >= 0 && comment < decl) {
        int e = doctype.indexOf("-->", comment + 4);
        if (e < 0) {
          return -1;
        }
        i = e + 3;
        continue;
      }
      return decl;
    }
  }

  private static long size(String name, Map<String, String> values, Map<String, Long> sizes, Set<String> path) {
    Long known = sizes.get(name);
    if (known != null) {
      return known;
    }
    if (!path.add(name)) {
      throw new UnsafeXmlException("the entity &" + name + "; refers to itself");
    }
    String value = values.get(name);
    long n = 0;
    Matcher m = REF.matcher(value);
    int last = 0;
    while (m.find()) {
      n = add(n, m.start() - last);
      last = m.end();
      String ref = m.group(2);
      if (!m.group(1).isEmpty() || isPredefined(ref) || !values.containsKey(ref)) {
        n = add(n, 1); // a character reference, a predefined or an undeclared entity (the parser rejects the latter)
      } else {
        n = add(n, size(ref, values, sizes, path));
      }
    }
    n = add(n, value.length() - last);
    path.remove(name);
    sizes.put(name, n);
    return n;
  }

  private static long add(long a, long b) {
    long r = a + b;
    return r < 0 || r < a ? Long.MAX_VALUE : r;
  }

  private static boolean isPredefined(String name) {
    return name.equals("lt") || name.equals("gt") || name.equals("amp") || name.equals("apos") || name.equals("quot");
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String shorten(String s) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
  }

  /** Adds up what references to declared entities expand to, as the bytes go by. */
  private static final class ExpansionCounter extends FilterInputStream {
    private final Map<String, Long> sizes;
    private long skipUntil;
    private long position;
    private long total;
    private final StringBuilder name = new StringBuilder();
    private boolean inRef;

    ExpansionCounter(InputStream in, Map<String, Long> sizes, long bodyStart) {
      super(in);
      this.sizes = sizes;
      this.skipUntil = bodyStart;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        see((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      for (int k = 0; k < n; k++) {
        see(buf[off + k]);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] tmp = new byte[(int) Math.min(n, 8192)];
      int r = read(tmp, 0, tmp.length);
      return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void see(byte b) {
      if (position++ < skipUntil) {
        return;
      }
      if (!inRef) {
        if (b == '&') {
          inRef = true;
          name.setLength(0);
        }
        return;
      }
      if (b == ';') {
        inRef = false;
        Long n = sizes.get(name.toString());
        if (n != null) {
          total += n;
          if (total > MAX_TOTAL_EXPANSION) {
            throw new UnsafeXmlException(String.format(Locale.ROOT, "the entity references in the document expand to"
                + " more than %,d characters (one entity referenced over and over)", MAX_TOTAL_EXPANSION));
          }
        }
      } else if (b == '&' ) {
        name.setLength(0);
      } else if (b == '<' || b == '>' || b == ' ' || b == '\n' || b == '\r' || b == '\t' || name.length() > 200) {
        inRef = false;
      } else {
        name.append((char) (b & 0xFF));
      }
    }
  }
}
