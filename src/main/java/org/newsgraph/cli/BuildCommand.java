package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.PipelineConfig;
import org.newsgraph.pipeline.Stores;
import org.newsgraph.pipeline.StreamingBuild;
import org.newsgraph.rdf.RdfStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsgraph build}: the main job. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Reads articles, extracts entities, group actors, relations and events, stores the RDF in the "
          + "TDB2 dataset under the data folder (one named graph per article, replaced when rebuilt) "
          + "and loads it into Neo4j.",
      "An article already stored with the same content hash and extractor version is skipped "
          + "without running the NLP pipeline (--force extracts it again); a changed one replaces its "
          + "named graph and its contribution to Neo4j.",
      "Inputs are files or folders: .txt (line 1 is the title), .html, .jsonl (one article per line), .csv (a"
          + " header row, one article per row), .rss/.atom feeds, .warc/.warc.gz web archives; or http(s) URLs of"
          + " article pages or feeds (also listed in --urls FILE). A feed item with only a summary has its page"
          + " fetched. Pages are fetched with a pause per host; the final URL and fetch time are kept as provenance.",
      "The build is a stream: articles are read one at a time, and each batch of --batch-size articles is stored"
          + " in the RDF store and then loaded into Neo4j as it completes, so memory stays flat with corpus size and"
          + " a kill loses at most the batch in flight. Progress is a bar on a terminal, a line every 30 s otherwise"
          + " (-v: a line per article)."
    })
final class BuildCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "INPUT", description = InputOptions.INPUT_HELP)
  List<String> inputs = new java.util.ArrayList<>();

  @picocli.CommandLine.Mixin ExtractionOptions extraction = new ExtractionOptions();

  @picocli.CommandLine.Mixin InputOptions input = new InputOptions();

  @picocli.CommandLine.Option(names = "--force",
      description = "Extract and store every article, even those stored with the same content hash and extractor version.")
  boolean force;

  @picocli.CommandLine.Option(names = "--batch-size", paramLabel = "N",
      description = "Articles stored in the RDF store and then loaded into Neo4j together (default: ${DEFAULT-VALUE})."
          + " A kill or crash loses at most the batch in flight; the next build skips the batches stored.",
      defaultValue = "${sys:newsgraph.defaultBatch}")
  int batchSize = PipelineConfig.DEFAULT_BATCH;

  static {
    System.setProperty("newsgraph.defaultBatch", Integer.toString(PipelineConfig.DEFAULT_BATCH));
  }

  @Spec CommandSpec spec;

  /**
   * What the last {@link #run} built, found unchanged and found to be copies, by id and content hash
   * ({@code watch} remembers them); empty before.
   */
  final List<Ingest.Seen> lastBuilt = new java.util.ArrayList<>();
  final List<Ingest.Seen> lastUnchanged = new java.util.ArrayList<>();
  final List<Ingest.Duplicate> lastCopies = new java.util.ArrayList<>();

  /** What the last {@link #run} read and extracted; {@code null} before. */
  Ingest.Outcome lastOutcome;

  /**
   * The command whose work {@link #run} does, as its Ctrl-C line names it and tells the user to run
   * it again: {@code build}, or {@code watch}, which builds each round's new items with this class.
   */
  String command = "build";

  /** The Ctrl-C handling of the {@link #run} under way, else {@code null}. */
  private volatile Interruption interruption;

  /**
   * Whether a Ctrl-C now would be reported by the build under way (one line naming its step), so
   * that {@code watch} need not say it too.
   */
  boolean reportsInterruption() {
    Interruption i = interruption;
    return i != null && i.hasStep();
  }

  @Override
  public Integer call() {
    Ingest.Reading reading = input.reading(inputs, extraction.date);
    return run(reading, String.join(" ", input.inputs(inputs)), spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * The build of the articles {@code reading} gives, with this command's options: a {@link
   * StreamingBuild} that extracts, stores each batch in the RDF store and loads it into Neo4j; then
   * the summary on {@code out}. Ctrl-C during the run prints one line on {@code rawErr} that names
   * the step, what is kept and what to run ({@link Interruption}, naming {@link #command}), and
   * nothing after it.
   *
   * @param what the inputs in words, for the message when no article could be read
   * @param rawErr where progress, warnings and problems go
   * @return the exit code
   */
  Integer run(Ingest.Reading reading, String what, PrintWriter out, PrintWriter rawErr) {
    PipelineConfig config = extraction.config().toBuilder().force(force).batchSize(batchSize).build();
    String again = "Run the same 'newsgraph " + command + "' again";
    StreamingBuild build = new StreamingBuild(config);
    // Ctrl-C: one line saying what is kept and what to run, and nothing else after it
    try (Interruption interruption = Interruption.install(command, rawErr);
        RdfStore rdf = Stores.rdf(config.stores());
        Stores.BackgroundNeo4j neo4j = new Stores.BackgroundNeo4j(config.stores())) {
      this.interruption = interruption;
      PrintWriter guarded = interruption.guard(rawErr);
      ProgressReport progress = ProgressReport.forStderr(guarded, GlobalOptions.verbose);
      PrintWriter err = progress.messages();
      String location = Stores.rdfLocation(rdf);
      String pendingFile = PendingLoads.file(config.stores().dataDir()).getFileName().toString();
      interruption.step(() -> stepMessage(build.status(), location, pendingFile, again));
      lastBuilt.clear();
      lastUnchanged.clear();
      lastCopies.clear();
      progress.onBatch(b -> {
        b.done().forEach(d -> lastBuilt.add(Ingest.Seen.of(d.graph().article())));
        lastUnchanged.addAll(b.unchanged());
        lastCopies.addAll(b.duplicates());
      });
      StreamingBuild.Report report;
      try {
        report = build.run(reading, rdf, neo4j, err, progress);
      } finally {
        progress.close();
      }
      lastOutcome = report.outcome();
      Ingest.Outcome outcome = report.outcome();
      interruption.step(() -> null); // done: what is left is closing
      if (outcome.nothingRead()) {
        err.println("newsgraph: no article could be read from " + what
            + "; give article files (.txt, .html, .jsonl, .csv, feeds, web archives), folders holding them, or URLs");
        return Main.INPUT_FAILED;
      }
      if (report.neo4jFailure() != null) {
        return Neo4jAfterRdf.report(report.neo4jFailure(), report.stored() + " article(s)", location,
            Neo4jAfterRdf.rerunBuild(), err);
      }
      printSummary(out, report, rdf);
      return outcome.failures() > 0 ? Main.INPUT_FAILED : Main.OK;
    } finally {
      this.interruption = null;
    }
  }

  /** The Ctrl-C line of the build's current step. */
  private static String stepMessage(StreamingBuild.Status s, String location, String pendingFile, String again) {
    String kept = s.stored() == 0 ? "" : "; " + s.stored() + " article graph(s) of the batches before are stored in "
        + location + (s.loaded() == s.stored() ? " and loaded into Neo4j" : " (Neo4j lacks some; " + pendingFile
        + " lists them)");
    return switch (s.phase()) {
      case EXTRACTING -> s.stored() == 0
          ? "interrupted while reading and extracting the articles; nothing of this run was stored. " + again
              + " to start over"
          : "interrupted while reading and extracting the articles" + kept + "; the batch in flight is lost. " + again
              + ": it skips what is stored and extracts the rest";
      case STORING -> "interrupted while storing the RDF of a batch of " + s.inBatch() + " article(s) in " + location
          + " (each batch is all or nothing)" + kept + ". " + again + ": it extracts only what is missing and loads"
          + " Neo4j";
      case LOADING -> "interrupted while loading Neo4j; the RDF is stored in " + location + " (newsgraph sparql works"
          + " now), Neo4j has only part of it and " + pendingFile + " lists what it lacks. " + again
          + " to finish (nothing stored is extracted again; no --force needed)";
      case DONE -> null;
    };
  }

  private static void printSummary(PrintWriter out, StreamingBuild.Report report, RdfStore rdf) {
    Ingest.Outcome outcome = report.outcome();
    Ingest.Summary sum = outcome.summary();
    if (report.stored() == 0 && report.neo4jDescription() == null) {
      out.printf("Built 0 article(s); %d unchanged, skipped%s%s.%n", outcome.unchanged(),
          outcome.duplicates() == 0 ? "" : "; " + outcome.duplicates()
              + " copies of other articles, recorded as their sources before",
          outcome.failures() > 0 ? ", " + outcome.failures() + " input(s) skipped (see above)" : "");
      out.printf("RDF:         %s (query: newsgraph sparql \"...\")%n", rdf.describe());
      return;
    }
    out.printf("Built %d article(s)%s%s.%n", outcome.built(),
        outcome.unchanged() == 0 ? "" : "; " + outcome.unchanged() + " unchanged, skipped",
        outcome.failures() > 0 ? ", " + outcome.failures() + " input(s) skipped (see above)" : "");
    out.printf("  entities:  %d (%s)%n", sum.entities(), sum.entitiesByType().toString()
        .replace("{", "").replace("}", "").replace("=", " "));
    out.printf("  groups:    %d (actors named by a description)%n", sum.groups());
    out.printf("  relations: %d%n", sum.relations());
    out.printf("  events:    %d%n", sum.events());
    if (sum.nearDuplicates() > 0) {
      out.printf("  stories:   %d near-duplicate(s) of a stored or earlier article, linked with ng:sameStoryAs;"
          + " %d of their event reports are events of the story, counted once%n", sum.nearDuplicates(),
          sum.storyEvents());
    }
    if (outcome.duplicates() > 0) {
      out.printf("  copies:    %d with the content of another article (same title, date and text), recorded as its"
          + " sources, not extracted%n", outcome.duplicates());
    }
    out.printf("  triples:   %d in %d named graph(s)%n", sum.triples(), sum.graphs());
    out.printf("  Neo4j:     %d node(s) and %d relationship(s) written%n", report.load().nodes(),
        report.load().relationships());
    StringBuilder sb = new StringBuilder();
    Map<String, Long> stages = new java.util.LinkedHashMap<>(outcome.stageMillis());
    // the sink's time is the RDF store's and Neo4j's: split it
    stages.computeIfPresent("store", (k, v) -> Math.max(0, v - report.load().elapsedMillis()));
    stages.put("load", report.load().elapsedMillis());
    stages.forEach((k, v) -> sb.append(String.format("%s %.1f s, ", k, v / 1000.0)));
    out.printf("  time:      %stotal %.1f s (%d batch(es))%n", sb, report.totalMillis() / 1000.0, outcome.batches());
    out.printf("RDF:         %s (query: newsgraph sparql \"...\")%n", rdf.describe());
    if (report.neo4jDescription() != null) {
      out.printf("Graph:       %s (query: newsgraph query \"...\")%n", report.neo4jDescription());
    }
    if (report.staleCaughtUp() > 0 || report.wholeStoreCaughtUp()) {
      out.printf("Neo4j:       caught up with %d resource(s)%s an interrupted build or remove had changed in TDB2 only%n",
          report.staleCaughtUp(), report.wholeStoreCaughtUp()
              ? " and the rest of the store (an interrupted first load of Neo4j)" : "");
    }
  }
}
