package org.newsgraph.dedup;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MinHash sketch of an article body's word shingles, to find near-duplicates: the same story as
 * syndicated copy that each outlet edited lightly (a dateline or credit added, "today" made
 * "yesterday", a paragraph cut), or quoted whole inside a longer page.
 *
 * <p>The body is read as words: Unicode NFC, lower case, runs of letters and digits ({@code
 * \p{L}\p{N}}); a shingle is {@value #K} consecutive words (Broder's w-shingling, "Syntactic
 * clustering of the Web", 1997). Each distinct shingle is hashed to 64 bits (FNV-1a over its UTF-8
 * bytes) and the sketch keeps, for each of {@value #HASHES} hash functions (the shingle hash mixed
 * with a fixed seed by SplitMix64's finaliser), the least value over all shingles, and the number of
 * distinct shingles. The share of positions where two sketches agree estimates the Jaccard
 * similarity of the two shingle sets (standard error about {@code sqrt(J(1-J)/256)}, 0.03 at
 * J = 0.5); {@link #overlap} turns it into the overlap coefficient, the share of the smaller set
 * that the other one holds, which stays high when one page holds the other's text plus more.
 *
 * <p>Sketches are values: equal bodies give equal sketches in every JVM.
 */
public final class BodySketch {
  /** Words per shingle. */
  public static final int K = 4;
  /** Hash functions (positions) per sketch. */
  public static final int HASHES = 256;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final long[] SEEDS = new long[HASHES];

  static {
    long s = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      s += 0x9E3779B97F4A7C15L;
      SEEDS[i] = mix(s);
    }
  }

  private final long[] mins;
  private final int shingles;

  private BodySketch(long[] mins, int shingles) {
    this.mins = mins;
    this.shingles = shingles;
  }

  /**
   * The sketch of a body.
   *
   * @param text the article body (any length; an empty or one-word text has no shingles)
   * @return its sketch
   */
  public static BodySketch of(String text) {
    Set<Long> hashes = shingleHashes(text);
    long[] mins = new long[HASHES];
    Arrays.fill(mins, Long.MAX_VALUE);
    for (long h : hashes) {
      for (int i = 0; i < HASHES; i++) {
        long v = mix(h ^ SEEDS[i]);
        if (Long.compareUnsigned(v, mins[i]) < 0) {
          mins[i] = v;
        }
      }
    }
    return new BodySketch(mins, hashes.size());
  }

  /** The words of a text as the sketch reads them. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** The distinct shingle hashes of a text (a text of fewer than {@value #K} words has one shingle of all of them). */
  static Set<Long> shingleHashes(String text) {
    List<String> words = words(text);
    Set<Long> hashes = new HashSet<>();
    if (words.isEmpty()) {
      return hashes;
    }
    int n = Math.max(1, words.size() - K + 1);
    for (int i = 0; i < n; i++) {
      hashes.add(fnv1a(String.join(" ", words.subList(i, Math.min(words.size(), i + K)))));
    }
    return hashes;
  }

  /**
   * The overlap ({@link #overlap}) at or above which two bodies are one story: 0.6. Measured on
   * real copies of news releases and stories from several outlets (see {@code
   * docs/near-duplicates.md}): copies lightly edited or quoted whole in a longer page scored
   * 0.77-0.94 (exact) and 0.75-0.94 (estimated), 1,257 pairs of different stories, many in one
   * template (readouts of other calls between the same ministers), at most 0.40 (exact) and 0.46
   * (estimated), rewrites quoting most of a release 0.54-0.65.
   */
  public static final double SAME_STORY = 0.6;

  /**
   * Fewer distinct shingles than this (about 28 words) in either body and two bodies are never one
   * story: one- and two-sentence texts that share a template ("X, the chief executive of Y, said on
   * DATE that the company would open an office in CITY") reach an overlap of 0.8 without being
   * copies. Exact copies are still found by the content hash.
   */
  public static final int MIN_SHINGLES = 25;

  /** Whether this body and {@code other} are one story: both long enough and {@link #overlap} at least {@link #SAME_STORY}. */
  public boolean sameStory(BodySketch other) {
    return shingles >= MIN_SHINGLES && other.shingles >= MIN_SHINGLES && overlap(other) >= SAME_STORY;
  }

  /** The number of distinct shingles of the body. */
  public int shingles() {
    return shingles;
  }

  /**
   * Estimated Jaccard similarity of the two shingle sets, 0-1: the share of positions where the
   * sketches agree; 0 when either body is empty.
   */
  public double jaccard(BodySketch other) {
    if (shingles == 0 || other.shingles == 0) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (mins[i] == other.mins[i]) {
        same++;
      }
    }
    return same / (double) HASHES;
  }

  /**
   * Estimated overlap coefficient, 0-1: the shared shingles (from the Jaccard estimate J and the
   * two set sizes, {@code J (a + b) / (1 + J)}) over the size of the smaller set, at most 1.
   */
  public double overlap(BodySketch other) {
    double j = jaccard(other);
    if (j == 0) {
      return 0;
    }
    double shared = j * (shingles + other.shingles) / (1 + j);
    return Math.min(1, shared / Math.min(shingles, other.shingles));
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** SplitMix64's finaliser (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", 2014). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** For tests and measurements: the exact Jaccard similarity of two texts' shingle sets. */
  static double exactJaccard(String a, String b) {
    int[] sizes = exactSizes(a, b);
    return sizes == null ? 0 : sizes[2] / (double) (sizes[0] + sizes[1] - sizes[2]);
  }

  /** For tests and measurements: the exact overlap coefficient of two texts' shingle sets. */
  static double exactOverlap(String a, String b) {
    int[] sizes = exactSizes(a, b);
    return sizes == null ? 0 : sizes[2] / (double) Math.min(sizes[0], sizes[1]);
  }

  /** The sizes of the two shingle sets and of their intersection; {@code null} when one is empty. */
  private static int[] exactSizes(String a, String b) {
    Set<Long> x = shingleHashes(a);
    Set<Long> y = shingleHashes(b);
    if (x.isEmpty() || y.isEmpty()) {
      return null;
    }
    Set<Long> inter = new HashSet<>(x);
    inter.retainAll(y);
    return new int[] {x.size(), y.size(), inter.size()};
  }
}
