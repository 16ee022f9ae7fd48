package org.newsgraph.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2;
import org.newsgraph.StoreUnavailableException;
import org.newsgraph.TabularResult;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.rdf.SparqlGuard;
import org.newsgraph.rdf.TdbStore;
import org.newsgraph.viz.ActorNetwork;
import org.newsgraph.viz.NetworkFilter;
import org.newsgraph.viz.NetworkLayout;
import org.newsgraph.viz.NetworkPage;
import org.newsgraph.viz.NetworkProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code newsgraph serve}: the data folder's stores opened for other programs, all on loopback.
 *
 * <ul>
 *   <li>Bolt: the embedded Neo4j stays open on {@code bolt://127.0.0.1:BOLT_PORT} (no
 *       authentication) for Neo4j Browser, Neo4j Desktop, cypher-shell or any driver. The database
 *       is read-only unless {@link Options#write()}: the server refuses {@code CREATE}, {@code SET},
 *       {@code DELETE} and index changes whatever access mode a client's session asks for. A
 *       transaction that runs longer than {@link Options#queryTimeout()} is terminated by the
 *       server ({@code Neo.ClientError.Transaction.TransactionTimedOut}), also when the client set
 *       a longer timeout of its own. With an external Neo4j ({@code --neo4j-uri}) nothing is
 *       started, that server's own settings apply to its Bolt port, and the query box uses it.
 *   <li>SPARQL: an embedded Fuseki over the TDB2 dataset, read-only, at {@code
 *       http://127.0.0.1:HTTP_PORT/newsgraph/sparql} (also {@code /newsgraph/query}); its default
 *       graph is the union of the articles, as for {@code newsgraph sparql}. Every query goes
 *       through {@link SparqlGuard#check} first, as for {@code newsgraph sparql}: {@code SERVICE},
 *       {@code FROM}/{@code FROM NAMED} and script or Java functions are refused with HTTP 400 and
 *       the reason; {@code SERVICE} is also switched off in the dataset's context. A query still
 *       running after {@link Options#queryTimeout()} is cancelled (Jena's {@code arq:queryTimeout}
 *       in the dataset's context, which a request's own {@code timeout} parameter cannot raise) and
 *       answered with HTTP 503 and the reason, or, when its results were already streaming, cut off.
 *   <li>The network page at {@code http://127.0.0.1:HTTP_PORT/}, with a Cypher box that posts to
 *       {@code /api/cypher}: JSON {@code {"query": "..."}} in (Content-Type application/json, so a
 *       page from another origin cannot send it without a CORS pre-flight, which is refused), JSON
 *       {@code {"columns": [...], "rows": [[...]], "truncated": false}} or {@code {"error": "..."}}
 *       out. Queries run in read transactions (writes are refused, also with {@link
 *       Options#write()}), at most {@link Options#queryTimeout()}, first {@value #MAX_ROWS} rows.
 * </ul>
 *
 * <p>The page and Fuseki share Fuseki's Jetty, one HTTP port. {@link #close()} stops the three and
 * releases the data folder, which can then be opened again. Not thread-safe to start and close
 * concurrently; the servlets are.
 */
public final class NewsgraphServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NewsgraphServer.class);
  /** Rows returned by the query box at most. */
  public static final int MAX_ROWS = 1000;
  /** The Fuseki dataset name: SPARQL at {@code /newsgraph/sparql}. */
  public static final String DATASET = "newsgraph";

  private final TdbStore tdb;
  private final EmbeddedNeo4j embedded;
  private final Neo4jStore neo4j;
  private final FusekiServer fuseki;
  private final ActorNetwork network;
  private final Options options;
  private boolean closed;

  private NewsgraphServer(TdbStore tdb, EmbeddedNeo4j embedded, Neo4jStore neo4j, FusekiServer fuseki,
      ActorNetwork network, Options options) {
    this.tdb = tdb;
    this.embedded = embedded;
    this.neo4j = neo4j;
    this.fuseki = fuseki;
    this.network = network;
    this.options = options;
  }

  /**
   * Where Neo4j is: an embedded database to start, or a server to connect to.
   *
   * @param embeddedHome home folder of the embedded database, or {@code null} for a server
   * @param boltPort Bolt port for the embedded database on 127.0.0.1 (0 = any free port)
   * @param uri the server's Bolt URI, or {@code null} for embedded
   * @param user user name for the server, or {@code null} for none
   * @param password password for the server
   * @param database database on the server, or {@code null} for its default
   * @param pageCacheBytes the embedded database's page cache in bytes (0: {@link
   *     EmbeddedNeo4j#DEFAULT_PAGE_CACHE_BYTES})
   */
  public record Neo4jTarget(java.nio.file.Path embeddedHome, int boltPort, String uri, String user, String password,
      String database, long pageCacheBytes) {
    /** An embedded Neo4j in {@code home} with Bolt on {@code boltPort} (0 = any free port). */
    public static Neo4jTarget embedded(java.nio.file.Path home, int boltPort) {
      return new Neo4jTarget(home, boltPort, null, null, null, null, 0);
    }

    /** A Neo4j server. */
    public static Neo4jTarget server(String uri, String user, String password, String database) {
      return new Neo4jTarget(null, 0, uri, user, password, database, 0);
    }

    /** A copy whose embedded database has a page cache of {@code bytes} (0: the default). */
    public Neo4jTarget withPageCache(long bytes) {
      return new Neo4jTarget(embeddedHome, boltPort, uri, user, password, database, bytes);
    }
  }

  /**
   * What clients may do.
   *
   * @param write whether Bolt clients of the embedded Neo4j may write ({@code serve --write}); the
   *     SPARQL endpoint and the page's query box stay read-only either way
   * @param queryTimeout the longest a SPARQL query or a Neo4j transaction may run ({@code serve
   *     --query-timeout})
   */
  public record Options(boolean write, Duration queryTimeout) {
    /** Read-only, {@value #DEFAULT_TIMEOUT_SECONDS} s per query. */
    public static final Options DEFAULT = new Options(false, Duration.ofSeconds(Options.DEFAULT_TIMEOUT_SECONDS));
    /** The default query time limit in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    /**
     * @throws IllegalArgumentException if the timeout is missing, zero or negative
     */
    public Options {
      if (queryTimeout == null || queryTimeout.isZero() || queryTimeout.isNegative()) {
        throw new IllegalArgumentException("the query timeout must be at least 1 s, not " + queryTimeout);
      }
    }
  }

  /** As {@link #start(java.nio.file.Path, Neo4jTarget, int, Options)} with {@link Options#DEFAULT}. */
  public static NewsgraphServer start(java.nio.file.Path tdbDir, Neo4jTarget neo4jTarget, int httpPort) {
    return start(tdbDir, neo4jTarget, httpPort, Options.DEFAULT);
  }

  /**
   * Opens the stores and starts the servers; on any failure, what was started is stopped again.
   *
   * @param tdbDir the TDB2 dataset folder
   * @param neo4jTarget the Neo4j to serve or use
   * @param httpPort the HTTP port on 127.0.0.1 for the page and SPARQL; 0 picks a free one
   * @param options what clients may do: writes over Bolt, the time limit per query
   * @return the running server
   * @throws StoreUnavailableException if a store cannot be opened or a port is taken
   */
  public static NewsgraphServer start(java.nio.file.Path tdbDir, Neo4jTarget neo4jTarget, int httpPort,
      Options options) {
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("HTTP port must be 1-65535 (or 0 for any free port), not " + httpPort);
    }
    TdbStore tdb = TdbStore.open(tdbDir);
    EmbeddedNeo4j embedded = null;
    Neo4jStore neo4j = null;
    try {
      ActorNetwork network = NetworkLayout.apply(NetworkProjection.project(tdb.dataset(), NetworkFilter.ALL));
      if (neo4jTarget.uri() == null) {
        embedded = EmbeddedNeo4j.start(neo4jTarget.embeddedHome(), neo4jTarget.boltPort(),
            new EmbeddedNeo4j.Policy(options.write(), options.queryTimeout(), neo4jTarget.pageCacheBytes()));
        neo4j = Neo4jStore.connect(embedded.boltUri(), null, null, null);
      } else {
        neo4j = Neo4jStore.connect(neo4jTarget.uri(), neo4jTarget.user(), neo4jTarget.password(), neo4jTarget.database());
      }
      DatasetGraph dsg = tdb.dataset().asDatasetGraph();
      dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
      SparqlGuard.lockDown(dsg.getContext());
      // Fuseki cancels a query after this many milliseconds; a request's 'timeout' can only lower it
      dsg.getContext().set(ARQ.queryTimeout, Long.toString(options.queryTimeout().toMillis()));
      Holder holder = new Holder();
      FusekiServer fuseki = FusekiServer.create()
          .port(httpPort)
          .loopback(true)
          // every SPARQL query, whatever the endpoint name, is checked as 'newsgraph sparql' checks it
          .registerOperation(Operation.Query, new GuardedQuery(options.queryTimeout()))
          .add("/" + DATASET, dsg, false)
          .addServlet("/api/cypher", new CypherServlet(neo4j, options.queryTimeout()))
          .addServlet("", new PageServlet(holder))
          .addServlet("/index.html", new PageServlet(holder))
          .build();
      try {
        fuseki.start();
      } catch (RuntimeException e) {
        if (hasBindFailure(e)) {
          throw new StoreUnavailableException("HTTP port " + httpPort + " on 127.0.0.1 is in use; stop what uses"
              + " it or choose another port", e);
        }
        throw e;
      }
      NewsgraphServer server = new NewsgraphServer(tdb, embedded, neo4j, fuseki, network, options);
      holder.html = NetworkPage.html(network, NetworkPage.Mode.SERVER, Map.of(
          "sparql", server.sparqlUrl(), "bolt", server.boltUri()));
      return server;
    } catch (RuntimeException e) {
      if (neo4j != null) {
        neo4j.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      tdb.close();
      throw e;
    }
  }

  private static boolean hasBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException || t.getClass().getSimpleName().contains("Bind")) {
        return true;
      }
    }
    return false;
  }

  /** The page's address, {@code http://127.0.0.1:PORT/}. */
  public String pageUrl() {
    return "http://127.0.0.1:" + fuseki.getHttpPort() + "/";
  }

  /** The SPARQL query endpoint. */
  public String sparqlUrl() {
    return "http://127.0.0.1:" + fuseki.getHttpPort() + "/" + DATASET + "/sparql";
  }

  /** The Bolt address clients connect to. */
  public String boltUri() {
    return embedded != null ? embedded.boltUri() : neo4j.uri();
  }

  /** The HTTP port. */
  public int httpPort() {
    return fuseki.getHttpPort();
  }

  /** The network the page shows. */
  public ActorNetwork network() {
    return network;
  }

  /** What clients may do. */
  public Options options() {
    return options;
  }

  /** Stops Fuseki, disconnects from and stops Neo4j, closes the TDB2 dataset. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      fuseki.stop();
    } catch (RuntimeException e) {
      LOG.debug("stopping Fuseki", e);
    }
    try {
      neo4j.close();
    } finally {
      try {
        if (embedded != null) {
          embedded.close();
        }
      } finally {
        tdb.close();
      }
    }
  }

  private static final class Holder {
    volatile String html = "";
  }

  /**
   * Fuseki's query service for a dataset, with {@link SparqlGuard#check} on every query and a
   * timeout message that says which limit stopped the query.
   */
  private static final class GuardedQuery extends SPARQL_QueryDataset {
    private final String timedOut;

    GuardedQuery(Duration limit) {
      this.timedOut = "the query ran longer than the server's limit of " + limit.toSeconds()
          + " s (newsgraph serve --query-timeout) and was stopped; narrow it (LIMIT, more specific patterns)";
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
      super.validateQuery(action, query);
      try {
        SparqlGuard.check(query);
      } catch (IllegalArgumentException e) {
        ServletOps.errorBadRequest(e.getMessage());
      }
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query query, String queryStringLog) {
      try {
        return super.executeQuery(action, queryExec, query, queryStringLog);
      } catch (QueryCancelledException e) {
        ServletOps.error(HttpServletResponse.SC_SERVICE_UNAVAILABLE, timedOut);
        throw e;
      }
    }

    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue qPrologue) {
      try {
        super.sendResults(action, result, qPrologue);
      } catch (QueryCancelledException e) {
        ServletOps.error(HttpServletResponse.SC_SERVICE_UNAVAILABLE, timedOut);
        throw e;
      }
    }
  }

  /** GET / : the page. */
  private static final class PageServlet extends HttpServlet {
    private final transient Holder holder;

    PageServlet(Holder holder) {
      this.holder = holder;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      String path = req.getRequestURI();
      if (!path.equals("/") && !path.equals("/index.html")) {
        resp.sendError(HttpServletResponse.SC_NOT_FOUND, "Not found: the page is at /, SPARQL at /" + DATASET + "/sparql");
        return;
      }
      resp.setContentType("text/html; charset=utf-8");
      resp.setHeader("Cache-Control", "no-store");
      resp.getOutputStream().write(holder.html.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** POST /api/cypher : a read-only Cypher query. */
  private static final class CypherServlet extends HttpServlet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final transient Neo4jStore neo4j;
    private final Duration timeout;

    CypherServlet(Neo4jStore neo4j, Duration timeout) {
      this.neo4j = neo4j;
      this.timeout = timeout;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setContentType("application/json; charset=utf-8");
      String type = req.getContentType();
      if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
        resp.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        write(resp, error("send the query as JSON {\"query\": \"...\"} with Content-Type application/json"));
        return;
      }
      String query;
      try {
        JsonNode body = JSON.readTree(req.getInputStream());
        query = body == null ? null : body.path("query").asText(null);
      } catch (IOException e) {
        resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        write(resp, error("the body is not JSON: " + e.getMessage()));
        return;
      }
      if (query == null || query.isBlank()) {
        resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        write(resp, error("no query"));
        return;
      }
      try {
        TabularResult r = neo4j.query(query, Map.of(), false, timeout);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode cols = out.putArray("columns");
        r.columns().forEach(cols::add);
        ArrayNode rows = out.putArray("rows");
        List<List<Object>> all = r.rows();
        for (List<Object> row : all.subList(0, Math.min(MAX_ROWS, all.size()))) {
          rows.add(JSON.valueToTree(row));
        }
        out.put("truncated", all.size() > MAX_ROWS);
        write(resp, out);
      } catch (RuntimeException e) {
        if (Neo4jStore.isTimeout(e)) {
          resp.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
          write(resp, error("the query ran longer than the server's limit of " + timeout.toSeconds()
              + " s (newsgraph serve --query-timeout) and was stopped; narrow it (LIMIT, more specific patterns)"));
          return;
        }
        resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        write(resp, error(e.getMessage() != null ? e.getMessage() : e.toString()));
      }
    }

    private static ObjectNode error(String message) {
      ObjectNode o = JSON.createObjectNode();
      o.put("error", message);
      return o;
    }

    private static void write(HttpServletResponse resp, JsonNode json) throws IOException {
      resp.getOutputStream().write(JSON.writeValueAsBytes(json));
    }
  }

  /** For messages: what is being served where. */
  public Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Page", pageUrl());
    m.put("SPARQL", sparqlUrl());
    m.put("Bolt", boltUri() + (embedded != null ? " (embedded Neo4j, no authentication, "
        + (options.write() ? "writable" : "read-only") + ")" : ""));
    m.put("Limit", options.queryTimeout().toSeconds() + " s per query (SPARQL" + (embedded != null ? ", Bolt" : "")
        + " and the page's query box)");
    return m;
  }
}
