package org.newsgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines that start newsgraph in a child JVM for the tests that send it signals, with a
 * known SIGINT disposition.
 *
 * <p>A process inherits an ignored SIGINT from its parent, and a shell that starts a job in the
 * background without job control ({@code mvn -B verify > log &} in a script) sets SIGINT to
 * ignored for it; the JVM then leaves SIGINT ignored (it installs no handler for a signal ignored
 * at start), so a child started from such a Maven run never sees {@code kill -INT}. That is why
 * {@code ServeCtrlCTest} once waited 60 s for a {@code serve} that could not see the signal. These
 * commands put {@code env --default-signal=INT} (GNU coreutils 8.31 and later) in front, so the
 * child handles SIGINT however Maven was started.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** {@code java -cp CLASSPATH ARGS} with SIGINT at its default disposition. */
  public static List<String> java(String... args) {
    return command(List.of("--default-signal=INT"), args);
  }

  /** {@code java -cp CLASSPATH ARGS} with SIGINT ignored, as in a background job of a script. */
  public static List<String> javaIgnoringSigint(String... args) {
    return command(List.of("--ignore-signal=INT"), args);
  }

  private static List<String> command(List<String> envOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("env");
    cmd.addAll(envOptions);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * Whether the process ignores SIGINT (bit 2 of {@code SigIgn} in {@code /proc/PID/status}).
   *
   * @throws IOException when the status cannot be read (not Linux, or the process has ended)
   */
  public static boolean ignoresSigint(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
      }
    }
    throw new IOException("no SigIgn line for process " + pid);
  }
}
