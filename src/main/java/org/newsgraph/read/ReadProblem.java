package org.newsgraph.read;

import java.util.Objects;

/**
 * An input that could not be read, or a part of it that was skipped; given to a reader's warnings
 * sink instead, something that was read with a caveat (a date that could not be read, a first line
 * kept in the body).
 *
 * @param source where the problem is: the path as given, or {@code path:LINE} (1-based line
 *     number) for one line of a JSONL file
 * @param reason what is wrong and what to do about it, as one sentence for a person to read
 */
public record ReadProblem(String source, String reason) {

  /**
   * Checks that both parts are present.
   *
   * @param source where the problem is
   * @param reason what is wrong and what to do
   * @throws NullPointerException if {@code source} or {@code reason} is {@code null}
   */
  public ReadProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns {@code source: reason}, the form the command line prints. */
  @Override
  public String toString() {
    return source + ": " + reason;
  }
}
