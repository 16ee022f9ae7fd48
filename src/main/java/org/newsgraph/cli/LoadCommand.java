package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.TabularResult;
import org.newsgraph.neo4j.ArticleUpdater;
import org.newsgraph.neo4j.LoadStats;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.neo4j.RdfGraphLoader;
import org.newsgraph.rdf.RdfInput;
import org.newsgraph.rdf.RdfStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsgraph load FILE...}: any RDF into the RDF store and Neo4j; {@code load --from-store}:
 * the stored RDF into Neo4j again (to finish a {@code build} or {@code load} whose Neo4j side
 * failed).
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Loads RDF files, in any syntax Apache Jena reads and from any source (not only newsgraph's own), "
          + "into the RDF store (TDB2 under the data folder, or --sparql-endpoint) and then into Neo4j.",
      "",
      "Graphs: the triples of a file that has no named graphs (Turtle, N-Triples, RDF/XML, ...), and the "
          + "default-graph triples of one that has, go to one named graph per file, named after the file's "
          + "absolute path (file:///...) or --graph; named graphs (TriG, N-Quads, JSON-LD) keep their names. "
          + "Each graph replaces the stored graph of the same name, so loading a file again replaces what "
          + "it loaded before. Neo4j is then recomputed around every resource those graphs touch, as "
          + "'build' does for articles: rdf:type becomes labels, literals properties, IRIs nodes with a "
          + "unique uri, other triples relationships (the mapping: docs/graph-model.md).",
      "",
      "Syntax: from the extension (.ttl .nt .nq .trig .jsonld .rdf .owl .trix .rj ...; .gz for gzip, "
          + "e.g. data.nt.gz), or -f. Files are read safely: RDF/XML with external entities, parameter "
          + "entities or entities that expand too far (billion laughs) is refused before parsing, and "
          + "JSON-LD never fetches a remote @context (such files fail with the reason). A file that "
          + "cannot be read is reported and skipped; the others are loaded (exit 1).",
      "",
      "--from-store loads everything the RDF store holds into Neo4j and deletes the Resource nodes "
          + "no stored graph mentions: the way to finish a 'build' or 'load' that stored its RDF but could "
          + "not reach Neo4j (unreachable server, wrong password, a crash), or to rebuild Neo4j from TDB2.",
      "",
      "Progress goes to standard error every few seconds on long loads; the summary (triples, time, "
          + "triples per second) to standard output.",
      "",
      "Examples:",
      "  newsgraph load ontology.ttl dbpedia-sample.nt.gz",
      "  newsgraph load --graph https://example.org/graph/people people.rdf",
      "  newsgraph --neo4j-uri bolt://localhost:7687 load --from-store"
    })
final class LoadCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "RDF files (.gz for gzip).")
  List<Path> files = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "Syntax of every FILE, instead of the extension: turtle, ntriples, nquads, trig, jsonld, "
          + "rdfxml, trix, rdfjson, thrift, ... (Jena's names and extensions).")
  String format;

  @Option(names = "--graph", paramLabel = "IRI",
      description = "Name of the graph for the file's triples (one FILE only; default: the file's file: IRI).")
  String graph;

  @Option(names = "--from-store",
      description = "Load everything in the RDF store into Neo4j (after the FILEs, if any).")
  boolean fromStore;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "10000",
      description = "Resources recomputed in Neo4j per round when it already holds data; progress is reported "
          + "between rounds (default: ${DEFAULT-VALUE}). An empty Neo4j is filled in one pass instead.")
  int batch;

  @Spec CommandSpec spec;

  /** Seconds between progress lines. */
  static final long PROGRESS_SECONDS = 5;

  /**
   * Most triples a first load keeps in memory after storing them, to fill an empty Neo4j without
   * reading the store back (about 0.5 GB of heap per million triples).
   */
  static final long HANDOFF_TRIPLES = 2_000_000;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (files.isEmpty() && !fromStore) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give RDF files to load, or --from-store to load the stored RDF into Neo4j");
    }
    if (graph != null && files.size() != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--graph names the graph of one FILE; give one");
    }
    if (graph != null) {
      IRIx iri;
      try {
        iri = IRIx.create(graph);
      } catch (RuntimeException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--graph " + graph + " is not an IRI: "
            + e.getMessage());
      }
      if (!iri.isAbsolute()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--graph " + graph
            + " is not an absolute IRI (e.g. https://example.org/graph/1)");
      }
    }
    if (batch < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be at least 1");
    }
    Map<Path, Lang> langs = new LinkedHashMap<>();
    for (Path f : files) {
      langs.put(f, RdfInput.langOf(f, format)); // an unknown format is a usage error, before anything is opened
    }
    long t0 = System.nanoTime();
    int failures = 0;
    // Ctrl-C: one line saying what is kept and what to run, and nothing else after it
    try (Interruption interruption = Interruption.install("load", spec.commandLine().getErr());
        RdfStore rdf = Stores.rdf(GlobalOptions.stores()); Stores.BackgroundNeo4j neo4j = new Stores.BackgroundNeo4j(GlobalOptions.stores())) {
      PrintWriter err = interruption.guard(spec.commandLine().getErr());
      int[] storedFiles = {0};
      interruption.step(() -> "interrupted while storing the RDF in " + Stores.rdfLocation(rdf) + "; the graphs of "
          + storedFiles[0] + " file(s) are stored (each file's graphs all or nothing, in batches). Run the same"
          + " 'newsgraph load' again: it replaces what is stored and loads Neo4j");
      if (fromStore) {
        neo4j.start();
      }
      Set<Node> affected = new HashSet<>();
      // A first load (no graph stored yet) keeps what it parsed, up to HANDOFF_TRIPLES, so that an
      // empty Neo4j is filled from memory rather than by reading it all back from the store.
      Map<String, Model> parsed = !fromStore && rdf instanceof org.newsgraph.rdf.TdbStore && rdf.graphNames().isEmpty()
          ? new LinkedHashMap<>() : null;
      long triples = 0;
      int loadedFiles = 0;
      Set<String> graphNames = new java.util.TreeSet<>();
      long readNanos = 0;
      long storeNanos = 0;
      for (Map.Entry<Path, Lang> e : langs.entrySet()) {
        Path f = e.getKey();
        if (!Files.isRegularFile(f)) {
          failures++;
          err.println(ArticleGuard.printable("skipped " + f + ": no such file"));
          continue;
        }
        long tr = System.nanoTime();
        Collector c = new Collector(f, graph != null ? graph : fileIri(f), err);
        try {
          RdfInput.parse(f, e.getValue(), c);
        } catch (RdfInput.RdfInputException ex) {
          failures++;
          err.println(ArticleGuard.printable("skipped " + f + ": " + ex.getMessage()));
          continue;
        }
        neo4j.start(); // once there is something to load: Neo4j starts while the RDF is stored
        long ts = System.nanoTime();
        readNanos += ts - tr;
        Map<String, Model> graphs = c.models();
        if (c.count >= 100_000) {
          err.println(ArticleGuard.printable(String.format(Locale.ROOT, "%s: storing %,d triples in %s...", f, c.count,
              rdf.describe())));
          err.flush();
        }
        affected.addAll(ArticleUpdater.storeRdf(rdf, graphs));
        if (parsed != null) {
          parsed.putAll(graphs);
          if (triples + c.count > HANDOFF_TRIPLES) {
            parsed = null; // too much to hold: Neo4j reads the store instead
          }
        }
        storeNanos += System.nanoTime() - ts;
        loadedFiles++;
        storedFiles[0] = loadedFiles;
        triples += c.count;
        graphNames.addAll(graphs.keySet());
        err.println(ArticleGuard.printable(String.format(Locale.ROOT, "%s: %,d triples in %d graph(s) (read %.1f s,"
            + " stored in %.1f s)", f, c.count, graphs.size(), (ts - tr) / 1e9, (System.nanoTime() - ts) / 1e9)));
      }
      if (loadedFiles == 0 && !fromStore) {
        err.println("newsgraph: nothing was loaded (every file was skipped, see above)");
        return Main.INPUT_FAILED;
      }
      interruption.step(() -> "interrupted while loading Neo4j; the RDF is stored in " + Stores.rdfLocation(rdf)
          + " (newsgraph sparql works now), Neo4j has only part of it. Run 'newsgraph load --from-store' to finish");
      long tn = System.nanoTime();
      LoadStats stats;
      long neoNodes;
      long neoRels;
      String described;
      try (Stores.Neo4jConnection neo = neo4j.get()) {
        if (fromStore) {
          affected.addAll(rdf.allResources());
          affected.addAll(neo4jResources(neo.store()));
        }
        stats = refresh(rdf, parsed, neo.store(), affected, batch, err);
        if (fromStore) {
          // everything stored was recomputed: what an interrupted build or remove left is loaded too
          PendingLoads.clear(GlobalOptions.dataDir);
        }
        neoNodes = neo.store().count("MATCH (n:" + RdfGraphLoader.RESOURCE_LABEL + ") RETURN count(n)");
        neoRels = neo.store().count("MATCH ()-[r]->() RETURN count(r)");
        described = neo.describe();
      } catch (RuntimeException e) {
        if (loadedFiles == 0) {
          throw e;
        }
        return Neo4jAfterRdf.report(e, loadedFiles + " file(s) (" + String.format(Locale.ROOT, "%,d", triples)
            + " triples)", Stores.rdfLocation(rdf), Neo4jAfterRdf.loadFromStore(), err);
      }
      interruption.step(() -> null); // done: what is left to do is closing
      long neoNanos = System.nanoTime() - tn;
      long total = System.nanoTime() - t0;
      if (fromStore) {
        triples = rdf.quadCount();
        graphNames.addAll(rdf.graphNames());
      }
      out.printf(Locale.ROOT, "%s: %,d triples in %,d named graph(s)%s.%n",
          fromStore ? "Loaded the stored RDF into Neo4j" + (loadedFiles > 0 ? " (with " + loadedFiles + " file(s))" : "")
              : "Loaded " + loadedFiles + " file(s)",
          triples, graphNames.size(), failures > 0 ? "; " + failures + " file(s) skipped (see above)" : "");
      out.printf(Locale.ROOT, "  Neo4j:     %,d resource(s) recomputed; it holds %,d Resource node(s) and %,d"
          + " relationship(s)%n", stats.nodes(), neoNodes, neoRels);
      out.printf(Locale.ROOT, "  time:      read %.1f s, store %.1f s, neo4j %.1f s, total %.1f s (%,.0f triples/s)%n",
          readNanos / 1e9, storeNanos / 1e9, neoNanos / 1e9, total / 1e9, triples / Math.max(total / 1e9, 1e-3));
      out.printf("RDF:         %s (query: newsgraph sparql \"...\")%n", rdf.describe());
      out.printf("Graph:       %s (query: newsgraph query \"...\")%n", described);
    }
    return failures > 0 ? Main.INPUT_FAILED : Main.OK;
  }

  /** The name of the graph of a file's triples: its absolute path as a {@code file:} IRI. */
  static String fileIri(Path f) {
    return f.toAbsolutePath().normalize().toUri().toString();
  }

  /**
   * Recomputes Neo4j around {@code affected} in rounds of {@code batch} resources (see {@link
   * RdfGraphLoader#refresh}), printing progress on {@code err} every {@value #PROGRESS_SECONDS} s;
   * into a Neo4j with no {@code Resource} node yet, loads the whole RDF store in one pass instead
   * ({@link RdfGraphLoader#load(Dataset, boolean)}, the same graph), from {@code storeContent} when
   * not null (everything the store holds, as just parsed), else from the store.
   */
  static LoadStats refresh(RdfStore rdf, Map<String, Model> storeContent, Neo4jStore neo4j, Set<Node> affected,
      int batch, PrintWriter err) {
    long t0 = System.nanoTime();
    RdfGraphLoader loader = new RdfGraphLoader(neo4j);
    if (loader.isEmpty()) {
      // Nothing in Neo4j yet: one pass over the whole store gives what refreshing every resource
      // would, with `sources`, several times faster (docs/graph-model.md, Loading any RDF).
      loader.onProgress(line -> {
        err.println(line);
        err.flush();
      }, (int) PROGRESS_SECONDS);
      if (storeContent == null) {
        return loader.load(rdf.all(), true);
      }
      Dataset inMemory = org.apache.jena.query.DatasetFactory.create();
      storeContent.forEach((name, model) -> {
        inMemory.addNamedModel(name, model);
        inMemory.getDefaultModel().setNsPrefixes(model.getNsPrefixMap()); // as the store keeps them
      });
      return loader.load(inMemory, true);
    }
    Dataset source = rdf.around(affected);
    List<Node> nodes = new ArrayList<>(affected);
    long n = 0;
    long r = 0;
    long p = 0;
    long lastReport = System.nanoTime();
    for (int from = 0; from < nodes.size(); from += batch) {
      int to = Math.min(nodes.size(), from + batch);
      LoadStats s = loader.refresh(source, new HashSet<>(nodes.subList(from, to)));
      n += s.nodes();
      r += s.relationships();
      p += s.properties();
      if (System.nanoTime() - lastReport >= PROGRESS_SECONDS * 1_000_000_000L && to < nodes.size()) {
        lastReport = System.nanoTime();
        err.printf(Locale.ROOT, "Neo4j: %,d of %,d resources (%d%%), %.0f s%n", to, nodes.size(),
            (int) (100L * to / nodes.size()), (lastReport - t0) / 1e9);
        err.flush();
      }
    }
    return new LoadStats(n, r, p, (System.nanoTime() - t0) / 1_000_000);
  }

  /** The {@code uri} of every {@code :Resource} node, as RDF nodes (blank nodes for {@code _:label}). */
  private static Set<Node> neo4jResources(Neo4jStore store) {
    TabularResult rows = store.query("MATCH (n:" + RdfGraphLoader.RESOURCE_LABEL + ") RETURN n.uri AS uri",
        Map.of(), false, null);
    Set<Node> nodes = new HashSet<>();
    for (List<Object> row : rows.rows()) {
      if (row.get(0) instanceof String u) {
        nodes.add(u.startsWith("_:") ? NodeFactory.createBlankNode(u.substring(2)) : NodeFactory.createURI(u));
      }
    }
    return nodes;
  }

  /** Collects a parsed file into one model per graph, counting and reporting progress. */
  private static final class Collector extends StreamRDFBase {
    private final Path file;
    private final String fileGraph;
    private final PrintWriter err;
    private final Map<String, Graph> graphs = new LinkedHashMap<>();
    private final PrefixMapping prefixes = PrefixMapping.Factory.create();
    private final long t0 = System.nanoTime();
    private long lastReport = System.nanoTime();
    long count;

    Collector(Path file, String fileGraph, PrintWriter err) {
      this.file = file;
      this.fileGraph = fileGraph;
      this.err = err;
    }

    @Override
    public void triple(Triple t) {
      add(fileGraph, t);
    }

    @Override
    public void quad(Quad q) {
      Node g = q.getGraph();
      String name = g == null || Quad.isDefaultGraph(g) ? fileGraph
          : g.isURI() ? g.getURI() : fileGraph + "#graph-" + g.getBlankNodeLabel();
      add(name, q.asTriple());
    }

    @Override
    public void prefix(String prefix, String iri) {
      prefixes.setNsPrefix(prefix, iri);
    }

    private void add(String name, Triple t) {
      graphs.computeIfAbsent(name, k -> org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph()).add(t);
      if ((++count & 0xFFFF) == 0 && System.nanoTime() - lastReport >= PROGRESS_SECONDS * 1_000_000_000L) {
        lastReport = System.nanoTime();
        err.println(ArticleGuard.printable(String.format(Locale.ROOT, "%s: %,d triples read, %.0f s", file, count,
            (lastReport - t0) / 1e9)));
        err.flush();
      }
    }

    /** The graphs as models, each with the file's prefixes; the file's own graph even when empty. */
    Map<String, Model> models() {
      Map<String, Model> m = new LinkedHashMap<>();
      if (graphs.isEmpty()) {
        graphs.put(fileGraph, org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph());
      }
      graphs.forEach((name, g) -> {
        Model model = ModelFactory.createModelForGraph(g);
        model.setNsPrefixes(prefixes);
        m.put(name, model);
      });
      return m;
    }
  }
}
