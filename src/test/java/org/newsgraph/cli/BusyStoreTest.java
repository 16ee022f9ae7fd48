package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.newsgraph.ChildJvm;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder busy with another process: while {@code newsgraph serve} (another JVM) holds it, a
 * {@code build} in a third JVM and a {@code load} in this one fail at once, naming the holder's
 * process id and command and saying what to do; no NLP model is loaded. After the holder is killed
 * with SIGKILL the folder is usable at once, with its data.
 */
class BusyStoreTest {
  @TempDir Path dir;

  /**
   * newsgraph in a child JVM with SIGINT at its default disposition ({@link ChildJvm}), so that
   * serve says "Press Ctrl-C" also when Maven runs as a script's background job.
   */
  static Process cli(Path out, Path err, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("-Xmx1g", Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(ChildJvm.java(cmd.toArray(String[]::new))).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
  }

  @Test
  void aSecondProcessFailsAtOnceNamingTheHolderAndTheFolderIsFreeAfterAKill() throws Exception {
    Path data = dir.resolve("data");
    CliRun first = CliRun.run("--data-dir", data.toString(), "load", RdfFixtures.resource("people.ttl").toString());
    assertEquals(0, first.exit(), first.toString());

    Path serveOut = dir.resolve("serve.out");
    Path serveErr = dir.resolve("serve.err");
    Process serve = cli(serveOut, serveErr, "--data-dir", data.toString(), "serve", "--bolt-port", "0",
        "--http-port", "0");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (!Files.readString(serveOut).contains("Press Ctrl-C") && serve.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(Files.readString(serveOut).contains("Press Ctrl-C"), Files.readString(serveOut) + Files.readString(serveErr));
      String holder = "the data folder " + data.toAbsolutePath() + " is in use by another newsgraph process (pid "
          + serve.pid() + ", 'newsgraph serve', running since ";
      String whatToDo = "Stop that 'newsgraph serve' (Ctrl-C in its terminal, or kill " + serve.pid()
          + "), or pass another --data-dir.";

      // another JVM: a build of the seed fails before it reads or loads anything
      Path buildOut = dir.resolve("build.out");
      Path buildErr = dir.resolve("build.err");
      long t0 = System.nanoTime();
      Process build = cli(buildOut, buildErr, "--data-dir", data.toString(), "build", "--date", "2020-12-18", "seeds/");
      assertTrue(build.waitFor(90, TimeUnit.SECONDS), "the second build did not fail at once");
      long buildMillis = (System.nanoTime() - t0) / 1_000_000;
      String err = Files.readString(buildErr);
      assertEquals(3, build.exitValue(), err);
      assertTrue(err.startsWith("newsgraph: " + holder), err);
      assertTrue(err.contains(whatToDo), err);
      assertFalse(err.contains("Loading the CoreNLP models"), err);
      System.out.printf("BusyStoreTest: the second build (a new JVM) exited after %d ms%n", buildMillis);

      // this JVM: load and query fail the same way, in well under a second
      t0 = System.nanoTime();
      CliRun load = CliRun.run("--data-dir", data.toString(), "load", RdfFixtures.resource("people.jsonld").toString());
      long loadMillis = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(3, load.exit(), load.toString());
      assertTrue(load.err().startsWith("newsgraph: " + holder), load.err());
      assertTrue(loadMillis < 5_000, loadMillis + " ms");
      CliRun query = CliRun.run("--data-dir", data.toString(), "query", "RETURN 1");
      assertEquals(3, query.exit(), query.toString());
      assertTrue(query.err().contains(whatToDo), query.err());
    } finally {
      serve.destroyForcibly(); // SIGKILL: no shutdown hook runs
      serve.waitFor(60, TimeUnit.SECONDS);
    }
    CliRun after = CliRun.run("--data-dir", data.toString(), "load", RdfFixtures.resource("people.jsonld").toString());
    assertEquals(0, after.exit(), after.toString());
    CliRun persons = CliRun.run("--data-dir", data.toString(), "query", "MATCH (p:Person) RETURN count(p)", "--format", "csv");
    assertEquals("count(p)\n5", persons.out().strip().replace("\r", ""), persons.toString());
  }
}
