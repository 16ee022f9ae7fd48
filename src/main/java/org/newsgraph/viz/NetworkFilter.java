package org.newsgraph.viz;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * What part of the actor network to keep.
 *
 * <p>Order of application: the date range first (links, events and evidence outside it are
 * dropped; actors stay when an article in the range mentions them or a link or event in the range
 * touches them), then the node kinds, then the focus neighbourhood.
 *
 * @param focus keep only the neighbourhood of the actors whose name or an alias equals this,
 *     ignoring case; {@code null} for the whole network
 * @param hops radius of the focus neighbourhood in links (0 = the focus actors alone); ignored
 *     without a focus
 * @param types node kinds to keep; never empty
 * @param since keep links, events and evidence dated on or after this day; {@code null} for no lower
 *     bound. An event's date is its {@code ng:eventTime} (a year or month counts when it overlaps the
 *     range), else its article's date; a relation's dates are its evidence articles' dates. Things
 *     without any date are dropped once a bound is given.
 * @param until keep those dated on or before this day; {@code null} for no upper bound
 */
public record NetworkFilter(String focus, int hops, Set<NodeKind> types, LocalDate since, LocalDate until) {
  /** The whole network: every kind, no dates, no focus. */
  public static final NetworkFilter ALL = new NetworkFilter(null, 1, EnumSet.allOf(NodeKind.class), null, null);

  /**
   * Checks and copies the arguments.
   *
   * @throws IllegalArgumentException if hops is negative, types is empty, or since is after until
   */
  public NetworkFilter {
    if (hops < 0) {
      throw new IllegalArgumentException("--hops must be 0 or more, not " + hops);
    }
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("at least one node type must be kept");
    }
    types = Set.copyOf(types);
    if (since != null && until != null && since.isAfter(until)) {
      throw new IllegalArgumentException("--since " + since + " is after --until " + until);
    }
    if (focus != null && focus.isBlank()) {
      focus = null;
    }
  }

  /** True when a date bound is given. */
  public boolean hasDateRange() {
    return since != null || until != null;
  }

  /**
   * True when the interval {@code [from, to]} (both inclusive) overlaps the range; false when
   * either end is {@code null} and a bound is given, true when no bound is given.
   */
  public boolean overlaps(LocalDate from, LocalDate to) {
    if (!hasDateRange()) {
      return true;
    }
    if (from == null || to == null) {
      return false;
    }
    return (since == null || !to.isBefore(since)) && (until == null || !from.isAfter(until));
  }
}
