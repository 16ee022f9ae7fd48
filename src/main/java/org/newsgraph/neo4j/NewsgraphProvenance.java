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

import static org.newsgraph.neo4j.RdfGraphLoader.SOURCES;
import static org.newsgraph.neo4j.RdfGraphLoader.literalValue;
import static org.newsgraph.neo4j.RdfGraphLoader.propertyKey;
import static org.newsgraph.neo4j.RdfGraphLoader.relationshipType;

import org.newsgraph.neo4j.PropertyGraphMapping.Collected;

/**
 * newsgraph's own provenance on relationships, apart from the generic mapping ({@link
 * PropertyGraphMapping}): a relationship whose triple is reified (RDF 1.2 {@code rdf:reifies}, or
 * the RDF 1.1 {@code rdf:subject}/{@code rdf:predicate}/{@code rdf:object} statement) gets the
 * properties of the first statement by IRI (extractor, stage, asserted by, article, the evidence
 * sentence's text and offsets), {@code statement} and {@code statementCount}; a role of an {@code
 * ng:Event} ({@code ng:hasActor}, ...) gets the event's provenance and {@code event}. Plain RDF with
 * neither is left as it is.
 */
final class NewsgraphProvenance {
  private NewsgraphProvenance() {}

  private static final Node RDF_SUBJECT = RDF.subject.asNode();
  private static final Node RDF_PREDICATE = RDF.predicate.asNode();
  private static final Node RDF_OBJECT = RDF.object.asNode();
  private static final String NG_NS = "https://w3id.org/newsgraph/ontology#";
  private static final Node NG_EVIDENCE = org.apache.jena.graph.NodeFactory.createURI(NG_NS + "evidence");
  private static final Node NG_ANCHOR_OF = org.apache.jena.graph.NodeFactory.createURI(NG_NS + "anchorOf");
  private static final Node NG_BEGIN = org.apache.jena.graph.NodeFactory.createURI(NG_NS + "beginIndex");
  private static final Node NG_END = org.apache.jena.graph.NodeFactory.createURI(NG_NS + "endIndex");

  /**
   * Finds, for each relationship gathered, the reified statements of its triple ({@code ?st
   * rdf:subject s; rdf:predicate p; rdf:object o}, all in one graph) and keeps the properties of
   * the first one by statement IRI (see the class description).
   */
  static void addTo(DatasetGraph dsg, Collected c) {
    addTo(dsg, c, null);
  }

  /**
   * As {@link #addTo(DatasetGraph, Collected)}; an event told by several graphs (the reports of one
   * story) takes its provenance from the first of them in {@code graphOrder}, or, when that is
   * null, the first the dataset lists (for TDB2, the graph stored first).
   */
  static void addTo(DatasetGraph dsg, Collected c, Comparator<Node> graphOrder) {
    boolean reifiers = contains(dsg, RDF.Nodes.reifies);
    boolean classic = contains(dsg, RDF_SUBJECT);
    boolean events = dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), NG_EVENT).hasNext();
    if (!reifiers && !classic && !events) {
      return; // nothing to look up: saves two index look-ups per relationship on plain RDF
    }
    for (Triple t : c.relationTriples) {
      List<Node> statements = new ArrayList<>();
      Map<Node, Node> graphOf = new HashMap<>();
      Node term = org.apache.jena.graph.NodeFactory.createTripleTerm(t);
      for (Iterator<Quad> it = reifiers ? dsg.find(Node.ANY, Node.ANY, RDF.Nodes.reifies, term)
          : java.util.Collections.emptyIterator(); it.hasNext(); ) {
        Quad q = it.next();
        if (!graphOf.containsKey(q.getSubject()) && !q.getSubject().isTripleTerm()) {
          statements.add(q.getSubject());
          graphOf.put(q.getSubject(), q.getGraph());
        }
      }
      for (Iterator<Quad> it = classic ? dsg.find(Node.ANY, Node.ANY, RDF_SUBJECT, t.getSubject())
          : java.util.Collections.emptyIterator(); it.hasNext(); ) {
        Quad q = it.next();
        Node st = q.getSubject();
        if (dsg.contains(q.getGraph(), st, RDF_PREDICATE, t.getPredicate())
            && dsg.contains(q.getGraph(), st, RDF_OBJECT, t.getObject())
            && !graphOf.containsKey(st)) {
          statements.add(st);
          graphOf.put(st, q.getGraph());
        }
      }
      String type = relationshipType(t.getPredicate().getURI());
      List<String> key = List.of(type, Collected.uri(t.getSubject()), Collected.uri(t.getObject()));
      if (statements.isEmpty()) {
        Map<String, Object> role = eventRoleProvenance(dsg, t, graphOrder);
        if (role != null) {
          c.provenance.put(key, role);
        }
        continue;
      }
      statements.sort(Comparator.comparing(Collected::uri));
      Node st = statements.get(0);
      Map<String, Object> props = describe(dsg, graphOf.get(st), st, null);
      props.put("statement", Collected.uri(st));
      props.put("statementCount", (long) statements.size());
      c.provenance.put(key, props);
    }
  }

  private static final Node NG_EVENT = org.apache.jena.graph.NodeFactory.createURI(NG_NS + "Event");

  private static boolean contains(DatasetGraph dsg, Node predicate) {
    return dsg.find(Node.ANY, Node.ANY, predicate, Node.ANY).hasNext();
  }
  private static final Set<String> EVENT_PROVENANCE =
      Set.of("extractor", "stage", "assertedBy", "inArticle", "evidence");

  /**
   * For {@code e role x} where {@code e} is an {@code ng:Event} and {@code role} an {@code ng:}
   * property other than the event's own provenance links: the event's provenance ({@code
   * extractor}, {@code stage}, {@code assertedBy}, {@code inArticle}, {@code evidence} with its
   * text and offsets) and {@code event}, its IRI. Otherwise {@code null}.
   */
  private static Map<String, Object> eventRoleProvenance(DatasetGraph dsg, Triple t, Comparator<Node> graphOrder) {
    String p = t.getPredicate().getURI();
    if (!p.startsWith(NG_NS) || EVENT_PROVENANCE.contains(p.substring(NG_NS.length()))) {
      return null;
    }
    Iterator<Quad> it = dsg.find(Node.ANY, t.getSubject(), RDF.type.asNode(), NG_EVENT);
    if (!it.hasNext()) {
      return null;
    }
    Node graph = it.next().getGraph();
    while (graphOrder != null && it.hasNext()) {
      Node other = it.next().getGraph();
      if (graphOrder.compare(other, graph) < 0) {
        graph = other;
      }
    }
    Map<String, Object> props = describe(dsg, graph, t.getSubject(), EVENT_PROVENANCE);
    props.put("event", Collected.uri(t.getSubject()));
    return props;
  }

  /**
   * The properties of {@code node} in graph {@code g} (all but rdf:type and the reification
   * links; only {@code keys} when not null), with the evidence sentence's text and offsets.
   */
  private static Map<String, Object> describe(DatasetGraph dsg, Node g, Node node, Set<String> keys) {
    Map<String, Set<Node>> literals = new TreeMap<>();
    Map<String, Set<String>> iris = new TreeMap<>();
    Node evidence = null;
    for (Iterator<Quad> it = dsg.find(g, node, Node.ANY, Node.ANY); it.hasNext(); ) {
      Quad q = it.next();
      Node p = q.getPredicate();
      Node o = q.getObject();
      if (p.equals(RDF_SUBJECT) || p.equals(RDF_PREDICATE) || p.equals(RDF_OBJECT) || p.equals(RDF.Nodes.reifies)
          || p.equals(RDF.type.asNode()) || !p.isURI()) {
        continue;
      }
      String k = propertyKey(p.getURI());
      if (keys != null && !keys.contains(k)) {
        continue;
      }
      if (o.isLiteral()) {
        literals.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(o);
      } else {
        iris.computeIfAbsent(k, x -> new TreeSet<>()).add(Collected.uri(o));
        if (p.equals(NG_EVIDENCE)) {
          evidence = o;
        }
      }
    }
    Map<String, Object> props = new TreeMap<>();
    literals.forEach((k, v) -> PropertyValues.put(props, k, v));
    iris.forEach((k, v) -> props.put(k, v.size() == 1 ? v.iterator().next() : new ArrayList<>(v)));
    if (evidence != null) {
      putLiteral(dsg, g, evidence, NG_ANCHOR_OF, "evidenceText", props);
      putLiteral(dsg, g, evidence, NG_BEGIN, "evidenceBegin", props);
      putLiteral(dsg, g, evidence, NG_END, "evidenceEnd", props);
    }
    props.remove(SOURCES);
    return props;
  }

  private static void putLiteral(DatasetGraph dsg, Node g, Node s, Node p, String key, Map<String, Object> props) {
    Iterator<Quad> it = dsg.find(g, s, p, Node.ANY);
    if (it.hasNext()) {
      Node o = it.next().getObject();
      if (o.isLiteral()) {
        props.put(key, literalValue(o));
      }
    }
  }

  static String source(Quad q) {
    Node g = q.getGraph();
    return Quad.isDefaultGraph(g) || !g.isURI() ? null : g.getURI();
  }

}
