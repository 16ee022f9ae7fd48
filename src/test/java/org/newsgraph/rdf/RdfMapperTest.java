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
  void everyRelationHasAStatementWithItsEvidenceSentence() {
    Model m = mapper.map(SampleGraphs.acme());
    List<Resource> statements = m.listSubjectsWithProperty(RDF.type, RDF.Statement).toList();
    assertEquals(5, statements.size());
    Resource founder = statements.stream()
        .filter(s -> s.getPropertyResourceValue(RDF.predicate).equals(NG.founderOf)).findFirst().orElseThrow();
    Resource sentence = founder.getPropertyResourceValue(NG.evidence);
    assertEquals(SampleGraphs.TEXT.substring(0, 75), sentence.getProperty(NG.anchorOf).getString());
    assertEquals(0, sentence.getProperty(NG.beginIndex).getInt());
    assertEquals(75, sentence.getProperty(NG.endIndex).getInt());
    assertEquals("pattern:appositive-title-of-org", founder.getProperty(NG.extractor).getString());
    Resource title = statements.stream()
        .filter(s -> s.getPropertyResourceValue(RDF.predicate).equals(NG.title)).findFirst().orElseThrow();
    assertEquals("0.942", title.getProperty(NG.confidence).getLiteral().getLexicalForm());
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
      assertTrue(m.isIsomorphicWith(RdfIO.union(back, null)), "round trip through " + f);
      if (f.carriesDatasets()) {
        assertEquals(List.of(mapper.articleIri("acme-1")), org.apache.jena.atlas.iterator.Iter.toList(back.listNames()), f.toString());
      }
    }
  }
}
