package org.newsgraph.neo4j;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import inet.ipaddr.IPAddressString;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.logging.log4j.Log4jLogProvider;
import org.newsgraph.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Neo4j 5 Community DBMS that listens for Bolt on {@code 127.0.0.1} only, so the rest
 * of newsgraph can talk to it through {@link Neo4jStore} exactly as it talks to a server.
 *
 * <p>Layout under the home directory: {@code data/} (databases and transaction logs), {@code
 * logs/debug.log} (Neo4j's debug log) and {@code logs/neo4j.log} (Neo4j's user log). Nothing is
 * written to the console. HTTP and HTTPS are off, authentication is off (the port is bound to the
 * loopback interface only), {@code LOAD CSV} may not read local files nor fetch from any network
 * address (every IPv4 and IPv6 range is on Cypher's IP blocklist), no procedure is unrestricted
 * (and no plugin such as APOC is installed), and usage data collection is off.
 *
 * <p>Start-up cost, measured on the 2-core development machine (Java 17, Neo4j 5.26.12): the first
 * start in a fresh JVM takes about 4.5-5.5 s (up to 8.5 s while other processes compete for the
 * CPU), whether the directory is empty or already holds a database; most of it is class loading and
 * JIT warm-up. Later starts in the same JVM take 0.3-0.8 s, and {@link #close()} 0.15-0.5 s. The
 * directory takes about 3 MB when empty. Start one instance and share it.
 *
 * <p>Only one process (and, within a process, one instance) can open a home directory at a time; a
 * second attempt fails with {@link StoreUnavailableException}. After {@link #close()} the same
 * directory can be started again, in this JVM or in another one. A JVM shutdown hook closes an
 * instance that was not closed (e.g. on Ctrl-C).
 */
public final class EmbeddedNeo4j implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);
  private static final int BIND_ATTEMPTS = 3;
  private static final Duration AVAILABLE_TIMEOUT = Duration.ofSeconds(60);

  private final Path home;
  private final DatabaseManagementService dbms;
  private final Log4jLogProvider userLog;
  private final OutputStream userLogStream;
  private final int port;
  private final Policy policy;
  private final Thread shutdownHook;
  private final java.util.concurrent.ScheduledExecutorService watchdog;
  private boolean closed;

  private EmbeddedNeo4j(
      Path home,
      DatabaseManagementService dbms,
      GraphDatabaseService db,
      Log4jLogProvider userLog,
      OutputStream userLogStream,
      int port,
      Policy policy) {
    this.home = home;
    this.dbms = dbms;
    this.userLog = userLog;
    this.userLogStream = userLogStream;
    this.port = port;
    this.policy = policy;
    this.watchdog = policy.transactionLimit() == null ? null : TransactionLimit.start(db, policy.transactionLimit());
    this.shutdownHook = new Thread(this::shutdownQuietly, "newsgraph-neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * What clients of the database may do, enforced by the server whatever a client asks for.
   *
   * @param writable whether transactions may write; when {@code false} the databases are read-only
   *     (Neo4j's {@code server.databases.default_to_read_only}): {@code CREATE}, {@code SET}, {@code
   *     DELETE}, index and constraint changes fail with {@code
   *     Neo.ClientError.General.WriteOnReadOnlyAccessDatabase}, in every session access mode
   * @param transactionLimit the longest a transaction of the default database may run, or {@code
   *     null} for no limit; a longer one is terminated by the server with {@code
   *     Neo.ClientError.Transaction.TransactionTimedOut}, also when the client asked for a longer
   *     timeout (checked every {@value TransactionLimit#CHECK_MILLIS} ms)
   */
  public record Policy(boolean writable, Duration transactionLimit, long pageCacheBytes) {
    /** Writes allowed, no time limit, the default page cache: what {@code build} and {@code load} use. */
    public static final Policy WRITABLE = new Policy(true, null);

    /**
     * @throws IllegalArgumentException if the limit is zero or negative, or the page cache is
     *     negative or, when set, under 8 MiB
     */
    public Policy {
      if (transactionLimit != null && (transactionLimit.isZero() || transactionLimit.isNegative())) {
        throw new IllegalArgumentException("the transaction limit must be positive, not " + transactionLimit);
      }
      PageCacheSize.check(pageCacheBytes);
    }

    /** A policy with the default page cache ({@value #DEFAULT_PAGE_CACHE_BYTES} bytes). */
    public Policy(boolean writable, Duration transactionLimit) {
      this(writable, transactionLimit, 0);
    }

    /** A copy with a page cache of {@code bytes} (0: the default). */
    public Policy withPageCache(long bytes) {
      return new Policy(writable, transactionLimit, bytes);
    }

    /** The page cache to configure, in bytes. */
    long pageCache() {
      return pageCacheBytes > 0 ? pageCacheBytes : DEFAULT_PAGE_CACHE_BYTES;
    }
  }

  /** The smallest page cache a policy accepts: 8 MiB ({@link PageCacheSize#MIN_BYTES}). */
  public static final long MIN_PAGE_CACHE_BYTES = PageCacheSize.MIN_BYTES;

  /**
   * Starts the DBMS with its files under {@code homeDir} (created if missing) and waits until the
   * default database {@code neo4j} is available.
   *
   * @param homeDir Neo4j home directory; data goes to {@code homeDir/data}, logs to {@code
   *     homeDir/logs}
   * @return the running instance; close it to shut Neo4j down
   * @throws StoreUnavailableException if the directory is locked by another newsgraph or Neo4j
   *     process (or another instance in this JVM), if no loopback port could be bound after {@value
   *     #BIND_ATTEMPTS} attempts, or if the database does not become available within 60 s
   * @throws UncheckedIOException if the home or log directory cannot be created
   */
  public static EmbeddedNeo4j start(Path homeDir) {
    return start(homeDir, 0, Policy.WRITABLE, Map.of());
  }

  /** As {@link #start(Path)}, under {@code policy} (writes, transaction limit, page cache). */
  public static EmbeddedNeo4j start(Path homeDir, Policy policy) {
    return start(homeDir, 0, policy, Map.of());
  }

  /**
   * As {@link #start(Path)}, with Bolt on a given loopback port, for clients that expect a known
   * address such as Neo4j Browser or cypher-shell ({@code bolt://127.0.0.1:7687}).
   *
   * @param boltPort the TCP port on {@code 127.0.0.1}, 1-65535; 0 picks a free one
   * @throws StoreUnavailableException as {@link #start(Path)}, and if the port is taken (the message
   *     names it)
   * @throws IllegalArgumentException if the port is out of range
   */
  public static EmbeddedNeo4j start(Path homeDir, int boltPort) {
    if (boltPort < 0 || boltPort > 65535) {
      throw new IllegalArgumentException("Bolt port must be 1-65535 (or 0 for any free port), not " + boltPort);
    }
    return start(homeDir, boltPort, Policy.WRITABLE);
  }

  /**
   * As {@link #start(Path, int)}, under a policy: read-only and with a time limit per transaction,
   * as {@code newsgraph serve} runs it.
   *
   * @param policy what clients may do
   * @throws StoreUnavailableException as {@link #start(Path, int)}
   * @throws IllegalArgumentException if the port is out of range
   */
  public static EmbeddedNeo4j start(Path homeDir, int boltPort, Policy policy) {
    if (boltPort < 0 || boltPort > 65535) {
      throw new IllegalArgumentException("Bolt port must be 1-65535 (or 0 for any free port), not " + boltPort);
    }
    return start(homeDir, boltPort, policy, Map.of());
  }

  /** As {@link #start(Path)}, with extra settings applied last (for tests). */
  static EmbeddedNeo4j start(Path homeDir, Map<Setting<?>, Object> overrides) {
    return start(homeDir, 0, Policy.WRITABLE, overrides);
  }

  private static EmbeddedNeo4j start(Path homeDir, int fixedPort, Policy policy, Map<Setting<?>, Object> overrides) {
    Path home = homeDir.toAbsolutePath().normalize();
    // the default database, unless a test renamed it (initial.dbms.default_database)
    Object defaultDb = overrides.get(GraphDatabaseSettings.initial_default_database);
    String dbName = defaultDb instanceof String name ? name : GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    if (!policy.writable() && !Files.isDirectory(home.resolve("data").resolve("databases").resolve(dbName))) {
      // a read-only DBMS cannot create its databases (the default one never becomes available):
      // create them empty first
      start(homeDir, 0, Policy.WRITABLE.withPageCache(policy.pageCacheBytes()), overrides).close();
    }
    Path logs = home.resolve("logs");
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Neo4j directory " + logs, e);
    }
    long started = System.nanoTime();
    RuntimeException lastBindFailure = null;
    for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
      int port = fixedPort > 0 ? fixedPort : freeLoopbackPort();
      OutputStream logStream = openUserLog(logs.resolve("neo4j.log"));
      Log4jLogProvider userLog = new Log4jLogProvider(logStream);
      DatabaseManagementService dbms = null;
      try {
        dbms = builder(home, port, userLog)
            .setConfig(GraphDatabaseSettings.pagecache_memory, policy.pageCache())
            .setConfig(GraphDatabaseSettings.read_only_database_default, !policy.writable())
            .setConfig(overrides).build();
        GraphDatabaseService db = dbms.database(dbName);
        if (!db.isAvailable(AVAILABLE_TIMEOUT.toMillis())) {
          throw new StoreUnavailableException(
              "Embedded Neo4j in "
                  + home
                  + " did not become available within "
                  + AVAILABLE_TIMEOUT.toSeconds()
                  + " s; see "
                  + logs.resolve("debug.log"));
        }
        EmbeddedNeo4j neo = new EmbeddedNeo4j(home, dbms, db, userLog, logStream, port, policy);
        LOG.debug(
            "Embedded Neo4j started in {} ms: {} (home {})",
            (System.nanoTime() - started) / 1_000_000,
            neo.boltUri(),
            home);
        return neo;
      } catch (RuntimeException e) {
        shutdownAfterFailure(dbms, userLog, logStream);
        if (hasCause(e, "FileLockException")) {
          throw new StoreUnavailableException(
              "The data folder "
                  + home
                  + " is in use by another newsgraph or Neo4j process. "
                  + "Stop that process or use another --data-dir.",
              e);
        }
        if (isBindFailure(e) && fixedPort > 0) {
          throw new StoreUnavailableException("Bolt port " + fixedPort + " on 127.0.0.1 is in use (a Neo4j server,"
              + " or another newsgraph serve?); stop it or choose another port", e);
        }
        if (isBindFailure(e) && attempt < BIND_ATTEMPTS) {
          LOG.debug("Bolt port {} was taken before Neo4j could bind it; retrying", port, e);
          lastBindFailure = e;
          continue;
        }
        if (isBindFailure(e)) {
          lastBindFailure = e;
          break;
        }
        if (e instanceof StoreUnavailableException) {
          throw e;
        }
        throw new StoreUnavailableException(
            "Embedded Neo4j could not start in "
                + home
                + ": "
                + rootMessage(e)
                + " (see "
                + logs.resolve("debug.log")
                + ")",
            e);
      }
    }
    throw new StoreUnavailableException(
        "Embedded Neo4j could not bind a Bolt port on 127.0.0.1 after "
            + BIND_ATTEMPTS
            + " attempts",
        lastBindFailure);
  }

  /**
   * The embedded database's page cache unless a {@link Policy} sets another: 512 MiB ({@link
   * PageCacheSize#DEFAULT_BYTES}, which says why).
   */
  public static final long DEFAULT_PAGE_CACHE_BYTES = PageCacheSize.DEFAULT_BYTES;

  private static DatabaseManagementServiceBuilder builder(
      Path home, int port, Log4jLogProvider userLog) {
    return new DatabaseManagementServiceBuilder(home)
        .setUserLogProvider(userLog)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        // LOAD CSV FROM 'http://...' may reach no address at all (all IPv4 and IPv6 blocked)
        .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
        .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of())
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        // Neo4j's defaults make Bolt shutdown wait ~10 s for Netty's quiet period
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .setConfig(
            GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StoreUnavailableException("No free TCP port on the loopback interface", e);
    }
  }

  private static OutputStream openUserLog(Path file) {
    try {
      return Files.newOutputStream(
          file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open Neo4j user log " + file, e);
    }
  }

  private static void shutdownAfterFailure(
      DatabaseManagementService dbms, Log4jLogProvider userLog, OutputStream logStream) {
    if (dbms != null) {
      try {
        dbms.shutdown();
      } catch (RuntimeException e) {
        LOG.debug("Shutdown after failed start failed too", e);
      }
    }
    userLog.close();
    try {
      logStream.close();
    } catch (IOException e) {
      LOG.debug("Cannot close Neo4j user log", e);
    }
  }

  private static boolean isBindFailure(Throwable e) {
    return hasCause(e, "PortBindException") || hasCause(e, BindException.class.getSimpleName());
  }

  private static boolean hasCause(Throwable e, String simpleName) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals(simpleName)) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (hasCause(s, simpleName)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
  }

  /**
   * @return the Bolt URI to give to {@link Neo4jStore#connect}, {@code bolt://127.0.0.1:PORT}
   */
  public String boltUri() {
    return "bolt://127.0.0.1:" + port;
  }

  /**
   * @return the TCP port Bolt listens on, on {@code 127.0.0.1}
   */
  public int boltPort() {
    return port;
  }

  /**
   * @return the absolute, normalised home directory this instance was started on
   */
  public Path homeDir() {
    return home;
  }

  /**
   * @return what clients may do
   */
  public Policy policy() {
    return policy;
  }

  /**
   * Shuts Neo4j down and releases the store lock and the port. Idempotent. Connected drivers see
   * their connections closed.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook does the work
      return;
    }
    shutdownQuietly();
  }

  private synchronized void shutdownQuietly() {
    if (closed) {
      return;
    }
    closed = true;
    if (watchdog != null) {
      watchdog.shutdownNow();
    }
    try {
      dbms.shutdown();
    } finally {
      userLog.close();
      try {
        userLogStream.close();
      } catch (IOException e) {
        LOG.debug("Cannot close Neo4j user log", e);
      }
    }
  }

  /**
   * Terminates transactions of one database that run longer than a limit. Neo4j's own {@code
   * db.transaction.timeout} is only a default that a client may raise for its transaction (a driver's
   * {@code TransactionConfig.withTimeout}), so a server-side limit needs this watchdog: it looks at
   * the database's active kernel transactions every {@value #CHECK_MILLIS} ms and marks those older
   * than the limit for termination, as Neo4j's transaction monitor does with its timeout; the query
   * stops at its next check for termination (within a second in the queries tried: cartesian
   * products, {@code UNWIND range(...)}) and the client gets {@code
   * Neo.ClientError.Transaction.TransactionTimedOut}.
   */
  static final class TransactionLimit {
    /** How often the active transactions are looked at. */
    static final long CHECK_MILLIS = 250;

    private TransactionLimit() {}

    static java.util.concurrent.ScheduledExecutorService start(GraphDatabaseService db, Duration limit) {
      org.neo4j.kernel.impl.api.KernelTransactions transactions = ((org.neo4j.kernel.internal.GraphDatabaseAPI) db)
          .getDependencyResolver().resolveDependency(org.neo4j.kernel.impl.api.KernelTransactions.class);
      java.util.concurrent.ScheduledExecutorService timer =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsgraph-neo4j-transaction-limit");
            t.setDaemon(true);
            return t;
          });
      long limitMillis = limit.toMillis();
      timer.scheduleWithFixedDelay(() -> {
        try {
          long now = System.currentTimeMillis();
          for (org.neo4j.kernel.api.KernelTransactionHandle tx : transactions.activeTransactions()) {
            if (now - tx.startTime() > limitMillis && tx.isOpen() && !tx.isClosing()
                && tx.terminationMark().isEmpty()) {
              if (tx.markForTermination(org.neo4j.kernel.api.exceptions.Status.Transaction.TransactionTimedOut)) {
                LOG.info("Stopped a transaction that ran longer than {} s: {}", limit.toSeconds(),
                    tx.executingQuery().map(q -> q.rawQueryText()).orElse("(no query)"));
              }
            }
          }
        } catch (RuntimeException e) {
          LOG.debug("transaction limit check failed", e); // the database is shutting down
        }
      }, CHECK_MILLIS, CHECK_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
      return timer;
    }
  }
}
