package org.newsgraph.neo4j;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.newsgraph.neo4j.RdfGraphLoader.TRIPLE_TERM_LABEL;
import static org.newsgraph.neo4j.RdfGraphLoader.labelName;
import static org.newsgraph.neo4j.RdfGraphLoader.localName;
import static org.newsgraph.neo4j.RdfGraphLoader.namespace;
import static org.newsgraph.neo4j.RdfGraphLoader.propertyKey;
import static org.newsgraph.neo4j.RdfGraphLoader.relationshipType;

/**
 * The RDF -> property-graph mapping, pure: what {@link RdfGraphLoader} writes to Neo4j, as rows of
 * nodes and relationships, computed from a dataset without Neo4j (see the mapping rules in {@link
 * RdfGraphLoader}'s description). A node per IRI, blank node or triple term, with the labels of
 * its classes, a property per predicate with literal objects, and {@value RdfGraphLoader#SOURCES},
 * the named graphs behind it; a relationship per triple with an IRI, blank node or triple term
 * object, typed by its predicate, with the provenance of its reified statement or event ({@link
 * NewsgraphProvenance}) and its sources.
 *
 * <p>Not thread-safe while it is being filled; the rows it gives are new lists.
 */
public final class PropertyGraphMapping {
  private PropertyGraphMapping() {}

  /**
   * One node.
   *
   * @param uri the node's {@code uri}: the IRI, {@code _:} and the blank node label, or the triple
   *     term's N-Triples form ({@link TermCodec})
   * @param labels its labels besides {@value RdfGraphLoader#RESOURCE_LABEL}, sorted
   * @param properties its properties (literal values as {@link RdfGraphLoader#literalValue} gives them)
   * @param sources the named graphs that mention it, sorted (empty when sources are not tracked)
   */
  public record NodeRow(String uri, List<String> labels, Map<String, Object> properties, List<String> sources) {}

  /**
   * One relationship.
   *
   * @param type its type ({@link RdfGraphLoader#relationshipType})
   * @param start the {@code uri} of its start node
   * @param end the {@code uri} of its end node
   * @param properties the provenance of its statement (empty when none)
   * @param sources the named graphs that assert it, sorted (empty when sources are not tracked)
   */
  public record RelationshipRow(String type, String start, String end, Map<String, Object> properties,
      List<String> sources) {}

  /**
   * The rows of a whole dataset (default graph and named graphs), as {@link
   * RdfGraphLoader#load(Dataset, boolean)} writes them.
   *
   * @param withSources whether nodes and relationships carry the named graphs behind them
   */
  public static Rows of(Dataset dataset, boolean withSources) {
    return new Rows(collect(dataset, withSources));
  }

  /** The rows of one model, as {@link RdfGraphLoader#load(Model)} writes them (no sources). */
  public static Rows of(Model model) {
    Collected c = new Collected(model.getNsPrefixMap(), false);
    c.addAll(model.getGraph());
    NewsgraphProvenance.addTo(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(model.getGraph()), c);
    return new Rows(c);
  }

  /** The nodes and relationships of a mapping. */
  public static final class Rows {
    private final Collected c;

    Rows(Collected c) {
      this.c = c;
    }

    /** The nodes, in the order they were first met. */
    public List<NodeRow> nodes() {
      List<NodeRow> rows = new ArrayList<>();
      c.nodes.forEach((uri, n) -> {
        Map<String, Object> properties = new TreeMap<>();
        OneValueProperties.put(properties, uri, n.labels, n.handled, n.literals);
        rows.add(new NodeRow(uri, List.copyOf(n.labels), properties,
            c.trackSources ? List.copyOf(n.sources) : List.of()));
      });
      return rows;
    }

    /** The relationships, by type, then in the order they were first met. */
    public List<RelationshipRow> relationships() {
      List<RelationshipRow> rows = new ArrayList<>();
      c.relationships.forEach((type, pairs) -> {
        for (List<String> so : pairs) {
          Set<String> sources = c.trackSources
              ? c.relationshipSources.getOrDefault(type, Map.of()).getOrDefault(so, Set.of()) : Set.of();
          rows.add(new RelationshipRow(type, so.get(0), so.get(1),
              new TreeMap<>(c.provenance.getOrDefault(List.of(type, so.get(0), so.get(1)), Map.of())),
              List.copyOf(sources)));
        }
      });
      return rows;
    }
  }

  static Collected collect(Dataset dataset, boolean withSources) {
    DatasetGraph dsg = dataset.asDatasetGraph();
    Collected acc = new Collected(dsg.prefixes().getMapping(), withSources);
    acc.addAll(dsg.getDefaultGraph());
    for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
      Node g = it.next();
      acc.addAll(dsg.getGraph(g), withSources && g.isURI() ? g.getURI() : null);
    }
    NewsgraphProvenance.addTo(dsg, acc);
    return acc;
  }

  static Collected collectAround(Dataset dataset, Set<Node> affected) {
    DatasetGraph dsg = dataset.asDatasetGraph();
    Collected acc = new Collected(dsg.prefixes().getMapping(), true);
    for (Node n : affected) {
      if (!(n.isURI() || n.isBlank() || n.isTripleTerm())) {
        continue;
      }
      for (Iterator<Quad> it = dsg.find(Node.ANY, n, Node.ANY, Node.ANY); it.hasNext(); ) {
        Quad q = it.next();
        acc.add(q.asTriple(), NewsgraphProvenance.source(q));
      }
      for (Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Node.ANY, n); it.hasNext(); ) {
        Quad q = it.next();
        if (!q.getPredicate().equals(RDF.type.asNode())) {
          acc.add(q.asTriple(), NewsgraphProvenance.source(q));
        }
      }
    }
    NewsgraphProvenance.addTo(dsg, acc);
    return acc;
  }


  static final class NodeData {
    final Set<String> labels = new TreeSet<>();
    final Set<String> sources = new TreeSet<>();
    final Map<String, Set<Node>> literals = new TreeMap<>();
    /** Literals of the predicates {@link OneValueProperties} maps, by predicate IRI. */
    final Map<String, Set<Node>> handled = new TreeMap<>();
  }

  static final class NamespaceData {
    final Set<String> localNames = new TreeSet<>();
    final Set<String> classes = new TreeSet<>();
    final Set<String> objectPredicates = new TreeSet<>();
    final Set<String> dataPredicates = new TreeSet<>();
  }

  static final class Collected {
    final Map<String, NodeData> nodes = new LinkedHashMap<>();
    final Map<String, Set<List<String>>> relationships = new TreeMap<>();
    /** Per relationship type, per (start, end): the named graphs asserting it (refresh only). */
    final Map<String, Map<List<String>, Set<String>>> relationshipSources = new TreeMap<>();
    final Set<Triple> relationTriples = new LinkedHashSet<>();
    /** Per (type, start, end): properties of the reified statement (see provenance). */
    final Map<List<String>, Map<String, Object>> provenance = new HashMap<>();
    final Map<String, NamespaceData> namespaces = new TreeMap<>();
    final Map<String, String> prefixByNamespace = new HashMap<>();
    /** Whether the named graphs behind nodes and relationships are gathered ({@value #SOURCES}). */
    final boolean trackSources;

    Collected(Map<String, String> prefixes, boolean trackSources) {
      new TreeMap<>(prefixes).forEach((p, ns) -> prefixByNamespace.putIfAbsent(ns, p));
      this.trackSources = trackSources;
    }

    String prefixFor(String namespace) {
      return prefixByNamespace.get(namespace);
    }

    void addAll(Graph graph) {
      addAll(graph, null);
    }

    /** Adds every triple of {@code graph}; {@code source}, when not null, is its name. */
    void addAll(Graph graph, String source) {
      ExtendedIterator<Triple> it = graph.find();
      try {
        while (it.hasNext()) {
          add(it.next(), source);
        }
      } finally {
        it.close();
      }
    }

    private void add(Triple t) {
      add(t, null);
    }

    /** Adds one triple; {@code source}, when not null, is the named graph it came from. */
    void add(Triple t, String source) {
      Node s = t.getSubject();
      Node p = t.getPredicate();
      Node o = t.getObject();
      if (!(s.isURI() || s.isBlank()) || !p.isURI()) {
        return;
      }
      NodeData subject = node(s);
      if (source != null) {
        subject.sources.add(source);
      }
      String pIri = p.getURI();
      if (o.isLiteral()) {
        String key = propertyKey(pIri);
        if (key.endsWith(PropertyValues.LANG) || key.endsWith(PropertyValues.TYPE)) {
          throw new UnmappableRdfException("the predicate <" + pIri + "> maps to the Neo4j property key '" + key
              + "', which newsgraph keeps for the " + (key.endsWith(PropertyValues.LANG) ? "language tags" : "datatypes")
              + " of '" + key.substring(0, key.length() - 6) + "'; rename the predicate before loading");
        }
        (OneValueProperties.handles(pIri) ? subject.handled.computeIfAbsent(pIri, k -> new LinkedHashSet<>())
            : subject.literals.computeIfAbsent(key, k -> new LinkedHashSet<>())).add(o);
        record(pIri).dataPredicates.add(localName(pIri));
      } else if (p.equals(RDF.type.asNode()) && o.isURI()) {
        subject.labels.add(labelName(o.getURI()));
        record(o.getURI()).classes.add(localName(o.getURI()));
      } else if (o.isURI() || o.isBlank() || o.isTripleTerm()) {
        NodeData object = node(o);
        if (o.isTripleTerm()) {
          object.labels.add(TRIPLE_TERM_LABEL);
        }
        String type = relationshipType(pIri);
        List<String> so = List.of(uri(s), uri(o));
        relationships.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(so);
        relationTriples.add(t);
        if (trackSources) {
          Set<String> relSources =
              relationshipSources
                  .computeIfAbsent(type, k -> new HashMap<>())
                  .computeIfAbsent(so, k -> new TreeSet<>());
          if (source != null) {
            object.sources.add(source);
            relSources.add(source);
          }
        }
        record(pIri).objectPredicates.add(localName(pIri));
      }
    }

    private NodeData node(Node n) {
      return nodes.computeIfAbsent(uri(n), k -> new NodeData());
    }

    private NamespaceData record(String iri) {
      NamespaceData d = namespaces.computeIfAbsent(namespace(iri), k -> new NamespaceData());
      d.localNames.add(localName(iri));
      return d;
    }

    static String uri(Node n) {
      return TermCodec.uri(n);
    }
  }}
