package org.newsgraph.rdf;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/** The ontology and SHACL shapes as shipped in the jar (copied from {@code ontology/}). */
public final class Ontology {
  private Ontology() {}

  private static volatile Model ontology;
  private static volatile Model shapes;

  /** {@code ontology/newsgraph.ttl}, parsed once. Callers must not modify it. */
  public static Model ontology() {
    if (ontology == null) {
      ontology = load("newsgraph.ttl");
    }
    return ontology;
  }

  /** {@code ontology/shapes.ttl}, parsed once. Callers must not modify it. */
  public static Model shapes() {
    if (shapes == null) {
      shapes = load("shapes.ttl");
    }
    return shapes;
  }

  /**
   * The classes (objects of rdf:type and rdf:predicate) and properties (predicates, also those of
   * reified triple terms {@code <<( s p o )>>}) used in {@code data} that
   * the ontology does not declare, RDF's own vocabulary excepted.
   *
   * @return their IRIs in order of first use; empty when every term is declared
   */
  public static List<String> undeclaredTerms(Model data) {
    Model onto = ontology();
    List<String> missing = new ArrayList<>();
    for (Statement st : data.listStatements().toList()) {
      List<Resource> terms = new ArrayList<>();
      terms.add(st.getPredicate());
      if (st.getPredicate().equals(RDF.type) || st.getPredicate().equals(RDF.predicate)) {
        terms.add(st.getObject().asResource());
      }
      if (st.getObject().asNode().isTripleTerm()) {
        terms.add(data.createResource(st.getObject().asNode().getTriple().getPredicate().getURI()));
      }
      for (Resource t : terms) {
        String uri = t.getURI();
        if (uri != null && !uri.startsWith(RDF.getURI()) && !onto.contains(t, RDF.type) && !missing.contains(uri)) {
          missing.add(uri);
        }
      }
    }
    return missing;
  }

  private static Model load(String name) {
    String path = "/org/newsgraph/ontology/" + name;
    try (InputStream in = Ontology.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path + " on the classpath; rebuild with mvn package");
      }
      Model m = ModelFactory.createDefaultModel();
      RDFDataMgr.read(m, in, Lang.TURTLE);
      return m;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
