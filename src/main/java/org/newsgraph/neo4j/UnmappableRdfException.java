package org.newsgraph.neo4j;

/**
 * RDF that the property-graph mapping cannot carry without changing it, or a property graph that
 * cannot be turned back into the RDF it came from; the message names the problem and what to do.
 */
public final class UnmappableRdfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what cannot be carried, and what to do */
  public UnmappableRdfException(String message) {
    super(message);
  }
}
