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
      "عبد الله", "a b\tc", "Tab\u2028Sep\u2029Para\u0085Nel", "#?&%20/..", "Smart “quotes” ‘here’",
      // no letter or digit: keyed by code points, one key per distinct name
      "👍🏽", "🚀🚀", "🚀 🚀", "?!", "!?", "...", "\u200B🚀\u200B", "🚀", "e\u0301\u0301", "👍🏽");

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
  void namesWithoutLettersOrDigitsGetDistinctDeterministicKeys() {
    assertEquals("person/u--1f44d-1f3fd", Names.key(EntityType.PERSON, "👍🏽"));
    assertEquals("person/u--3f-21", Names.key(EntityType.PERSON, "?!"));
    assertEquals("person/u--21-3f", Names.key(EntityType.PERSON, "!?"));
    assertEquals("organization/u--2e-2e-2e", Names.key(EntityType.ORGANIZATION, "..."));
    assertEquals("person/u--1f680-1f680", Names.key(EntityType.PERSON, "🚀🚀"));
    // white space counts once, invisible format characters and the outer white space not at all
    assertEquals("person/u--1f680-20-1f680", Names.key(EntityType.PERSON, "🚀 🚀"));
    assertEquals("person/u--1f680-20-1f680", Names.key(EntityType.PERSON, " 🚀 \t\n 🚀 "));
    assertEquals("person/u--1f680", Names.key(EntityType.PERSON, "\u200B🚀\u200B"));
    // NFD and NFC of one name (a letter is there, so this is a normal slug) ...
    assertEquals("person/é", Names.key(EntityType.PERSON, "e\u0301"));
    // ... and of a name with no letter: U+212B ANGSTROM SIGN is a letter, so take U+0385 (NFC of U+00A8 U+0301)
    assertEquals("person/u--385", Names.key(EntityType.PERSON, "\u00A8\u0301"));
    assertEquals(Names.key(EntityType.PERSON, "\u0385"), Names.key(EntityType.PERSON, "\u00A8\u0301"));
    // a long one: 24 code points spelled out, then a hash of the whole name
    String stars30 = "★".repeat(30);
    String stars31 = "★".repeat(31);
    String key30 = Names.key(EntityType.PERSON, stars30);
    assertEquals("person/u-" + "-2605".repeat(24) + "-h", key30.substring(0, key30.length() - 16));
    assertTrue(key30.substring(key30.length() - 16).matches("[0-9a-f]{16}"), key30);
    assertNotEquals(key30, Names.key(EntityType.PERSON, stars31));
    assertEquals(key30, Names.key(EntityType.PERSON, stars30));
    // never the key of a name with letters or digits, which has no "--"
    assertNotEquals(Names.key(EntityType.PERSON, "U 1F680"), Names.key(EntityType.PERSON, "🚀"));
    assertEquals("person/u-1f680", Names.key(EntityType.PERSON, "U 1F680"));
    // one IRI per distinct name in the mapped graph, with its name
    Model m = new RdfMapper().map(graph());
    Set<String> iris = new LinkedHashSet<>();
    Set<String> distinct = new LinkedHashSet<>();
    for (String name : NAMES) {
      String iri = new RdfMapper().entityIri(Names.key(EntityType.PERSON, name));
      iris.add(iri);
      distinct.add(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC));
      assertTrue(m.containsResource(m.createResource(iri)), iri);
    }
    // the list repeats "Zoë Müller" (as NFC twice and NFD once) and "👍🏽"; "\u200B🚀\u200B" and "🚀" are one name
    assertEquals(distinct.size() - 1, iris.size(), iris.toString());
    assertEquals("👍🏽", m.getResource(new RdfMapper().entityIri("person/u--1f44d-1f3fd")).getProperty(NG.name).getString());
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

  /**
   * Language tags are case-insensitive (RDF 1.1, BCP 47): "en-US", "en-us" and "EN-us" are one tag.
   * Jena 5 keeps tags in their canonical case ("en-US", "de-CH-1996", "zh-Hant-TW") when it parses
   * and when the API makes a literal, so such literals are one RDF term in TDB2 and in every format.
   */
  @Test
  void languageTagsThatDifferOnlyInCaseAreOneTermInTheStoreAndInEveryFormat(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) {
    String nq = """
        <https://x.example/s> <https://x.example/label> "Bob"@en-US <https://x.example/g1> .
        <https://x.example/s> <https://x.example/label> "Bob"@en-us <https://x.example/g1> .
        <https://x.example/s> <https://x.example/label> "Bob"@EN-us <https://x.example/g2> .
        <https://x.example/s> <https://x.example/label> "Grüezi"@de-ch-1996 <https://x.example/g1> .
        <https://x.example/s> <https://x.example/label> "Grüezi"@DE-CH-1996 <https://x.example/g2> .
        <https://x.example/s> <https://x.example/label> "你好"@zh-hant-tw <https://x.example/g1> .
        """;
    Dataset in = DatasetFactory.create();
    RDFDataMgr.read(in, new ByteArrayInputStream(nq.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        org.apache.jena.riot.Lang.NQUADS);
    assertEquals(3, in.getNamedModel("https://x.example/g1").size(), "en-US and en-us are one literal in a graph");
    try (TdbStore tdb = TdbStore.open(dir.resolve("tdb2"))) {
      tdb.replaceGraph("https://x.example/g1", in.getNamedModel("https://x.example/g1"));
      tdb.replaceGraph("https://x.example/g2", in.getNamedModel("https://x.example/g2"));
      // in a second transaction, the API's own spelling of the same tag finds the stored term
      tdb.replaceGraph("https://x.example/g3", org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(
          org.apache.jena.rdf.model.ResourceFactory.createResource("https://x.example/s"),
          org.apache.jena.rdf.model.ResourceFactory.createProperty("https://x.example/label"),
          org.apache.jena.rdf.model.ResourceFactory.createLangLiteral("Bob", "EN-US")));
      assertEquals(3 + 2 + 1, tdb.quadCount());
      for (RdfFormat f : RdfFormat.values()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tdb.export(f, out);
        Dataset back = DatasetFactory.create();
        RDFDataMgr.read(back, new ByteArrayInputStream(out.toByteArray()), f.lang());
        Model union = RdfIO.union(back, null);
        Set<String> literals = new java.util.TreeSet<>();
        union.listObjects().forEach(o -> literals.add(o.asLiteral().getLexicalForm() + "@" + o.asLiteral().getLanguage()));
        assertEquals(Set.of("Bob@en-US", "Grüezi@de-CH-1996", "你好@zh-Hant-TW"), literals, f.toString());
        assertEquals(3, union.size(), f.toString());
        if (f.carriesDatasets()) {
          assertEquals(1, back.getNamedModel("https://x.example/g2").listStatements(null, null, "Bob", "en-us").toList().size(),
              f + ": a lower-case tag finds the stored term");
        }
      }
    }
  }
}
