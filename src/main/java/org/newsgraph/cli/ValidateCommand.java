package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.newsgraph.rdf.RdfInput;
import org.newsgraph.rdf.RdfStore;
import org.newsgraph.rdf.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsgraph validate [FILE...]}: SHACL validation of the stored RDF, or of RDF files,
 * against {@code ontology/shapes.ttl}. Each named graph is validated on its own (as {@code build}
 * validates each article), and the default graph when it holds triples.
 *
 * <p>Prints one line per graph ({@code GRAPH: conforms} or {@code GRAPH: N violation(s)} followed
 * by the SHACL report in Turtle) and a closing count. Exit {@value Main#OK} when every graph
 * conforms, {@value Main#INPUT_FAILED} when one does not or a file cannot be read.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks RDF against the SHACL shapes of ontology/shapes.ttl and prints the SHACL report of "
          + "each graph that does not conform. Without FILE, checks the TDB2 store of the data folder; "
          + "with FILEs, any RDF Jena reads (the format follows the extension: .ttl, .nt, .trig, .nq, "
          + ".jsonld, .rdf, ..., also gzipped as .ttl.gz; or -f), read as 'newsgraph load' reads: no external "
          + "XML entities, no remote JSON-LD contexts.",
      "Each named graph (one article) is checked on its own, and the default graph if it has triples.",
      "Exit 0 when everything conforms, 1 when something does not or a file cannot be read."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "RDF files (default: the stored RDF).")
  List<Path> files = new ArrayList<>();

  @picocli.CommandLine.Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "Syntax of the FILEs when their extension does not say it (turtle, ntriples, nquads, trig, "
          + "jsonld, rdfxml, trix, ...).")
  String format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Model> graphs = new LinkedHashMap<>();
    if (files.isEmpty()) {
      if (!Stores.rdfExists(GlobalOptions.stores(), err)) {
        return Main.INPUT_FAILED;
      }
      try (RdfStore tdb = Stores.rdf(GlobalOptions.stores())) {
        collect("", tdb.snapshot(), graphs);
      }
    } else {
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          err.println("newsgraph: cannot read " + f + ": no such file");
          return Main.INPUT_FAILED;
        }
        try {
          collect(files.size() > 1 ? f + " " : "", RdfInput.readDataset(f, RdfInput.langOf(f, format)), graphs);
        } catch (RdfInput.RdfInputException e) {
          err.println(ArticleGuard.printable("newsgraph: cannot read " + f + " as RDF: " + e.getMessage()));
          return Main.INPUT_FAILED;
        }
      }
    }
    int bad = 0;
    for (Map.Entry<String, Model> g : graphs.entrySet()) {
      Validation.Result r = Validation.validate(g.getValue());
      if (r.conforms()) {
        out.println(g.getKey() + ": conforms");
      } else {
        bad++;
        out.println(g.getKey() + ": " + r.violations() + " violation(s)");
        out.println(r.reportTurtle().strip());
      }
    }
    out.printf("%d graph(s) checked, %d do(es) not conform.%n", graphs.size(), bad);
    return bad == 0 ? Main.OK : Main.INPUT_FAILED;
  }

  private static void collect(String prefix, Dataset ds, Map<String, Model> graphs) {
    if (!ds.getDefaultModel().isEmpty()) {
      graphs.put(prefix + "(default graph)", ds.getDefaultModel());
    }
    for (Iterator<String> it = ds.listNames(); it.hasNext(); ) {
      String name = it.next();
      graphs.put(prefix + "<" + name + ">", ds.getNamedModel(name));
    }
  }
}
