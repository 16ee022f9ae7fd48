package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsgraph.TabularResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph query}: a Cypher query against the graph in Neo4j. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a Cypher query against the graph in Neo4j, in a read transaction unless --write is given.",
      "Nodes carry their ontology class as label (Person, Organization, GeopoliticalEntity, Location, "
          + "Event and its type such as ChargeIndict, Article, Sentence, Mention, Statement, TripleTerm) and a unique "
          + "uri; relations are relationship types such as EMPLOYEE_OR_MEMBER_OF, FOUNDER_OF, BASED_IN, "
          + "DEFENDANT, AGENT. Pass values with --param, never inside the query.",
      "Example: newsgraph query 'MATCH (p:Person {name: $name})-[r]->(o) RETURN type(r), o.name' --param name='Jin Xinjiang'"
    })
final class QueryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CYPHER", description = "The Cypher query.")
  String cypher;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "A query parameter, used as $NAME. Integers and true/false are typed; anything else is a string. Repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @picocli.CommandLine.Mixin ResultOptions result = new ResultOptions();

  @Option(names = "--write", description = "Allow the query to write (runs in a write transaction). Off by default.")
  boolean write;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    result.check();
    Map<String, Object> typed = new LinkedHashMap<>();
    params.forEach((k, v) -> typed.put(k, typedValue(v)));
    if (GlobalOptions.neo4jUri == null && !Stores.exists(GlobalOptions.stores(), GlobalOptions.stores().neo4jDir(), "graph", spec.commandLine().getErr())) {
      return Main.INPUT_FAILED;
    }
    warnIfStale(spec.commandLine().getErr());
    try (Stores.Neo4jConnection neo = Stores.neo4j(GlobalOptions.stores())) {
      TabularResult rows;
      try {
        rows = neo.store().query(cypher, typed, write, Duration.ofSeconds(result.timeoutSeconds));
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(e.getMessage() + " Pass --write to allow writing.", e);
      } catch (org.neo4j.driver.exceptions.Neo4jException e) {
        if (org.newsgraph.neo4j.Neo4jStore.isTimeout(e)) {
          // Neo4j's own text asks to "retry your operation", which would only time out again
          spec.commandLine().getErr().println("newsgraph: the Cypher query was stopped after its time limit of "
              + result.timeoutSeconds + " s (--timeout); nothing was returned. Narrow the query (LIMIT, a label or"
              + " property to start from) or give it more time with --timeout SECONDS (0: no limit)");
          return Main.INPUT_FAILED;
        }
        if (e instanceof org.neo4j.driver.exceptions.ClientException) {
          throw new IllegalArgumentException("the Cypher query failed: " + e.getMessage(), e);
        }
        throw e;
      }
      rows.write(spec.commandLine().getOut(), result.format);
    }
    return Main.OK;
  }

  /**
   * Warns on {@code err} when Neo4j is behind the RDF store: a {@code build} or {@code remove} was
   * interrupted or failed after it changed the RDF, so {@link PendingLoads} lists resources Neo4j
   * may lack or hold in their old state.
   */
  static void warnIfStale(java.io.PrintWriter err) {
    java.util.Set<String> pending = PendingLoads.read(GlobalOptions.dataDir);
    if (!pending.isEmpty()) {
      err.println("newsgraph: warning: Neo4j is behind the RDF store, so this answer may be stale: an interrupted or"
          + " failed build or remove left " + pending.size() + " resource(s) to load ("
          + PendingLoads.file(GlobalOptions.dataDir).toAbsolutePath() + "). Run the same 'newsgraph build' again"
          + " (unchanged articles are not extracted again) or 'newsgraph load --from-store' to bring it up to date");
    }
  }

  /** "42" to a long, "true"/"false" to a boolean, anything else stays a string. */
  static Object typedValue(String v) {
    if (v.matches("-?\\d{1,18}")) {
      return Long.parseLong(v);
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    return v;
  }
}
