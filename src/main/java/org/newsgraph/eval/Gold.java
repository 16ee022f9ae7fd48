package org.newsgraph.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A gold-annotation file in the format of {@code shared/gold/FORMAT.md}: what a careful reader
 * takes from one article.  *
 * @param document path of the article the gold describes
 * @param kind the kind of news ({@code business}, {@code politics}, {@code conflict}, {@code
 *     disaster}, {@code protest}, {@code crime}, {@code science}, {@code sports}), or null when
 *     the gold does not say
 * @param documentDate publication date (ISO), or null
 * @param entities named and group entities
 * @param relations relations between entities or to literal values
 * @param events events with their arguments
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Gold(String document, String kind, String documentDate, List<GoldEntity> entities, List<GoldRelation> relations,
    List<GoldEvent> events) {

  /** One gold entity; {@code type} is PERSON, ORGANIZATION, GPE or LOCATION. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record GoldEntity(String id, String type, boolean group, String name, List<String> aliases) {
    public GoldEntity {
      aliases = aliases == null ? List.of() : aliases;
    }
  }

  /** One gold event: type, trigger words, ISO time (may be null) and arguments. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record GoldEvent(String id, String type, List<String> triggers, String time, List<GoldArgument> arguments) {
    public GoldEvent {
      triggers = triggers == null ? List.of() : triggers;
      arguments = arguments == null ? List.of() : arguments;
    }
  }

  /** One gold argument: an ACE role and a gold entity id. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record GoldArgument(String role, String entity) {}

  /** One gold relation: {@code object} is an entity id, or {@code value} a literal. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record GoldRelation(String subject, String predicate, String object, String value) {}

  /**
   * Reads a gold file.
   *
   * @throws IOException when it cannot be read or is not valid gold JSON
   */
  public static Gold read(Path file) throws IOException {
    Gold g = new ObjectMapper().readValue(file.toFile(), Gold.class);
    return new Gold(g.document, g.kind, g.documentDate, g.entities == null ? List.of() : g.entities,
        g.relations == null ? List.of() : g.relations, g.events == null ? List.of() : g.events);
  }
}
