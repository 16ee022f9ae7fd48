package org.newsgraph.extract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one rule on one sentence (or one step of the whole article) so that an exception in it
 * costs only that rule's output there, never the article: the failure is logged as a warning with
 * the rule, the sentence and the exception, and extraction goes on.
 */
final class RuleGuard {
  private static final Logger LOG = LoggerFactory.getLogger(RuleGuard.class);

  private RuleGuard() {}

  /**
   * Runs {@code rule}.
   *
   * @param what the rule's name, e.g. {@code relations:patterns}
   * @param sentence the 0-based sentence index, or -1 for a step over the whole article
   * @return false when the rule threw (its output is then whatever it added before it failed)
   */
  static boolean run(String what, int sentence, Runnable rule) {
    try {
      rule.run();
      return true;
    } catch (RuntimeException e) {
      LOG.warn("extraction rule {} failed on {} ({}); its output there is left out", what,
          sentence < 0 ? "the article" : "sentence " + (sentence + 1), e.toString());
      LOG.debug("rule failure", e);
      return false;
    }
  }
}
