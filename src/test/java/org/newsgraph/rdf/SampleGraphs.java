package org.newsgraph.rdf;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.newsgraph.model.Argument;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Event;
import org.newsgraph.model.Mention;
import org.newsgraph.model.Names;
import org.newsgraph.model.Predicate;
import org.newsgraph.model.Relation;
import org.newsgraph.model.Sentence;
import org.newsgraph.model.Span;

/** Hand-made article graphs for tests that must not load CoreNLP. */
public final class SampleGraphs {
  private SampleGraphs() {}

  public static final String TEXT = "Jane Roe, founder of Acme Corp, said on Monday that Acme is based in Paris. Roe was charged with fraud.";

  /** One article: Jane Roe founded Acme Corp (based in Paris), charged with fraud. */
  public static ArticleGraph acme() {
    return acme(null);
  }

  /** {@link #acme()} as if read from the web: with this retrieval (may be {@code null}). */
  public static ArticleGraph acme(Article.Retrieval retrieval) {
    Article a = new Article("acme-1", "Acme founder charged", TEXT, LocalDate.of(2024, 3, 4),
        "https://news.example/acme", List.of("Sam Writer"), List.of(new Article.Credit("Reuters", "Pat Photo", "REUTERS/Pat Photo")),
        retrieval == null ? "acme-1.txt" : "https://news.example/acme?utm=feed", retrieval);
    Sentence s0 = new Sentence(0, span(0, 75));
    Sentence s1 = new Sentence(1, span(76, TEXT.length()));
    Entity jane = new Entity(Names.key(EntityType.PERSON, "Jane Roe"), EntityType.PERSON, "Jane Roe", Set.of("Roe"),
        List.of(new Mention(span(0, 8), 0, "ner:PERSON"), new Mention(span(76, 79), 1, "ner:PERSON")),
        List.of("name-match: Roe ~ Jane Roe"));
    Entity acme = new Entity(Names.key(EntityType.ORGANIZATION, "Acme Corp"), EntityType.ORGANIZATION, "Acme Corp", Set.of("Acme"),
        List.of(new Mention(span(21, 30), 0, "ner:ORGANIZATION"), new Mention(span(52, 56), 0, "ner:ORGANIZATION")), List.of());
    Entity paris = new Entity(Names.key(EntityType.GPE, "Paris"), EntityType.GPE, "Paris", Set.of(),
        List.of(new Mention(span(69, 74), 0, "ner:CITY")), List.of());
    Entity writer = new Entity(Names.key(EntityType.PERSON, "Sam Writer"), EntityType.PERSON, "Sam Writer", Set.of(), List.of(), List.of("metadata: Sam Writer"));
    Entity photo = new Entity(Names.key(EntityType.PERSON, "Pat Photo"), EntityType.PERSON, "Pat Photo", Set.of(), List.of(), List.of("metadata: Pat Photo"));
    Entity reuters = new Entity(Names.key(EntityType.ORGANIZATION, "Reuters"), EntityType.ORGANIZATION, "Reuters", Set.of(), List.of(), List.of("metadata: Reuters"));
    Entity prosecutors = new Entity("group/prosecutors-france", EntityType.ORGANIZATION, "French prosecutors", Set.of("prosecutors"),
        List.of(), List.of("group: prosecutors of France"), true);
    Event charge = new Event("e1", "Justice.Charge-Indict", List.of(span(84, 91)),
        List.of(new Argument("Defendant", jane.key()), new Argument("Prosecutor", prosecutors.key()), new Argument("Place", paris.key())),
        "2024-03", false, false, prosecutors.key(), "charged", s1, "trigger:charge");
    List<Relation> rels = List.of(
        new Relation(jane.key(), Predicate.FOUNDER_OF, acme.key(), null, s0, "pattern:appositive-title-of-org", Double.NaN),
        new Relation(jane.key(), Predicate.TITLE, null, "founder", s0, "kbp:per:title", 0.9423),
        new Relation(acme.key(), Predicate.BASED_IN, paris.key(), null, s0, "pattern:org-headquartered-in", Double.NaN),
        new Relation(jane.key(), Predicate.CHARGED_WITH, null, "fraud", s1, "semgrex:charged-passive", Double.NaN, prosecutors.key(), "charged"),
        new Relation(photo.key(), Predicate.EMPLOYEE_OR_MEMBER_OF, reuters.key(), null, null, "metadata:photo-credit", Double.NaN));
    return new ArticleGraph(a, List.of(s0, s1), List.of(jane, acme, paris, writer, photo, reuters, prosecutors), rels, List.of(charge), "test/1");
  }

  static Span span(int b, int e) {
    return new Span(b, e, TEXT.substring(b, e));
  }
}
