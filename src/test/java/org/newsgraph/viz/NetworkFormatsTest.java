package org.newsgraph.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every output format, read back with a real parser (the JDK's XML parser for GraphML and GEXF,
 * Graphviz's {@code dot} for DOT, Jackson for JSON), has the network's node and link counts and
 * carries its attributes. Run on the hand-made fixture and on the seed's RDF.
 */
class NetworkFormatsTest {
  static ActorNetwork network(String resource) {
    return NetworkLayout.apply(VizFixtures.network(resource, NetworkFilter.ALL));
  }

  static byte[] bytes(ActorNetwork n, NetworkFormat f) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    f.write(n, out);
    return out.toByteArray();
  }

  static Document xml(byte[] bytes, Path dir, String name) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  static Set<String> attributeValues(NodeList list, String attribute) {
    Set<String> s = new HashSet<>();
    for (int i = 0; i < list.getLength(); i++) {
      s.add(((Element) list.item(i)).getAttribute(attribute));
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {VizFixtures.SMALL, VizFixtures.SEED})
  void graphmlParsesWithDeclaredKeysAndTheGraphsCounts(String resource, @TempDir Path dir) throws Exception {
    ActorNetwork n = network(resource);
    Document d = xml(bytes(n, NetworkFormat.GRAPHML), dir, "network.graphml");
    String ns = GraphmlWriter.NS;
    assertEquals(n.actors().size(), d.getElementsByTagNameNS(ns, "node").getLength());
    assertEquals(n.links().size(), d.getElementsByTagNameNS(ns, "edge").getLength());
    Set<String> declared = attributeValues(d.getElementsByTagNameNS(ns, "key"), "id");
    Set<String> used = attributeValues(d.getElementsByTagNameNS(ns, "data"), "key");
    assertTrue(declared.containsAll(used), "every data key is declared: used " + used + ", declared " + declared);
    assertTrue(used.containsAll(Set.of("d_label", "d_kind", "e_label", "e_kind", "e_evidence")), used.toString());
    assertEquals(n.actors().size(), d.getElementsByTagNameNS(GraphmlWriter.YED, "ShapeNode").getLength(),
        "yEd graphics on every node");
    Set<String> ids = attributeValues(d.getElementsByTagNameNS(ns, "node"), "id");
    NodeList edges = d.getElementsByTagNameNS(ns, "edge");
    for (int i = 0; i < edges.getLength(); i++) {
      Element e = (Element) edges.item(i);
      assertTrue(ids.contains(e.getAttribute("source")) && ids.contains(e.getAttribute("target")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {VizFixtures.SMALL, VizFixtures.SEED})
  void gexfParsesWithDeclaredAttributesAndTheGraphsCounts(String resource, @TempDir Path dir) throws Exception {
    ActorNetwork n = network(resource);
    Document d = xml(bytes(n, NetworkFormat.GEXF), dir, "network.gexf");
    String ns = GexfWriter.NS;
    assertEquals("1.3", d.getDocumentElement().getAttribute("version"));
    assertEquals(n.actors().size(), d.getElementsByTagNameNS(ns, "node").getLength());
    long events = n.links().stream().filter(l -> l.kind() == ActorNetwork.LinkKind.CO_PARTICIPATION).count();
    assertEquals(n.links().size() + events, d.getElementsByTagNameNS(ns, "edge").getLength(),
        "one edge per relation, two (one each way) per co-participation");
    Set<String> declared = attributeValues(d.getElementsByTagNameNS(ns, "attribute"), "id");
    Set<String> used = attributeValues(d.getElementsByTagNameNS(ns, "attvalue"), "for");
    assertTrue(declared.containsAll(used), used + " declared in " + declared);
    assertEquals(n.actors().size(), d.getElementsByTagNameNS(GexfWriter.VIZ, "position").getLength());
    Set<String> labels = attributeValues(d.getElementsByTagNameNS(ns, "node"), "label");
    assertTrue(labels.contains(n.actors().get(0).name()));
  }

  /** Debian's python3-networkx (.ci/run installs it); the system Python, not a user's own. */
  static final String SYSTEM_PYTHON = "/usr/bin/python3";

  static boolean networkxInstalled() throws Exception {
    if (!new File(SYSTEM_PYTHON).canExecute()) {
      return false;
    }
    Process p = new ProcessBuilder(SYSTEM_PYTHON, "-c", "import networkx").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @ParameterizedTest
  @ValueSource(strings = {VizFixtures.SMALL, VizFixtures.SEED})
  void gexfIsReadByNetworkxAsADirectedGraphWithEventLinksBothWays(String resource, @TempDir Path dir) throws Exception {
    // networkx.read_gexf refused the file while co-participation edges were type="undirected" in a
    // directed graph ("Undirected edge found in directed graph"); it is read here by networkx itself.
    // Debian 12's networkx 2.8.8 predates GEXF 1.3; networkx 3 reads 1.3 with the same reader code
    // and these two namespaces in its GEXF.versions table, so the script adds them where missing
    Assumptions.assumeTrue(networkxInstalled(), "Debian's python3-networkx is not installed (.ci/run installs it)");
    ActorNetwork n = network(resource);
    Path file = dir.resolve("network.gexf");
    Files.write(file, bytes(n, NetworkFormat.GEXF));
    String script = String.join("\n",
        "import sys, networkx as nx",
        "from networkx.readwrite import gexf",
        "gexf.GEXF.versions.setdefault('1.3', {'NS_GEXF': 'http://gexf.net/1.3', 'NS_VIZ': 'http://gexf.net/1.3/viz',"
            + " 'NS_XSI': 'http://www.w3.org/2001/XMLSchema-instance',"
            + " 'SCHEMALOCATION': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd', 'VERSION': '1.3'})",
        "g = nx.read_gexf(sys.argv[1], version='1.3')",
        "print('directed', g.is_directed())",
        "print('nodes', g.number_of_nodes())",
        "print('edges', g.number_of_edges())",
        "kinds = [d.get('kind') for u, v, d in g.edges(data=True)]",
        "print('relations', kinds.count('relation'))",
        "print('events', kinds.count('event'))",
        "ev = [(u, v, d.get('type'), d.get('date')) for u, v, d in g.edges(data=True) if d.get('kind') == 'event']",
        "print('unpaired', sum(1 for u, v, t, dt in ev if (v, u, t, dt) not in ev))",
        "print('label', g.nodes[sorted(g.nodes)[0]]['label'])");
    Process p = new ProcessBuilder(SYSTEM_PYTHON, "-c", script, file.toString())
        .redirectError(dir.resolve("python.err").toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("python.err")));
    long relations = n.links().stream().filter(l -> l.kind() == ActorNetwork.LinkKind.RELATION).count();
    long events = n.links().size() - relations;
    assertTrue(events > 0, "the fixture has co-participation links");
    String first = n.actors().stream().min(java.util.Comparator.comparing(ActorNetwork.Actor::id)).orElseThrow().name();
    assertEquals(List.of("directed True", "nodes " + n.actors().size(), "edges " + (relations + 2 * events),
        "relations " + relations, "events " + 2 * events, "unpaired 0", "label " + first), out.lines().toList());
  }

  @org.junit.jupiter.api.Test
  void dotNamesEachEventOnOneOfItsLinksNotOnAll() {
    // 28 articles: one event of 8 actors has 28 links, all "Justice.Charge-Indict 2020"
    ActorNetwork n = network(VizFixtures.CORPUS);
    String dot = new String(bytes(n, NetworkFormat.DOT), StandardCharsets.UTF_8);
    List<String> eventEdges = dot.lines().filter(l -> l.contains(" -> ") && l.contains("kind=\"event\"")).toList();
    long events = n.links().stream().map(ActorNetwork.Link::eventIri).filter(java.util.Objects::nonNull).distinct().count();
    long labelled = eventEdges.stream().filter(l -> !l.contains("label=\"\"")).count();
    assertEquals(n.links().stream().filter(l -> l.kind() == ActorNetwork.LinkKind.CO_PARTICIPATION).count(), eventEdges.size());
    assertEquals(events, labelled, "one labelled link per event");
    long charge = eventEdges.stream().filter(l -> l.contains(", label=\"Justice.Charge-Indict 2020\"")).count();
    long chargeLinks = eventEdges.stream().filter(l -> l.contains("\"Justice.Charge-Indict 2020\"")).count();
    System.out.printf("DOT of 28 articles: %d event links, %d labelled (one per event); Justice.Charge-Indict 2020 on %d of"
        + " its %d links%n", eventEdges.size(), labelled, charge, chargeLinks);
    assertEquals(28, chargeLinks, "the big event's links keep its label as tooltip and event_label");
    assertTrue(charge <= 3, "and print it on at most one link per event of that type and date: " + charge);
  }

  @ParameterizedTest
  @ValueSource(strings = {VizFixtures.SMALL, VizFixtures.SEED, VizFixtures.CORPUS})
  void dotIsReadByGraphvizWithTheGraphsCounts(String resource, @TempDir Path dir) throws Exception {
    // Graphviz comes from Debian's graphviz package; .ci/run installs it
    Assumptions.assumeTrue(new File("/usr/bin/dot").canExecute(), "Graphviz's dot is not installed");
    ActorNetwork n = network(resource);
    Path file = dir.resolve("network.dot");
    Files.write(file, bytes(n, NetworkFormat.DOT));
    Process p = new ProcessBuilder("/usr/bin/dot", "-Tplain", file.toString())
        .redirectError(dir.resolve("dot.err").toFile()).start();
    String plain = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("dot.err")));
    assertEquals("", Files.readString(dir.resolve("dot.err")), "Graphviz has no warning");
    long nodes = plain.lines().filter(l -> l.startsWith("node ")).count();
    long edges = plain.lines().filter(l -> l.startsWith("edge ")).count();
    assertEquals(n.actors().size(), nodes);
    assertEquals(n.links().size(), edges);
    assertTrue(plain.contains(n.actors().get(0).name()) || plain.contains("\"" + n.actors().get(0).name() + "\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {VizFixtures.SMALL, VizFixtures.SEED})
  void jsonIsCytoscapeJsWithTheGraphsCountsAndEvidence(String resource) throws IOException {
    ActorNetwork n = network(resource);
    JsonNode root = new ObjectMapper().readTree(bytes(n, NetworkFormat.JSON));
    assertEquals(n.actors().size(), root.at("/elements/nodes").size());
    assertEquals(n.links().size(), root.at("/elements/edges").size());
    JsonNode node = root.at("/elements/nodes/0");
    assertEquals(n.actors().get(0).name(), node.at("/data/name").asText());
    assertTrue(node.at("/position/x").isNumber());
    for (JsonNode e : root.at("/elements/edges")) {
      assertFalse(e.at("/data/interaction").asText().isEmpty());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {VizFixtures.SMALL, VizFixtures.SEED})
  void htmlIsOnePageThatNeedsNothingFromTheNetwork(String resource, @TempDir Path dir) throws IOException {
    ActorNetwork n = network(resource);
    String html = new String(bytes(n, NetworkFormat.HTML), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("network.html"), html);
    assertFalse(Pattern.compile("<(script|link|img|iframe)[^>]+(src|href)=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
        "no external script, style or image");
    assertTrue(html.contains("The Cytoscape Consortium"), "cytoscape.js inlined with its licence header");
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"network-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertTrue(m.find());
    JsonNode data = new ObjectMapper().readTree(m.group(1));
    // the actors with links are drawn; those without are listed under "unlinked"
    long linked = n.actors().stream().filter(a -> a.degree() > 0).count();
    assertEquals(linked, data.at("/elements/nodes").size());
    assertEquals(n.actors().size() - linked, data.at("/unlinked").size());
    // the page draws one edge per relation and one per pair of actors sharing events, each event link inside it
    assertEquals(CytoscapeJson.drawnEdges(n), data.at("/elements/edges").size());
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (JsonNode e : data.at("/elements/edges")) {
      if (e.at("/data/kind").asText().equals("event")) {
        e.at("/data/events").forEach(x -> ids.add(x.get("id").asText()));
        assertEquals(e.at("/data/count").asInt(), e.at("/data/events").size());
      } else {
        ids.add(e.at("/data/id").asText());
      }
    }
    assertEquals(n.links().stream().map(ActorNetwork.Link::id).collect(java.util.stream.Collectors.toSet()), ids,
        "every link is in the page");
    assertEquals(4, html.split("</script>", -1).length - 1, "four scripts: data, server info, cytoscape.js, the page's");
  }

  @org.junit.jupiter.api.Test
  void markupInArticleTextCannotEscapeTheDataScript() throws IOException {
    ActorNetwork n = new ActorNetwork(List.of(new ActorNetwork.Actor("n0", "urn:x", "</script><script>alert(1)</script>",
        NodeKind.PERSON, List.of(), java.util.Map.of(), List.of(), 0, 10, 10, 28)), List.of());
    String html = new String(bytes(n, NetworkFormat.HTML), StandardCharsets.UTF_8);
    assertFalse(html.contains("</script><script>alert(1)"));
    assertTrue(html.contains("\\u003c/script>\\u003cscript>alert(1)"));
  }
}
