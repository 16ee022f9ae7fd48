package org.newsgraph.viz;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Link;

/**
 * GEXF 1.3 (https://gexf.net/) for Gephi and networkx: a directed static graph whose node and edge
 * attributes are declared in {@code <attributes>} (ids are the attribute names), with the viz
 * module's position, size, colour and shape for every node and colour for every edge. Parallel edges
 * between the same two actors keep their own ids and {@code kind} (the relation or event type),
 * which Gephi needs to keep them apart.
 *
 * <p>A relation is one directed edge, subject to object. A co-participation link has no direction,
 * and GEXF readers disagree on how to say that in a directed graph: networkx's {@code read_gexf}
 * refuses an edge of {@code type="undirected"} there (it reads no mixed graphs), and Gephi's importer
 * refuses {@code type="mutual"}. So it is written as the two directed edges that {@code mutual}
 * stands for, {@code ID} and {@code ID-reverse}, with the same attributes (roles swapped), which
 * both read.
 */
final class GexfWriter {
  private GexfWriter() {}

  static final String NS = "http://gexf.net/1.3";
  static final String VIZ = "http://gexf.net/1.3/viz";

  static void write(ActorNetwork n, OutputStream out) throws XMLStreamException {
    XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    w.writeCharacters("\n");
    w.writeStartElement("gexf");
    w.writeDefaultNamespace(NS);
    w.writeNamespace("viz", VIZ);
    w.writeAttribute("version", "1.3");
    w.writeCharacters("\n");
    w.writeStartElement("meta");
    w.writeAttribute("lastmodifieddate", LocalDate.now().toString());
    element(w, "creator", "newsgraph");
    element(w, "description", "Actor network: people, organisations, places and groups; relations and "
        + "co-participation in events, with the sentences behind them");
    w.writeEndElement();
    w.writeCharacters("\n");
    w.writeStartElement("graph");
    w.writeAttribute("defaultedgetype", "directed");
    w.writeAttribute("mode", "static");
    w.writeCharacters("\n");
    attributes(w, "node", Attributes.NODE);
    attributes(w, "edge", Attributes.LINK);
    w.writeStartElement("nodes");
    w.writeCharacters("\n");
    for (Actor a : n.actors()) {
      w.writeStartElement("node");
      w.writeAttribute("id", a.id());
      w.writeAttribute("label", a.name());
      attvalues(w, Attributes.of(a));
      int[] rgb = a.kind().rgb();
      w.writeEmptyElement(VIZ, "color");
      w.writeAttribute("r", Integer.toString(rgb[0]));
      w.writeAttribute("g", Integer.toString(rgb[1]));
      w.writeAttribute("b", Integer.toString(rgb[2]));
      w.writeEmptyElement(VIZ, "position");
      w.writeAttribute("x", GraphmlWriter.num(a.x()));
      w.writeAttribute("y", GraphmlWriter.num(-a.y())); // GEXF's y grows upwards
      w.writeAttribute("z", "0");
      w.writeEmptyElement(VIZ, "size");
      w.writeAttribute("value", GraphmlWriter.num(a.size() / 2));
      w.writeEmptyElement(VIZ, "shape");
      w.writeAttribute("value", a.kind().gexfShape());
      w.writeEndElement();
      w.writeCharacters("\n");
    }
    w.writeEndElement();
    w.writeCharacters("\n");
    w.writeStartElement("edges");
    w.writeCharacters("\n");
    for (Link l : n.links()) {
      edge(w, l, l.id(), false);
      if (l.kind() == ActorNetwork.LinkKind.CO_PARTICIPATION) {
        edge(w, l, l.id() + "-reverse", true);
      }
    }
    w.writeEndElement();
    w.writeCharacters("\n");
    w.writeEndElement();
    w.writeCharacters("\n");
    w.writeEndElement();
    w.writeCharacters("\n");
    w.writeEndDocument();
    w.flush();
  }

  /** One directed edge of a link; {@code reverse} writes it target to source (co-participation only). */
  private static void edge(XMLStreamWriter w, Link l, String id, boolean reverse) throws XMLStreamException {
    boolean event = l.kind() == ActorNetwork.LinkKind.CO_PARTICIPATION;
    w.writeStartElement("edge");
    w.writeAttribute("id", id);
    w.writeAttribute("source", reverse ? l.target() : l.source());
    w.writeAttribute("target", reverse ? l.source() : l.target());
    w.writeAttribute("label", l.label());
    w.writeAttribute("kind", l.type());
    Map<String, String> values = Attributes.of(l);
    if (reverse && values.containsKey("roles")) {
      values.put("roles", CytoscapeJson.swapRoles(values.get("roles")));
    }
    attvalues(w, values);
    w.writeEmptyElement(VIZ, "color");
    w.writeAttribute("r", event ? "140" : "102");
    w.writeAttribute("g", event ? "94" : "102");
    w.writeAttribute("b", event ? "138" : "102");
    w.writeEndElement();
    w.writeCharacters("\n");
  }

  private static void attributes(XMLStreamWriter w, String forWhat, Map<String, String> declared) throws XMLStreamException {
    w.writeStartElement("attributes");
    w.writeAttribute("class", forWhat);
    w.writeCharacters("\n");
    for (Map.Entry<String, String> a : declared.entrySet()) {
      w.writeEmptyElement("attribute");
      w.writeAttribute("id", a.getKey());
      w.writeAttribute("title", a.getKey());
      w.writeAttribute("type", a.getValue().equals("int") ? "integer" : "string");
      w.writeCharacters("\n");
    }
    w.writeEndElement();
    w.writeCharacters("\n");
  }

  private static void attvalues(XMLStreamWriter w, Map<String, String> values) throws XMLStreamException {
    w.writeStartElement("attvalues");
    for (Map.Entry<String, String> v : values.entrySet()) {
      w.writeEmptyElement("attvalue");
      w.writeAttribute("for", v.getKey());
      w.writeAttribute("value", v.getValue());
    }
    w.writeEndElement();
  }

  private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }
}
