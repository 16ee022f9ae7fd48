package org.newsgraph.neo4j;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Rebuilds RDF from a property graph that {@link RdfGraphLoader} wrote: the reverse of its mapping,
 * through the {@code (:_Namespace)} records.
 *
 * <ul>
 *   <li>Every {@value RdfGraphLoader#RESOURCE_LABEL} node is its {@code uri}: an IRI, a blank node
 *       ({@code _:label}) or, with label {@value RdfGraphLoader#TRIPLE_TERM_LABEL}, a triple term
 *       ({@link TermCodec}); a triple term node gives no triples of its own.
 *   <li>Each other label {@code L} is {@code rdf:type C} for the one class {@code C} of the records
 *       with {@code labelName(C) = L}.
 *   <li>Each property {@code K} (not {@code uri}, {@value RdfGraphLoader#SOURCES} or the {@code
 *       __type}/{@code __lang} companions) is one triple per value with the one data predicate
 *       {@code P} of the records with {@code propertyKey(P) = K}; the literal comes from {@link
 *       PropertyValues#decode}. {@code aliases} gives {@code ng:alias} triples, or {@code ng:name}
 *       ones for the entries its {@code aliases__key} marks {@code name}; {@code eventDate}, a copy
 *       of {@code eventTime}, gives none ({@link OneValueProperties}).
 *   <li>Each relationship of type {@code T} between two resource nodes is a triple with the one
 *       object predicate {@code P} of the records with {@code relationshipType(P) = T}.
 *       Relationship properties are not read: all of them are copies the loader made (the
 *       provenance of reifiers and events, {@value RdfGraphLoader#SOURCES}), whose triples the
 *       reifier and event nodes carry.
 * </ul>
 *
 * <p>Neo4j holds no graph names, so the result is one graph, the union of what was loaded. When a
 * label, key or type stands for several IRIs (two namespaces with the same local name), for none
 * (written by another tool), or a value cannot be an RDF literal, nothing is returned: {@link
 * #export()} throws {@link UnmappableRdfException} listing every such problem.
 */
public final class Neo4jRdfExporter {
  private final Neo4jStore store;

  /** @param store where to read; not closed here */
  public Neo4jRdfExporter(Neo4jStore store) {
    this.store = store;
  }

  /**
   * The RDF of the whole property graph, with the recorded prefixes.
   *
   * @return a new in-memory model
   * @throws UnmappableRdfException when the graph cannot be turned back into RDF unchanged
   * @throws org.neo4j.driver.exceptions.Neo4jException when Neo4j cannot be read
   */
  public Model export() {
    Graph g = GraphFactory.createDefaultGraph();
    Set<String> problems = new TreeSet<>();
    try (Session session = store.session(AccessMode.READ)) {
      Names names = session.executeRead(tx -> names(tx.run("MATCH (n:" + quote(RdfGraphLoader.NAMESPACE_LABEL)
          + ") RETURN n.namespace AS ns, n.prefix AS prefix, n.classes AS classes,"
          + " n.objectPredicates AS objects, n.dataPredicates AS data").list()));
      names.prefixes.forEach((p, ns) -> g.getPrefixMapping().setNsPrefix(p, ns));
      session.executeRead(tx -> {
        Result r = tx.run("MATCH (n:" + quote(RdfGraphLoader.RESOURCE_LABEL)
            + ") RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props");
        while (r.hasNext()) {
          node(r.next(), names, g, problems);
        }
        return null;
      });
      session.executeRead(tx -> {
        String res = quote(RdfGraphLoader.RESOURCE_LABEL);
        Result r = tx.run("MATCH (a:" + res + ")-[r]->(b:" + res + ") WHERE NOT a:"
            + quote(RdfGraphLoader.TRIPLE_TERM_LABEL) + " RETURN a.uri AS s, type(r) AS t, b.uri AS o");
        while (r.hasNext()) {
          Record rec = r.next();
          String type = rec.get("t").asString();
          String p = names.lookup("relationship type", type, names.objectPredicates, problems);
          if (p != null) {
            g.add(Triple.create(term(rec.get("s").asString(), problems), NodeFactory.createURI(p),
                term(rec.get("o").asString(), problems)));
          }
        }
        return null;
      });
    }
    if (!problems.isEmpty()) {
      throw new UnmappableRdfException("cannot rebuild RDF from Neo4j without changing it: "
          + String.join("; ", problems));
    }
    return ModelFactory.createModelForGraph(g);
  }

  private static void node(Record rec, Names names, Graph g, Set<String> problems) {
    String uri = rec.get("uri").asString(null);
    List<String> labels = rec.get("labels").asList(Value::asString);
    if (uri == null) {
      problems.add("a node labelled " + labels + " has no uri");
      return;
    }
    if (labels.contains(RdfGraphLoader.TRIPLE_TERM_LABEL)) {
      return;
    }
    Node s = term(uri, problems);
    for (String label : labels) {
      if (!label.equals(RdfGraphLoader.RESOURCE_LABEL)) {
        String c = names.lookup("label", label, names.classes, problems);
        if (c != null) {
          g.add(Triple.create(s, RDF.Nodes.type, NodeFactory.createURI(c)));
        }
      }
    }
    Map<String, Object> props = rec.get("props").asMap();
    for (Map.Entry<String, Object> e : props.entrySet()) {
      String key = e.getKey();
      if (key.equals(RdfGraphLoader.SOURCES) && names.dataPredicates.containsKey(key)) {
        problems.add("the property key '" + key + "' stands for " + names.dataPredicates.get(key)
            + " and for newsgraph's list of source graphs");
      }
      if (key.equals("uri") || key.equals(RdfGraphLoader.SOURCES)
          || key.endsWith(PropertyValues.LANG) || key.endsWith(PropertyValues.TYPE)) {
        continue;
      }
      if (OneValueProperties.isDerived(key) && !names.dataPredicates.containsKey(key)) {
        if (key.equals(OneValueProperties.ALIASES)) {
          aliases(s, uri, props, names, g, problems);
        }
        continue; // aliases__key is read with aliases; eventDate repeats eventTime
      }
      String p = names.lookup("property key", key, names.dataPredicates, problems);
      if (p == null) {
        continue;
      }
      try {
        for (Node value : PropertyValues.decodeAll(props, key)) {
          g.add(Triple.create(s, NodeFactory.createURI(p), value));
        }
      } catch (IllegalArgumentException x) {
        problems.add("<" + uri + ">: " + x.getMessage());
      }
    }
  }

  /**
   * {@code aliases}: each entry is a plain string literal of the predicate behind the key its
   * {@code aliases__key} entry names ({@code name} or {@code alias}; {@code alias} without the
   * companion).
   */
  private static void aliases(Node s, String uri, Map<String, Object> props, Names names, Graph g,
      Set<String> problems) {
    for (Map.Entry<String, String> a : OneValueProperties.aliasEntries(props)) {
      String p = names.lookup("property key", a.getKey(), names.dataPredicates, problems);
      if (p != null) {
        g.add(Triple.create(s, NodeFactory.createURI(p), NodeFactory.createLiteralString(a.getValue())));
      }
    }
  }

  private static Node term(String uri, Set<String> problems) {
    try {
      return TermCodec.node(uri);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return NodeFactory.createURI(uri);
    }
  }

  private static String quote(String name) {
    return "`" + name + "`";
  }

  private static Names names(List<Record> records) {
    Names n = new Names();
    for (Record r : records) {
      String ns = r.get("ns").asString();
      if (!r.get("prefix").isNull()) {
        n.prefixes.put(r.get("prefix").asString(), ns);
      }
      for (Object local : r.get("classes").asList(Value::asObject, List.of())) {
        n.add(n.classes, RdfGraphLoader.labelName(ns + local), ns + local);
      }
      for (Object local : r.get("objects").asList(Value::asObject, List.of())) {
        n.add(n.objectPredicates, RdfGraphLoader.relationshipType(ns + local), ns + local);
      }
      for (Object local : r.get("data").asList(Value::asObject, List.of())) {
        n.add(n.dataPredicates, RdfGraphLoader.propertyKey(ns + local), ns + local);
      }
    }
    return n;
  }

  /** The IRIs behind each Neo4j name, from the namespace records. */
  private static final class Names {
    final Map<String, String> prefixes = new TreeMap<>();
    final Map<String, Set<String>> classes = new TreeMap<>();
    final Map<String, Set<String>> objectPredicates = new TreeMap<>();
    final Map<String, Set<String>> dataPredicates = new TreeMap<>();

    void add(Map<String, Set<String>> map, String name, String iri) {
      map.computeIfAbsent(name, k -> new TreeSet<>()).add(iri);
    }

    /** The one IRI of a name, or null with a problem recorded. */
    String lookup(String what, String name, Map<String, Set<String>> map, Set<String> problems) {
      Set<String> iris = map.get(name);
      if (iris == null) {
        problems.add("the " + what + " '" + name + "' is in no _Namespace record (was it written by another tool?)");
        return null;
      }
      if (iris.size() > 1) {
        problems.add("the " + what + " '" + name + "' stands for " + iris.size() + " IRIs ("
            + String.join(", ", iris) + "), which local names alone cannot tell apart");
        return null;
      }
      return iris.iterator().next();
    }
  }
}
