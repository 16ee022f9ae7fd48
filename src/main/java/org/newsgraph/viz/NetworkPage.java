package org.newsgraph.viz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network page: one HTML file holding the network as Cytoscape.js JSON, cytoscape.js itself
 * (from its webjar, MIT licence, licence header kept) and the page's own script, so that it opens
 * from disk without network access. In {@link Mode#SERVER} it also shows a Cypher query box that
 * posts to {@code api/cypher} on the server that serves it.
 *
 * <p>The page draws nodes with the shapes and colours of {@link NodeKind} and the positions of
 * {@link NetworkLayout}, with fonts of {@link NetworkLayout#NODE_FONT_PX} and {@link
 * NetworkLayout#EDGE_FONT_PX} so that the labels take the room the layout gave them. The event links
 * between two actors are drawn as one edge ({@link CytoscapeJson#pageTree}) whose label, the type
 * and date of each event, shows on hover, on selection or with the "Label every event line" switch, so
 * that the opening view shows node names and relation labels without overlaps; with the switch each
 * event is named on one of its lines ({@link ActorNetwork#labelledEventLinks()}). Actors without a
 * link are not drawn but listed beside the graph, filterable and found by the search. The page
 * opens on the linked actors with node names at least 10 CSS pixels high; when they do not all fit
 * at that size, on the largest connected group around its best-linked actor. Article text reaches
 * the page only as JSON data and is put into the document as text, never as markup.
 */
public final class NetworkPage {
  private NetworkPage() {}

  /** Where the page is used. */
  public enum Mode {
    /** A file written by {@code newsgraph viz}. */
    FILE,
    /** Served by {@code newsgraph serve}, with the live query box. */
    SERVER
  }

  private static final String TEMPLATE = "/org/newsgraph/viz/network.html";
  private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/cytoscape/pom.properties";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

  /** The version of the cytoscape.js webjar on the classpath, e.g. {@code 3.33.1}. */
  public static String cytoscapeVersion() {
    try (InputStream in = NetworkPage.class.getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException("cytoscape.js webjar (org.webjars.npm:cytoscape) is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** cytoscape.min.js from the webjar. */
  static String cytoscapeJs() {
    return resource("/META-INF/resources/webjars/cytoscape/" + cytoscapeVersion() + "/dist/cytoscape.min.js");
  }

  private static String resource(String path) {
    try (InputStream in = NetworkPage.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The page as a string.
   *
   * @param network a laid-out network
   * @param mode file or server
   * @param serverInfo for {@link Mode#SERVER}: {@code sparql} and {@code bolt} endpoint addresses
   *     shown under the query box; may be empty
   */
  public static String html(ActorNetwork network, Mode mode, Map<String, String> serverInfo) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("MODE", mode == Mode.SERVER ? "server" : "file");
    values.put("NETWORK", scriptJson(CytoscapeJson.pageTree(network)));
    ObjectNode info = CytoscapeJson.JSON.createObjectNode();
    serverInfo.forEach(info::put);
    values.put("SERVER", scriptJson(info));
    ArrayNode kinds = CytoscapeJson.JSON.createArrayNode();
    for (NodeKind k : NodeKind.values()) {
      kinds.addObject().put("id", k.id()).put("label", k.label()).put("colour", k.colour()).put("shape", k.cytoscapeShape());
    }
    values.put("KINDS", scriptJson(kinds));
    values.put("NODE_FONT", GraphmlWriter.num(NetworkLayout.NODE_FONT_PX));
    values.put("EDGE_FONT", GraphmlWriter.num(NetworkLayout.EDGE_FONT_PX));
    values.put("LABEL_GAP", GraphmlWriter.num(NetworkLayout.LABEL_GAP));
    values.put("CYTOSCAPE", cytoscapeJs().replace("</script", "<\\/script"));
    Matcher m = PLACEHOLDER.matcher(resource(TEMPLATE));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new IllegalStateException("page template has an unknown placeholder " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Writes the page, UTF-8, and flushes. */
  static void write(ActorNetwork network, Mode mode, OutputStream out) throws IOException {
    out.write(html(network, mode, Map.of()).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** JSON that is safe inside a script element: no "<" that could close it. */
  private static String scriptJson(Object tree) {
    try {
      return CytoscapeJson.JSON.writeValueAsString(tree).replace("<", "\\u003c").replace("\u2028", "\\u2028")
          .replace("\u2029", "\\u2029");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
