package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;

class RdfGraphLoaderTest {
  static final String TRIG =
      """
      @prefix ex: <http://example.org/> .
      @prefix schema: <http://schema.org/> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

      ex:g1 {
        ex:alice a schema:Person ;
          schema:name "Alice Liu" ;
          schema:alternateName "Ali", "A. Liu" ;
          schema:birthDate "1990-04-05"^^xsd:date ;
          schema:numberOfChildren "2"^^xsd:integer ;
          schema:description "Journalistin"@de ;
          schema:employeeOrMemberOf ex:acme ;
          schema:address [ schema:addressLocality "Hong Kong" ] .
        ex:acme a schema:Organization, schema:NewsMediaOrganization ;
          schema:name "Acme News" ;
          schema:foundingDate "1999-01-01T09:30:00Z"^^xsd:dateTime ;
          schema:ratio "0.5"^^xsd:decimal ;
          schema:isFamilyFriendly true .
      }
      ex:g2 {
        ex:alice schema:employeeOrMemberOf ex:acme .
        ex:alice a schema:Person .
        ex:acme ex:founder_of ex:paper .
      }
      ex:paper schema:name "The Paper" .
      """;

  @TempDir static Path home;
  static EmbeddedNeo4j neo4j;
  static Neo4jStore store;

  @BeforeAll
  static void start() {
    neo4j = EmbeddedNeo4j.start(home);
    store = Neo4jStore.connect(neo4j.boltUri(), null, null, null);
  }

  @AfterAll
  static void stop() {
    if (store != null) {
      store.close();
    }
    if (neo4j != null) {
      neo4j.close();
    }
  }

  @BeforeEach
  void wipe() {
    store.query("MATCH (n) DETACH DELETE n", null, true, null);
  }

  static Dataset parse(String trig) {
    Dataset ds = DatasetFactory.createTxnMem();
    RDFParser.create().source(new StringReader(trig)).lang(Lang.TRIG).parse(ds);
    return ds;
  }

  /** Runs a read query through the driver directly, keeping the driver's value types. */
  static List<Record> raw(String cypher, Map<String, Object> params) {
    try (Session s = store.session(org.neo4j.driver.AccessMode.READ)) {
      return s.executeRead(tx -> tx.run(cypher, params).list());
    }
  }

  static Value property(String uri, String key) {
    List<Record> r =
        raw("MATCH (n:Resource {uri: $uri}) RETURN n[$key] AS v", Map.of("uri", uri, "key", key));
    assertEquals(1, r.size(), uri);
    return r.get(0).get("v");
  }

  /** {@link #TRIG} with the sample article {@code acme-1} as a named graph (provenance included). */
  static Dataset withAcme() {
    Dataset ds = parse(TRIG);
    org.newsgraph.rdf.RdfMapper mapper = new org.newsgraph.rdf.RdfMapper();
    org.newsgraph.model.ArticleGraph acme = org.newsgraph.rdf.SampleGraphs.acme();
    ds.addNamedModel(mapper.articleIri(acme.article().id()), mapper.map(acme));
    return ds;
  }

  /** Every resource of every graph of {@code ds}, in the order of their N-Triples forms. */
  static java.util.Set<org.apache.jena.graph.Node> everyResource(Dataset ds) {
    java.util.Set<org.apache.jena.graph.Node> all = new java.util.TreeSet<>(java.util.Comparator.comparing(
        org.apache.jena.graph.Node::toString));
    all.addAll(org.newsgraph.rdf.TdbStore.resources(ds.asDatasetGraph().getDefaultGraph()));
    ds.asDatasetGraph().listGraphNodes().forEachRemaining(
        g -> all.addAll(org.newsgraph.rdf.TdbStore.resources(ds.asDatasetGraph().getGraph(g))));
    return all;
  }

  /**
   * Filling an empty Neo4j in one pass with {@code sources} ({@link RdfGraphLoader#load(Dataset,
   * boolean)}, what build and load do into an empty database) gives exactly the graph that
   * recomputing every resource ({@link RdfGraphLoader#refresh}) gives: same nodes, labels,
   * properties (sources included), relationships and relationship properties (provenance included).
   */
  @Test
  void freshLoadWithSourcesEqualsRefreshOfEveryResource() {
    Dataset ds = withAcme();
    org.newsgraph.rdf.RdfMapper mapper = new org.newsgraph.rdf.RdfMapper();
    java.util.Set<org.apache.jena.graph.Node> all = everyResource(ds);

    RdfGraphLoader loader = new RdfGraphLoader(store, 7); // small batches: many transactions
    loader.refresh(ds, all);
    List<String> refreshed = dump();
    wipe();
    assertTrue(loader.isEmpty());
    LoadStats stats = loader.load(ds, true);
    List<String> loaded = dump();

    assertEquals(refreshed, loaded);
    assertTrue(loaded.size() > 60, loaded.toString());
    assertEquals(List.of("http://example.org/g1", "http://example.org/g2"),
        property("http://example.org/alice", "sources").asList(Value::asString));
    List<Record> employs = raw("MATCH (:Resource {uri: $a})-[r:EMPLOYEE_OR_MEMBER_OF]->(:Resource {uri: $b})"
        + " RETURN r.sources AS s", Map.of("a", "http://example.org/alice", "b", "http://example.org/acme"));
    assertEquals(List.of("http://example.org/g1", "http://example.org/g2"), employs.get(0).get("s").asList(Value::asString));
    List<Record> founded = raw("MATCH (a:Resource)-[r:FOUNDER_OF]->(:Resource) WHERE a.uri STARTS WITH 'https://w3id.org/'"
        + " RETURN r.evidenceText AS t,"
        + " r.sources AS s", Map.of());
    assertEquals(1, founded.size());
    assertEquals("Jane Roe, founder of Acme Corp, said on Monday that Acme is based in Paris.",
        founded.get(0).get("t").asString());
    assertEquals(List.of(mapper.articleIri("acme-1")), founded.get(0).get("s").asList(Value::asString));
    assertEquals(stats.relationships(), raw("MATCH ()-[r]->() RETURN count(r) AS c", Map.of()).get(0).get("c").asLong());
  }

  /**
   * {@link RdfGraphLoader#refreshOutgoing} of every resource, split between two writers as the Spark
   * job's shards split them, gives the graph of a refresh of every resource, with each
   * relationship written once; refreshing one resource again that way keeps the relationships
   * that end at it.
   */
  @Test
  void outgoingRefreshOfEveryResourceInTwoPartsEqualsRefresh() {
    Dataset ds = withAcme();
    java.util.Set<org.apache.jena.graph.Node> all = everyResource(ds);
    RdfGraphLoader loader = new RdfGraphLoader(store, 7);
    loader.refresh(ds, all);
    List<String> refreshed = dump();
    long relationships = raw("MATCH ()-[r]->() RETURN count(r) AS c", Map.of()).get(0).get("c").asLong();
    wipe();

    java.util.Set<org.apache.jena.graph.Node> first = new java.util.HashSet<>();
    java.util.Set<org.apache.jena.graph.Node> second = new java.util.HashSet<>();
    int i = 0;
    for (org.apache.jena.graph.Node n : all) {
      (i++ % 2 == 0 ? first : second).add(n);
    }
    LoadStats a = loader.refreshOutgoing(ds, second);
    LoadStats b = loader.refreshOutgoing(ds, first);
    assertEquals(refreshed, dump());
    assertTrue(relationships > 10, "relationships: " + relationships);
    assertEquals(relationships, a.relationships() + b.relationships());

    org.apache.jena.graph.Node acmeCorp = org.apache.jena.graph.NodeFactory.createURI("http://example.org/acme");
    assertTrue(all.contains(acmeCorp));
    LoadStats again = loader.refreshOutgoing(ds, java.util.Set.of(acmeCorp));
    assertEquals(refreshed, dump()); // alice's EMPLOYEE_OR_MEMBER_OF to acme is still there
    assertTrue(again.relationships() < relationships, again.toString());
  }

  /**
   * On Neo4j 5.26 and later relationships are written one row per start node with dynamic types;
   * the per-type statements that older servers get must give the very same graph.
   */
  @Test
  void dynamicAndStaticRelationshipTypesGiveTheSameGraph() {
    Dataset ds = parse(TRIG);
    org.newsgraph.rdf.RdfMapper mapper = new org.newsgraph.rdf.RdfMapper();
    org.newsgraph.model.ArticleGraph acme = org.newsgraph.rdf.SampleGraphs.acme();
    ds.addNamedModel(mapper.articleIri(acme.article().id()), mapper.map(acme));
    System.setProperty("newsgraph.staticTypes", "true");
    try {
      new RdfGraphLoader(store, 3).load(ds, true);
    } finally {
      System.clearProperty("newsgraph.staticTypes");
    }
    List<String> byType = dump();
    wipe();
    new RdfGraphLoader(store, 3).load(ds, true);
    assertEquals(byType, dump());
    assertTrue(byType.stream().filter(l -> l.startsWith("rel ")).count() > 30, byType.toString());

    // recomputing every resource of a full database (the refresh path): static and dynamic agree,
    // and both give back the same graph
    java.util.Set<org.apache.jena.graph.Node> all = new java.util.HashSet<>(
        org.newsgraph.rdf.TdbStore.resources(ds.asDatasetGraph().getDefaultGraph()));
    ds.asDatasetGraph().listGraphNodes().forEachRemaining(
        g -> all.addAll(org.newsgraph.rdf.TdbStore.resources(ds.asDatasetGraph().getGraph(g))));
    new RdfGraphLoader(store, 3).refresh(ds, all);
    assertEquals(byType, dump());
    System.setProperty("newsgraph.staticTypes", "true");
    try {
      new RdfGraphLoader(store, 3).refresh(ds, all);
    } finally {
      System.clearProperty("newsgraph.staticTypes");
    }
    assertEquals(byType, dump());
  }

  @Test
  void dynamicTypesFromNeo4j526On() {
    assertTrue(RdfGraphLoader.supportsDynamicTypes("5.26.12"));
    assertTrue(RdfGraphLoader.supportsDynamicTypes("2025.01.0"));
    assertFalse(RdfGraphLoader.supportsDynamicTypes("5.25.1"));
    assertFalse(RdfGraphLoader.supportsDynamicTypes("4.4.30"));
    assertFalse(RdfGraphLoader.supportsDynamicTypes("dev"));
  }

  /** Every node (labels, properties) and relationship (ends, type, properties) as sorted strings. */
  private static List<String> dump() {
    List<String> lines = new java.util.ArrayList<>();
    for (Record r : raw("MATCH (n) RETURN labels(n) AS l, properties(n) AS p", Map.of())) {
      List<String> labels = new java.util.ArrayList<>(r.get("l").asList(Value::asString));
      java.util.Collections.sort(labels);
      lines.add("node " + labels + " " + new java.util.TreeMap<>(r.get("p").asMap()));
    }
    for (Record r : raw("MATCH (a)-[x]->(b) RETURN a.uri AS a, type(x) AS t, b.uri AS b, properties(x) AS p", Map.of())) {
      lines.add("rel " + r.get("a").asString() + " " + r.get("t").asString() + " " + r.get("b").asString() + " "
          + new java.util.TreeMap<>(r.get("p").asMap()));
    }
    java.util.Collections.sort(lines);
    return lines;
  }

  @Test
  void loadsNodesLabelsPropertiesAndRelationships() {
    LoadStats stats = new RdfGraphLoader(store).load(parse(TRIG));
    assertEquals(4, stats.nodes());
    assertEquals(3, stats.relationships());
    assertEquals(11, stats.properties());
    assertTrue(stats.elapsedMillis() >= 0);

    assertEquals(4L, store.count("MATCH (n:Resource) RETURN count(n)"));
    assertEquals(
        4L, store.count("MATCH (n:Resource) RETURN count(DISTINCT n.uri)"), "uris are unique");
    assertEquals(3L, store.count("MATCH ()-[r]->() RETURN count(r)"));

    assertEquals(
        List.of("Person", "Resource"),
        raw("MATCH (n {uri: 'http://example.org/alice'}) RETURN labels(n) AS l", Map.of())
            .get(0)
            .get("l")
            .asList(Value::asString)
            .stream()
            .sorted()
            .toList());
    assertEquals(
        List.of("NewsMediaOrganization", "Organization", "Resource"),
        raw("MATCH (n {uri: 'http://example.org/acme'}) RETURN labels(n) AS l", Map.of())
            .get(0)
            .get("l")
            .asList(Value::asString)
            .stream()
            .sorted()
            .toList());
    assertEquals(
        List.of("Resource"),
        raw("MATCH (n {uri: 'http://example.org/paper'}) RETURN labels(n) AS l", Map.of())
            .get(0)
            .get("l")
            .asList(Value::asString));

    String alice = "http://example.org/alice";
    assertEquals("Alice Liu", property(alice, "name").asObject());
    assertEquals(List.of("A. Liu", "Ali"), property(alice, "alternateName").asObject());
    Object born = property(alice, "birthDate").asObject();
    assertInstanceOf(LocalDate.class, born);
    assertEquals(LocalDate.of(1990, 4, 5), born);
    assertEquals(2L, property(alice, "numberOfChildren").asObject());
    assertEquals("Journalistin", property(alice, "description").asObject());

    String acme = "http://example.org/acme";
    Object founded = property(acme, "foundingDate").asObject();
    assertInstanceOf(ZonedDateTime.class, founded);
    assertEquals(
        ZonedDateTime.of(1999, 1, 1, 9, 30, 0, 0, ZoneOffset.UTC).toInstant(),
        ((ZonedDateTime) founded).toInstant());
    assertEquals(0.5, property(acme, "ratio").asObject());
    assertEquals(Boolean.TRUE, property(acme, "isFamilyFriendly").asObject());

    List<Record> address =
        raw(
            "MATCH (:Resource {uri: $a})-[:ADDRESS]->(b:Resource) RETURN b.uri AS uri,"
                + " b.addressLocality AS loc, labels(b) AS l",
            Map.of("a", alice));
    assertEquals(1, address.size());
    assertTrue(address.get(0).get("uri").asString().startsWith("_:"));
    assertEquals("Hong Kong", address.get(0).get("loc").asString());
    assertEquals(List.of("Resource"), address.get(0).get("l").asList(Value::asString));

    List<Record> rels =
        raw("MATCH (a)-[r]->(b) RETURN a.uri AS a, type(r) AS t, b.uri AS b ORDER BY t", Map.of());
    assertEquals("ADDRESS", rels.get(0).get("t").asString());
    assertEquals(
        List.of(alice, "EMPLOYEE_OR_MEMBER_OF", acme),
        List.of(
            rels.get(1).get("a").asString(),
            rels.get(1).get("t").asString(),
            rels.get(1).get("b").asString()));
    assertEquals(
        List.of(acme, "FOUNDER_OF", "http://example.org/paper"),
        List.of(
            rels.get(2).get("a").asString(),
            rels.get(2).get("t").asString(),
            rels.get(2).get("b").asString()));
    assertEquals("The Paper", property("http://example.org/paper", "name").asObject());
  }

  @Test
  void loadingTwiceChangesNothing() {
    Dataset ds = parse(TRIG);
    RdfGraphLoader loader = new RdfGraphLoader(store, 2);
    LoadStats first = loader.load(ds);
    long nodes = store.count("MATCH (n) RETURN count(n)");
    long rels = store.count("MATCH ()-[r]->() RETURN count(r)");
    long props = store.count("MATCH (n) UNWIND keys(n) AS k RETURN count(k)");
    LoadStats second = loader.load(ds);
    assertEquals(first.nodes(), second.nodes());
    assertEquals(first.relationships(), second.relationships());
    assertEquals(first.properties(), second.properties());
    assertEquals(nodes, store.count("MATCH (n) RETURN count(n)"));
    assertEquals(rels, store.count("MATCH ()-[r]->() RETURN count(r)"));
    assertEquals(props, store.count("MATCH (n) UNWIND keys(n) AS k RETURN count(k)"));
    assertEquals(4L, store.count("MATCH (n:Resource) RETURN count(n)"));
    assertEquals(3L, rels);
  }

  @Test
  void constraintsExistAndUriIsUnique() {
    new RdfGraphLoader(store).load(parse(TRIG));
    List<Record> c =
        raw(
            "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties"
                + " RETURN name, type, labelsOrTypes, properties ORDER BY name",
            Map.of());
    assertEquals(2, c.size());
    assertEquals("namespace_iri", c.get(0).get("name").asString());
    assertEquals("resource_uri", c.get(1).get("name").asString());
    assertEquals("UNIQUENESS", c.get(1).get("type").asString());
    assertEquals(List.of("Resource"), c.get(1).get("labelsOrTypes").asList(Value::asString));
    assertEquals(List.of("uri"), c.get(1).get("properties").asList(Value::asString));
    ClientException e =
        assertThrows(
            ClientException.class,
            () ->
                store.query(
                    "CREATE (:Resource {uri: 'http://example.org/alice'})", null, true, null));
    assertTrue(e.code().contains("ConstraintValidationFailed"), e.code());
  }

  @Test
  void namespacesAreRecorded() {
    new RdfGraphLoader(store).load(parse(TRIG));
    List<Record> ns =
        raw(
            "MATCH (n:_Namespace) RETURN n.namespace AS ns, n.prefix AS prefix,"
                + " n.classes AS c, n.objectPredicates AS o, n.dataPredicates AS d,"
                + " n.localNames AS l ORDER BY ns",
            Map.of());
    assertEquals(2, ns.size());
    Record ex = ns.get(0);
    assertEquals("http://example.org/", ex.get("ns").asString());
    assertEquals("ex", ex.get("prefix").asString());
    assertEquals(List.of(), ex.get("c").asList());
    assertEquals(List.of("founder_of"), ex.get("o").asList());
    assertEquals(List.of(), ex.get("d").asList());
    Record schema = ns.get(1);
    assertEquals("http://schema.org/", schema.get("ns").asString());
    assertEquals("schema", schema.get("prefix").asString());
    assertEquals(
        List.of("NewsMediaOrganization", "Organization", "Person"), schema.get("c").asList());
    assertEquals(List.of("address", "employeeOrMemberOf"), schema.get("o").asList());
    assertEquals(
        List.of(
            "addressLocality",
            "alternateName",
            "birthDate",
            "description",
            "foundingDate",
            "isFamilyFriendly",
            "name",
            "numberOfChildren",
            "ratio"),
        schema.get("d").asList());
    assertEquals(14, schema.get("l").asList().size());
    assertEquals(0L, store.count("MATCH (n:_Namespace:Resource) RETURN count(n)"));

    // a later load adds to the lists
    Model m = ModelFactory.createDefaultModel();
    m.add(
        m.createResource("http://example.org/x"),
        RDF.type,
        m.createResource("http://schema.org/Place"));
    new RdfGraphLoader(store).load(m);
    assertEquals(
        List.of("NewsMediaOrganization", "Organization", "Person", "Place"),
        raw(
                "MATCH (n:_Namespace {namespace: 'http://schema.org/'}) RETURN n.classes AS c",
                Map.of())
            .get(0)
            .get("c")
            .asList());
    assertEquals(
        "schema",
        raw("MATCH (n:_Namespace {namespace: 'http://schema.org/'}) RETURN n.prefix AS p", Map.of())
            .get(0)
            .get("p")
            .asString());
  }

  @Test
  void hostileNamesBecomeSafeIdentifiersAndValuesStayValues() {
    Model m = ModelFactory.createDefaultModel();
    Resource a = m.createResource("http://ex.org/a");
    Resource b = m.createResource("http://ex.org/b");
    m.add(a, m.createProperty("http://ex.org/p%60x"), "v1");
    m.add(a, m.createProperty("http://ex.org/q`) DETACH DELETE n //"), "v2");
    m.add(a, m.createProperty("http://ex.org/r`]->() DETACH DELETE n //"), b);
    m.add(a, RDF.type, m.createResource("http://ex.org/Evil` SET n.owned = true //"));
    m.add(b, m.createProperty("http://ex.org/name"), "x'}) DETACH DELETE n //`");
    m.add(b, m.createProperty("http://ex.org/uri"), "not the key");
    m.add(b, m.createProperty("http://ex.org/9lives"), "cat");

    LoadStats stats = new RdfGraphLoader(store).load(m);
    assertEquals(2, stats.nodes());
    assertEquals(2L, store.count("MATCH (n:Resource) RETURN count(n)"));
    assertEquals("v1", property("http://ex.org/a", "p_60x").asString());
    assertEquals("v2", property("http://ex.org/a", "q___DETACH_DELETE_n___").asString());
    assertEquals(
        1L, store.count("MATCH (:Resource)-[r:R_______DETACH_DELETE_N___]->() RETURN count(r)"));
    assertEquals(1L, store.count("MATCH (n:Evil__SET_n_owned___true___) RETURN count(n)"));
    assertEquals(0L, store.count("MATCH (n) WHERE n.owned IS NOT NULL RETURN count(n)"));
    assertEquals("x'}) DETACH DELETE n //`", property("http://ex.org/b", "name").asString());
    assertEquals("http://ex.org/b", property("http://ex.org/b", "uri").asString());
    assertEquals("not the key", property("http://ex.org/b", "uri_").asString());
    assertEquals("cat", property("http://ex.org/b", "_9lives").asString());
  }

  @Test
  void mixedValueTypesAreStoredHomogeneously() {
    Dataset ds =
        parse(
            """
            @prefix ex: <http://example.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            ex:s ex:num 1, 2.5, "3"^^xsd:long ;
                 ex:mix 1, "one" ;
                 ex:day "2020-01-02"^^xsd:date, "2019-12-31"^^xsd:date ;
                 ex:bad "not a date"^^xsd:date ;
                 ex:big "123456789012345678901234567890"^^xsd:integer .
            """);
    new RdfGraphLoader(store).load(ds);
    assertEquals(List.of(1.0, 2.5, 3.0), property("http://example.org/s", "num").asObject());
    assertEquals(List.of("1", "one"), property("http://example.org/s", "mix").asObject());
    assertEquals(
        List.of(LocalDate.of(2019, 12, 31), LocalDate.of(2020, 1, 2)),
        property("http://example.org/s", "day").asObject());
    assertEquals("not a date", property("http://example.org/s", "bad").asObject());
    assertEquals(
        "123456789012345678901234567890", property("http://example.org/s", "big").asObject());
  }

  @Test
  void modelWithOnlyTypesAndNoNamespacesStillLoads() {
    Model m = ModelFactory.createDefaultModel();
    m.add(m.createResource("urn:x:1"), RDF.type, m.createResource("urn:x:Thing"));
    m.add(m.createResource("urn:x:1"), RDF.type, m.createResource("urn:x:2Thing"));
    LoadStats stats = new RdfGraphLoader(store).load(m);
    assertEquals(new LoadStats(1, 0, 0, stats.elapsedMillis()), stats);
    assertEquals(
        1L, store.count("MATCH (n:Resource:Thing:_2Thing {uri: 'urn:x:1'}) RETURN count(n)"));
  }

  @Test
  void generalAndTdbDatasetsLoadTheirUnion(@TempDir Path tdb) {
    Dataset general = DatasetFactory.create();
    RDFParser.create().source(new StringReader(TRIG)).lang(Lang.TRIG).parse(general);
    assertEquals(new LoadStats(4, 3, 11, 0), zeroTime(new RdfGraphLoader(store).load(general)));

    Dataset tdb2 = org.apache.jena.tdb2.TDB2Factory.connectDataset(tdb.toString());
    try {
      org.apache.jena.system.Txn.executeWrite(
          tdb2,
          () -> RDFParser.create().source(new StringReader(TRIG)).lang(Lang.TRIG).parse(tdb2));
      wipe();
      assertEquals(new LoadStats(4, 3, 11, 0), zeroTime(new RdfGraphLoader(store).load(tdb2)));
      assertEquals(3L, store.count("MATCH ()-[r]->() RETURN count(r)"));
    } finally {
      tdb2.close();
      org.apache.jena.tdb2.sys.TDBInternal.expel(tdb2.asDatasetGraph());
    }
  }

  private static LoadStats zeroTime(LoadStats s) {
    return new LoadStats(s.nodes(), s.relationships(), s.properties(), 0);
  }

  @Test
  void batchSizeMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new RdfGraphLoader(store, 0));
  }
}
