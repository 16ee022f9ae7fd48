package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command takes, before or after the command name: verbosity, the data folder, how
 * to reach Neo4j and, optionally, a SPARQL endpoint for the RDF. Environment variables give the
 * defaults, as Neo4j's own tools name them ({@code NEWSGRAPH_SPARQL_*} for the endpoint).
 */
public final class GlobalOptions {
  static boolean verbose;
  static Path dataDir = defaultDataDir();
  static String neo4jUri = System.getenv("NEO4J_URI");
  static String neo4jUser = envOr("NEO4J_USERNAME", "neo4j");
  static String neo4jPassword = System.getenv("NEO4J_PASSWORD");
  static String neo4jDatabase;
  static String sparqlEndpoint = System.getenv("NEWSGRAPH_SPARQL_ENDPOINT");
  static String sparqlUser = System.getenv("NEWSGRAPH_SPARQL_USER");
  static String sparqlPassword = System.getenv("NEWSGRAPH_SPARQL_PASSWORD");
  /** The running command's name, for the data folder lock ({@link DataFolderLock}). */
  static String command = "";
  static long neo4jPageCache;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log what happens, including the NLP library's own messages and stack traces.")
  void setVerbose(boolean v) {
    verbose = v;
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(v ? Level.INFO : Level.WARN);
    ((Logger) LoggerFactory.getLogger("org.newsgraph")).setLevel(v ? Level.DEBUG : Level.INFO);
  }

  @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Data folder holding the TDB2 dataset and the embedded Neo4j database "
          + "(default: $NEWSGRAPH_HOME or ./newsgraph-data).")
  void setDataDir(Path p) {
    dataDir = p;
  }

  @Option(names = "--neo4j-uri", scope = ScopeType.INHERIT, paramLabel = "URI",
      description = "Neo4j to use, e.g. bolt://localhost:7687 or neo4j://host:7687 (env NEO4J_URI). "
          + "Without it an embedded Neo4j under the data folder is started.")
  void setNeo4jUri(String u) {
    neo4jUri = u;
  }

  @Option(names = "--neo4j-user", scope = ScopeType.INHERIT, paramLabel = "USER",
      description = "Neo4j user (env NEO4J_USERNAME, default neo4j).")
  void setNeo4jUser(String u) {
    neo4jUser = u;
  }

  @Option(names = "--neo4j-password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
      description = "Neo4j password (env NEO4J_PASSWORD).")
  void setNeo4jPassword(String p) {
    neo4jPassword = p;
  }

  @Option(names = "--neo4j-database", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Neo4j database name (default: the server's default database).")
  void setNeo4jDatabase(String d) {
    neo4jDatabase = d;
  }

  @Option(names = "--neo4j-page-cache", scope = ScopeType.INHERIT, paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Page cache of the embedded Neo4j, off the Java heap: bytes, or with k, m or g "
          + "(default 512m; Neo4j's own default, half the free memory, made a long build's memory grow "
          + "with the store). More keeps a large graph's queries off the disk.")
  void setNeo4jPageCache(long bytes) {
    neo4jPageCache = bytes;
  }

  /** Reads a size option: {@link #parseSize}. */
  static final class SizeConverter implements picocli.CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return parseSize(value);
    }
  }

  /**
   * A size in bytes from {@code 512m}, {@code 2g}, {@code 65536k} or {@code 1048576} (binary
   * units, case-insensitive), at least 8 MiB.
   *
   * @throws picocli.CommandLine.TypeConversionException when it is not such a size or under 8 MiB
   */
  static long parseSize(String size) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(\\d+)\\s*([kmg]?)b?\\s*").matcher(size);
    if (!m.matches()) {
      throw new picocli.CommandLine.TypeConversionException("'" + size + "' is not a size such as 512m or 2g");
    }
    int shift = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      default -> 0;
    };
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      n = Long.MAX_VALUE;
    }
    long bytes = n > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : n << shift;
    if (bytes < org.newsgraph.neo4j.PageCacheSize.MIN_BYTES) {
      throw new picocli.CommandLine.TypeConversionException("'" + size + "' is under the smallest, 8m");
    }
    return bytes;
  }

  @Option(names = "--sparql-endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Keep the RDF in this SPARQL 1.1 server instead of the embedded TDB2 (env "
          + "NEWSGRAPH_SPARQL_ENDPOINT): a Fuseki dataset or a GraphDB repository, e.g.%n"
          + "  http://localhost:3030/newsgraph%n  http://localhost:7200/repositories/newsgraph")
  void setSparqlEndpoint(String u) {
    sparqlEndpoint = u;
  }

  @Option(names = "--sparql-user", scope = ScopeType.INHERIT, paramLabel = "USER",
      description = "User for the SPARQL endpoint's HTTP basic authentication (env NEWSGRAPH_SPARQL_USER).")
  void setSparqlUser(String u) {
    sparqlUser = u;
  }

  @Option(names = "--sparql-password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
      description = "Password for --sparql-user (env NEWSGRAPH_SPARQL_PASSWORD).")
  void setSparqlPassword(String p) {
    sparqlPassword = p;
  }

  private static Path defaultDataDir() {
    String home = System.getenv("NEWSGRAPH_HOME");
    return Path.of(home != null && !home.isBlank() ? home : "newsgraph-data");
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** The stores these options point at, as a value for the pipeline ({@link org.newsgraph.pipeline.Stores}). */
  static org.newsgraph.pipeline.StoreConfig stores() {
    return org.newsgraph.pipeline.StoreConfig.embedded(dataDir)
        .withNeo4j(neo4jUri, neo4jUser, neo4jPassword, neo4jDatabase)
        .withSparqlEndpoint(sparqlEndpoint, sparqlUser, sparqlPassword)
        .withOwner(command)
        .withNeo4jPageCache(neo4jPageCache);
  }

  /** Resets the options to their defaults (each {@link Main#run} starts from these). */
  static void reset() {
    verbose = false;
    dataDir = defaultDataDir();
    neo4jUri = System.getenv("NEO4J_URI");
    neo4jUser = envOr("NEO4J_USERNAME", "neo4j");
    neo4jPassword = System.getenv("NEO4J_PASSWORD");
    neo4jDatabase = null;
    sparqlEndpoint = System.getenv("NEWSGRAPH_SPARQL_ENDPOINT");
    sparqlUser = System.getenv("NEWSGRAPH_SPARQL_USER");
    sparqlPassword = System.getenv("NEWSGRAPH_SPARQL_PASSWORD");
    command = "";
    neo4jPageCache = 0;
  }
}
