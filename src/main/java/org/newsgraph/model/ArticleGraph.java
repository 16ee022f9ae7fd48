package org.newsgraph.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything extraction found in one article.
 *
 * @param article the article read
 * @param sentences the article's sentences, in order
 * @param entities entities, each once, in order of first mention
 * @param relations relations between them, each fact once (the first evidence kept)
 * @param events events with their arguments, in order of first trigger
 * @param extractorVersion identifies the extraction code and configuration that produced this
 */
public record ArticleGraph(
    Article article,
    List<Sentence> sentences,
    List<Entity> entities,
    List<Relation> relations,
    List<Event> events,
    String extractorVersion) {
  public ArticleGraph {
    sentences = List.copyOf(sentences);
    entities = List.copyOf(entities);
    relations = List.copyOf(relations);
    events = List.copyOf(events);
  }

  /** Entities by key. */
  public Map<String, Entity> entitiesByKey() {
    return entities.stream().collect(Collectors.toMap(Entity::key, Function.identity(), (a, b) -> a));
  }

  /** The entity whose canonical name or alias equals {@code name}, ignoring case. */
  public Optional<Entity> findEntity(String name) {
    return entities.stream()
        .filter(e -> e.name().equalsIgnoreCase(name) || e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name)))
        .findFirst();
  }
}
