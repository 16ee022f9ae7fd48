package org.newsgraph.neo4j;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;
import org.newsgraph.neo4j.PropertyGraphMapping.Collected;
import org.newsgraph.neo4j.PropertyGraphMapping.NodeData;
import org.newsgraph.neo4j.PropertyGraphMapping.NamespaceData;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads any RDF into Neo4j through a {@link Neo4jStore}, as a labelled property graph.
 *
 * <h2>Mapping</h2>
 *
 * <ul>
 *   <li>Every IRI or blank node that is the subject of a triple, or the object of a triple whose
 *       predicate is not {@code rdf:type}, becomes one node labelled {@value #RESOURCE_LABEL} with
 *       a unique {@code uri} property: the IRI, or {@code "_:"} plus Jena's blank node label (blank
 *       nodes are stable only within one parsed {@link Dataset} or {@link Model}; parsing the same
 *       file twice creates new blank nodes). An RDF 1.2 triple term {@code <<( s p o )>>} (always
 *       an object, e.g. of {@code rdf:reifies}) becomes a node labelled {@value #RESOURCE_LABEL}
 *       and {@value #TRIPLE_TERM_LABEL} whose {@code uri} is the term in N-Triples form ({@link
 *       TermCodec}).
 *   <li>{@code s rdf:type C} (C an IRI) adds the label {@link #labelName(String) labelName(C)},
 *       e.g. {@code schema:Person} -> {@code Person}. A blank node class becomes a {@code TYPE}
 *       relationship instead.
 *   <li>{@code s p "literal"} sets the property {@link #propertyKey(String) propertyKey(p)}, e.g.
 *       {@code schema:birthDate} -> {@code birthDate}. Several values for one key become a sorted
 *       list. Typed literals become: {@code xsd:date} a Neo4j {@code DATE} ({@link LocalDate});
 *       {@code xsd:dateTime}/{@code xsd:dateTimeStamp} a {@code ZONED DATETIME} ({@link
 *       ZonedDateTime}) with a time zone, else a {@code LOCAL DATETIME} ({@link LocalDateTime});
 *       XSD integer types an {@code INTEGER} (long); {@code xsd:decimal}/{@code double}/{@code
 *       float} a {@code FLOAT} (double); {@code xsd:boolean} a {@code BOOLEAN}; each only when the
 *       value gives back the literal's exact lexical form ({@code "0.870"^^xsd:decimal} and
 *       out-of-range or ill-formed values stay strings). Everything else is the lexical form as a
 *       string. The datatype, when not the value's default, is kept in {@code KEY__type}, a
 *       language tag in {@code KEY__lang} ({@link PropertyValues}), so every literal can be given
 *       back. Because Neo4j lists must be homogeneous, a key whose values mix types stores integers
 *       and decimals as doubles, and anything else mixed as the lexical forms. Newsgraph's own
 *       {@code ng:name}, {@code ng:alias}, {@code ng:eventTime}, {@code ng:negated} and {@code
 *       ng:hypothetical} hold one value per node ({@code name} plus a list {@code aliases}, {@code
 *       eventTime} always a string plus {@code eventDate}): see {@link OneValueProperties}.
 *   <li>{@code s p o} (o an IRI, blank node or triple term, p not {@code rdf:type} with an IRI
 *       object) becomes the relationship {@code (s)-[:T]->(o)} with {@code T =} {@link
 *       #relationshipType(String) relationshipType(p)}, e.g. {@code schema:employeeOrMemberOf} ->
 *       {@code EMPLOYEE_OR_MEMBER_OF}; {@code st rdf:reifies <<( s p o )>>} is {@code
 *       (st)-[:REIFIES]->(:TripleTerm)}.
 *   <li>Provenance (RDF-star annotations): when a triple {@code s p o} (o an IRI or blank node) has
 *       a reifier, RDF 1.2 {@code ?st rdf:reifies <<( s p o )>>} (what {@code << s p o >> :a :b}
 *       and {@code s p o {| :a :b |}} mean in Turtle) or RDF 1.1 {@code ?st rdf:subject s;
 *       rdf:predicate p; rdf:object o} in one graph, the relationship also gets that reifier's other
 *       properties as copies: literals under {@link
 *       #propertyKey(String)} as above, IRI objects as their IRI strings (e.g. {@code extractor},
 *       {@code confidence}, {@code stage}, {@code inArticle}, {@code assertedBy}, {@code
 *       evidence}); for {@code ng:evidence} also the evidence resource's {@code ng:anchorOf},
 *       {@code ng:beginIndex} and {@code ng:endIndex} as {@code evidenceText}, {@code
 *       evidenceBegin} and {@code evidenceEnd} (UTF-16 offsets into the article text); plus {@code
 *       statement} (its IRI) and {@code statementCount}. When several statements reify the same
 *       triple (several articles), the first by statement IRI gives the properties; all remain as
 *       nodes (which is what {@link Neo4jRdfExporter} reads back). An event-role relationship ({@code e ng:role x} with {@code e} an {@code ng:Event},
 *       the role not being {@code ng:evidence}, {@code ng:inArticle} or {@code ng:assertedBy}) gets
 *       the event's {@code extractor}, {@code stage}, {@code assertedBy}, {@code inArticle} and
 *       {@code evidence} (with text and offsets), and {@code event}, its IRI. Other relationships have no properties, except {@value #SOURCES} from {@link
 *       #refresh}.
 * </ul>
 *
 * <p>A {@link Dataset} is loaded as the union of its default graph and all named graphs: a triple
 * present in several graphs yields one node, property value or relationship; graph names are not
 * kept.
 *
 * <p>Names are derived from the IRI's local name (see {@link #localName(String)}), reduced to
 * {@code [A-Za-z0-9_]} (any other character becomes {@code _}, a leading digit gets a {@code _}
 * prefix) and always backtick-quoted in Cypher; every value is sent as a query parameter. Two IRIs
 * with the same local name in different namespaces map to the same name (loading works; {@link
 * Neo4jRdfExporter} then refuses to guess). The key {@code uri} is reserved: a predicate named
 * {@code uri} becomes {@code uri_}; a class named {@value #NAMESPACE_LABEL}, {@value
 * #RESOURCE_LABEL} or {@value #TRIPLE_TERM_LABEL} gets a {@code _} appended. A predicate whose key
 * ends in {@code __lang} or {@code __type} is refused with {@link UnmappableRdfException} before
 * anything is written.
 *
 * <h2>Namespace records</h2>
 *
 * <p>So the mapping can be reversed, each load also merges one node per namespace (the IRI up to
 * and including the separator before the local name): {@code (:_Namespace {namespace, prefix,
 * localNames, classes, objectPredicates, dataPredicates})}. {@code prefix} is the prefix the RDF
 * declared for it, if any; the four lists are sorted, duplicate-free local names: all of them, and
 * those used as {@code rdf:type} objects (labels), as predicates with IRI or blank objects
 * (relationship types) and as predicates with literal objects (property keys). The IRI behind a
 * Neo4j label {@code L} is {@code namespace + n} for the {@code n} in some namespace's {@code
 * classes} with {@code labelName(namespace + n).equals(L)}; likewise for the other two. Lists grow
 * across loads.
 *
 * <h2>Writes</h2>
 *
 * <p>The loader first creates the constraints {@code resource_uri} (unique {@code :Resource(uri)})
 * and {@code namespace_iri} (unique {@code :_Namespace(namespace)}) if missing (on another thread,
 * while the RDF is gathered in memory), then merges nodes grouped by label set (and by {@value
 * #SOURCES} list, sent once per statement as {@code $sources}), each statement returning the
 * nodes' element ids, then relationships, which find both ends by element id rather than by an
 * index look-up on {@code uri}. On Neo4j 5.26 and later a relationship row is a start node with
 * all its relationships and the type is set from a value ({@code CREATE (a)-[r:$(x[0])]->(b)});
 * older servers get one statement per relationship type. Everything goes as {@code UNWIND $rows} in
 * managed write transactions of about {@code batchSize} rows or relationships ({@value
 * #DEFAULT_BATCH_SIZE} by default: on the 1-million-triple file of {@code bench/generate-rdf.py}
 * 10,000 gave a median of 48,500 triples/s, 5,000 gave 45,700 and 20,000 42,800). Loading is
 * idempotent: nodes are merged on {@code uri} (labels are added; the properties of this load
 * replace the same keys, other keys stay) and relationships on (start, type, end). Into a database
 * that holds no {@code :Resource} node yet (a first load) nodes and relationships are created
 * instead of merged, which gives the same graph without the uniqueness look-ups (the gathered rows
 * hold no duplicates, and a batch the driver retries was rolled back first). Two processes making a
 * first load into one database at once would both take this path: the unique constraint then fails
 * one of them (re-run it). A load is not atomic: a failure can leave earlier batches written, and
 * re-running the load completes it.
 */
public final class RdfGraphLoader {
  static {
    // Jena must initialise before this class's constants touch its vocabulary (XSD, RDF): when this
    // class is the JVM's first use of Jena, NodeFactory's initialisation otherwise fails in a cycle.
    org.apache.jena.sys.JenaSystem.init();
  }

  private static final Logger LOG = LoggerFactory.getLogger(RdfGraphLoader.class);

  /** Label of every node made from an IRI or blank node. */
  public static final String RESOURCE_LABEL = "Resource";

  /**
   * Label (besides {@value #RESOURCE_LABEL}) of a node made from an RDF 1.2 triple term {@code <<(
   * s p o )>>}, whose {@code uri} is that term's N-Triples form ({@link TermCodec}).
   */
  public static final String TRIPLE_TERM_LABEL = "TripleTerm";

  /** Label of the namespace record nodes. */
  public static final String NAMESPACE_LABEL = "_Namespace";

  /** Default number of rows per write transaction. */
  public static final int DEFAULT_BATCH_SIZE = 10_000;

  private static final String XSD_NS = XSD.NS;
  private static final Set<String> INTEGER_TYPES =
      Set.of(
          "integer",
          "int",
          "long",
          "short",
          "byte",
          "nonNegativeInteger",
          "positiveInteger",
          "nonPositiveInteger",
          "negativeInteger",
          "unsignedLong",
          "unsignedInt",
          "unsignedShort",
          "unsignedByte");
  private static final Set<String> FLOAT_TYPES = Set.of("decimal", "double", "float");
  /** Orders statement groups: by label string, then by sources list (as strings). */
  private static final Comparator<List<Object>> GROUP_ORDER =
      Comparator.comparing((List<Object> k) -> (String) k.get(0)).thenComparing(k -> k.get(1).toString());
  private static final List<String> NS_LISTS =
      List.of("localNames", "classes", "objectPredicates", "dataPredicates");

  private final Neo4jStore store;
  private final int batchSize;
  private java.util.function.Consumer<String> progress = m -> { };
  private long progressEveryNanos = Long.MAX_VALUE;
  private long lastProgress;
  private long rowsDone;
  private long rowsTotal;
  private long writeStart;
  private Boolean dynamicTypes;

  /**
   * Below this many nodes per distinct label set (on average) labels are set from the rows in one
   * statement instead of one statement per label set (see {@code write}).
   */
  private static final int ROWS_PER_STATIC_LABEL_SET = 1_000;

  /**
   * A loader writing {@value #DEFAULT_BATCH_SIZE} rows per transaction.
   *
   * @param store where to load; not closed by the loader
   */
  public RdfGraphLoader(Neo4jStore store) {
    this(store, DEFAULT_BATCH_SIZE);
  }

  /**
   * A loader writing at most {@code batchSize} rows per transaction.
   *
   * @param store where to load; not closed by the loader
   * @param batchSize maximum rows per write transaction
   * @throws IllegalArgumentException if {@code batchSize < 1}
   */
  public RdfGraphLoader(Neo4jStore store, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
    }
    this.store = store;
    this.batchSize = batchSize;
  }

  /**
   * Loads the union of the default graph and all named graphs.
   *
   * @param dataset the RDF; read inside a read transaction if it supports transactions (joining the
   *     caller's transaction if there is one)
   * @return what was sent
   * @throws org.neo4j.driver.exceptions.Neo4jException if Neo4j rejects a write
   * @throws UnmappableRdfException if a predicate's key is a reserved companion key (nothing is
   *     written then)
   */
  public LoadStats load(Dataset dataset) {
    return load(dataset, false);
  }

  /**
   * Loads the union of the default graph and all named graphs, optionally with the {@value
   * #SOURCES} bookkeeping of {@link #refresh}: with {@code withSources}, each node and relationship
   * also gets the sorted list of the named graphs it occurs in, so that loading a whole store into
   * an empty Neo4j gives the same graph as {@link #refresh} of every resource, in one pass (this is
   * how {@code newsgraph load} fills an empty Neo4j).
   *
   * @param dataset the RDF; read inside a read transaction if it supports transactions (joining the
   *     caller's transaction if there is one)
   * @param withSources whether to write {@value #SOURCES}
   * @return what was sent
   * @throws org.neo4j.driver.exceptions.Neo4jException if Neo4j rejects a write
   * @throws UnmappableRdfException if a predicate's key is a reserved companion key (nothing is
   *     written then)
   */
  public LoadStats load(Dataset dataset, boolean withSources) {
    long start = System.nanoTime();
    java.util.concurrent.CompletableFuture<Boolean> prepared = prepare();
    Collected c =
        dataset.supportsTransactions()
            ? Txn.calculateRead(dataset, () -> PropertyGraphMapping.collect(dataset, withSources))
            : PropertyGraphMapping.collect(dataset, withSources);
    LOG.debug("gathered {} nodes in {} ms", c.nodes.size(), (System.nanoTime() - start) / 1_000_000);
    return write(c, start, prepared);
  }

  private static boolean joinPrepared(java.util.concurrent.CompletableFuture<Boolean> prepared) {
    try {
      return prepared.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Creates the constraints and asks whether the database is empty on another thread, while this
   * one gathers the RDF (on a cold JVM the first statements take a second or more).
   */
  private java.util.concurrent.CompletableFuture<Boolean> prepare() {
    return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try (Session session = store.session(AccessMode.WRITE)) {
        createConstraints(session);
      }
      return isEmpty();
    });
  }

  /**
   * Loads one graph.
   *
   * @param model the RDF
   * @return what was sent
   * @throws org.neo4j.driver.exceptions.Neo4jException if Neo4j rejects a write
   */
  public LoadStats load(Model model) {
    long start = System.nanoTime();
    Collected c = new Collected(model.getNsPrefixMap(), false);
    c.addAll(model.getGraph());
    NewsgraphProvenance.addTo(org.apache.jena.sparql.core.DatasetGraphFactory.wrap(model.getGraph()), c);
    return write(c, start, prepare());
  }

  /**
   * Reports the progress of {@link #load} on long loads: {@code listener} gets a line such as
   * {@code "Neo4j: 40,000 of 600,000 nodes and relationships written (6%), 5 s"} at most every
   * {@code seconds} seconds, after a batch commits.
   *
   * @return this loader
   */
  public RdfGraphLoader onProgress(java.util.function.Consumer<String> listener, int seconds) {
    this.progress = listener;
    this.progressEveryNanos = seconds * 1_000_000_000L;
    return this;
  }

  private void advance(int rows) {
    rowsDone += rows;
    long now = System.nanoTime();
    if (now - lastProgress >= progressEveryNanos && rowsDone < rowsTotal) {
      lastProgress = now;
      progress.accept(String.format(java.util.Locale.ROOT, "Neo4j: %,d of %,d nodes and relationships written (%d%%),"
          + " %.0f s", rowsDone, rowsTotal, 100 * rowsDone / Math.max(1, rowsTotal), (now - writeStart) / 1e9));
    }
  }

  /**
   * Creates the loader's constraints if missing and asks whether the database is empty, so that
   * the connection and the query planner are ready before the first load: {@code build} and {@code
   * load} call it on the thread that starts Neo4j while they do other work (on a cold JVM the first
   * statements take a second or two).
   *
   * @throws org.neo4j.driver.exceptions.Neo4jException if Neo4j refuses them
   */
  public void warmUp() {
    try (Session session = store.session(AccessMode.WRITE)) {
      createConstraints(session);
      dynamicTypes(session);
    }
    isEmpty();
  }

  /**
   * Whether the database holds no {@value #RESOURCE_LABEL} node (nothing loaded yet, or everything
   * deleted): then {@link #load(Dataset, boolean)} creates instead of merging.
   *
   * @throws org.neo4j.driver.exceptions.Neo4jException if Neo4j cannot be read
   */
  public boolean isEmpty() {
    return store.count("MATCH (n:" + quote(RESOURCE_LABEL) + ") RETURN count(n) LIMIT 1") == 0;
  }

  /** Property holding the sorted list of named-graph IRIs that support a node or relationship. */
  public static final String SOURCES = "sources";

  /**
   * Makes Neo4j agree with {@code dataset} for the resources {@code affected}: for each one, every
   * quad of the dataset (all graphs, default graph included) that has it as subject or as a
   * non-{@code rdf:type} object is gathered, and then
   *
   * <ul>
   *   <li>a resource with no such quad left is deleted with its relationships;
   *   <li>any other one is merged; its labels and properties are <em>replaced</em> by those the
   *       quads give (so values from every article that mentions it are kept, and values only a
   *       removed or changed article gave are gone); {@value #SOURCES} is the sorted list of the
   *       named graphs it occurs in (absent when it occurs only in the default graph);
   *   <li>all its relationships are deleted and re-created from the quads, each with {@value
   *       #SOURCES}: the named graphs asserting that triple.
   * </ul>
   *
   * <p>Resources not in {@code affected} are only merged on {@code uri} when they are the other end
   * of a relationship; their labels and properties are not touched. This is how one article is
   * replaced or removed: pass the resources of its old and new named graph after changing the
   * dataset (see {@link ArticleUpdater}). The result for the affected resources is the same as a
   * fresh {@link #load(Dataset)} of the whole dataset plus the {@value #SOURCES} lists.
   *
   * @param dataset the RDF store, read inside a read transaction if it supports transactions
   * @param affected IRIs, blank nodes and triple terms whose neighbourhood changed; literals are
   *     ignored
   * @return what was sent: nodes merged or deleted, relationships re-created
   * @throws org.neo4j.driver.exceptions.Neo4jException if Neo4j rejects a write
   */
  public LoadStats refresh(Dataset dataset, Set<Node> affected) {
    return refresh(dataset, affected, false);
  }

  /**
   * As {@link #refresh(Dataset, Set)}, but of the relationships of an affected resource only those
   * that start at it are deleted and re-created; those that end at it are left to the refresh of
   * their start. For a load that refreshes, in parallel writers, every resource of the same graphs
   * once (the Spark job's shards): each relationship is then written once, by its start's writer,
   * instead of by both ends' writers. The dataset still needs each affected resource's incoming
   * quads (they give its {@value #SOURCES}); the provenance of an incoming relationship is not
   * needed.
   *
   * @param dataset the RDF store, read inside a read transaction if it supports transactions
   * @param affected IRIs, blank nodes and triple terms whose neighbourhood changed; literals are
   *     ignored
   * @return what was sent: nodes merged or deleted, relationships re-created (those starting at an
   *     affected resource)
   * @throws org.neo4j.driver.exceptions.Neo4jException if Neo4j rejects a write
   */
  public LoadStats refreshOutgoing(Dataset dataset, Set<Node> affected) {
    return refresh(dataset, affected, true);
  }

  private LoadStats refresh(Dataset dataset, Set<Node> affected, boolean outgoingOnly) {
    long start = System.nanoTime();
    rowsTotal = 0; // no progress lines: a refresh is one round of its caller's
    Collected c =
        dataset.supportsTransactions()
            ? Txn.calculateRead(dataset, () -> PropertyGraphMapping.collectAround(dataset, affected))
            : PropertyGraphMapping.collectAround(dataset, affected);
    Set<String> uris = new TreeSet<>();
    for (Node n : affected) {
      if (n.isURI() || n.isBlank() || n.isTripleTerm()) {
        uris.add(Collected.uri(n));
      }
    }
    List<String> gone = new ArrayList<>();
    List<String> present = new ArrayList<>();
    for (String u : uris) {
      (c.nodes.containsKey(u) ? present : gone).add(u);
    }
    long rels = 0;
    long props = 0;
    try (Session session = store.session(AccessMode.WRITE)) {
      createConstraints(session);
      String resource = quote(RESOURCE_LABEL);
      Writes w = new Writes(session);
      writeBatches(
          w,
          "UNWIND $rows AS row MATCH (n:" + resource + " {uri: row.uri}) DETACH DELETE n",
          rows(gone));
      writeBatches(
          w,
          "UNWIND $rows AS row MATCH (n:" + resource + " {uri: row.uri})-[r]-" + (outgoingOnly ? ">" : "")
              + "() DELETE r",
          rows(present));
      boolean dynamic = dynamicTypes(session);
      if (dynamic) {
        // one statement text for every label set (cold query planning costs about 0.1 s per text)
        writeBatches(w, "UNWIND $rows AS row MATCH (n:" + resource + " {uri: row.uri})"
            + " WITH n, [l IN labels(n) WHERE l <> '" + RESOURCE_LABEL + "'] AS old REMOVE n:$(old)", rows(present));
      } else {
        Map<String, List<Map<String, Object>>> oldLabels = new TreeMap<>();
        readInBatches(session, "UNWIND $rows AS u MATCH (n:" + resource + " {uri: u}) RETURN u, labels(n) AS labels",
            present, r -> {
              StringBuilder labels = new StringBuilder();
              for (Object l : r.get("labels").asList()) {
                if (!RESOURCE_LABEL.equals(l)) {
                  labels.append(':').append(quote(sanitise(String.valueOf(l))));
                }
              }
              if (labels.length() > 0) {
                oldLabels
                    .computeIfAbsent(labels.toString(), k -> new ArrayList<>())
                    .add(Map.of("uri", r.get("u").asString()));
              }
            });
        for (Map.Entry<String, List<Map<String, Object>>> e : oldLabels.entrySet()) {
          writeBatches(
              w,
              "UNWIND $rows AS row MATCH (n:" + resource + " {uri: row.uri}) REMOVE n" + e.getKey(),
              e.getValue());
        }
      }
      Map<String, List<Map<String, Object>>> byLabels = new TreeMap<>();
      List<Map<String, Object>> others = new ArrayList<>();
      for (Map.Entry<String, NodeData> e : c.nodes.entrySet()) {
        if (!uris.contains(e.getKey())) {
          others.add(Map.of("uri", e.getKey()));
          continue;
        }
        NodeData n = e.getValue();
        Map<String, Object> properties = new TreeMap<>();
        OneValueProperties.put(properties, e.getKey(), n.labels, n.handled, n.literals);
        props += n.literals.size() + n.handled.size();
        properties.put("uri", e.getKey());
        if (!n.sources.isEmpty()) {
          properties.put(SOURCES, new ArrayList<>(n.sources));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("uri", e.getKey());
        row.put("props", properties);
        if (dynamic) {
          row.put("labels", List.copyOf(n.labels));
        }
        byLabels.computeIfAbsent(dynamic ? "" : labelPattern(n.labels), k -> new ArrayList<>()).add(row);
      }
      for (Map.Entry<String, List<Map<String, Object>>> e : byLabels.entrySet()) {
        writeBatches(
            w,
            "UNWIND $rows AS row MERGE (n:"
                + resource
                + " {uri: row.uri}) SET n = row.props"
                + (dynamic ? " SET n:$(row.labels)" : e.getKey().isEmpty() ? "" : " SET n" + e.getKey()),
            e.getValue());
      }
      writeBatches(w, "UNWIND $rows AS row MERGE (n:" + resource + " {uri: row.uri})", others);
      List<Map<String, Object>> allRels = new ArrayList<>();
      for (Map.Entry<String, Map<List<String>, Set<String>>> e : c.relationshipSources.entrySet()) {
        List<Map<String, Object>> rows = dynamic ? allRels : new ArrayList<>();
        int before = rows.size();
        for (Map.Entry<List<String>, Set<String>> r : e.getValue().entrySet()) {
          if (outgoingOnly && !uris.contains(r.getKey().get(0))) {
            continue;
          }
          rows.add(Map.of("s", r.getKey().get(0), "o", r.getKey().get(1), "t", e.getKey(),
              "sources", new ArrayList<>(r.getValue()),
              "props", c.provenance.getOrDefault(List.of(e.getKey(), r.getKey().get(0), r.getKey().get(1)), Map.of())));
        }
        if (!dynamic) {
          writeBatches(w, relationshipMerge(quote(e.getKey())), rows);
        }
        rels += rows.size() - before;
      }
      if (dynamic) {
        writeBatches(w, relationshipMerge("$(row.t)"), allRels);
      }
      w.flush();
      writeNamespaces(session, c);
    }
    return new LoadStats(present.size() + gone.size(), rels, props, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * What {@link #add} did.
   *
   * @param stats what was sent: nodes and relationships merged
   * @param unmerged uris of nodes whose stored properties could not be read back exactly (see
   *     {@link OneValueProperties#unput}); they were left as they were, and the caller recomputes
   *     them from the whole store with {@link #refresh}
   */
  public record Added(LoadStats stats, Set<String> unmerged) {}

  /**
   * Adds named graphs that are new to the store (no graph of that name was there before) to what
   * Neo4j holds, reading nothing but the batch and the Neo4j nodes and relationships it touches:
   * the result is what {@link #refresh} of the batch's resources gives after storing the graphs,
   * without reading back, for a node that thousands of stored articles mention, every quad around
   * it (which made each batch of a long build slower and larger than the one before).
   *
   * <ul>
   *   <li>a node gets the union of its labels, its properties are recomputed by {@link
   *       OneValueProperties} from the values it holds (read back with {@link
   *       OneValueProperties#unput}) and the batch's, and its {@value #SOURCES} list gets the new
   *       graphs, sorted by Cypher's string order (code points; Java's order for IRIs without
   *       characters beyond U+FFFF);
   *   <li>a relationship is merged and its {@value #SOURCES} grown the same way; of the reified
   *       statements behind it the one with the first IRI gives its provenance, and {@code
   *       statementCount} adds up (each article reifies its own statements); an event role keeps
   *       the provenance it has (the article stored first).
   * </ul>
   *
   * <p>Not for graphs that replace stored ones or for removals: those take values away, which only
   * {@link #refresh} from the whole store can do.
   *
   * @param graphs the new named graphs by name, in the order they were stored (of the reports of
   *     one story stored together, the first gives its events' provenance, as in TDB2)
   * @return what was sent, and the nodes left to {@link #refresh}
   * @throws org.neo4j.driver.exceptions.Neo4jException if Neo4j rejects a write
   * @throws UnmappableRdfException if a predicate's key is a reserved companion key (nothing is
   *     written then)
   */
  public Added add(Map<String, Model> graphs) {
    long start = System.nanoTime();
    rowsTotal = 0; // no progress lines: one round of its caller's
    Dataset batch = org.apache.jena.query.DatasetFactory.create();
    Map<Node, Integer> order = new HashMap<>();
    Map<String, String> prefixes = new TreeMap<>();
    graphs.forEach((name, m) -> {
      batch.addNamedModel(name, m);
      order.put(org.apache.jena.graph.NodeFactory.createURI(name), order.size());
      m.getNsPrefixMap().forEach(prefixes::putIfAbsent);
    });
    DatasetGraph dsg = batch.asDatasetGraph();
    Collected c = new Collected(prefixes, true);
    graphs.forEach((name, m) -> c.addAll(m.getGraph(), name));
    NewsgraphProvenance.addTo(dsg, c, Comparator.comparing((Node g) -> order.getOrDefault(g, Integer.MAX_VALUE)));
    Set<String> unmerged = new TreeSet<>();
    long props = 0;
    long rels = 0;
    String resource = quote(RESOURCE_LABEL);
    try (Session session = store.session(AccessMode.WRITE)) {
      createConstraints(session);
      boolean dynamic = dynamicTypes(session);
      Map<String, Map<String, Object>> storedNodes = new HashMap<>();
      Map<String, List<String>> storedLabels = new HashMap<>();
      readInBatches(session, "UNWIND $rows AS u MATCH (n:" + resource + " {uri: u})"
          + " RETURN u, labels(n) AS labels, n {.*, " + SOURCES + ": null} AS p", new ArrayList<>(c.nodes.keySet()),
          r -> {
            Map<String, Object> p = storedProperties(r);
            p.remove("uri");
            storedNodes.put(r.get("u").asString(), p);
            storedLabels.put(r.get("u").asString(), r.get("labels").asList(Value::asString));
          });
      Map<String, List<Map<String, Object>>> byLabels = new TreeMap<>();
      for (Map.Entry<String, NodeData> e : c.nodes.entrySet()) {
        String uri = e.getKey();
        NodeData n = e.getValue();
        Set<String> labels = new TreeSet<>(n.labels);
        Map<String, Set<Node>> handled = new TreeMap<>();
        Map<String, Set<Node>> literals = new TreeMap<>();
        Map<String, Object> stored = storedNodes.get(uri);
        if (stored != null) {
          storedLabels.get(uri).forEach(l -> {
            if (!RESOURCE_LABEL.equals(l)) {
              labels.add(l);
            }
          });
          if (!OneValueProperties.unput(stored, uri, labels, handled, literals)) {
            unmerged.add(uri);
            continue;
          }
        }
        n.handled.forEach((k, v) -> handled.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        n.literals.forEach((k, v) -> literals.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        Map<String, Object> properties = new TreeMap<>();
        OneValueProperties.put(properties, uri, labels, handled, literals);
        properties.put("uri", uri);
        props += n.literals.size() + n.handled.size();
        Map<String, Object> row = new HashMap<>();
        row.put("uri", uri);
        row.put("props", properties);
        row.put("sources", new ArrayList<>(n.sources));
        if (dynamic) {
          row.put("labels", List.copyOf(labels));
        }
        byLabels.computeIfAbsent(dynamic ? "" : labelPattern(labels), k -> new ArrayList<>()).add(row);
      }
      Writes w = new Writes(session);
      for (Map.Entry<String, List<Map<String, Object>>> e : byLabels.entrySet()) {
        writeBatches(w, "UNWIND $rows AS row MERGE (n:" + resource + " {uri: row.uri})"
            + " WITH n, row, coalesce(n." + SOURCES + ", []) AS old SET n = row.props"
            + (dynamic ? " SET n:$(row.labels)" : e.getKey().isEmpty() ? "" : " SET n" + e.getKey())
            + mergedSources("n", dynamic), e.getValue());
      }
      w.flush();
      // relationships: the stored provenance of those the batch repeats
      List<Map<String, Object>> keys = new ArrayList<>();
      c.relationshipSources.forEach((type, pairs) -> pairs.keySet().forEach(so ->
          keys.add(Map.of("s", so.get(0), "t", type, "o", so.get(1)))));
      Map<List<String>, Map<String, Object>> storedRels = new HashMap<>();
      readInBatches(session, "UNWIND $rows AS row MATCH (a:" + resource + " {uri: row.s})-[r]->(b:" + resource
          + " {uri: row.o}) WHERE type(r) = row.t RETURN row.s AS s, row.t AS t, row.o AS o, r {.*, " + SOURCES
          + ": null} AS p", keys, r -> storedRels.put(
              List.of(r.get("t").asString(), r.get("s").asString(), r.get("o").asString()), storedProperties(r)));
      // an event's roles carry the provenance of the event as the article stored first tells it,
      // also a role that only a later report of the story gives
      Set<String> events = new TreeSet<>();
      c.provenance.values().forEach(p -> {
        if (p.get("event") instanceof String e && !p.containsKey("statement")) {
          events.add(e);
        }
      });
      Map<String, Map<String, Object>> storedEvents = new HashMap<>();
      readInBatches(session, "UNWIND $rows AS e MATCH (:" + resource + " {uri: e})-[r]->() WHERE r.event = e"
          + " WITH e, head(collect(r {.*, " + SOURCES + ": null})) AS p RETURN e, p", new ArrayList<>(events),
          r -> storedEvents.put(r.get("e").asString(), storedProperties(r)));
      Map<String, List<Map<String, Object>>> byType = new TreeMap<>();
      for (Map.Entry<String, Map<List<String>, Set<String>>> e : c.relationshipSources.entrySet()) {
        for (Map.Entry<List<String>, Set<String>> r : e.getValue().entrySet()) {
          List<String> key = List.of(e.getKey(), r.getKey().get(0), r.getKey().get(1));
          Map<String, Object> added = c.provenance.getOrDefault(key, Map.of());
          if (added.get("event") instanceof String event && !added.containsKey("statement")
              && storedEvents.containsKey(event)) {
            added = storedEvents.get(event);
          }
          Map<String, Object> merged = mergedProvenance(storedRels.get(key), added);
          byType.computeIfAbsent(dynamic ? "" : e.getKey(), k -> new ArrayList<>()).add(Map.of("s", key.get(1),
              "o", key.get(2), "t", e.getKey(), "sources", new ArrayList<>(r.getValue()), "props", merged));
          rels++;
        }
      }
      for (Map.Entry<String, List<Map<String, Object>>> e : byType.entrySet()) {
        writeBatches(w, "UNWIND $rows AS row MATCH (a:" + resource + " {uri: row.s}) MATCH (b:" + resource
            + " {uri: row.o}) MERGE (a)-[r:" + (dynamic ? "$(row.t)" : quote(e.getKey())) + "]->(b)"
            + " WITH r, row, coalesce(r." + SOURCES + ", []) AS old SET r = row.props"
            + mergedSources("r", dynamic), e.getValue());
      }
      w.flush();
      writeNamespaces(session, c);
    }
    return new Added(new LoadStats(c.nodes.size() - unmerged.size(), rels, props,
        (System.nanoTime() - start) / 1_000_000), unmerged);
  }

  /**
   * Runs the read {@code cypher} with {@code $rows}: {@code rows} at most {@link #batchSize} at a
   * time, one read transaction each, and hands every record to {@code each}.
   */
  private <T> void readInBatches(Session session, String cypher, List<T> rows, java.util.function.Consumer<Record> each) {
    for (int from = 0; from < rows.size(); from += batchSize) {
      List<T> part = rows.subList(from, Math.min(rows.size(), from + batchSize));
      session.executeRead(tx -> tx.run(cypher, Map.of("rows", part)).list()).forEach(each);
    }
  }

  /** The properties {@code p} of a record ({@code x {.*, sources: null}}), sorted, without {@value #SOURCES}. */
  private static Map<String, Object> storedProperties(Record r) {
    Map<String, Object> p = new TreeMap<>(r.get("p").asMap());
    p.remove(SOURCES);
    return p;
  }

  /**
   * The end of {@link #add}'s statements: sets {@value #SOURCES} of {@code v} to the sorted union
   * of {@code old} (its list before the statement) and {@code row.sources}, or removes it when
   * both are empty.
   */
  private static String mergedSources(String v, boolean dynamic) {
    return " WITH " + v + ", row, old CALL " + (dynamic ? "(" + v + ", row, old) {" : "{ WITH " + v + ", row, old")
        + " UNWIND old + row.sources AS s WITH DISTINCT s ORDER BY s RETURN collect(s) AS merged }"
        + " SET " + v + "." + SOURCES + " = CASE WHEN size(merged) = 0 THEN null ELSE merged END";
  }

  /**
   * The provenance of a relationship that is stored ({@code stored}, or {@code null} if not) and
   * asserted again by new graphs ({@code added}): the statement with the first IRI gives it and
   * the counts add up; without statements (an event role) the stored one stays.
   */
  private static Map<String, Object> mergedProvenance(Map<String, Object> stored, Map<String, Object> added) {
    if (stored == null || stored.isEmpty()) {
      return new TreeMap<>(added);
    }
    if (added.isEmpty()) {
      return stored;
    }
    if (stored.get("statement") instanceof String a && added.get("statement") instanceof String b) {
      Map<String, Object> first = new TreeMap<>(a.compareTo(b) <= 0 ? stored : added);
      first.put("statementCount", ((Number) stored.getOrDefault("statementCount", 1L)).longValue()
          + ((Number) added.getOrDefault("statementCount", 1L)).longValue());
      return first;
    }
    return stored;
  }

  /** The labels of a node as Cypher writes them after a variable, each quoted: {@code :`A`:`B`}. */
  private static String labelPattern(Collection<String> labels) {
    StringBuilder out = new StringBuilder();
    for (String label : labels) {
      out.append(':').append(quote(label));
    }
    return out.toString();
  }

  /** The refresh's relationship statement, for a quoted type or a dynamic one ({@code $(row.t)}). */
  private static String relationshipMerge(String type) {
    String resource = quote(RESOURCE_LABEL);
    return "UNWIND $rows AS row MATCH (a:" + resource + " {uri: row.s}) MATCH (b:" + resource
        + " {uri: row.o}) MERGE (a)-[r:" + type + "]->(b) SET r = row.props"
        + " SET r." + SOURCES + " = CASE WHEN size(row.sources) = 0 THEN null ELSE row.sources END";
  }

  private static List<Map<String, Object>> rows(List<String> uris) {
    List<Map<String, Object>> rows = new ArrayList<>(uris.size());
    uris.forEach(u -> rows.add(Map.of("uri", u)));
    return rows;
  }

  private static void createConstraints(Session session) {
    run(
        session,
        "CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (r:"
            + quote(RESOURCE_LABEL)
            + ") REQUIRE r.uri IS UNIQUE",
        Map.of());
    run(
        session,
        "CREATE CONSTRAINT namespace_iri IF NOT EXISTS FOR (n:"
            + quote(NAMESPACE_LABEL)
            + ") REQUIRE n.namespace IS UNIQUE",
        Map.of());
  }

  private LoadStats write(Collected c, long start, java.util.concurrent.CompletableFuture<Boolean> prepared) {
    long nodes = 0;
    long rels = 0;
    long props = 0;
    try (Session session = store.session(AccessMode.WRITE)) {
      // Rows are grouped by label set and by sources list, which goes once per statement as
      // $sources rather than in every row (most rows of a load share one): smaller messages. On
      // Neo4j 5.26+ the labels are set from the row instead ($(row.labels)), so that all nodes
      // share one statement text: on a cold JVM each distinct text costs a query planning of
      // about 0.1 s, which was most of the time of loading one article.
      // Setting labels from the row costs a little per node, so large groups keep static labels:
      // measured on the 1M-triple bench file (3 label sets), static labels wrote 100,000 nodes in
      // 7-8 s and dynamic ones in 8.4-9.6 s; on one article (about 15 label sets, 243 nodes)
      // static took 2.3 s, dynamic 0.9 s.
      boolean dynamicTypes = dynamicTypes(session);
      Set<Set<String>> labelSets = new java.util.HashSet<>();
      c.nodes.values().forEach(n -> labelSets.add(n.labels));
      boolean dynamic = dynamicTypes && c.nodes.size() < (long) labelSets.size() * ROWS_PER_STATIC_LABEL_SET;
      Map<List<Object>, List<Map<String, Object>>> byLabels = new TreeMap<>(GROUP_ORDER);
      for (Map.Entry<String, NodeData> e : c.nodes.entrySet()) {
        NodeData n = e.getValue();
        Map<String, Object> properties = new HashMap<>();
        OneValueProperties.put(properties, e.getKey(), n.labels, n.handled, n.literals);
        List<String> sources = c.trackSources ? List.copyOf(n.sources) : List.of();
        Map<String, Object> row = new HashMap<>();
        row.put("uri", e.getKey());
        row.put("props", properties);
        if (dynamic) {
          row.put("labels", List.copyOf(n.labels));
        }
        byLabels.computeIfAbsent(List.of(dynamic ? "" : labelPattern(n.labels), sources), k -> new ArrayList<>()).add(row);
        nodes++;
        props += n.literals.size() + n.handled.size();
      }
      // Into a database with no Resource node yet (a first load), CREATE gives the same graph as
      // MERGE without the uniqueness look-ups (c.nodes and c.relationships hold no duplicates; a
      // batch retried by the driver was rolled back first). Measured on the 1M-triple bench file
      // (bench/generate-rdf.py): see docs/performance.md.
      boolean fresh = joinPrepared(prepared);
      long tNodes = System.nanoTime();
      rowsDone = 0;
      rowsTotal = c.nodes.size();
      c.relationships.values().forEach(r -> rowsTotal += r.size());
      writeStart = tNodes;
      lastProgress = tNodes;
      LOG.debug("gathered {} nodes, {} relationship types in {} ms", c.nodes.size(), c.relationships.size(),
          (tNodes - start) / 1_000_000);
      Map<String, String> ids = new HashMap<>(c.nodes.size() * 2);
      Writes w = new Writes(session);
      for (Map.Entry<List<Object>, List<Map<String, Object>>> e : byLabels.entrySet()) {
        String labels = (String) e.getKey().get(0);
        List<?> sources = (List<?>) e.getKey().get(1);
        String setSources = sources.isEmpty() ? "" : " SET n." + SOURCES + " = $sources";
        String setLabels = dynamic ? " SET n:$(row.labels)" : labels.isEmpty() ? "" : " SET n" + labels;
        String cypher =
            fresh
                ? "UNWIND $rows AS row CREATE (n:" + quote(RESOURCE_LABEL) + (dynamic ? "" : labels)
                    + " {uri: row.uri}) SET n += row.props" + setSources + (dynamic ? setLabels : "")
                : "UNWIND $rows AS row MERGE (n:"
                    + quote(RESOURCE_LABEL)
                    + " {uri: row.uri})"
                    + " SET n += row.props"
                    + setSources
                    + setLabels;
        writeNodes(w, cypher, e.getValue(), Map.of("sources", sources), ids);
      }
      w.flush(); // the relationships need the nodes' ids
      long tRels = System.nanoTime();
      LOG.debug("wrote {} nodes in {} ms", nodes, (tRels - tNodes) / 1_000_000);

      if (dynamicTypes) {
        rels = writeRelationshipsBySubject(w, c, ids, fresh);
      } else {
        rels = writeRelationshipsByType(w, c, ids, fresh);
      }
      w.flush();
      LOG.debug("wrote {} relationships in {} ms", rels, (System.nanoTime() - tRels) / 1_000_000);

      writeNamespaces(session, c);
    }
    return new LoadStats(nodes, rels, props, (System.nanoTime() - start) / 1_000_000);
  }

  private void writeBatches(Writes session, String cypher, List<Map<String, Object>> rows) {
    writeBatches(session, cypher, rows, Map.of());
  }

  /** Runs {@code cypher} with {@code $rows} (at most {@code batchSize}) and {@code params}, one transaction per batch. */
  private void writeBatches(Writes session, String cypher, List<Map<String, Object>> rows, Map<String, Object> params) {
    for (int from = 0; from < rows.size(); from += batchSize) {
      List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
      Map<String, Object> all = new HashMap<>(params);
      all.put("rows", batch);
      session.add(cypher, all, batch.size(), null);
    }
  }

  /**
   * Relationships, one statement per relationship type (static types: any Neo4j 5), each row one
   * relationship; the sources list of plain rows goes once per statement as {@code $sources}.
   */
  private long writeRelationshipsByType(Writes session, Collected c, Map<String, String> ids, boolean fresh) {
    long rels = 0;
    for (Map.Entry<String, Set<List<String>>> e : c.relationships.entrySet()) {
      Map<List<String>, List<Map<String, Object>>> plain = new LinkedHashMap<>();
      List<Map<String, Object>> annotated = new ArrayList<>();
      Map<List<String>, Set<String>> sources = c.relationshipSources.getOrDefault(e.getKey(), Map.of());
      for (List<String> so : e.getValue()) {
        Map<String, Object> p = c.provenance.get(List.of(e.getKey(), so.get(0), so.get(1)));
        Set<String> from = c.trackSources ? sources.get(so) : null;
        Map<String, Object> row = new HashMap<>(4);
        row.put("s", ids.get(so.get(0)));
        row.put("o", ids.get(so.get(1)));
        if (p == null || p.isEmpty()) {
          plain.computeIfAbsent(from == null ? List.of() : List.copyOf(from), k -> new ArrayList<>()).add(row);
        } else {
          if (from != null && !from.isEmpty()) {
            p = new TreeMap<>(p);
            p.put(SOURCES, new ArrayList<>(from));
          }
          row.put("props", p);
          annotated.add(row);
        }
      }
      String cypher =
          "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.s MATCH (b) WHERE elementId(b) = row.o"
              + (fresh ? " CREATE" : " MERGE")
              + " (a)-[r:"
              + quote(e.getKey())
              + "]->(b)";
      for (Map.Entry<List<String>, List<Map<String, Object>>> g : plain.entrySet()) {
        writeBatches(session, cypher + (g.getKey().isEmpty() ? "" : " SET r." + SOURCES + " = $sources"),
            g.getValue(), Map.of("sources", g.getKey()));
        rels += g.getValue().size();
      }
      writeBatches(session, cypher + " SET r += row.props", annotated, Map.of());
      rels += annotated.size();
    }
    return rels;
  }

  /**
   * Relationships, one row per start node holding all its relationships as {@code [type, end]}
   * (plus {@code props} for annotated ones), with the type set dynamically ({@code
   * CREATE (a)-[r:$(x[0])]->(b)}, Neo4j 5.26 and later): a fifth fewer rows and start-node look-ups
   * on the 1M-triple bench file, which makes writing relationships about 25% faster there.
   */
  private long writeRelationshipsBySubject(Writes session, Collected c, Map<String, String> ids, boolean fresh) {
    // sources list -> start node -> [type, end id]; and start node -> [type, end id, props]
    Map<List<String>, Map<String, List<List<Object>>>> plain = new LinkedHashMap<>();
    Map<String, List<List<Object>>> annotated = new LinkedHashMap<>();
    long rels = 0;
    for (Map.Entry<String, Set<List<String>>> e : c.relationships.entrySet()) {
      String type = e.getKey();
      Map<List<String>, Set<String>> sources = c.relationshipSources.getOrDefault(type, Map.of());
      for (List<String> so : e.getValue()) {
        Map<String, Object> p = c.provenance.get(List.of(type, so.get(0), so.get(1)));
        Set<String> from = c.trackSources ? sources.get(so) : null;
        String end = ids.get(so.get(1));
        if (p == null || p.isEmpty()) {
          plain.computeIfAbsent(from == null ? List.of() : List.copyOf(from), k -> new LinkedHashMap<>())
              .computeIfAbsent(so.get(0), k -> new ArrayList<>()).add(List.of(type, end));
        } else {
          if (from != null && !from.isEmpty()) {
            p = new TreeMap<>(p);
            p.put(SOURCES, new ArrayList<>(from));
          }
          annotated.computeIfAbsent(so.get(0), k -> new ArrayList<>()).add(List.of(type, end, p));
        }
        rels++;
      }
    }
    String cypher = "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.s UNWIND row.r AS x"
        + " MATCH (b) WHERE elementId(b) = x[1]" + (fresh ? " CREATE" : " MERGE") + " (a)-[r:$(x[0])]->(b)";
    for (Map.Entry<List<String>, Map<String, List<List<Object>>>> g : plain.entrySet()) {
      writeGrouped(session, cypher + (g.getKey().isEmpty() ? "" : " SET r." + SOURCES + " = $sources"), g.getValue(),
          ids, Map.of("sources", g.getKey()));
    }
    writeGrouped(session, cypher + " SET r += x[2]", annotated, ids, Map.of());
    return rels;
  }

  /** Sends start-node rows {@code {s, r}} in transactions of about {@code batchSize} relationships. */
  private void writeGrouped(Writes session, String cypher, Map<String, List<List<Object>>> byStart,
      Map<String, String> ids, Map<String, Object> params) {
    List<Map<String, Object>> batch = new ArrayList<>();
    int size = 0;
    for (Map.Entry<String, List<List<Object>>> e : byStart.entrySet()) {
      batch.add(Map.of("s", ids.get(e.getKey()), "r", e.getValue()));
      size += e.getValue().size();
      if (size >= batchSize) {
        sendGrouped(session, cypher, batch, size, params);
        batch = new ArrayList<>();
        size = 0;
      }
    }
    if (!batch.isEmpty()) {
      sendGrouped(session, cypher, batch, size, params);
    }
  }

  private void sendGrouped(Writes session, String cypher, List<Map<String, Object>> batch, int relationships,
      Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("rows", batch);
    session.add(cypher, all, relationships, null);
  }

  /**
   * Whether the server sets relationship types from values ({@code $(expr)}, Cypher of Neo4j 5.26
   * and later, including the 2025 calendar versions); asked once per loader.
   */
  private boolean dynamicTypes(Session session) {
    if (dynamicTypes == null) {
      if (Boolean.getBoolean("newsgraph.staticTypes")) {
        dynamicTypes = false;
      } else {
        String version = session.executeRead(tx -> tx.run("CALL dbms.components() YIELD versions"
            + " RETURN versions[0] AS v").single().get("v").asString());
        dynamicTypes = supportsDynamicTypes(version);
      }
    }
    return dynamicTypes;
  }

  /** Whether a Neo4j version string ("5.26.12", "2025.01.0") is 5.26 or later. */
  static boolean supportsDynamicTypes(String version) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
    if (!m.find()) {
      return false;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return major > 5 || (major == 5 && minor >= 26);
  }

  /**
   * Writes node rows ({@code uri} plus whatever {@code cypher} uses) in batches; {@code cypher}
   * binds each row's node to {@code n}. Records each node's element id under its uri in {@code ids}
   * (taken from the committed transaction only, so a retried batch leaves no stale id).
   */
  private void writeNodes(Writes session, String cypher, List<Map<String, Object>> rows, Map<String, Object> params,
      Map<String, String> ids) {
    String returning = cypher + " RETURN row.uri AS u, elementId(n) AS id";
    for (int from = 0; from < rows.size(); from += batchSize) {
      List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
      Map<String, Object> all = new HashMap<>(params);
      all.put("rows", batch);
      session.add(returning, all, batch.size(), written -> {
        for (Record r : written) {
          ids.put(r.get(0).asString(), r.get(1).asString());
        }
      });
    }
  }

  /**
   * Statements waiting to be sent, run together in one managed write transaction once they hold
   * {@code batchSize} rows (or on {@link #flush}): a load or refresh with many small groups (label
   * sets, sources lists, relationship types) then commits a few times rather than once per group.
   * What a statement returns reaches its consumer only after the commit (a retried transaction
   * re-runs them all).
   */
  private final class Writes {
    private final Session session;
    private final List<String> cyphers = new ArrayList<>();
    private final List<Map<String, Object>> params = new ArrayList<>();
    private final List<java.util.function.Consumer<List<Record>>> consumers = new ArrayList<>();
    private int rows;

    Writes(Session session) {
      this.session = session;
    }

    /** Adds a statement of {@code size} rows; {@code onCommit} (or null) gets its records. */
    void add(String cypher, Map<String, Object> parameters, int size,
        java.util.function.Consumer<List<Record>> onCommit) {
      cyphers.add(cypher);
      params.add(parameters);
      consumers.add(onCommit);
      rows += size;
      if (rows >= batchSize) {
        flush();
      }
    }

    /** Runs the waiting statements in one transaction, then hands their records over. */
    void flush() {
      if (cyphers.isEmpty()) {
        return;
      }
      List<String> qs = List.copyOf(cyphers);
      List<Map<String, Object>> ps = List.copyOf(params);
      List<java.util.function.Consumer<List<Record>>> cs = new ArrayList<>(consumers);
      int n = rows;
      cyphers.clear();
      params.clear();
      consumers.clear();
      rows = 0;
      List<List<Record>> results = session.executeWrite(tx -> {
        List<List<Record>> out = new ArrayList<>(qs.size());
        for (int i = 0; i < qs.size(); i++) {
          org.neo4j.driver.Result r = tx.run(qs.get(i), ps.get(i));
          if (cs.get(i) != null) {
            out.add(r.list());
          } else {
            r.consume();
            out.add(List.of());
          }
        }
        return out;
      });
      for (int i = 0; i < cs.size(); i++) {
        if (cs.get(i) != null) {
          cs.get(i).accept(results.get(i));
        }
      }
      advance(n);
    }
  }


  private static void run(Session session, String cypher, Map<String, Object> params) {
    session.executeWrite(
        tx -> {
          tx.run(cypher, params).consume();
          return null;
        });
  }

  private void writeNamespaces(Session session, Collected c) {
    if (c.namespaces.isEmpty()) {
      return;
    }
    String label = quote(NAMESPACE_LABEL);
    session.executeWrite(
        tx -> {
          // write-lock the namespace nodes first (in a fixed order), so that two loads at once (the
          // Spark job's partitions) cannot both read the old lists and one lose the other's names
          tx.run(
                  "UNWIND $ns AS ns MERGE (n:"
                      + label
                      + " {namespace: ns}) SET n._lock = true REMOVE n._lock",
                  Map.of("ns", new ArrayList<>(new TreeSet<>(c.namespaces.keySet()))))
              .consume();
          Map<String, Map<String, Object>> existing = new HashMap<>();
          List<Record> records =
              tx.run(
                      "MATCH (n:"
                          + label
                          + ") WHERE n.namespace IN $ns RETURN n.namespace AS ns,"
                          + " properties(n) AS p",
                      Map.of("ns", new ArrayList<>(c.namespaces.keySet())))
                  .list();
          for (Record r : records) {
            existing.put(r.get("ns").asString(), r.get("p").asMap());
          }
          List<Map<String, Object>> rows = new ArrayList<>();
          for (Map.Entry<String, NamespaceData> e : c.namespaces.entrySet()) {
            Map<String, Object> old = existing.getOrDefault(e.getKey(), Map.of());
            NamespaceData d = e.getValue();
            Map<String, Object> props = new LinkedHashMap<>();
            String prefix = c.prefixFor(e.getKey());
            if (prefix == null && old.get("prefix") instanceof String p) {
              prefix = p;
            }
            if (prefix != null) {
              props.put("prefix", prefix);
            }
            List<Set<String>> fresh =
                List.of(d.localNames, d.classes, d.objectPredicates, d.dataPredicates);
            for (int i = 0; i < NS_LISTS.size(); i++) {
              Set<String> merged = new TreeSet<>(fresh.get(i));
              if (old.get(NS_LISTS.get(i)) instanceof List<?> l) {
                l.forEach(x -> merged.add(String.valueOf(x)));
              }
              props.put(NS_LISTS.get(i), new ArrayList<>(merged));
            }
            rows.add(Map.of("namespace", e.getKey(), "props", props));
          }
          tx.run(
                  "UNWIND $rows AS row MERGE (n:"
                      + label
                      + " {namespace: row.namespace})"
                      + " SET n += row.props",
                  Map.of("rows", rows))
              .consume();
          return null;
        });
  }

  // ---- mapping of names ----

  /**
   * The local name of an IRI: the text after the last {@code #}, {@code /} or {@code :} that is
   * followed by something other than those separators (so {@code http://x/a/} gives {@code a/});
   * the whole IRI if it has no separator. {@link #namespace(String)} plus the local name is the
   * IRI.
   *
   * @param iri an IRI
   * @return its local name, never empty for a non-empty IRI
   */
  public static String localName(String iri) {
    return iri.substring(splitPoint(iri));
  }

  /**
   * @param iri an IRI
   * @return the IRI up to and including the separator before {@link #localName(String)}; empty if
   *     the IRI has no separator
   */
  public static String namespace(String iri) {
    return iri.substring(0, splitPoint(iri));
  }

  private static int splitPoint(String iri) {
    int end = iri.length();
    while (end > 0 && isSeparator(iri.charAt(end - 1))) {
      end--;
    }
    for (int i = end - 1; i >= 0; i--) {
      if (isSeparator(iri.charAt(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  private static boolean isSeparator(char c) {
    return c == '#' || c == '/' || c == ':';
  }

  /**
   * The Neo4j label for an RDF class: its local name reduced to {@code [A-Za-z0-9_]}.
   *
   * @param classIri the class IRI
   * @return a non-empty label, safe inside backticks
   */
  public static String labelName(String classIri) {
    String name = sanitise(localName(classIri));
    return name.equals(NAMESPACE_LABEL) || name.equals(RESOURCE_LABEL) || name.equals(TRIPLE_TERM_LABEL)
        ? name + "_" : name;
  }

  /**
   * The Neo4j property key for a predicate with literal objects: its local name reduced to {@code
   * [A-Za-z0-9_]}, case kept; {@code uri} becomes {@code uri_}.
   *
   * @param predicateIri the predicate IRI
   * @return a non-empty key, safe inside backticks
   */
  public static String propertyKey(String predicateIri) {
    String name = sanitise(localName(predicateIri));
    return name.equals("uri") ? "uri_" : name;
  }

  /**
   * The Neo4j relationship type for a predicate with IRI objects: its local name reduced to {@code
   * [A-Za-z0-9_]}, then UPPER_SNAKE_CASE ({@code employeeOrMemberOf} -> {@code
   * EMPLOYEE_OR_MEMBER_OF}, {@code founder_of} -> {@code FOUNDER_OF}, {@code sameAs} -> {@code
   * SAME_AS}, {@code HTMLVersion} -> {@code HTML_VERSION}).
   *
   * @param predicateIri the predicate IRI
   * @return a non-empty type of {@code [A-Z0-9_]}, safe inside backticks
   */
  public static String relationshipType(String predicateIri) {
    String name = sanitise(localName(predicateIri));
    StringBuilder sb = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (i > 0 && Character.isUpperCase(ch)) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          sb.append('_');
        }
      }
      sb.append(Character.toUpperCase(ch));
    }
    return sb.toString();
  }

  private static String sanitise(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 1);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      sb.append(ok ? c : '_');
    }
    if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
      sb.insert(0, '_');
    }
    return sb.toString();
  }

  /** Backtick-quotes a name that {@link #sanitise} produced (so it holds no backtick). */
  private static String quote(String name) {
    return "`" + name + "`";
  }

  // ---- literals ----

  /**
   * The Java value a literal is stored as (see the class description).
   *
   * @param literal a Jena literal node
   * @return {@link LocalDate}, {@link ZonedDateTime}, {@link LocalDateTime}, {@link Long}, {@link
   *     Double}, {@link Boolean} or {@link String}
   */
  public static Object literalValue(Node literal) {
    String lex = literal.getLiteralLexicalForm();
    String dt = literal.getLiteralDatatypeURI();
    if (dt == null || !dt.startsWith(XSD_NS)) {
      return lex;
    }
    RDFDatatype type = literal.getLiteralDatatype();
    if (type != null && !type.isValid(lex)) {
      return lex;
    }
    String local = dt.substring(XSD_NS.length());
    String v = lex.trim();
    try {
      if (local.equals("date")) {
        return LocalDate.from(DateTimeFormatter.ISO_DATE.parse(v));
      }
      if (local.equals("dateTime") || local.equals("dateTimeStamp")) {
        TemporalAccessor t =
            DateTimeFormatter.ISO_DATE_TIME.parseBest(v, ZonedDateTime::from, LocalDateTime::from);
        return t;
      }
      if (INTEGER_TYPES.contains(local)) {
        BigInteger i = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
        return i.bitLength() < 64 ? (Object) i.longValue() : lex;
      }
      if (FLOAT_TYPES.contains(local)) {
        return switch (v) {
          case "INF", "+INF" -> Double.POSITIVE_INFINITY;
          case "-INF" -> Double.NEGATIVE_INFINITY;
          case "NaN" -> Double.NaN;
          default -> Double.parseDouble(v);
        };
      }
      if (local.equals("boolean")) {
        return v.equals("true") || v.equals("1");
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return lex;
    }
    return lex;
  }


}
