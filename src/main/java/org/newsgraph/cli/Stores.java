package org.newsgraph.cli;

import java.nio.file.Path;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.rdf.TdbStore;

/** Opens the stores the global options point at. */
final class Stores {
  private Stores() {}

  /** The TDB2 dataset under the data folder. */
  static TdbStore tdb() {
    return TdbStore.open(tdbDir());
  }

  static Path tdbDir() {
    return GlobalOptions.dataDir.resolve("tdb2");
  }

  static Path neo4jDir() {
    return GlobalOptions.dataDir.resolve("neo4j");
  }

  /**
   * Whether the store folder a read-only command needs exists; when not, says on {@code err} to
   * build first (opening it would create an empty store and answer with nothing).
   */
  static boolean exists(Path storeDir, String what, java.io.PrintWriter err) {
    if (java.nio.file.Files.isDirectory(storeDir)) {
      return true;
    }
    err.println("newsgraph: there is no " + what + " in " + GlobalOptions.dataDir.toAbsolutePath()
        + "; run 'newsgraph build INPUT...' first, or pass the --data-dir that holds it");
    return false;
  }

  /**
   * Neo4j: the server at {@code --neo4j-uri}, or an embedded database under the data folder
   * reached over Bolt on loopback. Closing the connection stops the embedded database.
   *
   * @throws org.newsgraph.StoreUnavailableException when it cannot be reached or started
   */
  static Neo4jConnection neo4j() {
    if (GlobalOptions.neo4jUri != null && !GlobalOptions.neo4jUri.isBlank()) {
      return new Neo4jConnection(null, Neo4jStore.connect(GlobalOptions.neo4jUri, GlobalOptions.neo4jUser,
          GlobalOptions.neo4jPassword, GlobalOptions.neo4jDatabase));
    }
    EmbeddedNeo4j embedded = EmbeddedNeo4j.start(neo4jDir());
    try {
      return new Neo4jConnection(embedded, Neo4jStore.connect(embedded.boltUri(), null, null, null));
    } catch (RuntimeException e) {
      embedded.close();
      throw e;
    }
  }

  /** A Neo4j store and, when embedded, the database behind it. */
  record Neo4jConnection(EmbeddedNeo4j embedded, Neo4jStore store) implements AutoCloseable {
    /** Where the graph is, for messages. */
    String describe() {
      return embedded != null
          ? "embedded Neo4j in " + embedded.homeDir() + " (Bolt at " + embedded.boltUri() + " while running)"
          : "Neo4j at " + store.uri();
    }

    @Override
    public void close() {
      store.close();
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
