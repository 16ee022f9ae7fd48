package org.newsgraph.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsgraph.model.Predicate;
import org.newsgraph.model.Relation;

/**
 * Records who asserts a relation and at what stage, where the text says so: a relation stated in
 * a sentence whose main verb is a reporting verb ({@code reporting-verbs.tsv}: "prosecutors
 * allege", "the company denied") is asserted by that verb's subject, with the verb's stage; a
 * criminal charge is at stage {@code charged} unless the text says more.
 */
final class Attribution {
  private static final Map<String, String> REPORTING = Lexicons.pairs("reporting-verbs.tsv");

  private Attribution() {}

  static List<Relation> attribute(Doc doc, List<Relation> relations, Map<Long, String> tokenEntity) {
    List<Relation> out = new ArrayList<>();
    for (Relation r : relations) {
      String asserter = null;
      String stage = null;
      if (r.evidence() != null) {
        SemanticGraph g = doc.sentences.get(r.evidence().index()).dependencyParse();
        IndexedWord root = g == null ? null : g.getFirstRoot();
        if (root != null && REPORTING.containsKey(root.lemma().toLowerCase(Locale.ROOT))) {
          for (SemanticGraphEdge e : g.outgoingEdgeIterable(root)) {
            String rel = e.getRelation().toString();
            if (rel.equals("nsubj") || rel.equals("obl:agent")) {
              asserter = tokenEntity.get(RelationExtractor.tokenKey(r.evidence().index(), e.getDependent().index() - 1));
            }
          }
          if (asserter != null && !asserter.equals(r.subject())) {
            stage = REPORTING.get(root.lemma().toLowerCase(Locale.ROOT));
          } else {
            asserter = null;
          }
        }
      }
      if (stage == null && r.predicate() == Predicate.CHARGED_WITH) {
        stage = "charged";
      }
      out.add(asserter == null && stage == null ? r : r.withAttribution(asserter, stage));
    }
    return out;
  }
}
