package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.TabularResult;
import org.newsgraph.model.Argument;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Event;
import org.newsgraph.model.Mention;
import org.newsgraph.model.Names;
import org.newsgraph.model.Sentence;
import org.newsgraph.model.Span;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.TdbStore;

/**
 * One display name per node (issue 14, item 4): articles that spell a name differently ("ACME
 * CORP" and "Acme Corp", NFD and NFC, "Chinese government" and "Chinese regime" for one group
 * actor) give one {@code name} string in Neo4j and the other spellings in {@code aliases}; an
 * event time is one string whatever its precision, with a Neo4j date when the day is known. Both
 * ways Neo4j is filled (the first load into an empty database, and the refresh of a later article)
 * give the same, and {@code export --from neo4j} gives the stored RDF back.
 */
class OneNamePerNodeTest {
  @TempDir Path home;

  static final String NFD_NAME = Normalizer.normalize("José Álvarez", Normalizer.Form.NFD);

  /** An article naming an organisation, a person, a group and an event with its time. */
  static ArticleGraph article(String id, String org, String person, String group, String time) {
    String text = person + " of " + org + " met " + group + ".";
    Article a = new Article(id, "Meeting " + id, text, LocalDate.of(2024, 5, 6), null, List.of(), List.of(), id + ".txt");
    Sentence s0 = new Sentence(0, new Span(0, text.length(), text));
    int p = text.indexOf(person);
    int o = text.indexOf(org);
    int g = text.indexOf(group);
    Entity personEntity = new Entity(Names.key(EntityType.PERSON, person), EntityType.PERSON, person, Set.of(),
        List.of(new Mention(new Span(p, p + person.length(), person), 0, "ner:PERSON")), List.of());
    Entity orgEntity = new Entity(Names.key(EntityType.ORGANIZATION, org), EntityType.ORGANIZATION, org, Set.of(),
        List.of(new Mention(new Span(o, o + org.length(), org), 0, "ner:ORGANIZATION")), List.of());
    Entity groupEntity = new Entity("organization/group/government-china", EntityType.ORGANIZATION, group, Set.of(),
        List.of(new Mention(new Span(g, g + group.length(), group), 0, "group")), List.of(), true);
    Event meet = new Event("e1", "Contact.Meet", List.of(new Span(text.indexOf("met"), text.indexOf("met") + 3, "met")),
        List.of(new Argument("Entity", personEntity.key()), new Argument("Entity", groupEntity.key())), time, false,
        false, null, null, s0, "trigger:meet");
    return new ArticleGraph(a, List.of(s0), List.of(personEntity, orgEntity, groupEntity), List.of(), List.of(meet),
        "test");
  }

  @Test
  void articlesSpellingANameDifferentlyGiveOneNameAndTheOtherSpellingsAsAliases() {
    RdfMapper mapper = new RdfMapper();
    ArticleGraph first = article("caps", "ACME CORP", "JOSÉ ÁLVAREZ", "Chinese regime", "2024");
    ArticleGraph second = article("mixed", "Acme Corp", NFD_NAME, "Chinese government", "2024-05-03");
    ArticleGraph third = article("third", "Acme Corp", "José Álvarez", "Chinese government", "2024-05");
    try (EmbeddedNeo4j neo = EmbeddedNeo4j.start(home.resolve("neo4j"));
        Neo4jStore store = Neo4jStore.connect(neo.boltUri(), null, null, null);
        TdbStore tdb = TdbStore.open(home.resolve("tdb2"))) {
      ArticleUpdater updater = new ArticleUpdater(tdb, store);
      updater.replace(mapper.articleIri("caps"), mapper.map(first)); // a first load into the empty database
      updater.replace(mapper.articleIri("mixed"), mapper.map(second)); // a refresh
      updater.replace(mapper.articleIri("third"), mapper.map(third));

      // the pattern of docs/graph-model.md finds the node, and the name is a string
      TabularResult acme = store.query("MATCH (o:Organization {name: $n}) RETURN o.name, o.aliases, toString(o.name),"
          + " o.aliases__key", Map.of("n", "Acme Corp"), false, null);
      assertEquals(List.of(List.of("Acme Corp", List.of("ACME CORP"), "Acme Corp")),
          acme.rows().stream().map(r -> r.subList(0, 3)).toList(), acme.rows().toString());
      assertEquals(null, acme.rows().get(0).get(3), "no alias came from a second name");
      // the capitals article's own RDF already names it in title case, with its spelling as alias
      assertEquals(List.of(List.of("José Álvarez", List.of("JOSÉ ÁLVAREZ"))), store.query(
          "MATCH (p:Person) RETURN p.name, p.aliases", null, false, null).rows());
      assertEquals(List.of(List.of("Chinese government", List.of("Chinese regime"), List.of("name"))), store.query(
          "MATCH (g:Organization {isGroup: true}) RETURN g.name, g.aliases, g.aliases__key", null, false, null).rows());
      // every name is one string, on every node that has one
      assertEquals(0, store.count("MATCH (n) WHERE n.name IS NOT NULL AND NOT n.name IS :: STRING RETURN count(n)"));
      assertEquals(0, store.count("MATCH (n) WHERE n.aliases IS NOT NULL AND NOT n.aliases IS :: LIST<STRING>"
          + " RETURN count(n)"));

      // one type of event time: the ISO string, and a date when the day is known
      List<List<Object>> times = store.query("MATCH (e:Event) RETURN e.eventTime, e.eventTime__type, e.eventDate,"
          + " e.eventTime IS :: STRING ORDER BY e.eventTime", null, false, null).rows();
      String xsd = "http://www.w3.org/2001/XMLSchema#";
      assertEquals(List.of(List.of("2024", xsd + "gYear", "null", true), List.of("2024-05", xsd + "gYearMonth", "null", true),
          List.of("2024-05-03", xsd + "date", "2024-05-03", true)), times.stream().map(r -> {
            List<Object> row = new ArrayList<>(r);
            row.set(2, String.valueOf(r.get(2)));
            return row;
          }).toList());
      assertEquals(1, store.count("MATCH (e:Event) WHERE e.eventDate IS NOT NULL AND e.eventDate IS :: DATE RETURN count(e)"));

      // the same graph as one load of the whole store into an empty Neo4j
      List<List<Object>> refreshed = nodes(store);
      try (EmbeddedNeo4j other = EmbeddedNeo4j.start(home.resolve("neo4j-2"));
          Neo4jStore fresh = Neo4jStore.connect(other.boltUri(), null, null, null)) {
        new RdfGraphLoader(fresh).load(tdb.all(), true);
        assertEquals(refreshed, nodes(fresh));
      }

      // and Neo4j gives the stored RDF back
      Model back = new Neo4jRdfExporter(store).export();
      Dataset all = tdb.all();
      Txn.executeRead(all, () -> assertTrue(back.isIsomorphicWith(all.getUnionModel()),
          "export differs from the stored union"));
    }
  }

  @Test
  void displayFormsOfCapitals() {
    assertEquals("Acme Corp", org.newsgraph.model.DisplayNames.of("ACME CORP", false));
    assertEquals("John Chen", org.newsgraph.model.DisplayNames.of("JOHN CHEN", true));
    assertEquals("John Li", org.newsgraph.model.DisplayNames.of("JOHN LI", true));
    assertEquals("FBI San Juan", org.newsgraph.model.DisplayNames.of("FBI SAN JUAN", false));
    assertEquals("Bank of America", org.newsgraph.model.DisplayNames.of("BANK OF AMERICA", false));
    assertEquals("Acme LLC", org.newsgraph.model.DisplayNames.of("ACME LLC", false));
    assertEquals("The New York Times", org.newsgraph.model.DisplayNames.of("THE NEW YORK TIMES", false));
    assertEquals("Jean-Yves Le Drian", org.newsgraph.model.DisplayNames.of("JEAN-YVES LE DRIAN", true));
    assertEquals("O'Brien", org.newsgraph.model.DisplayNames.of("O'BRIEN", true));
    assertEquals("NATO", org.newsgraph.model.DisplayNames.of("NATO", false));
    assertEquals("Reuters", org.newsgraph.model.DisplayNames.of("REUTERS", false));
    assertEquals("U.S. Attorney", org.newsgraph.model.DisplayNames.of("U.S. ATTORNEY", false));
    assertEquals("Zoom", org.newsgraph.model.DisplayNames.of("Zoom", false));
    assertEquals("José Álvarez", org.newsgraph.model.DisplayNames.of(NFD_NAME, true));
    assertFalse(Normalizer.isNormalized(NFD_NAME, Normalizer.Form.NFC));
    assertEquals("Chinese government", org.newsgraph.model.DisplayNames.choose(
        List.of("Chinese regime", "Chinese government"), "government-china", false));
    assertEquals("Acme Corp", org.newsgraph.model.DisplayNames.choose(List.of("ACME CORP", "Acme Corp"), "acme-corp", false));
    assertEquals("Jin Xinjiang", org.newsgraph.model.DisplayNames.choose(List.of("Julien Jin", "Jin Xinjiang"),
        "jin-xinjiang", true), "the name the IRI was minted from");
  }

  private static List<List<Object>> nodes(Neo4jStore store) {
    return store.query("MATCH (n:Resource) RETURN n.uri, labels(n), properties(n) ORDER BY n.uri", null, false, null)
        .rows();
  }
}
