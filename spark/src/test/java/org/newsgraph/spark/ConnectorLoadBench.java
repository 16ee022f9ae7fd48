package org.newsgraph.spark;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.newsgraph.extract.Profile;
import org.newsgraph.neo4j.PropertyGraphMapping;

/**
 * A measurement, not a test (docs/spark.md, "Own mapping or the Neo4j Connector for Apache
 * Spark"): the job's output loaded into a fresh embedded Neo4j ({@link Neo4jChild}) in Spark
 * {@code local[2]}, either by the job's own load ({@link Neo4jLoad}) or by the Neo4j Connector for
 * Apache Spark writing the rows of {@link PropertyGraphMapping} as DataFrames in its {@code query}
 * mode. Each mode prints one {@code RESULT} line (rows, milliseconds) and writes a snapshot of
 * the graph (every node and relationship with labels and properties, one sorted line each) that
 * the two modes can be compared by.
 *
 * <p>The connector bundles the Neo4j Java driver 4.4 unrelocated ({@code org.neo4j.driver}), which
 * clashes with the core's driver 5; its mode is run in a JVM whose class path has the connector
 * instead of the core's driver, and this class reaches it only through Spark's data source API
 * ({@code format("org.neo4j.spark.DataSource")}) and the driver API the two versions share. See
 * {@code spark/bench/connector-load.sh} for the commands.
 *
 * <p>Modes: {@code prepare WORK [COPIES]} runs the job on bench/corpus (fast profile) into {@code
 * WORK/job}, and with COPIES also a synthetic output {@code WORK/big} of COPIES renamed copies of
 * its article graphs; for each it writes the mapping's rows as Parquet ({@code _rows/nodes},
 * {@code _rows/relationships}). {@code own OUTPUT SNAPSHOT [SHARDS]} and {@code connector OUTPUT
 * SNAPSHOT [PARTITIONS] [BATCH]} load into a fresh Neo4j and write the snapshot.
 */
final class ConnectorLoadBench {
  private ConnectorLoadBench() {}

  private static final String RESOURCE = "Resource";

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "prepare" -> prepare(Path.of(args[1]).toAbsolutePath(), args.length > 2 ? Integer.parseInt(args[2]) : 0);
      case "own" -> own(args[1], Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 8);
      case "connector" -> connector(args[1], Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 2,
          args.length > 4 ? Integer.parseInt(args[4]) : 5000, false);
      case "driver" -> connector(args[1], Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 2,
          args.length > 4 ? Integer.parseInt(args[4]) : 5000, true);
      default -> throw new IllegalArgumentException("mode: prepare, own, connector or driver");
    }
    System.exit(0);
  }

  // ---- prepare ----

  static void prepare(Path work, int copies) throws Exception {
    SparkSession spark = LocalSpark.get();
    String job = work.resolve("job").toUri().toString();
    Path corpus = LocalSpark.core().resolve("bench/corpus");
    if (!Files.exists(work.resolve("job/articles"))) {
      SparkJob.Report r = SparkJob.run(spark, JobOptions.defaults(List.of(corpus.toUri().toString()), job)
          .withProfile(Profile.FAST).withRunId("r1"));
      System.out.println("job: " + r);
    }
    writeRows(spark, job);
    if (copies > 0) {
      String big = work.resolve("big").toUri().toString();
      List<Row> graphs = Neo4jLoad.currentGraphs(spark, job).select("id", "iri", "nquads").collectAsList();
      List<Row> out = new ArrayList<>();
      List<Row> ids = new ArrayList<>();
      for (int c = 0; c < copies; c++) {
        for (Row g : graphs) {
          out.add(RowFactory.create(g.getString(0) + "-c" + c, copyIri(g.getString(1), c), copy(g.getString(2), c)));
          ids.add(RowFactory.create(g.getString(0) + "-c" + c));
        }
      }
      StructType graphSchema = new StructType().add("id", DataTypes.StringType).add("iri", DataTypes.StringType)
          .add("nquads", DataTypes.StringType);
      spark.createDataFrame(out, graphSchema).repartition(8).write().mode(SaveMode.Overwrite)
          .parquet(big + "/graphs/run=r1");
      spark.createDataFrame(ids, new StructType().add("id", DataTypes.StringType)).write().mode(SaveMode.Overwrite)
          .parquet(big + "/articles/run=r1");
      writeRows(spark, big);
    }
  }

  /** IRIs of the article's own resources (article, sentences, statements, events): one set per copy. */
  private static final Pattern ARTICLE_IRI = Pattern.compile("<(https?://[^>]*/article/)([^>/#]+)([^>]*)>");
  /** IRIs of entities: shared by the copies {@code c}, {@code c + 10}, ... as entities recur across articles. */
  private static final Pattern ENTITY_IRI = Pattern.compile("<(https?://[^>]*/entity/)([^>/#]+)([^>]*)>");

  static String copyIri(String iri, int c) {
    return copy("<" + iri + ">", c).replaceAll("^<|>$", "");
  }

  /** One copy of an article's N-Quads: its own IRIs made unique to copy {@code c}, its entities one of 10 sets. */
  static String copy(String nquads, int c) {
    Matcher m = ARTICLE_IRI.matcher(nquads);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement("<" + m.group(1) + m.group(2) + "-c" + c + m.group(3) + ">"));
    }
    m.appendTail(sb);
    m = ENTITY_IRI.matcher(sb.toString());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("<" + m.group(1) + m.group(2) + "-e" + (c % 10) + m.group(3) + ">"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The mapping's rows of the current graphs of {@code output}, as the connector is given them:
   * nodes (uri, labels, sources, one column per property key) and relationships (type, start, end,
   * sources, one column per property key), with the key names and kinds in {@code _rows/*.keys}.
   */
  static void writeRows(SparkSession spark, String output) {
    Dataset ds = DatasetFactory.create();
    for (Row g : Neo4jLoad.currentGraphs(spark, output).select("nquads").collectAsList()) {
      RDFParser.create().source(new StringReader(g.getString(0))).lang(Lang.NQUADS).parse(ds.asDatasetGraph());
    }
    long t0 = System.nanoTime();
    PropertyGraphMapping.Rows rows = PropertyGraphMapping.of(ds, true);
    List<PropertyGraphMapping.NodeRow> nodes = rows.nodes();
    List<PropertyGraphMapping.RelationshipRow> rels = rows.relationships();
    long mapMillis = (System.nanoTime() - t0) / 1_000_000;
    Columns nodeColumns = Columns.of(nodes.stream().map(PropertyGraphMapping.NodeRow::properties).toList());
    Columns relColumns = Columns.of(rels.stream().map(PropertyGraphMapping.RelationshipRow::properties).toList());
    StructType nodeSchema = nodeColumns.schema(new StructType().add("uri", DataTypes.StringType)
        .add("labels", DataTypes.createArrayType(DataTypes.StringType))
        .add("sources", DataTypes.createArrayType(DataTypes.StringType)));
    StructType relSchema = relColumns.schema(new StructType().add("type", DataTypes.StringType)
        .add("start", DataTypes.StringType).add("end", DataTypes.StringType)
        .add("sources", DataTypes.createArrayType(DataTypes.StringType)));
    List<Row> nodeRows = new ArrayList<>();
    for (PropertyGraphMapping.NodeRow n : nodes) {
      nodeRows.add(nodeColumns.row(List.of(n.uri(), n.labels(), n.sources()), n.properties()));
    }
    List<Row> relRows = new ArrayList<>();
    for (PropertyGraphMapping.RelationshipRow r : rels) {
      relRows.add(relColumns.row(List.of(r.type(), r.start(), r.end(), r.sources()), r.properties()));
    }
    spark.createDataFrame(nodeRows, nodeSchema).write().mode(SaveMode.Overwrite).parquet(output + "/_rows/nodes");
    spark.createDataFrame(relRows, relSchema).write().mode(SaveMode.Overwrite).parquet(output + "/_rows/relationships");
    nodeColumns.writeKeys(output + "/_rows/nodes.keys");
    relColumns.writeKeys(output + "/_rows/relationships.keys");
    Set<List<String>> labelSets = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
    nodes.forEach(n -> labelSets.add(n.labels()));
    System.out.printf(Locale.ROOT, "ROWS %s: %d node rows (%d label sets, %d property keys), %d relationship rows"
        + " (%d types, %d property keys); mapping on the driver %d ms; kept as strings for want of a Spark type:"
        + " node keys %s, relationship keys %s%n", output, nodes.size(), labelSets.size(), nodeColumns.keys.size(),
        rels.size(), rels.stream().map(PropertyGraphMapping.RelationshipRow::type).distinct().count(),
        relColumns.keys.size(), mapMillis, nodeColumns.mixed, relColumns.mixed);
  }

  /**
   * One Spark column per property key, typed by the values the key has in all rows: string, long,
   * double, boolean, date, or an array of one of them. Neo4j's zoned and local date-times travel
   * as ISO strings (the connector 5.3 writes a Spark timestamp as a local date-time) and are
   * turned back by the Cypher statement; a key whose values have different kinds in different
   * rows has no one Spark type: one value in some rows and a list of the same kind in others (the
   * mapping's lists are of two or more values) travels as an array that Cypher turns back into one
   * value where it has one element; other mixes become strings and are listed in {@code mixed}.
   */
  static final class Columns {
    final List<String> keys = new ArrayList<>();
    final Map<String, String> kinds = new LinkedHashMap<>();
    final Set<String> mixed = new TreeSet<>();

    static Columns of(List<Map<String, Object>> all) {
      Map<String, Set<String>> seen = new TreeMap<>();
      for (Map<String, Object> props : all) {
        props.forEach((k, v) -> seen.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(kind(v)));
      }
      Columns c = new Columns();
      seen.forEach((k, ks) -> {
        c.keys.add(k);
        String kind = ks.size() == 1 ? ks.iterator().next() : "string";
        if (ks.size() == 2) { // one value here, several (a list) there: a list, and one value back in Cypher
          List<String> two = new ArrayList<>(ks);
          String list = two.get(0).startsWith("list:") ? two.get(0) : two.get(1);
          String one = two.get(0).startsWith("list:") ? two.get(1) : two.get(0);
          kind = list.equals("list:" + one) && !one.contains("datetime") ? "oneOrList:" + one : kind;
        }
        c.kinds.put(k, kind);
        if (kind.equals("string") && ks.size() > 1) {
          c.mixed.add(k + ks);
        }
      });
      return c;
    }

    static String kind(Object v) {
      if (v instanceof List<?> l) {
        return "list:" + (l.isEmpty() ? "string" : kind(l.get(0)));
      }
      return v instanceof Long ? "long" : v instanceof Double ? "double" : v instanceof Boolean ? "boolean"
          : v instanceof LocalDate ? "date" : v instanceof ZonedDateTime ? "datetime"
          : v instanceof LocalDateTime ? "localdatetime" : "string";
    }

    static DataType sparkType(String kind) {
      if (kind.startsWith("list:")) {
        return DataTypes.createArrayType(sparkType(kind.substring(5)));
      }
      if (kind.startsWith("oneOrList:")) {
        return DataTypes.createArrayType(sparkType(kind.substring(10)));
      }
      return switch (kind) {
        case "long" -> DataTypes.LongType;
        case "double" -> DataTypes.DoubleType;
        case "boolean" -> DataTypes.BooleanType;
        case "date" -> DataTypes.DateType;
        default -> DataTypes.StringType;
      };
    }

    StructType schema(StructType fixed) {
      StructType s = fixed;
      for (int i = 0; i < keys.size(); i++) {
        s = s.add("p" + i, sparkType(kinds.get(keys.get(i))));
      }
      return s;
    }

    Row row(List<Object> fixed, Map<String, Object> props) {
      List<Object> values = new ArrayList<>(fixed);
      for (String k : keys) {
        values.add(spark(props.get(k), kinds.get(k)));
      }
      return RowFactory.create(values.toArray());
    }

    private static Object spark(Object v, String kind) {
      if (v == null) {
        return null;
      }
      if (v instanceof List<?> l) {
        if (kind.startsWith("oneOrList:")) {
          return spark(v, "list:" + kind.substring(10));
        }
        if (!kind.startsWith("list:")) {
          return l.toString();
        }
        List<Object> out = new ArrayList<>();
        l.forEach(x -> out.add(spark(x, kind.substring(5))));
        return out;
      }
      if (kind.startsWith("list:")) {
        return List.of(spark(v, kind.substring(5)));
      }
      if (kind.startsWith("oneOrList:")) {
        return spark(v, "list:" + kind.substring(10));
      }
      return switch (kind) {
        case "date" -> java.sql.Date.valueOf((LocalDate) v);
        case "datetime" -> DateTimeFormatter.ISO_ZONED_DATE_TIME.format((ZonedDateTime) v);
        case "localdatetime" -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) v);
        case "string" -> v.toString();
        default -> v;
      };
    }

    /** {@code SET v.`key` = event.pI, ...}: temporal strings turned back into Neo4j values. */
    String set(String v) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        String e = "event.p" + i;
        String kind = kinds.get(keys.get(i));
        String value = switch (kind) {
          case "datetime" -> "datetime(" + e + ")";
          case "localdatetime" -> "localdatetime(" + e + ")";
          case "list:datetime" -> "[x IN " + e + " | datetime(x)]";
          case "list:localdatetime" -> "[x IN " + e + " | localdatetime(x)]";
          default -> kind.startsWith("oneOrList:") ? "CASE WHEN size(" + e + ") = 1 THEN " + e + "[0] ELSE " + e + " END" : e;
        };
        sb.append(", ").append(v).append(".`").append(keys.get(i).replace("`", "``")).append("` = ").append(value);
      }
      return sb.toString();
    }

    void writeKeys(String uri) {
      List<String> lines = new ArrayList<>();
      keys.forEach(k -> lines.add(k + "\t" + kinds.get(k)));
      try {
        Files.write(Path.of(java.net.URI.create(uri)), lines);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    static Columns read(StructType schema, String metadataFile) throws Exception {
      Columns c = new Columns();
      for (String line : Files.readAllLines(Path.of(metadataFile))) {
        int tab = line.indexOf('\t');
        c.keys.add(line.substring(0, tab));
        c.kinds.put(line.substring(0, tab), line.substring(tab + 1));
      }
      return c;
    }
  }

  // ---- own ----

  static void own(String output, Path snapshot, int shards) throws Exception {
    SparkSession spark = LocalSpark.get();
    spark.read().parquet(output + "/graphs").count(); // Spark's first job (class loading) before the clock
    try (Neo4jChild neo4j = Neo4jChild.start(home())) {
      Neo4jLoad.Target target = new Neo4jLoad.Target(neo4j.uri(), "neo4j", Neo4jChild.PASSWORD, null, shards,
          2000, 10_000);
      long t0 = System.nanoTime();
      Neo4jLoad.Report report = Neo4jLoad.load(spark, output, target);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.out.println(report);
      result("own", neo4j.uri(), snapshot, ms, "shards " + shards);
    }
  }

  // ---- connector ----

  /**
   * Writes the rows with the connector's {@code query} mode, or, with {@code plainDriver}, the same
   * statements with the core's driver from {@code foreachPartition} (a control: what the connector
   * adds over {@code UNWIND $events AS event} batches of the same size).
   */
  static void connector(String output, Path snapshot, int partitions, int batch, boolean plainDriver)
      throws Exception {
    SparkSession spark = LocalSpark.get();
    org.apache.spark.sql.Dataset<Row> nodes = spark.read().parquet(output + "/_rows/nodes");
    org.apache.spark.sql.Dataset<Row> rels = spark.read().parquet(output + "/_rows/relationships");
    Columns nodeColumns = columns(nodes.schema(), output + "/_rows/nodes");
    Columns relColumns = columns(rels.schema(), output + "/_rows/relationships");
    nodes.count(); // Spark's first job (class loading) before the clock
    try (Neo4jChild neo4j = Neo4jChild.start(home())) {
      String nodeQuery = "MERGE (n:`" + RESOURCE + "` {uri: event.uri})"
          + " SET n.sources = CASE WHEN size(event.sources) = 0 THEN null ELSE event.sources END"
          + nodeColumns.set("n") + " SET n:$(event.labels)";
      String relQuery = "MATCH (a:`" + RESOURCE + "` {uri: event.start}) MATCH (b:`" + RESOURCE + "` {uri: event.end})"
          + " MERGE (a)-[r:$(event.type)]->(b)"
          + " SET r.sources = CASE WHEN size(event.sources) = 0 THEN null ELSE event.sources END"
          + relColumns.set("r");
      String constraint = "CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (r:`" + RESOURCE + "`) REQUIRE r.uri IS UNIQUE";
      long t0 = System.nanoTime();
      if (plainDriver) {
        PlainWrite.write(nodes.repartition(partitions), neo4j.uri(), batch, nodeQuery, constraint);
      } else {
        write(nodes.repartition(partitions), neo4j.uri(), batch, nodeQuery, constraint);
      }
      long t1 = System.nanoTime();
      if (plainDriver) {
        PlainWrite.write(rels.repartition(partitions), neo4j.uri(), batch, relQuery, null);
      } else {
        write(rels.repartition(partitions), neo4j.uri(), batch, relQuery, null);
      }
      long t2 = System.nanoTime();
      result(plainDriver ? "driver" : "connector", neo4j.uri(), snapshot, (t2 - t0) / 1_000_000, "partitions " + partitions + ", batch.size "
          + batch + ", nodes " + (t1 - t0) / 1_000_000 + " ms, relationships " + (t2 - t1) / 1_000_000 + " ms");
    }
  }

  private static void write(org.apache.spark.sql.Dataset<Row> df, String uri, int batch, String query, String script) {
    org.apache.spark.sql.DataFrameWriter<Row> w = df.write().format("org.neo4j.spark.DataSource").mode(SaveMode.Append)
        .option("url", uri)
        .option("authentication.type", "basic")
        .option("authentication.basic.username", "neo4j")
        .option("authentication.basic.password", Neo4jChild.PASSWORD)
        .option("batch.size", String.valueOf(batch))
        .option("transaction.retries", "10")
        .option("query", query);
    if (script != null) {
      w = w.option("script", script);
    }
    w.save();
  }

  /** The control: the connector's statements sent by the core's driver, one transaction per batch. */
  static final class PlainWrite {
    static void write(org.apache.spark.sql.Dataset<Row> df, String uri, int batch, String query, String script) {
      try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", Neo4jChild.PASSWORD));
          Session s = driver.session()) {
        if (script != null) {
          s.run(script).consume();
        }
      }
      String statement = "UNWIND $events AS event " + query;
      df.foreachPartition((org.apache.spark.api.java.function.ForeachPartitionFunction<Row>) it -> {
        try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", Neo4jChild.PASSWORD));
            Session s = driver.session()) {
          List<Map<String, Object>> events = new ArrayList<>();
          while (it.hasNext()) {
            events.add(map(it.next()));
            if (events.size() == batch || !it.hasNext()) {
              List<Map<String, Object>> b = List.copyOf(events);
              s.executeWrite(tx -> tx.run(statement, Map.of("events", b)).consume());
              events.clear();
            }
          }
        }
      });
    }

    private static Map<String, Object> map(Row r) {
      Map<String, Object> m = new java.util.HashMap<>();
      String[] names = r.schema().fieldNames();
      for (int i = 0; i < names.length; i++) {
        m.put(names[i], value(r.get(i)));
      }
      return m;
    }

    private static Object value(Object v) {
      if (v instanceof scala.collection.Seq<?> seq) {
        List<Object> out = new ArrayList<>();
        scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(x -> out.add(value(x)));
        return out;
      }
      return v instanceof java.sql.Date d ? d.toLocalDate() : v;
    }
  }

  /** The key names and kinds of a rows table, rebuilt from its columns and the Parquet's key list. */
  private static Columns columns(StructType schema, String table) throws Exception {
    return Columns.read(schema, Path.of(java.net.URI.create(table + ".keys")).toString());
  }

  // ---- both ----

  /** A fresh Neo4j home folder, deleted when the JVM ends. */
  private static Path home() throws java.io.IOException {
    Path home = Files.createTempDirectory("bench-neo4j");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (java.util.stream.Stream<Path> files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (java.io.IOException e) {
        // left for the system's temporary-files cleaning
      }
    }));
    return home;
  }

  /** Prints the RESULT line and writes the snapshot of the graph in {@code uri}. */
  private static void result(String mode, String uri, Path snapshot, long ms, String how) throws Exception {
    TreeSet<String> lines = new TreeSet<>();
    long nodes;
    long rels;
    try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", Neo4jChild.PASSWORD));
        Session s = driver.session()) {
      nodes = s.run("MATCH (n) RETURN count(n)").single().get(0).asLong();
      rels = s.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong();
      s.run("MATCH (n) RETURN n.uri, n.namespace, labels(n), properties(n)").list()
          .forEach(r -> lines.add("N " + canonical(r.values().stream().map(v -> v.asObject()).toList())));
      s.run("MATCH (a)-[r]->(b) RETURN a.uri, type(r), b.uri, properties(r)").list()
          .forEach(r -> lines.add("R " + canonical(r.values().stream().map(v -> v.asObject()).toList())));
    }
    Files.write(snapshot, lines);
    System.out.printf(Locale.ROOT, "RESULT %s: %d ms; %d nodes, %d relationships in Neo4j (%s); load average %s%n",
        mode, ms, nodes, rels, how, Files.readString(Path.of("/proc/loadavg")).strip());
  }

  private static String canonical(List<Object> row) {
    List<Object> out = new ArrayList<>();
    for (Object v : row) {
      out.add(v instanceof Map<?, ?> m ? new TreeMap<>(m) : v instanceof List<?> l && l.stream()
          .allMatch(x -> x instanceof String) ? new TreeSet<>(l.stream().map(Object::toString).toList()) : v);
    }
    return out.toString();
  }
}
