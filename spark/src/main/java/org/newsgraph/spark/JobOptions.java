package org.newsgraph.spark;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.newsgraph.extract.Profile;
import org.newsgraph.rdf.RdfMapper;

/**
 * What one run of the Spark job does, as a value that travels to the executors.
 *
 * @param inputs paths or URIs on any Hadoop file system ({@code file:}, {@code hdfs:}, {@code
 *     s3a:}, ...): files or folders (read recursively) of {@code .txt}, {@code .html}/{@code .htm}
 *     and {@code .jsonl} articles, or {@code .parquet} and {@code .json} files or folders with the
 *     columns {@code id}, {@code text} and optional {@code title}, {@code date}, {@code url},
 *     {@code authors}
 * @param output the output folder (any Hadoop file system); each run adds its part, see {@link
 *     SparkJob}
 * @param profile which CoreNLP pipeline extracts ({@code --profile}, as {@code build})
 * @param date the publication date of articles whose input gives none, or {@code null}
 * @param baseIri the base of article and entity IRIs ({@code --base-iri}, as {@code build})
 * @param maxChars the most characters of body text extracted per article; 0 = no limit
 * @param timeout the longest one article's extraction may take; {@link Duration#ZERO} = no limit
 * @param partitions how many partitions extraction runs in; 0 = Spark's default parallelism
 *     times 4 (several per core, so that a slow partition does not hold a core idle at the end)
 * @param runId the name of this run's part of the output ({@code run=ID} folders); {@code null}
 *     makes one from the start time (UTC), which sorts in time order
 */
public record JobOptions(List<String> inputs, String output, Profile profile, LocalDate date, String baseIri,
    long maxChars, Duration timeout, int partitions, String runId) implements Serializable {

  /** Checks the values and copies the list. */
  public JobOptions {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(profile, "profile");
    baseIri = baseIri == null ? RdfMapper.DEFAULT_BASE : baseIri;
    timeout = timeout == null ? Duration.ZERO : timeout;
    if (maxChars < 0 || timeout.isNegative() || partitions < 0) {
      throw new IllegalArgumentException("--max-chars, --timeout and --partitions must be 0 or more");
    }
    if (runId != null && !runId.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("--run-id takes letters, digits, '.', '_' and '-' only, not " + runId);
    }
  }

  /** {@code build}'s defaults: the accurate profile, 1,000,000 characters, 600 s per article. */
  public static JobOptions defaults(List<String> inputs, String output) {
    return new JobOptions(inputs, output, Profile.ACCURATE, null, null, 1_000_000, Duration.ofSeconds(600), 0, null);
  }

  /** This run with another profile. */
  public JobOptions withProfile(Profile p) {
    return new JobOptions(inputs, output, p, date, baseIri, maxChars, timeout, partitions, runId);
  }

  /** This run with another run id. */
  public JobOptions withRunId(String id) {
    return new JobOptions(inputs, output, profile, date, baseIri, maxChars, timeout, partitions, id);
  }

  /** This run with another number of partitions. */
  public JobOptions withPartitions(int n) {
    return new JobOptions(inputs, output, profile, date, baseIri, maxChars, timeout, n, runId);
  }
}
