package org.newsgraph.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.rdf.TdbStore;
import org.newsgraph.viz.ActorNetwork.Actor;
import org.newsgraph.viz.ActorNetwork.Link;
import org.newsgraph.viz.ActorNetwork.LinkKind;

/** The projection of the hand-made fixture ({@code viz/small.trig}) with each filter. */
class NetworkProjectionTest {
  static final Set<NodeKind> ALL_KINDS = EnumSet.allOf(NodeKind.class);

  static ActorNetwork small(NetworkFilter f) {
    return VizFixtures.network(VizFixtures.SMALL, f);
  }

  static Actor named(ActorNetwork n, String name) {
    return n.actors().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no actor " + name + " in " + names(n)));
  }

  static Set<String> names(ActorNetwork n) {
    return n.actors().stream().map(Actor::name).collect(Collectors.toSet());
  }

  static Set<String> linkLabels(ActorNetwork n) {
    var byId = n.actorsById();
    return n.links().stream()
        .map(l -> byId.get(l.source()).name() + " -" + l.label() + "- " + byId.get(l.target()).name())
        .collect(Collectors.toSet());
  }

  @Test
  void theWholeFixtureHasItsEightActorsAndEightLinks() {
    ActorNetwork n = small(NetworkFilter.ALL);
    assertEquals(Set.of("Jane Roe", "John Doe", "Acme Corp", "Autorité des marchés financiers", "Paris", "Lyon",
        "Rue de Rivoli", "U.S. prosecutors"), names(n));
    assertEquals(NodeKind.PERSON, named(n, "Jane Roe").kind());
    assertEquals(NodeKind.ORGANIZATION, named(n, "Acme Corp").kind());
    assertEquals(NodeKind.GPE, named(n, "Paris").kind());
    assertEquals(NodeKind.LOCATION, named(n, "Rue de Rivoli").kind());
    assertEquals(NodeKind.GROUP, named(n, "U.S. prosecutors").kind(), "ng:isGroup true makes a group");
    assertEquals(List.of("Acme"), named(n, "Acme Corp").aliases());
    assertEquals(List.of("fraud"), named(n, "Jane Roe").attributes().get("chargedWith"));
    assertEquals(List.of("founder"), named(n, "Jane Roe").attributes().get("title"));

    assertEquals(Set.of(
        "Jane Roe -founder of- Acme Corp",
        "Acme Corp -based in- Paris",
        "Rue de Rivoli -located in- Paris",
        "John Doe -employee or member of- Acme Corp",
        "Jane Roe -Justice.Charge-Indict 2024-03- U.S. prosecutors",
        "Jane Roe -Justice.Charge-Indict 2024-03- Paris",
        "Paris -Justice.Charge-Indict 2024-03- U.S. prosecutors",
        "Autorité des marchés financiers -Meet 2023-11-20- John Doe"), linkLabels(n));
    assertEquals(8, n.links().size());
    assertEquals(4, n.countLinksByKind().get(LinkKind.RELATION));
    assertEquals(4, n.countLinksByKind().get(LinkKind.CO_PARTICIPATION));
    assertEquals(0, named(n, "Lyon").degree());
    assertEquals(3, named(n, "Jane Roe").degree());
  }

  @Test
  void theStoredRdf12FormGivesTheSameNetworkAsRdf11Reification() {
    for (String fixture : List.of(VizFixtures.SMALL, VizFixtures.SEED)) {
      org.apache.jena.query.Dataset classic = VizFixtures.load(fixture);
      org.apache.jena.query.Dataset reifiers = org.newsgraph.rdf.Reification.toReifiers(classic);
      assertEquals(false, reifiers.getUnionModel().contains(null, org.apache.jena.vocabulary.RDF.subject), fixture);
      ActorNetwork expected = NetworkProjection.project(classic, NetworkFilter.ALL);
      assertTrue(expected.links().stream().anyMatch(l -> !l.evidence().isEmpty()), fixture);
      assertEquals(expected, NetworkProjection.project(reifiers, NetworkFilter.ALL), fixture);
    }
  }

  @Test
  void aRelationStatedInTwoArticlesIsOneLinkWithBothSentencesOldestFirst() {
    ActorNetwork n = small(NetworkFilter.ALL);
    Link founder = n.links().stream().filter(l -> l.type().equals("founderOf")).findFirst().orElseThrow();
    assertEquals(LinkKind.RELATION, founder.kind());
    assertEquals(2, founder.evidence().size());
    assertEquals("Acme founder Jane Roe was not there.", founder.evidence().get(0).sentence());
    assertEquals("Acme meets the markets regulator", founder.evidence().get(0).headline());
    assertEquals("2023-11-20", founder.evidence().get(0).date());
    assertEquals("Jane Roe, founder of Acme Corp, said the Paris-based company did nothing wrong.",
        founder.evidence().get(1).sentence());
    assertEquals("2023-11-20", founder.date(), "a relation is dated by its oldest evidence");
  }

  @Test
  void eventsGiveCoParticipationLinksWithRolesAndAreListedOnTheirActorsNegatedOnesOnlyThere() {
    ActorNetwork n = small(NetworkFilter.ALL);
    Link charge = n.links().stream().filter(l -> l.type().equals("Justice.Charge-Indict")
        && l.roles().equals("defendant / prosecutor")).findFirst().orElseThrow();
    assertEquals("2024-03", charge.date());
    assertEquals("U.S. prosecutors charged Roe with fraud in Paris in March.", charge.evidence().get(0).sentence());
    assertEquals("Acme founder charged with fraud", charge.evidence().get(0).headline());

    Actor amf = named(n, "Autorité des marchés financiers");
    assertEquals(List.of("AMF"), amf.aliases());
    assertEquals(2, amf.events().size());
    var sue = amf.events().stream().filter(p -> p.eventType().equals("Justice.Sue")).findFirst().orElseThrow();
    assertTrue(sue.negated());
    assertEquals("plaintiff", sue.role());
    assertNull(sue.time());
    assertFalse(n.links().stream().anyMatch(l -> l.type().equals("Justice.Sue")), "a negated event links nobody");
    var meet = amf.events().stream().filter(p -> p.eventType().equals("Meet")).findFirst().orElseThrow();
    assertEquals("entity", meet.role());
    assertEquals("2023-11-20", meet.time());
  }

  @Test
  void sinceKeepsWhatIsDatedOnOrAfterIt() {
    ActorNetwork n = small(new NetworkFilter(null, 1, ALL_KINDS, LocalDate.of(2024, 1, 1), null));
    assertEquals(Set.of("Jane Roe", "Acme Corp", "Paris", "U.S. prosecutors", "Rue de Rivoli"), names(n));
    assertEquals(6, n.links().size(), linkLabels(n).toString());
    Link founder = n.links().stream().filter(l -> l.type().equals("founderOf")).findFirst().orElseThrow();
    assertEquals(1, founder.evidence().size(), "evidence from before the range is left out");
    assertEquals("2024-03-04", founder.date());
  }

  @Test
  void untilKeepsWhatIsDatedOnOrBeforeItAndAYearMonthCountsWhenItOverlaps() {
    ActorNetwork n = small(new NetworkFilter(null, 1, ALL_KINDS, null, LocalDate.of(2023, 12, 31)));
    assertEquals(Set.of("Jane Roe", "John Doe", "Acme Corp", "Autorité des marchés financiers", "Lyon"), names(n));
    assertEquals(Set.of("Jane Roe -founder of- Acme Corp", "John Doe -employee or member of- Acme Corp",
        "Autorité des marchés financiers -Meet 2023-11-20- John Doe"), linkLabels(n));

    ActorNetwork march = small(new NetworkFilter(null, 1, ALL_KINDS, LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 30)));
    assertEquals(3, march.countLinksByKind().get(LinkKind.CO_PARTICIPATION), "2024-03 overlaps 31 March");
    assertNull(march.countLinksByKind().get(LinkKind.RELATION), "the article of 4 March is outside");
  }

  @Test
  void typesKeepOnlyTheNamedKindsAndTheLinksBetweenThem() {
    ActorNetwork n = small(new NetworkFilter(null, 1, NodeKind.parseList("person,organization"), null, null));
    assertEquals(Set.of("Jane Roe", "John Doe", "Acme Corp", "Autorité des marchés financiers"), names(n));
    assertEquals(3, n.links().size());
    assertEquals(EnumSet.of(NodeKind.GPE, NodeKind.LOCATION), NodeKind.parseList(" Place "));
    assertEquals(EnumSet.of(NodeKind.GROUP, NodeKind.PERSON), NodeKind.parseList("groups,people"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeKind.parseList("person,robot"));
    assertTrue(e.getMessage().contains("'robot'") && e.getMessage().contains("organization"), e.getMessage());
  }

  @Test
  void focusKeepsTheNeighbourhoodOfANameOrAliasInAnyCase() {
    ActorNetwork n = small(new NetworkFilter("roe", 1, ALL_KINDS, null, null));
    assertEquals(Set.of("Jane Roe", "Acme Corp", "Paris", "U.S. prosecutors"), names(n));
    assertEquals(5, n.links().size(), "founder, based in and the three charge links");
    ActorNetwork two = small(new NetworkFilter("JANE ROE", 2, ALL_KINDS, null, null));
    assertEquals(Set.of("Jane Roe", "Acme Corp", "Paris", "U.S. prosecutors", "John Doe", "Rue de Rivoli"), names(two));
    ActorNetwork alone = small(new NetworkFilter("amf", 0, ALL_KINDS, null, null));
    assertEquals(Set.of("Autorité des marchés financiers"), names(alone));
    assertEquals(0, alone.links().size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> small(new NetworkFilter("Acme", 1, EnumSet.of(NodeKind.PERSON), null, null)));
    assertTrue(e.getMessage().contains("no actor is named 'Acme'"), e.getMessage());
    IllegalArgumentException near = assertThrows(IllegalArgumentException.class,
        () -> small(new NetworkFilter("Jane", 1, ALL_KINDS, null, null)));
    assertTrue(near.getMessage().contains("did you mean Jane Roe?"), near.getMessage());
  }

  @Test
  void badFiltersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new NetworkFilter(null, -1, ALL_KINDS, null, null));
    assertThrows(IllegalArgumentException.class,
        () -> new NetworkFilter(null, 1, ALL_KINDS, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)));
    assertThrows(IllegalArgumentException.class, () -> new NetworkFilter(null, 1, Set.of(), null, null));
  }

  @Test
  void theSameNetworkComesFromATdb2Store(@TempDir Path dir) {
    Dataset fixture = VizFixtures.load(VizFixtures.SMALL);
    try (TdbStore tdb = TdbStore.open(dir.resolve("tdb2"))) {
      Txn.executeRead(fixture, () -> fixture.listNames().forEachRemaining(
          g -> tdb.replaceGraph(g, fixture.getNamedModel(g))));
      ActorNetwork fromTdb = NetworkProjection.project(tdb.dataset(), NetworkFilter.ALL);
      assertEquals(small(NetworkFilter.ALL), fromTdb);
    }
  }

  @Test
  void dateLiteralsCoverADayAMonthOrAYear() {
    assertEquals(List.of(LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 31)), List.of(NetworkProjection.interval("2020-05")));
    assertEquals(List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)), List.of(NetworkProjection.interval("2020")));
    assertEquals(List.of(LocalDate.of(2020, 5, 3), LocalDate.of(2020, 5, 3)),
        List.of(NetworkProjection.interval("2020-05-03T10:00:00Z")));
    assertNull(NetworkProjection.interval("last spring"));
    assertNull(NetworkProjection.interval("2020-13"));
  }
}
