package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Event;

/**
 * Extraction from news of every kind (issue 12), one test per class of failure, on sentences of
 * our own: unnamed participants as group actors, roles from one frame mechanism, triggers and
 * their senses, distinct incidents, plainly stated relations, times, and robustness. Uses the
 * JVM-wide CoreNLP pipeline.
 */
class GeneralNewsExtractionTest {
  /** A Friday. */
  private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 15);

  private static ArticleGraph extract(String text) {
    return extract(text, FRIDAY);
  }

  private static ArticleGraph extract(String text, LocalDate date) {
    return new Extractor().extract(new Article("general-news-test", "", text, date, null, List.of(), List.of(), "test"));
  }

  private static Entity entity(ArticleGraph g, String name) {
    return g.findEntity(name).orElseThrow(() -> new AssertionError("no " + name + " in "
        + g.entities().stream().map(e -> e.name() + (e.group() ? "*" : "")).toList()));
  }

  private static List<Event> events(ArticleGraph g, String type) {
    return g.events().stream().filter(e -> e.type().equals(type) && !e.negated() && !e.hypothetical()).toList();
  }

  private static Event event(ArticleGraph g, String type) {
    List<Event> es = events(g, type);
    if (es.isEmpty()) {
      throw new AssertionError("no asserted " + type + " in " + g.events());
    }
    return es.get(0);
  }

  private static Set<String> args(Event e, ArticleGraph g) {
    return e.arguments().stream().map(a -> a.role() + ":" + g.entitiesByKey().get(a.entity()).name()).collect(Collectors.toSet());
  }

  private static Set<String> facts(ArticleGraph g) {
    return g.relations().stream().map(r -> name(g, r.subject()) + " " + r.predicate().goldName() + " "
        + (r.object() != null ? name(g, r.object()) : "\"" + r.value() + "\"")).collect(Collectors.toSet());
  }

  private static String name(ArticleGraph g, String key) {
    Entity e = g.entitiesByKey().get(key);
    return e == null ? key : e.name();
  }

  // 1. Participants that are not named

  @Test
  void unnamedParticipantsAreGroupActorsWithTheirNumbers() {
    ArticleGraph g = extract("Gunmen stormed a police post in Garissa on Sunday, killing four officers and wounding dozens of villagers.");
    Entity gunmen = entity(g, "Gunmen");
    Entity officers = entity(g, "officers");
    Entity villagers = entity(g, "villagers");
    for (Entity e : List.of(gunmen, officers, villagers)) {
      assertTrue(e.group(), e.toString());
      assertEquals(EntityType.ORGANIZATION, e.type());
      assertTrue(e.key().startsWith("group/general-news-test/"), "keyed within the article: " + e.key());
    }
    assertEquals(4, officers.quantity());
    assertTrue(officers.aliases().contains("four officers"), officers.aliases().toString());
    assertTrue(args(event(g, "Conflict.Attack"), g).contains("Attacker:Gunmen"), args(event(g, "Conflict.Attack"), g).toString());
    Set<String> deaths = args(event(g, "Life.Die"), g);
    assertTrue(deaths.containsAll(Set.of("Victim:officers", "Agent:Gunmen")), deaths.toString());
    Set<String> injuries = args(event(g, "Life.Injure"), g);
    assertTrue(injuries.containsAll(Set.of("Victim:villagers", "Agent:Gunmen")), injuries.toString());
  }

  @Test
  void aCountryModifierTiesAGroupToTheCountryInEveryArticle() {
    ArticleGraph g = extract("Kenyan soldiers killed three militants near the border with Somalia. "
        + "Somali pirates attacked a ship. Kenya has troops in Somalia.");
    Entity soldiers = entity(g, "Kenyan soldiers");
    assertTrue(soldiers.group());
    assertEquals("group/military-kenya", soldiers.key());
    assertTrue(facts(g).contains("Kenyan soldiers part_of Kenya"), facts(g).toString());
    assertTrue(args(event(g, "Life.Die"), g).containsAll(Set.of("Agent:Kenyan soldiers", "Victim:militants")),
        args(event(g, "Life.Die"), g).toString());
    Entity pirates = entity(g, "Somali pirates");
    assertEquals("group/pirate-somalia", pirates.key());
    assertFalse(facts(g).contains("Somali pirates part_of Somalia"), "pirates are no body of the state: " + facts(g));
  }

  @Test
  void oneUnnamedPersonIsAPersonAndAGenericMentionOfPeopleIsNoActor() {
    ArticleGraph g = extract("A 23-year-old man was arrested by police in Lyon on Monday. Many people say the city is safe.");
    Entity man = entity(g, "23-year-old man");
    assertEquals(EntityType.PERSON, man.type());
    assertTrue(man.group());
    assertTrue(args(event(g, "Justice.Arrest-Jail"), g).contains("Person:23-year-old man"));
    assertTrue(g.findEntity("people").isEmpty(), "people who take part in nothing are no actor: " + g.entities());
  }

  // 2. Roles from one mechanism over the parse

  @Test
  void anObjectsOwnerIsTheSeller() {
    ArticleGraph g = extract("Siemens agreed to buy the rail unit of Alstom for $2 billion.");
    Set<String> a = args(event(g, "Transaction.Transfer-Ownership"), g);
    assertTrue(a.containsAll(Set.of("Buyer:Siemens", "Seller:Alstom")), a.toString());
  }

  @Test
  void activePassiveNominalAndControlledTriggersFillTheSameRoles() {
    for (String text : List.of(
        "Rebels attacked the town of Goma on Tuesday.",
        "The town of Goma was attacked by rebels on Tuesday.",
        "The rebels' attack on Goma began on Tuesday.",
        "The rebels vowed to attack Goma on Tuesday.")) {
      ArticleGraph g = extract(text);
      List<Event> attacks = g.events().stream().filter(e -> e.type().equals("Conflict.Attack")).toList();
      assertFalse(attacks.isEmpty(), text + ": " + g.events());
      Set<String> a = args(attacks.get(0), g);
      assertTrue(a.contains("Attacker:rebels") || a.contains("Attacker:Rebels"), text + ": " + a);
      assertTrue(a.contains("Target:Goma") || a.contains("Place:Goma"), text + ": " + a);
    }
  }

  @Test
  void aCompoundBeforeANounTriggerIsItsActorAndARelativeClauseSubjectCounts() {
    ArticleGraph raid = extract("A police raid in Mombasa ended with the arrest of two suspects.");
    assertTrue(args(event(raid, "Conflict.Attack"), raid).contains("Attacker:police"), args(event(raid, "Conflict.Attack"), raid).toString());
    ArticleGraph rel = extract("The gunmen who stormed the hotel in Mogadishu were killed by soldiers.");
    assertTrue(args(event(rel, "Conflict.Attack"), rel).contains("Attacker:gunmen"), args(event(rel, "Conflict.Attack"), rel).toString());
    assertTrue(args(event(rel, "Life.Die"), rel).containsAll(Set.of("Victim:gunmen", "Agent:soldiers")), args(event(rel, "Life.Die"), rel).toString());
  }

  @Test
  void intransitiveUseTakesTheUndergoerRole() {
    ArticleGraph g = extract("Finance Minister Jane Roe resigned on Monday. Her deputy returned to Nairobi.");
    assertTrue(args(event(g, "Personnel.End-Position"), g).contains("Person:Jane Roe"), args(event(g, "Personnel.End-Position"), g).toString());
    assertTrue(args(event(g, "Movement.Transport"), g).containsAll(Set.of("Artifact:deputy", "Destination:Nairobi")),
        args(event(g, "Movement.Transport"), g).toString());
  }

  // 3. Triggers, senses and polarity

  @Test
  void triggersOfGeneralNews() {
    ArticleGraph g = extract("A blast hit the market. Militants detonated a bomb and captured the district. "
        + "Workers staged a walkout. Security forces launched raids overnight.");
    assertTrue(g.events().stream().anyMatch(e -> e.type().equals("Conflict.Attack")
        && e.triggers().stream().anyMatch(t -> t.text().equals("blast"))), g.events().toString());
    assertTrue(g.events().stream().anyMatch(e -> e.triggers().stream().anyMatch(t -> t.text().equals("detonated"))));
    assertTrue(g.events().stream().anyMatch(e -> e.triggers().stream().anyMatch(t -> t.text().equals("captured"))));
    assertTrue(g.events().stream().anyMatch(e -> e.type().equals("Conflict.Demonstrate")
        && e.triggers().stream().anyMatch(t -> t.text().equals("walkout"))), g.events().toString());
    assertTrue(g.events().stream().anyMatch(e -> e.triggers().stream().anyMatch(t -> t.text().equals("raids"))));
  }

  @Test
  void wordSenseAndPolarity() {
    ArticleGraph plea = extract("The mayor made a plea to the government for more money.");
    assertTrue(events(plea, "Justice.Convict").isEmpty(), plea.events().toString());
    ArticleGraph dismissed = extract("The minister dismissed the report as propaganda.");
    assertTrue(events(dismissed, "Personnel.End-Position").isEmpty(), dismissed.events().toString());
    ArticleGraph unhurt = extract("A small earthquake shook the town, but no one was hurt.");
    assertTrue(events(unhurt, "Life.Injure").isEmpty(), unhurt.events().toString());
    ArticleGraph fired = extract("Police fired tear gas at protesters. The company fired its chief executive.");
    assertEquals(1, events(fired, "Conflict.Attack").size(), fired.events().toString());
    assertEquals(1, events(fired, "Personnel.End-Position").size(), fired.events().toString());
  }

  // 4. One event per occurrence, not per type

  @Test
  void distinctIncidentsStayDistinct() {
    ArticleGraph g = extract("Russia invaded the region in 2014. On Tuesday, a bomb attack in the capital killed seven people.");
    List<Event> attacks = events(g, "Conflict.Attack");
    assertEquals(2, attacks.size(), attacks.toString());
    assertTrue(attacks.stream().anyMatch(e -> "2014".equals(e.time())), attacks.toString());
    assertTrue(attacks.stream().anyMatch(e -> "2024-03-12".equals(e.time())), attacks.toString());
  }

  @Test
  void twoMentionsOfOneIncidentAreOneEvent() {
    ArticleGraph g = extract("Gunmen attacked a church in Kaduna on Sunday. The attack was condemned by the governor.");
    assertEquals(1, events(g, "Conflict.Attack").size(), g.events().toString());
  }

  // 5. Relations stated plainly

  @Test
  void leadersTitlesAndNationalities() {
    for (String text : List.of("Kenya's President William Ruto met farmers.", "President William Ruto of Kenya met farmers.",
        "William Ruto, the president of Kenya, met farmers.")) {
      ArticleGraph g = extract(text);
      assertTrue(facts(g).contains("William Ruto leader_of Kenya"), text + ": " + facts(g));
      assertTrue(facts(g).stream().anyMatch(f -> f.startsWith("William Ruto title \"") && f.toLowerCase().contains("president")),
          text + ": " + facts(g));
    }
    ArticleGraph n = extract("Japanese scientist Satoshi Omura shared the prize. Japan celebrated.");
    assertTrue(facts(n).contains("Satoshi Omura nationality Japan"), facts(n).toString());
  }

  @Test
  void membershipPlacesAndCountries() {
    ArticleGraph g = extract("Jane Roe, a spokeswoman for the United Nations, said aid reached Garissa, in northeastern Kenya. "
        + "Kenyan police blocked the road to Dadaab, Kenya. Nairobi-based Acme sent trucks.");
    Set<String> f = facts(g);
    assertTrue(f.contains("Jane Roe employee_or_member_of United Nations"), f.toString());
    assertTrue(f.contains("Garissa located_in Kenya"), f.toString());
    assertTrue(f.contains("Dadaab located_in Kenya"), f.toString());
    assertTrue(f.contains("Kenyan police part_of Kenya"), f.toString());
    assertTrue(f.contains("Acme based_in Nairobi"), f.toString());
  }

  // 6. Times

  @Test
  void aWeekdayIsTheOneBeforePublication() {
    ArticleGraph g = extract("The blast on Tuesday destroyed a school.");
    assertEquals("2024-03-12", event(g, "Conflict.Attack").time());
  }

  @Test
  void aYearModifyingAnotherNounIsNotTheEventsTime() {
    ArticleGraph g = extract("Police arrested a former mayor on Wednesday over the 1994 genocide.");
    assertEquals("2024-03-13", event(g, "Justice.Arrest-Jail").time());
  }

  @Test
  void withoutAPublicationDateADateWithoutAYearStaysUnresolved() {
    ArticleGraph g = extract("Prosecutors charged Tom Baker on Dec. 18 with fraud.", null);
    assertNull(event(g, "Justice.Charge-Indict").time());
  }

  // 7. Robustness and merges

  @Test
  void aRepeatedWordInANameAndResultListsKeepPeopleApart() {
    ArticleGraph g = extract("Mohamed Ali Mohamed won in Nairobi. The podium was Jane Roe (Kenya), Ann Poe (Kenya) and Mary Doe (Ethiopia).");
    assertNotNull(entity(g, "Mohamed Ali Mohamed"));
    assertEquals(EntityType.PERSON, entity(g, "Jane Roe").type());
    assertEquals(EntityType.PERSON, entity(g, "Ann Poe").type());
    assertEquals(EntityType.GPE, entity(g, "Kenya").type());
    assertFalse(entity(g, "Jane Roe").key().equals(entity(g, "Ann Poe").key()));
    assertTrue(facts(g).containsAll(Set.of("Jane Roe nationality Kenya", "Ann Poe nationality Kenya", "Mary Doe nationality Ethiopia")),
        facts(g).toString());
  }

  @Test
  void aRuleThatThrowsCostsOnlyItsOwnOutput() {
    List<String> ran = new java.util.ArrayList<>();
    assertFalse(RuleGuard.run("test:failing", 3, () -> {
      ran.add("failing");
      throw new IllegalArgumentException("duplicate element: x");
    }));
    assertTrue(RuleGuard.run("test:next", 3, () -> ran.add("next")));
    assertEquals(List.of("failing", "next"), ran);
  }
}
