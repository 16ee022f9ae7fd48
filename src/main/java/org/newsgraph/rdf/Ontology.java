package org.newsgraph.rdf;

import java.io.InputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
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
