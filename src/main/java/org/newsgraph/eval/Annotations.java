package org.newsgraph.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.newsgraph.model.Argument;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.Event;
import org.newsgraph.model.Relation;
import org.newsgraph.model.Span;

/**
 * Writes extractions in the JSON shape of the gold files ({@code shared/gold/FORMAT.md}), so any
 * scorer can compare the two. Entity ids are the entity keys ({@code person/jin-xinjiang}). Beyond
 * the gold shape, relations carry their evidence sentence, extractor, source and stage, and events
 * their negation, hypothetical flag, source and stage.
 */
public final class Annotations {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Annotations() {}

  /** One article as a JSON object in the gold shape. */
  public static ObjectNode toJson(ArticleGraph g) {
    ObjectNode root = JSON.createObjectNode();
    root.put("document", g.article().source());
    if (g.article().date() != null) {
      root.put("documentDate", g.article().date().toString());
    }
    ArrayNode entities = root.putArray("entities");
    for (Entity e : g.entities()) {
      ObjectNode n = entities.addObject();
      n.put("id", e.key());
      n.put("type", e.type().name());
      if (e.group()) {
        n.put("group", true);
      }
      if (e.quantity() != null) {
        n.put("quantity", e.quantity());
      }
      n.put("name", e.name());
      ArrayNode aliases = n.putArray("aliases");
      e.aliases().stream().sorted().forEach(aliases::add);
    }
    ArrayNode relations = root.putArray("relations");
    for (Relation r : g.relations()) {
      ObjectNode n = relations.addObject();
      n.put("subject", r.subject());
      n.put("predicate", r.predicate().goldName());
      if (r.object() != null) {
        n.put("object", r.object());
      } else {
        n.put("value", r.value());
      }
      if (r.evidence() != null) {
        n.put("evidence", r.evidence().span().text());
      }
      n.put("extractor", r.extractor());
      if (r.assertedBy() != null) {
        n.put("assertedBy", r.assertedBy());
      }
      if (r.stage() != null) {
        n.put("stage", r.stage());
      }
    }
    ArrayNode events = root.putArray("events");
    for (Event e : g.events()) {
      ObjectNode n = events.addObject();
      n.put("id", e.id());
      n.put("type", e.type());
      ArrayNode triggers = n.putArray("triggers");
      e.triggers().stream().map(Span::text).distinct().forEach(triggers::add);
      if (e.time() != null) {
        n.put("time", e.time());
      }
      ArrayNode args = n.putArray("arguments");
      for (Argument a : e.arguments()) {
        args.addObject().put("role", a.role()).put("entity", a.entity());
      }
      if (e.negated()) {
        n.put("negated", true);
      }
      if (e.hypothetical()) {
        n.put("hypothetical", true);
      }
      if (e.assertedBy() != null) {
        n.put("assertedBy", e.assertedBy());
      }
      if (e.stage() != null) {
        n.put("stage", e.stage());
      }
    }
    return root;
  }

  /**
   * Several articles as JSON text: one object for one article, an array for several.
   *
   * @return indented JSON with a final newline
   */
  public static String toJsonText(List<ArticleGraph> graphs) {
    try {
      if (graphs.size() == 1) {
        return JSON.writeValueAsString(toJson(graphs.get(0))) + "\n";
      }
      ArrayNode all = JSON.createArrayNode();
      graphs.forEach(g -> all.add(toJson(g)));
      return JSON.writeValueAsString(all) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
