package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;

/**
 * The RDF -> property-graph mapping without Neo4j: the rows of nodes and relationships of a small
 * model, with newsgraph's provenance on the reified relationship.
 */
class PropertyGraphMappingTest {
  private static final String EX = "https://example.org/";
  private static final String TTL = """
      @prefix ex: <https://example.org/> .
      @prefix schema: <https://schema.org/> .
      @prefix ng: <https://w3id.org/newsgraph/ontology#> .
      @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      ex:alice a schema:Person ; schema:birthDate "1980-05-01"^^xsd:date ; ex:age 42 ; schema:worksFor ex:acme .
      ex:acme a schema:Organization ; schema:legalName "ACME"@en .
      ex:st1 rdf:subject ex:alice ; rdf:predicate schema:worksFor ; rdf:object ex:acme ;
        ng:extractor "pattern:works-for" ; ng:evidence ex:sent1 .
      ex:sent1 ng:anchorOf "Alice works for ACME." ; ng:beginIndex 0 ; ng:endIndex 21 .
      """;

  @Test
  void rowsOfASmallModel() {
    Model m = ModelFactory.createDefaultModel();
    m.read(new StringReader(TTL), null, "TTL");
    PropertyGraphMapping.Rows rows = PropertyGraphMapping.of(m);

    Map<String, PropertyGraphMapping.NodeRow> nodes = new TreeMap<>();
    rows.nodes().forEach(n -> nodes.put(n.uri(), n));
    assertEquals(List.of(EX + "acme", EX + "alice", EX + "sent1", EX + "st1", "https://schema.org/worksFor"),
        List.copyOf(nodes.keySet()));
    assertEquals(new PropertyGraphMapping.NodeRow(EX + "alice", List.of("Person"),
        Map.of("birthDate", LocalDate.of(1980, 5, 1), "age", 42L), List.of()), nodes.get(EX + "alice"));
    assertEquals(new PropertyGraphMapping.NodeRow(EX + "acme", List.of("Organization"),
        Map.of("legalName", "ACME", "legalName" + PropertyValues.LANG, "en"), List.of()), nodes.get(EX + "acme"));
    assertEquals(Map.of("anchorOf", "Alice works for ACME.", "beginIndex", 0L, "endIndex", 21L),
        nodes.get(EX + "sent1").properties());
    assertEquals(Map.of("extractor", "pattern:works-for"), nodes.get(EX + "st1").properties());

    Map<String, PropertyGraphMapping.RelationshipRow> rels = new TreeMap<>();
    rows.relationships().forEach(r -> rels.put(r.type() + " " + r.start() + " " + r.end(), r));
    assertEquals(List.of("EVIDENCE " + EX + "st1 " + EX + "sent1", "OBJECT " + EX + "st1 " + EX + "acme",
        "PREDICATE " + EX + "st1 https://schema.org/worksFor", "SUBJECT " + EX + "st1 " + EX + "alice",
        "WORKS_FOR " + EX + "alice " + EX + "acme"), List.copyOf(rels.keySet()));
    // newsgraph's provenance: the reified statement's properties and its evidence sentence
    assertEquals(new TreeMap<>(Map.of("extractor", "pattern:works-for", "evidence", EX + "sent1",
        "evidenceText", "Alice works for ACME.", "evidenceBegin", 0L, "evidenceEnd", 21L,
        "statement", EX + "st1", "statementCount", 1L)),
        rels.get("WORKS_FOR " + EX + "alice " + EX + "acme").properties());
    assertEquals(Map.of(), rels.get("SUBJECT " + EX + "st1 " + EX + "alice").properties());
  }
}
