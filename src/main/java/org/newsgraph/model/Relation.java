package org.newsgraph.model;

import java.util.Objects;

/**
 * A relation the article states between an entity and another entity or a literal value.
 *
 * @param subject key of the subject entity
 * @param predicate the relation predicate
 * @param object key of the object entity, or {@code null} when {@code value} is set
 * @param value literal object (title, charge), or {@code null} when {@code object} is set
 * @param evidence the sentence that states it, or {@code null} for a relation read from the
 *     article's metadata (byline, photo credit)
 * @param extractor name of the rule or model that found it (e.g. {@code kbp}, {@code
 *     pattern:appositive-title})
 * @param confidence the extractor's confidence in [0, 1], or {@code NaN} when it gives none
 * @param assertedBy key of the entity the text attributes the relation to ("prosecutors said"), or
 *     {@code null} when the article states it itself
 * @param stage how far the claim has come when the text says so ({@code alleged}, {@code charged},
 *     {@code denied}, {@code reported}, ...), or {@code null}
 */
public record Relation(
    String subject,
    Predicate predicate,
    String object,
    String value,
    Sentence evidence,
    String extractor,
    double confidence,
    String assertedBy,
    String stage) {

  /** A relation the article states itself, with no source or stage. */
  public Relation(String subject, Predicate predicate, String object, String value, Sentence evidence, String extractor, double confidence) {
    this(subject, predicate, object, value, evidence, extractor, confidence, null, null);
  }

  /** A copy with the given source and stage. */
  public Relation withAttribution(String newAssertedBy, String newStage) {
    return new Relation(subject, predicate, object, value, evidence, extractor, confidence, newAssertedBy, newStage);
  }

  public Relation {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(predicate, "predicate");
    if ((object == null) == (value == null)) {
      throw new IllegalArgumentException("exactly one of object and value must be set");
    }
    if (predicate.literalObject() != (value != null)) {
      throw new IllegalArgumentException(predicate + " takes " + (predicate.literalObject() ? "a literal" : "an entity"));
    }
  }

  /** Identity of the fact, ignoring evidence: two relations with equal facts are one edge. */
  public String factKey() {
    return subject + "|" + predicate + "|" + (object != null ? object : "\"" + value);
  }
}
