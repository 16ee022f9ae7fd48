package org.newsgraph.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.newsgraph.pipeline.Stores;
import org.newsgraph.rdf.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code newsgraph compact}: rewrites the data folder's TDB2 dataset without the blocks earlier
 * transactions left behind ({@link TdbStore#compact}).
 */
@Command(
    name = "compact",
    mixinStandardHelpOptions = true,
    description = {
      "Compacts the RDF store (TDB2) of the data folder: TDB2 keeps the old blocks of every write, so "
          + "a store built batch by batch grows to several times its data (12 GB for 20,000 articles, "
          + "3.1 GB compacted). The quads stay the same; Neo4j is not touched.",
      "Needs free disk space for the compacted copy while it runs, and the data folder to itself "
          + "(no build, serve or query at the same time). About a minute per GB on a small machine."
    })
final class CompactCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (GlobalOptions.stores().remoteRdf()) {
      throw new IllegalArgumentException("compact works on the data folder's TDB2; the RDF of --sparql-endpoint is"
          + " compacted by that server's own tools");
    }
    if (!Stores.exists(GlobalOptions.stores(), GlobalOptions.stores().tdbDir(), "RDF store", err)) {
      return Main.INPUT_FAILED;
    }
    try (TdbStore tdb = Stores.tdb(GlobalOptions.stores())) {
      err.println("Compacting " + tdb.describe() + " ...");
      err.flush();
      TdbStore.Compaction c = tdb.compact();
      out.printf(Locale.ROOT, "Compacted %s: %s -> %s in %.1f s%n", tdb.describe(), size(c.bytesBefore()),
          size(c.bytesAfter()), c.millis() / 1000.0);
    }
    return 0;
  }

  /** A size for people: bytes in KB, MB or GB (binary units). */
  static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
  }
}
