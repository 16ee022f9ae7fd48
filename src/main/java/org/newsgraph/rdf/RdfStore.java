package org.newsgraph.rdf;

import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.newsgraph.TabularResult;

/**
 * The RDF side of newsgraph: a set of named graphs, one per article (or per loaded file). Two
 * implementations: {@link TdbStore}, an embedded Jena TDB2 dataset in the data folder, and {@link
 * SparqlEndpointStore}, a SPARQL 1.1 server (Fuseki, GraphDB) reached through Jena's
 * RDFConnection. Commands use this interface and never ask which one they have.
 *
 * <p>Only named graphs are managed; a store's default graph is left alone. Queries ({@link
 * #select}) see the store's default graph: in TDB2 the union of all named graphs; on an endpoint
 * whatever the server makes of it (configure it as the union, see docs/servers.md).
 */
public interface RdfStore extends AutoCloseable {
  /** Where the RDF is, for messages: {@code TDB2 in DIR} or {@code SPARQL endpoint URL}. */
  String describe();

  /**
   * Replaces the named graph {@code graphIri} with {@code content} (creating it if new).
   *
   * @return the content as stored: {@code content} itself for TDB2; for an endpoint, with blank
   *     nodes replaced by Skolem IRIs
   */
  Model replaceGraph(String graphIri, Model content);

  /**
   * Replaces several named graphs, as {@link #replaceGraph} each; TDB2 does it in one write
   * transaction (all or nothing, one sync to disk), an endpoint one request per graph.
   *
   * @param graphs graph IRI to its new content; iteration order is the storing order
   * @return graph IRI to the content as stored (see {@link #replaceGraph}), in the same order
   */
  default java.util.Map<String, Model> replaceGraphs(java.util.Map<String, Model> graphs) {
    java.util.Map<String, Model> stored = new java.util.LinkedHashMap<>();
    graphs.forEach((iri, content) -> stored.put(iri, replaceGraph(iri, content)));
    return stored;
  }

  /**
   * Removes the named graph {@code graphIri}.
   *
   * @return whether the store held that graph
   */
  boolean removeGraph(String graphIri);

  /**
   * The resources of one named graph as {@link TdbStore#resources} defines them (the nodes {@link
   * org.newsgraph.neo4j.RdfGraphLoader} makes of it).
   *
   * @return a new set; empty when there is no such graph
   */
  Set<Node> resourcesOf(String graphIri);

  /**
   * What the stored graph of an article says about how it was made ({@code ng:contentHash} and
   * {@code ng:extractorVersion} of the article resource, whose IRI is the graph name).
   *
   * @return the pair, or {@code null} when the graph is missing or lacks either value
   */
  Stamp stamp(String articleIri);

  /**
   * How an article's graph was made.
   *
   * @param contentHash {@link RdfMapper#contentHash} of the article read
   * @param extractorVersion the extractor's version string
   */
  record Stamp(String contentHash, String extractorVersion) {}

  /** Names of all named graphs, sorted. */
  List<String> graphNames();

  /** Number of quads in all named graphs. */
  long quadCount();

  /** A copy of every named graph (and the default graph, for TDB2), in memory. */
  Dataset snapshot();

  /**
   * Every named graph (and the default graph, for TDB2) to read once, e.g. to fill an empty Neo4j:
   * TDB2 gives its own dataset, to be read inside a read transaction (no copy); others give {@link
   * #snapshot()}.
   */
  default Dataset all() {
    return snapshot();
  }

  /**
   * A dataset to recompute Neo4j from for the resources {@code around}: it holds at least every
   * named graph in which one of them occurs (as subject or object). TDB2 gives its own dataset,
   * to be read inside a read transaction; an endpoint gives an in-memory copy of those graphs.
   */
  Dataset around(Set<Node> resources);

  /** Every resource of every named graph ({@link #resourcesOf} over all graphs). */
  Set<Node> allResources();

  /** Writes every named graph in {@code format}, provenance as stored (RDF 1.2 where the syntax allows). */
  default void export(RdfFormat format, OutputStream out) {
    export(format, RdfVersion.RDF_1_2, out);
  }

  /**
   * Writes every named graph in {@code format}, in the RDF of {@code version} ({@link
   * RdfIO#write(Dataset, RdfFormat, OutputStream, org.apache.jena.shared.PrefixMapping, RdfVersion)}).
   */
  default void export(RdfFormat format, RdfVersion version, OutputStream out) {
    Dataset copy = snapshot();
    RdfIO.write(copy, format, out, copy.getDefaultModel(), version);
  }

  /**
   * Runs a SPARQL SELECT or ASK query after {@link SparqlGuard#check}.
   *
   * @param timeoutMillis stop the query after this many milliseconds; 0 for no limit
   * @return the rows: IRIs as their full string, literals as their lexical form, numbers as
   *     {@code Long}/{@code Double}, blank nodes as {@code _:label}; ASK gives one column {@code ask}
   * @throws org.apache.jena.query.QueryParseException when the query does not parse
   * @throws IllegalArgumentException for CONSTRUCT and DESCRIBE, and for queries {@link
   *     SparqlGuard#check} refuses
   * @throws org.apache.jena.query.QueryCancelledException when the time limit passes
   */
  TabularResult select(String sparql, long timeoutMillis);

  /**
   * Runs a SPARQL SELECT query as {@link #select} does and hands each row to {@code row} as it is
   * read, for answers too large to hold at once (every stored article's text). The embedded TDB2
   * store streams them inside one read transaction; this default collects the answer first.
   *
   * @param row called once per row, in the answer's order, with the values as {@link #select}
   *     gives them
   * @throws IllegalArgumentException for any query but SELECT, and for queries {@link
   *     SparqlGuard#check} refuses
   * @throws org.apache.jena.query.QueryParseException when the query does not parse
   * @throws org.apache.jena.query.QueryCancelledException when the time limit passes
   */
  default void selectEach(String sparql, long timeoutMillis, java.util.function.Consumer<List<Object>> row) {
    if (!org.apache.jena.query.QueryFactory.create(sparql).isSelectType()) {
      throw new IllegalArgumentException("selectEach takes SELECT queries only");
    }
    select(sparql, timeoutMillis).rows().forEach(row);
  }

  @Override
  void close();
}
