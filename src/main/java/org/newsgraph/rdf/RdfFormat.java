package org.newsgraph.rdf;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * The RDF syntaxes newsgraph writes. TriG, N-Quads and JSON-LD carry named graphs (one per
 * article); Turtle, N-Triples and RDF/XML carry one graph, so a dataset is written as the union of
 * its graphs. Turtle, TriG, N-Triples and N-Quads carry provenance as RDF 1.2 reifiers of triple
 * terms; JSON-LD and RDF/XML as RDF 1.1 reification ({@link Reification}).
 */
public enum RdfFormat {
  TURTLE("turtle", "ttl", RDFFormat.TURTLE_PRETTY, Lang.TURTLE, false),
  NTRIPLES("ntriples", "nt", RDFFormat.NTRIPLES, Lang.NTRIPLES, false),
  JSONLD("jsonld", "jsonld", RDFFormat.JSONLD11, Lang.JSONLD11, true),
  TRIG("trig", "trig", RDFFormat.TRIG_PRETTY, Lang.TRIG, true),
  NQUADS("nquads", "nq", RDFFormat.NQUADS, Lang.NQUADS, true),
  RDFXML("rdfxml", "rdf", RDFFormat.RDFXML_PLAIN, Lang.RDFXML, false);

  private final String cliName;
  private final String extension;
  private final RDFFormat format;
  private final Lang lang;
  private final boolean datasets;

  RdfFormat(String cliName, String extension, RDFFormat format, Lang lang, boolean datasets) {
    this.cliName = cliName;
    this.extension = extension;
    this.format = format;
    this.lang = lang;
    this.datasets = datasets;
  }

  /** Name used on the command line, e.g. {@code jsonld}. */
  public String cliName() {
    return cliName;
  }

  /** Usual file extension without the dot. */
  public String extension() {
    return extension;
  }

  /** Jena's writer format. */
  public RDFFormat jenaFormat() {
    return format;
  }

  /** Jena's language, for parsing. */
  public Lang lang() {
    return lang;
  }

  /**
   * True when the syntax carries RDF 1.2 triple terms ({@code <<( s p o )>>}): Turtle, TriG,
   * N-Triples and N-Quads; JSON-LD and RDF/XML get RDF 1.1 reification instead ({@link
   * Reification}).
   */
  public boolean carriesTripleTerms() {
    return this != JSONLD && this != RDFXML;
  }

  /** True when the syntax carries named graphs. */
  public boolean carriesDatasets() {
    return datasets;
  }

  /**
   * The format named {@code name} (a CLI name or an extension, any case).
   *
   * @throws IllegalArgumentException naming the allowed formats when none matches
   */
  public static RdfFormat parse(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("-", "");
    for (RdfFormat f : values()) {
      if (f.cliName.equals(n) || f.extension.equals(n) || (f == RDFXML && n.equals("xml"))) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown RDF format '" + name + "'; use one of "
        + Arrays.stream(values()).map(RdfFormat::cliName).collect(Collectors.joining(", ")));
  }

  /** The format for a file name's extension, or {@code fallback}. */
  public static RdfFormat forFile(String fileName, RdfFormat fallback) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return fallback;
    }
    try {
      return parse(fileName.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }
}
