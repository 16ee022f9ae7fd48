package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.io.PrintWriter;
import org.neo4j.driver.exceptions.Neo4jException;
import org.newsgraph.StoreUnavailableException;

/**
 * What {@code build} and {@code load} say when Neo4j cannot be reached, started or loaded after the
 * RDF has been stored (in TDB2 or the SPARQL endpoint): the reason (with the URI, from {@link
 * Stores#neo4j()}), that the RDF is kept, and how to finish the job: for {@code build} and {@code
 * remove} run them again (the next one loads what {@link PendingLoads} lists); for {@code load},
 * {@code newsgraph load --from-store}.
 */
final class Neo4jAfterRdf {
  private Neo4jAfterRdf() {}

  /** The {@code finish} sentence of {@code build}: its next run loads what Neo4j missed. */
  static String rerunBuild() {
    return "Run the same 'newsgraph build' again once Neo4j is reachable: it loads into Neo4j what "
        + PendingLoads.file(GlobalOptions.dataDir).toAbsolutePath() + " lists (no --force needed).";
  }

  /** The {@code finish} sentence of {@code load}. */
  static String loadFromStore() {
    return "Once Neo4j is reachable, run 'newsgraph load --from-store' with the same data folder and store"
        + " options: it loads the stored RDF into Neo4j and finishes the job.";
  }

  /**
   * Reports a Neo4j failure after the RDF was saved, or rethrows what is not one.
   *
   * @param e the failure: {@link StoreUnavailableException} (cannot connect or start) or a driver
   *     {@link Neo4jException} (the server failed or went away while loading)
   * @param saved what was saved, e.g. {@code "7 article(s)"}
   * @param where where it was saved ({@link Stores#rdfLocation})
   * @param finish the sentence that says how to finish the job once Neo4j is reachable
   * @return {@link Main#STORE_UNAVAILABLE}
   * @throws RuntimeException {@code e} itself when it is neither
   */
  static int report(RuntimeException e, String saved, String where, String finish, PrintWriter err) {
    if (!(e instanceof StoreUnavailableException) && !(e instanceof Neo4jException)) {
      throw e;
    }
    err.println("newsgraph: " + ArticleGuard.printable(
        e instanceof StoreUnavailableException ? e.getMessage() : "loading into Neo4j failed: " + e.getMessage()));
    err.println("newsgraph: the RDF of " + saved + " is saved in " + where
        + " (newsgraph sparql and export work now); Neo4j was not (fully) loaded. " + finish);
    return Main.STORE_UNAVAILABLE;
  }
}
