package org.newsgraph.model;

import java.util.List;

/**
 * Something that happened, as the article reports it: one event may be mentioned by several
 * triggers ("charged", "the charges") across sentences.
 *
 * @param id article-local id, e.g. {@code e3}
 * @param type event type of FORMAT.md, e.g. {@code Justice.Charge-Indict}, {@code Conflict.Censor}
 * @param triggers the trigger words as spans (UTF-16 offsets into the article text), in text order
 * @param arguments participants with their roles, each (role, entity) once
 * @param time ISO 8601 time as precise as the text allows ({@code 1989}, {@code 2020-05}, {@code
 *     2020-05-31}), or {@code null} when the text gives none
 * @param negated true when the text says it did not happen ("did not share")
 * @param hypothetical true when the text says it might, would or could happen ("if convicted")
 * @param assertedBy key of the entity the text attributes the report to ("prosecutors allege"), or
 *     {@code null} when the article states it itself
 * @param stage how far the claim has come, when the text says so: {@code alleged}, {@code charged},
 *     {@code convicted}, {@code denied}, {@code confirmed}, {@code reported}; or {@code null}
 * @param evidence the sentence of the first trigger
 * @param extractor rule that found the first trigger, e.g. {@code trigger:charge}
 */
public record Event(
    String id,
    String type,
    List<Span> triggers,
    List<Argument> arguments,
    String time,
    boolean negated,
    boolean hypothetical,
    String assertedBy,
    String stage,
    Sentence evidence,
    String extractor) {
  public Event {
    triggers = List.copyOf(triggers);
    arguments = List.copyOf(arguments);
  }
}
