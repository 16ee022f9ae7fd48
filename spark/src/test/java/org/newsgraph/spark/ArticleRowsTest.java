package org.newsgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.model.Article;
import org.newsgraph.pipeline.Pipeline;

/** The job's inputs read into article rows: tables, folders, ids that two inputs share. */
class ArticleRowsTest {
  @TempDir Path dir;

  private static final StructType TABLE = new StructType()
      .add("id", DataTypes.StringType).add("title", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("date", DataTypes.StringType);

  @Test
  void parquetAndJsonTablesAreReadAsJsonLinesRecords() {
    SparkSession spark = LocalSpark.get();
    Dataset<Row> table = spark.createDataFrame(List.of(
        RowFactory.create("a 1", "Title A", "Body of a.", "2024-05-02"),
        RowFactory.create("b", null, "Body of b.", "02/05/2024"),
        RowFactory.create("c", "No text", null, null)), TABLE);
    String parquet = dir.resolve("t.parquet").toUri().toString();
    String json = dir.resolve("t.json").toUri().toString();
    table.write().parquet(parquet);
    table.filter("id = 'b'").write().json(json);

    List<Row> rows = ArticleRows.read(spark, List.of(parquet, json), LocalDate.of(2020, 1, 1)).collectAsList()
        .stream().sorted(Comparator.comparing(r -> String.valueOf((Object) r.getAs("source")))).toList();

    assertEquals(4, rows.size(), rows.toString());
    Row a = rows.stream().filter(r -> "a-1".equals(r.getAs("id"))).findFirst().orElseThrow();
    Article article = ArticleRows.fromRow(a);
    assertEquals("Title A", article.title());
    assertEquals(LocalDate.of(2024, 5, 2), article.date());
    assertEquals(Pipeline.contentHash(article), a.getAs("contentHash"));
    assertNull(a.getAs("problem"));
    // a date that cannot be read: the default date, as for a JSON Lines record
    Row b = rows.stream().filter(r -> "b".equals(r.getAs("id")) && r.getAs("problem") == null).findFirst().orElseThrow();
    assertEquals("2020-01-01", b.getAs("date"));
    // a row without text is a problem of its file
    assertEquals(1, rows.stream().filter(r -> r.getAs("problem") != null
        && String.valueOf((Object) r.getAs("source")).endsWith(".parquet")).count(), rows.toString());
    // b is in both tables: the second (by source) is reported as a duplicate id
    Row dup = rows.stream().filter(r -> String.valueOf((Object) r.getAs("problem")).startsWith("duplicate article id 'b'"))
        .findFirst().orElseThrow();
    assertEquals(true, String.valueOf((Object) dup.getAs("source")).contains("t.parquet"));
  }

  @Test
  void foldersGiveTheirArticleFilesOnlyAndTheLocalPathAsSource() throws Exception {
    Files.writeString(dir.resolve("one.txt"), "One\n\nJane Doe spoke in Paris.\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/two.html"), "<html><head><title>Two</title></head><body><p>Body two.</p></body></html>");
    Files.writeString(dir.resolve("sub/notes.md"), "# not an article");
    Files.writeString(dir.resolve("lines.jsonl"), "{\"id\": \"j1\", \"text\": \"Body j1.\"}\nnot json\n");

    List<Row> rows = ArticleRows.read(LocalSpark.get(), List.of(dir.toUri().toString()), null).collectAsList();

    assertEquals(List.of("j1", "one", "two"), rows.stream().filter(r -> r.getAs("problem") == null)
        .map(r -> (String) r.getAs("id")).sorted().toList());
    assertEquals(dir.resolve("one.txt").toString(), rows.stream().filter(r -> "one".equals(r.getAs("id")))
        .findFirst().orElseThrow().getAs("source"));
    List<Row> problems = rows.stream().filter(r -> r.getAs("problem") != null).toList();
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(dir.resolve("lines.jsonl") + ":2", problems.get(0).getAs("source"));
  }
}
