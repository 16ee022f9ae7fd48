package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.newsgraph.serve.NewsgraphServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsgraph serve}: Bolt, SPARQL and the network page on loopback until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the data folder on 127.0.0.1 until Ctrl-C: Bolt, SPARQL and the network page.",
      "  Bolt    the embedded Neo4j, for Neo4j Browser, Neo4j Desktop, cypher-shell",
      "          or any driver (no authentication; read-only unless --write, enforced",
      "          by the server; with --neo4j-uri that server is used instead and no",
      "          Neo4j is started)",
      "  SPARQL  Fuseki over the TDB2 dataset, read-only, default graph = all articles:",
      "          http://127.0.0.1:HTTP_PORT/newsgraph/sparql",
      "  page    the actor network with a read-only Cypher box:",
      "          http://127.0.0.1:HTTP_PORT/",
      "A SPARQL query or Bolt transaction running longer than --query-timeout is stopped by the",
      "server and the client is told why.",
      "Ctrl-C (or SIGTERM: kill PID) stops all three and releases the data folder."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--bolt-port", paramLabel = "PORT", defaultValue = "7687",
      description = "Bolt port of the embedded Neo4j (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int boltPort;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
      description = "HTTP port of the page and the SPARQL endpoint (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int httpPort;

  @Option(names = "--write",
      description = "Let Bolt clients write to the embedded Neo4j (CREATE, SET, DELETE, indexes). Off by default:"
          + " the database is read-only, so it keeps matching the RDF store; SPARQL and the page stay read-only"
          + " either way.")
  boolean write;

  @Option(names = "--query-timeout", paramLabel = "SECONDS",
      defaultValue = "" + NewsgraphServer.Options.DEFAULT_TIMEOUT_SECONDS,
      description = "Stop a SPARQL query, a Bolt transaction or a query of the page that runs longer than this"
          + " (default: ${DEFAULT-VALUE}); the client gets an error that says so.")
  int queryTimeoutSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (queryTimeoutSeconds < 1) {
      throw new IllegalArgumentException("--query-timeout must be 1 or more seconds, not " + queryTimeoutSeconds);
    }
    NewsgraphServer.Options options = new NewsgraphServer.Options(write, java.time.Duration.ofSeconds(queryTimeoutSeconds));
    if (GlobalOptions.stores().remoteRdf()) {
      throw new IllegalArgumentException("serve publishes the data folder's TDB2 dataset; with --sparql-endpoint the"
          + " RDF is on that server, which answers SPARQL itself: run serve without --sparql-endpoint");
    }
    NewsgraphServer.Neo4jTarget target = GlobalOptions.neo4jUri != null && !GlobalOptions.neo4jUri.isBlank()
        ? NewsgraphServer.Neo4jTarget.server(GlobalOptions.neo4jUri, GlobalOptions.neo4jUser,
            GlobalOptions.neo4jPassword, GlobalOptions.neo4jDatabase)
        : NewsgraphServer.Neo4jTarget.embedded(GlobalOptions.stores().neo4jDir(), boltPort)
            .withPageCache(GlobalOptions.neo4jPageCache);
    var out = spec.commandLine().getOut();
    out.println("Starting (the embedded Neo4j takes a few seconds)...");
    out.flush();
    // the data folder stays locked for this process until serve stops (see DataFolderLock)
    DataFolderLock.Handle lock = DataFolderLock.acquire(GlobalOptions.dataDir, GlobalOptions.command);
    NewsgraphServer server;
    try {
      server = NewsgraphServer.start(GlobalOptions.stores().tdbDir(), target, httpPort, options);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    // Ctrl-C (SIGINT, unless this process was started with it ignored) or SIGTERM ends the JVM; the
    // hook stops the servers and frees the data folder
    CountDownLatch latch = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      lock.close();
      System.err.println("newsgraph serve: stopped");
    }, "newsgraph-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    server.describe().forEach((k, v) -> out.printf("%-7s %s%n", k + ":", v));
    QueryCommand.warnIfStale(spec.commandLine().getErr());
    out.printf("Network: %d actors, %d links. %s%n", server.network().actors().size(),
        server.network().links().size(), Signals.howToStop());
    out.flush();
    try {
      latch.await();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
        server.close();
        lock.close();
      } catch (IllegalStateException e) {
        // the JVM is shutting down; the hook closes the server
      }
    }
    return Main.OK;
  }
}
