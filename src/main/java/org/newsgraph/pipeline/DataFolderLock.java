package org.newsgraph.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.newsgraph.StoreUnavailableException;

/**
 * One newsgraph process at a time per data folder: the embedded TDB2 dataset and the embedded Neo4j
 * each lock their own folder, but a second {@code build} would only meet the Neo4j lock after
 * minutes of extraction, and neither lock says who holds it in newsgraph's terms. So every command
 * that opens an embedded store first takes an OS file lock on {@value #FILE} in the data folder and
 * writes its process id, command and start time there; a second process fails at once with those.
 *
 * <p>The lock is an advisory {@link FileLock}: the operating system drops it when the process ends,
 * even on SIGKILL, so a stale file never blocks anyone. Within one JVM the lock is counted (a
 * command opens TDB2 and Neo4j under one lock).
 */
public final class DataFolderLock {
  /** The lock file's name in the data folder. */
  public static final String FILE = "newsgraph.lock";

  private static final Map<Path, Held> HELD = new HashMap<>();

  private DataFolderLock() {}

  private static final class Held {
    final FileChannel channel;
    final FileLock lock;
    int count = 1;

    Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  /** A taken lock; {@link #close()} gives it back once (later calls do nothing). */
  public static final class Handle implements AutoCloseable {
    private final Path dir;
    private boolean released;

    private Handle(Path dir) {
      this.dir = dir;
    }

    @Override
    public void close() {
      synchronized (HELD) {
        if (released) {
          return;
        }
        released = true;
        Held h = HELD.get(dir);
        if (h != null && --h.count == 0) {
          HELD.remove(dir);
          try {
            h.lock.release();
            h.channel.close();
          } catch (IOException e) {
            // the lock goes with the channel or the process anyway
          }
        }
      }
    }
  }

  /**
   * Takes the lock of {@code dataDir} (creating the folder), for the command {@code command}.
   *
   * @throws StoreUnavailableException when another process holds it: the message names that
   *     process (id, command, since when) and what to do
   */
  public static Handle acquire(Path dataDir, String command) {
    Path dir = dataDir.toAbsolutePath().normalize();
    synchronized (HELD) {
      Held held = HELD.get(dir);
      if (held != null) {
        held.count++;
        return new Handle(dir);
      }
      FileChannel channel = null;
      try {
        Files.createDirectories(dir);
        channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
          String holder = read(channel);
          channel.close();
          throw new StoreUnavailableException(busyMessage(dir, holder));
        }
        String info = "pid=" + ProcessHandle.current().pid() + "\ncommand=newsgraph " + command + "\nsince="
            + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(info.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        HELD.put(dir, new Held(channel, lock));
        return new Handle(dir);
      } catch (IOException e) {
        closeQuietly(channel);
        throw new StoreUnavailableException("cannot lock the data folder " + dir + " (" + e.getMessage()
            + "); check that it is writable, or pass another --data-dir", e);
      }
    }
  }

  private static String busyMessage(Path dir, String holder) {
    Map<String, String> info = new HashMap<>();
    for (String line : holder.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        info.put(line.substring(0, eq).strip(), ArticleGuard.printable(line.substring(eq + 1).strip()));
      }
    }
    String pid = info.get("pid");
    String who = pid == null ? "another process"
        : "another newsgraph process (pid " + pid
            + (info.containsKey("command") ? ", '" + info.get("command") + "'" : "")
            + (info.containsKey("since") ? ", running since " + info.get("since") : "") + ")";
    boolean serve = info.getOrDefault("command", "").startsWith("newsgraph serve");
    return "the data folder " + dir + " is in use by " + who + "; its embedded TDB2 and Neo4j stores open in one"
        + " process at a time. " + (serve ? "Stop that 'newsgraph serve' (Ctrl-C in its terminal"
            + (pid != null ? ", or kill " + pid : "") + ")" : "Wait until it finishes"
            + (pid != null ? " (or stop it: kill " + pid + ")" : ""))
        + ", or pass another --data-dir.";
  }

  private static String read(FileChannel channel) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(4096);
      int n = channel.read(buf, 0);
      return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }
}
