package org.newsgraph.neo4j;

/**
 * What one {@link RdfGraphLoader#load} call sent to Neo4j. Counts are rows sent, not changes made:
 * loading the same RDF twice reports the same numbers although the second load creates nothing.
 *
 * @param nodes resource nodes merged (one per distinct IRI or blank node)
 * @param relationships relationships merged (one per distinct subject, type and object)
 * @param properties property values set (a multi-valued key counts once per node)
 * @param elapsedMillis wall-clock time of the load, in milliseconds
 */
public record LoadStats(long nodes, long relationships, long properties, long elapsedMillis) {
  /** This and {@code other} together: each count and the time summed. */
  public LoadStats plus(LoadStats other) {
    return new LoadStats(nodes + other.nodes, relationships + other.relationships, properties + other.properties,
        elapsedMillis + other.elapsedMillis);
  }
}
