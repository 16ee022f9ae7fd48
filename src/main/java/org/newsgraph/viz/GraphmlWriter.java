package org.newsgraph.viz;

import java.io.OutputStream;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Link;

/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, yEd, Cytoscape desktop and NetworkX: a
 * directed graph with a {@code <key>} declared for every node and edge attribute ({@code d_*}
 * names, typed {@code string} or {@code int}), plus yEd's graphics extension ({@code y:ShapeNode}
 * with the layout's position, size, colour, shape and label; {@code y:PolyLineEdge} with its label
 * and, for co-participation, a dashed line and no arrow), which other programs ignore.
 */
final class GraphmlWriter {
  private GraphmlWriter() {}

  static final String NS = "http://graphml.graphdrawing.org/xmlns";
  static final String YED = "http://www.yworks.com/xml/graphml";

  static void write(ActorNetwork n, OutputStream out) throws XMLStreamException {
    XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    w.writeStartDocument("UTF-8", "1.0");
    w.writeCharacters("\n");
    w.writeStartElement("graphml");
    w.writeDefaultNamespace(NS);
    w.writeNamespace("y", YED);
    w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
    w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
        NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    w.writeCharacters("\n");
    for (Map.Entry<String, String> k : Attributes.NODE.entrySet()) {
      key(w, "node", "d_" + k.getKey(), k.getKey(), k.getValue());
    }
    for (Map.Entry<String, String> k : Attributes.LINK.entrySet()) {
      key(w, "edge", "e_" + k.getKey(), k.getKey(), k.getValue());
    }
    w.writeEmptyElement("key");
    w.writeAttribute("for", "node");
    w.writeAttribute("id", "y_node");
    w.writeAttribute("yfiles.type", "nodegraphics");
    w.writeCharacters("\n");
    w.writeEmptyElement("key");
    w.writeAttribute("for", "edge");
    w.writeAttribute("id", "y_edge");
    w.writeAttribute("yfiles.type", "edgegraphics");
    w.writeCharacters("\n");
    w.writeStartElement("graph");
    w.writeAttribute("id", "newsgraph");
    w.writeAttribute("edgedefault", "directed");
    w.writeCharacters("\n");
    for (Actor a : n.actors()) {
      w.writeStartElement("node");
      w.writeAttribute("id", a.id());
      for (Map.Entry<String, String> e : Attributes.of(a).entrySet()) {
        data(w, "d_" + e.getKey(), e.getValue());
      }
      w.writeStartElement("data");
      w.writeAttribute("key", "y_node");
      w.writeStartElement(YED, "ShapeNode");
      w.writeEmptyElement(YED, "Geometry");
      w.writeAttribute("x", num(a.x() - a.size() / 2));
      w.writeAttribute("y", num(a.y() - a.size() / 2));
      w.writeAttribute("width", num(a.size()));
      w.writeAttribute("height", num(a.size()));
      w.writeEmptyElement(YED, "Fill");
      w.writeAttribute("color", a.kind().colour().toUpperCase(java.util.Locale.ROOT));
      w.writeAttribute("transparent", "false");
      w.writeStartElement(YED, "NodeLabel");
      w.writeAttribute("modelName", "sides");
      w.writeAttribute("modelPosition", "s");
      w.writeAttribute("fontSize", num(NetworkLayout.NODE_FONT_PX));
      w.writeCharacters(a.name());
      w.writeEndElement();
      w.writeEmptyElement(YED, "Shape");
      w.writeAttribute("type", a.kind().yedShape());
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeCharacters("\n");
    }
    for (Link l : n.links()) {
      w.writeStartElement("edge");
      w.writeAttribute("id", l.id());
      w.writeAttribute("source", l.source());
      w.writeAttribute("target", l.target());
      for (Map.Entry<String, String> e : Attributes.of(l).entrySet()) {
        data(w, "e_" + e.getKey(), e.getValue());
      }
      boolean event = l.kind() == ActorNetwork.LinkKind.CO_PARTICIPATION;
      w.writeStartElement("data");
      w.writeAttribute("key", "y_edge");
      w.writeStartElement(YED, "PolyLineEdge");
      w.writeEmptyElement(YED, "LineStyle");
      w.writeAttribute("color", event ? "#8C5E8A" : "#666666");
      w.writeAttribute("type", event ? "dashed" : "line");
      w.writeAttribute("width", "1.5");
      w.writeEmptyElement(YED, "Arrows");
      w.writeAttribute("source", "none");
      w.writeAttribute("target", event ? "none" : "standard");
      w.writeStartElement(YED, "EdgeLabel");
      w.writeAttribute("fontSize", num(NetworkLayout.EDGE_FONT_PX));
      w.writeCharacters(l.label());
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeCharacters("\n");
    }
    w.writeEndElement();
    w.writeCharacters("\n");
    w.writeEndElement();
    w.writeCharacters("\n");
    w.writeEndDocument();
    w.flush();
  }

  private static void key(XMLStreamWriter w, String forWhat, String id, String name, String type) throws XMLStreamException {
    w.writeEmptyElement("key");
    w.writeAttribute("id", id);
    w.writeAttribute("for", forWhat);
    w.writeAttribute("attr.name", name);
    w.writeAttribute("attr.type", type);
    w.writeCharacters("\n");
  }

  private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
    w.writeStartElement("data");
    w.writeAttribute("key", key);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 10) / 10.0);
  }
}
