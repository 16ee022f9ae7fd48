package org.newsgraph.model;

/**
 * One place where the text names an entity.
 *
 * @param span UTF-16 character offsets of the mention in the article text, and its text
 * @param sentence index of the sentence that holds the mention
 * @param nerTag the named-entity tag the tagger gave (e.g. {@code PERSON}, {@code COUNTRY}), or
 *     {@code METADATA} for a name taken from the byline or a credit line
 */
public record Mention(Span span, int sentence, String nerTag) {
  /** Tag of mentions read from article metadata (byline, photo credit) rather than the body. */
  public static final String METADATA = "METADATA";
}
