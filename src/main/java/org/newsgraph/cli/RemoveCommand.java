package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsgraph.neo4j.ArticleUpdater;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.RdfStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsgraph remove ARTICLE_ID...}: drops articles from both stores. Exit {@value
 * Main#INPUT_FAILED} when some id is not stored (the others are still removed).
 */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = {
      "Removes articles: their named graphs from TDB2 (or the --sparql-endpoint) and their contribution from Neo4j. People, "
          + "organisations and places another article still mentions stay, with what that article "
          + "says; relationships only the removed articles supported go.",
      "An article is named by its id (the file name without extension, or the id of a .jsonl line) "
          + "or by its full IRI."
    })
final class RemoveCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "ARTICLE_ID", description = "Ids or IRIs of stored articles.")
  List<String> ids;

  @Option(names = "--base-iri", paramLabel = "IRI", defaultValue = RdfMapper.DEFAULT_BASE,
      description = "Namespace the articles were built with (default: ${DEFAULT-VALUE}).")
  String baseIri;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Stores.rdfExists(GlobalOptions.stores(), err)) {
      return Main.INPUT_FAILED;
    }
    RdfMapper mapper = new RdfMapper(baseIri);
    List<String> iris = new ArrayList<>();
    for (String id : ids) {
      iris.add(id.contains("://") ? id : mapper.articleIri(id));
    }
    try (RdfStore tdb = Stores.rdf(GlobalOptions.stores()); Stores.Neo4jConnection neo = Stores.neo4j(GlobalOptions.stores())) {
      // recorded before TDB2 changes (see PendingLoads): a kill before Neo4j is refreshed is caught up next time
      java.util.Set<String> pending = PendingLoads.read(GlobalOptions.dataDir);
      java.util.Set<org.apache.jena.graph.Node> touched = new java.util.HashSet<>();
      iris.forEach(g -> touched.addAll(tdb.resourcesOf(g)));
      PendingLoads.add(GlobalOptions.dataDir, PendingLoads.ids(touched));
      ArticleUpdater updater = new ArticleUpdater(tdb, neo.store());
      if (updater.fillsFromWholeStore()) {
        PendingLoads.add(GlobalOptions.dataDir, List.of(PendingLoads.WHOLE_STORE));
      }
      List<String> missing = updater.remove(iris);
      if (!pending.isEmpty()) {
        java.util.Set<org.apache.jena.graph.Node> stale = PendingLoads.nodes(pending);
        if (PendingLoads.wholeStore(pending)) {
          stale.addAll(tdb.allResources());
        }
        updater.refresh(stale);
      }
      PendingLoads.clear(GlobalOptions.dataDir);
      for (String m : missing) {
        err.println("newsgraph: no stored article " + m + " (see: newsgraph sparql \"SELECT ?g WHERE { GRAPH ?g {} }\")");
      }
      for (String g : iris) {
        List<String> copies = copiesOf(tdb, g);
        if (!copies.isEmpty() && !missing.contains(g)) {
          err.println("newsgraph: note: " + copies.size() + " stored cop" + (copies.size() == 1 ? "y" : "ies") + " of " + g
              + " still name it as their source (" + String.join(", ", copies) + "); remove them too, or build their"
              + " files again to store one of them as the article");
        }
      }
      out.printf("Removed %d article(s).%n", iris.size() - missing.size());
      return missing.isEmpty() ? Main.OK : Main.INPUT_FAILED;
    }
  }

  /** The graphs (other than the article's own) that state a source of {@code articleIri}: its copies. */
  private static List<String> copiesOf(RdfStore tdb, String articleIri) {
    List<String> copies = new ArrayList<>();
    for (List<Object> row : tdb.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { <" + articleIri + "> <"
        + org.newsgraph.rdf.NG.source.getURI() + "> ?s } FILTER(?g != <" + articleIri + ">) } ORDER BY ?g", 0).rows()) {
      copies.add(String.valueOf(row.get(0)));
    }
    return copies;
  }
}
