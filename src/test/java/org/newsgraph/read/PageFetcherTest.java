package org.newsgraph.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching against a web server on the loopback address: what is sent, followed, refused and recorded. */
class PageFetcherTest {
  LocalWeb web;
  /** Fast options for tests: 2 s per request, 10 KiB cap, no pause. */
  final PageFetcher.Options fast = PageFetcher.Options.defaults().withTimeout(Duration.ofSeconds(2))
      .withMaxBytes(10 * 1024).withPerHostDelay(Duration.ZERO);

  @BeforeEach
  void start() throws Exception {
    web = new LocalWeb();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void aPageComesWithItsFinalUrlFetchTimeAndAUserAgentNamingNewsgraph() throws Exception {
    web.html("/story", "<html><body><p>Hello</p></body></html>");
    web.at("/old", LocalWeb.Answer.redirect(301, "/moved"));
    web.at("/moved", LocalWeb.Answer.redirect(302, web.url("/story")));
    Instant before = Instant.now();
    PageFetcher.Page page = new PageFetcher(fast).fetch(web.url("/old"));
    assertEquals(web.url("/old"), page.requested().toString());
    assertEquals(web.url("/story"), page.finalUrl().toString(), "two redirects followed, a relative one too");
    assertTrue(!page.retrievedAt().isBefore(before) && !page.retrievedAt().isAfter(Instant.now()));
    assertEquals("text/html", page.mediaType());
    assertTrue(page.text().contains("<p>Hello</p>"));
    assertEquals(3, web.requests.size());
    for (LocalWeb.Request r : web.requests) {
      assertTrue(r.userAgent().startsWith("newsgraph/") && r.userAgent().contains("w3id.org/newsgraph"), r.userAgent());
    }
  }

  @Test
  void onlyHttpAndHttpsAreFetchedAndFollowed() {
    PageFetcher f = new PageFetcher(fast);
    web.at("/to-file", LocalWeb.Answer.redirect(302, "file:///etc/passwd"));
    web.at("/to-ftp", LocalWeb.Answer.redirect(301, "ftp://127.0.0.1/x"));
    assertTrue(assertThrows(PageFetcher.FetchException.class, () -> f.fetch("file:///etc/passwd")).getMessage()
        .contains("only http and https"));
    assertTrue(assertThrows(PageFetcher.FetchException.class, () -> f.fetch("ftp://127.0.0.1/x")).getMessage()
        .contains("only http and https"));
    assertTrue(assertThrows(PageFetcher.FetchException.class, () -> f.fetch(web.url("/to-file"))).getMessage()
        .contains("not followed"));
    assertTrue(assertThrows(PageFetcher.FetchException.class, () -> f.fetch(web.url("/to-ftp"))).getMessage()
        .contains("not followed"));
    web.at("/loop", LocalWeb.Answer.redirect(302, "/loop"));
    assertTrue(assertThrows(PageFetcher.FetchException.class, () -> f.fetch(web.url("/loop"))).getMessage()
        .contains("more than 5 redirects"));
    assertEquals(6, web.hits("/loop"));
  }

  @Test
  void errorsTimeoutsAndOversizedBodiesAreRefusedWithTheReason() throws Exception {
    PageFetcher f = new PageFetcher(fast);
    assertEquals("HTTP 404", assertThrows(PageFetcher.FetchException.class, () -> f.fetch(web.url("/none"))).getMessage());
    web.at("/slow", new LocalWeb.Answer(200, "text/html", "<p>late</p>".getBytes(StandardCharsets.UTF_8), Map.of(), 5000));
    long t0 = System.nanoTime();
    String slow = assertThrows(PageFetcher.FetchException.class, () -> f.fetch(web.url("/slow"))).getMessage();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(slow.contains("within 2 s"), slow);
    assertTrue(ms < 4500, "gave up after the time limit, not after the server: " + ms + " ms");
    web.at("/big", new LocalWeb.Answer(200, "text/html", new byte[20 * 1024], Map.of(), 0));
    assertTrue(assertThrows(PageFetcher.FetchException.class, () -> f.fetch(web.url("/big"))).getMessage()
        .contains("larger than 10240 bytes"));
    byte[] exactly = new byte[10 * 1024];
    web.at("/fits", new LocalWeb.Answer(200, "application/octet-stream", exactly, Map.of(), 0));
    assertArrayEquals(exactly, f.fetch(web.url("/fits")).body());
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    int port = closed;
    assertTrue(assertThrows(PageFetcher.FetchException.class, () -> f.fetch("http://127.0.0.1:" + port + "/")).getMessage()
        .contains("cannot connect"));
  }

  @Test
  void requestsToOneHostWaitForThePauseAndOtherHostsDoNot() throws Exception {
    web.html("/a", "<p>a</p>").html("/b", "<p>b</p>").html("/c", "<p>c</p>");
    PageFetcher f = new PageFetcher(fast.withPerHostDelay(Duration.ofMillis(400)));
    f.fetch(web.url("/a"));
    f.fetch(web.url("/b"));
    f.fetch(web.url("/c"));
    long gap1 = (web.requests.get(1).nanos() - web.requests.get(0).nanos()) / 1_000_000;
    long gap2 = (web.requests.get(2).nanos() - web.requests.get(1).nanos()) / 1_000_000;
    assertTrue(gap1 >= 390 && gap2 >= 390, "pauses of " + gap1 + " and " + gap2 + " ms");
    // localhost is another host than 127.0.0.1 for the pause: no wait
    long t0 = System.nanoTime();
    f.fetch(web.url("/a").replace("127.0.0.1", "localhost"));
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 390, "another host does not wait");
  }

  @Test
  void textIsDecodedByTheDeclaredCharset() throws Exception {
    byte[] latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9</p></body></html>"
        .getBytes(StandardCharsets.ISO_8859_1);
    web.at("/latin1", new LocalWeb.Answer(200, "text/html", latin1, Map.of(), 0));
    web.at("/header", new LocalWeb.Answer(200, "text/html; charset=ISO-8859-1", latin1, Map.of(), 0));
    PageFetcher f = new PageFetcher(fast);
    assertTrue(f.fetch(web.url("/latin1")).text().contains("Caf\u00e9"));
    assertTrue(f.fetch(web.url("/header")).text().contains("Caf\u00e9"));
  }
}
