package org.newsgraph.viz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Evidence;
import org.newsgraph.viz.ActorNetwork.Link;
import org.newsgraph.viz.ActorNetwork.Participation;

/**
 * The attributes that the file formats carry for each node and link, flattened to strings (lists
 * joined with {@value #LIST_SEPARATOR} or, for sentences, with newlines), in a fixed order and with
 * a fixed type per name, so that GraphML can declare its keys and GEXF its attributes.
 */
final class Attributes {
  private Attributes() {}

  static final String LIST_SEPARATOR = "; ";

  /** Node attribute names and their types ({@code string} or {@code int}). */
  static final Map<String, String> NODE = ordered("label", "string", "kind", "string", "iri", "string",
      "aliases", "string", "degree", "int", "title", "string", "charged_with", "string", "events", "string",
      "colour", "string");
  /** Link attribute names and their types. */
  static final Map<String, String> LINK = ordered("label", "string", "kind", "string", "type", "string",
      "date", "string", "roles", "string", "event", "string", "evidence", "string", "articles", "string",
      "evidence_count", "int");

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** The node attributes of an actor; absent values are left out. */
  static Map<String, String> of(Actor a) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("label", a.name());
    m.put("kind", a.kind().id());
    m.put("iri", a.iri());
    put(m, "aliases", String.join(LIST_SEPARATOR, a.aliases()));
    m.put("degree", Integer.toString(a.degree()));
    put(m, "title", String.join(LIST_SEPARATOR, a.attributes().getOrDefault("title", List.of())));
    put(m, "charged_with", String.join(LIST_SEPARATOR, a.attributes().getOrDefault("chargedWith", List.of())));
    put(m, "events", a.events().stream().map(Attributes::event).collect(Collectors.joining(LIST_SEPARATOR)));
    m.put("colour", a.kind().colour());
    return m;
  }

  /** One participation as text: {@code Justice.Charge-Indict 2020-05 (defendant)}, negation marked. */
  static String event(Participation p) {
    return (p.negated() ? "not: " : "") + p.eventType() + (p.time() != null ? " " + p.time() : "") + " (" + p.role() + ")";
  }

  /** The link attributes; absent values are left out. */
  static Map<String, String> of(Link l) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("label", l.label());
    m.put("kind", l.kind().id());
    m.put("type", l.type());
    put(m, "date", l.date());
    put(m, "roles", l.roles());
    put(m, "event", l.eventIri());
    put(m, "evidence", l.evidence().stream().map(Evidence::sentence).filter(s -> s != null)
        .collect(Collectors.joining("\n")));
    put(m, "articles", l.evidence().stream().map(Attributes::article).filter(s -> !s.isEmpty()).distinct()
        .collect(Collectors.joining("\n")));
    m.put("evidence_count", Integer.toString(l.evidence().size()));
    return m;
  }

  /** "Headline (2020-06-11)". */
  static String article(Evidence e) {
    String h = e.headline() != null ? e.headline() : e.articleIri() != null ? e.articleIri() : "";
    return e.date() != null ? (h + " (" + e.date() + ")").strip() : h;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null && !v.isEmpty()) {
      m.put(k, v);
    }
  }
}
