package org.newsgraph.pipeline;

import java.nio.file.Path;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.rdf.RdfStore;
import org.newsgraph.rdf.SparqlEndpointStore;
import org.newsgraph.rdf.TdbStore;

/**
 * Opens the stores a {@link StoreConfig} points at: the RDF store (TDB2 or a SPARQL endpoint) and
 * Neo4j (embedded under the data folder, or a server). The embedded stores are opened under the data
 * folder's lock ({@link DataFolderLock}).
 */
public final class Stores {
  private Stores() {}

  /** The TDB2 dataset under the data folder, under the data folder's lock ({@link DataFolderLock}). */
  public static TdbStore tdb(StoreConfig config) {
    DataFolderLock.Handle lock = DataFolderLock.acquire(config.dataDir(), config.owner());
    try {
      return TdbStore.open(config.tdbDir()).onClose(lock::close);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * The RDF store: the SPARQL endpoint of {@code --sparql-endpoint}, or the TDB2 dataset under the
   * data folder.
   *
   * @throws org.newsgraph.StoreUnavailableException when it cannot be reached or opened
   */
  public static RdfStore rdf(StoreConfig config) {
    if (config.remoteRdf()) {
      return SparqlEndpointStore.connect(config.sparqlEndpoint(), config.sparqlUser(), config.sparqlPassword());
    }
    return tdb(config);
  }

  /**
   * Whether the RDF store a read-only command needs is there: always for an endpoint; for TDB2 as
   * {@link #exists}.
   */
  public static boolean rdfExists(StoreConfig config, java.io.PrintWriter err) {
    return config.remoteRdf() || exists(config, config.tdbDir(), "RDF store", err);
  }

  /** Where the RDF went, for messages: the TDB2 folder, or the endpoint. */
  public static String rdfLocation(RdfStore rdf) {
    return rdf instanceof TdbStore t ? t.dir().toAbsolutePath().toString() : "the " + rdf.describe();
  }

  /**
   * Whether the store folder a read-only command needs exists; when not, says on {@code err} to
   * build first (opening it would create an empty store and answer with nothing).
   */
  public static boolean exists(StoreConfig config, Path storeDir, String what, java.io.PrintWriter err) {
    if (java.nio.file.Files.isDirectory(storeDir)) {
      return true;
    }
    err.println("newsgraph: there is no " + what + " in " + config.dataDir().toAbsolutePath()
        + "; run 'newsgraph build INPUT...' first, or pass the --data-dir that holds it");
    return false;
  }

  /**
   * Neo4j: the server at {@code --neo4j-uri}, or an embedded database under the data folder
   * reached over Bolt on loopback. Closing the connection stops the embedded database.
   *
   * @throws org.newsgraph.StoreUnavailableException when it cannot be reached or started
   */
  public static Neo4jConnection neo4j(StoreConfig config) {
    if (config.remoteNeo4j()) {
      return new Neo4jConnection(null, Neo4jStore.connect(config.neo4jUri(), config.neo4jUser(),
          config.neo4jPassword(), config.neo4jDatabase()));
    }
    DataFolderLock.Handle lock = DataFolderLock.acquire(config.dataDir(), config.owner());
    EmbeddedNeo4j embedded = null;
    try {
      embedded = EmbeddedNeo4j.start(config.neo4jDir(),
          EmbeddedNeo4j.Policy.WRITABLE.withPageCache(config.neo4jPageCache()));
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
  public record Neo4jConnection(EmbeddedNeo4j embedded, Neo4jStore store, DataFolderLock.Handle lock)
      implements AutoCloseable {
    /** A connection with no lock (a server, or a database whose lock the caller holds). */
    public Neo4jConnection(EmbeddedNeo4j embedded, Neo4jStore store) {
      this(embedded, store, null);
    }

    /** Where the graph is, for messages. */
    public String describe() {
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
  public static final class BackgroundNeo4j implements AutoCloseable {
    private java.util.concurrent.CompletableFuture<Neo4jConnection> started;
    private boolean taken;
    private final StoreConfig config;

    /** Neo4j as {@code config} gives it, not started yet. */
    public BackgroundNeo4j(StoreConfig config) {
      this.config = config;
    }

    /** Starts opening Neo4j on a daemon thread, once; later calls do nothing. */
    public synchronized void start() {
      if (started == null) {
        started = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
          Neo4jConnection c = null;
          try {
            c = neo4j(config);
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
    public synchronized Neo4jConnection get() {
      taken = true;
      if (started == null) {
        return neo4j(config);
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
