package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsgraph.rdf.RdfFormat;
import org.newsgraph.rdf.RdfStore;
import org.newsgraph.rdf.RdfVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsgraph export}: all stored RDF. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes all the RDF stored in the data folder's TDB2 dataset, every article. TriG, N-Quads and "
          + "JSON-LD keep one named graph per article; the other formats write their union.",
      "With --from neo4j, rebuilds the RDF from the property graph in Neo4j instead (one graph: Neo4j keeps "
          + "no graph names); fails, naming the problem, when the graph cannot be turned back into RDF unchanged.",
      "Provenance is written on RDF 1.2 triple terms where the format allows; --rdf-version 1.1 writes RDF 1.1"
          + " reification in every format (for rdflib and other RDF 1.1 tools)."
    })
final class ExportCommand implements Callable<Integer> {
  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "trig",
      description = "turtle, ntriples, jsonld, trig, nquads or rdfxml (default: ${DEFAULT-VALUE}; "
          + "with -o and no -f, taken from the file extension).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Option(names = "--rdf-version", paramLabel = "1.1|1.2", defaultValue = "1.2",
      description = ExtractCommand.RDF_VERSION_HELP)
  String rdfVersion;

  @Option(names = "--from", paramLabel = "STORE", defaultValue = "tdb2",
      description = "tdb2 (the stored RDF, default) or neo4j (rebuilt from the property graph).")
  String from;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RdfFormat f = ExtractCommand.chooseFormat(spec, format, output);
    RdfVersion version = RdfVersion.parse(rdfVersion);
    if (from.equalsIgnoreCase("neo4j")) {
      return fromNeo4j(f, version);
    }
    if (!from.equalsIgnoreCase("tdb2")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "unknown store '" + from + "' for --from; use tdb2 or neo4j");
    }
    if (!Stores.rdfExists(GlobalOptions.stores(), spec.commandLine().getErr())) {
      return Main.INPUT_FAILED;
    }
    try (RdfStore tdb = Stores.rdf(GlobalOptions.stores())) {
      if (tdb.graphNames().isEmpty()) {
        spec.commandLine().getErr().println("newsgraph: the store (" + tdb.describe() + ")"
            + " holds no article yet; run 'newsgraph build INPUT...' first (or 'newsgraph load FILE...')");
        return Main.INPUT_FAILED;
      }
      ExtractCommand.writeTo(output, out -> tdb.export(f, version, out));
    }
    return Main.OK;
  }

  private Integer fromNeo4j(RdfFormat f, RdfVersion version) {
    java.io.PrintWriter err = spec.commandLine().getErr();
    if (GlobalOptions.neo4jUri == null && !Stores.exists(GlobalOptions.stores(), GlobalOptions.stores().neo4jDir(), "graph", err)) {
      return Main.INPUT_FAILED;
    }
    org.apache.jena.rdf.model.Model rdf;
    try (Stores.Neo4jConnection neo = Stores.neo4j(GlobalOptions.stores())) {
      rdf = new org.newsgraph.neo4j.Neo4jRdfExporter(neo.store()).export();
    } catch (org.newsgraph.neo4j.UnmappableRdfException e) {
      err.println("newsgraph: " + e.getMessage());
      return Main.INPUT_FAILED;
    }
    if (f.carriesDatasets()) {
      err.println("newsgraph: Neo4j keeps no graph names; writing the union of all articles as the default graph");
    }
    org.apache.jena.query.Dataset ds = org.apache.jena.query.DatasetFactory.create(rdf);
    ExtractCommand.writeTo(output, out -> org.newsgraph.rdf.RdfIO.write(ds, f, out, rdf, version));
    return Main.OK;
  }
}
