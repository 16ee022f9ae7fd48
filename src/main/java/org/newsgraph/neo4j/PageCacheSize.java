package org.newsgraph.neo4j;

/**
 * The embedded Neo4j's page cache size: its default, its minimum and the check of a configured
 * value, in bytes. Kept apart from {@link EmbeddedNeo4j} so that code which only carries the value
 * (a {@link org.newsgraph.pipeline.StoreConfig} on a Spark executor, whose class path has the
 * driver but not the embedded database) does not load Neo4j's classes.
 */
public final class PageCacheSize {
  private PageCacheSize() {}

  /** The smallest page cache accepted: 8 MiB. */
  public static final long MIN_BYTES = 8L * 1024 * 1024;

  /**
   * The page cache used unless one is configured: 512 MiB. Neo4j's own default is about half of the
   * machine's memory left after the heap, which let the resident memory of a long build grow with
   * the store to several GB; the page cache lives off the Java heap. A larger graph is read from
   * disk more often; it is served better by a Neo4j server ({@code --neo4j-uri}).
   */
  public static final long DEFAULT_BYTES = 512L * 1024 * 1024;

  /**
   * Checks a configured size: 0 (the default) or at least {@value #MIN_BYTES} bytes.
   *
   * @param bytes the size in bytes
   * @throws IllegalArgumentException when it is negative or, when set, under 8 MiB
   */
  public static void check(long bytes) {
    if (bytes < 0 || (bytes > 0 && bytes < MIN_BYTES)) {
      throw new IllegalArgumentException("the Neo4j page cache must be at least 8 MiB, not " + bytes + " bytes");
    }
  }
}
