package org.newsgraph.neo4j;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.FatalDiscoveryException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.Relationship;
import org.newsgraph.StoreUnavailableException;
import org.newsgraph.TabularResult;

/**
 * A connection to one Neo4j database over Bolt (a server or {@link EmbeddedNeo4j}), owning a
 * neo4j-java-driver {@link Driver}. Thread-safe, like the driver; close it once when done.
 */
public final class Neo4jStore implements AutoCloseable {
  /** Connection timeout used by {@link #connect}. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final String ACCESS_MODE_ERROR = "Neo.ClientError.Statement.AccessMode";

  private final Driver driver;
  private final String uri;
  private final String database;

  private Neo4jStore(Driver driver, String uri, String database) {
    this.driver = driver;
    this.uri = uri;
    this.database = database;
  }

  /**
   * Creates a driver and checks that the server answers and accepts the credentials, and that the
   * database exists.
   *
   * @param uri a Bolt URI such as {@code bolt://127.0.0.1:7687} or {@code neo4j://host}
   * @param user user name; {@code null} or blank connects without authentication
   * @param password password for {@code user}; ignored without a user ({@code null} is sent as
   *     empty)
   * @param database database name, or {@code null} for the server's default database
   * @return a connected store
   * @throws IllegalArgumentException if {@code uri} is not a valid Neo4j URI
   * @throws StoreUnavailableException if the server cannot be reached within {@link
   *     #CONNECT_TIMEOUT}, rejects the credentials, or has no such database; the message names the
   *     URI, the reason and what to check
   */
  public static Neo4jStore connect(String uri, String user, String password, String database) {
    AuthToken auth =
        user == null || user.isBlank()
            ? AuthTokens.none()
            : AuthTokens.basic(user, password == null ? "" : password);
    Config config =
        Config.builder()
            .withConnectionTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .withUserAgent("newsgraph")
            .withLogging(Logging.slf4j())
            .build();
    Driver driver;
    try {
      driver = GraphDatabase.driver(uri, auth, config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid Neo4j URI '"
              + uri
              + "': "
              + e.getMessage()
              + " (expected e.g. bolt://host:7687)",
          e);
    }
    String db = database == null || database.isBlank() ? null : database;
    Neo4jStore store = new Neo4jStore(driver, uri, db);
    try {
      driver.verifyConnectivity();
      if (db != null) {
        try (Session session = store.session(AccessMode.READ)) {
          session.run("RETURN 1").consume();
        }
      }
      return store;
    } catch (RuntimeException e) {
      driver.close();
      throw connectFailure(uri, db, e);
    }
  }

  private static RuntimeException connectFailure(String uri, String db, RuntimeException e) {
    if (e instanceof AuthenticationException) {
      return new StoreUnavailableException(
          "Neo4j at "
              + uri
              + " rejected the credentials ("
              + e.getMessage()
              + "); check"
              + " --neo4j-user/--neo4j-password or NEO4J_USERNAME/NEO4J_PASSWORD",
          e);
    }
    if (e instanceof ServiceUnavailableException) {
      return new StoreUnavailableException(
          "Cannot connect to Neo4j at "
              + uri
              + " ("
              + e.getMessage()
              + "); is the server"
              + " running? check --neo4j-uri / NEO4J_URI",
          e);
    }
    if (e instanceof SecurityException) {
      return new StoreUnavailableException(
          "Secure connection to Neo4j at "
              + uri
              + " failed ("
              + e.getMessage()
              + "); check the"
              + " URI scheme (bolt:// vs bolt+s://) and the server's certificate",
          e);
    }
    if (e instanceof FatalDiscoveryException && db != null) {
      return new StoreUnavailableException(
          "Neo4j at "
              + uri
              + " has no usable database '"
              + db
              + "' ("
              + e.getMessage()
              + "); check the database name",
          e);
    }
    return new StoreUnavailableException("Cannot use Neo4j at " + uri + ": " + e.getMessage(), e);
  }

  /**
   * @return the underlying driver; owned by this store, do not close it separately
   */
  public Driver driver() {
    return driver;
  }

  /**
   * @return the URI this store was connected with
   */
  public String uri() {
    return uri;
  }

  /**
   * @return the database name, or {@code null} for the server's default database
   */
  public String database() {
    return database;
  }

  /**
   * Opens a session on this store's database.
   *
   * @param mode {@link AccessMode#READ} or {@link AccessMode#WRITE}
   * @return a new session; the caller closes it
   */
  public Session session(AccessMode mode) {
    SessionConfig.Builder b = SessionConfig.builder().withDefaultAccessMode(mode);
    if (database != null) {
      b.withDatabase(database);
    }
    return driver.session(b.build());
  }

  /**
   * Runs one Cypher statement in a managed transaction and returns all its rows.
   *
   * <p>Values are converted by {@link #plain(Value)}: nodes, relationships and paths become maps
   * and lists, temporal values become ISO-8601 strings.
   *
   * @param cypher the statement; put every value in {@code params}, never in the text
   * @param params query parameters ({@code $name} in the statement); {@code null} for none
   * @param write {@code false} runs a read transaction, in which any write is refused; {@code true}
   *     runs a write transaction
   * @param timeout server-side transaction timeout, or {@code null} for the server's default
   * @return the column names and rows
   * @throws IllegalStateException if {@code write} is false and the statement tries to write
   *     (nothing is written)
   * @throws org.neo4j.driver.exceptions.Neo4jException for other failures (syntax errors, timeouts,
   *     constraint violations), with the server's message
   */
  public TabularResult query(
      String cypher, Map<String, Object> params, boolean write, Duration timeout) {
    Map<String, Object> p = params == null ? Map.of() : params;
    TransactionConfig txConfig =
        timeout == null
            ? TransactionConfig.empty()
            : TransactionConfig.builder().withTimeout(timeout).build();
    TransactionCallback<TabularResult> work =
        tx -> {
          Result result = tx.run(cypher, p);
          List<String> columns = result.keys();
          List<List<Object>> rows = new ArrayList<>();
          while (result.hasNext()) {
            Record record = result.next();
            List<Object> row = new ArrayList<>(record.size());
            for (Value v : record.values()) {
              row.add(plain(v));
            }
            rows.add(row);
          }
          return new TabularResult(columns, rows);
        };
    try (Session session = session(write ? AccessMode.WRITE : AccessMode.READ)) {
      return write ? session.executeWrite(work, txConfig) : session.executeRead(work, txConfig);
    } catch (ClientException e) {
      if (!write && ACCESS_MODE_ERROR.equals(e.code())) {
        throw new IllegalStateException(
            "The query tries to write, but queries run read-only unless writing is allowed"
                + " explicitly; nothing was changed (Neo4j: "
                + e.getMessage()
                + ")",
            e);
      }
      throw e;
    }
  }

  /**
   * Whether {@code e} says that Neo4j stopped a transaction at its time limit (the client's
   * timeout, {@code db.transaction.timeout}, or {@code serve}'s limit): a {@link
   * org.neo4j.driver.exceptions.Neo4jException} with a {@code Neo.ClientError.Transaction.TransactionTimedOut*}
   * code.
   */
  public static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.neo4j.driver.exceptions.Neo4jException n && n.code() != null
          && n.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Runs a read-only statement that returns one row with one number, e.g. {@code MATCH (n) RETURN
   * count(n)}.
   *
   * @param cypher the statement
   * @return the number
   * @throws org.neo4j.driver.exceptions.NoSuchRecordException if there is not exactly one row
   */
  public long count(String cypher) {
    try (Session session = session(AccessMode.READ)) {
      return session.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
    }
  }

  /**
   * Converts a driver value to plain Java: {@code null}, {@link Boolean}, {@link Long}, {@link
   * Double}, {@link String}, {@link List}, {@link Map} (insertion-ordered). Nodes become {@code
   * {labels: [..], properties: {..}}}, relationships {@code {type: .., properties: {..}}}, paths
   * the list {@code [node, relationship, node, ...]}; dates, times and date-times become ISO-8601
   * strings (an offset, not a zone id, when the zone is an offset), durations ISO-8601 strings such
   * as {@code P1M2DT3S}, points {@code {srid, x, y[, z]}}, byte arrays Base64 strings.
   *
   * @param value a driver value (may be {@code null} or the Cypher null)
   * @return the plain Java value
   */
  public static Object plain(Value value) {
    return value == null || value.isNull() ? null : plainObject(value.asObject());
  }

  private static Object plainObject(Object o) {
    if (o == null || o instanceof String || o instanceof Boolean) {
      return o;
    }
    if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
      return ((Number) o).longValue();
    }
    if (o instanceof Float) {
      return ((Float) o).doubleValue();
    }
    if (o instanceof Number) {
      return o;
    }
    if (o instanceof Value v) {
      return plain(v);
    }
    if (o instanceof Node n) {
      Map<String, Object> m = new LinkedHashMap<>();
      List<String> labels = new ArrayList<>();
      n.labels().forEach(labels::add);
      m.put("labels", labels);
      m.put("properties", plainObject(n.asMap()));
      return m;
    }
    if (o instanceof Relationship r) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", r.type());
      m.put("properties", plainObject(r.asMap()));
      return m;
    }
    if (o instanceof Path path) {
      List<Object> list = new ArrayList<>();
      list.add(plainObject(path.start()));
      for (Path.Segment s : path) {
        list.add(plainObject(s.relationship()));
        list.add(plainObject(s.end()));
      }
      return list;
    }
    if (o instanceof Map<?, ?> map) {
      Map<String, Object> m = new LinkedHashMap<>();
      map.forEach((k, v) -> m.put(String.valueOf(k), plainObject(v)));
      return m;
    }
    if (o instanceof Iterable<?> it) {
      List<Object> list = new ArrayList<>();
      it.forEach(e -> list.add(plainObject(e)));
      return list;
    }
    if (o instanceof Point pt) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("srid", (long) pt.srid());
      m.put("x", pt.x());
      m.put("y", pt.y());
      if (!Double.isNaN(pt.z())) {
        m.put("z", pt.z());
      }
      return m;
    }
    if (o instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    if (o instanceof IsoDuration d) {
      return d.toString();
    }
    return TabularResult.isoText(o);
  }

  /** Closes the driver and its connections. Idempotent. */
  @Override
  public void close() {
    driver.close();
  }
}
