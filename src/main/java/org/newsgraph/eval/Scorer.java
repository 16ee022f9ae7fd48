package org.newsgraph.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Names;
import org.newsgraph.model.Relation;

/**
 * Scores an article's extraction against its gold file, by the matching rules of {@code
 * shared/gold/FORMAT.md}: names normalised ({@link Names#normalise}); an entity matches a gold
 * entity when the types agree (GPE and LOCATION may stand for each other) and their name sets share
 * a member, one-to-one, longest gold names first; a relation matches when the predicates are equal
 * and both ends match (for literal values, one normalised string contains the other). Named-entity
 * scores leave gold group actors out.
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
   * The scores of one article.
   *
   * @param entities named entities (gold groups left out)
   * @param relations relations
   * @param matched gold entity id to the key of the predicted entity that matched it
   */
  public record Result(Prf entities, Prf relations, Map<String, String> matched) {}

  /** Scores one article's graph against its gold. */
  public static Result score(ArticleGraph graph, Gold gold) {
    List<Gold.GoldEntity> named = new ArrayList<>(gold.entities().stream().filter(e -> !e.group()).toList());
    named.sort(Comparator.comparingInt((Gold.GoldEntity e) -> e.name().length()).reversed());
    Map<String, String> matched = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (Gold.GoldEntity g : named) {
      Set<String> goldNames = names(g.name(), g.aliases());
      for (Entity e : graph.entities()) {
        if (!used.contains(e.key()) && typesAgree(g.type(), e.type())
            && names(e.name(), e.aliases()).stream().anyMatch(goldNames::contains)) {
          matched.put(g.id(), e.key());
          used.add(e.key());
          break;
        }
      }
    }
    Prf entities = new Prf(matched.size(), graph.entities().size(), named.size());

    int relTp = 0;
    Set<Relation> usedRel = new HashSet<>();
    for (Gold.GoldRelation gr : gold.relations()) {
      String subj = matched.get(gr.subject());
      if (subj == null) {
        continue;
      }
      for (Relation r : graph.relations()) {
        if (usedRel.contains(r) || !r.subject().equals(subj) || !r.predicate().goldName().equals(gr.predicate())) {
          continue;
        }
        boolean objectOk = gr.object() != null
            ? r.object() != null && r.object().equals(matched.get(gr.object()))
            : r.value() != null && contains(r.value(), gr.value());
        if (objectOk) {
          relTp++;
          usedRel.add(r);
          break;
        }
      }
    }
    Prf relations = new Prf(relTp, graph.relations().size(), gold.relations().size());
    return new Result(entities, relations, matched);
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
