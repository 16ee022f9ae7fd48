package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "news reports the past" rule of {@link EventExtractor#timeValue}, on tokens as CoreNLP tags
 * them (word, NER DATE, SUTime's normalized value), without loading models. Published Friday
 * 2020-12-18.
 */
class EventTimeValueTest {
  static final LocalDate PUBLISHED = LocalDate.of(2020, 12, 18);

  /** Tokens "word/value" (value: the DATE's SUTime value) or plain words (not a date). */
  static List<CoreLabel> tokens(String... spec) {
    List<CoreLabel> out = new ArrayList<>();
    for (String s : spec) {
      CoreLabel t = new CoreLabel();
      int slash = s.indexOf('/');
      t.setWord(slash < 0 ? s : s.substring(0, slash));
      t.setNER(slash < 0 ? "O" : "DATE");
      if (slash >= 0) {
        t.set(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class, s.substring(slash + 1));
      }
      out.add(t);
    }
    return out;
  }

  @Test
  void aWeekdayKeepsSutimesDateEvenAfterPublication() {
    // "the hearing is on Monday": SUTime gives the next Monday; a year off would give 2019-12-21
    assertEquals("2020-12-21", EventExtractor.timeValue(tokens("on", "Monday/2020-12-21"), 1, PUBLISHED));
    assertEquals("2020-12-14", EventExtractor.timeValue(tokens("on", "Monday/2020-12-14"), 1, PUBLISHED));
    assertEquals("2020-12-22", EventExtractor.timeValue(
        tokens("on", "Tuesday/2020-12-22", "night/2020-12-22", "."), 2, PUBLISHED));
  }

  @Test
  void aMonthOrDayWithoutYearAfterPublicationIsTheOneBefore() {
    assertEquals("2020-05", EventExtractor.timeValue(tokens("in", "May/2021-05"), 1, PUBLISHED));
    assertEquals("2020-05-04", EventExtractor.timeValue(
        tokens("on", "Monday/2021-05-04", ",/2021-05-04", "May/2021-05-04", "4/2021-05-04"), 1, PUBLISHED));
    assertEquals("2021-05-04", EventExtractor.timeValue(
        tokens("on", "May/2021-05-04", "4/2021-05-04", ",/2021-05-04", "2021/2021-05-04"), 1, PUBLISHED));
    assertEquals("2020-11", EventExtractor.timeValue(tokens("in", "November/2020-11"), 1, PUBLISHED));
  }

  @Test
  void weekdayExpressions() {
    assertTrue(EventExtractor.namesOnlyAWeekday(tokens("last/2020-12-15", "Tuesday/2020-12-15"), 0));
    assertTrue(EventExtractor.namesOnlyAWeekday(tokens("Fri./2020-12-18"), 0));
    assertFalse(EventExtractor.namesOnlyAWeekday(tokens("Monday/2021-05-04", "May/2021-05-04"), 0));
    assertFalse(EventExtractor.namesOnlyAWeekday(tokens("December/2020-12", "2020/2020-12"), 0));
    assertFalse(EventExtractor.namesOnlyAWeekday(tokens("Dec./2020-12-21", "21/2020-12-21"), 1));
  }
}
