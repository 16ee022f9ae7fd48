package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Mention;
import org.newsgraph.model.Names;
import org.newsgraph.model.Predicate;
import org.newsgraph.model.Relation;
import org.newsgraph.model.Sentence;
import org.newsgraph.model.Span;

/** Names and texts with every awkward character give valid IRIs and survive all six formats. */
class HostileNamesRdfTest {
  static final List<String> NAMES = List.of(
      "Jane Roe", "Jean \"Johnny\" O'Neil", "<script>alert(1)</script>", "Back\\slash \\u0041 Corp",
      "Line\nBreak\r\nInc", "Ctrl\u0007Bell\u001b[31mRed\u0000Nul", "\u202EreversE\u200F Mark\u200B",
      "Emoji 👍🏽 Holdings", "Zoë Müller", "Zoe\u0308 Mu\u0308ller", "Zoë Müller", "3M", "1999 Group", "李文亮",
      "عبد الله", "a b\tc", "Tab\u2028Sep\u2029Para\u0085Nel", "#?&%20/..", "Smart “quotes” ‘here’");

  private static ArticleGraph graph() {
    StringBuilder text = new StringBuilder();
    List<Entity> entities = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    List<Relation> relations = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      String name = NAMES.get(i);
      int b = text.length();
      text.append(name).append(" works for Acme. ");
      Span span = new Span(b, b + name.length(), name);
      Sentence s = new Sentence(i, new Span(b, text.length() - 1, text.substring(b, text.length() - 1)));
      sentences.add(s);
      String key = Names.key(EntityType.PERSON, name);
      if (keys.add(key)) {
        entities.add(new Entity(key, EntityType.PERSON, name, Set.of(name + " alias\u0001"),
            List.of(new Mention(span, i, "ner:PERSON")), List.of("why: " + name), false));
        relations.add(new Relation(key, Predicate.TITLE, null, name, s, "test:" + name, Double.NaN));
      }
    }
    // lone surrogates and a NUL in the text, as a JSONL "\ud800" escape or a binary-ish file can give
    text.append("Broken \uD800 pair \uDC00 and \u0000 end.");
    Article a = new Article("hostile-1", "Head\u0000line \uD83D", text.toString(), LocalDate.of(2024, 1, 2),
        "https://news.example/a?b=<c>&d=\"e\"", List.of(), List.of(), "in/evil\nname.txt");
    return new ArticleGraph(a, sentences, entities, relations, List.of(), "test/1");
  }

  @Test
  void nfcAndNfdGiveOneIriAndOtherNamesDiffer() {
    assertEquals(Names.key(EntityType.PERSON, "Zoë Müller"), Names.key(EntityType.PERSON, "Zoe\u0308 Mu\u0308ller"));
    assertEquals("person/zoë-müller", Names.key(EntityType.PERSON, "Zoe\u0308 Mu\u0308ller"));
    assertEquals("organization/3m", Names.key(EntityType.ORGANIZATION, "3M"));
    assertEquals("person/reverse-mark", Names.key(EntityType.PERSON, "\u202EreversE\u200F Mark\u200B"));
    assertNotEquals(Names.key(EntityType.PERSON, "李文亮"), Names.key(EntityType.PERSON, "عبد الله"));
  }

  @Test
  void everyIriIsValidAndEveryFormatReparsesToTheSameGraph() {
    Model m = new RdfMapper().map(graph());
    for (Resource r : m.listSubjects().toList()) {
      if (r.isURIResource()) {
        assertTrue(IRIx.create(r.getURI()).isAbsolute(), r.getURI()); // create throws on an invalid IRI
        assertTrue(!r.getURI().matches(".*[\\s<>\"{}|\\\\^`\\p{Cc}\\p{Cf}].*"), r.getURI());
      }
    }
    Dataset ds = DatasetFactory.create();
    ds.addNamedModel(new RdfMapper().articleIri("hostile-1"), m);
    for (RdfFormat f : RdfFormat.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      RdfIO.write(ds, f, out, m);
      Dataset back = DatasetFactory.create();
      RDFDataMgr.read(back, new ByteArrayInputStream(out.toByteArray()), f.lang());
      Model union = RdfIO.union(back, null);
      Model expected = f.carriesTripleTerms() ? m : Reification.toClassic(m);
      assertEquals(expected.size(), union.size(), f.toString());
      assertTrue(expected.isIsomorphicWith(union), f + " does not give back the same graph");
      assertTrue(m.isIsomorphicWith(Reification.toReifiers(union)), f + " does not give back the stored form");
    }
  }
}
