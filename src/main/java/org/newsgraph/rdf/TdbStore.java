package org.newsgraph.rdf;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.newsgraph.StoreUnavailableException;
import org.newsgraph.TabularResult;

/**
 * The RDF side of the store: an Apache Jena TDB2 dataset in a folder, one named graph per article
 * (graph name = article IRI). Queries see the union of all graphs as their default graph, so
 * SPARQL needs no GRAPH clause; {@code GRAPH ?g} still selects per article.
 */
public final class TdbStore implements RdfStore {
  private final Path dir;
  private final Dataset dataset;
  private Runnable onClose = () -> {};

  private TdbStore(Path dir, Dataset dataset) {
    this.dir = dir;
    this.dataset = dataset;
  }

  /**
   * Opens (creating if needed) the TDB2 dataset in {@code dir}.
   *
   * @throws StoreUnavailableException when the folder cannot be created or is locked by another
   *     process
   */
  public static TdbStore open(Path dir) {
    try {
      Files.createDirectories(dir);
      return new TdbStore(dir, TDB2Factory.connectDataset(dir.toString()));
    } catch (Exception e) {
      throw new StoreUnavailableException("cannot open the RDF store (TDB2) in " + dir + ": " + e.getMessage()
          + "; if another newsgraph process uses this data folder, stop it or pass another --data-dir", e);
    }
  }

  /** The folder of the dataset. */
  public Path dir() {
    return dir;
  }

  @Override
  public String describe() {
    return "TDB2 in " + dir.toAbsolutePath();
  }

  /** Runs {@code action} after the dataset is closed (e.g. to release a lock held for it). */
  public TdbStore onClose(Runnable action) {
    this.onClose = action;
    return this;
  }

  /**
   * What {@link #compact} did.
   *
   * @param bytesBefore the disk space of the dataset folder before, in bytes ({@link #folderBytes})
   * @param bytesAfter its size after
   * @param millis how long it took
   */
  public record Compaction(long bytesBefore, long bytesAfter, long millis) {}

  /**
   * Rewrites the dataset into a new generation holding only what is current, and deletes the old
   * one. TDB2 writes each transaction copy-on-write and never frees the old blocks, so a store that
   * was written batch by batch is several times larger than its data (12 GB for the 8.9 million
   * quads of 20,000 generated articles, 3.1 GB after compaction). Jena's {@code
   * DatabaseMgr.compact}; the quads, graphs and prefixes stay the same. Other transactions on
   * this dataset wait until it ends; no other process may use the folder (the data folder lock sees
   * to that).
   *
   * @throws org.apache.jena.dboe.DBOpEnvException if the dataset cannot be compacted (for example
   *     not enough disk space for the new generation)
   */
  public Compaction compact() {
    long t0 = System.nanoTime();
    long before = folderBytes(dir);
    org.apache.jena.tdb2.DatabaseMgr.compact(dataset.asDatasetGraph(), true);
    return new Compaction(before, folderBytes(dir), (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The disk space the files under {@code dir} take, in bytes: what {@code du -sk} reports where
   * there is a {@code du} (TDB2's files are sparse: their lengths count the space mapped ahead, a
   * few hundred MB even for an empty store), else the sum of the files' lengths.
   */
  public static long folderBytes(Path dir) {
    try {
      Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
      String line = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      if (du.waitFor() == 0 && line.matches("\\d+\\s.*")) {
        return Long.parseLong(line.split("\\s+", 2)[0]) * 1024;
      }
    } catch (java.io.IOException e) {
      // no du here: the files' lengths below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the size of " + dir, e);
    }
  }

  /** The underlying dataset; use it inside a transaction. */
  public Dataset dataset() {
    return dataset;
  }

  /** Replaces the named graph {@code graphIri} with {@code content}, in one write transaction. */
  @Override
  public Model replaceGraph(String graphIri, Model content) {
    Txn.executeWrite(dataset, () -> {
      if (dataset.containsNamedModel(graphIri)) {
        dataset.removeNamedModel(graphIri);
      }
      dataset.addNamedModel(graphIri, content);
      dataset.getDefaultModel().setNsPrefixes(content.getNsPrefixMap());
    });
    return content;
  }

  /**
   * Replaces several named graphs in one write transaction (one commit, one sync to disk, for the
   * whole batch; all or nothing): each graph named by a key gets the value as its content.
   *
   * @param graphs graph IRI to its new content; iteration order is the storing order
   * @return {@code graphs} itself (TDB2 stores the content as it is)
   */
  @Override
  public java.util.Map<String, Model> replaceGraphs(java.util.Map<String, Model> graphs) {
    Txn.executeWrite(dataset, () -> {
      for (java.util.Map.Entry<String, Model> e : graphs.entrySet()) {
        if (dataset.containsNamedModel(e.getKey())) {
          dataset.removeNamedModel(e.getKey());
        }
        dataset.addNamedModel(e.getKey(), e.getValue());
        dataset.getDefaultModel().setNsPrefixes(e.getValue().getNsPrefixMap());
      }
    });
    return graphs;
  }

  /**
   * Removes the named graph {@code graphIri}, in one write transaction.
   *
   * @return whether the dataset held that graph
   */
  @Override
  public boolean removeGraph(String graphIri) {
    return Txn.calculateWrite(dataset, () -> {
      if (!dataset.containsNamedModel(graphIri)) {
        return false;
      }
      dataset.removeNamedModel(graphIri);
      return true;
    });
  }

  /**
   * The resources of one named graph: every IRI or blank node that is a subject, or the object (also
   * a triple term {@code <<( s p o )>>}) of a triple whose predicate is not {@code rdf:type} (the nodes {@link
   * org.newsgraph.neo4j.RdfGraphLoader} makes of it).
   *
   * @return a new set; empty when there is no such graph
   */
  @Override
  public java.util.Set<org.apache.jena.graph.Node> resourcesOf(String graphIri) {
    return Txn.calculateRead(dataset, () -> resources(dataset.getNamedModel(graphIri).getGraph()));
  }

  /** The resources of a graph, as {@link #resourcesOf} defines them. */
  public static java.util.Set<org.apache.jena.graph.Node> resources(org.apache.jena.graph.Graph g) {
    java.util.Set<org.apache.jena.graph.Node> nodes = new java.util.HashSet<>();
    g.find().forEachRemaining(t -> {
      nodes.add(t.getSubject());
      org.apache.jena.graph.Node o = t.getObject();
      if ((o.isURI() || o.isBlank() || o.isTripleTerm()) && !t.getPredicate().equals(org.apache.jena.vocabulary.RDF.type.asNode())) {
        nodes.add(o);
      }
    });
    return nodes;
  }

  /**
   * What the stored graph of an article says about how it was made: its {@code ng:contentHash} and
   * {@code ng:extractorVersion} (on the article resource, whose IRI is the graph name).
   *
   * @return the pair, or {@code null} when the graph is missing or lacks either value
   */
  @Override
  public Stamp stamp(String articleIri) {
    return Txn.calculateRead(dataset, () -> {
      if (!dataset.containsNamedModel(articleIri)) {
        return null;
      }
      Model m = dataset.getNamedModel(articleIri);
      org.apache.jena.rdf.model.Resource a = m.createResource(articleIri);
      org.apache.jena.rdf.model.Statement h = a.getProperty(NG.contentHash);
      org.apache.jena.rdf.model.Statement v = a.getProperty(NG.extractorVersion);
      return h == null || v == null ? null : new Stamp(h.getString(), v.getString());
    });
  }

  /** Names of all graphs, sorted. */
  @Override
  public List<String> graphNames() {
    return Txn.calculateRead(dataset, () -> {
      List<String> names = new ArrayList<>();
      Iterator<String> it = dataset.listNames();
      it.forEachRemaining(names::add);
      names.sort(null);
      return names;
    });
  }

  /** Number of quads in all named graphs. */
  @Override
  public long quadCount() {
    return Txn.calculateRead(dataset, () -> dataset.asDatasetGraph().stream().count());
  }

  /** The TDB2 dataset itself: read it inside a read transaction. */
  @Override
  public Dataset all() {
    return dataset;
  }

  /** A copy of every graph, in memory (for loading into Neo4j and exporting). */
  @Override
  public Dataset snapshot() {
    return Txn.calculateRead(dataset, () -> {
      Dataset copy = org.apache.jena.query.DatasetFactory.create();
      copy.getDefaultModel().add(dataset.getDefaultModel());
      copy.getDefaultModel().setNsPrefixes(dataset.getDefaultModel().getNsPrefixMap());
      Iterator<String> it = dataset.listNames();
      while (it.hasNext()) {
        String n = it.next();
        Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        m.add(dataset.getNamedModel(n));
        copy.addNamedModel(n, m);
      }
      return copy;
    });
  }

  /** The dataset itself: read it inside a read transaction. */
  @Override
  public Dataset around(java.util.Set<org.apache.jena.graph.Node> resources) {
    return dataset;
  }

  @Override
  public java.util.Set<org.apache.jena.graph.Node> allResources() {
    return Txn.calculateRead(dataset, () -> {
      java.util.Set<org.apache.jena.graph.Node> nodes = new java.util.HashSet<>();
      org.apache.jena.sparql.core.DatasetGraph dsg = dataset.asDatasetGraph();
      for (Iterator<org.apache.jena.graph.Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
        nodes.addAll(resources(dsg.getGraph(it.next())));
      }
      return nodes;
    });
  }

  /** Writes every graph in {@code format}, in the RDF of {@code version}. */
  @Override
  public void export(RdfFormat format, RdfVersion version, OutputStream out) {
    Dataset copy = snapshot();
    PrefixMapping prefixes = copy.getDefaultModel();
    RdfIO.write(copy, format, out, prefixes, version);
  }

  /**
   * Runs a SPARQL SELECT or ASK query in a read transaction over the union of all graphs.
   *
   * @param timeoutMillis stop the query after this many milliseconds; 0 for no limit
   * @return the rows: IRIs as their full string, literals as their lexical form, numbers as
   *     {@code Long}/{@code Double}, blank nodes as {@code _:label}; ASK gives one column {@code ask}
   * @throws org.apache.jena.query.QueryParseException when the query does not parse
   * @throws IllegalArgumentException for CONSTRUCT and DESCRIBE, which have no rows, and for
   *     queries that {@link SparqlGuard#check} refuses ({@code SERVICE}, {@code FROM}, script
   *     functions)
   * @throws org.apache.jena.query.QueryCancelledException when the time limit passes
   */
  @Override
  public TabularResult select(String sparql, long timeoutMillis) {
    Query query = QueryFactory.create(sparql);
    if (!query.isSelectType() && !query.isAskType()) {
      throw new IllegalArgumentException("only SELECT and ASK queries give rows; use 'newsgraph export' for RDF");
    }
    SparqlGuard.check(query);
    if (query.isAskType()) {
      return Txn.calculateRead(dataset, () -> {
        try (QueryExecution qe = execution(query, timeoutMillis)) {
          return new TabularResult(List.of("ask"), List.of(List.of(qe.execAsk())));
        }
      });
    }
    List<List<Object>> rows = new ArrayList<>();
    List<String> cols = eachRow(query, timeoutMillis, rows::add);
    return new TabularResult(cols, rows);
  }

  @Override
  public void selectEach(String sparql, long timeoutMillis, java.util.function.Consumer<List<Object>> row) {
    Query query = QueryFactory.create(sparql);
    if (!query.isSelectType()) {
      throw new IllegalArgumentException("selectEach takes SELECT queries only");
    }
    SparqlGuard.check(query);
    eachRow(query, timeoutMillis, row);
  }

  /**
   * Runs a checked SELECT query in one read transaction and hands each row to {@code row} as it is
   * read (values as {@link #value} gives them).
   *
   * @return the column names
   */
  private List<String> eachRow(Query query, long timeoutMillis, java.util.function.Consumer<List<Object>> row) {
    return Txn.calculateRead(dataset, () -> {
      try (QueryExecution qe = execution(query, timeoutMillis)) {
        ResultSet rs = qe.execSelect();
        List<String> cols = rs.getResultVars();
        while (rs.hasNext()) {
          QuerySolution sol = rs.next();
          List<Object> values = new ArrayList<>(cols.size());
          for (String c : cols) {
            values.add(value(sol.get(c)));
          }
          row.accept(values);
        }
        return cols;
      }
    });
  }

  /** A query over the union graph, with no SERVICE calls, stopped after {@code timeoutMillis} (0: never); call inside a read transaction. */
  private QueryExecution execution(Query query, long timeoutMillis) {
    var builder = QueryExecution.dataset(dataset).query(query).set(TDB2.symUnionDefaultGraph, true)
        .set(org.apache.jena.sparql.exec.http.Service.httpServiceAllowed, false);
    if (timeoutMillis > 0) {
      builder = builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }
    return builder.build();
  }

  /** A query answer as {@link #select} returns it. */
  static Object value(RDFNode n) {
    if (n == null) {
      return null;
    }
    if (n.isURIResource()) {
      return n.asResource().getURI();
    }
    if (n.isAnon()) {
      return "_:" + n.asResource().getId().getLabelString();
    }
    Literal l = n.asLiteral();
    Object v = l.getValue();
    if (v instanceof Number num && !(v instanceof java.math.BigDecimal)) {
      if (num instanceof Double || num instanceof Float) {
        return num.doubleValue();
      }
      return num.longValue();
    }
    return l.getLexicalForm();
  }

  @Override
  public void close() {
    try {
      dataset.close();
      org.apache.jena.tdb2.sys.TDBInternal.expel(dataset.asDatasetGraph());
    } finally {
      onClose.run();
    }
  }
}
