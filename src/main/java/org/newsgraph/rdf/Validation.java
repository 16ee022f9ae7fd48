package org.newsgraph.rdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;

/**
 * Validates RDF against {@code ontology/shapes.ttl}. The data is validated together with the
 * ontology, so that {@code sh:class ng:NamedEntity} accepts an {@code ng:Person} through the
 * ontology's {@code rdfs:subClassOf}.
 */
public final class Validation {
  private static volatile Shapes shapes;

  private Validation() {}

  /** The outcome: whether the data conforms, and the SHACL report as Turtle. */
  public record Result(boolean conforms, int violations, String reportTurtle) {}

  /** Validates one graph. */
  public static Result validate(Model data) {
    if (shapes == null) {
      shapes = Shapes.parse(Ontology.shapes().getGraph());
    }
    Graph g = new Union(data.getGraph(), Ontology.ontology().getGraph());
    ValidationReport report = ShaclValidator.get().validate(shapes, g);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, report.getModel(), RDFFormat.TURTLE_PRETTY);
    return new Result(report.conforms(), report.getEntries().size(), out.toString(StandardCharsets.UTF_8));
  }
}
