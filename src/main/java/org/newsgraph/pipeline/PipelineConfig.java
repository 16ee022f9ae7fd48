package org.newsgraph.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import org.newsgraph.extract.Profile;
import org.newsgraph.model.AliasTable;
import org.newsgraph.rdf.RdfMapper;

/**
 * The main job's configuration as one immutable value: where the graph goes ({@link StoreConfig}),
 * how articles are extracted (profile, threads, per-article limits, alias table, default date), how
 * they are named (base IRI), and how the streaming build cuts its work (batch size, queue
 * capacity). Build one with {@link #builder()}; {@link #toBuilder()} gives a builder holding a
 * copy's values.
 *
 * @param stores where the RDF and Neo4j live
 * @param profile which CoreNLP pipeline runs
 * @param threads articles extracted at once, sharing one set of models (1 or more)
 * @param limits the limits of each article (characters, time, fail-fast)
 * @param baseIri the namespace of minted IRIs (the articles' named graphs, entities, events)
 * @param defaultDate the publication date of articles whose input gives none ({@code null}: none;
 *     their relative dates stay unresolved)
 * @param aliases names the text alone cannot merge ({@link AliasTable#EMPTY}: none)
 * @param batchSize articles committed to the RDF store and then Neo4j together (1 or more); a kill
 *     loses at most the batch in flight
 * @param queueCapacity articles extraction may run ahead of storage (submitted to the extraction
 *     lanes, or extracted and waiting to be stored), 1 or more; with {@code batchSize} it bounds
 *     the articles held in memory at once
 * @param force extract and store every article, even one stored with the same content hash and
 *     extractor version
 */
public record PipelineConfig(StoreConfig stores, Profile profile, int threads, ArticleGuard.Limits limits,
    String baseIri, LocalDate defaultDate, AliasTable aliases, int batchSize, int queueCapacity, boolean force) {

  /**
   * Articles per batch by default: 256, or the system property {@code newsgraph.batch} (tests use a
   * small batch to stop a build between batches).
   */
  public static final int DEFAULT_BATCH = Math.max(1, Integer.getInteger("newsgraph.batch", Integer.getInteger("newsgraph.tdbBatch", 256)));

  /** Checks the values. */
  public PipelineConfig {
    Objects.requireNonNull(stores, "stores");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(baseIri, "baseIri");
    aliases = aliases == null ? AliasTable.EMPTY : aliases;
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be 1 or more");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be 1 or more");
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("the queue capacity must be 1 or more");
    }
  }

  /** A builder with the defaults (see {@link Builder}). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's settings. */
  public Builder toBuilder() {
    return new Builder().stores(stores).profile(profile).threads(threads).limits(limits).baseIri(baseIri)
        .defaultDate(defaultDate).aliases(aliases).batchSize(batchSize).queueCapacity(queueCapacity).force(force);
  }

  /** The mapper that mints this configuration's IRIs. */
  public RdfMapper mapper() {
    return new RdfMapper(baseIri);
  }

  /**
   * Builds a {@link PipelineConfig}. Defaults: the embedded stores under {@code ./newsgraph-data},
   * the accurate profile, one thread per processor, {@link ArticleGuard.Limits#DEFAULT}, {@link
   * RdfMapper#DEFAULT_BASE}, no default date, no aliases, {@link #DEFAULT_BATCH} articles per batch,
   * a queue of four articles per thread (at least 8), no force. Not thread-safe.
   */
  public static final class Builder {
    private StoreConfig stores = StoreConfig.embedded(Path.of("newsgraph-data"));
    private Profile profile = Profile.ACCURATE;
    private int threads = Runtime.getRuntime().availableProcessors();
    private ArticleGuard.Limits limits = ArticleGuard.Limits.DEFAULT;
    private String baseIri = RdfMapper.DEFAULT_BASE;
    private LocalDate defaultDate;
    private AliasTable aliases = AliasTable.EMPTY;
    private int batchSize = DEFAULT_BATCH;
    private Integer queueCapacity;
    private boolean force;

    private Builder() {}

    /** Where the graph goes. */
    public Builder stores(StoreConfig v) {
      stores = v;
      return this;
    }

    /** The embedded stores under {@code dir} (keeps any server settings given before). */
    public Builder dataDir(Path dir) {
      stores = stores.withDataDir(dir);
      return this;
    }

    /** The CoreNLP profile. */
    public Builder profile(Profile v) {
      profile = v;
      return this;
    }

    /** Articles extracted at once. */
    public Builder threads(int v) {
      threads = v;
      return this;
    }

    /** Per-article limits. */
    public Builder limits(ArticleGuard.Limits v) {
      limits = v;
      return this;
    }

    /** The namespace of minted IRIs. */
    public Builder baseIri(String v) {
      baseIri = v;
      return this;
    }

    /** The date of articles whose input gives none ({@code null}: none). */
    public Builder defaultDate(LocalDate v) {
      defaultDate = v;
      return this;
    }

    /** The user's alias table. */
    public Builder aliases(AliasTable v) {
      aliases = v;
      return this;
    }

    /** Articles per committed batch. */
    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    /** Articles extraction may run ahead of storage. */
    public Builder queueCapacity(int v) {
      queueCapacity = v;
      return this;
    }

    /** Whether unchanged articles are extracted again. */
    public Builder force(boolean v) {
      force = v;
      return this;
    }

    /** The value. */
    public PipelineConfig build() {
      int queue = queueCapacity != null ? queueCapacity : Math.max(8, 4 * threads);
      return new PipelineConfig(stores, profile, threads, limits, baseIri, defaultDate, aliases, batchSize, queue,
          force);
    }
  }
}
