package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class RdfMapperTest {
  private final RdfMapper mapper = new RdfMapper();

  @Test
  void mintsDeterministicIrisAndAssertsRelations() {
    Model m = mapper.map(SampleGraphs.acme());
    Resource jane = m.getResource("https://w3id.org/newsgraph/id/person/jane-roe");
    Resource acme = m.getResource("https://w3id.org/newsgraph/id/organization/acme-corp");
    assertTrue(m.contains(jane, RDF.type, NG.Person));
    assertTrue(m.contains(jane, NG.founderOf, acme));
    assertTrue(m.contains(jane, NG.chargedWith, "fraud"));
    assertEquals("Jane Roe", jane.getProperty(NG.name).getString());
    assertTrue(m.contains(jane, NG.alias, "Roe"));
    assertTrue(m.contains(acme, NG.basedIn, m.getResource("https://w3id.org/newsgraph/id/place/paris")));
    Resource article = m.getResource("https://w3id.org/newsgraph/id/article/acme-1");
    assertTrue(m.contains(article, NG.author, m.getResource("https://w3id.org/newsgraph/id/person/sam-writer")));
    assertTrue(m.contains(article, NG.photographer, m.getResource("https://w3id.org/newsgraph/id/person/pat-photo")));
    assertEquals("2024-03-04", article.getProperty(NG.datePublished).getLiteral().getLexicalForm());
    // mapping twice gives the same graph
    assertTrue(m.isIsomorphicWith(mapper.map(SampleGraphs.acme())));
  }

  @Test
  void everyRelationHasAReifierWithItsEvidenceSentence() {
    Model m = mapper.map(SampleGraphs.acme());
    List<Resource> statements = m.listSubjectsWithProperty(RDF.type, RDF.Statement).toList();
    assertEquals(5, statements.size());
    for (Resource st : statements) {
      // RDF 1.2: one rdf:reifies <<( s p o )>> of an asserted triple; no RDF 1.1 reification triples
      org.apache.jena.graph.Node term = st.getRequiredProperty(RDF.reifies).getObject().asNode();
      assertTrue(term.isTripleTerm(), term.toString());
      assertTrue(m.getGraph().contains(term.getTriple()), term.toString());
      assertFalse(st.hasProperty(RDF.subject) || st.hasProperty(RDF.predicate) || st.hasProperty(RDF.object));
      assertTrue(st.getURI().startsWith(mapper.articleIri("acme-1") + "/statement/"), st.getURI());
    }
    Resource founder = statements.stream()
        .filter(s -> predicate(s).equals(NG.founderOf.asNode())).findFirst().orElseThrow();
    Resource sentence = founder.getPropertyResourceValue(NG.evidence);
    assertEquals(SampleGraphs.TEXT.substring(0, 75), sentence.getProperty(NG.anchorOf).getString());
    assertEquals(0, sentence.getProperty(NG.beginIndex).getInt());
    assertEquals(75, sentence.getProperty(NG.endIndex).getInt());
    assertEquals("pattern:appositive-title-of-org", founder.getProperty(NG.extractor).getString());
    Resource title = statements.stream()
        .filter(s -> predicate(s).equals(NG.title.asNode())).findFirst().orElseThrow();
    assertEquals("0.942", title.getProperty(NG.confidence).getLiteral().getLexicalForm());
    // the same statements, RDF 1.1 style, as JSON-LD and RDF/XML carry them
    Model classic = Reification.toClassic(m);
    Resource founderClassic = classic.getResource(founder.getURI());
    assertEquals(NG.founderOf, founderClassic.getPropertyResourceValue(RDF.predicate));
    assertEquals("https://w3id.org/newsgraph/id/person/jane-roe", founderClassic.getPropertyResourceValue(RDF.subject).getURI());
    assertFalse(founderClassic.hasProperty(RDF.reifies));
    assertEquals(m.size(), classic.size() - 2 * statements.size());
    assertTrue(m.isIsomorphicWith(Reification.toReifiers(classic)));
    Validation.Result v = Validation.validate(classic);
    assertTrue(v.conforms(), v.reportTurtle());
  }

  private static org.apache.jena.graph.Node predicate(Resource statement) {
    return statement.getRequiredProperty(RDF.reifies).getObject().asNode().getTriple().getPredicate();
  }

  @Test
  void confidencesAreCanonicalDecimals() {
    assertEquals("0.87", RdfMapper.decimal(0.8704));
    assertEquals("1.0", RdfMapper.decimal(0.9999));
    assertEquals("0.0", RdfMapper.decimal(0.0));
    assertEquals("0.942", RdfMapper.decimal(0.942));
  }

  @Test
  void eventsAreNodesWithTypedClassRoleEdgesTimeAndAttribution() {
    Model m = mapper.map(SampleGraphs.acme());
    Resource ev = m.getResource(mapper.articleIri("acme-1") + "/event/e1");
    assertTrue(m.contains(ev, RDF.type, NG.Event));
    assertTrue(m.contains(ev, RDF.type, m.getResource(NG.NS + "ChargeIndict")));
    assertTrue(m.contains(ev, NG.role("Defendant"), m.getResource("https://w3id.org/newsgraph/id/person/jane-roe")));
    Resource prosecutors = m.getResource("https://w3id.org/newsgraph/id/group/prosecutors-france");
    assertTrue(m.contains(ev, NG.role("Prosecutor"), prosecutors));
    assertTrue(m.contains(ev, NG.role("Place"), m.getResource("https://w3id.org/newsgraph/id/place/paris")));
    assertEquals("2024-03", ev.getProperty(NG.eventTime).getLiteral().getLexicalForm());
    assertEquals("http://www.w3.org/2001/XMLSchema#gYearMonth", ev.getProperty(NG.eventTime).getLiteral().getDatatypeURI());
    assertEquals("charged", ev.getProperty(NG.trigger).getString());
    assertTrue(m.contains(ev, NG.assertedBy, prosecutors));
    assertEquals(false, ev.getProperty(NG.negated).getBoolean());
    assertEquals(true, prosecutors.getProperty(NG.isGroup).getBoolean());
    // every event type of the extractor has its class, with the type and CAMEO code, in the ontology
    Model onto = Ontology.ontology();
    assertEquals("1721", onto.getResource(NG.NS + "Censor").getProperty(NG.cameoCode).getString());
    assertEquals("Justice.Charge-Indict", onto.getResource(NG.NS + "ChargeIndict")
        .getProperty(org.apache.jena.vocabulary.SKOS.notation).getString());
  }

  @Test
  void mentionOffsetsPointIntoTheArticleText() {
    Model m = mapper.map(SampleGraphs.acme());
    String text = m.getResource(mapper.articleIri("acme-1")).getProperty(NG.text).getString();
    int checked = 0;
    for (Resource mention : m.listSubjectsWithProperty(RDF.type, NG.Mention).toList()) {
      int b = mention.getProperty(NG.beginIndex).getInt();
      int e = mention.getProperty(NG.endIndex).getInt();
      assertEquals(text.substring(b, e), mention.getProperty(NG.anchorOf).getString());
      checked++;
    }
    assertEquals(5, checked);
  }

  @Test
  void everyEmittedClassAndPropertyIsDeclaredInTheOntology() {
    assertEquals(List.of(), Ontology.undeclaredTerms(mapper.map(SampleGraphs.acme())));
    assertEquals(List.of(), Ontology.undeclaredTerms(mapper.map(SampleGraphs.acme(FETCHED))));
  }

  static final org.newsgraph.model.Article.Retrieval FETCHED = new org.newsgraph.model.Article.Retrieval(
      "https://news.example/2024/03/acme", java.time.Instant.parse("2024-03-05T08:09:10.123456Z"));

  @Test
  void anArticleFromTheWebRecordsItsFinalUrlAndFetchTime() {
    Model m = mapper.map(SampleGraphs.acme(FETCHED));
    Resource art = m.getResource(mapper.articleIri("acme-1"));
    assertEquals("https://news.example/2024/03/acme", art.getPropertyResourceValue(NG.wasDerivedFrom).getURI());
    org.apache.jena.rdf.model.Literal at = art.getProperty(NG.retrievedAt).getLiteral();
    assertEquals("2024-03-05T08:09:10Z", at.getLexicalForm(), "UTC, whole seconds");
    assertEquals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime, at.getDatatype());
    assertEquals("https://news.example/acme?utm=feed", art.getProperty(NG.source).getString());
    Validation.Result ok = Validation.validate(m);
    assertTrue(ok.conforms(), ok.reportTurtle());
    // a file read from disk has neither
    Model file = mapper.map(SampleGraphs.acme());
    assertFalse(file.contains(null, NG.wasDerivedFrom) || file.contains(null, NG.retrievedAt));
    // the shapes hold the provenance to one http(s) IRI and one dateTime
    Model broken = ModelFactory.createDefaultModel().add(m);
    broken.getResource(mapper.articleIri("acme-1")).addProperty(NG.wasDerivedFrom, broken.createResource("ftp://x.example/a"))
        .addProperty(NG.retrievedAt, "yesterday");
    // two values each (maxCount), an ftp IRI (pattern), a plain string (datatype)
    assertEquals(4, Validation.validate(broken).violations(), Validation.validate(broken).reportTurtle());
  }

  @Test
  void aNearDuplicateWithTwoEventsOfOneTypeAndParticipantsGivesTheStorysIriToTheFirstOnly() {
    // a near-duplicate that tells two charges of Jane Roe (distinct times): both have the story's
    // event key; one event resource may carry one report's evidence and time, so the second keeps
    // its own IRI and the article stays valid (it was skipped as breaking ng:evidence maxCount 1)
    org.newsgraph.model.ArticleGraph g = SampleGraphs.acme();
    org.newsgraph.model.Event first = g.events().get(0);
    org.newsgraph.model.Event second = new org.newsgraph.model.Event("e2", first.type(), first.triggers(), first.arguments(),
        "2023-01", false, false, first.assertedBy(), first.stage(), g.sentences().get(0), first.extractor());
    org.newsgraph.model.ArticleGraph two = new org.newsgraph.model.ArticleGraph(g.article(), g.sentences(), g.entities(),
        g.relations(), List.of(first, second), g.extractorVersion());
    List<String[]> roles = new java.util.ArrayList<>();
    for (org.newsgraph.model.Argument a : first.arguments()) {
      roles.add(new String[] {NG.role(a.role()).getURI(), mapper.entityIri(a.entity())});
    }
    String storyEvent = "https://w3id.org/newsgraph/id/article/acme-0/event/e1";
    Model m = mapper.map(two, new RdfMapper.Story("https://w3id.org/newsgraph/id/article/acme-0",
        java.util.Map.of(RdfMapper.eventKey(first.type(), roles), storyEvent)));
    Validation.Result v = Validation.validate(m);
    assertTrue(v.conforms(), v.reportTurtle());
    assertEquals("2024-03", m.getResource(storyEvent).getProperty(NG.eventTime).getString());
    assertEquals("2023-01", m.getResource(mapper.articleIri("acme-1") + "/event/e2").getProperty(NG.eventTime).getString());
  }

  @Test
  void sampleConformsToTheShapesAndABrokenGraphDoesNot() {
    Model m = mapper.map(SampleGraphs.acme());
    Validation.Result ok = Validation.validate(m);
    assertTrue(ok.conforms(), ok.reportTurtle());
    Model broken = ModelFactory.createDefaultModel().add(m);
    Resource mention = broken.listSubjectsWithProperty(RDF.type, NG.Mention).next();
    broken.removeAll(mention, NG.mentionOf, null);
    Resource jane = broken.getResource("https://w3id.org/newsgraph/id/person/jane-roe");
    broken.add(jane, NG.basedIn, jane);
    Validation.Result bad = Validation.validate(broken);
    assertFalse(bad.conforms());
    // the mention without its entity, and Jane as subject (not an Organization) and object (not a Place) of basedIn
    assertEquals(3, bad.violations(), bad.reportTurtle());
    assertTrue(bad.reportTurtle().contains("ngsh:BasedInShape"), bad.reportTurtle());
  }

  @Test
  void allSixFormatsParseBackToIsomorphicGraphs() {
    Dataset ds = DatasetFactory.create();
    Model m = mapper.map(SampleGraphs.acme());
    ds.addNamedModel(mapper.articleIri("acme-1"), m);
    for (RdfFormat f : RdfFormat.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      RdfIO.write(ds, f, out, m);
      Dataset back = DatasetFactory.create();
      RDFDataMgr.read(back, new ByteArrayInputStream(out.toByteArray()), f.lang());
      Model union = RdfIO.union(back, null);
      String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
      if (f.carriesTripleTerms()) {
        // as stored: RDF 1.2 reifiers of triple terms
        assertTrue(m.isIsomorphicWith(union), "round trip through " + f);
        assertTrue(text.contains("<<("), f + " has no triple term");
      } else {
        // RDF 1.1 reification: isomorphic to the classic form, and back to the stored form
        assertTrue(Reification.toClassic(m).isIsomorphicWith(union), "round trip through " + f);
        assertTrue(m.isIsomorphicWith(Reification.toReifiers(union)), "back to reifiers from " + f);
        assertFalse(union.contains(null, RDF.reifies), f.toString());
        assertEquals(5, union.listSubjectsWithProperty(RDF.predicate).toList().size(), f.toString());
      }
      if (f.carriesDatasets()) {
        assertEquals(List.of(mapper.articleIri("acme-1")), org.apache.jena.atlas.iterator.Iter.toList(back.listNames()), f.toString());
      }
    }
  }
}
