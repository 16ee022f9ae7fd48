package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.TdbStore;

/** {@code newsgraph viz} through the command line, on the hand-made fixture in a data folder. */
class VizCommandTest {
  @TempDir static Path dir;
  static String data;

  @BeforeAll
  static void store() throws Exception {
    data = dir.resolve("data").toString();
    Dataset ds = DatasetFactory.createTxnMem();
    try (InputStream in = VizCommandTest.class.getResourceAsStream("/viz/small.trig")) {
      RDFDataMgr.read(ds, in, Lang.TRIG);
    }
    try (TdbStore tdb = TdbStore.open(Path.of(data, "tdb2"))) {
      Txn.executeRead(ds, () -> ds.listNames().forEachRemaining(g -> tdb.replaceGraph(g, ds.getNamedModel(g))));
    }
  }

  @Test
  void writesThePageAndSaysWhatIsInIt() throws Exception {
    Path out = dir.resolve("network.html");
    CliRun r = CliRun.run("--data-dir", data, "viz", "-o", out.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.err().contains("8 actors (person 2, organization 2, gpe 2, location 1, group 1), 8 links (4 relations, 4 shared events)"), r.err());
    assertTrue(Files.readString(out).startsWith("<!DOCTYPE html>"));
  }

  @Test
  void theFormatFollowsTheExtensionOrMinusF() throws Exception {
    Path graphml = dir.resolve("n.graphml");
    assertEquals(0, CliRun.run("--data-dir", data, "viz", "-o", graphml.toString()).exit());
    assertTrue(Files.readString(graphml).contains("<graphml"));
    Path gexf = dir.resolve("n.xml");
    assertEquals(0, CliRun.run("--data-dir", data, "viz", "-f", "gexf", "-o", gexf.toString()).exit());
    assertTrue(Files.readString(gexf).contains("<gexf"));
    CliRun dot = CliRun.run("--data-dir", data, "viz", "-f", "dot", "-o", "-", "--focus", "AMF", "--hops", "1");
    assertEquals(0, dot.exit(), dot.toString());
    assertTrue(dot.out().startsWith("digraph newsgraph {"), dot.out());
    assertEquals(2, dot.out().lines().filter(l -> l.contains("[shape=")).count(), "AMF and John Doe: " + dot.out());
    CliRun json = CliRun.run("--data-dir", data, "viz", "-f", "json", "-o", "-", "--types", "place", "--since", "2024-01-01");
    assertEquals(0, json.exit(), json.toString());
    assertTrue(json.out().contains("\"name\" : \"Paris\"") && !json.out().contains("\"name\" : \"Lyon\""), json.out());
  }

  @Test
  void badOptionsAreUsageErrorsThatSayWhatToDo() {
    CliRun focus = CliRun.run("--data-dir", data, "viz", "-o", "-", "--focus", "Jane");
    assertEquals(Main.USAGE, focus.exit());
    assertTrue(focus.err().contains("no actor is named 'Jane'") && focus.err().contains("Jane Roe"), focus.err());
    CliRun types = CliRun.run("--data-dir", data, "viz", "-o", "-", "--types", "robot");
    assertEquals(Main.USAGE, types.exit());
    assertTrue(types.err().contains("unknown node type 'robot'"), types.err());
    CliRun since = CliRun.run("--data-dir", data, "viz", "-o", "-", "--since", "2024-13-01");
    assertEquals(Main.USAGE, since.exit());
    assertTrue(since.err().contains("--since takes a date as YYYY-MM-DD"), since.err());
    CliRun format = CliRun.run("--data-dir", data, "viz", "-f", "png");
    assertEquals(Main.USAGE, format.exit());
    assertTrue(format.err().contains("use one of html, graphml, gexf, dot, json"), format.err());
  }

  @Test
  void anEmptyStoreSaysToBuildFirst() {
    CliRun r = CliRun.run("--data-dir", dir.resolve("empty").toString(), "viz", "-o", "-");
    assertEquals(Main.INPUT_FAILED, r.exit());
    assertTrue(r.err().contains("run 'newsgraph build INPUT...' first"), r.err());
  }
}
