package org.newsgraph.spark;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.newsgraph.neo4j.LoadStats;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.neo4j.RdfGraphLoader;
import org.newsgraph.rdf.NG;

/**
 * Loads the job's output into a Neo4j server or cluster from the executors, through newsgraph's
 * own RDF-to-property-graph mapping ({@link org.newsgraph.neo4j.PropertyGraphMapping}, written by
 * {@link RdfGraphLoader#refresh}), so that Neo4j holds the same
 * graph as after {@code build}: same nodes, labels, properties (the {@code sources} lists
 * included), relationships and their provenance.
 *
 * <p>How: the current RDF (the latest complete run of each article, {@link SparkJob}) is cut into
 * one fragment per resource: the quads that have it as subject or as the object of a relationship,
 * plus, for each relationship that starts at it, the quads its provenance is read from (the
 * reifying statement and its evidence sentence, or the event of an event role), all from the same
 * article graph. The fragments are shuffled by resource into {@code shards} partitions; each
 * partition refreshes its resources in groups of {@code resourcesPerBatch} ({@link
 * RdfGraphLoader#refreshOutgoing}): for each, labels and properties are replaced by those of all
 * its quads in all articles (the incoming ones give its {@code sources}), and the relationships
 * that start at it are re-created (MERGE on the {@code uri} key and on start, type and end), in
 * write transactions of at most {@code rowsPerTransaction} rows that the driver retries on
 * transient errors (deadlocks, a leader change in a cluster). Each relationship is written once,
 * by its start's shard.
 *
 * <p>Safe to retry: what a group writes depends only on the output, not on what Neo4j held, so a
 * task or a whole load run again gives the same graph; a resource no longer in any current
 * article is not deleted (a later {@code build}-style refresh or {@code newsgraph load
 * --from-store} does that). The other end of a relationship is merged on {@code uri} by the
 * start's shard when it is not there yet; its own shard sets its labels and properties before or
 * after.
 */
public final class Neo4jLoad {
  private Neo4jLoad() {}

  /**
   * Where to load and how.
   *
   * @param uri a Bolt URI: {@code neo4j://} (routing, a cluster), {@code neo4j+s://}, {@code bolt://}
   * @param user the user, or {@code null} for none
   * @param password the password, or {@code null}
   * @param database the database, or {@code null} for the server's default
   * @param shards partitions that write at once (each holds one driver and one session at a time)
   * @param resourcesPerBatch resources refreshed together (one group of transactions)
   * @param rowsPerTransaction rows per write transaction
   */
  public record Target(String uri, String user, String password, String database, int shards,
      int resourcesPerBatch, int rowsPerTransaction) implements Serializable {
    /** Checks the sizes. */
    public Target {
      if (shards < 1 || resourcesPerBatch < 1 || rowsPerTransaction < 1) {
        throw new IllegalArgumentException("--shards, --resources-per-batch and --batch must be 1 or more");
      }
    }
  }

  /**
   * What a load wrote.
   *
   * @param articles article graphs loaded
   * @param resources resources refreshed
   * @param relationships relationships written
   * @param millis wall time
   */
  public record Report(long articles, long resources, long relationships, long millis) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "Neo4j: %d article graph(s), %d resource(s) refreshed,"
          + " %d relationship(s) written in %.1f s", articles, resources, relationships, millis / 1000.0);
    }
  }

  /**
   * The number of shards used unless one is given: the application's cores ({@code
   * spark.default.parallelism}, e.g. 2 for {@code local[2]}), at most 8. More writers than cores
   * on one machine only wait for each other: loading 960 articles into a Neo4j on the same 2-core
   * machine took 41 s with 2 shards and 49 s with 8 (docs/spark.md); on a cluster, a Neo4j leader
   * takes writes from a few sessions well and more mostly add lock waits.
   *
   * @return a number from 1 to 8
   */
  public static int defaultShards(SparkSession spark) {
    return Math.max(1, Math.min(8, spark.sparkContext().defaultParallelism()));
  }

  private static final StructType FRAGMENT = new StructType()
      .add("resource", DataTypes.StringType)
      .add("quad", DataTypes.StringType);

  /**
   * The current article graphs of an output folder: of each article id, the graph of its latest
   * complete run (one whose {@code articles/run=ID} exists).
   *
   * @return rows (id, iri, nquads, run)
   */
  public static Dataset<Row> currentGraphs(SparkSession spark, String output) {
    String out = output.endsWith("/") ? output : output + "/";
    if (!SparkJob.exists(spark.sparkContext().hadoopConfiguration(), out + "articles")) {
      throw new IllegalArgumentException("no complete run in " + out + " (no articles/ table); run the job first");
    }
    Dataset<Row> runs = spark.read().parquet(out + "articles").select("id", "run")
        .withColumn("latest", functions.max("run").over(Window.partitionBy("id")))
        .filter("run = latest").select("id", "run");
    return spark.read().parquet(out + "graphs").join(runs, new scala.collection.immutable.Set.Set2<>("id", "run")
        .toSeq(), "left_semi");
  }

  /**
   * Loads the current graphs of {@code output} into {@code target}.
   *
   * @throws org.newsgraph.StoreUnavailableException when Neo4j cannot be reached from the driver
   */
  public static Report load(SparkSession spark, String output, Target target) {
    long t0 = System.nanoTime();
    try (Neo4jStore store = Neo4jStore.connect(target.uri(), target.user(), target.password(), target.database())) {
      new RdfGraphLoader(store).warmUp(); // the constraints, once, before the executors write
    }
    Dataset<Row> graphs = currentGraphs(spark, output);
    LongAccumulator articles = spark.sparkContext().longAccumulator("article graphs");
    LongAccumulator resources = spark.sparkContext().longAccumulator("resources refreshed");
    LongAccumulator relationships = spark.sparkContext().longAccumulator("relationships written");
    Dataset<Row> fragments = graphs.select("nquads").flatMap((FlatMapFunction<Row, Row>) r -> {
      articles.add(1);
      return fragments(r.getString(0)).iterator();
    }, Encoders.row(FRAGMENT));
    fragments.repartition(target.shards(), functions.col("resource"))
        .sortWithinPartitions("resource")
        .foreachPartition((ForeachPartitionFunction<Row>) it -> {
          LoadStats s = refreshAll(it, target);
          resources.add(s.nodes());
          relationships.add(s.relationships());
        });
    return new Report(articles.value(), resources.value(), relationships.value(), (System.nanoTime() - t0) / 1_000_000);
  }

  /** Refreshes the resources of one sorted partition of fragments, group by group. */
  static LoadStats refreshAll(Iterator<Row> sorted, Target target) {
    long nodes = 0;
    long rels = 0;
    if (!sorted.hasNext()) {
      return new LoadStats(0, 0, 0, 0);
    }
    try (Neo4jStore store = Neo4jStore.connect(target.uri(), target.user(), target.password(), target.database())) {
      RdfGraphLoader loader = new RdfGraphLoader(store, target.rowsPerTransaction());
      Set<String> group = new HashSet<>();
      Set<String> quads = new LinkedHashSet<>();
      String last = null;
      while (sorted.hasNext()) {
        Row r = sorted.next();
        String resource = r.getString(0);
        if (!resource.equals(last) && group.size() >= target.resourcesPerBatch()) {
          LoadStats s = refresh(loader, group, quads);
          nodes += s.nodes();
          rels += s.relationships();
          group.clear();
          quads.clear();
        }
        last = resource;
        group.add(resource);
        quads.add(r.getString(1));
      }
      LoadStats s = refresh(loader, group, quads);
      return new LoadStats(nodes + s.nodes(), rels + s.relationships(), 0, 0);
    }
  }

  private static LoadStats refresh(RdfGraphLoader loader, Set<String> group, Set<String> quads) {
    DatasetGraph dsg = DatasetGraphFactory.createGeneral();
    RDFParser.create().source(new StringReader(String.join("\n", quads))).lang(Lang.NQUADS).parse(dsg);
    Set<Node> affected = new HashSet<>();
    dsg.find().forEachRemaining(q -> {
      for (Node n : new Node[] {q.getSubject(), q.getObject()}) {
        if (!n.isLiteral() && group.contains(NodeFmtLib.strNT(n))) {
          affected.add(n);
        }
      }
    });
    return loader.refreshOutgoing(DatasetFactory.wrap(dsg), affected);
  }

  private static final Node REIFIES = RDF.Nodes.reifies;
  private static final Node TYPE = RDF.Nodes.type;
  private static final Node EVENT = NG.Event.asNode();
  private static final Node EVIDENCE = NG.evidence.asNode();
  private static final List<Node> EVIDENCE_TEXT = List.of(NG.anchorOf.asNode(), NG.beginIndex.asNode(),
      NG.endIndex.asNode());

  /**
   * The fragments of one article's N-Quads: (resource in N-Triples form, quad line) for each
   * resource of the article (see the class description).
   */
  static List<Row> fragments(String nquads) {
    DatasetGraph dsg = DatasetGraphFactory.createGeneral();
    RDFParser.create().source(new StringReader(nquads)).lang(Lang.NQUADS).parse(dsg);
    List<Row> out = new ArrayList<>();
    for (Iterator<Node> names = dsg.listGraphNodes(); names.hasNext(); ) {
      Node name = names.next();
      Graph g = dsg.getGraph(name);
      Map<Node, Set<Triple>> byResource = new LinkedHashMap<>();
      g.find().forEachRemaining(t -> {
        byResource.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t);
        if (!t.getObject().isLiteral() && !t.getPredicate().equals(TYPE)) {
          byResource.computeIfAbsent(t.getObject(), k -> new LinkedHashSet<>()).add(t);
        }
      });
      String graph = NodeFmtLib.strNT(name);
      for (Map.Entry<Node, Set<Triple>> e : byResource.entrySet()) {
        Set<Triple> fragment = new LinkedHashSet<>(e.getValue());
        for (Triple t : e.getValue()) {
          // a relationship is written by its start's shard: only its fragment needs the provenance
          if (t.getSubject().equals(e.getKey()) && !t.getObject().isLiteral() && !t.getPredicate().equals(TYPE)) {
            provenance(g, t, fragment);
          }
        }
        String key = NodeFmtLib.strNT(e.getKey());
        for (Triple t : fragment) {
          out.add(RowFactory.create(key, NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate())
              + " " + NodeFmtLib.strNT(t.getObject()) + " " + graph + " ."));
        }
      }
    }
    return out;
  }

  /** Adds the quads the provenance of relationship {@code t} is read from in {@code g}. */
  private static void provenance(Graph g, Triple t, Set<Triple> into) {
    g.find(Node.ANY, REIFIES, NodeFactory.createTripleTerm(t)).forEachRemaining(r -> describe(g, r.getSubject(), into));
    if (g.contains(t.getSubject(), TYPE, EVENT)) {
      into.add(Triple.create(t.getSubject(), TYPE, EVENT));
      describe(g, t.getSubject(), into);
    }
  }

  private static void describe(Graph g, Node node, Set<Triple> into) {
    g.find(node, Node.ANY, Node.ANY).forEachRemaining(x -> {
      into.add(x);
      if (x.getPredicate().equals(EVIDENCE)) {
        for (Node p : EVIDENCE_TEXT) {
          g.find(x.getObject(), p, Node.ANY).forEachRemaining(into::add);
        }
      }
    });
  }
}
