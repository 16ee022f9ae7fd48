package org.newsgraph.spark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.newsgraph.extract.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The job's command line for {@code spark-submit} (docs/spark.md): {@code run} extracts the inputs
 * into the output folder (and loads Neo4j with {@code --neo4j-uri}); {@code load} loads an output
 * folder into Neo4j. A thin adapter: options to {@link JobOptions} and {@link Neo4jLoad.Target},
 * then {@link SparkJob} and {@link Neo4jLoad}, then one line each on standard output.
 */
@Command(name = "newsgraph-spark", mixinStandardHelpOptions = true,
    subcommands = {NewsgraphSpark.Run.class, NewsgraphSpark.Load.class},
    description = "newsgraph's main job on Apache Spark 3.5. Submit with spark-submit (see docs/spark.md).")
public final class NewsgraphSpark implements Callable<Integer> {
  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return 2;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new NewsgraphSpark()).execute(args));
  }

  /** Options of the Neo4j target, shared by run and load. */
  static final class Neo4jOptions {
    @Option(names = "--neo4j-uri", paramLabel = "URI", defaultValue = "${env:NEO4J_URI}",
        description = "Neo4j server or cluster to load into: neo4j:// (routing), neo4j+s://, bolt:// (default: $NEO4J_URI;"
            + " none = no load).")
    String uri;

    @Option(names = "--neo4j-user", defaultValue = "${env:NEO4J_USERNAME:-neo4j}", description = "(default: $NEO4J_USERNAME or neo4j)")
    String user;

    @Option(names = "--neo4j-password", defaultValue = "${env:NEO4J_PASSWORD}", description = "(default: $NEO4J_PASSWORD)")
    String password;

    @Option(names = "--neo4j-database", description = "Database on the server (default: its default database).")
    String database;

    @Option(names = "--shards", defaultValue = "0", description = "Partitions writing to Neo4j at once (default: the"
        + " application's cores, at most 8).")
    int shards;

    @Option(names = "--resources-per-batch", defaultValue = "2000",
        description = "Resources refreshed together by one partition (default: ${DEFAULT-VALUE}).")
    int resources;

    @Option(names = "--batch", defaultValue = "10000", description = "Rows per write transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    Neo4jLoad.Target target(SparkSession spark) {
      return new Neo4jLoad.Target(uri, user, password, database, shards != 0 ? shards : Neo4jLoad.defaultShards(spark),
          resources, batch);
    }

    boolean given() {
      return uri != null && !uri.isBlank();
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Reads the inputs, extracts every article not already in the output (same id, content hash and"
          + " extractor version), writes this run's N-Quads and Parquet tables under OUTPUT, and loads Neo4j when"
          + " --neo4j-uri is given. Articles that fail go to the errors table; the job goes on."})
  static final class Run implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders on any Hadoop file system (file:,"
        + " hdfs:, s3a:, gs:, abfss:): .txt, .html, .htm, .jsonl; or .parquet / .json tables with the columns id, text"
        + " and optional title, date, url, authors.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "The output folder; each run adds its run=ID parts.")
    String output;

    @Option(names = "--profile", paramLabel = "accurate|fast", defaultValue = "accurate",
        description = "The CoreNLP pipeline, as build's --profile (default: ${DEFAULT-VALUE}; about 6 GB per executor,"
            + " fast about 3 GB).")
    String profile;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Publication date for articles whose input gives none.")
    LocalDate date;

    @Option(names = "--base-iri", paramLabel = "IRI", description = "Namespace for minted IRIs (default: build's).")
    String baseIri;

    @Option(names = "--max-chars", defaultValue = "1000000", description = "Longest article text extracted (default: ${DEFAULT-VALUE}).")
    long maxChars;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
        description = "Longest extraction of one article (default: ${DEFAULT-VALUE}; 0 = none).")
    long timeout;

    @Option(names = "--partitions", defaultValue = "0",
        description = "Partitions of the extraction (default: 4 per core of the application).")
    int partitions;

    @Option(names = "--run-id", description = "Name of this run's parts (default: the start time, UTC).")
    String runId;

    @CommandLine.Mixin Neo4jOptions neo4j = new Neo4jOptions();

    @Override
    public Integer call() {
      JobOptions options = new JobOptions(inputs, output, Profile.parse(profile), date, baseIri, maxChars,
          Duration.ofSeconds(timeout), partitions, runId);
      SparkSession spark = SparkSession.builder().appName("newsgraph run").getOrCreate();
      try {
        SparkJob.Report report = SparkJob.run(spark, options);
        System.out.println(report);
        if (neo4j.given()) {
          System.out.println(Neo4jLoad.load(spark, output, neo4j.target(spark)));
        }
        return 0; // failed articles are in the errors table; they do not fail the job
      } finally {
        spark.stop();
      }
    }
  }

  @Command(name = "load", mixinStandardHelpOptions = true,
      description = {"Loads the current RDF of an output folder (the latest complete run of each article) into Neo4j,"
          + " from the executors, in batched MERGE transactions; safe to run again."})
  static final class Load implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUTPUT", description = "The job's output folder.")
    String output;

    @CommandLine.Mixin Neo4jOptions neo4j = new Neo4jOptions();

    @Override
    public Integer call() {
      if (!neo4j.given()) {
        System.err.println("newsgraph-spark load: give --neo4j-uri (or set NEO4J_URI)");
        return 2;
      }
      SparkSession spark = SparkSession.builder().appName("newsgraph load").getOrCreate();
      try {
        System.out.println(Neo4jLoad.load(spark, output, neo4j.target(spark)));
        return 0;
      } finally {
        spark.stop();
      }
    }
  }
}
