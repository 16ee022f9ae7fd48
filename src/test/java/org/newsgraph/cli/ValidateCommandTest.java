package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.SampleGraphs;
import org.newsgraph.rdf.TdbStore;

/** {@code newsgraph validate} on files and on the store, conforming and not. */
class ValidateCommandTest {
  static final String ACME = "https://w3id.org/newsgraph/id/article/acme-1";

  @TempDir Path dir;

  private Path trig(String name, Model graph) throws IOException {
    Dataset ds = DatasetFactory.create();
    ds.addNamedModel(ACME, graph);
    Path f = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(f)) {
      RDFDataMgr.write(out, ds, Lang.TRIG);
    }
    return f;
  }

  @Test
  void aConformingFileAndAStoreExitZero() throws IOException {
    Model rdf = new RdfMapper().map(SampleGraphs.acme());
    CliRun ok = CliRun.run("validate", trig("ok.trig", rdf).toString());
    assertEquals(0, ok.exit(), ok.toString());
    assertEquals("<" + ACME + ">: conforms\n1 graph(s) checked, 0 do(es) not conform.\n", ok.out().replace("\r\n", "\n"));

    Path data = dir.resolve("data");
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      tdb.replaceGraph(ACME, rdf);
    }
    CliRun store = CliRun.run("--data-dir", data.toString(), "validate");
    assertEquals(0, store.exit(), store.toString());
    assertEquals("<" + ACME + ">: conforms\n1 graph(s) checked, 0 do(es) not conform.\n", store.out().replace("\r\n", "\n"));
  }

  @Test
  void aMissingContentHashIsReportedWithTheShaclReportAndExitOne() throws IOException {
    Model rdf = new RdfMapper().map(SampleGraphs.acme());
    rdf.removeAll(rdf.createResource(ACME), NG.contentHash, null);
    CliRun bad = CliRun.run("validate", trig("bad.trig", rdf).toString());
    assertEquals(1, bad.exit(), bad.toString());
    String out = bad.out().replace("\r\n", "\n");
    assertTrue(out.startsWith("<" + ACME + ">: 1 violation(s)\n"), out);
    assertTrue(out.matches("(?s).*sh:resultPath\\s+ng:contentHash;.*"), out);
    assertTrue(out.matches("(?s).*sh:focusNode\\s+<" + ACME + ">;.*"), out);
    assertTrue(out.contains("\"minCount[1]: Invalid cardinality: expected min 1: Got count = 0\""), out);
    assertTrue(out.endsWith("1 graph(s) checked, 1 do(es) not conform.\n"), out);
  }

  @Test
  void aFileThatIsNotRdfExitsOne() throws IOException {
    Path f = dir.resolve("broken.ttl");
    Files.writeString(f, "this is not turtle");
    CliRun r = CliRun.run("validate", f.toString());
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().startsWith("newsgraph: cannot read " + f + " as RDF: "), r.toString());
  }
}
