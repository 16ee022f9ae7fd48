package org.newsgraph.rdf;

import java.util.List;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprVisitorFunction;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprNone;
import org.apache.jena.sparql.expr.ExprTripleTerm;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.Context;

/**
 * Checks a parsed SPARQL query before newsgraph runs it against the local store, so a query can
 * read the store and nothing else: no {@code SERVICE} (federated queries reach the network), no
 * dataset description ({@code FROM} / {@code FROM NAMED} make Jena load those IRIs, which may be
 * {@code file:} or {@code http:} URLs), and no extension function or property function outside the
 * standard namespaces (the {@code java:} scheme loads a class by name; {@code
 * http://jena.apache.org/ARQ/jsFunction#} runs script).
 *
 * <p>Allowed function namespaces: XML Schema casts ({@code xsd:}), XPath functions ({@code fn:}),
 * XPath math ({@code math:}) and Jena's pure function library ({@code afn:},
 * {@code http://jena.apache.org/ARQ/function#}). Built-in SPARQL functions ({@code STR}, {@code
 * REGEX}, ...) are not extension functions and are always allowed.
 *
 * <p>Also, {@link #lockDown(Context)} switches off {@code SERVICE} in the execution context, so a
 * query that slipped past the check still could not reach the network.
 */
public final class SparqlGuard {
  private static final List<String> ALLOWED_FUNCTION_NAMESPACES = List.of(
      "http://www.w3.org/2001/XMLSchema#",
      "http://www.w3.org/2005/xpath-functions#",
      "http://www.w3.org/2005/xpath-functions/math#",
      "http://jena.apache.org/ARQ/function#");

  private SparqlGuard() {}

  /**
   * Throws if the query would reach anything but the store it runs against.
   *
   * @param query a parsed query (any form)
   * @throws IllegalArgumentException naming the refused construct: {@code SERVICE <iri>}, {@code
   *     FROM}/{@code FROM NAMED}, or the function IRI
   */
  public static void check(Query query) {
    if (query.hasDatasetDescription()) {
      throw new IllegalArgumentException("FROM and FROM NAMED are refused: queries read only the newsgraph store"
          + " (the default graph is the union of all articles; use GRAPH <article-iri> { ... } to pick one)");
    }
    Op op = Algebra.compile(query);
    Walker.walk(op, new OpVisitorBase() {
      @Override
      public void visit(OpService service) {
        throw new IllegalArgumentException("SERVICE " + (service.getService().isURI() ? "<" + service.getService().getURI() + ">" : service.getService().toString())
            + " is refused: queries read only the newsgraph store and never reach the network");
      }

      @Override
      public void visit(OpBGP bgp) {
        bgp.getPattern().forEach(SparqlGuard::checkPredicate);
      }

      @Override
      public void visit(OpTriple triple) {
        checkPredicate(triple.getTriple());
      }

      @Override
      public void visit(OpPath path) {
        if (path.getTriplePath().getPredicate() != null) {
          checkIri(path.getTriplePath().getPredicate(), "property function");
        }
      }
    }, new ExprVisitorFunction() {
      @Override
      protected void visitExprFunction(ExprFunction func) {
        if (func instanceof E_Function f) {
          String iri = f.getFunctionIRI();
          if (!allowedFunction(iri)) {
            throw new IllegalArgumentException("the function <" + iri + "> is refused: only SPARQL's built-in"
                + " functions and the xsd:, fn:, math: and afn: functions may be called");
          }
        }
      }

      @Override
      public void visit(ExprFunctionOp funcOp) {}

      @Override
      public void visit(NodeValue nv) {}

      @Override
      public void visit(ExprTripleTerm tripleTerm) {}

      @Override
      public void visit(ExprVar nv) {}

      @Override
      public void visit(ExprAggregator eAgg) {}

      @Override
      public void visit(ExprNone exprNone) {}
    });
  }

  /** Turns off {@code SERVICE} execution in a query execution context. */
  public static void lockDown(Context context) {
    context.set(Service.httpServiceAllowed, false);
  }

  private static void checkPredicate(Triple t) {
    checkIri(t.getPredicate(), "property function");
  }

  private static void checkIri(Node n, String what) {
    if (n.isURI() && isScript(n.getURI())) {
      throw new IllegalArgumentException("the " + what + " <" + n.getURI() + "> is refused: it would run code");
    }
  }

  private static boolean allowedFunction(String iri) {
    for (String ns : ALLOWED_FUNCTION_NAMESPACES) {
      if (iri.startsWith(ns)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isScript(String iri) {
    String lower = iri.toLowerCase(Locale.ROOT);
    return lower.startsWith("java:") || lower.startsWith("http://jena.apache.org/arq/jsfunction#");
  }
}
