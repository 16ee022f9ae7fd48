package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TdbStore#replaceGraphs}: a batch of articles in one write transaction. */
class TdbStoreBatchTest {
  @TempDir Path dir;

  private static Model graph(String subject, String object) {
    Model m = ModelFactory.createDefaultModel();
    m.createResource("http://ex.org/" + subject).addProperty(m.createProperty("http://ex.org/p"),
        m.createResource("http://ex.org/" + object));
    return m;
  }

  private static Node iri(String local) {
    return NodeFactory.createURI("http://ex.org/" + local);
  }

  @Test
  void replacesEveryGraphOfTheBatchAndReportsOldAndNewResources() {
    try (TdbStore tdb = TdbStore.open(dir.resolve("tdb2"))) {
      Map<String, Model> first = new LinkedHashMap<>();
      first.put("http://ex.org/g1", graph("a", "b"));
      first.put("http://ex.org/g2", graph("c", "d"));
      assertEquals(first, tdb.replaceGraphs(first));
      assertEquals(List.of("http://ex.org/g1", "http://ex.org/g2"), tdb.graphNames());

      Map<String, Model> second = new LinkedHashMap<>();
      second.put("http://ex.org/g2", graph("c", "e"));
      second.put("http://ex.org/g3", graph("f", "g"));
      // the resources of the old and the new content of every graph of the batch
      Set<Node> affected = org.newsgraph.neo4j.ArticleUpdater.storeRdf(tdb, second);
      assertEquals(Set.of(iri("c"), iri("d"), iri("e"), iri("f"), iri("g")), affected);
      assertEquals(3, tdb.quadCount());
      assertTrue(tdb.resourcesOf("http://ex.org/g2").contains(iri("e")));
      assertTrue(!tdb.resourcesOf("http://ex.org/g2").contains(iri("d")));
    }
  }
}
