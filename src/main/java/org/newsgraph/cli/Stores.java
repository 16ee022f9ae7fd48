package org.newsgraph.cli;

import java.nio.file.Path;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.rdf.RdfStore;
import org.newsgraph.rdf.SparqlEndpointStore;
import org.newsgraph.rdf.TdbStore;

/** Opens the stores the global options point at. */
final class Stores {
  private Stores() {}

  /** The TDB2 dataset under the data folder, under the data folder's lock ({@link DataFolderLock}). */
  static TdbStore tdb() {
    DataFolderLock.Handle lock = DataFolderLock.acquire(GlobalOptions.dataDir, GlobalOptions.command);
    try {
      return TdbStore.open(tdbDir()).onClose(lock::close);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Whether the RDF side is a SPARQL endpoint ({@code --sparql-endpoint}) rather than TDB2. */
  static boolean remoteRdf() {
    return GlobalOptions.sparqlEndpoint != null && !GlobalOptions.sparqlEndpoint.isBlank();
  }

  /**
   * The RDF store: the SPARQL endpoint of {@code --sparql-endpoint}, or the TDB2 dataset under the
   * data folder.
   *
   * @throws org.newsgraph.StoreUnavailableException when it cannot be reached or opened
   */
  static RdfStore rdf() {
    if (remoteRdf()) {
      return SparqlEndpointStore.connect(GlobalOptions.sparqlEndpoint, GlobalOptions.sparqlUser,
          GlobalOptions.sparqlPassword);
    }
    return tdb();
  }

  /**
   * Whether the RDF store a read-only command needs is there: always for an endpoint; for TDB2 as
   * {@link #exists}.
   */
  static boolean rdfExists(java.io.PrintWriter err) {
    return remoteRdf() || exists(tdbDir(), "RDF store", err);
  }

  /** Where the RDF went, for messages: the TDB2 folder, or the endpoint. */
  static String rdfLocation(RdfStore rdf) {
    return rdf instanceof TdbStore t ? t.dir().toAbsolutePath().toString() : "the " + rdf.describe();
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
    DataFolderLock.Handle lock = DataFolderLock.acquire(GlobalOptions.dataDir, GlobalOptions.command);
    EmbeddedNeo4j embedded = null;
    try {
      embedded = EmbeddedNeo4j.start(neo4jDir());
      return new Neo4jConnection(embedded, Neo4jStore.connect(embedded.boltUri(), null, null, null), lock);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      lock.close();
      throw e;
    }
  }

  /**
   * A Neo4j store and, when embedded, the database behind it and the data folder lock held for it
   * ({@code null} for a server).
   */
  record Neo4jConnection(EmbeddedNeo4j embedded, Neo4jStore store, DataFolderLock.Handle lock)
      implements AutoCloseable {
    Neo4jConnection(EmbeddedNeo4j embedded, Neo4jStore store) {
      this(embedded, store, null);
    }

    /** Where the graph is, for messages. */
    String describe() {
      return embedded != null
          ? "embedded Neo4j in " + embedded.homeDir() + " (Bolt at " + embedded.boltUri() + " while running)"
          : "Neo4j at " + store.uri();
    }

    @Override
    public void close() {
      try {
        store.close();
        if (embedded != null) {
          embedded.close();
        }
      } finally {
        if (lock != null) {
          lock.close();
        }
      }
    }
  }

  /**
   * Neo4j started on another thread while this one does other work (loading the CoreNLP models,
   * parsing RDF): the embedded database takes about 5 s to start, which then overlaps that work
   * instead of adding to it. {@link #get} gives the connection, or throws what {@link #neo4j()}
   * threw, at the point where the caller would have opened it (so the RDF is still saved first);
   * {@link #close} stops a connection nobody took.
   */
  static final class BackgroundNeo4j implements AutoCloseable {
    private java.util.concurrent.CompletableFuture<Neo4jConnection> started;
    private boolean taken;

    /** Starts opening Neo4j on a daemon thread, once; later calls do nothing. */
    synchronized void start() {
      if (started == null) {
        started = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
          Neo4jConnection c = null;
          try {
            c = neo4j();
            new org.newsgraph.neo4j.RdfGraphLoader(c.store()).warmUp(); // connection and planner ready
            started.complete(c);
          } catch (Throwable e) {
            if (c != null) {
              c.close();
            }
            started.completeExceptionally(e);
          }
        }, "newsgraph-neo4j-start");
        t.setDaemon(true);
        t.start();
      }
    }

    /**
     * The connection: the one started in the background, or a new one if {@link #start} was never
     * called. The caller closes it.
     *
     * @throws org.newsgraph.StoreUnavailableException as {@link #neo4j()}
     */
    synchronized Neo4jConnection get() {
      taken = true;
      if (started == null) {
        return neo4j();
      }
      try {
        return started.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }

    /** Stops Neo4j if it was started and never taken with {@link #get}. */
    @Override
    public synchronized void close() {
      if (started != null && !taken) {
        taken = true;
        try {
          started.join().close();
        } catch (RuntimeException e) {
          // it failed to start: nothing to stop, and nobody asked for it
        }
      }
    }
  }
}
