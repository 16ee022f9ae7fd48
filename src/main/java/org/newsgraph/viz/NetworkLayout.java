package org.newsgraph.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Link;
import org.newsgraph.viz.ActorNetwork.LinkKind;

/**
 * Places the actors so that linked actors sit near each other and no two labels overlap, in
 * layout units that the page draws as CSS pixels at zoom 1 (every output carries the same
 * positions).
 *
 * <p>How: each connected component is laid out on its own by stress majorization solved with
 * stochastic gradient descent (every pair of actors is pulled towards its shortest-path distance,
 * where a link is as long as its two nodes plus the text of its label; an event link, which the
 * page labels only when pointed at, as long as its two nodes), turned so that its longer axis is
 * horizontal, and then freed of overlaps: rounds of a fading stress pass and a pass that pushes
 * apart every two actors whose boxes (node plus the label under it, with a margin) intersect, then
 * pushing alone until no two boxes overlap and no actor's box meets the label of a relation (an
 * actor inside another pair's label is pushed out, a link whose label meets its own ends is
 * lengthened). An actor with many neighbours gets links
 * long enough for a ring of their boxes around it. The components are then packed in rows,
 * largest first, the actors without links in a block of their own below. Components larger than {@value #FULL_STRESS_LIMIT} actors use distances to
 * {@value #PIVOTS} pivot actors instead of all pairs. Deterministic: the same network gives the
 * same positions.
 *
 * <p>Label boxes are estimated from character classes with widths a little above those of DejaVu
 * Sans, the widest of the usual sans-serif fonts, so the estimate errs on the wide side.
 */
public final class NetworkLayout {
  private NetworkLayout() {}

  /** Font size of node labels, in CSS pixels at zoom 1. */
  public static final double NODE_FONT_PX = 12;
  /** Font size of link labels, in CSS pixels at zoom 1. */
  public static final double EDGE_FONT_PX = 10;
  /** Space between a node and its label. */
  public static final double LABEL_GAP = 4;
  /** Least free space between the boxes of two actors. */
  public static final double MARGIN = 8;
  static final int FULL_STRESS_LIMIT = 1500;
  static final int PIVOTS = 120;
  private static final double MIN_LINK_LENGTH = 110;
  /** How far apart the page bends parallel edges between the same two actors, at their middle. */
  private static final double PARALLEL_BEND = 22;
  /** Free space around a relation label that no other actor's box may enter. */
  private static final double LABEL_MARGIN = 4;
  private static final double COMPONENT_GAP = 40;
  private static final int SGD_ITERATIONS = 40;
  private static final int SETTLE_ROUNDS = 60;

  /**
   * Node diameter for a degree: 28 for an isolated actor, growing with the square root of the
   * degree, at most 80.
   */
  public static double nodeSize(int degree) {
    return Math.min(80, 28 + 10 * Math.sqrt(degree));
  }

  /** Estimated width in CSS pixels of {@code text} in a sans-serif font of {@code fontPx}. */
  public static double textWidth(String text, double fontPx) {
    double em = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if ("iljtfrI.,;:'|!() -".indexOf(c) >= 0 && c < 128) {
        em += 0.42;
      } else if (c == 'm' || c == 'w' || c == 'M' || c == 'W') {
        em += 1.0;
      } else if (c >= 'A' && c <= 'Z') {
        em += 0.8;
      } else if (c < 128) {
        em += 0.66;
      } else if (Character.isIdeographic(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL) {
        em += 1.05;
      } else {
        em += 0.75;
      }
    }
    return em * fontPx + 4;
  }

  /** The height of one line of label text. */
  static double lineHeight(double fontPx) {
    return fontPx * 1.35;
  }

  /**
   * The box an actor takes on the page: its node and the label under it, without margin.
   *
   * @return {@code {left, top, right, bottom}} in layout units
   */
  public static double[] box(Actor a) {
    double w = Math.max(a.size(), textWidth(a.name(), NODE_FONT_PX));
    return new double[] {a.x() - w / 2, a.y() - a.size() / 2, a.x() + w / 2,
        a.y() + a.size() / 2 + LABEL_GAP + lineHeight(NODE_FONT_PX)};
  }

  /**
   * The network with every actor placed.
   *
   * @param network the network; its positions are ignored
   * @return the same actors and links with positions; the top-left corner of all boxes is at
   *     ({@value #COMPONENT_GAP}, {@value #COMPONENT_GAP})
   */
  public static ActorNetwork apply(ActorNetwork network) {
    List<Actor> actors = network.actors();
    int n = actors.size();
    if (n == 0) {
      return network;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(actors.get(i).id(), i);
    }
    double[] halfW = new double[n];
    double[] up = new double[n];
    double[] down = new double[n];
    for (int i = 0; i < n; i++) {
      Actor a = actors.get(i);
      halfW[i] = Math.max(a.size(), textWidth(a.name(), NODE_FONT_PX)) / 2 + MARGIN / 2;
      up[i] = a.size() / 2 + MARGIN / 2;
      down[i] = a.size() / 2 + LABEL_GAP + lineHeight(NODE_FONT_PX) + MARGIN / 2;
    }
    // one undirected edge per linked pair, long enough that its label, drawn at its middle in any
    // direction, clears both actors' boxes (reach = centre to the far corner of the box). Event
    // links are drawn without a label until pointed at (NetworkPage), so they only need to clear the
    // boxes; a pair with a relation gets the relation's length
    double[] reach = new double[n];
    for (int i = 0; i < n; i++) {
      reach[i] = Math.hypot(halfW[i], Math.max(up[i], down[i]));
    }
    Map<Long, Double> lengths = new HashMap<>();
    for (Link l : network.links()) {
      int s = index.get(l.source());
      int t = index.get(l.target());
      double label = l.kind() == LinkKind.RELATION ? textWidth(l.label(), EDGE_FONT_PX) : 0;
      double len = Math.max(MIN_LINK_LENGTH, 2 * Math.max(reach[s], reach[t]) + label + 8);
      long key = (long) Math.min(s, t) * n + Math.max(s, t);
      lengths.merge(key, len, Math::max);
    }
    // an actor with many neighbours needs a ring around it long enough to hold their boxes side by
    // side; its links are at least that ring's radius
    double[] ring = new double[n];
    for (Long key : lengths.keySet()) {
      int s = (int) (key / n);
      int t = (int) (key % n);
      ring[s] += halfW[t] + (up[t] + down[t]) / 2;
      ring[t] += halfW[s] + (up[s] + down[s]) / 2;
    }
    for (int i = 0; i < n; i++) {
      ring[i] = ring[i] / (2 * Math.PI) * 1.15;
    }
    lengths.replaceAll((key, len) -> Math.max(len, Math.max(ring[(int) (key / n)], ring[(int) (key % n)])));
    List<List<int[]>> adj = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adj.add(new ArrayList<>());
    }
    List<double[]> edgeLen = new ArrayList<>();
    for (Map.Entry<Long, Double> e : lengths.entrySet()) {
      int s = (int) (e.getKey() / n);
      int t = (int) (e.getKey() % n);
      int id = edgeLen.size();
      edgeLen.add(new double[] {e.getValue()});
      adj.get(s).add(new int[] {t, id});
      adj.get(t).add(new int[] {s, id});
    }
    double[][] len = new double[edgeLen.size()][];
    for (int i = 0; i < len.length; i++) {
      len[i] = edgeLen.get(i);
    }

    // components, each laid out around the origin
    int[] comp = new int[n];
    Arrays.fill(comp, -1);
    List<int[]> components = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (comp[i] >= 0) {
        continue;
      }
      List<Integer> members = new ArrayList<>();
      comp[i] = components.size();
      members.add(i);
      for (int k = 0; k < members.size(); k++) {
        for (int[] nb : adj.get(members.get(k))) {
          if (comp[nb[0]] < 0) {
            comp[nb[0]] = components.size();
            members.add(nb[0]);
          }
        }
      }
      components.add(members.stream().mapToInt(Integer::intValue).toArray());
    }
    // the relation labels the page draws at the opening zoom, one block per linked pair: the pair's
    // relation labels stacked, plus room for the bend of parallel edges (NetworkPage draws the
    // event links of a pair as one more edge, labelled only when pointed at)
    Map<Long, double[]> labelBlocks = new LinkedHashMap<>();
    Map<Long, Integer> drawn = new HashMap<>();
    Map<Long, Boolean> hasEvent = new HashMap<>();
    for (Link l : network.links()) {
      int s = index.get(l.source());
      int t = index.get(l.target());
      long key = (long) Math.min(s, t) * n + Math.max(s, t);
      if (l.kind() == LinkKind.RELATION) {
        double[] b = labelBlocks.computeIfAbsent(key, k -> new double[] {s, t, 0, 0});
        b[2] = Math.max(b[2], textWidth(l.label(), EDGE_FONT_PX));
        b[3] += lineHeight(EDGE_FONT_PX) + 2;
        drawn.merge(key, 1, Integer::sum);
      } else if (hasEvent.put(key, true) == null) {
        drawn.merge(key, 1, Integer::sum);
      }
    }
    labelBlocks.forEach((key, b) -> b[3] += PARALLEL_BEND * (drawn.get(key) - 1));
    List<List<double[]>> labelsOf = new ArrayList<>();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int c = 0; c < components.size(); c++) {
      labelsOf.add(new ArrayList<>());
    }
    for (double[] b : labelBlocks.values()) {
      labelsOf.get(comp[(int) b[0]]).add(b);
    }
    for (int c = 0; c < components.size(); c++) {
      int[] members = components.get(c);
      if (members.length > 1) {
        Pairs pairs = stress(members, adj, len, x, y, halfW, up, down);
        turnFlat(members, x, y);
        settle(members, pairs, x, y, halfW, up, down);
        removeOverlaps(members, x, y, halfW, up, down, labelsOf.get(c), actors);
      }
    }
    pack(components, x, y, halfW, up, down);

    List<Actor> placed = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      placed.add(actors.get(i).at(round(x[i]), round(y[i])));
    }
    return network.withActors(placed);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Pairs of actors (indexes into the whole network) and their target distances. */
  private record Pairs(int[] i, int[] j, double[] d, double dMin) {}

  /**
   * Removes most overlaps while keeping the stress layout's shape: rounds of one gentle stress pass
   * (linked actors pulled back towards their distance) and one pass pushing apart overlapping boxes,
   * until a push pass finds nothing or 150 rounds have run.
   */
  private static void settle(int[] members, Pairs pairs, double[] x, double[] y, double[] halfW, double[] up,
      double[] down) {
    Random random = new Random(members.length);
    int m = pairs.i().length;
    double eta0 = 0.3 * pairs.dMin() * pairs.dMin();
    for (int round = 0; round < SETTLE_ROUNDS; round++) {
      double eta = eta0 * Math.pow(1 - (double) round / SETTLE_ROUNDS, 2);
      for (int q = 0; q < m; q++) {
        int p = random.nextInt(m);
        int i = pairs.i()[p];
        int j = pairs.j()[p];
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        double dist = Math.sqrt(dx * dx + dy * dy);
        if (dist < 1e-9) {
          continue;
        }
        double mu = Math.min(1, eta / (pairs.d()[p] * pairs.d()[p]));
        double move = mu * (dist - pairs.d()[p]) / 2;
        x[i] -= dx / dist * move;
        y[i] -= dy / dist * move;
        x[j] += dx / dist * move;
        y[j] += dy / dist * move;
      }
      if (!pushOnce(members, x, y, halfW, up, down) && round >= 5) {
        return;
      }
    }
  }

  /** Stress majorization by SGD (all pairs, or pairs with pivots for big components). */
  private static Pairs stress(int[] members, List<List<int[]>> adj, double[][] len, double[] x, double[] y,
      double[] halfW, double[] up, double[] down) {
    int k = members.length;
    Map<Integer, Integer> local = new HashMap<>();
    for (int i = 0; i < k; i++) {
      local.put(members[i], i);
    }
    List<int[]> pairIdx = new ArrayList<>();
    List<Double> pairDist = new ArrayList<>();
    if (k <= FULL_STRESS_LIMIT) {
      for (int i = 0; i < k; i++) {
        double[] d = dijkstra(members[i], adj, len, local, k);
        for (int j = i + 1; j < k; j++) {
          if (Double.isFinite(d[j])) {
            pairIdx.add(new int[] {i, j});
            pairDist.add(d[j]);
          }
        }
      }
    } else {
      // pivots chosen farthest-first; every actor is pulled to its distance from each pivot,
      // and linked actors to their link length
      int[] pivots = new int[Math.min(PIVOTS, k)];
      double[] nearest = new double[k];
      Arrays.fill(nearest, Double.POSITIVE_INFINITY);
      int next = 0;
      for (int p = 0; p < pivots.length; p++) {
        pivots[p] = next;
        double[] d = dijkstra(members[next], adj, len, local, k);
        for (int j = 0; j < k; j++) {
          if (j != next && Double.isFinite(d[j])) {
            pairIdx.add(new int[] {next, j});
            pairDist.add(d[j]);
          }
          nearest[j] = Math.min(nearest[j], d[j]);
        }
        int far = 0;
        for (int j = 1; j < k; j++) {
          if (nearest[j] > nearest[far]) {
            far = j;
          }
        }
        next = far;
      }
      for (int i = 0; i < k; i++) {
        for (int[] nb : adj.get(members[i])) {
          int j = local.get(nb[0]);
          if (i < j) {
            pairIdx.add(new int[] {i, j});
            pairDist.add(len[nb[1]][0]);
          }
        }
      }
    }
    int m = pairIdx.size();
    int[] pi = new int[m];
    int[] pj = new int[m];
    double[] pd = new double[m];
    double dMin = Double.POSITIVE_INFINITY;
    double dMax = 0;
    for (int p = 0; p < m; p++) {
      pi[p] = pairIdx.get(p)[0];
      pj[p] = pairIdx.get(p)[1];
      pd[p] = pairDist.get(p);
      dMin = Math.min(dMin, pd[p]);
      dMax = Math.max(dMax, pd[p]);
    }
    Random random = new Random(20200531L + k);
    double[] px = new double[k];
    double[] py = new double[k];
    double side = Math.sqrt(k) * MIN_LINK_LENGTH;
    for (int i = 0; i < k; i++) {
      px[i] = random.nextDouble() * side;
      py[i] = random.nextDouble() * side;
    }
    // step sizes from 1/w_min down to 0.01/w_max, w = d^-2 (Zheng, Pawar and Goodman 2018)
    double etaMax = dMax * dMax;
    double etaMin = 0.01 * dMin * dMin;
    double lambda = Math.log(etaMax / etaMin) / (SGD_ITERATIONS - 1);
    int[] order = new int[m];
    for (int p = 0; p < m; p++) {
      order[p] = p;
    }
    for (int t = 0; t < SGD_ITERATIONS; t++) {
      double eta = etaMax * Math.exp(-lambda * t);
      for (int p = m - 1; p > 0; p--) {
        int r = random.nextInt(p + 1);
        int tmp = order[p];
        order[p] = order[r];
        order[r] = tmp;
      }
      for (int q = 0; q < m; q++) {
        int p = order[q];
        int i = pi[p];
        int j = pj[p];
        double dx = px[i] - px[j];
        double dy = py[i] - py[j];
        double dist = Math.sqrt(dx * dx + dy * dy);
        if (dist < 1e-9) {
          dx = random.nextDouble() - 0.5;
          dy = random.nextDouble() - 0.5;
          dist = Math.sqrt(dx * dx + dy * dy);
        }
        // a pair is never wanted closer than where its two boxes touch
        int gi = members[i];
        int gj = members[j];
        double target = Math.max(pd[p], touching(dx, dy, dist, halfW[gi] + halfW[gj],
            dy < 0 ? down[gi] + up[gj] : up[gi] + down[gj]));
        double w = 1 / (target * target);
        double mu = Math.min(1, w * eta);
        double move = mu * (dist - target) / 2;
        double ux = dx / dist * move;
        double uy = dy / dist * move;
        px[i] -= ux;
        py[i] -= uy;
        px[j] += ux;
        py[j] += uy;
      }
    }
    for (int i = 0; i < k; i++) {
      x[members[i]] = px[i];
      y[members[i]] = py[i];
    }
    for (int p = 0; p < m; p++) {
      pi[p] = members[pi[p]];
      pj[p] = members[pj[p]];
    }
    return new Pairs(pi, pj, pd, dMin);
  }

  /**
   * The distance between two centres, along their current direction {@code (dx, dy)}, at which two
   * boxes that need {@code needX} apart horizontally or {@code needY} vertically stop overlapping.
   */
  private static double touching(double dx, double dy, double dist, double needX, double needY) {
    double ux = Math.abs(dx) / dist;
    double uy = Math.abs(dy) / dist;
    double byX = ux < 1e-9 ? Double.POSITIVE_INFINITY : needX / ux;
    double byY = uy < 1e-9 ? Double.POSITIVE_INFINITY : needY / uy;
    return Math.min(byX, byY);
  }

  private static double[] dijkstra(int source, List<List<int[]>> adj, double[][] len, Map<Integer, Integer> local, int k) {
    double[] d = new double[k];
    Arrays.fill(d, Double.POSITIVE_INFINITY);
    d[local.get(source)] = 0;
    PriorityQueue<double[]> queue = new PriorityQueue<>(Comparator.comparingDouble(a -> a[0]));
    queue.add(new double[] {0, source});
    while (!queue.isEmpty()) {
      double[] cur = queue.poll();
      int u = (int) cur[1];
      if (cur[0] > d[local.get(u)]) {
        continue;
      }
      for (int[] nb : adj.get(u)) {
        double nd = cur[0] + len[nb[1]][0];
        int v = local.get(nb[0]);
        if (nd < d[v]) {
          d[v] = nd;
          queue.add(new double[] {nd, nb[0]});
        }
      }
    }
    return d;
  }

  /** Turns a component so that its principal axis is horizontal (screens are wider than tall). */
  private static void turnFlat(int[] members, double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i : members) {
      mx += x[i];
      my += y[i];
    }
    mx /= members.length;
    my /= members.length;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i : members) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    double cos = Math.cos(-angle);
    double sin = Math.sin(-angle);
    for (int i : members) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      x[i] = dx * cos - dy * sin;
      y[i] = dx * sin + dy * cos;
    }
  }

  /**
   * Pushes apart actors whose boxes overlap until none do. Should pushing not settle, the component is spread out a little and pushing
   * starts again, so the loop always ends without overlaps.
   */
  static void removeOverlaps(int[] members, double[] x, double[] y, double[] halfW, double[] up, double[] down,
      List<double[]> labels, List<Actor> actors) {
    for (int round = 0; ; round++) {
      for (int pass = 0; pass < 400; pass++) {
        boolean moved = pushOnce(members, x, y, halfW, up, down);
        if (!moved && labels.isEmpty()) {
          return;
        }
        moved |= pushFromLabels(members, x, y, halfW, up, down, labels, actors);
        if (!moved) {
          return;
        }
      }
      for (int i : members) {
        x[i] *= 1.15;
        y[i] *= 1.15;
      }
    }
  }

  /**
   * Where the page draws the label block of a linked pair: centred on the middle of the visible
   * part of the edge (between the two node outlines), as an axis-aligned box around the text turned
   * along the edge, with {@link #LABEL_MARGIN} around it.
   *
   * @return {@code {centreX, centreY, halfWidth, halfHeight}}
   */
  static double[] labelBox(double[] block, double[] x, double[] y, List<Actor> actors) {
    int s = (int) block[0];
    int t = (int) block[1];
    double dx = x[t] - x[s];
    double dy = y[t] - y[s];
    double dist = Math.hypot(dx, dy);
    double ux = dist < 1e-9 ? 1 : dx / dist;
    double uy = dist < 1e-9 ? 0 : dy / dist;
    double rs = actors.get(s).size() / 2;
    double rt = actors.get(t).size() / 2;
    double cx = (x[s] + x[t]) / 2 + ux * (rs - rt) / 2;
    double cy = (y[s] + y[t]) / 2 + uy * (rs - rt) / 2;
    double w = block[2];
    double h = block[3];
    double hw = (w * Math.abs(ux) + h * Math.abs(uy)) / 2 + LABEL_MARGIN;
    double hh = (w * Math.abs(uy) + h * Math.abs(ux)) / 2 + LABEL_MARGIN;
    return new double[] {cx, cy, hw, hh};
  }

  /**
   * Pushes every actor whose box meets a relation label block of two other actors out of it: the
   * actor moves two thirds of the way, the pair's two ends one third the other way.
   *
   * @return whether anything was moved
   */
  private static boolean pushFromLabels(int[] members, double[] x, double[] y, double[] halfW, double[] up,
      double[] down, List<double[]> labels, List<Actor> actors) {
    boolean moved = false;
    // actors sorted by left edge, so that each label looks only at those that can reach it (in a
    // pass that moves nothing the order is exact, so the last pass misses nothing)
    int[] order = sortedByLeft(members, x, halfW);
    double[] lefts = new double[order.length];
    double widest = 0;
    for (int q = 0; q < order.length; q++) {
      lefts[q] = x[order[q]] - halfW[order[q]];
      widest = Math.max(widest, 2 * halfW[order[q]]);
    }
    for (double[] block : labels) {
      int s = (int) block[0];
      int t = (int) block[1];
      double[] b = labelBox(block, x, y, actors);
      // the pair's own boxes: lengthen the link until its label clears both
      for (int k : new int[] {s, t}) {
        double ow = Math.min(b[0] + b[2], x[k] + halfW[k]) - Math.max(b[0] - b[2], x[k] - halfW[k]);
        double oh = Math.min(b[1] + b[3], y[k] + down[k]) - Math.max(b[1] - b[3], y[k] - up[k]);
        if (ow <= 0 || oh <= 0) {
          continue;
        }
        moved = true;
        double dx = x[t] - x[s];
        double dy = y[t] - y[s];
        double dist = Math.hypot(dx, dy);
        double ux = dist < 1e-9 ? 1 : dx / dist;
        double uy = dist < 1e-9 ? 0 : dy / dist;
        double byX = Math.abs(ux) < 1e-3 ? Double.POSITIVE_INFINITY : ow / Math.abs(ux);
        double byY = Math.abs(uy) < 1e-3 ? Double.POSITIVE_INFINITY : oh / Math.abs(uy);
        double half = Math.min(byX, byY) + 0.5;
        x[s] -= ux * half;
        y[s] -= uy * half;
        x[t] += ux * half;
        y[t] += uy * half;
        b = labelBox(block, x, y, actors);
      }
      int from = lowerBound(lefts, b[0] - b[2] - widest - 1);
      for (int q = from; q < order.length && lefts[q] < b[0] + b[2] + 1; q++) {
        int k = order[q];
        if (k == s || k == t) {
          continue;
        }
        // overlap of [cx - hw, cx + hw] x [cy - hh, cy + hh] with the actor's box
        double left = Math.max(b[0] - b[2], x[k] - halfW[k]);
        double right = Math.min(b[0] + b[2], x[k] + halfW[k]);
        double top = Math.max(b[1] - b[3], y[k] - up[k]);
        double bottom = Math.min(b[1] + b[3], y[k] + down[k]);
        if (right <= left || bottom <= top) {
          continue;
        }
        moved = true;
        // leave by the shorter way: sideways or up/down
        double boxCentreY = y[k] + (down[k] - up[k]) / 2;
        double mx = 0;
        double my = 0;
        if (right - left < bottom - top) {
          mx = (x[k] >= b[0] ? 1 : -1) * (right - left + 0.5);
        } else {
          my = (boxCentreY >= b[1] ? 1 : -1) * (bottom - top + 0.5);
        }
        x[k] += mx * 2 / 3;
        y[k] += my * 2 / 3;
        x[s] -= mx / 3;
        y[s] -= my / 3;
        x[t] -= mx / 3;
        y[t] -= my / 3;
        b = labelBox(block, x, y, actors);
      }
    }
    return moved;
  }

  private static int[] sortedByLeft(int[] members, double[] x, double[] halfW) {
    Integer[] boxed = new Integer[members.length];
    for (int i = 0; i < members.length; i++) {
      boxed[i] = members[i];
    }
    Arrays.sort(boxed, Comparator.comparingDouble(i -> x[i] - halfW[i]));
    int[] order = new int[members.length];
    for (int i = 0; i < members.length; i++) {
      order[i] = boxed[i];
    }
    return order;
  }

  /** The first index whose value is at least {@code v} in an ascending array. */
  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * One sweep over the actors sorted by left edge, pushing each two whose boxes overlap apart along
   * the line between their centres until the boxes touch.
   *
   * @return whether anything overlapped (and was moved)
   */
  private static boolean pushOnce(int[] members, double[] x, double[] y, double[] halfW, double[] up, double[] down) {
    Integer[] order = new Integer[members.length];
    for (int i = 0; i < members.length; i++) {
      order[i] = members[i];
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> x[i] - halfW[i]));
    boolean moved = false;
    for (int a = 0; a < order.length; a++) {
      int i = order[a];
      for (int b = a + 1; b < order.length; b++) {
        int j = order[b];
        if (x[j] - halfW[j] >= x[i] + halfW[i]) {
          break;
        }
        double ox = Math.min(x[i] + halfW[i], x[j] + halfW[j]) - Math.max(x[i] - halfW[i], x[j] - halfW[j]);
        double oy = Math.min(y[i] + down[i], y[j] + down[j]) - Math.max(y[i] - up[i], y[j] - up[j]);
        if (ox <= 0 || oy <= 0) {
          continue;
        }
        moved = true;
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        double dist = Math.hypot(dx, dy);
        if (dist < 1e-6) {
          dx = i < j ? -1 : 1;
          dy = 0.3;
          dist = Math.hypot(dx, dy);
        }
        double target = touching(dx, dy, dist, halfW[i] + halfW[j], dy < 0 ? down[i] + up[j] : up[i] + down[j]) + 0.5;
        double move = (target - dist) / 2;
        x[i] += dx / dist * move;
        y[i] += dy / dist * move;
        x[j] -= dx / dist * move;
        y[j] -= dy / dist * move;
      }
    }
    return moved;
  }

  /**
   * Packs the components in rows, largest first, into a landscape rectangle sized by the linked
   * components alone; the actors without a link follow in rows of the same width below them, so
   * that they neither widen the rows of the linked ones nor sit among them.
   */
  private static void pack(List<int[]> components, double[] x, double[] y, double[] halfW, double[] up, double[] down) {
    List<double[]> bounds = new ArrayList<>();
    double linkedArea = 0;
    double singleArea = 0;
    for (int[] members : components) {
      double l = Double.POSITIVE_INFINITY;
      double t = Double.POSITIVE_INFINITY;
      double r = Double.NEGATIVE_INFINITY;
      double b = Double.NEGATIVE_INFINITY;
      for (int i : members) {
        l = Math.min(l, x[i] - halfW[i]);
        t = Math.min(t, y[i] - up[i]);
        r = Math.max(r, x[i] + halfW[i]);
        b = Math.max(b, y[i] + down[i]);
      }
      bounds.add(new double[] {l, t, r, b});
      double area = (r - l + COMPONENT_GAP) * (b - t + COMPONENT_GAP);
      if (members.length > 1) {
        linkedArea += area;
      } else {
        singleArea += area;
      }
    }
    Integer[] order = new Integer[components.size()];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }
    Arrays.sort(order, Comparator.comparingInt((Integer c) -> -components.get(c).length)
        .thenComparingDouble(c -> -(bounds.get(c)[3] - bounds.get(c)[1]))
        .thenComparingInt(c -> c));
    double widest = 0;
    for (int c = 0; c < order.length; c++) {
      if (components.get(c).length > 1 || linkedArea == 0) {
        widest = Math.max(widest, bounds.get(c)[2] - bounds.get(c)[0]);
      }
    }
    double rowWidth = Math.max(widest, Math.sqrt((linkedArea > 0 ? linkedArea : singleArea) * 1.6));
    double cx = COMPONENT_GAP;
    double cy = COMPONENT_GAP;
    double rowHeight = 0;
    boolean singles = false;
    for (int c : order) {
      double[] bd = bounds.get(c);
      double w = bd[2] - bd[0];
      double h = bd[3] - bd[1];
      boolean single = components.get(c).length == 1;
      if (single && !singles && cx > COMPONENT_GAP) {
        // the unlinked actors start a block of their own, a little apart
        cx = COMPONENT_GAP;
        cy += rowHeight + 2 * COMPONENT_GAP;
        rowHeight = 0;
      }
      singles |= single;
      if (cx > COMPONENT_GAP && cx + w > rowWidth + COMPONENT_GAP) {
        cx = COMPONENT_GAP;
        cy += rowHeight + COMPONENT_GAP;
        rowHeight = 0;
      }
      for (int i : components.get(c)) {
        x[i] += cx - bd[0];
        y[i] += cy - bd[1];
      }
      cx += w + COMPONENT_GAP;
      rowHeight = Math.max(rowHeight, h);
    }
  }
}
