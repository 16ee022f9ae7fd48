package org.newsgraph.viz;

import java.io.PrintWriter;
import java.util.Map;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Link;

/**
 * Graphviz DOT: a {@code digraph} with one node per actor (label, shape and fill colour by kind,
 * the layout's position as {@code pos} in points, which {@code neato -n} keeps) and one edge per
 * link (label; co-participation dashed, without arrow, the event's type and date printed on one of
 * its links only ({@link ActorNetwork#labelledEventLinks()}), on the others kept as {@code tooltip}
 * and {@code event_label}). Every other attribute is carried as a DOT
 * attribute of the same name (Graphviz keeps attributes it does not know, e.g. in {@code -Tdot}
 * and {@code -Tjson} output). Strings are quoted with {@code "} and {@code \} escaped, newlines as
 * {@code \n}.
 */
final class DotWriter {
  private DotWriter() {}

  /** Layout units (CSS pixels) to points. */
  private static final double PT = 72.0 / 96.0;

  static void write(ActorNetwork n, PrintWriter out) {
    out.println("digraph newsgraph {");
    out.println("  graph [overlap=false, splines=true, outputorder=edgesfirst, fontname=\"DejaVu Sans\"];");
    out.println("  node [style=filled, fontname=\"DejaVu Sans\", fontsize=10, fontcolor=\"#222222\", color=\"#333333\"];");
    out.println("  edge [fontname=\"DejaVu Sans\", fontsize=8, color=\"#666666\", fontcolor=\"#444444\"];");
    for (Actor a : n.actors()) {
      StringBuilder b = new StringBuilder("  ").append(quote(a.id())).append(" [");
      b.append("shape=").append(a.kind().graphvizShape());
      if (a.kind() == NodeKind.ORGANIZATION) {
        b.append(", style=\"filled,rounded\"");
      }
      b.append(", fillcolor=").append(quote(a.kind().colour()));
      b.append(", pos=").append(quote(GraphmlWriter.num(a.x() * PT) + "," + GraphmlWriter.num(-a.y() * PT)));
      b.append(", width=").append(GraphmlWriter.num(a.size() / 96.0));
      for (Map.Entry<String, String> e : Attributes.of(a).entrySet()) {
        if (!e.getKey().equals("colour")) {
          b.append(", ").append(e.getKey()).append('=').append(quote(e.getValue()));
        }
      }
      out.println(b.append("];"));
    }
    java.util.Set<String> labelled = n.labelledEventLinks();
    for (Link l : n.links()) {
      StringBuilder b = new StringBuilder("  ").append(quote(l.source())).append(" -> ").append(quote(l.target()))
          .append(" [id=").append(quote(l.id()));
      boolean unlabelled = l.kind() == ActorNetwork.LinkKind.CO_PARTICIPATION && !labelled.contains(l.id());
      if (l.kind() == ActorNetwork.LinkKind.CO_PARTICIPATION) {
        b.append(", style=dashed, dir=none, color=\"#8c5e8a\"");
      }
      for (Map.Entry<String, String> e : Attributes.of(l).entrySet()) {
        if (unlabelled && e.getKey().equals("label")) {
          b.append(", label=\"\", event_label=").append(quote(e.getValue())).append(", tooltip=").append(quote(e.getValue()));
          continue;
        }
        b.append(", ").append(e.getKey()).append('=').append(quote(e.getValue()));
      }
      out.println(b.append("];"));
    }
    out.println("}");
    out.flush();
  }

  /** A DOT double-quoted string. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> { }
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
