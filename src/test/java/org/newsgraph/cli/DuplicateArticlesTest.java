package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.TdbStore;

/**
 * The same story twice is counted once (issue 14, item 3), with CoreNLP: five copies of one
 * article under different file names build the events and relations of one article, whose
 * sources are the five files; a lightly edited copy (another headline, a dateline, "said" for
 * "announced that", the last paragraph cut, as a syndicating outlet edits wire copy) is extracted,
 * linked to the first report with {@code ng:sameStoryAs}, and adds no event or relation the first
 * one has, whether it is built later or in the same run.
 *
 * <p>The article is a U.S. Attorney's release of the benchmark corpus (public domain).
 */
class DuplicateArticlesTest {
  @TempDir static Path dir;
  static String original;
  static String edited;
  static Counts one;

  /** What a build put into Neo4j, counted by Neo4j. */
  record Counts(long events, long relations, long articles) {}

  @BeforeAll
  static void referenceBuild() throws Exception {
    String release = Files.readString(Path.of("bench/corpus/usao-mdla-baton-rouge-bank-robbery-sentence.txt"),
        StandardCharsets.UTF_8);
    original = release;
    String body = release.substring(release.indexOf("\n\n") + 2);
    body = body.substring(0, body.lastIndexOf("\n\nLaw enforcement was dispatched"));
    edited = "Baton Rouge bank robber gets 151 months in prison\n\nBATON ROUGE - "
        + body.replace("Acting United States Attorney April M. Leon announced that", "Acting U.S. Attorney April M. Leon said")
        + "\n";
    one = build(dir.resolve("one"), Map.of("release.txt", original)).counts;
    assertTrue(one.events() >= 2 && one.relations() >= 2, "too little extracted to compare: " + one);
    System.out.println("one article: " + one);
  }

  record Built(CliRun run, Counts counts, Path data) {}

  /** Builds the files (name to content) into a new data folder and counts events and relations in Neo4j. */
  static Built build(Path data, Map<String, String> files) throws Exception {
    Path in = Files.createDirectories(data.resolveSibling(data.getFileName() + "-in"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(in.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    CliRun run = CliRun.run("--data-dir", data.toString(), "build", "--date", "2024-11-20", in.toString());
    assertEquals(0, run.exit(), run.toString());
    return new Built(run, counts(data), data);
  }

  static Counts counts(Path data) {
    try (EmbeddedNeo4j neo = EmbeddedNeo4j.start(data.resolve("neo4j"));
        Neo4jStore store = Neo4jStore.connect(neo.boltUri(), null, null, null)) {
      return new Counts(store.count("MATCH (e:Event) RETURN count(e)"),
          store.count("MATCH (a)-[r]->(b) WHERE type(r) IN ['EMPLOYEE_OR_MEMBER_OF', 'FOUNDER_OF', 'LEADER_OF',"
              + " 'CHARGED_WITH', 'RESIDES_IN', 'NATIONALITY', 'BASED_IN', 'PART_OF', 'ACTS_FOR', 'FAMILY_OF',"
              + " 'LOCATED_IN'] RETURN count(r)")
              + store.count("MATCH (p) WHERE p.title IS NOT NULL OR p.chargedWith IS NOT NULL RETURN count(p)"),
          store.count("MATCH (a:Article) RETURN count(a)"));
    }
  }

  static List<Object> articleSources(Path data) {
    try (EmbeddedNeo4j neo = EmbeddedNeo4j.start(data.resolve("neo4j"));
        Neo4jStore store = Neo4jStore.connect(neo.boltUri(), null, null, null)) {
      return store.query("MATCH (a:Article) RETURN a.source", null, false, null).rows().get(0);
    }
  }

  @Test
  void fiveCopiesOfOneArticleGiveTheEventsAndRelationsOfOne() throws Exception {
    Built five = build(dir.resolve("five"), Map.of("a.txt", original, "b.txt", original, "c.txt", original,
        "d.txt", original, "e.txt", original));
    assertEquals(new Counts(one.events(), one.relations(), 1), five.counts(), five.run().toString());
    assertTrue(five.run().out().contains("  copies:    4 with the content of another article"), five.run().out());
    for (String copy : List.of("b", "c", "d", "e")) {
      assertTrue(five.run().err().contains(copy + ".txt: same content (title, date and text) as the article"
          + " https://w3id.org/newsgraph/id/article/a; recorded as another source of it, not extracted"), five.run().err());
    }
    // one article, read from five files
    Path in = dir.resolve("five-in");
    List<String> paths = List.of("a", "b", "c", "d", "e").stream().map(f -> in.resolve(f + ".txt").toString()).toList();
    assertEquals(List.of(paths), articleSources(five.data()));

    // building them again changes nothing and starts no Neo4j
    CliRun again = CliRun.run("--data-dir", five.data().toString(), "build", "--date", "2024-11-20", in.toString());
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.out().startsWith("Built 0 article(s); 1 unchanged, skipped; 4 copies of other articles"),
        again.toString());
    // removing a copy takes its file off the article's sources
    CliRun remove = CliRun.run("--data-dir", five.data().toString(), "remove", "c");
    assertEquals(0, remove.exit(), remove.toString());
    assertEquals(List.of(paths.stream().filter(p -> !p.endsWith("c.txt")).toList()), articleSources(five.data()));
    // removing the article itself says which copies still name it
    CliRun article = CliRun.run("--data-dir", five.data().toString(), "remove", "a");
    assertEquals(0, article.exit(), article.toString());
    String base = "https://w3id.org/newsgraph/id/article/";
    assertEquals("newsgraph: note: 3 stored copies of " + base + "a still name it as their source (" + base + "b, "
        + base + "d, " + base + "e); remove them too, or build their files again to store one of them as the article\n",
        article.err());
  }

  @Test
  void aLightlyEditedCopyBuiltLaterIsLinkedAsTheSameStoryAndAddsNoEvent() throws Exception {
    Path data = dir.resolve("later");
    build(data, Map.of("release.txt", original));
    Path in = Files.createDirectories(dir.resolve("later-copy"));
    Files.writeString(in.resolve("outlet-copy.txt"), edited, StandardCharsets.UTF_8);
    CliRun copy = CliRun.run("--data-dir", data.toString(), "build", "--date", "2024-11-21", in.toString());
    assertEquals(0, copy.exit(), copy.toString());
    assertTrue(copy.err().contains("outlet-copy.txt: the same story as the article"
        + " https://w3id.org/newsgraph/id/article/release (a near-duplicate: "), copy.err());
    assertTrue(copy.out().contains("  stories:   1 near-duplicate(s) of a stored or earlier article"), copy.out());
    Counts both = counts(data);
    System.out.println(copy.err().lines().filter(l -> l.contains("the same story as")).findFirst().orElse(""));
    System.out.println(copy.out());
    assertEquals(new Counts(one.events(), one.relations(), 2), both, copy.toString());
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      assertEquals(List.of(List.of("https://w3id.org/newsgraph/id/article/outlet-copy",
          "https://w3id.org/newsgraph/id/article/release")), tdb.select("SELECT ?a ?b WHERE { ?a <"
          + NG.sameStoryAs.getURI() + "> ?b }", 0).rows());
    }
  }

  @Test
  void aLightlyEditedCopyInTheSameBuildIsLinkedToo() throws Exception {
    Built both = build(dir.resolve("together"), Map.of("a-release.txt", original, "b-outlet-copy.txt", edited));
    assertEquals(new Counts(one.events(), one.relations(), 2), both.counts(), both.run().toString());
    assertTrue(both.run().out().contains("  stories:   1 near-duplicate(s)"), both.run().out());
  }
}
