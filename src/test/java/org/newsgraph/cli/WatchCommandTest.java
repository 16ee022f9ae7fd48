package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.TdbStore;
import org.newsgraph.read.LocalWeb;

/**
 * {@code newsgraph watch} against a feed on a loopback web server that changes between rounds:
 * new items are built, known ones are not fetched or built again, a failing feed or page is
 * reported and the watch goes on, and each round prints one line. Runs the fast CoreNLP profile
 * and the embedded Neo4j for real.
 */
class WatchCommandTest {
  static final String TEXT_A = "Jane Roe, the founder of Acme Corp, was charged with fraud in Paris on Monday, "
      + "prosecutors said. The indictment says Roe misled investors about the company's accounts for three years. "
      + "Acme Corp, which is based in Lyon, said it was cooperating with the investigation. Roe's lawyer, John Smith, "
      + "said his client would plead not guilty. A hearing is set for next month before a judge in Paris. "
      + "The case follows a two-year inquiry by French financial regulators into the company's bookkeeping. "
      + "Shares in Acme Corp fell sharply in Paris trading after the charges were announced.";
  static final String TEXT_B = "Police in Berlin arrested Max Weber, a former official of the city's transport agency, "
      + "on Tuesday. He is accused of taking bribes from a construction company. Berlin's mayor, Anna Klein, said the "
      + "city would review every contract he signed.";
  static final String TEXT_C = "Maria Lopez was elected mayor of Valencia on Sunday. Lopez, a former judge, defeated "
      + "the incumbent, Carlos Ruiz, by a wide margin. She takes office in June, and said her first task would be the "
      + "city's budget. Turnout was the highest in twenty years, officials in Valencia said on Monday evening. "
      + "Ruiz, who had led the city for eight years, congratulated Lopez and said he would not run again. "
      + "The regional government in Valencia said it looked forward to working with the new mayor. "
      + "Lopez thanked her supporters at a rally in the old town and promised more buses and cheaper housing.";

  static String item(String title, String link, String date, String text, boolean full) {
    String html = "<p>" + text.replace(". ", ".</p><p>") + "</p>";
    return "<item><title>" + title + "</title><link>" + link + "</link><pubDate>" + date + "</pubDate>"
        + "<description><![CDATA[" + text.substring(0, 60) + "...]]></description>"
        + (full ? "<content:encoded><![CDATA[" + html + "]]></content:encoded>" : "") + "</item>";
  }

  static String feed(String... items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        + "<channel><title>Test news</title><link>http://127.0.0.1/</link><description>d</description>"
        + String.join("", items) + "</channel></rss>";
  }

  @Test
  void newItemsAreBuiltRoundAfterRoundAndFailuresDoNotStopTheWatch(@TempDir Path dir) throws Exception {
    try (LocalWeb web = new LocalWeb()) {
      String a = item("Acme founder charged", web.url("/a"), "Mon, 04 Mar 2024 10:00:00 GMT", TEXT_A, true);
      String b = item("Berlin official arrested", web.url("/b"), "Tue, 05 Mar 2024 10:00:00 GMT", TEXT_B, false);
      String c = item("Lopez elected", web.url("/c"), "Sun, 10 Mar 2024 10:00:00 GMT", TEXT_C, true);
      String d = item("Unreachable story", web.url("/d"), "Mon, 11 Mar 2024 10:00:00 GMT", TEXT_B.replace("Berlin", "Bonn"), false);
      String aAgain = item("Acme founder charged", web.url("/a-copy?utm_source=x"), "Mon, 04 Mar 2024 10:00:00 GMT", TEXT_A, true);
      web.html("/b", "<html><head><title>Berlin official arrested</title></head><body><article><p>"
          + TEXT_B.replace(". ", ".</p><p>") + "</p></article></body></html>");
      web.at("/d", new LocalWeb.Answer(500, "text/plain", "oops".getBytes(), java.util.Map.of(), 0));
      web.inTurn("/feed.xml",
          LocalWeb.Answer.page("application/rss+xml", feed(a, b)),
          new LocalWeb.Answer(503, "text/plain", "busy".getBytes(), java.util.Map.of(), 0),
          LocalWeb.Answer.page("application/rss+xml", feed(a, b, c, d, aAgain)));

      CliRun run = CliRun.run("--data-dir", dir.resolve("data").toString(), "watch", web.url("/feed.xml"),
          "--every", "1s", "--rounds", "4", "--profile", "fast", "--threads", "1", "--fetch-delay", "0");
      assertEquals(0, run.exit(), run.toString());
      List<String> lines = run.out().lines().toList();
      assertEquals(5, lines.size(), run.toString());
      assertEquals("Watching 1 feed(s) every 1 s, 4 round(s); Ctrl-C stops.", lines.get(0));
      assertTrue(lines.get(1).matches("\\d\\d:\\d\\d:\\d\\d round 1: 2 new article\\(s\\) built, 0 seen before; .*"), lines.get(1) + "\n" + run.err());
      assertTrue(lines.get(2).matches(".* round 2: 0 new article\\(s\\) built, 0 seen before, 1 problem\\(s\\) \\(see above\\); .*"),
          lines.get(2));
      assertTrue(lines.get(3).matches(".* round 3: 1 new article\\(s\\) built, 2 seen before, 1 with the text of another item,"
          + " 1 problem\\(s\\) \\(see above\\); .*"), lines.get(3) + "\n" + run.err());
      assertTrue(lines.get(4).matches(".* round 4: 0 new article\\(s\\) built, 3 seen before, 1 with the text of another item,"
          + " 1 problem\\(s\\) \\(see above\\); [0-9.]+ s"), lines.get(4));
      assertTrue(run.err().contains("cannot fetch the feed: HTTP 503"), run.err());
      assertTrue(run.err().contains("/d cannot be fetched: HTTP 500"), run.err());
      assertEquals(4, web.hits("/feed.xml"));
      assertEquals(1, web.hits("/b"), "a built summary item's page is not fetched again");
      assertEquals(2, web.hits("/d"), "a page that failed is tried again next round");
      assertEquals(0, web.hits("/a") + web.hits("/c"), "full-text items are read from the feed");

      try (TdbStore tdb = TdbStore.open(dir.resolve("data").resolve("tdb2"))) {
        String base = "https://w3id.org/newsgraph/id/article/";
        String port = web.url("/").replaceAll(".*:(\\d+)/", "$1");
        Set<String> expected = new TreeSet<>(List.of(base + "127.0.0.1-" + port + "-a", base + "127.0.0.1-" + port + "-b",
            base + "127.0.0.1-" + port + "-c"));
        assertEquals(expected, new TreeSet<>(tdb.graphNames()));
        Model bGraph = tdb.snapshot().getNamedModel(base + "127.0.0.1-" + port + "-b");
        assertEquals(web.url("/b"), bGraph.listObjectsOfProperty(NG.wasDerivedFrom).next().asResource().getURI());
        assertTrue(bGraph.contains(null, NG.retrievedAt));
        Model aGraph = tdb.snapshot().getNamedModel(base + "127.0.0.1-" + port + "-a");
        assertEquals(web.url("/feed.xml"), aGraph.listObjectsOfProperty(NG.wasDerivedFrom).next().asResource().getURI(),
            "a full-text item was read from the feed");
      }
      CliRun count = CliRun.run("--data-dir", dir.resolve("data").toString(), "query", "MATCH (a:Article) RETURN count(a) AS n",
          "--format", "csv");
      assertEquals(0, count.exit(), count.toString());
      assertTrue(count.out().contains("\n3"), "Neo4j has the three articles: " + count.out());
    }
  }

  @Test
  void ctrlCBetweenRoundsStopsAtOnceAndFreesTheDataFolder(@TempDir Path dir) throws Exception {
    try (LocalWeb web = new LocalWeb()) {
      web.at("/feed.xml", new LocalWeb.Answer(503, "text/plain", "busy".getBytes(), java.util.Map.of(), 0));
      Path data = dir.resolve("data");
      Path out = dir.resolve("watch.out");
      Path err = dir.resolve("watch.err");
      // SIGINT at its default disposition, however Maven was started (see ChildJvm)
      Process watch = new ProcessBuilder(org.newsgraph.ChildJvm.java("-Xmx512m", "org.newsgraph.cli.Main", "--data-dir",
          data.toString(), "watch", web.url("/feed.xml"), "--every", "1h"))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!java.nio.file.Files.readString(out).contains("round 1:") && watch.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        String printed = java.nio.file.Files.readString(out);
        assertTrue(printed.contains("round 1: 0 new article(s) built, 0 seen before, 1 problem(s)"), printed
            + java.nio.file.Files.readString(err));
        assertTrue(printed.contains("; next round at "), printed);
        // while it waits for the next round, the data folder is this watch's
        CliRun busy = CliRun.run("--data-dir", data.toString(), "export");
        assertEquals(Main.STORE_UNAVAILABLE, busy.exit(), busy.toString());
        assertTrue(busy.err().contains("'newsgraph watch'"), busy.err());
        assertFalse(org.newsgraph.ChildJvm.ignoresSigint(watch.pid()), "the child ignores SIGINT");
        long t0 = System.nanoTime();
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(watch.pid())).start().waitFor());
        assertTrue(watch.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "watch did not stop within 30 s of SIGINT");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(java.nio.file.Files.readString(err).contains("newsgraph watch: stopped after 1 round(s)"),
            java.nio.file.Files.readString(err));
        assertTrue(ms < 10_000, "stopped " + ms + " ms after SIGINT");
      } finally {
        watch.destroyForcibly();
      }
      try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
        assertEquals(0, tdb.graphNames().size(), "the data folder opens again");
      }
    }
  }

  @Test
  void ctrlCDuringARoundsBuildSaysInOneLineWhatWasKeptAndToRunWatchAgain(@TempDir Path dir) throws Exception {
    Path feed = dir.resolve("news.rss");
    java.nio.file.Files.writeString(feed, feed(item("Acme founder charged", "https://news.example/a",
        "Mon, 04 Mar 2024 10:00:00 GMT", TEXT_A, true)));
    Path data = dir.resolve("data");
    BuildKillTest.Child watch = InterruptedBuildTest.start(dir, "watch", "-Xmx3g", "--data-dir", data.toString(), "watch",
        feed.toString(), "--every", "1h", "--profile", "fast", "--threads", "1");
    // the round's build is under way: the models load for the new item
    assertTrue(watch.awaitErr(e -> e.contains("Loading the CoreNLP models"), 300), watch.err());
    String after = InterruptedBuildTest.interrupt(watch);
    assertEquals(List.of("newsgraph watch: interrupted while reading and extracting the articles; nothing of this run"
        + " was stored. Run the same 'newsgraph watch' again to start over", "newsgraph watch: stopped after 0 round(s)"),
        after.lines().toList(), "the build's line, naming watch, instead of the watch's own 'stopping during round'");
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      assertEquals(List.of(), tdb.graphNames());
    }
  }

  @Test
  void durationsAndUsageErrors() {
    assertEquals(Duration.ofMinutes(15), WatchCommand.parseDuration("15m"));
    assertEquals(Duration.ofSeconds(90), WatchCommand.parseDuration("90"));
    assertEquals(Duration.ofHours(2), WatchCommand.parseDuration("2h"));
    assertEquals(Duration.ofMinutes(30), WatchCommand.parseDuration("PT30M"));
    assertEquals(Duration.ofMillis(1500), WatchCommand.parseDuration("1.5s"));
    assertThrows(IllegalArgumentException.class, () -> WatchCommand.parseDuration("soon"));
    assertThrows(IllegalArgumentException.class, () -> WatchCommand.parseDuration("0.2s"));
    CliRun bad = CliRun.run("watch", "http://127.0.0.1:9/feed", "--every", "soon");
    assertEquals(Main.USAGE, bad.exit(), bad.toString());
    assertTrue(bad.err().contains("--every takes a duration such as 90s, 15m or 2h, not 'soon'"), bad.err());
    CliRun none = CliRun.run("watch");
    assertEquals(Main.USAGE, none.exit(), none.toString());
    assertTrue(none.err().contains("no input"), none.err());
  }
}
