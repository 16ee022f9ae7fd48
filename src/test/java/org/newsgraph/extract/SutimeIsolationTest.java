package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SUTime's resolution of "Monday" depends on the article alone (CoreNLP issue #1061): without
 * {@link SutimeIsolation} a "was arrested on Monday" in one article makes a later, unrelated
 * "Monday" resolve to the past.
 */
class SutimeIsolationTest {
  private static List<String> dates(NlpPipeline p, String text) {
    CoreDocument d = p.annotate(text, LocalDate.of(2020, 12, 18)); // a Friday
    List<String> out = new ArrayList<>();
    for (CoreLabel t : d.tokens()) {
      if ("DATE".equals(t.ner())) {
        out.add(t.word() + "=" + t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class));
      }
    }
    return out;
  }

  @Test
  void anEarlierArticleDoesNotChangeHowMondayResolves() {
    NlpPipeline p = NlpPipeline.shared(Profile.FAST);
    String hearing = "The hearing is on Monday in New York.";
    List<String> alone = dates(p, hearing);
    assertEquals(List.of("Monday=2020-12-21"), alone, "the closest Monday");
    assertEquals(List.of("Monday=2020-12-14"), dates(p, "He was arrested on Monday."), "past tense: the Monday before");
    assertEquals(alone, dates(p, hearing));
  }

  @Test
  void theSharedRuleValuesAreReplacedAndASecondInstallFindsNoneLeft() {
    assertTrue(NlpPipeline.shared(Profile.FAST).isolatedTimeValues() > 100,
        "SUTime's rule environment was not found: has CoreNLP's NER annotator changed?");
    assertEquals(0, SutimeIsolation.install(NlpPipeline.shared(Profile.FAST).corenlp()));
  }
}
