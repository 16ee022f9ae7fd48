package org.newsgraph.extract;

import org.newsgraph.model.EntityType;

/**
 * A candidate mention during extraction: a token range in one sentence with a type. Mutable while
 * the mention stages repair types and boundaries; turned into a {@link
 * org.newsgraph.model.Mention} at the end.
 */
final class Cand {
  final int sent;
  int start;
  int end;
  EntityType type;
  final String source;
  /** UTF-16 offsets into the article text. */
  int begin;
  int endChar;
  /** The name as written, with quotation marks removed and white space collapsed. */
  String text;

  Cand(int sent, int start, int end, EntityType type, String source) {
    this.sent = sent;
    this.start = start;
    this.end = end;
    this.type = type;
    this.source = source;
  }

  boolean overlaps(int s, int e, int sentence) {
    return sentence == sent && s < end && start < e;
  }

  @Override
  public String toString() {
    return text + "/" + type + "@" + sent + ":" + start + "-" + end + "(" + source + ")";
  }
}
