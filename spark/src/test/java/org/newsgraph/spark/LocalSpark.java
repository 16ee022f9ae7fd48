package org.newsgraph.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one Spark session of the test JVM ({@code local[2]}), and where the core's files are. */
final class LocalSpark {
  private LocalSpark() {}

  private static SparkSession session;

  /** {@code local[2]} with a small shuffle, no UI; stopped when the JVM ends. */
  static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("newsgraph-spark-test")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  /** The core module's folder (the repository's top). */
  static Path core() {
    return Path.of(System.getProperty("newsgraph.core.dir", "..")).toAbsolutePath().normalize();
  }
}
