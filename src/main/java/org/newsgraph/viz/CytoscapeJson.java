package org.newsgraph.viz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Evidence;
import org.newsgraph.viz.ActorNetwork.Link;
import org.newsgraph.viz.ActorNetwork.LinkKind;
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
 *
 * <p>The file keeps one edge per link, so one per event for co-participation. The network page
 * draws {@link #pageTree} instead, where the event links between the same two actors are bundled.
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
      linkData(edges.addObject().putObject("data"), l, false);
    }
    return root;
  }

  private static void linkData(ObjectNode d, Link l, boolean swapped) {
    d.put("id", l.id());
    d.put("source", swapped ? l.target() : l.source());
    d.put("target", swapped ? l.source() : l.target());
    d.put("interaction", l.type());
    d.put("kind", l.kind().id());
    d.put("label", l.label());
    d.put("date", l.date());
    d.put("roles", swapped ? swapRoles(l.roles()) : l.roles());
    d.put("event", l.eventIri());
    evidence(d.putArray("evidence"), l);
  }

  /** {@code a / b} as {@code b / a}; {@code null} stays {@code null}. */
  static String swapRoles(String roles) {
    if (roles == null) {
      return null;
    }
    int slash = roles.indexOf(" / ");
    return slash < 0 ? roles : roles.substring(slash + 3) + " / " + roles.substring(0, slash);
  }

  private static void evidence(ArrayNode evidence, Link l) {
    for (Evidence e : l.evidence()) {
      ObjectNode o = evidence.addObject();
      o.put("sentence", e.sentence());
      o.put("headline", e.headline());
      o.put("date", e.date());
      o.put("article", e.articleIri());
    }
  }

  /**
   * The elements the network page draws: the nodes as in {@link #tree}, every relation link as its
   * own edge, and one edge per pair of actors for all the event links between them (the bundling
   * rule of {@link #drawnEdges}). A bundled edge carries {@code kind: "event"}, {@code count} (the
   * number of events), {@code label} (one line per event: type and date, in link order, a line
   * repeated for several events of the same type and date shown once with {@code ×N}), {@code
   * events} (each event link's data as in {@link #tree}, with the roles turned to the edge's
   * direction) and {@code evidence} (all their sentences), and {@code capLabel}: the lines of
   * {@code label} for the events this edge is the labelled link of ({@link
   * ActorNetwork#labelledEventLinks()}), which the page shows when every event line is labelled, so
   * that an event of many actors is named once, not on each of their links.
   *
   * <p>Actors without a link are not drawn: they are listed under {@code unlinked} (their node
   * data, by name) for the page's list beside the graph, and {@code elements.nodes} holds the linked
   * ones.
   */
  static ObjectNode pageTree(ActorNetwork n) {
    ObjectNode root = tree(n);
    ArrayNode nodes = (ArrayNode) root.get("elements").get("nodes");
    ArrayNode drawn = JSON.createArrayNode();
    List<ObjectNode> unlinked = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode node : nodes) {
      if (node.get("data").get("degree").asInt() > 0) {
        drawn.add(node);
      } else {
        unlinked.add((ObjectNode) node.get("data"));
      }
    }
    ((ObjectNode) root.get("elements")).set("nodes", drawn);
    unlinked.sort(java.util.Comparator.comparing((ObjectNode d) -> d.get("name").asText(), String.CASE_INSENSITIVE_ORDER));
    unlinked.forEach(root.putArray("unlinked")::add);
    Set<String> labelled = n.labelledEventLinks();
    ArrayNode edges = ((ObjectNode) root.get("elements")).putArray("edges");
    Map<String, ObjectNode> bundles = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> lines = new HashMap<>();
    Map<String, Map<String, Integer>> capLines = new HashMap<>();
    for (Link l : n.links()) {
      if (l.kind() != LinkKind.CO_PARTICIPATION) {
        linkData(edges.addObject().putObject("data"), l, false);
        continue;
      }
      String key = pairKey(l);
      ObjectNode d = bundles.get(key);
      if (d == null) {
        d = edges.addObject().putObject("data");
        d.put("id", l.id());
        d.put("source", l.source());
        d.put("target", l.target());
        d.put("interaction", l.type());
        d.put("kind", l.kind().id());
        d.put("date", l.date());
        d.put("count", 0);
        d.putArray("events");
        d.putArray("evidence");
        bundles.put(key, d);
        lines.put(key, new LinkedHashMap<>());
        capLines.put(key, new LinkedHashMap<>());
      }
      if (labelled.contains(l.id())) {
        capLines.get(key).merge(l.label(), 1, Integer::sum);
      }
      boolean swapped = !l.source().equals(d.get("source").asText());
      linkData(((ArrayNode) d.get("events")).addObject(), l, swapped);
      evidence((ArrayNode) d.get("evidence"), l);
      d.put("count", d.get("count").asInt() + 1);
      lines.get(key).merge(l.label(), 1, Integer::sum);
    }
    bundles.forEach((key, d) -> {
      d.put("label", lineText(lines.get(key)));
      d.put("capLabel", lineText(capLines.get(key)));
      if (d.get("count").asInt() == 1) {
        d.put("roles", d.get("events").get(0).get("roles").asText(null));
        d.put("event", d.get("events").get(0).get("event").asText(null));
      }
    });
    return root;
  }

  /** One line per label, a label of several events once with {@code ×N}. */
  private static String lineText(Map<String, Integer> lines) {
    List<String> text = new ArrayList<>();
    lines.forEach((label, times) -> text.add(times == 1 ? label : label + " \u00d7" + times));
    return String.join("\n", text);
  }

  private static String pairKey(Link l) {
    return l.source().compareTo(l.target()) < 0 ? l.source() + " " + l.target() : l.target() + " " + l.source();
  }

  /**
   * How many edges the page draws: one per relation link, and one per pair of actors that share
   * at least one event, however many events they share.
   */
  static int drawnEdges(ActorNetwork n) {
    Set<String> pairs = new HashSet<>();
    int relations = 0;
    for (Link l : n.links()) {
      if (l.kind() == LinkKind.CO_PARTICIPATION) {
        pairs.add(pairKey(l));
      } else {
        relations++;
      }
    }
    return relations + pairs.size();
  }
}
