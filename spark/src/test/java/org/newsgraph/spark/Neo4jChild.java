package org.newsgraph.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded Neo4j of the core's tests, as a Bolt server in a child JVM on the core's own class
 * path (its {@code Neo4jServerChild}): the embedded database and Spark do not share one class path
 * (Scala, Netty and Jackson versions), and a server is what the job writes to anyway.
 */
final class Neo4jChild implements AutoCloseable {
  static final String PASSWORD = "spark-test-secret";
  private final Process process;
  private final String uri;

  private Neo4jChild(Process process, String uri) {
    this.process = process;
    this.uri = uri;
  }

  /** Starts it on a fresh home folder; waits until it listens. */
  static Neo4jChild start(Path home) throws IOException {
    Path core = LocalSpark.core().resolve("target");
    Path classpathFile = core.resolve("classpath.txt");
    if (!Files.exists(classpathFile) || !Files.isDirectory(core.resolve("test-classes"))) {
      throw new IllegalStateException("the core's build output is missing in " + core
          + "; build it first (mvn -B verify at the top builds both)");
    }
    String cp = core.resolve("test-classes") + ":" + core.resolve("classes") + ":" + Files.readString(classpathFile).strip();
    Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", cp, "org.newsgraph.neo4j.Neo4jServerChild", home.toString(), PASSWORD, "neo4j"))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("CHILD READY ")) {
        return new Neo4jChild(p, "bolt://127.0.0.1:" + line.substring("CHILD READY ".length()).strip());
      }
      if (line.startsWith("CHILD ERROR")) {
        break;
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("the Neo4j child did not start");
  }

  String uri() {
    return uri;
  }

  @Override
  public void close() throws Exception {
    try (Writer w = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      w.write("stop\n");
    } catch (IOException e) {
      // it has gone already
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
