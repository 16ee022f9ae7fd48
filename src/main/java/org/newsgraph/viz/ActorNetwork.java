package org.newsgraph.viz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The actor network: people, organisations, places and groups as nodes; relations and
 * co-participation in events as links, each with the sentences behind it. A plain value, built by
 * {@link NetworkProjection} from the RDF and written by the renderers in this package.
 *
 * <p>Node ids ({@code n0}, {@code n1}, ...) and link ids ({@code e0}, ...) are short and stable for
 * the same data and filter; the IRI of each actor is kept beside its id. Lists are unmodifiable.
 *
 * @param actors the nodes, sorted by kind then name
 * @param links the links, sorted by source, target, type
 */
public record ActorNetwork(List<Actor> actors, List<Link> links) {
  /** Copies both lists. */
  public ActorNetwork {
    actors = List.copyOf(actors);
    links = List.copyOf(links);
  }

  /**
   * A node.
   *
   * @param id short id, {@code n} and a number
   * @param iri the actor's IRI in the RDF
   * @param name canonical name ({@code ng:name}; the IRI's last segment if it has none)
   * @param kind the node kind
   * @param aliases other names ({@code ng:alias}), sorted
   * @param attributes literal-valued facts by property local name, e.g. {@code title} and
   *     {@code chargedWith}, each with its sorted values
   * @param events the events the actor takes part in (including negated ones, flagged), by date
   * @param degree number of links that touch the actor in this network
   * @param x horizontal position of the centre in layout units (CSS pixels at zoom 1); 0 before
   *     {@link NetworkLayout} ran
   * @param y vertical position, growing downwards
   * @param size node diameter in layout units
   */
  public record Actor(String id, String iri, String name, NodeKind kind, List<String> aliases,
      Map<String, List<String>> attributes, List<Participation> events, int degree, double x, double y,
      double size) {
    /** Copies the collections. */
    public Actor {
      aliases = List.copyOf(aliases);
      Map<String, List<String>> a = new LinkedHashMap<>();
      attributes.forEach((k, v) -> a.put(k, List.copyOf(v)));
      attributes = java.util.Collections.unmodifiableMap(a);
      events = List.copyOf(events);
    }

    /** The same actor at another position. */
    public Actor at(double newX, double newY) {
      return new Actor(id, iri, name, kind, aliases, attributes, events, degree, newX, newY, size);
    }
  }

  /**
   * One role of an actor in one event.
   *
   * @param eventIri the event's IRI
   * @param eventType ACE type such as {@code Justice.Charge-Indict} ({@code ng:eventType}, else the
   *     subtype class's local name)
   * @param time {@code ng:eventTime} as written (a date, year-month or year), or {@code null}
   * @param role local name of the property from the event to the actor, e.g. {@code defendant}
   * @param trigger the word that expresses the event, or {@code null}
   * @param negated true when the text says the event did not happen
   * @param evidence the sentence that states the event, or {@code null}
   */
  public record Participation(String eventIri, String eventType, String time, String role, String trigger,
      boolean negated, Evidence evidence) {}

  /**
   * A sentence behind a link or event, with the article it is from.
   *
   * @param sentence the sentence text ({@code ng:anchorOf}), or {@code null} when the RDF gives none
   * @param articleIri the article's IRI, or {@code null}
   * @param headline the article's headline, or {@code null}
   * @param date the article's publication date ({@code YYYY-MM-DD}), or {@code null}
   */
  public record Evidence(String sentence, String articleIri, String headline, String date) {}

  /** What a link stands for. */
  public enum LinkKind {
    /** A relation triple between two actors (directed, subject to object). */
    RELATION("relation"),
    /** Both actors are arguments of the same event that happened (undirected). */
    CO_PARTICIPATION("event");

    private final String id;

    LinkKind(String id) {
      this.id = id;
    }

    /** The name used in the outputs' {@code kind} attribute: {@code relation} or {@code event}. */
    public String id() {
      return id;
    }
  }

  /**
   * A link.
   *
   * @param id short id, {@code e} and a number
   * @param source id of the source actor (the subject, for a relation)
   * @param target id of the target actor
   * @param kind relation or co-participation
   * @param type the relation property's local name ({@code founderOf}) or the event type
   *     ({@code Justice.Charge-Indict})
   * @param label what to print on the link: the relation in words ({@code founder of}) or the event
   *     type and time ({@code Justice.Charge-Indict 2020-05})
   * @param date the event time, or the earliest article date of the evidence, or {@code null}
   * @param eventIri the event's IRI for co-participation, else {@code null}
   * @param roles for co-participation, the source's and target's roles ({@code defendant /
   *     prosecutor}), else {@code null}
   * @param evidence the sentences behind the link, oldest article first
   */
  public record Link(String id, String source, String target, LinkKind kind, String type, String label, String date,
      String eventIri, String roles, List<Evidence> evidence) {
    /** Copies the evidence list. */
    public Link {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * The co-participation links that carry their event's label where every link would otherwise
   * repeat it: one link per event, the one between its two best-linked participants (highest summed
   * degree, then the lowest link id). An event with eight participants has 28 links; its type and
   * date are printed on one of them, not on all 28 (the page's "label every event line" and DOT).
   *
   * @return the ids of those links, one per event
   */
  public java.util.Set<String> labelledEventLinks() {
    Map<String, Actor> byId = actorsById();
    Map<String, Link> best = new LinkedHashMap<>();
    for (Link l : links) {
      if (l.kind() != LinkKind.CO_PARTICIPATION || l.eventIri() == null) {
        continue;
      }
      Link current = best.get(l.eventIri());
      if (current == null || weight(l, byId) > weight(current, byId)) {
        best.put(l.eventIri(), l);
      }
    }
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    best.values().forEach(l -> ids.add(l.id()));
    return ids;
  }

  private static int weight(Link l, Map<String, Actor> byId) {
    Actor s = byId.get(l.source());
    Actor t = byId.get(l.target());
    return (s == null ? 0 : s.degree()) + (t == null ? 0 : t.degree());
  }

  /** The actor with this id, if any. */
  public Optional<Actor> actor(String id) {
    return actors.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** Actors by id, in order. */
  public Map<String, Actor> actorsById() {
    Map<String, Actor> m = new LinkedHashMap<>();
    actors.forEach(a -> m.put(a.id(), a));
    return m;
  }

  /** Number of actors of each kind, for summaries. */
  public Map<NodeKind, Integer> countByKind() {
    Map<NodeKind, Integer> m = new LinkedHashMap<>();
    for (NodeKind k : NodeKind.values()) {
      m.put(k, 0);
    }
    actors.forEach(a -> m.merge(a.kind(), 1, Integer::sum));
    return m;
  }

  /** Number of links of each kind. */
  public Map<LinkKind, Integer> countLinksByKind() {
    Map<LinkKind, Integer> m = new HashMap<>();
    links.forEach(l -> m.merge(l.kind(), 1, Integer::sum));
    return m;
  }

  /** The same network with the actors replaced (same ids), for layouts. */
  public ActorNetwork withActors(List<Actor> newActors) {
    return new ActorNetwork(new ArrayList<>(newActors), links);
  }
}
