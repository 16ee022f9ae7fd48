package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TdbStore#selectEach}: the rows of {@link TdbStore#select}, one at a time. */
class TdbStoreSelectEachTest {
  @TempDir Path dir;

  @Test
  void givesTheRowsOfSelectInOrderAndRefusesWhatSelectRefuses() {
    try (TdbStore tdb = TdbStore.open(dir.resolve("tdb2"))) {
      Map<String, Model> graphs = new LinkedHashMap<>();
      for (int i = 0; i < 5; i++) {
        Model m = ModelFactory.createDefaultModel();
        m.createResource("http://ex.org/a" + i).addProperty(m.createProperty("http://ex.org/text"), "text " + i)
            .addLiteral(m.createProperty("http://ex.org/n"), (long) i);
        graphs.put("http://ex.org/g" + i, m);
      }
      tdb.replaceGraphs(graphs);
      String q = "SELECT ?a ?t ?n WHERE { ?a <http://ex.org/text> ?t ; <http://ex.org/n> ?n } ORDER BY DESC(?n)";
      List<List<Object>> rows = new ArrayList<>();
      tdb.selectEach(q, 10_000, rows::add);
      assertEquals(tdb.select(q, 10_000).rows(), rows);
      assertEquals(List.of("http://ex.org/a4", "text 4", 4L), rows.get(0));
      assertEquals(5, rows.size());

      assertThrows(IllegalArgumentException.class, () -> tdb.selectEach("ASK { ?s ?p ?o }", 0, r -> { }));
      assertThrows(IllegalArgumentException.class,
          () -> tdb.selectEach("SELECT * { SERVICE <http://localhost:1/sparql> { ?s ?p ?o } }", 0, r -> { }));
    }
  }
}
