package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.model.Article;

class ArticleReaderTest {
  private static final LocalDate DEFAULT = LocalDate.of(2020, 12, 18);

  @TempDir Path dir;
  private final List<ReadProblem> problems = new ArrayList<>();
  private final ArticleReader reader = new ArticleReader(DEFAULT);

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsTheSeedWithIdSourceAndDefaultDate() {
    Path seed = Path.of("seeds/zoom-tiananmen-2020.txt");
    List<Article> articles = reader.read(List.of(seed), problems::add);
    assertEquals(List.of(), problems);
    assertEquals(1, articles.size());
    Article a = articles.get(0);
    assertEquals("zoom-tiananmen-2020", a.id());
    assertEquals(seed.toString(), a.source());
    assertEquals(DEFAULT, a.date());
    assertEquals(List.of("Cathy He", "Eva Fu"), a.authors());
  }

  @Test
  void contentGivenAsBytesReadsAsTheFileWithTheSourceGiven() throws Exception {
    Path seed = Path.of("seeds/zoom-tiananmen-2020.txt");
    Article fromFile = reader.read(List.of(seed), problems::add).get(0);
    byte[] bytes = Files.readAllBytes(seed);
    Article fromBytes = reader.readContent("zoom-tiananmen-2020.txt", "hdfs://nn/news/zoom.txt", bytes, problems::add,
        w -> { }).get(0);
    assertEquals(List.of(), problems);
    assertEquals(new Article(fromFile.id(), fromFile.title(), fromFile.text(), fromFile.date(), fromFile.url(),
        fromFile.authors(), fromFile.credits(), "hdfs://nn/news/zoom.txt", fromFile.retrieval()), fromBytes);

    List<Article> lines = reader.readContent("feed.jsonl", "s3a://b/feed.jsonl",
        "{\"id\": \"j1\", \"text\": \"Body j1.\"}\nnot json\n".getBytes(StandardCharsets.UTF_8), problems::add, w -> { });
    assertEquals(List.of("j1"), lines.stream().map(Article::id).toList());
    assertEquals("s3a://b/feed.jsonl:1", lines.get(0).source());
    assertEquals(1, problems.size());
    assertEquals("s3a://b/feed.jsonl:2", problems.get(0).source());

    problems.clear();
    assertEquals(List.of(), reader.readContent("a.warc.gz", "x", new byte[] {1}, problems::add, w -> { }));
    assertEquals(List.of(), reader.readContent("a.pdf", "y", new byte[] {1}, problems::add, w -> { }));
    assertEquals(List.of("x", "y"), problems.stream().map(ReadProblem::source).toList());
  }

  @Test
  void folderIsReadRecursivelyInPathOrderIgnoringOtherFiles() throws Exception {
    write("b.txt", "B\nBody b.");
    write("a/z.TXT", "AZ\nBody az.");
    write("a/c.html", "<p>Body ac.</p>");
    write("a.jsonl", "{\"id\": \"j1\", \"text\": \"Body j1.\"}\n");
    write("notes.md", "# not an article");
    write(".hidden/x.txt", "X\nBody x.");
    write("my story (1).txt", "U\nBody u.");

    List<Article> articles = reader.read(List.of(dir), problems::add);

    assertEquals(List.of(), problems);
    assertEquals(List.of("c", "z", "j1", "b", "my-story--1-"), articles.stream().map(Article::id).toList());
    assertEquals(dir.resolve("a/c.html").toString(), articles.get(0).source());
    assertEquals(dir.resolve("a.jsonl") + ":1", articles.get(2).source());
  }

  @Test
  void invalidUtf8IsReportedAndSkipped() throws Exception {
    Path bad = dir.resolve("latin1.txt");
    Files.write(bad, "Caf\u00e9 Title\nBody.".getBytes(StandardCharsets.ISO_8859_1));
    Path good = write("good.txt", "Good\nBody.");

    List<Article> articles = reader.read(List.of(bad, good), problems::add);

    assertEquals(List.of("good"), articles.stream().map(Article::id).toList());
    assertEquals(1, problems.size());
    assertEquals(bad.toString(), problems.get(0).source());
    assertTrue(problems.get(0).reason().startsWith("not valid UTF-8"), problems.get(0).reason());
    assertTrue(problems.get(0).reason().contains("0xE9 on line 1"), problems.get(0).reason());
    assertTrue(problems.get(0).reason().contains("iconv -f latin1 -t utf-8"), problems.get(0).reason());
  }

  @Test
  void emptyFilesAreReported() throws Exception {
    Path empty = write("empty.txt", "");
    Path blank = write("blank.html", " \n\n\t");
    List<Article> articles = reader.read(List.of(empty, blank), problems::add);
    assertEquals(List.of(), articles);
    assertEquals(List.of(empty.toString(), blank.toString()), problems.stream().map(ReadProblem::source).toList());
    assertTrue(problems.get(0).reason().contains("empty"), problems.get(0).reason());
  }

  @Test
  void duplicateIdsKeepTheFirstAndReportTheSecond() throws Exception {
    Path first = write("one/story.txt", "First\nBody one.");
    Path second = write("two/story.html", "<p>Body two.</p>");
    Path jsonl = write("more.jsonl", "{\"id\": \"story\", \"text\": \"Body three.\"}\n{\"id\": \"other\", \"text\": \"Body four.\"}\n");

    List<Article> articles = reader.read(List.of(first, second, jsonl), problems::add);

    assertEquals(List.of("story", "other"), articles.stream().map(Article::id).toList());
    assertEquals("Body one.", articles.get(0).text());
    assertEquals(List.of(second.toString(), jsonl + ":1"), problems.stream().map(ReadProblem::source).toList());
    assertTrue(problems.get(0).reason().startsWith("duplicate article id 'story'"), problems.get(0).reason());
  }

  @Test
  void missingPathsAndUnsupportedFilesAreProblemsNotExceptions() throws Exception {
    Path pdf = write("paper.pdf", "%PDF");
    Path missing = dir.resolve("nope.txt");
    Path good = write("ok.htm", "<article><p>Fine.</p></article>");

    List<Article> articles = reader.read(List.of(missing, pdf, good, good), problems::add);

    assertEquals(List.of("ok"), articles.stream().map(Article::id).toList());
    assertEquals(List.of(missing.toString(), pdf.toString()), problems.stream().map(ReadProblem::source).toList());
    assertTrue(problems.get(0).reason().contains("no such file"), problems.get(0).reason());
    assertTrue(problems.get(1).reason().contains("unsupported file type"), problems.get(1).reason());
  }

  @Test
  void readFileReadsOneFileAndReportsBadJsonlLines() throws Exception {
    Path jsonl = write("feed.jsonl", "{\"text\": \"One.\"}\nnot json\n\n{\"text\": \"Two.\", \"date\": \"2021-01-02\"}\n");
    List<Article> articles = reader.readFile(jsonl, problems::add);
    assertEquals(List.of("feed-1", "feed-4"), articles.stream().map(Article::id).toList());
    assertEquals(DEFAULT, articles.get(0).date());
    assertEquals(LocalDate.of(2021, 1, 2), articles.get(1).date());
    assertEquals(List.of(jsonl + ":2"), problems.stream().map(ReadProblem::source).toList());

    problems.clear();
    assertEquals(List.of(), reader.readFile(dir, problems::add));
    assertEquals(1, problems.size());
  }

  @Test
  void idReduction() {
    assertEquals("a-b_c.d-1", ArticleReader.reduceId("a b_c.d-1"));
    assertEquals("-", ArticleReader.reduceId("\uD83D\uDCF0"));
    assertEquals("article", ArticleReader.reduceId(""));
  }

  /**
   * The reader is lazy: from a JSON Lines named pipe whose writer has written two lines and waits,
   * the first articles come out at once (a reader that read the file whole would wait for its end).
   */
  @Test
  void jsonLinesAreReadAsTheyComeNotWhole(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("feed.jsonl");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
    java.util.concurrent.CountDownLatch more = new java.util.concurrent.CountDownLatch(1);
    Thread writer = new Thread(() -> {
      try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(fifo)) {
        w.write("{\"id\": \"one\", \"text\": \"First body.\"}\n{\"id\": \"two\", \"text\": \"Second body.\"}\n");
        w.flush();
        more.await(); // the rest only once the reader has the first two
        w.write("{\"id\": \"three\", \"text\": \"Third body.\"}\n");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.setDaemon(true);
    writer.start();
    List<ReadProblem> problems = new java.util.ArrayList<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (ArticleReader.Articles articles = new ArticleReader(null).open(List.of(fifo.toString()), problems::add,
        w -> { })) {
      java.util.concurrent.Future<List<String>> firstTwo = pool.submit(() -> List.of(articles.next().id(),
          articles.next().id()));
      assertEquals(List.of("one", "two"), firstTwo.get(20, java.util.concurrent.TimeUnit.SECONDS));
      more.countDown();
      assertEquals("three", articles.next().id());
      assertEquals(null, articles.next());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), problems);
  }
}
