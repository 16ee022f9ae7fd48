package org.newsgraph.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

class RdfNameMappingTest {
  @Test
  void localNameAndNamespaceSplitTheIri() {
    assertEquals("Person", RdfGraphLoader.localName("http://schema.org/Person"));
    assertEquals("http://schema.org/", RdfGraphLoader.namespace("http://schema.org/Person"));
    assertEquals(
        "type", RdfGraphLoader.localName("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"));
    assertEquals("Thing", RdfGraphLoader.localName("urn:x:Thing"));
    assertEquals("a/", RdfGraphLoader.localName("http://x/a/"));
    assertEquals("http://x/", RdfGraphLoader.namespace("http://x/a/"));
    assertEquals("plain", RdfGraphLoader.localName("plain"));
    assertEquals("", RdfGraphLoader.namespace("plain"));
  }

  @Test
  void relationshipTypesAreUpperSnakeCase() {
    assertEquals(
        "EMPLOYEE_OR_MEMBER_OF",
        RdfGraphLoader.relationshipType("http://schema.org/employeeOrMemberOf"));
    assertEquals("FOUNDER_OF", RdfGraphLoader.relationshipType("http://ex.org/founder_of"));
    assertEquals("NAME", RdfGraphLoader.relationshipType("http://schema.org/name"));
    assertEquals(
        "SAME_AS", RdfGraphLoader.relationshipType("http://www.w3.org/2002/07/owl#sameAs"));
    assertEquals("HTML_VERSION", RdfGraphLoader.relationshipType("http://ex.org/HTMLVersion"));
    assertEquals("ISSN2_CODE", RdfGraphLoader.relationshipType("http://ex.org/issn2Code"));
    assertEquals("P_60X", RdfGraphLoader.relationshipType("http://ex.org/p%60x"));
    assertEquals("_2ND_AUTHOR", RdfGraphLoader.relationshipType("http://ex.org/2ndAuthor"));
    assertEquals("A_B_C", RdfGraphLoader.relationshipType("http://ex.org/a-b.c"));
  }

  @Test
  void labelsAndKeysKeepCaseAndOnlySafeCharacters() {
    assertEquals("NewsArticle", RdfGraphLoader.labelName("http://schema.org/NewsArticle"));
    assertEquals("caf__", RdfGraphLoader.labelName("http://ex.org/caf\u00e9\u0301"));
    assertEquals("_Namespace_", RdfGraphLoader.labelName("http://ex.org/_Namespace"));
    assertEquals("birthDate", RdfGraphLoader.propertyKey("http://schema.org/birthDate"));
    assertEquals("uri_", RdfGraphLoader.propertyKey("http://ex.org/uri"));
    assertEquals("a_b_", RdfGraphLoader.propertyKey("http://ex.org/a`b`"));
  }

  @Test
  void literalsConvertByDatatype() {
    assertEquals(LocalDate.of(2020, 2, 29), lit("2020-02-29", XSDDatatype.XSDdate));
    assertEquals(LocalDate.of(2020, 2, 29), lit("2020-02-29Z", XSDDatatype.XSDdate));
    assertEquals(
        ZonedDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
        lit("2020-01-02T03:04:05+02:00", XSDDatatype.XSDdateTime));
    assertEquals(
        LocalDateTime.of(2020, 1, 2, 3, 4, 5), lit("2020-01-02T03:04:05", XSDDatatype.XSDdateTime));
    assertEquals(42L, lit("+42", XSDDatatype.XSDint));
    assertEquals(-7L, lit("-7", XSDDatatype.XSDnonPositiveInteger));
    assertEquals(0.25, lit("0.25", XSDDatatype.XSDdecimal));
    assertEquals(0.1, lit("0.1", XSDDatatype.XSDfloat));
    assertEquals(Double.POSITIVE_INFINITY, lit("INF", XSDDatatype.XSDdouble));
    assertEquals(true, lit("1", XSDDatatype.XSDboolean));
    assertEquals(false, lit("false", XSDDatatype.XSDboolean));
    assertEquals("maybe", lit("maybe", XSDDatatype.XSDboolean));
    assertEquals("P1D", lit("P1D", XSDDatatype.XSDduration));
    assertEquals("chat", RdfGraphLoader.literalValue(NodeFactory.createLiteralLang("chat", "fr")));
    assertEquals("plain", RdfGraphLoader.literalValue(NodeFactory.createLiteralString("plain")));
  }

  private static Object lit(String lex, XSDDatatype type) {
    return RdfGraphLoader.literalValue(NodeFactory.createLiteralDT(lex, type));
  }
}
