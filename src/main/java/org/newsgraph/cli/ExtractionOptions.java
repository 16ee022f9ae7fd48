package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.time.LocalDate;
import org.newsgraph.rdf.RdfMapper;
import picocli.CommandLine.Option;

/** Options of the commands that extract articles into RDF ({@code build}, {@code extract}). */
final class ExtractionOptions {
  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Publication date for articles whose input gives none; relative dates resolve against it.")
  LocalDate date;

  @Option(names = "--base-iri", paramLabel = "IRI", defaultValue = RdfMapper.DEFAULT_BASE,
      description = "Namespace for minted IRIs (default: ${DEFAULT-VALUE}).")
  String baseIri;

  @Option(names = "--aliases", paramLabel = "FILE",
      description = "Names the text alone cannot merge: a CSV with the canonical name first on each row and its "
          + "aliases after it, or RDF (Turtle, ...) with skos:prefLabel/skos:altLabel or owl:sameAs.")
  java.nio.file.Path aliasFile;

  /** The user's alias table, or an empty one. */
  org.newsgraph.model.AliasTable aliases() {
    return aliasFile == null ? org.newsgraph.model.AliasTable.EMPTY : AliasFiles.load(aliasFile);
  }

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "1000000",
      description = "Skip (and report) an article whose text is longer than this many characters, before any NLP"
          + " (default: ${DEFAULT-VALUE}; 0: no limit).")
  long maxChars;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "Skip (and report) an article whose extraction takes longer than this (default: ${DEFAULT-VALUE};"
          + " 0: no limit). The batch goes on with the next article.")
  long timeoutSeconds;

  @Option(names = "--fail-fast", description = "Stop at the first input or article that fails, instead of"
      + " reporting it and going on. Articles finished before it are kept.")
  boolean failFast;

  @Option(names = "--threads", paramLabel = "N",
      description = "Articles extracted at once, all sharing one set of models (default: the number of processors,"
          + " here ${sys:newsgraph.processors}). The output is the same for any N; each article keeps its own --timeout.")
  Integer threads;

  @Option(names = "--profile", paramLabel = "accurate|fast", defaultValue = "accurate",
      description = "accurate (default): the full CoreNLP pipeline (NER with fine-grained classes, statistical"
          + " coreference, KBP relations). fast: several times faster, one NER model, no statistical coreference"
          + " and no KBP (newsgraph's name matching and pattern relations only); same output shape, a little less"
          + " found.")
  String profile;

  static {
    System.setProperty("newsgraph.processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
  }

  /** The per-article limits these options give. */
  org.newsgraph.pipeline.ArticleGuard.Limits limits() {
    return new org.newsgraph.pipeline.ArticleGuard.Limits(maxChars, java.time.Duration.ofSeconds(timeoutSeconds),
        failFast);
  }

  /**
   * The pipeline configuration these options give, with the stores of the global options.
   *
   * @throws IllegalArgumentException for a bad profile, thread count or batch size
   */
  org.newsgraph.pipeline.PipelineConfig config() {
    return org.newsgraph.pipeline.PipelineConfig.builder()
        .stores(GlobalOptions.stores())
        .profile(org.newsgraph.extract.Profile.parse(profile))
        .threads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
        .limits(limits())
        .baseIri(baseIri)
        .defaultDate(date)
        .aliases(aliases())
        .build();
  }

  RdfMapper mapper() {
    return new RdfMapper(baseIri);
  }
}
