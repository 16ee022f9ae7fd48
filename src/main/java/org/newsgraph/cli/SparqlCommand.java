package org.newsgraph.cli;

import java.util.concurrent.Callable;
import org.apache.jena.query.QueryParseException;
import org.newsgraph.TabularResult;
import org.newsgraph.rdf.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph sparql}: a SPARQL query over the TDB2 dataset. */
@Command(
    name = "sparql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a SPARQL SELECT or ASK query over the RDF in the data folder (read-only).",
      "The default graph is the union of all articles; GRAPH ?g selects one article's graph.",
      "Example: newsgraph sparql 'PREFIX ng: <https://w3id.org/newsgraph/ontology#>",
      "  SELECT ?p ?o WHERE { ?s ng:name \"Jin Xinjiang\" ; ?p ?o }'"
    })
final class SparqlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "QUERY", description = "The SPARQL query.")
  String query;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Stop the query after this many seconds (default: ${DEFAULT-VALUE}; 0: no limit).")
  long timeoutSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!TabularResult.FORMATS.contains(format)) {
      throw new IllegalArgumentException("unknown --format '" + format + "'; use one of " + TabularResult.FORMATS);
    }
    if (!java.nio.file.Files.isDirectory(Stores.tdbDir())) {
      spec.commandLine().getErr().println("newsgraph: there is no RDF store in " + GlobalOptions.dataDir.toAbsolutePath()
          + "; run 'newsgraph build INPUT...' first, or pass the --data-dir that holds it");
      return Main.INPUT_FAILED;
    }
    try (TdbStore tdb = Stores.tdb()) {
      TabularResult result;
      try {
        result = tdb.select(query, timeoutSeconds * 1000);
      } catch (QueryParseException e) {
        throw new IllegalArgumentException("the SPARQL query does not parse: " + e.getMessage(), e);
      }
      result.write(spec.commandLine().getOut(), format);
    }
    return Main.OK;
  }
}
