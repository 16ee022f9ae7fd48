package org.newsgraph.cli;

import java.time.LocalDate;
import org.newsgraph.rdf.RdfMapper;
import picocli.CommandLine.Option;

/** Options of the commands that extract articles into RDF ({@code build}, {@code extract}). */
final class ExtractionOptions {
  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Publication date for articles whose input gives none; relative dates resolve against it.")
  LocalDate date;

  @Option(names = "--base-iri", paramLabel = "IRI", defaultValue = RdfMapper.DEFAULT_BASE,
      description = "Namespace for minted IRIs (default: ${DEFAULT-VALUE}).")
  String baseIri;

  RdfMapper mapper() {
    return new RdfMapper(baseIri);
  }
}
