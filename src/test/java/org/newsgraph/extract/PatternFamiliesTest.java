package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.Event;
import org.newsgraph.model.Predicate;
import org.newsgraph.model.Relation;

/**
 * Each family of extraction rules on short sentences of its own, none from the seed article. Uses
 * the JVM-wide CoreNLP pipeline.
 */
class PatternFamiliesTest {
  private static final LocalDate DATE = LocalDate.of(2021, 3, 10);

  private static ArticleGraph extract(String text) {
    return new Extractor().extract(new Article("t", "", text, DATE, null, List.of(), List.of(), "test"));
  }

  private static String key(ArticleGraph g, String name) {
    return g.findEntity(name).orElseThrow(() -> new AssertionError("no " + name + " in "
        + g.entities().stream().map(Entity::name).toList())).key();
  }

  private static Set<String> facts(ArticleGraph g) {
    return g.relations().stream().map(r -> r.subject() + " " + r.predicate().goldName() + " "
        + (r.object() != null ? r.object() : "\"" + r.value() + "\"")).collect(Collectors.toSet());
  }

  private static Event event(ArticleGraph g, String type) {
    return g.events().stream().filter(e -> e.type().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + g.events()));
  }

  @Test
  void passiveChargeGivesEachChargeAndTheDefendant() {
    ArticleGraph g = extract("Maria Lopez was charged with wire fraud and conspiracy to launder money.");
    String lopez = key(g, "Maria Lopez");
    assertTrue(facts(g).containsAll(Set.of(lopez + " charged_with \"wire fraud\"",
        lopez + " charged_with \"conspiracy to launder money\"")), facts(g).toString());
    Relation charge = g.relations().stream().filter(r -> r.predicate() == Predicate.CHARGED_WITH).findFirst().orElseThrow();
    assertEquals("charged", charge.stage());
    assertTrue(event(g, "Justice.Charge-Indict").arguments().stream()
        .anyMatch(a -> a.role().equals("Defendant") && a.entity().equals(lopez)));
  }

  @Test
  void activeAndPassiveVoiceGiveTheSameArguments() {
    ArticleGraph active = extract("Police arrested Tom Baker in Boston on Friday.");
    ArticleGraph passive = extract("Tom Baker was arrested by police in Boston on Friday.");
    for (ArticleGraph g : List.of(active, passive)) {
      Event e = event(g, "Justice.Arrest-Jail");
      Set<String> args = e.arguments().stream().map(a -> a.role() + ":" + a.entity()).collect(Collectors.toSet());
      assertTrue(args.contains("Person:" + key(g, "Tom Baker")), args.toString());
      assertTrue(args.stream().anyMatch(a -> a.startsWith("Agent:group/t/law-enforcement")), args.toString());
    }
  }

  @Test
  void placeOfAnEventFromAnInPhrase() {
    ArticleGraph g = extract("Police arrested Tom Baker in Boston on Friday.");
    assertTrue(event(g, "Justice.Arrest-Jail").arguments().stream()
        .anyMatch(a -> a.role().equals("Place") && a.entity().equals(key(g, "Boston"))));
  }

  @Test
  void appositiveTitleOfOrganisation() {
    ArticleGraph g = extract("Maria Lopez, chief executive of Acme Corp, said the firm would grow.");
    String lopez = key(g, "Maria Lopez");
    String acme = key(g, "Acme Corp");
    assertTrue(facts(g).contains(lopez + " leader_of " + acme), facts(g).toString());
    assertTrue(facts(g).contains(lopez + " title \"chief executive\""), facts(g).toString());
  }

  @Test
  void legalFormSuffixesDoNotSplitAnOrganisation() {
    ArticleGraph g = extract("Quantela Inc. opened an office in Oslo. Quantela said it would hire 40 engineers.");
    Entity q = g.findEntity("Quantela").orElseThrow();
    assertEquals("Quantela Inc.", q.name());
    assertEquals(1, g.entities().stream().filter(e -> e.name().startsWith("Quantela")).count());
  }

  @Test
  void aUserAliasTableMergesWhatTheTextCannotAndRenames() {
    org.newsgraph.model.AliasTable table = new org.newsgraph.model.AliasTable(java.util.Map.of(
        "robert smith", "Robert Smith", "bob smith", "Robert Smith"));
    Article a = new Article("t", "", "Bob Smith met investors in Oslo. Robert Smith later denied it.", DATE, null,
        List.of(), List.of(), "test");
    ArticleGraph without = new Extractor().extract(a);
    assertEquals(2, without.entities().stream().filter(e -> e.type() == org.newsgraph.model.EntityType.PERSON).count());
    ArticleGraph with = new Extractor(table).extract(a);
    List<Entity> people = with.entities().stream().filter(e -> e.type() == org.newsgraph.model.EntityType.PERSON).toList();
    assertEquals(1, people.size(), people.toString());
    assertEquals("Robert Smith", people.get(0).name());
    assertEquals("person/robert-smith", people.get(0).key());
    assertTrue(people.get(0).aliases().contains("Bob Smith"));
    assertTrue(people.get(0).merges().stream().anyMatch(m -> m.startsWith("alias-file: ")), people.get(0).merges().toString());
    assertEquals(2, people.get(0).mentions().size());
  }

  @Test
  void titleBeforeName() {
    ArticleGraph g = extract("The plan was announced by Foreign Minister Ana Silva in Lisbon.");
    assertTrue(facts(g).contains(key(g, "Ana Silva") + " title \"Foreign Minister\""), facts(g).toString());
  }

  @Test
  void acronymDefinedInParenthesesIsOneEntity() {
    ArticleGraph g = extract("The World Health Organization (WHO) issued a warning. WHO staff visited Geneva.");
    Entity who = g.findEntity("World Health Organization").orElseThrow();
    assertTrue(who.aliases().contains("WHO"), who.aliases().toString());
    assertEquals(1, g.entities().stream().filter(e -> e.name().equals("WHO") || e.aliases().contains("WHO")).count());
  }

  @Test
  void quotedNicknameAndSurnameAreOneEntity() {
    ArticleGraph g = extract("Robert Smith, or \"Bobby\" Smith, left the company. Smith declined to comment.");
    Entity smith = g.findEntity("Robert Smith").orElseThrow();
    assertTrue(smith.aliases().containsAll(Set.of("Bobby Smith", "Smith")), smith.aliases().toString());
    assertEquals(1, g.entities().stream().filter(e -> e.type() == org.newsgraph.model.EntityType.PERSON).count());
  }

  @Test
  void atTheDirectionOfGivesActsForAndACoAgent() {
    ArticleGraph g = extract("Tom Baker worked under the direction of Russian intelligence officers to recruit informants.");
    String baker = key(g, "Tom Baker");
    assertTrue(facts(g).contains(baker + " acts_for group/intelligence-russia"), facts(g).toString());
    Entity group = g.entitiesByKey().get("group/intelligence-russia");
    assertTrue(group.group());
    assertEquals("Russian intelligence officers", group.name());
  }

  @Test
  void negatedAndHypotheticalEventsAreMarked() {
    ArticleGraph g = extract("Acme did not fire Tom Baker. If convicted, Baker would face ten years in prison.");
    Event fire = event(g, "Personnel.End-Position");
    assertTrue(fire.negated());
    assertTrue(!fire.hypothetical());
    Event convict = event(g, "Justice.Convict");
    assertTrue(convict.hypothetical());
  }

  @Test
  void attributionRecordsTheSourceAndStage() {
    ArticleGraph g = extract("Prosecutors allege that Tom Baker bribed a customs official in Miami.");
    Event bribe = event(g, "Transaction.Transfer-Money");
    assertEquals("alleged", bribe.stage());
    assertEquals("group/t/prosecutors", bribe.assertedBy()); // no country: a group of this article ("t")
  }

  @Test
  void monthsWithoutAYearResolveIntoThePastAndYearsStayPrecise() {
    ArticleGraph g = extract("Police detained Tom Baker in May. The 1989 massacre in Beijing killed hundreds.");
    assertEquals("2020-05", event(g, "Justice.Arrest-Jail").time());
    assertEquals("1989", event(g, "Conflict.Attack").time());
  }

  @Test
  void placeBasedOrganisationsAndResidentCitizenAppositives() {
    ArticleGraph g = extract("Paris-based group Reporters Sans Frontieres criticised the law. "
        + "Lin Feng, a Los Angeles resident and Chinese citizen, was arrested.");
    Set<String> f = facts(g);
    assertTrue(f.contains(key(g, "Reporters Sans Frontieres") + " based_in " + key(g, "Paris")), f.toString());
    assertTrue(f.contains(key(g, "Lin Feng") + " resides_in " + key(g, "Los Angeles")), f.toString());
  }

  @Test
  void coreferenceNeverJoinsTwoDifferentFullNames() {
    ArticleGraph g = extract("Castellan chairman Marco Bellini met his grandfather Giuseppe Bellini in Genoa. Bellini said the talks went well.");
    assertTrue(g.findEntity("Marco Bellini").isPresent() && g.findEntity("Giuseppe Bellini").isPresent());
    assertTrue(!key(g, "Marco Bellini").equals(key(g, "Giuseppe Bellini")));
  }

  @Test
  void groupActorsMergeByCountryAndReuseOnLaterReference() {
    ArticleGraph g = extract("French authorities raided the office. French police questioned two men. "
        + "The authorities later released them.");
    Entity gov = g.entitiesByKey().get("group/government-france");
    assertTrue(gov != null && gov.group(), g.entities().stream().map(Entity::key).toList().toString());
    assertTrue(gov.aliases().stream().anyMatch(a -> a.equalsIgnoreCase("authorities")), gov.aliases().toString());
    assertTrue(g.entitiesByKey().containsKey("group/law-enforcement-france"));
  }

  @Test
  void whoPleadsGuiltyIsTheDefendantAndTheJudgeBeforeWhomTheAdjudicator() {
    ArticleGraph g = extract("Robert Hale pleaded guilty to bank fraud before U.S. District Judge Karen Wells.");
    String hale = key(g, "Robert Hale");
    Set<String> args = event(g, "Justice.Convict").arguments().stream().map(a -> a.role() + ":" + a.entity())
        .collect(Collectors.toSet());
    assertEquals(Set.of("Defendant:" + hale, "Adjudicator:" + key(g, "Karen Wells")), args);
    assertTrue(facts(g).contains(hale + " charged_with \"bank fraud\""), facts(g).toString());
  }

  @Test
  void ageThenHomeTownGivesResidenceAndTheTownItsState() {
    ArticleGraph g = extract("Dana Price, 52, of Tulsa, Oklahoma, was sentenced to two years in prison.");
    String tulsa = key(g, "Tulsa");
    assertTrue(facts(g).containsAll(Set.of(key(g, "Dana Price") + " resides_in " + tulsa,
        tulsa + " located_in " + key(g, "Oklahoma"))), facts(g).toString());
  }

  @Test
  void aSurnameInCapitalsIsThePersonNamedInCapitals() {
    ArticleGraph g = extract("Prosecutors said ANNA KOVAC and MARK DUNN stole the funds.\n\n"
        + "KOVAC was arrested in Denver on Friday.");
    assertTrue(event(g, "Justice.Arrest-Jail").arguments().stream()
        .anyMatch(a -> a.role().equals("Person") && a.entity().equals(key(g, "ANNA KOVAC"))), g.events().toString());
  }

  @Test
  void aPastEventDoesNotTakeALaterDateOfItsSentence() {
    ArticleGraph g = extract("Ella Stone pleaded guilty on Monday and will be sentenced on June 4, 2021.");
    assertEquals("2021-06-04", event(g, "Justice.Sentence").time());
    String plea = event(g, "Justice.Convict").time();
    assertTrue(plea != null && plea.startsWith("2021") && !plea.startsWith("2021-06"), plea);
  }

  @Test
  void placeholderNamesOfCourtPapersAreGroupActorsOfTheirType() {
    ArticleGraph g = extract("Omar Said paid Russian Official-2 and Company-1 in cash. Official-2 later called Said.");
    Entity official = g.entitiesByKey().get("group/placeholder-official-2");
    Entity company = g.entitiesByKey().get("group/placeholder-company-1");
    assertTrue(official != null && company != null, g.entities().stream().map(Entity::key).toList().toString());
    assertEquals("Russian Official-2", official.name());
    assertEquals(org.newsgraph.model.EntityType.PERSON, official.type());
    assertEquals(org.newsgraph.model.EntityType.ORGANIZATION, company.type());
    assertTrue(official.group() && company.group());
    assertEquals(2, official.mentions().size());
    assertTrue(event(g, "Transaction.Transfer-Money").arguments().stream()
        .anyMatch(a -> a.role().equals("Recipient") && a.entity().equals(official.key())), g.events().toString());
  }

  @Test
  void foundGuiltyCallWithAndProtestAsAModifier() {
    ArticleGraph g = extract("A jury found Leo Brandt guilty of extortion. Mayor Ann Cole held a call with Governor Tim Ruiz."
        + " The protest movement grew.");
    String brandt = key(g, "Leo Brandt");
    assertTrue(event(g, "Justice.Convict").arguments().stream()
        .anyMatch(a -> a.role().equals("Defendant") && a.entity().equals(brandt)), g.events().toString());
    assertTrue(event(g, "Contact.Phone-Write").arguments().stream()
        .anyMatch(a -> a.entity().equals(key(g, "Tim Ruiz"))), g.events().toString());
    assertTrue(g.events().stream().noneMatch(e -> e.type().equals("Conflict.Demonstrate")), g.events().toString());
  }

  @Test
  void hyphenatedNamesKeepTheirHyphen() {
    ArticleGraph g = extract("Prosecutors said Jean-Luc Moreau met Ana Rivera-Torres in Lyon.");
    assertTrue(g.findEntity("Ana Rivera-Torres").isPresent() && g.findEntity("Jean-Luc Moreau").isPresent(),
        g.entities().toString());
  }

  @Test
  void aLegalFormOrPublicBodyWordMakesAnOrganisationAndItsFirstWordToo() {
    Cand firm = new Cand(0, 0, 3, org.newsgraph.model.EntityType.PERSON, "test");
    firm.text = "Rosso Group Inc.";
    Cand shortName = new Cand(1, 0, 1, org.newsgraph.model.EntityType.PERSON, "test");
    shortName.text = "Rosso";
    Cand office = new Cand(2, 0, 5, org.newsgraph.model.EntityType.GPE, "test");
    office.text = "P.R. Department of Sports";
    Cand person = new Cand(3, 0, 2, org.newsgraph.model.EntityType.PERSON, "test");
    person.text = "Maria Rosso";
    MentionDetector.typeOrganisationNames(List.of(firm, shortName, office, person));
    assertEquals(List.of(org.newsgraph.model.EntityType.ORGANIZATION, org.newsgraph.model.EntityType.ORGANIZATION,
        org.newsgraph.model.EntityType.ORGANIZATION, org.newsgraph.model.EntityType.PERSON),
        List.of(firm.type, shortName.type, office.type, person.type));
  }
}
