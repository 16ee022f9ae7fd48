package org.newsgraph.cli;

import org.newsgraph.TabularResult;
import picocli.CommandLine.Option;

/** Options of the query commands ({@code query}, {@code sparql}): output format and time limit. */
final class ResultOptions {
  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Stop the query after this many seconds (default: ${DEFAULT-VALUE}; 0: no limit).")
  long timeoutSeconds;

  /**
   * Checks the format.
   *
   * @throws IllegalArgumentException naming the allowed formats
   */
  void check() {
    if (!TabularResult.FORMATS.contains(format)) {
      throw new IllegalArgumentException("unknown --format '" + format + "'; use one of " + TabularResult.FORMATS);
    }
  }
}
