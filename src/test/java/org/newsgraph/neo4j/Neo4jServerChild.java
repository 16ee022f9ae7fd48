package org.newsgraph.neo4j;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.graphdb.config.Setting;

/**
 * A stand-in for a Neo4j server, run in its own JVM by tests of the external-Neo4j path: an
 * embedded Neo4j (same Bolt protocol as a server) with authentication on, the password of user
 * {@code neo4j} set to the second argument, and the default database named by the third (so that
 * {@code --neo4j-database} means something on Community Edition). Arguments: home folder, password,
 * database. Prints {@code CHILD READY <bolt port>}, then holds until a line {@code stop} (or end
 * of input) on stdin.
 */
public final class Neo4jServerChild {
  private Neo4jServerChild() {}

  public static void main(String[] args) throws Exception {
    Map<Setting<?>, Object> settings = Map.of(
        GraphDatabaseSettings.auth_enabled, true,
        GraphDatabaseSettings.initial_default_database, args[2]);
    try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(Path.of(args[0]), settings)) {
      // a fresh server's user neo4j has password neo4j and must change it before anything else
      try (Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", "neo4j"));
          Session system = driver.session(SessionConfig.forDatabase("system"))) {
        system.run("ALTER CURRENT USER SET PASSWORD FROM $old TO $new", Map.of("old", "neo4j", "new", args[1]))
            .consume();
      }
      System.out.println("CHILD READY " + neo4j.boltPort());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.equals("stop"); line = in.readLine()) {
        // hold
      }
    } catch (RuntimeException e) {
      System.out.println("CHILD ERROR " + e);
      System.exit(1);
    }
    System.exit(0);
  }
}
