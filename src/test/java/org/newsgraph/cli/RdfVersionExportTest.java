package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.RdfFormat;
import org.newsgraph.rdf.RdfIO;
import org.newsgraph.rdf.RdfVersion;
import org.newsgraph.rdf.Reification;
import org.newsgraph.rdf.TdbStore;

/**
 * {@code --rdf-version 1.1}: every export and extract format is read by a second RDF stack,
 * Eclipse RDF4J's Rio parsers (RDF 1.1, as rdflib reads it), with the number of triples (or quads)
 * that Jena predicts from the stored RDF in its RDF 1.1 form ({@link Reification#toClassic}). The
 * data is the seed article's RDF as newsgraph made it (provenance on RDF 1.2 reifiers, as stored), stored in a
 * real TDB2 dataset and exported through the command line.
 */
class RdfVersionExportTest {
  @TempDir static Path dir;
  static Dataset seed;

  @BeforeAll
  static void storeTheSeed() throws Exception {
    Dataset read = DatasetFactory.create();
    try (InputStream in = RdfVersionExportTest.class.getResourceAsStream("/viz/seed.trig")) {
      RDFDataMgr.read(read, in, Lang.TRIG);
    }
    seed = Reification.toReifiers(read); // as newsgraph stores it
    ByteArrayOutputStream nq = new ByteArrayOutputStream();
    RDFDataMgr.write(nq, seed, Lang.NQUADS);
    assertTrue(nq.toString(StandardCharsets.UTF_8).contains("<<("), "the fixture holds triple terms");
    try (TdbStore tdb = TdbStore.open(dir.resolve("data").resolve("tdb2"))) {
      for (Iterator<String> it = seed.listNames(); it.hasNext(); ) {
        String g = it.next();
        tdb.replaceGraph(g, seed.getNamedModel(g));
      }
    }
  }

  /** What Jena says an RDF 1.1 reader must find: quads for dataset formats, the union's triples for the others. */
  static long predicted(RdfFormat f) {
    Dataset classic = Reification.toClassic(seed);
    if (!f.carriesDatasets()) {
      return RdfIO.union(classic, null).size();
    }
    long n = classic.getDefaultModel().size();
    for (Iterator<String> it = classic.listNames(); it.hasNext(); ) {
      n += classic.getNamedModel(it.next()).size();
    }
    return n;
  }

  static RDFFormat rio(RdfFormat f) {
    return switch (f) {
      case TURTLE -> RDFFormat.TURTLE;
      case NTRIPLES -> RDFFormat.NTRIPLES;
      case JSONLD -> RDFFormat.JSONLD;
      case TRIG -> RDFFormat.TRIG;
      case NQUADS -> RDFFormat.NQUADS;
      case RDFXML -> RDFFormat.RDFXML;
    };
  }

  static Model readWithRdf4j(byte[] bytes, RdfFormat f) throws Exception {
    return Rio.parse(new ByteArrayInputStream(bytes), "https://example.org/base", rio(f));
  }

  @Test
  void everyExportInRdf11IsReadByRdf4jWithTheTriplesJenaPredicts() throws Exception {
    for (RdfFormat f : RdfFormat.values()) {
      Path file = dir.resolve("seed-11." + f.extension());
      CliRun run = CliRun.run("--data-dir", dir.resolve("data").toString(), "export", "--rdf-version", "1.1",
          "-f", f.cliName(), "-o", file.toString());
      assertEquals(0, run.exit(), run.toString());
      byte[] bytes = Files.readAllBytes(file);
      Model read = readWithRdf4j(bytes, f);
      assertEquals(predicted(f), read.size(), f + ": statements RDF4J read");
      long reified = read.filter(null, RDF.SUBJECT, null).size();
      assertEquals(read.filter(null, RDF.PREDICATE, null).size(), reified, f.toString());
      assertTrue(reified > 10, f + ": each relation's provenance is an rdf:Statement with rdf:subject: " + reified);
      for (Statement st : read) {
        assertFalse(st.getObject().isTriple() || st.getSubject().isTriple(), f + ": no triple term: " + st);
        assertFalse(st.getPredicate().stringValue().endsWith("#reifies"), f + ": no rdf:reifies: " + st);
      }
      // and Jena reads it back to the stored RDF
      Dataset back = DatasetFactory.create();
      RDFDataMgr.read(back, new ByteArrayInputStream(bytes), f.lang());
      assertTrue(Reification.toReifiers(RdfIO.union(back, null)).isIsomorphicWith(RdfIO.union(seed, null)), f.toString());
    }
  }

  @Test
  void theDefaultKeepsTripleTermsWhereTheSyntaxAllowsAndRdf11IsTheSameForJsonLdAndRdfXml() throws Exception {
    for (RdfFormat f : RdfFormat.values()) {
      ByteArrayOutputStream v12 = new ByteArrayOutputStream();
      ByteArrayOutputStream v11 = new ByteArrayOutputStream();
      RdfIO.write(seed, f, v12, seed.getDefaultModel());
      RdfIO.write(seed, f, v11, seed.getDefaultModel(), RdfVersion.RDF_1_1);
      String s12 = v12.toString(StandardCharsets.UTF_8);
      String s11 = v11.toString(StandardCharsets.UTF_8);
      assertEquals(f.carriesTripleTerms(), s12.contains("<<"), f + " (1.2) carries triple terms");
      assertFalse(s11.contains("<<"), f + " (1.1)");
      if (!f.carriesTripleTerms()) {
        assertEquals(s12, s11, f + " is written the RDF 1.1 way either way");
      } else {
        // what the README says: an RDF 1.1 parser (RDF4J 5.2's here, rdflib alike) stops at a triple term
        assertThrows(org.eclipse.rdf4j.rio.RDFParseException.class, () -> readWithRdf4j(v12.toByteArray(), f),
            f + " (1.2) is refused by an RDF 1.1 parser");
      }
    }
  }

  @Test
  void aBadVersionIsAUsageErrorNamingTheChoices() {
    CliRun run = CliRun.run("--data-dir", dir.resolve("data").toString(), "export", "--rdf-version", "1.3");
    assertEquals(Main.USAGE, run.exit(), run.toString());
    assertTrue(run.err().contains("unknown RDF version '1.3'") && run.err().contains("use 1.1"), run.err());
  }
}
