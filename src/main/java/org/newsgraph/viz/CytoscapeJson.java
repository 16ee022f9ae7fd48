package org.newsgraph.viz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Evidence;
import org.newsgraph.viz.ActorNetwork.Link;
import org.newsgraph.viz.ActorNetwork.Participation;

/**
 * Cytoscape.js JSON ({@code .cyjs}), which Cytoscape desktop imports (File, Import, Network from
 * File) with positions, and which the network page draws. Shape:
 *
 * <pre>{@code
 * {"format_version": "1.0", "generated_by": "newsgraph", "target_cytoscapejs_version": "~3.33",
 *  "data": {"name": "newsgraph actor network"},
 *  "elements": {
 *    "nodes": [{"data": {"id": "n0", "name": "Jin Xinjiang", "kind": "person", "iri": "...",
 *                        "aliases": ["Jin"], "degree": 2, "size": 42.1, "colour": "#4e79a7",
 *                        "shape": "ellipse", "title": [...], "charged_with": [...],
 *                        "events": [{"event", "type", "time", "role", "trigger", "negated",
 *                                    "sentence", "headline", "date"}]},
 *               "position": {"x": 120.5, "y": 80}}],
 *    "edges": [{"data": {"id": "e0", "source": "n0", "target": "n3", "interaction": "founderOf",
 *                        "kind": "relation", "label": "founder of", "date": "2020-06-11",
 *                        "roles": null, "event": null,
 *                        "evidence": [{"sentence", "headline", "date", "article"}]}}]}}
 * }</pre>
 *
 * {@code name} and {@code interaction} are the columns Cytoscape desktop uses for node labels and
 * edge types. List attributes are JSON arrays.
 */
final class CytoscapeJson {
  private CytoscapeJson() {}

  static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode tree(ActorNetwork n) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format_version", "1.0");
    root.put("generated_by", "newsgraph");
    root.put("target_cytoscapejs_version", "~3.33");
    root.putObject("data").put("name", "newsgraph actor network");
    ObjectNode elements = root.putObject("elements");
    ArrayNode nodes = elements.putArray("nodes");
    for (Actor a : n.actors()) {
      ObjectNode el = nodes.addObject();
      ObjectNode d = el.putObject("data");
      d.put("id", a.id());
      d.put("name", a.name());
      d.put("kind", a.kind().id());
      d.put("iri", a.iri());
      a.aliases().forEach(d.putArray("aliases")::add);
      d.put("degree", a.degree());
      d.put("size", a.size());
      d.put("colour", a.kind().colour());
      d.put("shape", a.kind().cytoscapeShape());
      a.attributes().getOrDefault("title", java.util.List.of()).forEach(d.putArray("title")::add);
      a.attributes().getOrDefault("chargedWith", java.util.List.of()).forEach(d.putArray("charged_with")::add);
      ArrayNode events = d.putArray("events");
      for (Participation p : a.events()) {
        ObjectNode e = events.addObject();
        e.put("event", p.eventIri());
        e.put("type", p.eventType());
        e.put("time", p.time());
        e.put("role", p.role());
        e.put("trigger", p.trigger());
        e.put("negated", p.negated());
        Evidence ev = p.evidence();
        e.put("sentence", ev == null ? null : ev.sentence());
        e.put("headline", ev == null ? null : ev.headline());
        e.put("date", ev == null ? null : ev.date());
      }
      ObjectNode pos = el.putObject("position");
      pos.put("x", a.x());
      pos.put("y", a.y());
    }
    ArrayNode edges = elements.putArray("edges");
    for (Link l : n.links()) {
      ObjectNode d = edges.addObject().putObject("data");
      d.put("id", l.id());
      d.put("source", l.source());
      d.put("target", l.target());
      d.put("interaction", l.type());
      d.put("kind", l.kind().id());
      d.put("label", l.label());
      d.put("date", l.date());
      d.put("roles", l.roles());
      d.put("event", l.eventIri());
      ArrayNode evidence = d.putArray("evidence");
      for (Evidence e : l.evidence()) {
        ObjectNode o = evidence.addObject();
        o.put("sentence", e.sentence());
        o.put("headline", e.headline());
        o.put("date", e.date());
        o.put("article", e.articleIri());
      }
    }
    return root;
  }
}
