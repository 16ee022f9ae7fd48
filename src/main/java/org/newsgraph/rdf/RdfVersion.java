package org.newsgraph.rdf;

import java.util.Locale;

/**
 * Which RDF a writer may use for provenance ({@code --rdf-version}).
 *
 * <p>RDF 1.2 triple terms ({@code <<( s p o )>>}) are read by Apache Jena 5 and other RDF 1.2
 * parsers; RDF 1.1 tools (rdflib, RDF4J's RDF 1.1 parsers, most triple stores before RDF 1.2) stop
 * at the first one. With {@link #RDF_1_1} every syntax gets the standard {@code rdf:Statement}
 * reification that JSON-LD and RDF/XML always get ({@link Reification#toClassic}).
 */
public enum RdfVersion {
  /** RDF 1.2: reifiers of triple terms in Turtle, TriG, N-Triples and N-Quads (the stored form). */
  RDF_1_2("1.2"),
  /** RDF 1.1: {@code rdf:subject}/{@code rdf:predicate}/{@code rdf:object} in every syntax. */
  RDF_1_1("1.1");

  private final String label;

  RdfVersion(String label) {
    this.label = label;
  }

  /** The version as written on the command line: {@code 1.1} or {@code 1.2}. */
  public String label() {
    return label;
  }

  /**
   * Whether provenance is written with triple terms in {@code format}: only for RDF 1.2 and a
   * syntax that carries them ({@link RdfFormat#carriesTripleTerms()}).
   */
  public boolean tripleTermsIn(RdfFormat format) {
    return this == RDF_1_2 && format.carriesTripleTerms();
  }

  /**
   * The version named {@code value}: {@code 1.1} or {@code 1.2} (also {@code rdf1.1}, {@code
   * RDF-1.2}, any case).
   *
   * @throws IllegalArgumentException naming the allowed values when it is neither
   */
  public static RdfVersion parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT).replace("rdf", "").replace("-", "").replace("_", "").strip();
    for (RdfVersion r : values()) {
      if (r.label.equals(v)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown RDF version '" + value + "' for --rdf-version; use 1.1 (rdf:Statement"
        + " reification, read by RDF 1.1 tools such as rdflib) or 1.2 (triple terms, the default)");
  }
}
