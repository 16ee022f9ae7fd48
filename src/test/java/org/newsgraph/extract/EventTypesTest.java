package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.Ontology;

/** The 40 event types of FORMAT.md, as the extractor knows them and as the ontology declares them. */
class EventTypesTest {
  @Test
  void fortyTypesEachAnOntologyClassWithItsCameoCode() {
    Map<String, String> cameo = EventExtractor.cameoCodes();
    assertEquals(40, cameo.size());
    assertEquals("1721", cameo.get("Conflict.Censor"));
    assertEquals("173", cameo.get("Justice.Arrest-Jail"));
    Model onto = Ontology.ontology();
    for (Map.Entry<String, String> e : cameo.entrySet()) {
      Resource cls = onto.getResource(NG.eventClass(e.getKey()).getURI());
      assertTrue(onto.contains(cls, RDF.type, OWL.Class), cls.getURI());
      assertTrue(onto.contains(cls, RDFS.subClassOf, NG.Event), cls.getURI());
      assertEquals(e.getKey(), cls.getProperty(SKOS.notation).getString());
      assertEquals(e.getValue(), cls.getProperty(NG.cameoCode).getString());
    }
    assertEquals(NG.NS + "SentenceEvent", NG.eventClass("Justice.Sentence").getURI());
  }
}
