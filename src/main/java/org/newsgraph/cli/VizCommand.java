package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.newsgraph.rdf.RdfStore;
import org.newsgraph.viz.ActorNetwork;
import org.newsgraph.viz.NetworkFilter;
import org.newsgraph.viz.NetworkFormat;
import org.newsgraph.viz.NetworkLayout;
import org.newsgraph.viz.NetworkProjection;
import org.newsgraph.viz.NodeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsgraph viz}: the actor network as a page or a file for Gephi, yEd, Graphviz, Cytoscape. */
@Command(
    name = "viz",
    mixinStandardHelpOptions = true,
    description = {
      "Draws the actor network of the RDF in the data folder: people, organisations, places and groups"
          + " as nodes; relations and shared events as links, each with the sentences behind it.",
      "html (default) is one self-contained page: click a node or a link for its details, search by"
          + " name or alias. graphml (yEd, Gephi), gexf (Gephi, networkx), dot (Graphviz) and json"
          + " (Cytoscape desktop, .cyjs) carry the same nodes, links, attributes and positions.",
      "Example: newsgraph viz --focus 'Jin Xinjiang' --hops 2 -o jin.html"
    })
final class VizCommand implements Callable<Integer> {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write here (default: network.html, or network.EXT for -f; '-' for standard output).")
  String output;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "html, graphml, gexf, dot or json (default: from the -o extension, else html).")
  String format;

  @Option(names = "--focus", paramLabel = "NAME",
      description = "Keep only the neighbourhood of the actor with this name or alias (any case).")
  String focus;

  @Option(names = "--hops", paramLabel = "N", defaultValue = "1",
      description = "Radius of the --focus neighbourhood in links (default: ${DEFAULT-VALUE}).")
  int hops;

  @Option(names = "--types", paramLabel = "TYPES",
      description = "Node types to keep, comma-separated: person, organization, gpe, location, group "
          + "(place = gpe and location). Default: all.")
  String types;

  @Option(names = "--since", paramLabel = "DATE",
      description = "Keep links, events and sentences dated on or after this day (YYYY-MM-DD): event time, else article date.")
  String since;

  @Option(names = "--until", paramLabel = "DATE",
      description = "Keep those dated on or before this day (YYYY-MM-DD).")
  String until;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    NetworkFormat f = format != null ? NetworkFormat.of(format)
        : output != null && !output.equals("-") ? NetworkFormat.byFileName(output).orElse(NetworkFormat.HTML)
        : NetworkFormat.HTML;
    Set<NodeKind> kinds = types == null ? EnumSet.allOf(NodeKind.class) : NodeKind.parseList(types);
    NetworkFilter filter = new NetworkFilter(focus, hops, kinds, date("--since", since), date("--until", until));
    ActorNetwork network;
    long t0 = System.nanoTime();
    try (RdfStore tdb = Stores.rdf(GlobalOptions.stores())) {
      if (tdb.graphNames().isEmpty()) {
        spec.commandLine().getErr().println("newsgraph: the store (" + tdb.describe() + ")"
            + " holds no article yet; run 'newsgraph build INPUT...' first (or 'newsgraph load FILE...')");
        return Main.INPUT_FAILED;
      }
      network = NetworkProjection.project(tdb instanceof org.newsgraph.rdf.TdbStore t ? t.dataset() : tdb.snapshot(), filter);
    }
    long t1 = System.nanoTime();
    network = NetworkLayout.apply(network);
    long t2 = System.nanoTime();
    Path file = output == null ? Path.of("network." + f.extension()) : output.equals("-") ? null : Path.of(output);
    ActorNetwork laidOut = network;
    ExtractCommand.writeTo(file, out -> f.write(laidOut, out));
    var err = spec.commandLine().getErr();
    err.printf("%s: %d actors (%s), %d links (%d relations, %d shared events); read %d ms, layout %d ms%n",
        file == null ? "standard output" : file.toString(), network.actors().size(),
        network.countByKind().entrySet().stream().filter(e -> e.getValue() > 0)
            .map(e -> e.getKey().id() + " " + e.getValue()).collect(Collectors.joining(", ")),
        network.links().size(),
        network.countLinksByKind().getOrDefault(ActorNetwork.LinkKind.RELATION, 0),
        network.countLinksByKind().getOrDefault(ActorNetwork.LinkKind.CO_PARTICIPATION, 0),
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    return Main.OK;
  }

  private static LocalDate date(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " takes a date as YYYY-MM-DD, not '" + value + "'");
    }
  }
}
