package org.newsgraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this process does with SIGINT (Ctrl-C). A process inherits an ignored SIGINT: a shell
 * without job control (a script) sets it for every command it starts in the background ({@code
 * newsgraph serve &}), and {@code nohup}-like launchers may too. The JVM leaves a signal that was
 * ignored at start ignored, so Ctrl-C or {@code kill -INT} cannot stop such a process; SIGTERM
 * ({@code kill PID}) still runs the same shutdown.
 */
final class Signals {
  private Signals() {}

  /**
   * Whether SIGINT is ignored in this process: bit 2 of {@code SigIgn} in {@code /proc/self/status}
   * (Linux); {@code false} where that cannot be read.
   */
  static boolean sigintIgnored() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: assume the default
    }
    return false;
  }

  /** How to stop this process: Ctrl-C, or {@code kill PID} when SIGINT is ignored. */
  static String howToStop() {
    return sigintIgnored()
        ? "Ctrl-C (SIGINT) is ignored in this process, as in every job a script starts in the background;"
            + " stop it with 'kill " + ProcessHandle.current().pid() + "' (SIGTERM)."
        : "Press Ctrl-C to stop.";
  }
}
