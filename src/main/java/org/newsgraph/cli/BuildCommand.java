package org.newsgraph.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.neo4j.LoadStats;
import org.newsgraph.extract.Extractor;
import org.newsgraph.model.Article;
import org.newsgraph.neo4j.ArticleUpdater;
import org.newsgraph.rdf.RdfMapper;
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
          + " fetched. Pages are fetched with a pause per host; the final URL and fetch time are kept as provenance."
    })
final class BuildCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "INPUT", description = InputOptions.INPUT_HELP)
  List<String> inputs = new java.util.ArrayList<>();

  @picocli.CommandLine.Mixin ExtractionOptions extraction = new ExtractionOptions();

  @picocli.CommandLine.Mixin InputOptions input = new InputOptions();

  @picocli.CommandLine.Option(names = "--force",
      description = "Extract and store every article, even those stored with the same content hash and extractor version.")
  boolean force;

  @Spec CommandSpec spec;

  /** What the last {@link #run} read and extracted ({@code watch} reports it); {@code null} before. */
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
   * The build of the articles {@code reading} gives, with this command's options: extract, store
   * in the RDF store, load into Neo4j, print the summary on {@code out}. A copy of a stored or
   * earlier article (the same content hash under another id) is recorded as another source of it
   * and not extracted; a near-duplicate is linked to its story ({@link StoryFinder}); what the
   * reading warns about and each article without a publication date are one line on {@code
   * rawErr}. Ctrl-C during the run prints one line on {@code rawErr} that names the step, what is
   * kept and what to run ({@link Interruption}, naming {@link #command}), and nothing after it.
   *
   * @param what the inputs in words, for the message when no article could be read
   * @param rawErr where progress, warnings and problems go
   * @return the exit code
   */
  Integer run(Ingest.Reading reading, String what, PrintWriter out, PrintWriter rawErr) {
    RdfMapper mapper = extraction.mapper();
    Ingest.Engine engine = extraction.engine();
    long t0 = System.nanoTime();
    String again = "Run the same 'newsgraph " + command + "' again";
    // Ctrl-C: one line saying what is kept and what to run, and nothing else after it
    try (Interruption interruption = Interruption.install(command, rawErr);
        RdfStore tdb = Stores.rdf(); Stores.BackgroundNeo4j neo4j = new Stores.BackgroundNeo4j()) {
      this.interruption = interruption;
      PrintWriter err = interruption.guard(rawErr);
      interruption.step(() -> "interrupted while reading and extracting the articles; nothing of this run was"
          + " stored. " + again + " to start over");
      // Neo4j starts while the models load (only when some article is to be extracted)
      Ingest.Outcome outcome = Ingest.run(reading, mapper, extraction.aliases(), err,
          a -> !force && unchanged(tdb, mapper, a, engine.profile()), extraction.limits(), engine, neo4j::start,
          new StoryFinder(tdb, mapper));
      lastOutcome = outcome;
      Map<String, Long> stages = outcome.stageMillis();
      if (outcome.done().isEmpty() && outcome.unchanged().isEmpty() && outcome.duplicates().isEmpty()) {
        err.println("newsgraph: no article could be read from " + what
            + "; give article files (.txt, .html, .jsonl, .csv, feeds, web archives), folders holding them, or URLs");
        return Main.INPUT_FAILED;
      }
      // copies: the graph named by the copy's id says that its file is another source of the article
      Map<String, org.apache.jena.rdf.model.Model> copies = copyGraphs(tdb, mapper, outcome.duplicates());
      // resources an earlier build or remove changed in TDB2 but may not have (fully) refreshed in Neo4j
      java.util.Set<String> pending = PendingLoads.read(GlobalOptions.dataDir);
      if (outcome.done().isEmpty() && copies.isEmpty() && pending.isEmpty()) {
        out.printf("Built 0 article(s); %d unchanged, skipped%s%s.%n", outcome.unchanged().size(),
            outcome.duplicates().isEmpty() ? "" : "; " + outcome.duplicates().size()
                + " copies of other articles, recorded as their sources before",
            outcome.failures() > 0 ? ", " + outcome.failures() + " input(s) skipped (see above)" : "");
        out.printf("RDF:         %s (query: newsgraph sparql \"...\")%n", tdb.describe());
        return outcome.failures() > 0 ? Main.INPUT_FAILED : Main.OK;
      }
      long ts = System.nanoTime();
      Dataset built = DatasetFactory.create();
      Map<String, org.apache.jena.rdf.model.Model> graphs = new java.util.LinkedHashMap<>();
      for (Ingest.Done d : outcome.done()) {
        graphs.put(d.graphIri(), d.rdf());
        built.addNamedModel(d.graphIri(), d.rdf());
      }
      graphs.putAll(copies);
      // on disk before TDB2 changes, so a kill between the two stores or during the load is caught up next time
      java.util.Set<org.apache.jena.graph.Node> affected = ArticleUpdater.affectedBy(tdb, graphs);
      PendingLoads.add(GlobalOptions.dataDir, PendingLoads.ids(affected));
      int[] storedSoFar = {0};
      interruption.step(() -> "interrupted while storing the RDF in " + Stores.rdfLocation(tdb) + "; " + storedSoFar[0]
          + " of " + graphs.size() + " article graph(s) are stored (each batch of " + ArticleUpdater.TDB_BATCH
          + " is all or nothing). " + again + ": it extracts only what is missing and loads Neo4j");
      ArticleUpdater.storeRdf(tdb, graphs, n -> {
        storedSoFar[0] = n;
        if (n < graphs.size()) { // after each batch but the last
          err.printf("stored %d/%d in TDB2%n", n, graphs.size());
        }
      });
      interruption.step(() -> "interrupted while loading Neo4j; the RDF " + (graphs.isEmpty() ? "is" : "of "
          + graphs.size() + " article graph(s) is") + " stored in " + Stores.rdfLocation(tdb)
          + " (newsgraph sparql works now), Neo4j has only part of it and "
          + PendingLoads.file(GlobalOptions.dataDir).getFileName() + " lists what it lacks. " + again
          + " to finish (nothing is extracted again; no --force needed)");
      stages.put("store", Ingest.millisSince(ts));
      int stale = PendingLoads.nodes(pending).size();
      String staleText = stale + " resource(s)" + (PendingLoads.wholeStore(pending)
          ? " and the rest of the store (an interrupted first load of Neo4j)" : "");
      err.printf("Stored the RDF of %d article(s) in TDB2; loading Neo4j%s...%n", outcome.done().size() + copies.size(),
          pending.isEmpty() ? "" : " (with " + staleText + " an interrupted build or remove left stale)");
      // Neo4j only now, after the RDF is safe in TDB2: when Neo4j is down, the next build finishes the job
      long tn = System.nanoTime();
      try (Stores.Neo4jConnection neo = neo4j.get()) {
        affected.addAll(PendingLoads.nodes(pending));
        if (PendingLoads.wholeStore(pending)) {
          affected.addAll(tdb.allResources()); // an interrupted fill of an empty Neo4j
        }
        err.printf("Neo4j ready after %.1f s (%s); refreshing %d resource(s)...%n", Ingest.millisSince(tn) / 1000.0,
            neo.describe(), affected.size());
        long tl = System.nanoTime();
        ArticleUpdater updater = new ArticleUpdater(tdb, neo.store());
        if (updater.fillsFromWholeStore()) {
          PendingLoads.add(GlobalOptions.dataDir, java.util.List.of(PendingLoads.WHOLE_STORE));
        }
        LoadStats load = updater.refresh(affected);
        PendingLoads.clear(GlobalOptions.dataDir);
        stages.put("load", Ingest.millisSince(tl));
        interruption.step(() -> null); // done: what is left to do is closing
        printSummary(out, outcome, built, load, stages, tdb, neo, (System.nanoTime() - t0) / 1_000_000);
        if (!pending.isEmpty()) {
          out.printf("Neo4j:       caught up with %s an interrupted build or remove had changed in TDB2 only%n",
              staleText);
        }
      } catch (RuntimeException e) {
        return Neo4jAfterRdf.report(e, outcome.done().size() + " article(s)", Stores.rdfLocation(tdb), Neo4jAfterRdf.rerunBuild(), err);
      }
      return outcome.failures() > 0 ? Main.INPUT_FAILED : Main.OK;
    } finally {
      this.interruption = null;
    }
  }

  /**
   * The named graphs of copies: for each, the graph named by the copy's article IRI holding {@code
   * <ARTICLE> ng:source "COPY_SOURCE"}, so the copied article has one more source, and removing the
   * copy's id takes it away again. A copy stored so before is left out (nothing to change).
   */
  static Map<String, org.apache.jena.rdf.model.Model> copyGraphs(RdfStore tdb, RdfMapper mapper,
      List<Ingest.Duplicate> duplicates) {
    Map<String, org.apache.jena.rdf.model.Model> graphs = new java.util.LinkedHashMap<>();
    for (Ingest.Duplicate d : duplicates) {
      String iri = mapper.articleIri(d.article().id());
      org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
      m.setNsPrefix(org.newsgraph.rdf.NG.PREFIX, org.newsgraph.rdf.NG.NS);
      m.createResource(d.copyOf()).addProperty(org.newsgraph.rdf.NG.source, d.article().source());
      boolean same = tdb.resourcesOf(iri).equals(java.util.Set.of(org.apache.jena.graph.NodeFactory.createURI(d.copyOf())))
          && tdb.select("ASK { GRAPH <" + iri + "> { <" + d.copyOf() + "> <" + org.newsgraph.rdf.NG.source.getURI() + "> "
              + org.apache.jena.riot.out.NodeFmtLib.strNT(org.apache.jena.graph.NodeFactory.createLiteralString(
                  d.article().source())) + " } }", 0).rows().get(0).get(0).equals(Boolean.TRUE);
      if (!same) {
        graphs.put(iri, m);
      }
    }
    return graphs;
  }

  /**
   * Whether the RDF store holds this article with the same content hash and the extractor version
   * of {@code profile} (with this mapping's version, {@link RdfMapper#stampVersion}).
   */
  static boolean unchanged(RdfStore tdb, RdfMapper mapper, Article a, org.newsgraph.extract.Profile profile) {
    RdfStore.Stamp stored = tdb.stamp(mapper.articleIri(a.id()));
    return stored != null && stored.contentHash().equals(RdfMapper.contentHash(a))
        && stored.extractorVersion().equals(RdfMapper.stampVersion(Extractor.version(profile)));
  }

  private static void printSummary(PrintWriter out, Ingest.Outcome outcome, Dataset built, LoadStats load,
      Map<String, Long> stages, RdfStore tdb, Stores.Neo4jConnection neo, long totalMillis) {
    Map<EntityType, Integer> byType = new EnumMap<>(EntityType.class);
    int relations;
    int events;
    int groups = 0;
    java.util.Set<org.apache.jena.graph.Triple> relationTriples = new java.util.HashSet<>();
    java.util.Set<String> eventIris = new java.util.HashSet<>();
    int nearDuplicates = 0;
    int storyEvents = 0;
    for (Ingest.Done d : outcome.done()) {
      for (Entity e : d.graph().entities()) {
        if (e.group()) {
          groups++;
        } else {
          byType.merge(e.type(), 1, Integer::sum);
        }
      }
      // distinct facts: a relation or event told by several near-duplicate reports counts once
      d.rdf().listStatements(null, org.apache.jena.vocabulary.RDF.reifies, (org.apache.jena.rdf.model.RDFNode) null)
          .forEachRemaining(st -> relationTriples.add(st.getObject().asNode().getTriple()));
      String own = d.graphIri() + "/event/";
      for (org.apache.jena.rdf.model.Resource ev : d.rdf().listSubjectsWithProperty(
          org.apache.jena.vocabulary.RDF.type, org.newsgraph.rdf.NG.Event).toList()) {
        if (!eventIris.add(ev.getURI()) || !ev.getURI().startsWith(own)) {
          storyEvents++;
        }
      }
      if (d.story() != null) {
        nearDuplicates++;
      }
    }
    relations = relationTriples.size();
    events = eventIris.size();
    long triples = 0;
    for (Ingest.Done d : outcome.done()) {
      triples += d.rdf().size();
    }
    out.printf("Built %d article(s)%s%s.%n", outcome.done().size(),
        outcome.unchanged().isEmpty() ? "" : "; " + outcome.unchanged().size() + " unchanged, skipped",
        outcome.failures() > 0 ? ", " + outcome.failures() + " input(s) skipped (see above)" : "");
    out.printf("  entities:  %d (%s)%n", byType.values().stream().mapToInt(Integer::intValue).sum(), byType.toString()
        .replace("{", "").replace("}", "").replace("=", " "));
    out.printf("  groups:    %d (actors named by a description)%n", groups);
    out.printf("  relations: %d%n", relations);
    out.printf("  events:    %d%n", events);
    if (nearDuplicates > 0) {
      out.printf("  stories:   %d near-duplicate(s) of a stored or earlier article, linked with ng:sameStoryAs;"
          + " %d of their event reports are events of the story, counted once%n", nearDuplicates, storyEvents);
    }
    if (!outcome.duplicates().isEmpty()) {
      out.printf("  copies:    %d with the content of another article (same title, date and text), recorded as its"
          + " sources, not extracted%n", outcome.duplicates().size());
    }
    out.printf("  triples:   %d in %d named graph(s)%n", triples, outcome.done().size());
    out.printf("  Neo4j:     %d node(s) refreshed, %d relationship(s) written%n", load.nodes(), load.relationships());
    StringBuilder sb = new StringBuilder();
    stages.forEach((k, v) -> sb.append(String.format("%s %.1f s, ", k, v / 1000.0)));
    out.printf("  time:      %stotal %.1f s%n", sb, totalMillis / 1000.0);
    out.printf("RDF:         %s (query: newsgraph sparql \"...\")%n", tdb.describe());
    out.printf("Graph:       %s (query: newsgraph query \"...\")%n", neo.describe());
  }
}
