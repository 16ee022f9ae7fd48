package org.newsgraph.neo4j;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.newsgraph.rdf.RdfStore;
import org.newsgraph.rdf.TdbStore;

/**
 * Keeps TDB2 and Neo4j in step, one article (named graph) at a time. TDB2 is changed first; then
 * {@link RdfGraphLoader#refresh} recomputes, from TDB2, every Neo4j node the old or new graph
 * touches. So a resource another article still mentions stays (with that article's labels,
 * properties and relationships), and what only the replaced or removed article said goes. Each
 * node and relationship made from named graphs carries {@value RdfGraphLoader#SOURCES}: the
 * sorted article (graph) IRIs that support it.
 *
 * <p>Not atomic across the two stores: if Neo4j fails after TDB2 was changed, {@link #refresh} of
 * the same resources brings Neo4j back in step. Once TDB2 has changed, which nodes the old graph
 * touched is no longer known, so a caller that must survive a crash records {@link #affectedBy}
 * (or, for a remove, {@link TdbStore#resourcesOf}) first, as {@code build} and {@code remove} do.
 */
public final class ArticleUpdater {
  private final RdfStore tdb;
  private final RdfGraphLoader loader;

  /**
   * @param tdb the RDF store (TDB2 or a SPARQL endpoint); not closed here
   * @param neo4j the property graph store; not closed here
   */
  public ArticleUpdater(RdfStore tdb, Neo4jStore neo4j) {
    this.tdb = tdb;
    this.loader = new RdfGraphLoader(neo4j);
  }

  /**
   * Stores each graph in TDB2 (replacing the graph of the same name) and updates Neo4j.
   *
   * @param graphs graph IRI to its new content; iteration order is the storing order
   * @return what Neo4j was sent (nodes refreshed or deleted, relationships re-created)
   */
  public LoadStats replace(Map<String, Model> graphs) {
    return refresh(storeRdf(tdb, graphs));
  }

  /**
   * Articles (named graphs) written to the RDF store per write transaction by {@link #storeRdf}:
   * 256, or the system property {@code newsgraph.tdbBatch} (tests use a small batch to stop a
   * build between batches).
   */
  public static final int TDB_BATCH = Math.max(1, Integer.getInteger("newsgraph.tdbBatch", 256));

  /**
   * The TDB2 half of {@link #replace(Map)}: replaces the named graphs, {@value #TDB_BATCH} articles
   * per write transaction, and returns the resources whose Neo4j nodes must then be refreshed
   * (those of the old and the new graphs), so that the RDF is saved even when Neo4j cannot be
   * reached. Each batch is all or nothing; a failure leaves earlier batches stored.
   */
  public static Set<Node> storeRdf(RdfStore tdb, Map<String, Model> graphs) {
    return storeRdf(tdb, graphs, n -> { });
  }

  /**
   * {@link #storeRdf(RdfStore, Map)}, telling {@code stored} the number of graphs stored so far
   * after each batch of {@link #TDB_BATCH} (each batch is one write transaction, so a crash keeps
   * the batches stored before it).
   */
  public static Set<Node> storeRdf(RdfStore tdb, Map<String, Model> graphs, java.util.function.IntConsumer stored) {
    return storeRdf(tdb, graphs, affectedBy(tdb, graphs), stored);
  }

  /**
   * {@link #storeRdf(RdfStore, Map, java.util.function.IntConsumer)} for a caller that has already
   * asked for {@link #affectedBy} (to record it before TDB2 changes): {@code affectedBefore} is
   * that set, which is not changed; the result adds the resources of the graphs as stored.
   */
  public static Set<Node> storeRdf(RdfStore tdb, Map<String, Model> graphs, Set<Node> affectedBefore,
      java.util.function.IntConsumer stored) {
    Set<Node> affected = new HashSet<>(affectedBefore);
    int n = 0;
    Map<String, Model> batch = new LinkedHashMap<>();
    for (Map.Entry<String, Model> e : graphs.entrySet()) {
      batch.put(e.getKey(), e.getValue());
      n++;
      if (batch.size() == TDB_BATCH || n == graphs.size()) {
        // as stored: an endpoint gives blank nodes Skolem IRIs
        for (Model kept : tdb.replaceGraphs(batch).values()) {
          affected.addAll(TdbStore.resources(kept.getGraph()));
        }
        batch.clear();
        stored.accept(n);
      }
    }
    return affected;
  }

  /**
   * What {@link #storeRdf} will return, without storing anything: the resources of the graphs
   * {@code graphs} names as TDB2 holds them now and of their new content. A caller that must
   * survive a crash between the two stores records these before TDB2 changes (see {@code
   * PendingLoads} in the command line), since after the change the old graph's resources are no
   * longer known.
   *
   * @return a new set
   */
  public static Set<Node> affectedBy(RdfStore tdb, Map<String, Model> graphs) {
    return affectedBy(storedResources(tdb, graphs.keySet()), graphs);
  }

  /**
   * {@link #affectedBy(RdfStore, Map)} from {@link #storedResources} already asked for: those plus
   * the resources of the graphs' new content.
   *
   * @return a new set
   */
  public static Set<Node> affectedBy(Set<Node> stored, Map<String, Model> graphs) {
    Set<Node> affected = new HashSet<>(stored);
    graphs.values().forEach(m -> affected.addAll(TdbStore.resources(m.getGraph())));
    return affected;
  }

  /**
   * The resources that the graphs named {@code graphIris} hold in the RDF store now; empty when none
   * of them is stored, which is when {@link #add} may load them instead of {@link #refresh}.
   *
   * @return a new set
   */
  public static Set<Node> storedResources(RdfStore tdb, Collection<String> graphIris) {
    Set<Node> stored = new HashSet<>();
    graphIris.forEach(g -> stored.addAll(tdb.resourcesOf(g)));
    return stored;
  }

  /**
   * The Neo4j half of {@link #replace(Map)}: recomputes the nodes of {@code affected} from TDB2.
   * Into a Neo4j that holds no {@code Resource} node yet, the whole RDF store is loaded instead, in
   * one pass ({@link RdfGraphLoader#load(org.apache.jena.query.Dataset, boolean)} with {@value
   * RdfGraphLoader#SOURCES}): the same nodes and relationships the recomputation of every resource
   * would give, without its per-resource deletes and merges (and a Neo4j that was emptied or
   * replaced gets everything back, not only {@code affected}).
   */
  public LoadStats refresh(Set<Node> affected) {
    if (loader.isEmpty()) {
      return loader.load(tdb.all(), true);
    }
    return loader.refresh(tdb.around(affected), affected);
  }

  /**
   * The Neo4j half of storing graphs that are new to the RDF store (see {@link #storedResources}): adds them
   * with {@link RdfGraphLoader#add}, which reads only the graphs and the Neo4j nodes and
   * relationships they touch, then recomputes from the store, as {@link #refresh} does, the few
   * nodes whose stored properties it could not merge. Into an empty Neo4j, the whole store is
   * loaded, as {@link #refresh} does. The result is the one {@link #refresh} of the graphs'
   * resources gives.
   *
   * @param graphs graph IRI to content, as just stored; none of the names held a graph before
   * @return what Neo4j was sent
   */
  public LoadStats add(Map<String, Model> graphs) {
    if (loader.isEmpty()) {
      return loader.load(tdb.all(), true);
    }
    RdfGraphLoader.Added added = loader.add(graphs);
    LoadStats stats = added.stats();
    if (!added.unmerged().isEmpty()) {
      Set<Node> nodes = new HashSet<>();
      added.unmerged().forEach(u -> nodes.add(TermCodec.node(u)));
      stats = stats.plus(loader.refresh(tdb.around(nodes), nodes));
    }
    return stats;
  }

  /**
   * Whether {@link #refresh} will fill Neo4j from the whole RDF store (Neo4j holds no {@code
   * Resource} node yet): a caller that must survive a crash records that the whole store is
   * pending first.
   */
  public boolean fillsFromWholeStore() {
    return loader.isEmpty();
  }

  /** {@link #replace(Map)} for one graph. */
  public LoadStats replace(String graphIri, Model content) {
    Map<String, Model> one = new LinkedHashMap<>();
    one.put(graphIri, content);
    return replace(one);
  }

  /**
   * Removes named graphs from TDB2 and their contribution from Neo4j.
   *
   * @param graphIris graph (article) IRIs
   * @return the IRIs that were not in TDB2 (nothing was done for those), in the given order
   */
  public List<String> remove(Collection<String> graphIris) {
    Set<Node> affected = new HashSet<>();
    List<String> missing = new java.util.ArrayList<>();
    for (String g : graphIris) {
      Set<Node> old = tdb.resourcesOf(g);
      if (tdb.removeGraph(g)) {
        affected.addAll(old);
      } else {
        missing.add(g);
      }
    }
    if (!affected.isEmpty()) {
      refresh(affected);
    }
    return missing;
  }
}
