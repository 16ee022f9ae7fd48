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

  @Option(names = "--aliases", paramLabel = "FILE",
      description = "Names the text alone cannot merge: a CSV with the canonical name first on each row and its "
          + "aliases after it, or RDF (Turtle, ...) with skos:prefLabel/skos:altLabel or owl:sameAs.")
  java.nio.file.Path aliasFile;

  /** The user's alias table, or an empty one. */
  org.newsgraph.model.AliasTable aliases() {
    return aliasFile == null ? org.newsgraph.model.AliasTable.EMPTY : AliasFiles.load(aliasFile);
  }

  RdfMapper mapper() {
    return new RdfMapper(baseIri);
  }
}
