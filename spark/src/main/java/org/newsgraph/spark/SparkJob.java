package org.newsgraph.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;

/**
 * The main job on Spark: read the inputs, skip what the output already has, extract the rest in
 * {@code mapPartitions}, write this run's part of the output.
 *
 * <p>Output, under {@link JobOptions#output()}, one {@code run=ID} folder per run in each table
 * (Spark reads a table's runs together, with a {@code run} column):
 *
 * <ul>
 *   <li>{@code nquads/run=ID/part-*.nq}: the RDF, one named graph per article (the article IRI),
 *       as {@code build} stores it in TDB2;
 *   <li>{@code graphs/run=ID} (Parquet: id, iri, nquads): the same RDF per article, which {@link
 *       Neo4jLoad} reads;
 *   <li>{@code entities}, {@code relations}, {@code events} (Parquet): one row per entity,
 *       reified relation and event of each article, with the article's {@code id} and {@code iri}
 *       and the provenance ({@link ArticleTables});
 *   <li>{@code errors} (Parquet: id, iri, source, stage, reason, ...): inputs and articles that
 *       could not be read, extracted, mapped or validated;
 *   <li>{@code articles} (Parquet: id, iri, source, title, date, contentHash, extractorVersion,
 *       counts, extractMillis): one row per article extracted, written last: a run whose {@code
 *       articles/run=ID/_SUCCESS} exists is complete.
 * </ul>
 *
 * <p>Rerun: an article whose id, content hash and extractor version are in {@code articles} (of
 * any complete run) is skipped before extraction; a changed one is extracted again and its new
 * run supersedes the old one (the latest run of each id is current). Articles in {@code errors}
 * are tried again.
 */
public final class SparkJob {
  private SparkJob() {}

  /**
   * What a run did.
   *
   * @param runId the run's folder name
   * @param read articles read (copies of an id not counted)
   * @param unchanged articles skipped as already in the output
   * @param extracted articles handed to the extractor
   * @param ok articles extracted, mapped and valid
   * @param errors inputs and articles in the errors table
   * @param triples RDF triples written
   * @param millis wall time of the run
   */
  public record Report(String runId, long read, long unchanged, long extracted, long ok, long errors, long triples,
      long millis) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "run %s: %d article(s) read, %d unchanged (skipped), %d extracted:"
          + " %d ok, %d error(s) (see errors/run=%s); %d triples; %.1f s", runId, read, unchanged, extracted, ok,
          errors, runId, triples, millis / 1000.0);
    }
  }

  /** Runs the job with newsgraph's extraction ({@link Extraction#PIPELINE}). */
  public static Report run(SparkSession spark, JobOptions options) {
    return run(spark, options, Extraction.PIPELINE);
  }

  /**
   * Runs the job with the extraction given (tests make it throw for one article).
   *
   * @throws IllegalArgumentException when an input cannot be read as a table
   */
  public static Report run(SparkSession spark, JobOptions options, Extraction.Extractors extractors) {
    long t0 = System.nanoTime();
    String runId = options.runId() != null ? options.runId()
        : ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    String out = options.output().endsWith("/") ? options.output() : options.output() + "/";
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    if (exists(hadoop, out + "articles/run=" + runId) || exists(hadoop, out + "_work/run=" + runId)) {
      throw new IllegalArgumentException("the output " + out + " already has a run " + runId + "; give another --run-id");
    }
    Dataset<Row> rows = ArticleRows.read(spark, options.inputs(), options.date());
    Dataset<Row> articles = rows.filter(functions.col("problem").isNull());
    Dataset<Row> problems = rows.filter(functions.col("problem").isNotNull());
    String version = Extraction.stamp(options.profile());
    Dataset<Row> todo = articles;
    if (exists(hadoop, out + "articles")) {
      Dataset<Row> done = spark.read().parquet(out + "articles")
          .select("id", "contentHash", "extractorVersion").distinct();
      todo = articles.withColumn("extractorVersion", functions.lit(version))
          .join(done, new scala.collection.immutable.Set.Set3<>("id", "contentHash",
              "extractorVersion").toSeq(), "left_anti")
          .drop("extractorVersion");
    }
    int partitions = options.partitions() > 0 ? options.partitions()
        : Math.max(1, spark.sparkContext().defaultParallelism() * 4);
    Dataset<Row> input = todo.repartition(partitions).unionByName(problems.coalesce(1));
    LongAccumulator extracted = spark.sparkContext().longAccumulator("articles extracted");
    Extraction.Extractors ex = extractors;
    Dataset<Row> results = input.mapPartitions(
        (MapPartitionsFunction<Row, Row>) it -> Extraction.partition(it, options, ex, extracted),
        org.apache.spark.sql.Encoders.row(Extraction.RESULT));
    String work = out + "_work/run=" + runId;
    results.write().parquet(work);
    // everything below reads the staged results: extraction ran once
    Dataset<Row> staged = spark.read().parquet(work);
    Dataset<Row> ok = staged.filter("status = 'ok'");
    ok.select(functions.regexp_replace(functions.col("nquads"), "\n$", "").as("value"))
        .write().text(out + "nquads/run=" + runId);
    renameParts(hadoop, out + "nquads/run=" + runId, ".txt", ".nq");
    ok.select("id", "iri", "nquads").write().parquet(out + "graphs/run=" + runId);
    for (String table : new String[] {"entities", "relations", "events"}) {
      ok.select(functions.col("id"), functions.col("iri"), functions.explode(functions.col(table)).as("x"))
          .select("id", "iri", "x.*").write().parquet(out + table + "/run=" + runId);
    }
    staged.filter("status = 'error'").select("id", "iri", "source", "title", "date", "contentHash",
        "extractorVersion", "stage", "reason").write().parquet(out + "errors/run=" + runId);
    ok.select(functions.col("id"), functions.col("iri"), functions.col("source"), functions.col("title"),
        functions.col("date"), functions.col("contentHash"), functions.col("extractorVersion"),
        functions.size(functions.col("entities")).as("entities"),
        functions.size(functions.col("relations")).as("relations"),
        functions.size(functions.col("events")).as("events"), functions.col("triples"),
        functions.col("extractMillis")).write().mode(SaveMode.ErrorIfExists).parquet(out + "articles/run=" + runId);
    Row counts = staged.agg(functions.sum(functions.when(functions.col("status").equalTo("ok"), 1).otherwise(0)),
        functions.sum(functions.when(functions.col("status").equalTo("error"), 1).otherwise(0)),
        functions.sum("triples")).first();
    long read = articles.count();
    delete(hadoop, work);
    return new Report(runId, read, read - todo.count(), extracted.value(), counts.isNullAt(0) ? 0 : counts.getLong(0),
        counts.isNullAt(1) ? 0 : counts.getLong(1), counts.isNullAt(2) ? 0 : counts.getLong(2),
        (System.nanoTime() - t0) / 1_000_000);
  }

  static boolean exists(Configuration conf, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Configuration conf, String path) {
    try {
      Path p = new Path(path);
      p.getFileSystem(conf).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
    }
  }

  /** Renames the part files Spark's text writer names {@code .txt} to the extension of their format. */
  private static void renameParts(Configuration conf, String dir, String from, String to) {
    try {
      Path p = new Path(dir);
      FileSystem fs = p.getFileSystem(conf);
      for (FileStatus f : fs.listStatus(p)) {
        String name = f.getPath().getName();
        if (name.startsWith("part-") && name.endsWith(from)) {
          fs.rename(f.getPath(), new Path(p, name.substring(0, name.length() - from.length()) + to));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename the parts in " + dir + ": " + e.getMessage(), e);
    }
  }
}
