package org.newsgraph.viz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;

/**
 * The files {@code newsgraph viz} writes. Every format carries the same nodes (kind, label, IRI,
 * aliases, degree, attributes, position) and links (kind, type, label, date, evidence).
 */
public enum NetworkFormat {
  /** One self-contained HTML page with cytoscape.js inlined; opens without network access. */
  HTML("html", "html"),
  /** GraphML with declared keys and yEd graphics: yEd, Gephi, Cytoscape desktop, NetworkX. */
  GRAPHML("graphml", "graphml"),
  /** GEXF 1.3 with the viz module: Gephi, networkx ({@code read_gexf}). */
  GEXF("gexf", "gexf"),
  /** Graphviz DOT. */
  DOT("dot", "dot"),
  /** Cytoscape.js JSON ({@code .cyjs}): Cytoscape desktop, cytoscape.js. */
  JSON("json", "cyjs");

  private final String id;
  private final String extension;

  NetworkFormat(String id, String extension) {
    this.id = id;
    this.extension = extension;
  }

  /** The name used with {@code -f}. */
  public String id() {
    return id;
  }

  /** The usual file extension, without dot. */
  public String extension() {
    return extension;
  }

  /**
   * The format named {@code name} (case ignored; {@code cyjs} and {@code xml}-less aliases such as
   * {@code gv} are accepted).
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static NetworkFormat of(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (NetworkFormat f : values()) {
      if (f.id.equals(n) || f.extension.equals(n)) {
        return f;
      }
    }
    if (n.equals("gv") || n.equals("graphviz")) {
      return DOT;
    }
    if (n.equals("htm")) {
      return HTML;
    }
    throw new IllegalArgumentException("unknown format '" + name + "'; use one of "
        + Arrays.stream(values()).map(NetworkFormat::id).collect(Collectors.joining(", ")));
  }

  /** The format of a file name by its extension, if it is one of these. */
  public static Optional<NetworkFormat> byFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(of(fileName.substring(dot + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes a laid-out network in this format, UTF-8. The stream is flushed, not closed.
   *
   * @param network the network, positions set by {@link NetworkLayout#apply}
   * @param out where to write
   * @throws UncheckedIOException when writing fails
   */
  public void write(ActorNetwork network, OutputStream out) {
    try {
      switch (this) {
        case HTML -> NetworkPage.write(network, NetworkPage.Mode.FILE, out);
        case GRAPHML -> GraphmlWriter.write(network, out);
        case GEXF -> GexfWriter.write(network, out);
        case DOT -> DotWriter.write(network, new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        case JSON -> {
          CytoscapeJson.JSON.writerWithDefaultPrettyPrinter().without(
              com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, CytoscapeJson.tree(network));
          out.write('\n');
        }
      }
      out.flush();
    } catch (XMLStreamException e) {
      throw new UncheckedIOException(new IOException("cannot write " + id + ": " + e.getMessage(), e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
