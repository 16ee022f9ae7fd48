package org.newsgraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void normalisesAsTheGoldFormatSays() {
    assertEquals("us", Names.normalise("U.S."));
    assertEquals("justice department", Names.normalise("the Justice Department"));
    assertEquals("julien jin", Names.normalise("\u201cJulien\u201d  Jin"));
    assertEquals("peoples republic of china", Names.normalise("[People's Republic of China]"));
    assertEquals("", Names.normalise(null));
  }

  @Test
  void keysAreTypedSlugsAndPlacesShareOneSpace() {
    assertEquals("person/jin-xinjiang", Names.key(EntityType.PERSON, "Jin Xinjiang"));
    assertEquals("place/united-states", Names.key(EntityType.GPE, "United States"));
    assertEquals("place/united-states", Names.key(EntityType.LOCATION, "United States"));
    assertEquals("organization/epoch-times", Names.key(EntityType.ORGANIZATION, "The Epoch Times"));
    // NFC and NFD spellings of one name give one key
    assertEquals(Names.key(EntityType.PERSON, "Jos\u00e9 Mar\u00eda"), Names.key(EntityType.PERSON, "Jose\u0301 Mari\u0301a"));
    // a name of punctuation only is keyed by its code points; only an empty one is "unnamed"
    assertEquals("person/u--22-22", Names.key(EntityType.PERSON, "\"\""));
    assertEquals("person/unnamed", Names.key(EntityType.PERSON, " \u200B "));
  }

  @Test
  void predicatesKnowTheirNamesAndTypes() {
    assertEquals("employeeOrMemberOf", Predicate.EMPLOYEE_OR_MEMBER_OF.localName());
    assertEquals("charged_with", Predicate.CHARGED_WITH.goldName());
    assertEquals(true, Predicate.LEADER_OF.allows(EntityType.PERSON, EntityType.GPE));
    assertEquals(false, Predicate.BASED_IN.allows(EntityType.PERSON, EntityType.GPE));
    assertEquals(true, Predicate.TITLE.allows(EntityType.PERSON, null));
    assertThrows(IllegalArgumentException.class,
        () -> new Relation("a", Predicate.TITLE, "b", null, null, "x", Double.NaN));
  }
}
