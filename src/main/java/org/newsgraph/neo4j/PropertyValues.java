package org.newsgraph.neo4j;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.XSD;

/**
 * How the literals of one property key are held in Neo4j, reversibly.
 *
 * <p>Each literal becomes a Neo4j value ({@link RdfGraphLoader#literalValue}) when that value gives
 * back exactly its lexical form, else its lexical form as a string. Each value has a default
 * datatype: string {@code xsd:string}, integer {@code xsd:integer}, float {@code xsd:decimal},
 * boolean {@code xsd:boolean}, date {@code xsd:date}, date-times {@code xsd:dateTime}. The
 * property {@code KEY__type} holds the datatype IRI of a value whose datatype is not that default
 * (e.g. {@code xsd:gYear}, {@code xsd:anyURI}, {@code xsd:long}); {@code KEY__lang} the language
 * tag of a language-tagged string (with {@code --ltr}/{@code --rtl} for a base direction). One
 * literal gives one value and, where needed, a string in those keys; several give sorted lists,
 * and the two parallel lists, present only when some value needs them, have one entry per value
 * ({@code ""} for none). A key whose values mix kinds keeps integers and decimals together as
 * floats, and anything else as lexical forms (with their datatypes in {@code KEY__type}).
 */
public final class PropertyValues {
  private PropertyValues() {}

  /** Suffix of the key holding language tags. */
  public static final String LANG = "__lang";
  /** Suffix of the key holding datatypes other than the value's default. */
  public static final String TYPE = "__type";

  private static final String XSD_NS = XSD.NS;
  private static final String XSD_STRING = XSD_NS + "string";

  /** One literal as held in Neo4j. */
  record Encoded(Object value, String type, String lang) {}

  /**
   * Puts the values of {@code key} for {@code literals} into {@code props}: {@code key}, and
   * {@code key__type} / {@code key__lang} when needed.
   */
  static void put(Map<String, Object> props, String key, Set<Node> literals) {
    if (literals.size() == 1) { // the usual case, without the lists below
      Encoded e = encode(literals.iterator().next());
      props.put(key, e.value());
      if (!e.type().isEmpty()) {
        props.put(key + TYPE, e.type());
      }
      if (!e.lang().isEmpty()) {
        props.put(key + LANG, e.lang());
      }
      return;
    }
    List<Encoded> values = new ArrayList<>(literals.size());
    List<Node> nodes = new ArrayList<>(literals);
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (Node l : nodes) {
      Encoded e = encode(l);
      values.add(e);
      classes.add(e.value().getClass());
    }
    if (classes.size() > 1) {
      boolean numbers = classes.stream().allMatch(k -> k == Long.class || k == Double.class);
      List<Encoded> mixed = new ArrayList<>(values.size());
      for (int i = 0; i < values.size(); i++) {
        Encoded e = values.get(i);
        Node l = nodes.get(i);
        String dt = l.getLiteralDatatypeURI();
        if (numbers && e.value() instanceof Long n && Math.abs(n) < (1L << 53)) {
          mixed.add(new Encoded(n.doubleValue(), dt, ""));
        } else if (numbers && e.value() instanceof Double) {
          mixed.add(e);
        } else {
          mixed.add(new Encoded(l.getLiteralLexicalForm(), e.lang().isEmpty() && !XSD_STRING.equals(dt) ? dt : "", e.lang()));
        }
      }
      Set<Class<?>> now = new LinkedHashSet<>();
      mixed.forEach(e -> now.add(e.value().getClass()));
      if (now.size() > 1) {
        mixed.clear();
        for (Node l : literals) {
          String dt = l.getLiteralDatatypeURI();
          String lang = encode(l).lang();
          mixed.add(new Encoded(l.getLiteralLexicalForm(), lang.isEmpty() && !XSD_STRING.equals(dt) ? dt : "", lang));
        }
      }
      values = mixed;
    }
    List<Encoded> distinct = new ArrayList<>(new LinkedHashSet<>(values));
    distinct.sort(ORDER);
    boolean typed = distinct.stream().anyMatch(e -> !e.type().isEmpty());
    boolean tagged = distinct.stream().anyMatch(e -> !e.lang().isEmpty());
    if (distinct.size() == 1) {
      props.put(key, distinct.get(0).value());
      if (typed) {
        props.put(key + TYPE, distinct.get(0).type());
      }
      if (tagged) {
        props.put(key + LANG, distinct.get(0).lang());
      }
      return;
    }
    props.put(key, distinct.stream().map(Encoded::value).toList());
    if (typed) {
      props.put(key + TYPE, distinct.stream().map(Encoded::type).toList());
    }
    if (tagged) {
      props.put(key + LANG, distinct.stream().map(Encoded::lang).toList());
    }
  }

  /** One literal: its value, its datatype when not the value's default, its language tag. */
  static Encoded encode(Node literal) {
    String lex = literal.getLiteralLexicalForm();
    String lang = literal.getLiteralLanguage();
    if (lang != null && !lang.isEmpty()) {
      String dir = literal.getLiteralBaseDirection() == null ? "" : "--" + literal.getLiteralBaseDirection().direction();
      return new Encoded(lex, "", lang + dir);
    }
    String dt = literal.getLiteralDatatypeURI();
    Object v = RdfGraphLoader.literalValue(literal);
    if (!(v instanceof String) && !lex.equals(lexicalForm(v, dt))) {
      v = lex;
    }
    return new Encoded(v, dt.equals(defaultDatatype(v)) ? "" : dt, "");
  }

  /**
   * The literal a Neo4j value stands for.
   *
   * @param value a value read from Neo4j (one element of a list)
   * @param type the datatype IRI, or {@code ""}/null for the value's default
   * @param lang the language tag (optionally {@code --ltr}/{@code --rtl}), or {@code ""}/null
   * @throws IllegalArgumentException for a value of a kind this mapping never writes
   */
  public static Node decode(Object value, String type, String lang) {
    if (lang != null && !lang.isEmpty()) {
      int dir = lang.indexOf("--");
      return dir < 0 ? NodeFactory.createLiteralLang(String.valueOf(value), lang)
          : NodeFactory.createLiteralDirLang(String.valueOf(value), lang.substring(0, dir), lang.substring(dir + 2));
    }
    String dt = type == null || type.isEmpty() ? defaultDatatype(value) : type;
    if (dt == null) {
      throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " value (" + value
          + ") has no RDF datatype in this mapping");
    }
    String lex = lexicalForm(value, dt);
    return XSD_STRING.equals(dt) ? NodeFactory.createLiteralString(lex)
        : NodeFactory.createLiteral(lex, TypeMapper.getInstance().getSafeTypeByName(dt));
  }

  /**
   * The literals that {@code key} and its companions ({@code key__type}, {@code key__lang}) of a
   * node or relationship as Neo4j holds it stand for: the inverse of {@link #put}.
   *
   * @param props the stored properties
   * @param key a property key present in {@code props}
   * @return the literals, in the stored order
   * @throws IllegalArgumentException when a companion list's length differs from the values' or a
   *     value is of a kind this mapping never writes
   */
  static List<Node> decodeAll(Map<String, Object> props, String key) {
    List<?> values = props.get(key) instanceof List<?> l ? l : List.of(props.get(key));
    List<?> types = companion(props.get(key + TYPE), values.size());
    List<?> langs = companion(props.get(key + LANG), values.size());
    if (types == null || langs == null) {
      throw new IllegalArgumentException("the property '" + key + "' has " + values.size() + " value(s) but its "
          + TYPE + "/" + LANG + " lists do not match");
    }
    List<Node> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      try {
        out.add(decode(values.get(i), (String) types.get(i), (String) langs.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the property '" + key + "': " + e.getMessage(), e);
      } catch (ClassCastException e) {
        throw new IllegalArgumentException("the property '" + key + "' holds a value of a kind this mapping never writes", e);
      }
    }
    return out;
  }

  /** The companion list of {@code n} values: given, one string for one value, or all empty; null when its size differs. */
  private static List<?> companion(Object c, int n) {
    if (c == null) {
      List<String> empty = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        empty.add("");
      }
      return empty;
    }
    List<?> l = c instanceof List<?> x ? x : List.of(c);
    return l.size() == n ? l : null;
  }

  private static String defaultDatatype(Object v) {
    if (v instanceof String) {
      return XSD_STRING;
    }
    if (v instanceof Long) {
      return XSD_NS + "integer";
    }
    if (v instanceof Double) {
      return XSD_NS + "decimal";
    }
    if (v instanceof Boolean) {
      return XSD_NS + "boolean";
    }
    if (v instanceof LocalDate) {
      return XSD_NS + "date";
    }
    if (v instanceof ZonedDateTime || v instanceof LocalDateTime) {
      return XSD_NS + "dateTime";
    }
    return null;
  }

  /** The lexical form a value gives under {@code datatype}. */
  static String lexicalForm(Object v, String datatype) {
    if (v instanceof Double d) {
      String local = datatype.startsWith(XSD_NS) ? datatype.substring(XSD_NS.length()) : "";
      if (d.isNaN()) {
        return "NaN";
      }
      if (d.isInfinite()) {
        return d > 0 ? "INF" : "-INF";
      }
      if (local.equals("double") || local.equals("float")) {
        return Double.toString(d);
      }
      if (!local.equals("decimal") && d == Math.rint(d) && Math.abs(d) < 1e18) {
        return Long.toString((long) (double) d); // an integer type held as a float in a mixed list
      }
      String s = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
      return s.contains(".") ? s : s + ".0";
    }
    if (v instanceof ZonedDateTime z) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(z);
    }
    if (v instanceof LocalDateTime t) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    return String.valueOf(v);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Comparator<Object> VALUE_ORDER =
      (a, b) -> {
        if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
          int c = x.toInstant().compareTo(y.toInstant());
          return c != 0 ? c : x.toString().compareTo(y.toString());
        }
        if (a instanceof Double x && b instanceof Double y) {
          return Double.compare(x, y);
        }
        return ((Comparable) a).compareTo(b);
      };

  private static final Comparator<Encoded> ORDER = Comparator.<Encoded, Object>comparing(Encoded::value, VALUE_ORDER)
      .thenComparing(Encoded::type).thenComparing(Encoded::lang);
}
