package org.newsgraph.rdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The two forms of newsgraph's provenance and the conversion between them.
 *
 * <p>Jena 5.6 implements RDF 1.2: a triple term {@code <<( s p o )>>} can only be an object, and
 * the RDF-star syntaxes {@code << s p o >> ng:evidence e} and {@code s p o {| ng:evidence e |}}
 * are read as a <em>reifier</em>: {@code _:r rdf:reifies <<( s p o )>> ; ng:evidence e}. TDB2
 * stores triple terms; the Turtle, TriG, N-Triples and N-Quads readers and writers carry them;
 * JSON-LD and RDF/XML cannot (Jena's writers fail on them).
 *
 * <ul>
 *   <li><b>Reifier form</b> (canonical: what {@link RdfMapper} makes, TDB2 stores and Turtle,
 *       TriG, N-Triples and N-Quads carry): {@code st a rdf:Statement ; rdf:reifies <<( s p o )>> ;
 *       ng:evidence ... }, next to the asserted {@code s p o}.
 *   <li><b>Classic form</b> (RDF 1.1 reification, for JSON-LD and RDF/XML): {@code st a
 *       rdf:Statement ; rdf:subject s ; rdf:predicate p ; rdf:object o ; ng:evidence ...}.
 * </ul>
 *
 * <p>The two differ only in {@code rdf:reifies} versus {@code rdf:subject}/{@code
 * rdf:predicate}/{@code rdf:object}; the reifier keeps its IRI (or blank node) and every other
 * triple, {@code rdf:type rdf:Statement} included. So {@code toReifiers(toClassic(g))} is {@code g}
 * for any graph {@link #toClassic} accepts.
 */
public final class Reification {
  private Reification() {}

  private static final Node REIFIES = RDF.Nodes.reifies;
  private static final Node SUBJECT = RDF.Nodes.subject;
  private static final Node PREDICATE = RDF.Nodes.predicate;
  private static final Node OBJECT = RDF.Nodes.object;

  /**
   * The classic form of a graph: each {@code r rdf:reifies <<( s p o )>>} becomes {@code r
   * rdf:subject s ; rdf:predicate p ; rdf:object o}; every other triple is copied.
   *
   * @param g a graph in reifier form (not changed)
   * @return a new graph without triple terms, with {@code g}'s prefixes
   * @throws IllegalArgumentException naming the triple when {@code g} holds what classic
   *     reification cannot say: a triple term that is not the object of {@code rdf:reifies}, a
   *     triple term inside a triple term, a reifier of two triples, or a reifier that also has
   *     {@code rdf:subject}, {@code rdf:predicate} or {@code rdf:object}
   */
  public static Graph toClassic(Graph g) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefixes(g.getPrefixMapping());
    Map<Node, Node> reified = new HashMap<>();
    for (Iterator<Triple> it = g.find(); it.hasNext(); ) {
      Triple t = it.next();
      Node s = t.getSubject();
      Node o = t.getObject();
      if (s.isTripleTerm() || (o.isTripleTerm() && !t.getPredicate().equals(REIFIES))) {
        throw cannot("the triple term " + NodeFmtLib.strNT(s.isTripleTerm() ? s : o) + " in " + str(t)
            + " is not the object of rdf:reifies");
      }
      if (!o.isTripleTerm()) {
        out.add(t);
        continue;
      }
      Triple inner = o.getTriple();
      if (inner.getSubject().isTripleTerm() || inner.getObject().isTripleTerm()) {
        throw cannot("the triple term " + NodeFmtLib.strNT(o) + " holds another triple term");
      }
      Node before = reified.put(s, o);
      if (before != null) {
        throw cannot(NodeFmtLib.strNT(s) + " reifies two triples, " + NodeFmtLib.strNT(before) + " and "
            + NodeFmtLib.strNT(o));
      }
      for (Node p : List.of(SUBJECT, PREDICATE, OBJECT)) {
        if (g.contains(s, p, Node.ANY)) {
          throw cannot(NodeFmtLib.strNT(s) + " has both rdf:reifies and " + NodeFmtLib.strNT(p));
        }
      }
      out.add(Triple.create(s, SUBJECT, inner.getSubject()));
      out.add(Triple.create(s, PREDICATE, inner.getPredicate()));
      out.add(Triple.create(s, OBJECT, inner.getObject()));
    }
    return out;
  }

  /**
   * The reifier form of a graph: each resource with exactly one {@code rdf:subject}, one {@code
   * rdf:predicate} (an IRI) and one {@code rdf:object} gets {@code rdf:reifies <<( s p o )>>}
   * instead of those three; incomplete or repeated reification triples are copied as they are.
   *
   * @param g a graph in classic form (not changed)
   * @return a new graph with {@code g}'s prefixes
   */
  public static Graph toReifiers(Graph g) {
    Graph out = GraphFactory.createDefaultGraph();
    out.getPrefixMapping().setNsPrefixes(g.getPrefixMapping());
    Map<Node, Node> terms = new HashMap<>();
    for (Iterator<Triple> it = g.find(Node.ANY, PREDICATE, Node.ANY); it.hasNext(); ) {
      Node r = it.next().getSubject();
      List<Node> s = objects(g, r, SUBJECT);
      List<Node> p = objects(g, r, PREDICATE);
      List<Node> o = objects(g, r, OBJECT);
      if (s.size() == 1 && p.size() == 1 && o.size() == 1 && p.get(0).isURI()
          && (s.get(0).isURI() || s.get(0).isBlank())) {
        terms.put(r, NodeFactory.createTripleTerm(s.get(0), p.get(0), o.get(0)));
      }
    }
    for (Iterator<Triple> it = g.find(); it.hasNext(); ) {
      Triple t = it.next();
      Node p = t.getPredicate();
      if (terms.containsKey(t.getSubject()) && (p.equals(SUBJECT) || p.equals(PREDICATE) || p.equals(OBJECT))) {
        if (p.equals(PREDICATE)) {
          out.add(Triple.create(t.getSubject(), REIFIES, terms.get(t.getSubject())));
        }
        continue;
      }
      out.add(t);
    }
    return out;
  }

  /** {@link #toClassic(Graph)} of every graph of a dataset, names and prefixes kept. */
  public static Dataset toClassic(Dataset ds) {
    return convert(ds, true);
  }

  /** {@link #toReifiers(Graph)} of every graph of a dataset, names and prefixes kept. */
  public static Dataset toReifiers(Dataset ds) {
    return convert(ds, false);
  }

  /** {@link #toClassic(Graph)} of a model, as a new model. */
  public static Model toClassic(Model m) {
    return ModelFactory.createModelForGraph(toClassic(m.getGraph()));
  }

  /** {@link #toReifiers(Graph)} of a model, as a new model. */
  public static Model toReifiers(Model m) {
    return ModelFactory.createModelForGraph(toReifiers(m.getGraph()));
  }

  private static Dataset convert(Dataset ds, boolean classic) {
    Dataset out = DatasetFactory.create();
    Model d = ds.getDefaultModel();
    out.setDefaultModel(classic ? toClassic(d) : toReifiers(d));
    out.getDefaultModel().setNsPrefixes(d.getNsPrefixMap());
    for (Iterator<String> it = ds.listNames(); it.hasNext(); ) {
      String n = it.next();
      Model m = ds.getNamedModel(n);
      out.addNamedModel(n, classic ? toClassic(m) : toReifiers(m));
    }
    return out;
  }

  private static List<Node> objects(Graph g, Node s, Node p) {
    List<Node> l = new ArrayList<>(1);
    g.find(s, p, Node.ANY).forEachRemaining(t -> l.add(t.getObject()));
    return l;
  }

  private static String str(Triple t) {
    return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
  }

  private static IllegalArgumentException cannot(String what) {
    return new IllegalArgumentException("RDF 1.1 reification (rdf:Statement, as JSON-LD and RDF/XML are written) "
        + "cannot say this: " + what + "; write Turtle, TriG, N-Triples or N-Quads, which carry triple terms");
  }
}
