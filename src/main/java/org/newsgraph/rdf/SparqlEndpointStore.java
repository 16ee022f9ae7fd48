package org.newsgraph.rdf;

import java.net.Authenticator;
import java.net.ConnectException;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.util.FmtUtils;
import org.newsgraph.StoreUnavailableException;
import org.newsgraph.TabularResult;

/**
 * The RDF side on a SPARQL 1.1 server instead of the embedded TDB2: Apache Jena Fuseki, GraphDB or
 * any store with the SPARQL 1.1 Query, Update and Graph Store protocols, reached through Jena's
 * {@link RDFConnection}.
 *
 * <ul>
 *   <li>Named graphs are written with the Graph Store protocol ({@code PUT} replaces a graph) and
 *       read with it ({@code GET}); a graph is removed with SPARQL Update ({@code DROP GRAPH});
 *       {@link #stamp}, {@link #graphNames}, {@link #quadCount} and {@link #select} are queries.
 *   <li>Blank nodes are replaced by Skolem IRIs ({@value #GENID}{@code <uuid>}, RDF 1.1 section
 *       3.5) when a graph is written, because a server cannot name the same blank node in two
 *       requests, and Neo4j keeps each resource by name.
 *   <li>Endpoints: for a URL containing {@code /repositories/} (GraphDB, RDF4J) queries go to the
 *       URL, updates to {@code URL/statements} and the Graph Store protocol to {@code
 *       URL/rdf-graphs/service}; for any other URL (a Fuseki dataset, e.g. {@code
 *       http://localhost:3030/newsgraph}) all three go to the URL itself (a trailing {@code /sparql}
 *       or {@code /query} is dropped).
 *   <li>{@link #around} fetches the named graphs that mention the given resources (found with one
 *       query per 200 resources), or every graph when that is more than half of them.
 * </ul>
 *
 * Failures to reach the server become {@link StoreUnavailableException}s naming the URL and reason.
 */
public final class SparqlEndpointStore implements RdfStore {
  /** Prefix of the Skolem IRIs that replace blank nodes. */
  public static final String GENID = "https://w3id.org/newsgraph/.well-known/genid/";
  /** Timeout to open a connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int VALUES_BATCH = 200;

  private final String url;
  private final RDFConnection conn;

  private SparqlEndpointStore(String url, RDFConnection conn) {
    this.url = url;
    this.conn = conn;
  }

  /**
   * Connects and checks that the endpoint answers a query ({@code ASK {}}).
   *
   * @param url the dataset (Fuseki) or repository (GraphDB) URL
   * @param user user for HTTP basic authentication, or {@code null}
   * @param password its password
   * @throws IllegalArgumentException when {@code url} is not an http(s) URL
   * @throws StoreUnavailableException when the endpoint cannot be reached or refuses the request
   */
  public static SparqlEndpointStore connect(String url, String user, String password) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid SPARQL endpoint URL '" + url + "': " + e.getMessage(), e);
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("invalid SPARQL endpoint URL '" + url + "': give an http:// or https:// URL"
          + " such as http://localhost:3030/newsgraph");
    }
    String base = uri.toString().replaceAll("/+$", "");
    String query;
    String update;
    String gsp;
    if (base.contains("/repositories/")) {
      query = base;
      update = base + "/statements";
      gsp = base + "/rdf-graphs/service";
    } else {
      base = base.replaceAll("/(sparql|query)$", "");
      query = base;
      update = base;
      gsp = base;
    }
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL);
    if (user != null && !user.isBlank()) {
      char[] pw = password == null ? new char[0] : password.toCharArray();
      http.authenticator(new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(user, pw);
        }
      });
    }
    RDFConnection conn = RDFConnectionRemote.newBuilder()
        .destination(base)
        .queryEndpoint(query)
        .updateEndpoint(update)
        .gspEndpoint(gsp)
        .httpClient(http.build())
        .triplesFormat(RDFFormat.NTRIPLES)
        .quadsFormat(RDFFormat.NQUADS)
        .acceptHeaderGraph("application/n-triples")
        .acceptHeaderDataset("application/n-quads")
        .build();
    SparqlEndpointStore store = new SparqlEndpointStore(base, conn);
    try {
      store.call("reach", () -> conn.queryAsk("ASK {}"));
      return store;
    } catch (RuntimeException e) {
      conn.close();
      throw e;
    }
  }

  /** The endpoint URL (dataset or repository). */
  public String url() {
    return url;
  }

  @Override
  public String describe() {
    return "SPARQL endpoint " + url;
  }

  /**
   * Replaces the graph (Graph Store protocol {@code PUT}), with blank nodes replaced by Skolem IRIs.
   *
   * @return the content as stored (with the Skolem IRIs)
   */
  @Override
  public Model replaceGraph(String graphIri, Model content) {
    Model stored = skolemize(content);
    call("write the graph <" + graphIri + ">", () -> {
      conn.put(graphIri, stored);
      return null;
    });
    return stored;
  }

  /** {@code content} with each blank node replaced by a fresh Skolem IRI; {@code content} itself when it has none. */
  static Model skolemize(Model content) {
    Graph g = content.getGraph();
    boolean blank = g.stream().anyMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank());
    if (!blank) {
      return content;
    }
    Map<Node, Node> names = new HashMap<>();
    Model out = ModelFactory.createDefaultModel();
    out.setNsPrefixes(content.getNsPrefixMap());
    g.find().forEachRemaining(t -> out.getGraph().add(Triple.create(
        skolem(t.getSubject(), names), t.getPredicate(), skolem(t.getObject(), names))));
    return out;
  }

  private static Node skolem(Node n, Map<Node, Node> names) {
    return n.isBlank() ? names.computeIfAbsent(n, b -> NodeFactory.createURI(GENID + UUID.randomUUID())) : n;
  }

  @Override
  public boolean removeGraph(String graphIri) {
    boolean present = call("read", () -> conn.queryAsk("ASK { GRAPH " + iri(graphIri) + " { ?s ?p ?o } }"));
    if (present) {
      call("remove the graph <" + graphIri + ">", () -> {
        conn.update("DROP SILENT GRAPH " + iri(graphIri));
        return null;
      });
    }
    return present;
  }

  @Override
  public Set<Node> resourcesOf(String graphIri) {
    return TdbStore.resources(fetch(graphIri).getGraph());
  }

  /** The named graph, empty when the server has no such graph. */
  Model fetch(String graphIri) {
    return call("read the graph <" + graphIri + ">", () -> {
      try {
        return conn.fetch(graphIri);
      } catch (HttpException e) {
        if (e.getStatusCode() == 404) {
          return ModelFactory.createDefaultModel();
        }
        throw e;
      }
    });
  }

  @Override
  public Stamp stamp(String articleIri) {
    String a = iri(articleIri);
    List<Stamp> found = new ArrayList<>();
    call("read", () -> {
      conn.querySelect("PREFIX ng: <" + NG.NS + "> SELECT ?h ?v WHERE { GRAPH " + a + " { " + a
          + " ng:contentHash ?h ; ng:extractorVersion ?v } } LIMIT 1",
          s -> found.add(new Stamp(s.getLiteral("h").getString(), s.getLiteral("v").getString())));
      return null;
    });
    return found.isEmpty() ? null : found.get(0);
  }

  @Override
  public List<String> graphNames() {
    Set<String> names = new TreeSet<>();
    call("read", () -> {
      conn.querySelect("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", s -> {
        if (s.get("g").isURIResource()) {
          names.add(s.getResource("g").getURI());
        }
      });
      return null;
    });
    return new ArrayList<>(names);
  }

  @Override
  public long quadCount() {
    long[] n = {0};
    call("read", () -> {
      conn.querySelect("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", s -> n[0] = s.getLiteral("n").getLong());
      return null;
    });
    return n[0];
  }

  @Override
  public Dataset snapshot() {
    return fetchGraphs(graphNames());
  }

  private Dataset fetchGraphs(Iterable<String> names) {
    Dataset copy = DatasetFactory.create();
    for (String g : names) {
      Model m = fetch(g);
      if (!m.isEmpty()) {
        copy.addNamedModel(g, m);
        copy.getDefaultModel().setNsPrefixes(m.getNsPrefixMap());
      }
    }
    return copy;
  }

  /** The named graphs that mention any of {@code resources} (IRIs; blank nodes cannot be asked for), in memory. */
  @Override
  public Dataset around(Set<Node> resources) {
    List<Node> iris = resources.stream().filter(Node::isURI).toList();
    if (iris.isEmpty()) {
      return DatasetFactory.create();
    }
    List<String> all = graphNames();
    Set<String> wanted = new TreeSet<>();
    for (int from = 0; from < iris.size() && wanted.size() * 2 <= all.size(); from += VALUES_BATCH) {
      StringBuilder values = new StringBuilder();
      for (Node n : iris.subList(from, Math.min(iris.size(), from + VALUES_BATCH))) {
        values.append(iri(n.getURI())).append(' ');
      }
      String q = "SELECT DISTINCT ?g WHERE { VALUES ?n { " + values + "} GRAPH ?g { { ?n ?p ?o } UNION { ?s ?p ?n } } }";
      call("read", () -> {
        conn.querySelect(q, s -> {
          if (s.get("g").isURIResource()) {
            wanted.add(s.getResource("g").getURI());
          }
        });
        return null;
      });
    }
    return fetchGraphs(wanted.size() * 2 > all.size() ? all : wanted);
  }

  @Override
  public Set<Node> allResources() {
    Set<Node> nodes = new java.util.HashSet<>();
    for (String g : graphNames()) {
      nodes.addAll(resourcesOf(g));
    }
    return nodes;
  }

  @Override
  public TabularResult select(String sparql, long timeoutMillis) {
    Query query = QueryFactory.create(sparql);
    if (!query.isSelectType() && !query.isAskType()) {
      throw new IllegalArgumentException("only SELECT and ASK queries give rows; use 'newsgraph export' for RDF");
    }
    SparqlGuard.check(query);
    return call("query", () -> {
      var builder = conn.newQuery().query(query);
      if (timeoutMillis > 0) {
        builder = builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
      }
      try (QueryExecution qe = builder.build()) {
        if (query.isAskType()) {
          return new TabularResult(List.of("ask"), List.of(List.of(qe.execAsk())));
        }
        ResultSet rs = qe.execSelect();
        List<String> cols = rs.getResultVars();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.hasNext()) {
          QuerySolution sol = rs.next();
          List<Object> row = new ArrayList<>();
          for (String c : cols) {
            row.add(TdbStore.value(sol.get(c)));
          }
          rows.add(row);
        }
        return new TabularResult(cols, rows);
      } catch (RuntimeException e) {
        if (has(e, HttpTimeoutException.class) || has(e, java.net.SocketTimeoutException.class)) {
          throw new QueryCancelledException();
        }
        throw e;
      }
    });
  }

  private static String iri(String iri) {
    return FmtUtils.stringForNode(NodeFactory.createURI(iri));
  }

  /** Runs a request; turns a failure to reach or use the server into a {@link StoreUnavailableException}. */
  private <T> T call(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (HttpException | QueryExceptionHTTP e) {
      int status = e instanceof HttpException h ? h.getStatusCode() : ((QueryExceptionHTTP) e).getStatusCode();
      if (has(e, HttpTimeoutException.class) && what.equals("query")) {
        throw new QueryCancelledException();
      }
      if (status == 401 || status == 403) {
        throw new StoreUnavailableException("the SPARQL endpoint " + url + " refused to " + what + " (HTTP " + status
            + "); check --sparql-user/--sparql-password or NEWSGRAPH_SPARQL_USER/NEWSGRAPH_SPARQL_PASSWORD", e);
      }
      if (status <= 0 || has(e, ConnectException.class) || has(e, java.io.IOException.class)) {
        throw new StoreUnavailableException("Cannot reach the SPARQL endpoint " + url + " (" + reason(e)
            + "); is the server running? check --sparql-endpoint / NEWSGRAPH_SPARQL_ENDPOINT", e);
      }
      throw new StoreUnavailableException("the SPARQL endpoint " + url + " failed to " + what + ": HTTP " + status
          + " " + reason(e), e);
    }
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    String top = e.getMessage();
    if (m == null || m.isBlank()) {
      m = root.getClass().getSimpleName();
    }
    if (top != null && !top.isBlank() && root != e && !top.contains(m)) {
      m = top + ": " + m;
    }
    return m.replaceAll("\\s+", " ").strip();
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    conn.close();
  }
}
