package org.newsgraph.neo4j;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.XSD;
import org.newsgraph.model.DisplayNames;

/**
 * Properties of newsgraph's vocabulary that a node holds once in Neo4j, although the union of
 * several articles' graphs can give them several values (each article names an entity as it
 * spells it; articles of one story report the same event). The generic mapping ({@link
 * PropertyValues}) would make a list of them, so that {@code MATCH (p:Person {name: $p})} finds
 * nothing and {@code toString(p.name)} fails.
 *
 * <ul>
 *   <li>{@code ng:name}: {@code name} is one string, {@link DisplayNames#pick} of the values (the
 *       name the node's IRI was minted from, then mixed case over all capitals, then the longest,
 *       then the first in code point order); the other names go to {@code aliases}, with {@code
 *       aliases__key} ({@value #ALIASES_KEY}), a list parallel to {@code aliases}, saying for each
 *       entry whether it came from {@code name} or {@code alias}, so {@link Neo4jRdfExporter} can
 *       give the RDF back (written only when some entry came from {@code name}).
 *   <li>{@code ng:alias}: {@code aliases}, always a list, sorted, without the display name.
 *   <li>{@code ng:eventTime}: {@code eventTime} is always one string, the ISO form as written
 *       ({@code 2020}, {@code 2020-05}, {@code 2020-05-31}), with its datatype in {@code
 *       eventTime__type} ({@code xsd:gYear}, {@code xsd:gYearMonth}, {@code xsd:date}); plus
 *       {@code eventDate}, a Neo4j date, when the day is known. Of several values the most precise
 *       is kept, then the earliest.
 *   <li>{@code ng:negated}, {@code ng:hypothetical}: one boolean; {@code false} when the reports
 *       disagree (some report states the event as a fact).
 * </ul>
 *
 * <p>A node whose values do not fit (a name with a language tag or a datatype, an event time that
 * is no date, year or year-month, another vocabulary's predicate with the same key) keeps the
 * generic mapping for that key.
 */
final class OneValueProperties {
  private OneValueProperties() {}

  private static final String NG = "https://w3id.org/newsgraph/ontology#";
  static final String NAME = NG + "name";
  static final String ALIAS = NG + "alias";
  static final String EVENT_TIME = NG + "eventTime";
  static final String NEGATED = NG + "negated";
  static final String HYPOTHETICAL = NG + "hypothetical";
  private static final Set<String> HANDLED = Set.of(NAME, ALIAS, EVENT_TIME, NEGATED, HYPOTHETICAL);

  /** The key of the other spellings of a name. */
  static final String ALIASES = "aliases";
  /** The companion of {@value #ALIASES}: for each entry, {@code name} or {@code alias}. */
  static final String ALIASES_KEY = "aliases__key";
  /** The Neo4j date of an event time whose day is known. */
  static final String EVENT_DATE = "eventDate";

  private static final String XSD_STRING = XSD.NS + "string";
  private static final String XSD_DATE = XSD.NS + "date";

  /** Whether the literals of this predicate are gathered apart and given to {@link #put}. */
  static boolean handles(String predicateIri) {
    return HANDLED.contains(predicateIri);
  }

  /**
   * Puts the properties of one node into {@code props}: the literals of {@link #handles handled}
   * predicates as described above, then everything in {@code generic} as {@link PropertyValues}
   * does.
   *
   * @param uri the node's uri (its IRI's last segment is the slug of its canonical name)
   * @param labels the node's labels ({@code Person} makes names person names)
   * @param handled literals of handled predicates, by predicate IRI
   * @param generic literals of all other predicates, by property key; not changed
   */
  static void put(Map<String, Object> props, String uri, Set<String> labels, Map<String, Set<Node>> handled,
      Map<String, Set<Node>> generic) {
    Map<String, Set<Node>> rest = new TreeMap<>(generic);
    if (!handled.isEmpty()) {
      names(props, uri, handled.getOrDefault(NAME, Set.of()), handled.getOrDefault(ALIAS, Set.of()), rest);
      eventTime(props, handled.getOrDefault(EVENT_TIME, Set.of()), rest);
      flag(props, "negated", handled.getOrDefault(NEGATED, Set.of()), rest);
      flag(props, "hypothetical", handled.getOrDefault(HYPOTHETICAL, Set.of()), rest);
    }
    rest.forEach((key, values) -> PropertyValues.put(props, key, values));
  }

  /**
   * The inverse of {@link #put} for a node as Neo4j holds it, for adding new articles' values to it
   * ({@link RdfGraphLoader#add}): fills {@code handled} and {@code generic} with literals that
   * give, together with any new ones, what {@link #put} of all the node's literals gives. The name
   * and the aliases come back whole; of event times only the one kept (the most precise, then the
   * earliest, is also that of the union); of flags the one value kept ({@code false} of a
   * disagreement stays {@code false}). A form that {@link #put} would not write from what this reads
   * back (checked by writing it again) makes it return {@code false}, and the caller recomputes the
   * node from the RDF instead.
   *
   * @param stored the node's properties as read from Neo4j, without {@code uri} and {@code sources}
   * @param uri the node's uri
   * @param labels the node's labels besides {@code Resource}
   * @param handled receives literals of handled predicates, by predicate IRI
   * @param generic receives literals of other predicates, by property key
   * @return whether the values were read back exactly
   */
  static boolean unput(Map<String, Object> stored, String uri, Set<String> labels, Map<String, Set<Node>> handled,
      Map<String, Set<Node>> generic) {
    try {
      for (String key : stored.keySet()) {
        if (key.endsWith(PropertyValues.TYPE) || key.endsWith(PropertyValues.LANG) || isDerived(key)) {
          continue; // read with their key (aliases below; eventDate repeats eventTime)
        }
        List<Node> values = PropertyValues.decodeAll(stored, key);
        String predicate = switch (key) {
          case "name" -> NAME;
          case "eventTime" -> EVENT_TIME;
          case "negated" -> NEGATED;
          case "hypothetical" -> HYPOTHETICAL;
          default -> null;
        };
        (predicate != null ? handled.computeIfAbsent(predicate, k -> new LinkedHashSet<>())
            : generic.computeIfAbsent(key, k -> new LinkedHashSet<>())).addAll(values);
      }
      if (stored.containsKey(ALIASES)) {
        if (stored.containsKey(ALIASES + PropertyValues.TYPE) || stored.containsKey(ALIASES + PropertyValues.LANG)) {
          return false;
        }
        for (Map.Entry<String, String> a : aliasEntries(stored)) {
          handled.computeIfAbsent("name".equals(a.getKey()) ? NAME : ALIAS, k -> new LinkedHashSet<>())
              .add(org.apache.jena.graph.NodeFactory.createLiteralString(a.getValue()));
        }
      }
    } catch (IllegalArgumentException e) {
      return false;
    }
    Map<String, Object> again = new TreeMap<>();
    put(again, uri, labels, handled, generic);
    return again.equals(stored);
  }

  private static void names(Map<String, Object> props, String uri, Set<Node> names, Set<Node> aliases,
      Map<String, Set<Node>> rest) {
    if (names.isEmpty() && aliases.isEmpty()) {
      return;
    }
    if (rest.containsKey("name") || rest.containsKey("alias") || rest.containsKey(ALIASES)
        || !allPlain(names) || !allPlain(aliases)) {
      addAll(rest, "name", names);
      addAll(rest, "alias", aliases);
      return;
    }
    Set<String> nameValues = lexicals(names);
    String display = null;
    if (!nameValues.isEmpty()) {
      display = DisplayNames.pick(nameValues, RdfGraphLoader.localName(uri));
      props.put("name", display);
    }
    Map<String, String> keyOf = new TreeMap<>();
    for (String a : lexicals(aliases)) {
      keyOf.put(a, "alias");
    }
    for (String n : nameValues) {
      keyOf.put(n, "name"); // a spelling that is one article's name and another's alias counts as a name
    }
    keyOf.remove(display);
    if (!keyOf.isEmpty()) {
      props.put(ALIASES, new ArrayList<>(keyOf.keySet()));
      if (keyOf.containsValue("name")) {
        props.put(ALIASES_KEY, new ArrayList<>(keyOf.values()));
      }
    }
  }

  private static void eventTime(Map<String, Object> props, Set<Node> times, Map<String, Set<Node>> rest) {
    if (times.isEmpty()) {
      return;
    }
    boolean fits = times.stream().allMatch(t -> t.isLiteral() && t.getLiteralLanguage().isEmpty()
        && t.getLiteralLexicalForm().matches("\\d{4}(-\\d{2}(-\\d{2})?)?"));
    if (rest.containsKey("eventTime") || rest.containsKey(EVENT_DATE) || !fits) {
      addAll(rest, "eventTime", times);
      return;
    }
    // the most precise, then the earliest
    Node t = times.stream().min(Comparator.comparing((Node n) -> -n.getLiteralLexicalForm().length())
        .thenComparing(Node::getLiteralLexicalForm).thenComparing(Node::getLiteralDatatypeURI)).orElseThrow();
    String lex = t.getLiteralLexicalForm();
    props.put("eventTime", lex);
    if (!XSD_STRING.equals(t.getLiteralDatatypeURI())) {
      props.put("eventTime" + PropertyValues.TYPE, t.getLiteralDatatypeURI());
    }
    if (lex.length() == 10 && XSD_DATE.equals(t.getLiteralDatatypeURI())) {
      try {
        props.put(EVENT_DATE, LocalDate.parse(lex));
      } catch (java.time.DateTimeException e) {
        // an invalid day (2020-02-31): the string stays, no date
      }
    }
  }

  private static void flag(Map<String, Object> props, String key, Set<Node> values, Map<String, Set<Node>> rest) {
    if (values.isEmpty()) {
      return;
    }
    boolean booleans = values.stream().allMatch(v -> v.isLiteral()
        && (XSD.NS + "boolean").equals(v.getLiteralDatatypeURI()) && v.getLiteralDatatype().isValid(v.getLiteralLexicalForm()));
    if (rest.containsKey(key) || !booleans || values.size() == 1) {
      addAll(rest, key, values);
      return;
    }
    props.put(key, values.stream().allMatch(v -> v.getLiteralLexicalForm().strip().matches("true|1")));
  }

  private static boolean allPlain(Set<Node> literals) {
    return literals.stream().allMatch(l -> l.isLiteral() && l.getLiteralLanguage().isEmpty()
        && XSD_STRING.equals(l.getLiteralDatatypeURI()));
  }

  private static Set<String> lexicals(Set<Node> literals) {
    Set<String> out = new LinkedHashSet<>();
    literals.forEach(l -> out.add(l.getLiteralLexicalForm()));
    return out;
  }

  private static void addAll(Map<String, Set<Node>> rest, String key, Set<Node> values) {
    if (!values.isEmpty()) {
      rest.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(values);
    }
  }

  /** Whether {@code key} is one this class writes besides the predicates' own keys. */
  static boolean isDerived(String key) {
    return key.equals(ALIASES) || key.equals(ALIASES_KEY) || key.equals(EVENT_DATE);
  }

  /**
   * The entries of a stored {@value #ALIASES} property (for the exporter and {@link #unput}): each
   * spelling with the key it came from, {@code name} or {@code alias} as {@value #ALIASES_KEY}
   * says ({@code alias} for all when that list is missing or of another length), in stored order.
   */
  static List<Map.Entry<String, String>> aliasEntries(Map<String, Object> props) {
    List<?> values = props.get(ALIASES) instanceof List<?> l ? l : List.of(props.get(ALIASES));
    List<?> keys = props.get(ALIASES_KEY) instanceof List<?> k && k.size() == values.size() ? k : null;
    List<Map.Entry<String, String>> entries = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      entries.add(Map.entry(keys == null ? "alias" : String.valueOf(keys.get(i)), String.valueOf(values.get(i))));
    }
    return entries;
  }
}
