package org.newsgraph.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Supplier;

/**
 * What a long command ({@code build}, {@code load}, {@code watch} while it builds a round's items)
 * says when Ctrl-C (SIGINT) or SIGTERM ends it:
 * one line on standard error naming the step it was in, what is kept and what to run next, e.g.
 * {@code newsgraph build: interrupted while loading Neo4j; the RDF of 24 article(s) is stored in
 * TDB2 ...; run the same 'newsgraph build' again ...}.
 *
 * <p>Without this the JVM ends with the shutdown hooks of the stores: nothing is said while
 * articles are extracted, and during the Neo4j load the driver logs a warning for every retry of
 * the transaction that the closing database broke (about 90 lines). So the hook installed here
 * first marks the command interrupted, which silences the rest of its standard error ({@link
 * #guard}) and every logger (Logback's levels set to OFF), then prints the line of the current
 * step ({@link #step}). The stores' own hooks (the embedded Neo4j's shutdown) run as before; the
 * JVM ends when they are done.
 *
 * <p>One instance per command run; {@link #close()} removes the hook when the command ends
 * normally.
 */
final class Interruption implements AutoCloseable {
  private final String command;
  private final PrintWriter out;
  private final Thread hook;
  private volatile Supplier<String> step = () -> null;
  private volatile boolean interrupted;

  private Interruption(String command, PrintWriter err) {
    this.command = command;
    this.out = err;
    this.hook = new Thread(this::interrupted, "newsgraph-" + command + "-interrupted");
  }

  /**
   * Installs the hook for {@code command} ({@code build}, {@code load}), printing to {@code err}.
   *
   * @return the installed instance; close it when the command ends
   */
  static Interruption install(String command, PrintWriter err) {
    Interruption i = new Interruption(command, err);
    Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  /**
   * The step the command is in now: what to say if it is interrupted during it ("interrupted
   * while ...; ... is kept; run ..."), computed when the signal comes.
   */
  void step(Supplier<String> message) {
    this.step = message;
  }

  /** Whether a Ctrl-C now would print a line (the current step has one). */
  boolean hasStep() {
    return step.get() != null;
  }

  /** Whether the command was interrupted (the hook has run or is running). */
  boolean happened() {
    return interrupted;
  }

  /**
   * A writer that passes everything to {@code err} until the command is interrupted and nothing
   * after: the command's progress lines stop with the one line of the hook.
   */
  PrintWriter guard(PrintWriter err) {
    return new PrintWriter(new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) {
        if (!interrupted) {
          err.write(cbuf, off, len);
        }
      }

      @Override
      public void flush() {
        if (!interrupted) {
          err.flush();
        }
      }

      @Override
      public void close() {
        flush();
      }
    }, true);
  }

  private void interrupted() {
    interrupted = true;
    silenceLogging();
    String message = step.get();
    if (message != null) {
      out.println("newsgraph " + command + ": " + message);
      out.flush();
    }
  }

  /** Every Logback logger off: the drivers' retry warnings and the like are no news after Ctrl-C. */
  private static void silenceLogging() {
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
      for (ch.qos.logback.classic.Logger logger : ctx.getLoggerList()) {
        logger.setLevel(ch.qos.logback.classic.Level.OFF);
      }
    }
  }

  /** Removes the hook (the command ended without being interrupted). */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs
    }
  }
}
