package org.newsgraph.neo4j;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.TextDirection;
import org.apache.jena.vocabulary.XSD;

/**
 * The {@code uri} of a Neo4j node made from an RDF term, and back: an IRI is itself, a blank node
 * {@code _:} plus Jena's label, a triple term its N-Triples 1.2 form {@code <<( <s> <p> "o"@en
 * )>>} (IRIs in angle brackets with {@code \} and {@code >} escaped by a backslash, literals in
 * double quotes with {@code \}, {@code "}, line feed and carriage return escaped, then {@code
 * @lang}, {@code @lang--dir} or {@code ^^<datatype>}; nested triple terms likewise).
 */
public final class TermCodec {
  private TermCodec() {}

  /** Start of the {@code uri} of a triple term node. */
  public static final String TRIPLE_TERM_START = "<<( ";

  /**
   * @param n an IRI, blank node or triple term (literals only inside triple terms)
   * @return its {@code uri} string
   */
  public static String uri(Node n) {
    if (n.isURI()) {
      return n.getURI();
    }
    if (n.isBlank()) {
      return "_:" + n.getBlankNodeLabel();
    }
    StringBuilder sb = new StringBuilder();
    format(n, sb);
    return sb.toString();
  }

  /**
   * The term a {@link #uri(Node)} string stands for.
   *
   * @throws IllegalArgumentException when a triple term string is malformed
   */
  public static Node node(String uri) {
    if (uri.startsWith("_:")) {
      return NodeFactory.createBlankNode(uri.substring(2));
    }
    if (uri.startsWith(TRIPLE_TERM_START)) {
      Parser p = new Parser(uri);
      Node n = p.term();
      p.skipSpace();
      if (p.i != uri.length()) {
        throw p.error("text after the triple term");
      }
      return n;
    }
    return NodeFactory.createURI(uri);
  }

  private static void format(Node n, StringBuilder sb) {
    if (n.isURI()) {
      sb.append('<');
      escape(n.getURI(), sb, true);
      sb.append('>');
    } else if (n.isBlank()) {
      sb.append("_:").append(n.getBlankNodeLabel());
    } else if (n.isLiteral()) {
      sb.append('"');
      escape(n.getLiteralLexicalForm(), sb, false);
      sb.append('"');
      String lang = n.getLiteralLanguage();
      if (!lang.isEmpty()) {
        sb.append('@').append(lang);
        TextDirection dir = n.getLiteralBaseDirection();
        if (dir != null) {
          sb.append("--").append(dir.direction());
        }
      } else if (!XSD.xstring.getURI().equals(n.getLiteralDatatypeURI())) {
        sb.append("^^<");
        escape(n.getLiteralDatatypeURI(), sb, true);
        sb.append('>');
      }
    } else if (n.isTripleTerm()) {
      sb.append(TRIPLE_TERM_START);
      format(n.getTriple().getSubject(), sb);
      sb.append(' ');
      format(n.getTriple().getPredicate(), sb);
      sb.append(' ');
      format(n.getTriple().getObject(), sb);
      sb.append(" )>>");
    } else {
      throw new IllegalArgumentException("not an RDF term: " + n);
    }
  }

  private static void escape(String s, StringBuilder sb, boolean iri) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || (iri && c == '>') || (!iri && c == '"')) {
        sb.append('\\').append(c);
      } else if (!iri && c == '\n') {
        sb.append("\\n");
      } else if (!iri && c == '\r') {
        sb.append("\\r");
      } else {
        sb.append(c);
      }
    }
  }

  private static final class Parser {
    final String s;
    int i;

    Parser(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("malformed triple term at character " + i + " (" + what + "): " + s);
    }

    void skipSpace() {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
    }

    Node term() {
      skipSpace();
      if (s.startsWith("<<(", i)) {
        i += 3;
        Node subject = term();
        Node predicate = term();
        Node object = term();
        skipSpace();
        if (!s.startsWith(")>>", i)) {
          throw error("')>>' expected");
        }
        i += 3;
        return NodeFactory.createTripleTerm(subject, predicate, object);
      }
      if (i >= s.length()) {
        throw error("term expected");
      }
      char c = s.charAt(i);
      if (c == '<') {
        i++;
        return NodeFactory.createURI(until('>'));
      }
      if (s.startsWith("_:", i)) {
        int start = i + 2;
        while (i < s.length() && s.charAt(i) != ' ') {
          i++;
        }
        return NodeFactory.createBlankNode(s.substring(start, i));
      }
      if (c == '"') {
        i++;
        String lex = until('"');
        if (s.startsWith("^^<", i)) {
          i += 3;
          String dt = until('>');
          return NodeFactory.createLiteral(lex, TypeMapper.getInstance().getSafeTypeByName(dt));
        }
        if (i < s.length() && s.charAt(i) == '@') {
          int start = ++i;
          while (i < s.length() && s.charAt(i) != ' ') {
            i++;
          }
          String tag = s.substring(start, i);
          int dir = tag.indexOf("--");
          return dir < 0 ? NodeFactory.createLiteralLang(lex, tag)
              : NodeFactory.createLiteralDirLang(lex, tag.substring(0, dir), tag.substring(dir + 2));
        }
        return NodeFactory.createLiteralString(lex);
      }
      throw error("unexpected '" + c + "'");
    }

    /** Reads up to the unescaped {@code end}, undoing the escapes, and skips {@code end}. */
    String until(char end) {
      StringBuilder sb = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i++);
        if (c == end) {
          return sb.toString();
        }
        if (c == '\\' && i < s.length()) {
          char e = s.charAt(i++);
          sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e);
        } else {
          sb.append(c);
        }
      }
      throw error("'" + end + "' expected");
    }
  }
}
