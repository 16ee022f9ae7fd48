package org.newsgraph.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the main job keeps its graph, as a value: the data folder (TDB2 under {@code tdb2/}, the
 * embedded Neo4j under {@code neo4j/}, the pending-load list and the lock file), and optionally a
 * Neo4j server and a SPARQL 1.1 endpoint instead of the embedded stores. Immutable; the {@code
 * with...} methods return a changed copy.
 *
 * @param dataDir the data folder (created when a store is first written)
 * @param neo4jUri a Neo4j server ({@code bolt://}, {@code neo4j://}, {@code neo4j+s://}), or
 *     {@code null} for the embedded database under the data folder
 * @param neo4jUser the server's user ({@code null}: none)
 * @param neo4jPassword the server's password ({@code null}: none)
 * @param neo4jDatabase the server's database ({@code null}: its default)
 * @param sparqlEndpoint a SPARQL 1.1 endpoint for the RDF instead of TDB2, or {@code null}
 * @param sparqlUser HTTP basic user for the endpoint, or {@code null}
 * @param sparqlPassword HTTP basic password for the endpoint, or {@code null}
 * @param owner who holds the data folder's lock, as {@link DataFolderLock} reports it to a second
 *     process (a command name such as {@code build}, or a program's name)
 * @param neo4jPageCache the embedded Neo4j's page cache in bytes, or 0 for {@link
 *     org.newsgraph.neo4j.PageCacheSize#DEFAULT_BYTES}
 */
public record StoreConfig(Path dataDir, String neo4jUri, String neo4jUser, String neo4jPassword,
    String neo4jDatabase, String sparqlEndpoint, String sparqlUser, String sparqlPassword, String owner,
    long neo4jPageCache) {

  /**
   * Checks that there is a data folder and that the page cache is 0 or at least 8 MiB ({@link
   * org.newsgraph.neo4j.PageCacheSize#check}).
   */
  public StoreConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    org.newsgraph.neo4j.PageCacheSize.check(neo4jPageCache);
    owner = owner == null ? "" : owner;
  }

  /** The embedded stores (TDB2 and Neo4j) under {@code dataDir}. */
  public static StoreConfig embedded(Path dataDir) {
    return new StoreConfig(dataDir, null, null, null, null, null, null, null, "", 0);
  }

  /** A copy with the data folder {@code dir}. */
  public StoreConfig withDataDir(Path dir) {
    return new StoreConfig(dir, neo4jUri, neo4jUser, neo4jPassword, neo4jDatabase, sparqlEndpoint, sparqlUser,
        sparqlPassword, owner, neo4jPageCache);
  }

  /** A copy that uses the Neo4j server at {@code uri} ({@code null} or blank: the embedded database). */
  public StoreConfig withNeo4j(String uri, String user, String password, String database) {
    return new StoreConfig(dataDir, uri, user, password, database, sparqlEndpoint, sparqlUser, sparqlPassword, owner, neo4jPageCache);
  }

  /** A copy that keeps the RDF at the SPARQL endpoint {@code url} ({@code null} or blank: TDB2). */
  public StoreConfig withSparqlEndpoint(String url, String user, String password) {
    return new StoreConfig(dataDir, neo4jUri, neo4jUser, neo4jPassword, neo4jDatabase, url, user, password, owner,
        neo4jPageCache);
  }

  /** A copy whose lock names {@code name} as its holder. */
  public StoreConfig withOwner(String name) {
    return new StoreConfig(dataDir, neo4jUri, neo4jUser, neo4jPassword, neo4jDatabase, sparqlEndpoint, sparqlUser,
        sparqlPassword, name, neo4jPageCache);
  }

  /**
   * A copy whose embedded Neo4j has a page cache of {@code bytes} (0: the default).
   *
   * @throws IllegalArgumentException if {@code bytes} is negative or, when set, under 8 MiB
   */
  public StoreConfig withNeo4jPageCache(long bytes) {
    return new StoreConfig(dataDir, neo4jUri, neo4jUser, neo4jPassword, neo4jDatabase, sparqlEndpoint, sparqlUser,
        sparqlPassword, owner, bytes);
  }

  /** Whether the RDF goes to a SPARQL endpoint rather than TDB2. */
  public boolean remoteRdf() {
    return sparqlEndpoint != null && !sparqlEndpoint.isBlank();
  }

  /** Whether Neo4j is a server rather than the embedded database. */
  public boolean remoteNeo4j() {
    return neo4jUri != null && !neo4jUri.isBlank();
  }

  /** The TDB2 folder: {@code DATA_DIR/tdb2}. */
  public Path tdbDir() {
    return dataDir.resolve("tdb2");
  }

  /** The embedded Neo4j's folder: {@code DATA_DIR/neo4j}. */
  public Path neo4jDir() {
    return dataDir.resolve("neo4j");
  }

  /** Leaves the passwords out, so that a config can be logged. */
  @Override
  public String toString() {
    return "StoreConfig[dataDir=" + dataDir + ", neo4jUri=" + neo4jUri + ", neo4jUser=" + neo4jUser
        + ", neo4jDatabase=" + neo4jDatabase + ", sparqlEndpoint=" + sparqlEndpoint + ", sparqlUser=" + sparqlUser
        + ", owner=" + owner + ", neo4jPageCache=" + neo4jPageCache + "]";
  }
}
