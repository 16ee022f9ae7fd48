package org.newsgraph.cli;

import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.RdfFormat;
import org.newsgraph.rdf.RdfIO;

/**
 * Articles that are odd for the NLP models, built through the CLI in one run (CoreNLP loads once),
 * with Neo4j unreachable: every article yields a graph, the RDF is saved before Neo4j is tried,
 * and the build exits 3 saying how to finish.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class HostileArticlesTest {
  @TempDir static Path dir;
  static Path data;
  static int closedPort;
  static CliRun build;
  static long buildSeconds;

  static final List<String> IDS = List.of("french", "invisible", "long-sentence", "nested", "odd-numbers",
      "surrogates", "wrapped");

  @BeforeAll
  static void buildOddArticles() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("french.txt"), "Un article\n\nLe président Emmanuel Macron a rencontré Olaf Scholz"
        + " à Berlin lundi. Les deux dirigeants ont parlé de l'Europe.\n");
    Files.writeString(in.resolve("invisible.txt"), "Invisible characters\n\nJohn\u2063 Smith\u200B, a lawyer at Acme"
        + " Corp, met Mary \u202EJones in Paris on Monday.\n");
    Files.writeString(in.resolve("long-sentence.txt"), "No full stop\n\n"
        + "the board of Acme Corp met and talked and waited ".repeat(30).strip() + "\n");
    Files.writeString(in.resolve("nested.txt"), "Nested\n\nJane Roe " + "(".repeat(300) + "of Acme Corp"
        + ")".repeat(300) + " spoke in London.\n");
    Files.writeString(in.resolve("odd-numbers.txt"), "Odd numbers\n\nAcme Corp paid $2.7million to Jane Roe on"
        + " ref 1438143814381434, then 3.5bn, 12/13/14/15 and 99999999999999999999 dollars in 2024-13-45.\n");
    Files.writeString(in.resolve("surrogates.jsonl"), "{\"id\": \"surrogates\", \"title\": \"Broken pairs\","
        + " \"text\": \"Anna Berg \\ud800visited Berlin. Tom Lee \\udc00left Acme Corp.\"}\n");
    StringBuilder wrapped = new StringBuilder("Hard wrapped\n\n");
    String para = "Jane Roe, the chief executive of Acme Corp, said on Tuesday that the company would open an"
        + " office in Paris next year, and that Tom Lee, a former adviser to the French government, would lead it.";
    int col = 0;
    for (String w : para.split(" ")) {
      if (col + w.length() > 60) {
        wrapped.append('\n');
        col = 0;
      } else if (col > 0) {
        wrapped.append(' ');
        col++;
      }
      wrapped.append(w);
      col += w.length();
    }
    Files.writeString(in.resolve("wrapped.txt"), wrapped.append('\n'));
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    data = dir.resolve("data");
    long t0 = System.nanoTime();
    build = CliRun.run("--data-dir", data.toString(), "--neo4j-uri", "bolt://127.0.0.1:" + closedPort,
        "--neo4j-password", "wrong", "build", "--date", "2024-01-02", "--timeout", "120", in.toString());
    buildSeconds = (System.nanoTime() - t0) / 1_000_000_000;
  }

  @Test
  void everyOddArticleYieldsAGraphAndTheRdfIsSavedBeforeNeo4jIsTried() {
    assertEquals(3, build.exit(), build.toString());
    assertTrue(!build.err().contains("skipped"), build.toString());
    assertTrue(build.err().contains("bolt://127.0.0.1:" + closedPort), build.err());
    assertTrue(build.err().contains("newsgraph: the RDF of 7 article(s) is saved in " + data.resolve("tdb2")
        .toAbsolutePath()), build.err());
    assertTrue(build.err().contains("Run the same 'newsgraph build' again once Neo4j is reachable: it loads into"
        + " Neo4j what " + PendingLoads.file(data).toAbsolutePath() + " lists (no --force needed)."), build.err());
    CliRun graphs = CliRun.run("--data-dir", data.toString(), "sparql", "--format", "csv",
        "SELECT ?g { GRAPH ?g {} } ORDER BY ?g");
    assertEquals(0, graphs.exit(), graphs.toString());
    List<String> expected = new java.util.ArrayList<>(List.of("g"));
    IDS.forEach(id -> expected.add("https://w3id.org/newsgraph/id/article/" + id));
    assertEquals(expected, Arrays.asList(graphs.out().strip().split("\r?\n")));
  }

  @Test
  void textsKeepTheirLengthSoOffsetsStayValid() {
    CliRun texts = CliRun.run("--data-dir", data.toString(), "sparql", "--format", "csv",
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT ?id (STRLEN(?t) AS ?n) "
            + "{ ?a ng:articleId ?id ; ng:text ?t } ORDER BY ?id");
    assertEquals(0, texts.exit(), texts.toString());
    assertTrue(texts.out().contains("surrogates,51"), texts.out());
    assertTrue(texts.out().contains("nested,"), texts.out());
  }

  @Test
  void theStoredGraphsSurviveEveryFormat() throws IOException {
    Model reference = null;
    for (RdfFormat f : RdfFormat.values()) {
      Path file = dir.resolve("export." + f.extension());
      CliRun x = CliRun.run("--data-dir", data.toString(), "export", "-f", f.cliName(), "-o", file.toString());
      assertEquals(0, x.exit(), x.toString());
      Dataset back = DatasetFactory.create();
      RDFDataMgr.read(back, Files.newInputStream(file), f.lang());
      // JSON-LD and RDF/XML carry provenance as RDF 1.1 reification: compare in the stored form
      Model union = org.newsgraph.rdf.Reification.toReifiers(RdfIO.union(back, null));
      if (reference == null) {
        reference = union;
      } else {
        assertTrue(reference.isIsomorphicWith(union), f + " differs from " + RdfFormat.values()[0]);
      }
    }
  }

  @Test
  void tookReasonableTime() {
    System.out.println("HostileArticlesTest: build of 7 odd articles took " + buildSeconds + " s");
    assertTrue(buildSeconds < 600, buildSeconds + " s");
  }

  /**
   * What Neo4j missed is listed in the data folder (every resource of the seven stored graphs), and
   * the next plain {@code build} (here with the embedded Neo4j) loads it although every article is
   * unchanged: no --force, no models. Runs after the tests that read the stores as the failed build
   * left them.
   */
  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
  void theNextBuildLoadsWhatNeo4jMissed() throws IOException {
    java.util.Set<String> resources = new java.util.TreeSet<>();
    try (org.newsgraph.rdf.TdbStore tdb = org.newsgraph.rdf.TdbStore.open(data.resolve("tdb2"))) {
      for (String id : IDS) {
        tdb.resourcesOf("https://w3id.org/newsgraph/id/article/" + id)
            .forEach(n -> resources.add(org.newsgraph.neo4j.TermCodec.uri(n)));
      }
    }
    assertTrue(resources.size() > 7 * 5, resources.toString());
    assertEquals(resources, new java.util.TreeSet<>(Files.readAllLines(PendingLoads.file(data))));
    int modelRequests = Ingest.MODEL_REQUESTS.get();
    CliRun again = CliRun.run("--data-dir", data.toString(), "build", "--date", "2024-01-02", dir.resolve("in").toString());
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.out().startsWith("Built 0 article(s); 7 unchanged, skipped."), again.toString());
    assertTrue(again.out().contains("caught up with " + resources.size() + " resource(s)"), again.toString());
    assertEquals(modelRequests, Ingest.MODEL_REQUESTS.get(), "the models were asked for");
    assertTrue(!Files.exists(PendingLoads.file(data)), "the list is cleared once Neo4j has the articles");
    try (org.newsgraph.neo4j.EmbeddedNeo4j neo = org.newsgraph.neo4j.EmbeddedNeo4j.start(data.resolve("neo4j"));
        org.newsgraph.neo4j.Neo4jStore store = org.newsgraph.neo4j.Neo4jStore.connect(neo.boltUri(), null, null, null)) {
      assertEquals(7, store.count("MATCH (a:Article) RETURN count(a)"));
      assertEquals(resources.size(), store.count("MATCH (n:Resource) RETURN count(n)"));
      assertEquals(0, store.count("MATCH (n:Resource) WITH n.uri AS u, count(*) AS c WHERE c > 1 RETURN count(u)"));
    }
  }
}
