package org.newsgraph.cli;

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
      "Nodes carry their ontology class as label (Person, Organization, GeopoliticalEntity, Location,",
      "Article, Sentence, Mention) and a unique uri; relations are relationship types such as",
      "EMPLOYEE_OR_MEMBER_OF, FOUNDER_OF, BASED_IN. Pass values with --param, never inside the query.",
      "Example: newsgraph query 'MATCH (p:Person {name: $name})-[r]->(o) RETURN type(r), o.name' --param name='Jin Xinjiang'"
    })
final class QueryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CYPHER", description = "The Cypher query.")
  String cypher;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "A query parameter, used as $NAME. Integers and true/false are typed; anything else is a string. Repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--write", description = "Allow the query to write (runs in a write transaction). Off by default.")
  boolean write;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Stop the query after this many seconds (default: ${DEFAULT-VALUE}; 0: no limit).")
  long timeoutSeconds;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!TabularResult.FORMATS.contains(format)) {
      throw new IllegalArgumentException("unknown --format '" + format + "'; use one of " + TabularResult.FORMATS);
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    params.forEach((k, v) -> typed.put(k, typedValue(v)));
    if (GlobalOptions.neo4jUri == null && !java.nio.file.Files.isDirectory(Stores.neo4jDir())) {
      spec.commandLine().getErr().println("newsgraph: there is no graph in " + GlobalOptions.dataDir.toAbsolutePath()
          + "; run 'newsgraph build INPUT...' first, or pass the --data-dir that holds it");
      return Main.INPUT_FAILED;
    }
    try (Stores.Neo4jConnection neo = Stores.neo4j()) {
      TabularResult result;
      try {
        result = neo.store().query(cypher, typed, write, Duration.ofSeconds(timeoutSeconds));
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(e.getMessage() + " Pass --write to allow writing.", e);
      } catch (org.neo4j.driver.exceptions.ClientException e) {
        throw new IllegalArgumentException("the Cypher query failed: " + e.getMessage(), e);
      }
      result.write(spec.commandLine().getOut(), format);
    }
    return Main.OK;
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
