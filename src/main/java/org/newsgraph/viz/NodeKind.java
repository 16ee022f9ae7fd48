package org.newsgraph.viz;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of actor in the network, each with the shape and colour it is drawn with in every
 * output (the page, yEd's GraphML graphics, GEXF's viz module, Graphviz). Colours are from a
 * palette that stays distinguishable for the common colour-vision deficiencies, and every kind has
 * its own shape as well, so colour is never the only cue.
 */
public enum NodeKind {
  /** {@code ng:Person}. */
  PERSON("person", "Person", "#4e79a7", "ellipse", "ellipse", "ellipse", "disc"),
  /** {@code ng:Organization}. */
  ORGANIZATION("organization", "Organisation", "#f28e2b", "round-rectangle", "box", "roundrectangle", "square"),
  /** {@code ng:GeopoliticalEntity}: country, state, city. */
  GPE("gpe", "Country, state or city", "#59a14f", "diamond", "diamond", "diamond", "diamond"),
  /** {@code ng:Location}: a place that is not a geopolitical entity. */
  LOCATION("location", "Other place", "#9c755f", "triangle", "triangle", "triangle", "triangle"),
  /** A person or organisation flagged {@code ng:isGroup true}, e.g. "U.S. prosecutors". */
  GROUP("group", "Group of people", "#b07aa1", "octagon", "octagon", "octagon", "square");

  private final String id;
  private final String label;
  private final String colour;
  private final String cytoscapeShape;
  private final String graphvizShape;
  private final String yedShape;
  private final String gexfShape;

  NodeKind(String id, String label, String colour, String cytoscapeShape, String graphvizShape,
      String yedShape, String gexfShape) {
    this.id = id;
    this.label = label;
    this.colour = colour;
    this.cytoscapeShape = cytoscapeShape;
    this.graphvizShape = graphvizShape;
    this.yedShape = yedShape;
    this.gexfShape = gexfShape;
  }

  /** The name used on the command line ({@code --types}) and in every output's {@code kind} attribute. */
  public String id() {
    return id;
  }

  /** A label for legends. */
  public String label() {
    return label;
  }

  /** Fill colour as {@code #rrggbb}. */
  public String colour() {
    return colour;
  }

  /** Red, green and blue components of {@link #colour()}, 0-255 each. */
  public int[] rgb() {
    int v = Integer.parseInt(colour.substring(1), 16);
    return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
  }

  /** Node shape name in cytoscape.js. */
  public String cytoscapeShape() {
    return cytoscapeShape;
  }

  /** Node shape name in Graphviz ({@code box} is drawn rounded by the DOT writer). */
  public String graphvizShape() {
    return graphvizShape;
  }

  /** Shape name in yEd's GraphML extension ({@code y:Shape type}). */
  public String yedShape() {
    return yedShape;
  }

  /** Shape name in GEXF's viz module (disc, square, triangle, diamond). */
  public String gexfShape() {
    return gexfShape;
  }

  /**
   * Parses a comma-separated list of kind names such as {@code person,organization}. Also takes
   * {@code place} for gpe and location, and plural forms ({@code people}, {@code organizations},
   * {@code groups}); case is ignored.
   *
   * @throws IllegalArgumentException naming the unknown entry and the accepted names
   */
  public static Set<NodeKind> parseList(String list) {
    Set<NodeKind> kinds = EnumSet.noneOf(NodeKind.class);
    for (String raw : list.split(",")) {
      String s = raw.strip().toLowerCase(Locale.ROOT);
      if (s.isEmpty()) {
        continue;
      }
      switch (s) {
        case "place", "places" -> {
          kinds.add(GPE);
          kinds.add(LOCATION);
        }
        case "people", "persons" -> kinds.add(PERSON);
        case "organisation", "organisations", "organizations", "org", "orgs" -> kinds.add(ORGANIZATION);
        default -> {
          NodeKind k = null;
          for (NodeKind c : values()) {
            if (c.id.equals(s) || (c.id + "s").equals(s)) {
              k = c;
            }
          }
          if (k == null) {
            throw new IllegalArgumentException("unknown node type '" + raw.strip() + "' in --types; use "
                + EnumSet.allOf(NodeKind.class).stream().map(NodeKind::id).collect(Collectors.joining(", "))
                + " (or place for gpe and location)");
          }
          kinds.add(k);
        }
      }
    }
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("--types names no node type");
    }
    return kinds;
  }
}
