package org.newsgraph.rdf;

import java.io.OutputStream;
import java.util.Iterator;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;

/** Writing datasets in any {@link RdfFormat}. */
public final class RdfIO {
  private RdfIO() {}

  /**
   * Writes a dataset: with its named graphs for formats that carry them, otherwise the union of the
   * default graph and all named graphs. Provenance is written as it is stored (RDF 1.2 reifiers,
   * {@code st rdf:reifies <<( s p o )>>}) in Turtle, TriG, N-Triples and N-Quads, and as RDF 1.1
   * reification ({@code st rdf:subject s; rdf:predicate p; rdf:object o}) in JSON-LD and RDF/XML,
   * which cannot carry triple terms ({@link Reification}).
   *
   * @throws IllegalArgumentException for JSON-LD and RDF/XML when the data holds a triple term that
   *     classic reification cannot say ({@link Reification#toClassic(org.apache.jena.graph.Graph)})
   * @param prefixes prefixes to declare (may be null)
   */
  public static void write(Dataset ds, RdfFormat format, OutputStream out, PrefixMapping prefixes) {
    write(ds, format, out, prefixes, RdfVersion.RDF_1_2);
  }

  /**
   * As {@link #write(Dataset, RdfFormat, OutputStream, PrefixMapping)}, in the RDF of {@code
   * version}: with {@link RdfVersion#RDF_1_1} every syntax gets RDF 1.1 reification ({@code
   * rdf:subject}, {@code rdf:predicate}, {@code rdf:object}) and no triple term.
   *
   * @throws IllegalArgumentException when the data holds a triple term that classic reification
   *     cannot say and the output has to be classic
   */
  public static void write(Dataset ds, RdfFormat format, OutputStream out, PrefixMapping prefixes,
      RdfVersion version) {
    if (!version.tripleTermsIn(format)) {
      ds = Reification.toClassic(ds);
    }
    if (format.carriesDatasets()) {
      Dataset copy = DatasetFactory.create();
      copy.setDefaultModel(ds.getDefaultModel());
      Iterator<String> names = ds.listNames();
      while (names.hasNext()) {
        String n = names.next();
        copy.addNamedModel(n, ds.getNamedModel(n));
      }
      if (prefixes != null) {
        copy.getDefaultModel().setNsPrefixes(prefixes);
      }
      RDFDataMgr.write(out, copy, format.jenaFormat());
    } else {
      RDFDataMgr.write(out, union(ds, prefixes), format.jenaFormat());
    }
  }

  /** The union of a dataset's default graph and named graphs, as a new in-memory model. */
  public static Model union(Dataset ds, PrefixMapping prefixes) {
    Model all = ModelFactory.createDefaultModel();
    if (prefixes != null) {
      all.setNsPrefixes(prefixes);
    }
    all.add(ds.getDefaultModel());
    Iterator<String> names = ds.listNames();
    while (names.hasNext()) {
      all.add(ds.getNamedModel(names.next()));
    }
    return all;
  }
}
