package org.newsgraph.serve;

import java.io.InputStream;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.neo4j.RdfGraphLoader;
import org.newsgraph.rdf.TdbStore;

/** A data folder as 'newsgraph build' leaves it, made from a TriG resource without CoreNLP. */
final class ServeFixtures {
  private ServeFixtures() {}

  /** Stores {@code resource} in {@code data/tdb2} and, when {@code neo4j}, loads it into {@code data/neo4j}. */
  static void dataFolder(Path data, String resource, boolean neo4j) throws Exception {
    Dataset ds = DatasetFactory.createTxnMem();
    try (InputStream in = ServeFixtures.class.getResourceAsStream(resource)) {
      RDFDataMgr.read(ds, in, Lang.TRIG);
    }
    try (TdbStore tdb = TdbStore.open(data.resolve("tdb2"))) {
      Txn.executeRead(ds, () -> ds.listNames().forEachRemaining(g -> tdb.replaceGraph(g, ds.getNamedModel(g))));
    }
    if (neo4j) {
      try (EmbeddedNeo4j embedded = EmbeddedNeo4j.start(data.resolve("neo4j"));
          Neo4jStore store = Neo4jStore.connect(embedded.boltUri(), null, null, null)) {
        Dataset copy = DatasetFactory.createTxnMem();
        Txn.executeRead(ds, () -> ds.listNames().forEachRemaining(g -> copy.addNamedModel(g, ds.getNamedModel(g))));
        new RdfGraphLoader(store).load(copy);
      }
    }
  }
}
