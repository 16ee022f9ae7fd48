package org.newsgraph.model;

import java.util.List;
import java.util.Set;

/**
 * One real-world actor or place as an article refers to it, after the mentions that refer to it
 * have been merged.
 *
 * @param key article-independent identity key: the type and the normalised canonical name (see
 *     {@link Names#key}); two entities with equal keys are the same node in the graph
 * @param type coarse entity type
 * @param name canonical name: the longest proper name the article uses for it
 * @param aliases every other name the article uses for it (no pronouns), sorted
 * @param mentions every mention, in text order
 * @param merges why the names were merged, one line per merge (e.g. {@code coreference: Jin ~ Jin
 *     Xinjiang})
 * @param group true for a group actor that the text names only by a description ("U.S.
 *     prosecutors", "Chinese security officials", "four police officers"); its key starts with
 *     {@code group/}
 * @param quantity for a group actor, how many it counts when the text says so ("four officers":
 *     4), else null
 */
public record Entity(
    String key,
    EntityType type,
    String name,
    Set<String> aliases,
    List<Mention> mentions,
    List<String> merges,
    boolean group,
    Integer quantity) {
  public Entity {
    aliases = Set.copyOf(aliases);
    mentions = List.copyOf(mentions);
    merges = List.copyOf(merges);
  }

  /** An entity with no stated quantity. */
  public Entity(String key, EntityType type, String name, Set<String> aliases, List<Mention> mentions, List<String> merges,
      boolean group) {
    this(key, type, name, aliases, mentions, merges, group, null);
  }

  /** A named (not group) entity. */
  public Entity(String key, EntityType type, String name, Set<String> aliases, List<Mention> mentions, List<String> merges) {
    this(key, type, name, aliases, mentions, merges, false);
  }

  /** A copy with one more merge reason. */
  public Entity withMerge(String reason) {
    List<String> m = new java.util.ArrayList<>(merges);
    m.add(reason);
    return new Entity(key, type, name, aliases, mentions, m, group, quantity);
  }
}
