package org.newsgraph.neo4j;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by {@link EmbeddedNeo4jTest} in a separate JVM: opens the home directory given as the only
 * argument, reports the number of {@code :Marker} nodes, adds one, holds the store until a line
 * {@code stop} (or end of input) arrives on stdin, then closes it. Protocol lines on stdout start
 * with {@code CHILD }.
 */
public final class EmbeddedNeo4jChild {
  private EmbeddedNeo4jChild() {}

  public static void main(String[] args) throws Exception {
    try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(Path.of(args[0]));
        Neo4jStore store = Neo4jStore.connect(neo4j.boltUri(), null, null, null)) {
      System.out.println("CHILD COUNT " + store.count("MATCH (m:Marker) RETURN count(m)"));
      store.query("CREATE (:Marker {by: $by})", Map.of("by", "child"), true, null);
      System.out.println("CHILD READY");
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine();
          line != null && !line.equals("stop");
          line = in.readLine()) {
        // wait
      }
    } catch (RuntimeException e) {
      System.out.println("CHILD ERROR " + e.getMessage());
      System.exit(1);
    }
    System.out.println("CHILD CLOSED");
    System.exit(0);
  }
}
