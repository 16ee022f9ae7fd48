package org.newsgraph.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.model.Argument;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Event;
import org.newsgraph.model.Names;
import org.newsgraph.model.Relation;
import org.newsgraph.model.Span;

/**
 * Scores an article's extraction against its gold file, by the matching rules of {@code
 * shared/gold/FORMAT.md}:
 *
 * <ul>
 *   <li>Names are normalised ({@link Names#normalise}). An entity matches a gold entity when the
 *       types agree (GPE and LOCATION may stand for each other) and their name sets share a
 *       member; one-to-one, longest gold names first. Named entities and group actors are matched
 *       and scored separately.
 *   <li>A relation matches when the predicates are equal and both ends match (for literal values,
 *       one normalised string contains the other).
 *   <li>An event matches a gold event of the same type when one of its argument entities matches a
 *       gold argument entity, or one of its triggers has the stem of a gold trigger; one-to-one,
 *       the pair sharing most arguments first. Negated and hypothetical events are not assertions
 *       and are left out.
 *   <li>Arguments are (role, entity) pairs over all scored events; role-blind arguments are the
 *       entities taking part. An event time matches when one ISO time is a prefix of the other
 *       ("2020" and "2020-05"), counted over matched events.
 * </ul>
 */
public final class Scorer {
  private Scorer() {}

  /** Precision, recall and F1 from counts. */
  public record Prf(int truePositives, int predicted, int gold) {
    public double precision() {
      return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) truePositives / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Sums counts (micro-average over files). */
    public Prf plus(Prf o) {
      return new Prf(truePositives + o.truePositives, predicted + o.predicted, gold + o.gold);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "P %.2f R %.2f F1 %.2f (%d/%d predicted, %d gold)",
          precision(), recall(), f1(), truePositives, predicted, gold);
    }
  }

  /**
   * The scores of one article (or, summed, of several).
   *
   * @param scores measure name ({@link #MEASURES}) to its counts
   * @param misses gold items not found, one line each
   * @param falseAlarms predicted items not in the gold, one line each
   */
  public record Result(Map<String, Prf> scores, List<String> misses, List<String> falseAlarms) {
    /** The counts of one measure. */
    public Prf get(String measure) {
      return scores.get(measure);
    }

    /** Adds another result's counts and lines. */
    public Result plus(Result o) {
      Map<String, Prf> sum = new LinkedHashMap<>();
      for (String m : MEASURES) {
        sum.put(m, scores.get(m).plus(o.scores.get(m)));
      }
      List<String> mi = new ArrayList<>(misses);
      mi.addAll(o.misses);
      List<String> fa = new ArrayList<>(falseAlarms);
      fa.addAll(o.falseAlarms);
      return new Result(sum, mi, fa);
    }
  }

  /** The measures, in report order. */
  public static final List<String> MEASURES = List.of(
      "named entities", "group actors", "relations", "events", "arguments", "arguments (role-blind)", "event times");

  /** An empty result, for summing. */
  public static Result empty() {
    Map<String, Prf> z = new LinkedHashMap<>();
    MEASURES.forEach(m -> z.put(m, new Prf(0, 0, 0)));
    return new Result(z, List.of(), List.of());
  }

  /** Scores one article's graph against its gold. */
  public static Result score(ArticleGraph graph, Gold gold) {
    List<String> misses = new ArrayList<>();
    List<String> alarms = new ArrayList<>();
    Map<String, String> matched = new HashMap<>();
    Map<String, Prf> scores = new LinkedHashMap<>();
    for (boolean group : new boolean[] {false, true}) {
      List<Gold.GoldEntity> goldSet = new ArrayList<>(gold.entities().stream().filter(e -> e.group() == group).toList());
      goldSet.sort(Comparator.comparingInt((Gold.GoldEntity e) -> e.name().length()).reversed());
      List<Entity> predicted = graph.entities().stream().filter(e -> e.group() == group).toList();
      Set<String> used = new HashSet<>();
      for (Gold.GoldEntity g : goldSet) {
        Set<String> goldNames = names(g.name(), g.aliases());
        for (Entity e : predicted) {
          if (!used.contains(e.key()) && typesAgree(g.type(), e.type())
              && names(e.name(), e.aliases()).stream().anyMatch(goldNames::contains)) {
            matched.put(g.id(), e.key());
            used.add(e.key());
            break;
          }
        }
        if (!matched.containsKey(g.id())) {
          misses.add((group ? "group " : "entity ") + g.type() + " " + g.name());
        }
      }
      for (Entity e : predicted) {
        if (!used.contains(e.key())) {
          alarms.add((group ? "group " : "entity ") + e.type() + " " + e.name());
        }
      }
      scores.put(group ? "group actors" : "named entities", new Prf(used.size(), predicted.size(), goldSet.size()));
    }
    Map<String, String> goldIdOf = new HashMap<>();
    matched.forEach((g, p) -> goldIdOf.put(p, g));

    int relTp = 0;
    Set<Relation> usedRel = new HashSet<>();
    for (Gold.GoldRelation gr : gold.relations()) {
      String subj = matched.get(gr.subject());
      Relation hit = null;
      for (Relation r : graph.relations()) {
        if (subj == null || usedRel.contains(r) || !r.subject().equals(subj) || !r.predicate().goldName().equals(gr.predicate())) {
          continue;
        }
        boolean objectOk = gr.object() != null
            ? r.object() != null && r.object().equals(matched.get(gr.object()))
            : r.value() != null && contains(r.value(), gr.value());
        if (objectOk) {
          hit = r;
          break;
        }
      }
      if (hit != null) {
        relTp++;
        usedRel.add(hit);
      } else {
        misses.add("relation " + gr.subject() + " " + gr.predicate() + " " + (gr.object() != null ? gr.object() : "\"" + gr.value() + "\""));
      }
    }
    for (Relation r : graph.relations()) {
      if (!usedRel.contains(r)) {
        alarms.add("relation " + r.subject() + " " + r.predicate().goldName() + " " + (r.object() != null ? r.object() : "\"" + r.value() + "\""));
      }
    }
    scores.put("relations", new Prf(relTp, graph.relations().size(), gold.relations().size()));
    scoreEvents(graph, gold, goldIdOf, scores, misses, alarms);
    return new Result(scores, misses, alarms);
  }

  private static void scoreEvents(ArticleGraph graph, Gold gold, Map<String, String> goldIdOf,
      Map<String, Prf> scores, List<String> misses, List<String> alarms) {
    List<Event> predicted = graph.events().stream().filter(e -> !e.negated() && !e.hypothetical()).toList();
    Map<Event, Gold.GoldEvent> pairOf = new HashMap<>();
    List<int[]> candidates = new ArrayList<>();
    for (int p = 0; p < predicted.size(); p++) {
      for (int g = 0; g < gold.events().size(); g++) {
        Event e = predicted.get(p);
        Gold.GoldEvent ge = gold.events().get(g);
        if (!e.type().equals(ge.type())) {
          continue;
        }
        int shared = sharedEntities(e, ge, goldIdOf);
        boolean trigger = e.triggers().stream().map(Span::text).anyMatch(t -> ge.triggers().stream().anyMatch(gt -> stem(gt).equals(stem(t))));
        if (shared > 0 || trigger) {
          candidates.add(new int[] {p, g, shared * 2 + (trigger ? 1 : 0)});
        }
      }
    }
    candidates.sort((a, b) -> b[2] - a[2]);
    Set<Integer> usedP = new HashSet<>();
    Set<Integer> usedG = new HashSet<>();
    for (int[] c : candidates) {
      if (usedP.add(c[0])) {
        if (usedG.add(c[1])) {
          pairOf.put(predicted.get(c[0]), gold.events().get(c[1]));
        } else {
          usedP.remove(c[0]);
        }
      }
    }
    int argTp = 0;
    int blindTp = 0;
    int argPred = 0;
    int argGold = 0;
    int timeTp = 0;
    int timePred = 0;
    int timeGold = 0;
    for (Event e : predicted) {
      argPred += e.arguments().size();
      if (e.time() != null) {
        timePred++;
      }
      Gold.GoldEvent ge = pairOf.get(e);
      if (ge == null) {
        alarms.add("event " + e.type() + " " + e.triggers().stream().map(Span::text).toList());
        continue;
      }
      Set<String> goldPairs = new HashSet<>();
      Set<String> goldEntities = new HashSet<>();
      for (Gold.GoldArgument a : ge.arguments()) {
        goldPairs.add(a.role() + "|" + a.entity());
        goldEntities.add(a.entity());
      }
      Set<String> seenEntities = new HashSet<>();
      Set<String> hitPairs = new HashSet<>();
      String label = e.type() + " " + e.triggers().stream().map(Span::text).toList();
      for (Argument a : e.arguments()) {
        String gid = goldIdOf.get(a.entity());
        if (gid != null && goldPairs.contains(a.role() + "|" + gid)) {
          argTp++;
          hitPairs.add(a.role() + "|" + gid);
        } else {
          alarms.add("argument " + a.role() + " " + a.entity() + " of " + label);
        }
        if (gid != null && goldEntities.contains(gid) && seenEntities.add(gid)) {
          blindTp++;
        }
      }
      for (String pair : goldPairs) {
        if (!hitPairs.contains(pair)) {
          misses.add("argument " + pair.replace('|', ' ') + " of " + label);
        }
      }
      if (e.time() != null && ge.time() != null && (e.time().startsWith(ge.time()) || ge.time().startsWith(e.time()))) {
        timeTp++;
      } else if (e.time() != null || ge.time() != null) {
        (ge.time() == null ? alarms : misses).add("time " + (ge.time() == null ? e.time() : ge.time() + " (found " + e.time() + ")")
            + " of " + label);
      }
    }
    for (Gold.GoldEvent ge : gold.events()) {
      argGold += ge.arguments().size();
      if (ge.time() != null) {
        timeGold++;
      }
      if (!pairOf.containsValue(ge)) {
        misses.add("event " + ge.type() + " " + ge.triggers());
      }
    }
    scores.put("events", new Prf(pairOf.size(), predicted.size(), gold.events().size()));
    scores.put("arguments", new Prf(argTp, argPred, argGold));
    int blindPred = predicted.stream().mapToInt(e -> (int) e.arguments().stream().map(Argument::entity).distinct().count()).sum();
    int blindGold = gold.events().stream().mapToInt(e -> (int) e.arguments().stream().map(Gold.GoldArgument::entity).distinct().count()).sum();
    scores.put("arguments (role-blind)", new Prf(blindTp, blindPred, blindGold));
    scores.put("event times", new Prf(timeTp, timePred, timeGold));
  }

  private static int sharedEntities(Event e, Gold.GoldEvent ge, Map<String, String> goldIdOf) {
    Set<String> goldEntities = new HashSet<>();
    ge.arguments().forEach(a -> goldEntities.add(a.entity()));
    Set<String> hits = new HashSet<>();
    for (Argument a : e.arguments()) {
      String gid = goldIdOf.get(a.entity());
      if (gid != null && goldEntities.contains(gid)) {
        hits.add(gid);
      }
    }
    return hits.size();
  }

  /** A crude English stem, enough to compare trigger words: "charged", "charges" and "charge" agree. */
  static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT).strip();
    for (String suffix : new String[] {"ing", "ed", "es", "s", "e"}) {
      if (w.endsWith(suffix) && w.length() > suffix.length() + 2) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }

  private static boolean contains(String a, String b) {
    String x = Names.normalise(a);
    String y = Names.normalise(b);
    return !x.isEmpty() && !y.isEmpty() && (x.contains(y) || y.contains(x));
  }

  private static Set<String> names(String name, Iterable<String> aliases) {
    Set<String> s = new HashSet<>();
    s.add(Names.normalise(name));
    aliases.forEach(a -> s.add(Names.normalise(a)));
    s.remove("");
    return s;
  }

  private static boolean typesAgree(String goldType, EntityType predicted) {
    EntityType g = EntityType.valueOf(goldType);
    return g == predicted || (g.isPlace() && predicted.isPlace());
  }
}
