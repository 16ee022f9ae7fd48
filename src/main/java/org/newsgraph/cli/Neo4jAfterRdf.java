package org.newsgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.neo4j.driver.exceptions.Neo4jException;
import org.newsgraph.StoreUnavailableException;

/**
 * What {@code build} says when Neo4j cannot be reached, started or loaded after the RDF of the
 * batch has been stored in TDB2: the reason (with the URI, from {@link Stores#neo4j()}), that the
 * RDF is kept, and how to finish the job (the next {@code build} loads what {@link PendingLoads}
 * lists).
 */
final class Neo4jAfterRdf {
  private Neo4jAfterRdf() {}

  /**
   * Reports a Neo4j failure after the RDF was saved, or rethrows what is not one.
   *
   * @param e the failure: {@link StoreUnavailableException} (cannot connect or start) or a driver
   *     {@link Neo4jException} (the server failed or went away while loading)
   * @param articles number of articles whose RDF was saved
   * @param tdbDir where it was saved
   * @return {@link Main#STORE_UNAVAILABLE}
   * @throws RuntimeException {@code e} itself when it is neither
   */
  static int report(RuntimeException e, int articles, Path tdbDir, PrintWriter err) {
    if (!(e instanceof StoreUnavailableException) && !(e instanceof Neo4jException)) {
      throw e;
    }
    err.println("newsgraph: " + ArticleGuard.printable(
        e instanceof StoreUnavailableException ? e.getMessage() : "loading into Neo4j failed: " + e.getMessage()));
    err.println("newsgraph: the RDF of " + articles + " article(s) is saved in " + tdbDir.toAbsolutePath()
        + " (newsgraph sparql and export work now); Neo4j was not (fully) loaded. Run the same"
        + " 'newsgraph build' again once Neo4j is reachable: it loads into Neo4j what "
        + PendingLoads.file(GlobalOptions.dataDir).toAbsolutePath() + " lists (no --force needed).");
    return Main.STORE_UNAVAILABLE;
  }
}
