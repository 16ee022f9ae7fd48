package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading hostile RDF files: XXE, billion laughs, quadratic blow-up, remote JSON-LD contexts and
 * external DTDs (with a local HTTP server that counts the requests that reach it), and ordinary
 * files in every syntax, gzipped or not.
 */
class RdfInputTest {
  @TempDir Path dir;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      requests.incrementAndGet();
      byte[] body = ex.getRequestURI().getPath().endsWith(".dtd") ? "<!ENTITY leak \"LEAKED\">".getBytes()
          : "{\"@context\": {\"name\": \"http://example.org/name\"}}".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", ex.getRequestURI().getPath().endsWith(".dtd")
          ? "application/xml-dtd" : "application/ld+json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private Path write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return f;
  }

  private static Path resource(String name) {
    return Path.of("src/test/resources/load", name);
  }

  @Test
  void anXxeFileIsRefusedBeforeParsingAndNothingOfTheSecretComesOut() throws IOException {
    Path secret = write("secret.txt", "TOP-SECRET-7f3a");
    Path xxe = write("xxe.rdf", "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n  <!ENTITY xxe SYSTEM \""
        + secret.toUri() + "\">\n]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
        + " xmlns:ex=\"http://example.org/\">\n  <rdf:Description rdf:about=\"http://example.org/a\">"
        + "<ex:note>&xxe;</ex:note></rdf:Description>\n</rdf:RDF>\n");
    RdfInput.RdfInputException e = assertThrows(RdfInput.RdfInputException.class,
        () -> RdfInput.readDataset(xxe, Lang.RDFXML));
    assertTrue(e.getMessage().startsWith("refused: the DOCTYPE declares the external entity &xxe; (SYSTEM \""),
        e.getMessage());
    assertTrue(e.getMessage().contains("newsgraph never resolves external entities"), e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());

    Path remote = write("xxe-http.rdf", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY x PUBLIC \"-//X//EN\" \""
        + base + "/x.txt\"> ]>\n<r/>\n");
    assertTrue(assertThrows(RdfInput.RdfInputException.class, () -> RdfInput.readDataset(remote, Lang.RDFXML))
        .getMessage().contains("external entity &x;"));
    Path parameter = write("pe.rdf", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY % p SYSTEM \"" + base
        + "/x.dtd\"> %p; ]>\n<r/>\n");
    assertTrue(assertThrows(RdfInput.RdfInputException.class, () -> RdfInput.readDataset(parameter, Lang.RDFXML))
        .getMessage().contains("parameter entity"));
    assertEquals(0, requests.get(), "no request may reach the network");
  }

  @Test
  void theBillionLaughsFailFastWithAClearMessage() {
    long t0 = System.nanoTime();
    RdfInput.RdfInputException e = assertThrows(RdfInput.RdfInputException.class,
        () -> RdfInput.readDataset(resource("billion-laughs.rdf"), Lang.RDFXML));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("refused: the entity &lol9; would expand to 3,000,000,000 characters, more than newsgraph's limit"
        + " of 100,000 (nested entities, the \"billion laughs\" attack)", e.getMessage());
    // Without the guard, Jena's parser (Xerces 2.12 from CoreNLP, no expansion limit) ran for over
    // ten minutes and filled 6 GB of heap on this file.
    assertTrue(ms < 2_000, "took " + ms + " ms");
  }

  @Test
  void oneEntityReferencedOverAndOverIsStoppedWhileReading() throws IOException {
    StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY big \"")
        .append("x".repeat(50_000)).append("\"> ]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
            + " xmlns:ex=\"http://example.org/\"><rdf:Description rdf:about=\"http://example.org/a\"><ex:note>");
    body.append("&big;".repeat(400)).append("</ex:note></rdf:Description></rdf:RDF>\n");
    Path f = write("quadratic.rdf", body.toString());
    long t0 = System.nanoTime();
    RdfInput.RdfInputException e = assertThrows(RdfInput.RdfInputException.class,
        () -> RdfInput.readDataset(f, Lang.RDFXML));
    assertEquals("refused: the entity references in the document expand to more than 10,000,000 characters (one"
        + " entity referenced over and over)", e.getMessage());
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000);
  }

  @Test
  void selfReferenceAndUtf16AreRefused() throws IOException {
    Path loop = write("loop.rdf", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY a \"&b;\"> <!ENTITY b \"&a;\"> ]>\n<r/>\n");
    assertTrue(assertThrows(RdfInput.RdfInputException.class, () -> RdfInput.readDataset(loop, Lang.RDFXML))
        .getMessage().contains("refers to itself"));
    Path utf16 = dir.resolve("utf16.rdf");
    Files.writeString(utf16, "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>", StandardCharsets.UTF_16BE);
    assertEquals("refused: RDF/XML in UTF-16 or UTF-32 is not read; convert the file to UTF-8",
        assertThrows(RdfInput.RdfInputException.class, () -> RdfInput.readDataset(utf16, Lang.RDFXML)).getMessage());
  }

  @Test
  void ordinaryRdfXmlWithNamespaceEntitiesAndAnExternalDtdReads() throws IOException {
    Model m = RdfInput.readModel(resource("people.rdf"), Lang.RDFXML);
    assertEquals(3, m.size());
    assertTrue(m.contains(m.createResource("http://example.org/people/frank"),
        m.createProperty("http://xmlns.com/foaf/0.1/knows"), m.createResource("http://example.org/people/erin")));
    // a DOCTYPE with an external subset (as Dublin Core RDF/XML has) is read; the DTD is never fetched
    Path dc = write("dc.rdf", "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF PUBLIC \"-//DUBLIN CORE//DCMES DTD//EN\" \""
        + base + "/dcmes.dtd\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><rdf:Description rdf:about=\"http://example.org/doc\">"
        + "<dc:title>T</dc:title></rdf:Description></rdf:RDF>\n");
    assertEquals(1, RdfInput.readModel(dc, Lang.RDFXML).size());
    assertEquals(0, requests.get(), "the external DTD was fetched");
  }

  @Test
  void jsonLdNeverFetchesARemoteContextWhereJenaAloneWould() throws IOException {
    Path f = write("remote.jsonld", "{\"@context\": \"" + base + "/context.jsonld\","
        + " \"@id\": \"http://example.org/a\", \"name\": \"x\"}");
    RdfInput.RdfInputException e = assertThrows(RdfInput.RdfInputException.class,
        () -> RdfInput.readDataset(f, RdfInput.langOf(f, null)));
    assertEquals("refused: the JSON-LD refers to the remote document <" + base + "/context.jsonld> (a @context or"
        + " @import); newsgraph never fetches remote or file contexts: put the context inline in the file",
        e.getMessage());
    Path imports = write("import.jsonld", "{\"@context\": {\"@version\": 1.1, \"@import\": \"" + base
        + "/other.jsonld\"}, \"@id\": \"http://example.org/a\", \"http://example.org/p\": \"x\"}");
    assertThrows(RdfInput.RdfInputException.class, () -> RdfInput.readDataset(imports, Lang.JSONLD));
    Path local = write("file-context.jsonld", "{\"@context\": \"" + dir.resolve("secret.json").toUri()
        + "\", \"@id\": \"http://example.org/a\"}");
    assertThrows(RdfInput.RdfInputException.class, () -> RdfInput.readDataset(local, Lang.JSONLD));
    assertEquals(0, requests.get(), "a request reached the server");

    // what the guard prevents: Jena's default reader fetches the context
    RDFDataMgr.loadModel(f.toString());
    assertEquals(1, requests.get(), "plain Jena did not fetch the context (then this test proves nothing)");
  }

  @Test
  void inlineJsonLdTurtleTrigAndGzipRead() throws IOException {
    assertEquals(5, RdfInput.readModel(resource("people.jsonld"), RdfInput.langOf(resource("people.jsonld"), null)).size());
    assertEquals(12, RdfInput.readModel(resource("people.ttl"), RdfInput.langOf(resource("people.ttl"), null)).size());
    Dataset trig = RdfInput.readDataset(resource("two-articles.trig"), Lang.TRIG);
    java.util.List<String> names = new java.util.ArrayList<>();
    trig.listNames().forEachRemaining(names::add);
    assertEquals(2, names.size());
    Path gz = dir.resolve("people.ttl.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(Files.readAllBytes(resource("people.ttl")));
    }
    assertEquals(Lang.TURTLE, RdfInput.langOf(gz, null));
    assertEquals(12, RdfInput.readModel(gz, Lang.TURTLE).size());
    Path noExt = dir.resolve("data");
    Files.copy(resource("people.ttl"), noExt);
    assertEquals(Lang.TURTLE, RdfInput.langOf(noExt, "turtle"));
    assertEquals(Lang.NTRIPLES, RdfInput.langOf(noExt, "nt"));
    assertEquals(Lang.RDFXML, RdfInput.langOf(noExt, "RDF/XML"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RdfInput.langOf(noExt, null)).getMessage()
        .contains("-f/--format"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RdfInput.langOf(noExt, "yaml")).getMessage()
        .startsWith("unknown RDF format 'yaml'"));
  }

  @Test
  void aSyntaxErrorSaysWhere() throws IOException {
    Path f = write("broken.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"open .\n");
    RdfInput.RdfInputException e = assertThrows(RdfInput.RdfInputException.class,
        () -> RdfInput.readDataset(f, Lang.TURTLE));
    assertEquals("not valid Turtle: [line: 4, col: 1 ] Broken token (newline in string)", e.getMessage());
  }
}
