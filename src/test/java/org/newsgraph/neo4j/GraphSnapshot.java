package org.newsgraph.neo4j;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Everything in a Neo4j database, comparable across two databases (for tests): {@code "node URI"}
 * (a {@code _Namespace} record by its namespace) to its sorted labels and its properties, {@code
 * "relationship START TYPE END"} to its properties.
 */
public final class GraphSnapshot {
  private GraphSnapshot() {}

  /** The snapshot of {@code store}'s database. */
  public static Map<String, Object> of(Neo4jStore store) {
    Map<String, Object> content = new TreeMap<>();
    try (Session s = store.session(AccessMode.READ)) {
      s.run("MATCH (n) RETURN coalesce(n.uri, n.namespace) AS k, labels(n) AS l, properties(n) AS p").list()
          .forEach(r -> content.put("node " + r.get("k").asString(),
              List.of(new TreeSet<>(r.get("l").asList(Value::asString)), new TreeMap<>(r.get("p").asMap()))));
      s.run("MATCH (a)-[r]->(b) RETURN a.uri + ' ' + type(r) + ' ' + b.uri AS k, properties(r) AS p").list()
          .forEach(r -> content.put("relationship " + r.get("k").asString(), new TreeMap<>(r.get("p").asMap())));
    }
    return content;
  }

  /** The first ten entries in which two snapshots differ, for a readable failure. */
  public static String differences(Map<String, Object> want, Map<String, Object> got) {
    StringBuilder out = new StringBuilder();
    Set<String> keys = new TreeSet<>(want.keySet());
    keys.addAll(got.keySet());
    int shown = 0;
    for (String k : keys) {
      if (!Objects.equals(want.get(k), got.get(k)) && shown++ < 10) {
        out.append("\n").append(k).append("\n  want ").append(want.get(k)).append("\n  got  ").append(got.get(k));
      }
    }
    return out.toString();
  }
}
