package org.newsgraph.model;

/**
 * A sentence of the article, the unit of evidence.
 *
 * @param index 0-based position of the sentence in the article
 * @param span the sentence's UTF-16 character offsets into the article text, and its text
 */
public record Sentence(int index, Span span) {}
