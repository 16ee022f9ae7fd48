package org.newsgraph;

/**
 * A store (Neo4j, TDB2, a SPARQL endpoint) could not be reached or opened. The message says which
 * store, why, and what the user can do; the CLI maps it to exit code 3.
 */
public class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreUnavailableException(String message) {
    super(message);
  }
}
