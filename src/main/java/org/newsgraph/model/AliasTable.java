package org.newsgraph.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names a user declares to be one entity, beyond what the text shows ("Bob Smith" is "Robert
 * Smith"): each alias, normalised with {@link Names#normalise}, maps to the canonical name.
 *
 * @param canonicalByAlias normalised alias (the canonical name itself included) to canonical name
 */
public record AliasTable(Map<String, String> canonicalByAlias) {
  /** A table with no entries. */
  public static final AliasTable EMPTY = new AliasTable(Map.of());

  public AliasTable {
    canonicalByAlias = Collections.unmodifiableMap(new LinkedHashMap<>(canonicalByAlias));
  }

  /** The canonical name declared for {@code name}, if any. */
  public Optional<String> canonical(String name) {
    return Optional.ofNullable(canonicalByAlias.get(Names.normalise(name)));
  }

  /** Number of aliases (canonical names included). */
  public int size() {
    return canonicalByAlias.size();
  }
}
