package org.newsgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newsgraph.rdf.RdfFormat;
import org.newsgraph.rdf.RdfStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsgraph export}: all stored RDF. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes all the RDF stored in the data folder's TDB2 dataset, every article. TriG, N-Quads and "
          + "JSON-LD keep one named graph per article; the other formats write their union."
    })
final class ExportCommand implements Callable<Integer> {
  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "trig",
      description = "turtle, ntriples, jsonld, trig, nquads or rdfxml (default: ${DEFAULT-VALUE}; "
          + "with -o and no -f, taken from the file extension).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RdfFormat f = ExtractCommand.chooseFormat(spec, format, output);
    if (!Stores.rdfExists(spec.commandLine().getErr())) {
      return Main.INPUT_FAILED;
    }
    try (RdfStore tdb = Stores.rdf()) {
      if (tdb.graphNames().isEmpty()) {
        spec.commandLine().getErr().println("newsgraph: the store (" + tdb.describe() + ")"
            + " holds no article yet; run 'newsgraph build INPUT...' first (or 'newsgraph load FILE...')");
        return Main.INPUT_FAILED;
      }
      ExtractCommand.writeTo(output, out -> tdb.export(f, out));
    }
    return Main.OK;
  }
}
