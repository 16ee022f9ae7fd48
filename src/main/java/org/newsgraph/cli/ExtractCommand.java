package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.newsgraph.eval.Annotations;
import org.newsgraph.rdf.RdfFormat;
import org.newsgraph.rdf.RdfIO;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.RdfVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph extract}: the extraction of {@code build}, written as RDF; no store touched. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts entities, relations and events from articles and writes them as RDF (or as "
          + "annotations JSON), touching no store.",
      "TriG, N-Quads and JSON-LD keep one named graph per article; the other formats write their union.",
      "Provenance is written on RDF 1.2 triple terms where the format allows; --rdf-version 1.1 writes RDF 1.1"
          + " reification in every format (for rdflib and other RDF 1.1 tools)."
    })
final class ExtractCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "INPUT", description = InputOptions.INPUT_HELP)
  List<String> inputs = new java.util.ArrayList<>();

  @picocli.CommandLine.Mixin InputOptions input = new InputOptions();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "turtle",
      description = "turtle, ntriples, jsonld, trig, nquads, rdfxml, or annotations (JSON in the shape of "
          + "the gold files of FORMAT.md) (default: ${DEFAULT-VALUE}; with -o and no -f, taken from the file extension).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Option(names = "--rdf-version", paramLabel = "1.1|1.2", defaultValue = "1.2", description = RDF_VERSION_HELP)
  String rdfVersion;

  /** The help of {@code --rdf-version} (extract and export). */
  static final String RDF_VERSION_HELP = "1.2 (default): provenance on RDF 1.2 triple terms <<( s p o )>> in Turtle,"
      + " TriG, N-Triples and N-Quads, which Jena reads. 1.1: standard rdf:Statement reification (rdf:subject,"
      + " rdf:predicate, rdf:object) in every format, for RDF 1.1 tools such as Python's rdflib; JSON-LD and"
      + " RDF/XML are always written so.";

  @picocli.CommandLine.Mixin ExtractionOptions extraction = new ExtractionOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    boolean annotations = format.equalsIgnoreCase("annotations");
    RdfFormat f = annotations ? null : chooseFormat(spec, format, output);
    RdfVersion version = RdfVersion.parse(rdfVersion);
    RdfMapper mapper = extraction.mapper();
    Ingest.Collected outcome = Ingest.collect(input.reading(inputs, extraction.date), extraction.config(),
        spec.commandLine().getErr());
    if (annotations) {
      String json = Annotations.toJsonText(outcome.done().stream().map(Ingest.Done::graph).toList());
      writeTo(output, out -> {
        try {
          out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return outcome.done().isEmpty() || outcome.outcome().failures() > 0 ? Main.INPUT_FAILED : Main.OK;
    }
    Dataset ds = DatasetFactory.create();
    for (Ingest.Done d : outcome.done()) {
      ds.addNamedModel(d.graphIri(), d.rdf());
      ds.getDefaultModel().setNsPrefixes(d.rdf().getNsPrefixMap());
    }
    writeTo(output, out -> RdfIO.write(ds, f, out, ds.getDefaultModel(), version));
    if (outcome.done().isEmpty()) {
      spec.commandLine().getErr().println("newsgraph: no article could be read from " + input.inputs(inputs));
      return Main.INPUT_FAILED;
    }
    return outcome.outcome().failures() > 0 ? Main.INPUT_FAILED : Main.OK;
  }

  /** The -f format, or the -o file's extension when -f was not given. */
  static RdfFormat chooseFormat(CommandSpec spec, String format, Path output) {
    boolean explicit = spec.commandLine().getParseResult().hasMatchedOption("-f");
    if (!explicit && output != null) {
      return RdfFormat.forFile(output.getFileName().toString(), RdfFormat.parse(format));
    }
    return RdfFormat.parse(format);
  }

  /** Runs {@code writer} on the file (created with its folders) or on standard output. */
  static void writeTo(Path output, java.util.function.Consumer<OutputStream> writer) {
    try {
      if (output == null) {
        OutputStream out = new BufferedOutputStream(Main.stdout);
        writer.accept(out);
        out.flush();
      } else {
        if (output.toAbsolutePath().getParent() != null) {
          Files.createDirectories(output.toAbsolutePath().getParent());
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
          writer.accept(out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }
}
