package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.util.concurrent.Callable;
import org.apache.jena.query.QueryParseException;
import org.newsgraph.TabularResult;
import org.newsgraph.rdf.RdfStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph sparql}: a SPARQL query over the TDB2 dataset. */
@Command(
    name = "sparql",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a SPARQL SELECT or ASK query over the RDF in the data folder (read-only). The default "
          + "graph is the union of all articles; GRAPH ?g selects one article's graph.",
      "With --sparql-endpoint the query goes to that server (its default graph is what the server makes it; "
          + "configure it as the union of the named graphs, see docs/servers.md).",
      "Example: newsgraph sparql 'PREFIX ng: <https://w3id.org/newsgraph/ontology#>",
      "  SELECT ?p ?o WHERE { ?s ng:name \"Jin Xinjiang\" ; ?p ?o }'"
    })
final class SparqlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "QUERY", description = "The SPARQL query.")
  String query;

  @picocli.CommandLine.Mixin ResultOptions result = new ResultOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    result.check();
    if (!Stores.rdfExists(GlobalOptions.stores(), spec.commandLine().getErr())) {
      return Main.INPUT_FAILED;
    }
    try (RdfStore tdb = Stores.rdf(GlobalOptions.stores())) {
      TabularResult rows;
      try {
        rows = tdb.select(query, result.timeoutSeconds * 1000);
      } catch (QueryParseException e) {
        throw new IllegalArgumentException("the SPARQL query does not parse: " + e.getMessage(), e);
      } catch (org.apache.jena.query.QueryCancelledException e) {
        spec.commandLine().getErr().println("newsgraph: the SPARQL query was stopped after its time limit of "
            + result.timeoutSeconds + " s (--timeout); nothing was returned");
        return Main.INPUT_FAILED;
      }
      rows.write(spec.commandLine().getOut(), result.format);
    }
    return Main.OK;
  }
}
