package org.newsgraph.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.model.Names;

/**
 * Word lists and tables that extraction rules read, loaded from resource files beside this class.
 * Lines starting with '#' and blank lines are ignored.
 */
final class Lexicons {
  private Lexicons() {}

  /** Non-comment, non-blank lines of a resource beside this class, trimmed of line ends. */
  static List<String> lines(String resource) {
    InputStream in = Lexicons.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource + " beside " + Lexicons.class.getName());
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A one-word-per-line resource as a lower-case set. */
  static Set<String> words(String resource) {
    Set<String> s = new LinkedHashSet<>();
    for (String l : lines(resource)) {
      s.add(l.toLowerCase(Locale.ROOT));
    }
    return s;
  }

  /**
   * A tab-separated table whose first column is a canonical name and whose other columns are its
   * alternate names, as a map from every normalised name ({@link Names#normalise}) to the
   * canonical name.
   */
  static Map<String, String> aliasTable(String resource) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String l : lines(resource)) {
      String[] cols = l.split("\t");
      for (String c : cols) {
        m.putIfAbsent(Names.normalise(c), cols[0]);
      }
    }
    return m;
  }

  /** A two-column tab-separated table, first column (as written) to second. */
  static Map<String, String> pairs(String resource) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String l : lines(resource)) {
      String[] cols = l.split("\t");
      if (cols.length >= 2) {
        m.put(cols[0], cols[1]);
      }
    }
    return m;
  }

  /** CoreNLP's table of place names and their adjectival and plural forms (models jar). */
  private static final String CORENLP_DEMONYMS = "edu/stanford/nlp/models/dcoref/demonyms.txt";

  private static volatile Map<String, String> demonyms;

  /**
   * Nationality and place adjectives and plurals ("Kenyan", "Kenyans", "Togolese") to the place
   * they name ("Kenya"): newsgraph's own {@code demonyms.tsv} first (its choices win, e.g.
   * "American" = United States), then CoreNLP's {@code dcoref/demonyms.txt} (from Wikipedia's list
   * of adjectival forms of place names) for every other place. Keys as written (capitalised).
   */
  static Map<String, String> demonyms() {
    Map<String, String> m = demonyms;
    if (m != null) {
      return m;
    }
    m = new LinkedHashMap<>(pairs("demonyms.tsv"));
    try (InputStream in = Lexicons.class.getClassLoader().getResourceAsStream(CORENLP_DEMONYMS)) {
      if (in != null) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("#") || line.isBlank()) {
            continue;
          }
          String[] cols = line.split("\t");
          for (int i = 1; i < cols.length; i++) {
            if (!cols[i].isBlank()) {
              m.putIfAbsent(cols[i].strip(), cols[0].strip());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    demonyms = java.util.Collections.unmodifiableMap(m);
    return demonyms;
  }
}
