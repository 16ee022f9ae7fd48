package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule of a pattern file: a name, an action (an entity type or a predicate) and a pattern in
 * one of CoreNLP's pattern languages (TokensRegex or Semgrex).
 *
 * <p>File format: one rule per line, {@code name action pattern}, separated by the first two runs
 * of spaces; lines starting with '#' are comments. A rule that does not need an action (Semgrex
 * rule files) is written {@code name pattern}.
 *
 * @param name rule name, recorded as the extractor of what it finds ({@code pattern:NAME})
 * @param action what the rule produces, e.g. {@code ORGANIZATION} or {@code based_in}; empty when
 *     the file has no action column
 * @param pattern the pattern text
 */
record PatternRule(String name, String action, String pattern) {

  /**
   * Reads a rule resource beside {@link Lexicons}.
   *
   * @param withAction whether lines carry an action column
   * @throws IllegalStateException when a line has too few fields
   */
  static List<PatternRule> load(String resource, boolean withAction) {
    List<PatternRule> rules = new ArrayList<>();
    for (String line : Lexicons.lines(resource)) {
      String[] parts = line.split("\\s+", withAction ? 3 : 2);
      if (parts.length < (withAction ? 3 : 2)) {
        throw new IllegalStateException("bad rule line in " + resource + ": " + line);
      }
      rules.add(withAction
          ? new PatternRule(parts[0], parts[1], parts[2])
          : new PatternRule(parts[0], "", parts[1]));
    }
    return rules;
  }
}
