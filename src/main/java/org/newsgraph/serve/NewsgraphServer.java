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
import org.apache.jena.query.Query;
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
 *       authentication) for Neo4j Browser, Neo4j Desktop, cypher-shell or any driver. With an
 *       external Neo4j ({@code --neo4j-uri}) nothing is started and the query box uses that one.
 *   <li>SPARQL: an embedded Fuseki over the TDB2 dataset, read-only, at {@code
 *       http://127.0.0.1:HTTP_PORT/newsgraph/sparql} (also {@code /newsgraph/query}); its default
 *       graph is the union of the articles, as for {@code newsgraph sparql}. Every query goes
 *       through {@link SparqlGuard#check} first, as for {@code newsgraph sparql}: {@code SERVICE},
 *       {@code FROM}/{@code FROM NAMED} and script or Java functions are refused with HTTP 400 and
 *       the reason; {@code SERVICE} is also switched off in the dataset's context.
 *   <li>The network page at {@code http://127.0.0.1:HTTP_PORT/}, with a Cypher box that posts to
 *       {@code /api/cypher}: JSON {@code {"query": "..."}} in (Content-Type application/json, so a
 *       page from another origin cannot send it without a CORS pre-flight, which is refused), JSON
 *       {@code {"columns": [...], "rows": [[...]], "truncated": false}} or {@code {"error": "..."}}
 *       out. Queries run in read transactions (writes are refused), at most 30 s, first {@value
 *       #MAX_ROWS} rows.
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
  private boolean closed;

  private NewsgraphServer(TdbStore tdb, EmbeddedNeo4j embedded, Neo4jStore neo4j, FusekiServer fuseki,
      ActorNetwork network) {
    this.tdb = tdb;
    this.embedded = embedded;
    this.neo4j = neo4j;
    this.fuseki = fuseki;
    this.network = network;
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
   */
  public record Neo4jTarget(java.nio.file.Path embeddedHome, int boltPort, String uri, String user, String password,
      String database) {
    /** An embedded Neo4j in {@code home} with Bolt on {@code boltPort} (0 = any free port). */
    public static Neo4jTarget embedded(java.nio.file.Path home, int boltPort) {
      return new Neo4jTarget(home, boltPort, null, null, null, null);
    }

    /** A Neo4j server. */
    public static Neo4jTarget server(String uri, String user, String password, String database) {
      return new Neo4jTarget(null, 0, uri, user, password, database);
    }
  }

  /**
   * Opens the stores and starts the servers; on any failure, what was started is stopped again.
   *
   * @param tdbDir the TDB2 dataset folder
   * @param neo4jTarget the Neo4j to serve or use
   * @param httpPort the HTTP port on 127.0.0.1 for the page and SPARQL; 0 picks a free one
   * @return the running server
   * @throws StoreUnavailableException if a store cannot be opened or a port is taken
   */
  public static NewsgraphServer start(java.nio.file.Path tdbDir, Neo4jTarget neo4jTarget, int httpPort) {
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("HTTP port must be 1-65535 (or 0 for any free port), not " + httpPort);
    }
    TdbStore tdb = TdbStore.open(tdbDir);
    EmbeddedNeo4j embedded = null;
    Neo4jStore neo4j = null;
    try {
      ActorNetwork network = NetworkLayout.apply(NetworkProjection.project(tdb.dataset(), NetworkFilter.ALL));
      if (neo4jTarget.uri() == null) {
        embedded = EmbeddedNeo4j.start(neo4jTarget.embeddedHome(), neo4jTarget.boltPort());
        neo4j = Neo4jStore.connect(embedded.boltUri(), null, null, null);
      } else {
        neo4j = Neo4jStore.connect(neo4jTarget.uri(), neo4jTarget.user(), neo4jTarget.password(), neo4jTarget.database());
      }
      DatasetGraph dsg = tdb.dataset().asDatasetGraph();
      dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
      SparqlGuard.lockDown(dsg.getContext());
      Holder holder = new Holder();
      FusekiServer fuseki = FusekiServer.create()
          .port(httpPort)
          .loopback(true)
          // every SPARQL query, whatever the endpoint name, is checked as 'newsgraph sparql' checks it
          .registerOperation(Operation.Query, new GuardedQuery())
          .add("/" + DATASET, dsg, false)
          .addServlet("/api/cypher", new CypherServlet(neo4j))
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
      NewsgraphServer server = new NewsgraphServer(tdb, embedded, neo4j, fuseki, network);
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

  /** Fuseki's query service for a dataset, with {@link SparqlGuard#check} on every query. */
  private static final class GuardedQuery extends SPARQL_QueryDataset {
    @Override
    protected void validateQuery(HttpAction action, Query query) {
      super.validateQuery(action, query);
      try {
        SparqlGuard.check(query);
      } catch (IllegalArgumentException e) {
        ServletOps.errorBadRequest(e.getMessage());
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

    CypherServlet(Neo4jStore neo4j) {
      this.neo4j = neo4j;
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
        TabularResult r = neo4j.query(query, Map.of(), false, Duration.ofSeconds(30));
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
    m.put("Bolt", boltUri() + (embedded != null ? " (embedded Neo4j, no authentication)" : ""));
    return m;
  }
}
