package org.newsgraph.extract;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which CoreNLP pipeline newsgraph runs ({@code --profile}). Both produce the same output shape
 * (entities, group actors, relations, events, the same RDF terms); they differ in how much NLP
 * stands behind it.
 */
public enum Profile {
  /**
   * The full pipeline: three CRF NER models with SUTime and CoreNLP's complete fine-grained
   * gazetteer, the dependency parse, statistical coreference and the KBP relation extractor.
   */
  ACCURATE("accurate", ""),
  /**
   * A lighter pipeline, several times faster: one CRF NER model (3 classes), SUTime kept (event
   * times need it), the fine-grained gazetteer without its regular-expression entries (which cost
   * most of the NER time), the dependency parse; no statistical coreference (newsgraph's name
   * based merging only) and no KBP (newsgraph's pattern relations only).
   */
  FAST("fast", "+fast");

  private final String id;
  private final String versionSuffix;

  Profile(String id, String versionSuffix) {
    this.id = id;
    this.versionSuffix = versionSuffix;
  }

  /** The name on the command line ({@code accurate}, {@code fast}). */
  public String id() {
    return id;
  }

  /** Appended to the extractor version, so that a build notices a change of profile. */
  String versionSuffix() {
    return versionSuffix;
  }

  /**
   * The profile of a command-line name, ignoring case.
   *
   * @throws IllegalArgumentException naming the profiles there are
   */
  public static Profile parse(String name) {
    for (Profile p : values()) {
      if (p.id.equalsIgnoreCase(name.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown profile '" + name + "'; use one of "
        + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
