package org.newsgraph.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.newsgraph.StoreUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsgraph} command line. {@link #run} is the testable entry point; {@link #main}
 * exits the JVM with its code.
 *
 * <p>Exit codes: {@value #OK} ok, {@value #INPUT_FAILED} some input failed, {@value #USAGE} usage
 * error, {@value #STORE_UNAVAILABLE} a store could not be reached.
 */
@Command(
    name = "newsgraph",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Builds a knowledge graph of the people, organisations, places and events in news articles, "
          + "with the relations between them and the sentence behind every edge.",
      "RDF goes to a Jena TDB2 store under the data folder (or to the SPARQL server of --sparql-endpoint), "
          + "the same graph to Neo4j (an embedded database under the data folder unless --neo4j-uri is given)."
    },
    subcommands = {
      BuildCommand.class,
      WatchCommand.class,
      LoadCommand.class,
      RemoveCommand.class,
      CompactCommand.class,
      ValidateCommand.class,
      ExtractCommand.class,
      QueryCommand.class,
      SparqlCommand.class,
      ExportCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      VizCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  ok",
      "  1  some input failed (reported, the rest was processed)",
      "  2  usage error",
      "  3  a store (Neo4j, TDB2, SPARQL endpoint) could not be reached or opened, or another",
      "     newsgraph process uses the data folder",
      "",
      "Example: newsgraph build seeds/ && newsgraph query \"MATCH (p:Person) RETURN p.name\""
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int INPUT_FAILED = 1;
  public static final int USAGE = 2;
  public static final int STORE_UNAVAILABLE = 3;

  /** The byte stream of the running command's standard output (RDF is written here). */
  static PrintStream stdout = System.out;

  @CommandLine.Mixin GlobalOptions global = new GlobalOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: say what to do, e.g. 'newsgraph build seeds/'");
  }

  /**
   * Runs the command line with the given streams.
   *
   * @return the exit code
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    GlobalOptions.reset();
    stdout = out;
    CommandLine cl = new CommandLine(new Main());
    cl.setUsageHelpWidth(100);
    cl.setUsageHelpAutoWidth(true);
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    // a usage error is one line saying what is wrong and where the help is, not the whole help text
    cl.setParameterExceptionHandler((ex, given) -> {
      CommandLine where = ex.getCommandLine();
      PrintWriter w = where.getErr();
      w.println("newsgraph: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, w); // "Did you mean: newsgraph build?"
      w.println(seeHelp(where));
      return USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof StoreUnavailableException) {
        commandLine.getErr().println("newsgraph: " + ex.getMessage());
        return STORE_UNAVAILABLE;
      }
      if (ex instanceof IllegalArgumentException) {
        // a command's own usage check ("unknown --format 'xml'; use one of ..."): the same two lines
        commandLine.getErr().println("newsgraph: " + ex.getMessage());
        commandLine.getErr().println(seeHelp(commandLine));
        return USAGE;
      }
      commandLine.getErr().println("newsgraph: " + ex);
      if (GlobalOptions.verbose) {
        ex.printStackTrace(commandLine.getErr());
      } else {
        commandLine.getErr().println("Run again with -v for the full stack trace.");
      }
      return INPUT_FAILED;
    });
    cl.setExecutionStrategy(parseResult -> {
      CommandLine.ParseResult sub = parseResult.subcommand();
      GlobalOptions.command = sub == null ? "" : sub.commandSpec().name();
      return new CommandLine.RunLast().execute(parseResult);
    });
    return cl.execute(args);
  }

  /** The second line of every usage error: {@code See 'newsgraph build --help'.} */
  static String seeHelp(CommandLine where) {
    return "See '" + where.getCommandSpec().qualifiedName() + " --help'.";
  }

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "newsgraph " + (v == null ? "(development build)" : v),
        "extractor " + org.newsgraph.extract.Extractor.VERSION,
        "Java " + System.getProperty("java.version")
      };
    }
  }
}
