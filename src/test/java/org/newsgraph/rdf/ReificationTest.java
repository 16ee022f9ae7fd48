package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

/** RDF 1.2 reifiers and RDF 1.1 reification, both ways, and what the RDF 1.1 form cannot say. */
class ReificationTest {
  static Model turtle(String ttl) {
    Model m = ModelFactory.createDefaultModel();
    RDFParser.create().source(new StringReader("PREFIX : <http://ex/>\n" + ttl)).lang(Lang.TURTLE).parse(m);
    return m;
  }

  @Test
  void annotationSyntaxIsAReifierAndConvertsBothWays() {
    Model star = turtle(":a :p :b ~ :st {| :src :doc ; :conf 0.5 |} . :a :q \"v\"@en {| :src :doc2 |} .");
    Model classic = turtle("""
        :a :p :b . :a :q "v"@en .
        :st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> :a ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> :p ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> :b ; :src :doc ; :conf 0.5 .
        [ <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> :a ;
          <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> :q ;
          <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> "v"@en ; :src :doc2 ] .
        """);
    assertTrue(Reification.toClassic(star).isIsomorphicWith(classic));
    assertTrue(Reification.toReifiers(classic).isIsomorphicWith(star));
  }

  @Test
  void whatRdf11ReificationCannotSayIsRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Reification.toClassic(turtle(":c :says <<( :a :p :b )>> .")));
    assertEquals("RDF 1.1 reification (rdf:Statement, as JSON-LD and RDF/XML are written) cannot say this: the triple "
        + "term <<( <http://ex/a> <http://ex/p> <http://ex/b> )>> in <http://ex/c> <http://ex/says> <<( <http://ex/a> "
        + "<http://ex/p> <http://ex/b> )>> is not the object of rdf:reifies; write Turtle, TriG, N-Triples or N-Quads, "
        + "which carry triple terms", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Reification.toClassic(turtle(":a :p :b ~ :st . :c :q :d ~ :st .")));
    assertTrue(e.getMessage().contains("<http://ex/st> reifies two triples"), e.getMessage());
    // and RdfIO says so for JSON-LD, while Turtle writes it
    Dataset ds = DatasetFactory.create(turtle(":c :says <<( :a :p :b )>> ."));
    assertThrows(IllegalArgumentException.class, () -> RdfIO.write(ds, RdfFormat.JSONLD, new ByteArrayOutputStream(), null));
    ByteArrayOutputStream ttl = new ByteArrayOutputStream();
    RdfIO.write(ds, RdfFormat.TURTLE, ttl, null);
    assertTrue(ttl.toString(java.nio.charset.StandardCharsets.UTF_8).contains("<<("));
  }
}
