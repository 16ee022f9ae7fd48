package org.newsgraph.viz;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.newsgraph.model.DisplayNames;
import org.newsgraph.rdf.NG;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Evidence;
import org.newsgraph.viz.ActorNetwork.Link;
import org.newsgraph.viz.ActorNetwork.LinkKind;
import org.newsgraph.viz.ActorNetwork.Participation;

/**
 * Projects the RDF of the knowledge graph onto the {@link ActorNetwork}: SPARQL over the union of
 * all article graphs, no Neo4j needed.
 *
 * <p>What is read (namespace {@code ng:} = {@value NG#NS}):
 *
 * <ul>
 *   <li>Actors: resources typed {@code ng:Person}, {@code ng:Organization}, {@code
 *       ng:GeopoliticalEntity} or {@code ng:Location}, with {@code ng:name}, {@code ng:alias} and
 *       the literal relations {@code ng:title} and {@code ng:chargedWith} as attributes. A person or
 *       organisation with {@code ng:isGroup true} is a {@link NodeKind#GROUP}.
 *   <li>Relations: triples between two actors with one of the ten relation properties ({@code
 *       ng:employeeOrMemberOf} ... {@code ng:locatedIn}), with the sentences of the {@code
 *       rdf:Statement}s that reify them (RDF 1.2 {@code rdf:reifies <<( s p o )>>} as stored, or
 *       RDF 1.1 {@code rdf:subject}/{@code rdf:predicate}/{@code rdf:object}) ({@code ng:evidence}/{@code ng:anchorOf}, {@code
 *       ng:inArticle}/{@code ng:headline}, {@code ng:datePublished}).
 *   <li>Events: resources typed {@code ng:Event} with {@code ng:eventType} (else the local name of
 *       their other {@code ng:} class), {@code ng:eventTime}, {@code ng:trigger}, {@code
 *       ng:negated}, {@code ng:evidence} and {@code ng:inArticle}. Every property from an event to an
 *       actor is a role ({@code ng:defendant}, {@code ng:place}, ...), so new roles need no code.
 *       Each pair of actors in one event that was not negated gets a co-participation link.
 * </ul>
 */
public final class NetworkProjection {
  private NetworkProjection() {}

  /** Relation properties drawn as links; the literal ones (title, chargedWith) are attributes. */
  public static final List<String> RELATIONS = List.of("employeeOrMemberOf", "founderOf", "leaderOf", "residesIn",
      "nationality", "basedIn", "partOf", "actsFor", "familyOf", "locatedIn");
  /** Literal-valued properties shown as node attributes. */
  public static final List<String> ATTRIBUTES = List.of("title", "chargedWith");

  // Terms of the event and group-actor extraction (another issue); read here by name so this
  // package works before and after they are declared in NG.
  private static final String IS_GROUP = NG.NS + "isGroup";

  private static final String PREFIXES = "PREFIX ng: <" + NG.NS + ">\n"
      + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n";
  private static final String ACTOR_TYPES = "VALUES ?t { ng:Person ng:Organization ng:GeopoliticalEntity ng:Location }";
  private static final String RELATION_VALUES = RELATIONS.stream().map(r -> "ng:" + r)
      .collect(Collectors.joining(" ", "VALUES ?p { ", " }"));

  /**
   * The network of a dataset whose named graphs are articles (a TDB2 store or a dataset read from
   * TriG), in one read transaction over the union of its named graphs.
   *
   * @param dataset the dataset; its default graph is not read
   * @param filter what to keep
   * @return the network without layout (positions 0)
   * @throws IllegalArgumentException when the filter's focus names no actor
   */
  public static ActorNetwork project(Dataset dataset, NetworkFilter filter) {
    return Txn.calculateRead(dataset, () -> project(dataset.getUnionModel(), filter));
  }

  /**
   * The network of one graph holding articles' triples (e.g. a union model).
   *
   * @throws IllegalArgumentException when the filter's focus names no actor
   */
  public static ActorNetwork project(Model model, NetworkFilter filter) {
    Facts facts = read(model, filter.hasDateRange());
    return build(facts, filter);
  }

  // ------------------------------------------------------------------ reading

  private static final class ActorFacts {
    final String iri;
    final Set<String> types = new HashSet<>();
    final TreeSet<String> names = new TreeSet<>();
    final TreeSet<String> aliases = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, TreeSet<String>> attributes = new TreeMap<>();
    final Set<String> mentionedIn = new HashSet<>();
    boolean group;
    String display;

    ActorFacts(String iri) {
      this.iri = iri;
    }
  }

  private static final class EventFacts {
    final String iri;
    String type;
    String typeClass;
    String time;
    String trigger;
    boolean negated;
    final List<Evidence> evidence = new ArrayList<>();
    final List<String[]> arguments = new ArrayList<>(); // {role, actor IRI}

    EventFacts(String iri) {
      this.iri = iri;
    }
  }

  private record Article(String headline, String date) {}

  private record Facts(Map<String, ActorFacts> actors, Map<List<String>, List<Evidence>> relations,
      Map<String, EventFacts> events, Map<String, Article> articles) {}

  private static Facts read(Model m, boolean withMentions) {
    Map<String, Article> articles = new HashMap<>();
    select(m, "SELECT ?a ?h ?d WHERE { ?a a ng:Article OPTIONAL { ?a ng:headline ?h } OPTIONAL { ?a ng:datePublished ?d } }",
        s -> articles.merge(iri(s, "a"), new Article(text(s, "h"), text(s, "d")),
            (x, y) -> new Article(x.headline() != null ? x.headline() : y.headline(), x.date() != null ? x.date() : y.date())));

    Map<String, ActorFacts> actors = new HashMap<>();
    select(m, "SELECT ?a ?t ?n ?g WHERE { ?a a ?t . " + ACTOR_TYPES
        + " OPTIONAL { ?a ng:name ?n } OPTIONAL { ?a <" + IS_GROUP + "> ?g } FILTER(isIRI(?a)) }", s -> {
          ActorFacts a = actors.computeIfAbsent(iri(s, "a"), ActorFacts::new);
          a.types.add(local(iri(s, "t")));
          if (text(s, "n") != null) {
            a.names.add(text(s, "n"));
          }
          if (isTrue(s.get("g"))) {
            a.group = true;
          }
        });
    select(m, "SELECT ?a ?v WHERE { ?a ng:alias ?v }", s -> {
      ActorFacts a = actors.get(iri(s, "a"));
      if (a != null) {
        a.aliases.add(text(s, "v"));
      }
    });
    String attrValues = ATTRIBUTES.stream().map(p -> "ng:" + p).collect(Collectors.joining(" ", "VALUES ?p { ", " }"));
    select(m, "SELECT ?a ?p ?v WHERE { ?a ?p ?v . " + attrValues + " FILTER(isLiteral(?v)) }", s -> {
      ActorFacts a = actors.get(iri(s, "a"));
      if (a != null) {
        a.attributes.computeIfAbsent(local(iri(s, "p")), k -> new TreeSet<>()).add(text(s, "v"));
      }
    });
    if (withMentions) {
      select(m, "SELECT ?art ?a WHERE { ?art ng:mentions ?a }", s -> {
        ActorFacts a = actors.get(iri(s, "a"));
        if (a != null) {
          a.mentionedIn.add(iri(s, "art"));
        }
      });
    }

    Map<List<String>, List<Evidence>> relations = new LinkedHashMap<>();
    select(m, "SELECT ?s ?p ?o WHERE { ?s ?p ?o . " + RELATION_VALUES + " FILTER(isIRI(?o)) }", s -> {
      if (actors.containsKey(iri(s, "s")) && actors.containsKey(iri(s, "o"))) {
        relations.computeIfAbsent(List.of(iri(s, "s"), local(iri(s, "p")), iri(s, "o")), k -> new ArrayList<>());
      }
    });
    select(m, "SELECT ?s ?p ?o ?text ?art ?sart WHERE { { ?st rdf:reifies <<( ?s ?p ?o )>> } "
        + "UNION { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } "
        + RELATION_VALUES + " FILTER(isIRI(?o)) "
        + "OPTIONAL { ?st ng:evidence ?sent OPTIONAL { ?sent ng:anchorOf ?text } OPTIONAL { ?sent ng:inArticle ?sart } } "
        + "OPTIONAL { ?st ng:inArticle ?art } }", s -> {
          if (!actors.containsKey(iri(s, "s")) || !actors.containsKey(iri(s, "o"))) {
            return;
          }
          List<Evidence> ev = relations.computeIfAbsent(List.of(iri(s, "s"), local(iri(s, "p")), iri(s, "o")),
              k -> new ArrayList<>());
          String art = iri(s, "art") != null ? iri(s, "art") : iri(s, "sart");
          Evidence e = evidence(text(s, "text"), art, articles);
          if (!ev.contains(e)) {
            ev.add(e);
          }
        });

    Map<String, EventFacts> events = new LinkedHashMap<>();
    select(m, "SELECT ?e ?type ?time ?trigger ?neg WHERE { ?e a ng:Event OPTIONAL { ?e ng:eventType ?type } "
        + "OPTIONAL { ?e ng:eventTime ?time } OPTIONAL { ?e ng:trigger ?trigger } OPTIONAL { ?e ng:negated ?neg } }", s -> {
          EventFacts e = events.computeIfAbsent(iri(s, "e"), EventFacts::new);
          e.type = first(e.type, text(s, "type"));
          e.time = preciser(e.time, text(s, "time"));
          e.trigger = first(e.trigger, text(s, "trigger"));
          e.negated |= isTrue(s.get("neg"));
        });
    select(m, "SELECT ?e ?c WHERE { ?e a ng:Event , ?c FILTER(?c != ng:Event && STRSTARTS(STR(?c), STR(ng:))) }", s -> {
      EventFacts e = events.get(iri(s, "e"));
      if (e != null) {
        e.typeClass = first(e.typeClass, local(iri(s, "c")));
      }
    });
    select(m, "SELECT ?e ?text ?art ?sart WHERE { ?e a ng:Event . OPTIONAL { ?e ng:inArticle ?art } "
        + "OPTIONAL { ?e ng:evidence ?sent OPTIONAL { ?sent ng:anchorOf ?text } OPTIONAL { ?sent ng:inArticle ?sart } } "
        + "FILTER(BOUND(?text) || BOUND(?art)) }", s -> {
          EventFacts e = events.get(iri(s, "e"));
          String art = iri(s, "art") != null ? iri(s, "art") : iri(s, "sart");
          Evidence ev = evidence(text(s, "text"), art, articles);
          if (e != null && !e.evidence.contains(ev)) {
            e.evidence.add(ev);
          }
        });
    select(m, "SELECT ?e ?p ?a WHERE { ?e a ng:Event ; ?p ?a . ?a a ?t . " + ACTOR_TYPES + " }", s -> {
      EventFacts e = events.get(iri(s, "e"));
      String[] arg = {local(iri(s, "p")), iri(s, "a")};
      if (e != null && actors.containsKey(arg[1]) && e.arguments.stream().noneMatch(x -> x[0].equals(arg[0]) && x[1].equals(arg[1]))) {
        e.arguments.add(arg);
      }
    });
    for (EventFacts e : events.values()) {
      e.evidence.sort(EVIDENCE_ORDER);
      e.arguments.sort(Comparator.<String[], String>comparing(x -> x[0]).thenComparing(x -> x[1]));
    }
    relations.values().forEach(l -> l.sort(EVIDENCE_ORDER));
    return new Facts(actors, relations, events, articles);
  }

  private static final Comparator<Evidence> EVIDENCE_ORDER = Comparator
      .comparing(Evidence::date, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Evidence::headline, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Evidence::sentence, Comparator.nullsLast(Comparator.naturalOrder()));

  private static Evidence evidence(String sentence, String articleIri, Map<String, Article> articles) {
    Article a = articleIri == null ? null : articles.get(articleIri);
    return new Evidence(sentence, articleIri, a == null ? null : a.headline(), a == null ? null : a.date());
  }

  private static void select(Model m, String query, Consumer<QuerySolution> row) {
    try (QueryExecution qe = QueryExecution.model(m).query(PREFIXES + query).build()) {
      ResultSet rs = qe.execSelect();
      while (rs.hasNext()) {
        row.accept(rs.next());
      }
    }
  }

  private static String iri(QuerySolution s, String var) {
    RDFNode n = s.get(var);
    return n != null && n.isURIResource() ? n.asResource().getURI() : null;
  }

  private static String text(QuerySolution s, String var) {
    RDFNode n = s.get(var);
    return n != null && n.isLiteral() ? n.asLiteral().getLexicalForm() : null;
  }

  private static boolean isTrue(RDFNode n) {
    if (n == null || !n.isLiteral()) {
      return false;
    }
    Literal l = n.asLiteral();
    String lex = l.getLexicalForm().strip();
    return lex.equals("true") || lex.equals("1");
  }

  /**
   * Of two times of one event (reports of one story may give different ones), the more precise,
   * then the earlier: the one Neo4j's {@code eventTime} shows.
   */
  private static String preciser(String current, String candidate) {
    if (current == null || candidate == null) {
      return current != null ? current : candidate;
    }
    if (current.length() != candidate.length()) {
      return current.length() > candidate.length() ? current : candidate;
    }
    return current.compareTo(candidate) <= 0 ? current : candidate;
  }

  private static String first(String current, String candidate) {
    return current != null ? current : candidate;
  }

  /** The part of an IRI after its last '#' or '/'. */
  static String local(String iri) {
    if (iri == null) {
      return null;
    }
    int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return iri.substring(i + 1);
  }

  // ------------------------------------------------------------------ building

  /**
   * The days a date literal covers: a day ({@code 2020-05-31}, also the date part of a date-time),
   * a month ({@code 2020-05}) or a year ({@code 2020}); {@code null} when it is none of those.
   */
  static LocalDate[] interval(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    try {
      if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
        LocalDate d = LocalDate.parse(v.substring(0, 10));
        return new LocalDate[] {d, d};
      }
      if (v.matches("\\d{4}-\\d{2}")) {
        YearMonth ym = YearMonth.parse(v);
        return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
      }
      if (v.matches("\\d{4}")) {
        int y = Integer.parseInt(v);
        return new LocalDate[] {LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)};
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    return null;
  }

  private static boolean inRange(NetworkFilter f, String date) {
    LocalDate[] i = interval(date);
    return i == null ? !f.hasDateRange() : f.overlaps(i[0], i[1]);
  }

  private static NodeKind kindOf(ActorFacts a) {
    NodeKind k;
    if (a.types.contains("Person")) {
      k = NodeKind.PERSON;
    } else if (a.types.contains("Organization")) {
      k = NodeKind.ORGANIZATION;
    } else if (a.types.contains("GeopoliticalEntity")) {
      k = NodeKind.GPE;
    } else {
      k = NodeKind.LOCATION;
    }
    return a.group && (k == NodeKind.PERSON || k == NodeKind.ORGANIZATION) ? NodeKind.GROUP : k;
  }

  private static String nameOf(ActorFacts a) {
    if (!a.names.isEmpty()) {
      // one display name whatever the articles' spellings (the same choice Neo4j's 'name' makes)
      if (a.display == null) {
        a.display = DisplayNames.choose(a.names, local(a.iri), a.types.contains("Person") && !a.group);
      }
      return a.display;
    }
    String local = local(a.iri);
    return local.isEmpty() ? a.iri : local.replace('-', ' ');
  }

  /** "employeeOrMemberOf" to "employee or member of". */
  static String words(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private record RawLink(String source, String target, LinkKind kind, String type, String label, String date,
      String eventIri, String roles, List<Evidence> evidence) {}

  private static ActorNetwork build(Facts facts, NetworkFilter f) {
    Set<String> keep = new HashSet<>();
    List<RawLink> links = new ArrayList<>();
    Map<String, List<Participation>> participations = new HashMap<>();

    for (Map.Entry<List<String>, List<Evidence>> r : facts.relations().entrySet()) {
      String s = r.getKey().get(0);
      String p = r.getKey().get(1);
      String o = r.getKey().get(2);
      if (s.equals(o)) {
        continue;
      }
      List<Evidence> ev = r.getValue().stream().filter(e -> inRange(f, e.date())).toList();
      if (f.hasDateRange() && ev.isEmpty()) {
        continue;
      }
      String date = ev.stream().map(Evidence::date).filter(d -> d != null).min(String::compareTo).orElse(null);
      links.add(new RawLink(s, o, LinkKind.RELATION, p, words(p), date, null, null, ev));
    }

    for (EventFacts e : facts.events().values()) {
      String articleDate = e.evidence.stream().map(Evidence::date).filter(d -> d != null).findFirst().orElse(null);
      String date = interval(e.time) != null ? e.time : articleDate;
      if (!inRange(f, date)) {
        continue;
      }
      String type = e.type != null ? e.type : e.typeClass != null ? e.typeClass : "Event";
      for (String[] arg : e.arguments) {
        participations.computeIfAbsent(arg[1], k -> new ArrayList<>())
            .add(new Participation(e.iri, type, e.time, arg[0], e.trigger, e.negated, e.evidence.isEmpty() ? null : e.evidence.get(0)));
        keep.add(arg[1]);
      }
      if (e.negated) {
        continue;
      }
      for (int i = 0; i < e.arguments.size(); i++) {
        for (int j = i + 1; j < e.arguments.size(); j++) {
          String[] a = e.arguments.get(i);
          String[] b = e.arguments.get(j);
          if (a[1].equals(b[1])) {
            continue;
          }
          String label = date == null ? type : type + " " + date;
          links.add(new RawLink(a[1], b[1], LinkKind.CO_PARTICIPATION, type, label, date, e.iri, a[0] + " / " + b[0],
              e.evidence));
        }
      }
    }

    // actors in the date range; then the kinds
    Set<String> linked = new HashSet<>();
    links.forEach(l -> {
      linked.add(l.source());
      linked.add(l.target());
    });
    Set<String> actors = new LinkedHashSet<>();
    for (ActorFacts a : facts.actors().values()) {
      boolean inDates = !f.hasDateRange() || keep.contains(a.iri)
          || a.mentionedIn.stream().anyMatch(art -> facts.articles().containsKey(art)
              && inRange(f, facts.articles().get(art).date()));
      if (inDates || linked.contains(a.iri)) {
        if (f.types().contains(kindOf(a))) {
          actors.add(a.iri);
        }
      }
    }
    links.removeIf(l -> !actors.contains(l.source()) || !actors.contains(l.target()));

    if (f.focus() != null) {
      Set<String> focus = new HashSet<>();
      String wanted = f.focus().strip();
      for (String iri : actors) {
        ActorFacts a = facts.actors().get(iri);
        if (a.names.stream().anyMatch(n -> n.equalsIgnoreCase(wanted))
            || a.aliases.stream().anyMatch(n -> n.equalsIgnoreCase(wanted))) {
          focus.add(iri);
        }
      }
      if (focus.isEmpty()) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<String> near = actors.stream().map(iri -> nameOf(facts.actors().get(iri)))
            .filter(n -> n.toLowerCase(Locale.ROOT).contains(lower) || lower.contains(n.toLowerCase(Locale.ROOT)))
            .sorted().limit(5).toList();
        throw new IllegalArgumentException("no actor is named '" + wanted + "' (name or alias, any case)"
            + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?"));
      }
      Map<String, List<String>> adjacent = new HashMap<>();
      for (RawLink l : links) {
        adjacent.computeIfAbsent(l.source(), k -> new ArrayList<>()).add(l.target());
        adjacent.computeIfAbsent(l.target(), k -> new ArrayList<>()).add(l.source());
      }
      Map<String, Integer> depth = new HashMap<>();
      Deque<String> queue = new ArrayDeque<>();
      for (String iri : focus) {
        depth.put(iri, 0);
        queue.add(iri);
      }
      while (!queue.isEmpty()) {
        String cur = queue.poll();
        if (depth.get(cur) >= f.hops()) {
          continue;
        }
        for (String next : adjacent.getOrDefault(cur, List.of())) {
          if (depth.putIfAbsent(next, depth.get(cur) + 1) == null) {
            queue.add(next);
          }
        }
      }
      actors.retainAll(depth.keySet());
      links.removeIf(l -> !actors.contains(l.source()) || !actors.contains(l.target()));
    }

    // ids, degrees, sizes
    List<ActorFacts> ordered = actors.stream().map(facts.actors()::get)
        .sorted(Comparator.comparing(NetworkProjection::kindOf)
            .thenComparing(NetworkProjection::nameOf, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(a -> a.iri))
        .toList();
    Map<String, String> ids = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      ids.put(ordered.get(i).iri, "n" + i);
    }
    Map<String, Integer> degree = new HashMap<>();
    for (RawLink l : links) {
      degree.merge(l.source(), 1, Integer::sum);
      degree.merge(l.target(), 1, Integer::sum);
    }
    List<Actor> out = new ArrayList<>();
    for (ActorFacts a : ordered) {
      String name = nameOf(a);
      List<String> aliases = new ArrayList<>(a.aliases);
      a.names.stream().filter(n -> !n.equals(name) && aliases.stream().noneMatch(n::equalsIgnoreCase)).forEach(aliases::add);
      aliases.removeIf(name::equals);
      Map<String, List<String>> attrs = new LinkedHashMap<>();
      a.attributes.forEach((k, v) -> attrs.put(k, new ArrayList<>(v)));
      List<Participation> events = new ArrayList<>(participations.getOrDefault(a.iri, List.of()));
      events.sort(Comparator.comparing((Participation p) -> p.time() != null ? p.time()
              : p.evidence() != null && p.evidence().date() != null ? p.evidence().date() : "9999",
          Comparator.naturalOrder()).thenComparing(Participation::eventType).thenComparing(Participation::eventIri));
      int d = degree.getOrDefault(a.iri, 0);
      out.add(new Actor(ids.get(a.iri), a.iri, name, kindOf(a), aliases, attrs, events, d, 0, 0,
          NetworkLayout.nodeSize(d)));
    }
    List<RawLink> sortedLinks = new ArrayList<>(links);
    sortedLinks.sort(Comparator.comparing(RawLink::kind)
        .thenComparingInt((RawLink l) -> Integer.parseInt(ids.get(l.source()).substring(1)))
        .thenComparingInt(l -> Integer.parseInt(ids.get(l.target()).substring(1)))
        .thenComparing(RawLink::type)
        .thenComparing(RawLink::date, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(RawLink::eventIri, Comparator.nullsFirst(Comparator.naturalOrder())));
    List<Link> outLinks = new ArrayList<>();
    for (int i = 0; i < sortedLinks.size(); i++) {
      RawLink l = sortedLinks.get(i);
      outLinks.add(new Link("e" + i, ids.get(l.source()), ids.get(l.target()), l.kind(), l.type(), l.label(), l.date(),
          l.eventIri(), l.roles(), l.evidence()));
    }
    return new ActorNetwork(out, outLinks);
  }
}
