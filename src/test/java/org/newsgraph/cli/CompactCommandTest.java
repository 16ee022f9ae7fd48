package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.neo4j.ArticleUpdater;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.TdbStore;

/**
 * {@code newsgraph compact} on a TDB2 dataset written in many small transactions (each article
 * graph replaced several times): the folder shrinks, the old generation is gone, and every named
 * graph is still there with the same triples.
 */
class CompactCommandTest {
  @TempDir Path dir;

  private static Model article(int i, int version) {
    Model m = ModelFactory.createDefaultModel();
    Resource a = m.createResource("https://example.org/article/" + i);
    for (int k = 0; k < 200; k++) {
      a.addProperty(NG.name, "name " + i + " " + k + " version " + version);
    }
    return m;
  }

  private static Map<String, Model> graphs(TdbStore tdb) {
    Map<String, Model> graphs = new TreeMap<>();
    Txn.executeRead(tdb.dataset(), () -> tdb.dataset().listModelNames().forEachRemaining(n -> {
      Model m = ModelFactory.createDefaultModel();
      m.add(tdb.dataset().getNamedModel(n));
      graphs.put(n.getURI(), m);
    }));
    return graphs;
  }

  private static long size(Path folder) {
    return TdbStore.folderBytes(folder);
  }

  @Test
  void compactingShrinksTheStoreAndKeepsEveryGraph() throws Exception {
    Path data = dir.resolve("data");
    Map<String, Model> before;
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      for (int version = 0; version < 5; version++) {
        for (int i = 0; i < 20; i++) { // one transaction per graph, each replacing the last version
          ArticleUpdater.storeRdf(tdb, Map.of("https://example.org/article/" + i, article(i, version)));
        }
      }
      before = graphs(tdb);
    }
    assertEquals(20, before.size());
    long sizeBefore = size(data.resolve("tdb2"));

    CliRun run = CliRun.run("--data-dir", data.toString(), "compact");
    assertEquals(0, run.exit(), run.toString());
    Matcher m = Pattern.compile("Compacted TDB2 in (.+): ([0-9.]+ [KMG]B) -> ([0-9.]+ [KMG]B) in [0-9.]+ s\\n")
        .matcher(run.out());
    assertTrue(m.matches(), run.out());
    long sizeAfter = size(data.resolve("tdb2"));
    assertTrue(sizeAfter < sizeBefore / 2, sizeBefore + " -> " + sizeAfter + " bytes");
    assertEquals(CompactCommand.size(sizeAfter), m.group(3), "the size it reports is the folder's");
    assertFalse(Files.exists(data.resolve("tdb2/Data-0001")), "the old generation is deleted");
    assertTrue(Files.isDirectory(data.resolve("tdb2/Data-0002")));

    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      Map<String, Model> after = graphs(tdb);
      assertEquals(before.keySet(), after.keySet());
      for (String g : before.keySet()) {
        assertTrue(before.get(g).isIsomorphicWith(after.get(g)), g);
      }
      assertEquals(200, after.get("https://example.org/article/7").size());
    }
  }

  @Test
  void withoutAStoreOrWithAnEndpointItSaysWhatToDo() {
    CliRun none = CliRun.run("--data-dir", dir.resolve("empty").toString(), "compact");
    assertEquals(1, none.exit(), none.toString());
    assertTrue(none.err().contains("build"), none.err());
    CliRun endpoint = CliRun.run("--data-dir", dir.toString(), "--sparql-endpoint", "http://127.0.0.1:1/x", "compact");
    assertEquals(2, endpoint.exit(), endpoint.toString());
    assertTrue(endpoint.err().startsWith("newsgraph: compact works on the data folder's TDB2"), endpoint.err());
  }
}
