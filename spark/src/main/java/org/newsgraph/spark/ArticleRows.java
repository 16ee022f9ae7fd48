package org.newsgraph.spark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.newsgraph.model.Article;
import org.newsgraph.pipeline.Pipeline;
import org.newsgraph.read.ArticleReader;
import scala.collection.JavaConverters;

/**
 * Articles as Spark rows, and the reading of the job's inputs into them with newsgraph's own
 * parsers ({@link ArticleReader#readContent}), so that an article reads the same as in {@code
 * build}.
 *
 * <p>One row per article or per input that could not be read ({@link #SCHEMA}): {@code id},
 * {@code title}, {@code text}, {@code date} (ISO {@code yyyy-MM-dd} or null), {@code url}, {@code
 * authors}, {@code credits} (agency, photographer, line), {@code source} (where it was read from;
 * for a local file its path, as {@code build} records it), {@code contentHash} ({@link
 * Pipeline#contentHash}), and {@code problem}: null for an article, else the reason the input at
 * {@code source} was skipped (then only {@code source} and {@code problem} are set).
 */
public final class ArticleRows {
  private ArticleRows() {}

  private static final StructType CREDIT = new StructType()
      .add("agency", DataTypes.StringType)
      .add("photographer", DataTypes.StringType)
      .add("line", DataTypes.StringType);

  /** The schema of an article row. */
  public static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("id", DataTypes.StringType, true),
      DataTypes.createStructField("title", DataTypes.StringType, true),
      DataTypes.createStructField("text", DataTypes.StringType, true),
      DataTypes.createStructField("date", DataTypes.StringType, true),
      DataTypes.createStructField("url", DataTypes.StringType, true),
      DataTypes.createStructField("authors", DataTypes.createArrayType(DataTypes.StringType), true),
      DataTypes.createStructField("credits", DataTypes.createArrayType(CREDIT), true),
      DataTypes.createStructField("source", DataTypes.StringType, true),
      DataTypes.createStructField("contentHash", DataTypes.StringType, true),
      DataTypes.createStructField("problem", DataTypes.StringType, true)});

  /** The row of an article. */
  public static Row toRow(Article a) {
    List<Row> credits = new ArrayList<>();
    a.credits().forEach(c -> credits.add(RowFactory.create(c.agency(), c.photographer(), c.line())));
    return RowFactory.create(a.id(), a.title(), a.text(), a.date() == null ? null : a.date().toString(), a.url(),
        a.authors().toArray(new String[0]), credits.toArray(new Row[0]), a.source(), Pipeline.contentHash(a), null);
  }

  /** The row of an input that could not be read. */
  public static Row problem(String source, String reason) {
    return RowFactory.create(null, null, null, null, null, null, null, source, null, reason);
  }

  /** The article of a row ({@code problem} null). */
  public static Article fromRow(Row r) {
    List<Article.Credit> credits = new ArrayList<>();
    for (Row c : list(r, "credits", Row.class)) {
      credits.add(new Article.Credit(c.getString(0), c.getString(1), c.getString(2)));
    }
    String date = r.getAs("date");
    return new Article(r.getAs("id"), r.getAs("title"), r.getAs("text"), date == null ? null : LocalDate.parse(date),
        r.getAs("url"), list(r, "authors", String.class), credits, r.getAs("source"));
  }

  private static <T> List<T> list(Row r, String field, Class<T> type) {
    int i = r.fieldIndex(field);
    if (r.isNullAt(i)) {
      return List.of();
    }
    Object v = r.get(i);
    List<T> out = new ArrayList<>();
    if (v instanceof scala.collection.Seq<?> seq) {
      JavaConverters.seqAsJavaList(seq).forEach(x -> out.add(type.cast(x)));
    } else if (v instanceof Object[] array) {
      for (Object x : array) {
        out.add(type.cast(x));
      }
    } else if (v instanceof List<?> l) {
      l.forEach(x -> out.add(type.cast(x)));
    }
    return out;
  }

  /**
   * Reads the inputs: {@code .parquet} and {@code .json} paths (files or folders) with Spark's own
   * readers, every other path as files (folders recursively, hidden files and those starting with
   * {@code _} skipped) whose name says the format ({@code .txt}, {@code .html}, {@code .htm},
   * {@code .jsonl}; others are reported). An id that two inputs share is reported for the second
   * (by source), as {@code build} does.
   *
   * @param date the publication date of articles whose input gives none, or {@code null}
   * @return article and problem rows ({@link #SCHEMA})
   */
  public static Dataset<Row> read(SparkSession spark, List<String> inputs, LocalDate date) {
    List<String> files = new ArrayList<>();
    Dataset<Row> out = null;
    for (String in : inputs) {
      String lower = stripSlash(in).toLowerCase(Locale.ROOT);
      Dataset<Row> part;
      if (lower.endsWith(".parquet") || lower.endsWith(".json")) {
        Dataset<Row> table = lower.endsWith(".parquet") ? spark.read().parquet(in) : spark.read().json(in);
        part = tableArticles(table, date);
      } else {
        files.add(in);
        continue;
      }
      out = out == null ? part : out.unionByName(part);
    }
    List<String> folders = new ArrayList<>();
    for (String f : List.copyOf(files)) {
      if (isFolder(spark, f)) {
        folders.add(f);
        files.remove(f);
      }
    }
    Dataset<Row> bytes = null;
    if (!folders.isEmpty()) {
      // as build reads folders: only the files of the formats read, the others silently left out
      bytes = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
          .option("pathGlobFilter", "*.{txt,TXT,html,HTML,htm,HTM,jsonl,JSONL}")
          .load(folders.toArray(new String[0])).select("path", "content");
    }
    if (!files.isEmpty()) {
      Dataset<Row> named = spark.read().format("binaryFile").load(files.toArray(new String[0])).select("path", "content");
      bytes = bytes == null ? named : bytes.union(named);
    }
    if (bytes != null) {
      Dataset<Row> part = bytes.mapPartitions((MapPartitionsFunction<Row, Row>) it -> readFiles(it, date),
          org.apache.spark.sql.Encoders.row(SCHEMA));
      out = out == null ? part : out.unionByName(part);
    }
    return firstOfEachId(out);
  }

  private static boolean isFolder(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).getFileStatus(p).isDirectory();
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalArgumentException("no such file or folder: " + path + "; check the path");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Files to articles, each with newsgraph's reader of its extension. */
  private static Iterator<Row> readFiles(Iterator<Row> files, LocalDate date) {
    ArticleReader reader = new ArticleReader(date);
    List<Row> out = new ArrayList<>();
    while (files.hasNext()) {
      Row f = files.next();
      String path = f.getString(0);
      String source = localSource(path);
      String name = path.substring(path.lastIndexOf('/') + 1);
      List<Article> articles = reader.readContent(name, source, (byte[]) f.get(1),
          p -> out.add(problem(p.source(), p.reason())), w -> { });
      articles.forEach(a -> out.add(toRow(a)));
    }
    return out.iterator();
  }

  /**
   * What {@code build} records as the source of a file: the local path for a {@code file:} URI
   * (so the RDF of a local run equals {@code build}'s), else the URI.
   */
  static String localSource(String uri) {
    if (uri.startsWith("file:")) {
      try {
        return java.nio.file.Path.of(java.net.URI.create(uri)).toString();
      } catch (IllegalArgumentException e) {
        return uri.substring("file:".length());
      }
    }
    return uri;
  }

  /**
   * Rows of a Parquet or JSON table with the columns id, text and optional title, date, url,
   * authors, each read as one JSON Lines record by newsgraph's reader (ids reduced, dates read,
   * problems reported as for {@code .jsonl}); the source is the file and the id ({@code
   * FILE#ID}).
   */
  private static Dataset<Row> tableArticles(Dataset<Row> table, LocalDate date) {
    List<String> names = List.of(table.columns());
    if (!names.contains("id") || !names.contains("text")) {
      throw new IllegalArgumentException("a Parquet or JSON input needs the columns id and text (and may have title,"
          + " date, url, authors); this one has " + names);
    }
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (String c : List.of("id", "title", "text", "date", "url", "authors")) {
      if (names.contains(c)) {
        cols.add(c.equals("date") ? functions.col(c).cast("string").as(c) : functions.col(c));
      }
    }
    Dataset<Row> json = table.select(functions.to_json(functions.struct(cols.toArray(new org.apache.spark.sql.Column[0])))
        .as("json"), functions.input_file_name().as("file"));
    return json.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
      ArticleReader reader = new ArticleReader(date);
      List<Row> out = new ArrayList<>();
      while (it.hasNext()) {
        Row r = it.next();
        String file = localSource(r.getString(1));
        List<String> problems = new ArrayList<>();
        List<Article> one = reader.readContent("table.jsonl", file, r.getString(0).getBytes(StandardCharsets.UTF_8),
            p -> problems.add(p.reason()), w -> { });
        if (one.isEmpty()) {
          out.add(problem(file, problems.isEmpty() ? "no article in this row" : problems.get(0)));
        } else {
          Article a = one.get(0);
          out.add(toRow(new Article(a.id(), a.title(), a.text(), a.date(), a.url(), a.authors(), a.credits(),
              file + "#" + a.id())));
        }
      }
      return out.iterator();
    }, org.apache.spark.sql.Encoders.row(SCHEMA));
  }

  /** Keeps the first article of each id (by source) and reports the others. */
  private static Dataset<Row> firstOfEachId(Dataset<Row> rows) {
    org.apache.spark.sql.expressions.WindowSpec byId = org.apache.spark.sql.expressions.Window
        .partitionBy("id").orderBy("source");
    Dataset<Row> ranked = rows.withColumn("_n", functions.when(functions.col("problem").isNull(),
        functions.row_number().over(byId)).otherwise(functions.lit(1)))
        .withColumn("_first", functions.first("source").over(byId));
    Dataset<Row> duplicate = ranked.filter("_n > 1").select(functions.lit(null).cast("string").as("id"),
        functions.lit(null).cast("string").as("title"), functions.lit(null).cast("string").as("text"),
        functions.lit(null).cast("string").as("date"), functions.lit(null).cast("string").as("url"),
        functions.lit(null).cast("array<string>").as("authors"),
        functions.lit(null).cast(DataTypes.createArrayType(CREDIT)).as("credits"), functions.col("source"),
        functions.lit(null).cast("string").as("contentHash"),
        functions.concat(functions.lit("duplicate article id '"), functions.col("id"),
            functions.lit("' (already read from "), functions.col("_first"),
            functions.lit("); rename one file or change its id")).as("problem"));
    return ranked.filter("_n = 1").drop("_n", "_first").unionByName(duplicate);
  }
}
