package org.newsgraph.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.viz.ActorNetwork.Link;
import org.newsgraph.viz.ActorNetwork.LinkKind;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * BROWSER TEST: the network page in a real, headless Chromium driven by Selenium through Debian's
 * chromedriver. It is skipped only where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver}
 * is missing on a developer's machine; {@code .ci/run} installs Debian's chromium and
 * chromium-driver, so in CI it always runs. Selenium Manager is never asked to download anything:
 * both paths are given explicitly.
 *
 * <p>On the seed's RDF it checks that every node is drawn (pixels of each kind's colour in a
 * screenshot), that the event links between two actors are drawn as one edge listing all of them,
 * that no two drawn labels (node or link) overlap at the zoom the page opens with, that every event
 * edge shows its events' types and dates when pointed at (the real pointer on one of them is
 * saved as {@code target/viz/seed-page-event-hovered.png}), that
 * clicking a link shows its evidence sentence with the article's title and date, that clicking a
 * node lists its aliases, and that the search box finds a node by alias. The screenshot is saved as
 * {@code target/viz/seed-page.png} (the picture of docs/network.md, {@code docs/network-seed.png}, is a copy).
 * A synthetic page of 500 actors is opened too and timed. On the RDF of 28 real articles (213
 * actors, 142 links, 133 actors without a link) it measures the names' size at the opening zoom and
 * the share of the canvas the linked actors cover, checks that the actors without links are listed
 * and found instead of drawn, and that "Label every event line" names each event once, not on each
 * of its links.
 */
@Tag("browser")
class NetworkPageBrowserTest {
  @TempDir static Path dir;
  static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** Writes the page of a network and opens it; returns milliseconds until the page script is done. */
  static long open(ActorNetwork network, String name) throws Exception {
    Path page = dir.resolve(name + ".html");
    try (OutputStream out = new FileOutputStream(page.toFile())) {
      NetworkFormat.HTML.write(network, out);
    }
    long t0 = System.nanoTime();
    browser.get(page.toUri().toString());
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> Boolean.TRUE.equals(js("return !!(window.newsgraph && window.newsgraph.ready)")));
    return (System.nanoTime() - t0) / 1_000_000;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  static double d(Map<String, Object> m, String k) {
    return ((Number) m.get(k)).doubleValue();
  }

  static boolean intersect(Map<String, Object> a, Map<String, Object> b) {
    return d(a, "x1") < d(b, "x2") && d(b, "x1") < d(a, "x2") && d(a, "y1") < d(b, "y2") && d(b, "y1") < d(a, "y2");
  }

  @Test
  void theSeedIsDrawnReadablyAndItsEdgesShowTheirEvidence() throws Exception {
    ActorNetwork seed = NetworkLayout.apply(VizFixtures.network(VizFixtures.SEED, NetworkFilter.ALL));
    long ms = open(seed, "seed");
    System.out.printf("seed page ready in %d ms%n", ms);

    // the actors with links are drawn, the others listed beside the graph
    long linked = seed.actors().stream().filter(a -> a.degree() > 0).count();
    assertEquals(linked, ((Number) js("return newsgraph.cy.nodes().length")).intValue());
    assertEquals(seed.actors().size() - linked, ((Number) js("return newsgraph.unlinked.length")).intValue());
    // one drawn edge per relation link and one per pair of actors sharing events, whatever their number
    int relations = seed.countLinksByKind().getOrDefault(LinkKind.RELATION, 0);
    int events = seed.countLinksByKind().getOrDefault(LinkKind.CO_PARTICIPATION, 0);
    Set<String> eventPairs = new HashSet<>();
    for (Link l : seed.links()) {
      if (l.kind() == LinkKind.CO_PARTICIPATION) {
        eventPairs.add(l.source().compareTo(l.target()) < 0 ? l.source() + " " + l.target() : l.target() + " " + l.source());
      }
    }
    System.out.printf("seed: %d actors, %d relations, %d event links between %d pairs%n", seed.actors().size(),
        relations, events, eventPairs.size());
    assertTrue(events > eventPairs.size(), "the seed has actors that share more than one event");
    assertEquals(relations + eventPairs.size(), CytoscapeJson.drawnEdges(seed));
    assertEquals(relations + eventPairs.size(), ((Number) js("return newsgraph.cy.edges().length")).intValue());
    assertEquals(events, ((Number) js("var c = 0; newsgraph.cy.edges(\"[kind = 'event']\").forEach(function (e) {"
        + " c += e.data('events').length; }); return c;")).intValue(), "every event link is in one drawn edge");
    assertEquals(seed.actors().size() + " actors, " + seed.links().size() + " links (" + relations + " relations, "
        + events + " shared events); " + (seed.actors().size() - linked) + " actors have no link and are listed, not drawn",
        browser.findElement(By.id("summary")).getText());
    // every node lies inside the viewport, and labels are big enough to be drawn at this zoom
    assertEquals(0L, js("var e = newsgraph.cy.extent(); return newsgraph.cy.nodes().filter(function (n) {"
        + " var p = n.position(); return p.x < e.x1 || p.x > e.x2 || p.y < e.y1 || p.y > e.y2; }).length"));
    double zoom = ((Number) js("return newsgraph.cy.zoom()")).doubleValue();
    assertTrue(zoom * NetworkLayout.EDGE_FONT_PX >= 6, "labels are shown at the default zoom " + zoom);

    // no label overlaps another label or a node, as the browser measures them
    List<Map<String, Object>> nodes = list(js("return newsgraph.cy.nodes().map(function (n) {"
        + " var b = n.boundingBox({includeLabels: true, includeOverlays: false});"
        + " return {name: n.data('name'), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2}; })"));
    List<Map<String, Object>> edgeLabels = list(js("return newsgraph.cy.edges().map(function (e) {"
        + " var b = e.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false});"
        + " return {name: e.data('label'), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2}; })"));
    List<String> overlaps = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        if (intersect(nodes.get(i), nodes.get(j))) {
          overlaps.add(nodes.get(i).get("name") + " / " + nodes.get(j).get("name"));
        }
      }
      for (Map<String, Object> e : edgeLabels) {
        if (intersect(nodes.get(i), e)) {
          overlaps.add(nodes.get(i).get("name") + " / link label " + e.get("name"));
        }
      }
    }
    for (int i = 0; i < edgeLabels.size(); i++) {
      for (int j = i + 1; j < edgeLabels.size(); j++) {
        if (intersect(edgeLabels.get(i), edgeLabels.get(j))) {
          overlaps.add("link labels " + edgeLabels.get(i).get("name") + " / " + edgeLabels.get(j).get("name"));
        }
      }
    }
    assertEquals(List.of(), overlaps);
    // what that check measured: node names and relation labels are drawn, event labels wait for the pointer
    assertEquals(0L, js("return newsgraph.cy.edges(\"[kind = 'event']\").filter(function (e) {"
        + " return e.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}).w > 0; }).length"));
    assertEquals(relations, ((Number) js("return newsgraph.cy.edges(\"[kind = 'relation']\").filter(function (e) {"
        + " return e.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}).w > 0; }).length"))
        .intValue(), "every relation label is drawn");
    // pointing at an event edge labels it with the type and date of each of its events, and the label
    // goes when the pointer leaves (measured after the browser has drawn the change)
    String measure = "var done = arguments[arguments.length - 1]; var events = newsgraph.cy.edges(\"[kind = 'event']\");"
        + " events.forEach(function (e) { e.emit('%s'); });"
        + " requestAnimationFrame(function () { requestAnimationFrame(function () { done(events.map(function (e) {"
        + " var b = e.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true});"
        + " return {label: e.data('label'), shown: e.style('label'), w: b.w,"
        + " lines: e.data('events').map(function (x) { return x.label; }),"
        + " typeAndDate: e.data('events').map(function (x) { return x.interaction + (x.date ? ' ' + x.date : ''); })}; })); }); });";
    List<Map<String, Object>> hovered = list(((JavascriptExecutor) browser).executeAsyncScript(String.format(measure, "mouseover")));
    assertEquals(eventPairs.size(), hovered.size());
    for (Map<String, Object> h : hovered) {
      assertEquals(h.get("label"), h.get("shown"));
      assertTrue(d(h, "w") > 0, "labelled while pointed at: " + h);
      assertEquals(h.get("typeAndDate"), h.get("lines"), "each event's label is its type and date");
      for (Object line : (List<?>) h.get("lines")) {
        assertTrue(((String) h.get("label")).contains((String) line), line + " is on " + h.get("label"));
      }
    }
    for (Map<String, Object> h : list(((JavascriptExecutor) browser).executeAsyncScript(String.format(measure, "mouseout")))) {
      assertTrue(d(h, "w") == 0 && "".equals(h.get("shown")), "no label once the pointer left: " + h);
    }

    // the screenshot shows every kind's colour: the nodes are really drawn
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Path shot = Path.of("target", "viz", "seed-page.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    for (NodeKind kind : List.of(NodeKind.PERSON, NodeKind.ORGANIZATION, NodeKind.GPE, NodeKind.LOCATION)) {
      int[] rgb = kind.rgb();
      int hits = 0;
      for (int y = 0; y < image.getHeight(); y += 2) {
        for (int x = 0; x < image.getWidth() * 3 / 4; x += 2) {
          int p = image.getRGB(x, y);
          if (Math.abs(((p >> 16) & 0xff) - rgb[0]) < 8 && Math.abs(((p >> 8) & 0xff) - rgb[1]) < 8 && Math.abs((p & 0xff) - rgb[2]) < 8) {
            hits++;
          }
        }
      }
      assertTrue(hits > 20, kind + " nodes are drawn: " + hits + " pixels");
    }

    // a real click on the middle of the link Jin Xinjiang -> Zoom shows its sentence and article
    WebElement canvas = browser.findElement(By.id("cy"));
    Map<String, Object> mid = list(js("var e = newsgraph.cy.edges().filter(function (e) {"
        + " return e.source().data('name') === 'Jin Xinjiang' && e.target().data('name') === 'Zoom'; });"
        + " var m = e.renderedMidpoint(); return [{x: m.x, y: m.y, n: e.length}];")).get(0);
    assertEquals(1L, mid.get("n"));
    Map<String, Object> size = list(js("var r = document.getElementById('cy').getBoundingClientRect();"
        + " return [{w: r.width, h: r.height}];")).get(0);
    new Actions(browser).moveToElement(canvas, (int) Math.round(d(mid, "x") - d(size, "w") / 2),
        (int) Math.round(d(mid, "y") - d(size, "h") / 2)).click().perform();
    WebElement details = browser.findElement(By.id("details"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> details.getText().contains("employee or member of"));
    String text = details.getText();
    assertTrue(text.contains("Jin was the company's liaison with Chinese law enforcement and intelligence officials, prosecutors said."), text);
    assertTrue(text.contains("China-Based Zoom Executive Charged With Disrupting Meetings About Tiananmen Square Massacre"), text);
    Files.write(Path.of("target", "viz", "seed-page-edge-clicked.png"), browser.getScreenshotAs(OutputType.BYTES));

    // the real pointer on the dashed line Jin Xinjiang - Zoom shows the types and dates of their events
    Map<String, Object> dashed = list(js("var e = newsgraph.cy.edges(\"[kind = 'event']\").filter(function (e) {"
        + " var n = [e.source().data('name'), e.target().data('name')].sort().join('|'); return n === 'Jin Xinjiang|Zoom'; });"
        + " var m = e.renderedMidpoint(); return [{x: m.x, y: m.y, n: e.length, count: e.data('count')}];")).get(0);
    assertEquals(1L, dashed.get("n"), "one dashed line for all the events of Jin Xinjiang and Zoom");
    assertTrue(d(dashed, "count") > 1, "they share several events: " + dashed);
    new Actions(browser).moveToElement(canvas, (int) Math.round(d(dashed, "x") - d(size, "w") / 2),
        (int) Math.round(d(dashed, "y") - d(size, "h") / 2)).perform();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> Boolean.TRUE.equals(js(
        "return newsgraph.cy.edges('.labelled').length === 1 && newsgraph.cy.edges('.labelled').style('label').indexOf('Contact.Demand 2020-06') >= 0")));
    Files.write(Path.of("target", "viz", "seed-page-event-hovered.png"), browser.getScreenshotAs(OutputType.BYTES));

    // search by alias, case ignored, selects the node and lists its aliases and no events
    WebElement search = browser.findElement(By.id("search"));
    search.clear();
    search.sendKeys("julien jin", Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> details.getText().startsWith("Jin Xinjiang"));
    assertTrue(details.getText().contains("Julien Jin"), details.getText());
    assertEquals("Jin Xinjiang", js("return newsgraph.cy.nodes(':selected').data('name')"));
    search.clear();
    search.sendKeys("nobody at all", Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(x -> browser.findElement(By.id("search-status")).getText().contains("No actor"));
  }

  /** Share of the canvas that the drawn box of the linked actors (names included) covers at the current view. */
  static double linkedShare() {
    return ((Number) js("var cy = newsgraph.cy; var b = cy.nodes('[degree > 0]').renderedBoundingBox({includeLabels: true});"
        + " var w = cy.width(), h = cy.height();"
        + " var x = Math.max(0, Math.min(w, b.x2) - Math.max(0, b.x1)), y = Math.max(0, Math.min(h, b.y2) - Math.max(0, b.y1));"
        + " return x * y / (w * h);")).doubleValue();
  }

  @Test
  void twentyEightArticlesOpenOnTheirLinkedActorsWithReadableNamesAndTheOthersListed() throws Exception {
    // 28 real articles: 213 actors, 142 links, 133 actors without a link; one event of 8 actors has 28 links
    ActorNetwork corpus = NetworkLayout.apply(VizFixtures.network(VizFixtures.CORPUS, NetworkFilter.ALL));
    assertEquals(213, corpus.actors().size());
    assertEquals(142, corpus.links().size());
    long linked = corpus.actors().stream().filter(a -> a.degree() > 0).count();
    assertEquals(80, linked);
    long ms = open(corpus, "corpus28");
    double zoom = ((Number) js("return newsgraph.cy.zoom()")).doubleValue();
    double labelPx = zoom * NetworkLayout.NODE_FONT_PX;
    double share = linkedShare();
    long inView = (Long) js("var e = newsgraph.cy.extent(); return newsgraph.cy.nodes().filter(function (n) {"
        + " var p = n.position(); return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2; }).length");
    System.out.printf("corpus28 page: ready in %d ms; zoom %.2f, node labels %.1f px; linked actors cover %.0f%% of the canvas;"
        + " %d of %d linked actors in view%n", ms, zoom, labelPx, share * 100, inView, linked);
    Files.createDirectories(Path.of("target", "viz"));
    Files.write(Path.of("target", "viz", "corpus28-page.png"), browser.getScreenshotAs(OutputType.BYTES));

    // only the linked actors are drawn; the others are listed beside the graph
    assertEquals(linked, ((Number) js("return newsgraph.cy.nodes().length")).intValue());
    assertEquals(213 - linked, ((Number) js("return document.querySelectorAll('#unlinked li').length")).intValue());
    assertEquals("Without links (133)", browser.findElement(By.id("unlinked-heading")).getAttribute("textContent"));
    assertTrue(browser.findElement(By.id("summary")).getText().startsWith("213 actors, 142 links (44 relations, 98 shared events); 133 actors"),
        browser.findElement(By.id("summary")).getText());
    // names readable at the opening zoom, and the linked actors fill the canvas instead of a grid of unlinked ones
    assertTrue(labelPx >= 10, "node labels at the opening zoom: " + labelPx + " px");
    assertTrue(share >= 0.6, "linked actors cover " + share + " of the canvas");
    assertTrue(inView >= 20, inView + " linked actors in the opening view");

    // with every event line labelled, an event of many actors is named once, not on each of its lines
    browser.findElement(By.id("event-labels")).click();
    List<Map<String, Object>> shown = list(((JavascriptExecutor) browser).executeAsyncScript(
        "var done = arguments[arguments.length - 1]; requestAnimationFrame(function () { requestAnimationFrame(function () {"
        + " done(newsgraph.cy.edges(\"[kind = 'event']\").map(function (e) { return {shown: e.style('label'),"
        + " w: e.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}).w}; })); }); });"));
    Map<String, Integer> times = new java.util.HashMap<>();
    for (Map<String, Object> e : shown) {
      for (String line : ((String) e.get("shown")).split("\n")) {
        if (!line.isEmpty()) {
          times.merge(line.replaceAll(" \u00d7\\d+$", ""), 1, Integer::sum);
        }
      }
    }
    Map<String, Long> events = corpus.links().stream().filter(l -> l.kind() == LinkKind.CO_PARTICIPATION)
        .collect(java.util.stream.Collectors.groupingBy(Link::label, java.util.stream.Collectors.mapping(Link::eventIri,
            java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toSet(), x -> (long) x.size()))));
    int most = times.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    System.out.printf("corpus28 page, every event line labelled: %d labels drawn for %d events; a label drawn at most %d times"
        + " (Justice.Charge-Indict 2020 has %d links)%n", times.values().stream().mapToInt(Integer::intValue).sum(),
        corpus.links().stream().map(Link::eventIri).filter(java.util.Objects::nonNull).distinct().count(), most,
        corpus.links().stream().filter(l -> "Justice.Charge-Indict 2020".equals(l.label())).count());
    times.forEach((label, n) -> assertTrue(n <= events.get(label), label + " is drawn " + n + " times for " + events.get(label)
        + " event(s)"));
    browser.findElement(By.id("event-labels")).click();

    // an actor without links is found by the search and by the list's filter, and shows its details
    String lonely = corpus.actors().stream().filter(a -> a.degree() == 0).map(ActorNetwork.Actor::name)
        .filter(n -> n.length() > 6).findFirst().orElseThrow();
    WebElement search = browser.findElement(By.id("search"));
    search.clear();
    search.sendKeys(lonely.toLowerCase(java.util.Locale.ROOT), Keys.ENTER);
    WebElement details = browser.findElement(By.id("details"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(x -> details.getText().startsWith(lonely));
    assertTrue(browser.findElement(By.id("search-status")).getText().contains("not drawn"));
    assertEquals(lonely, browser.findElement(By.cssSelector("#unlinked li.hit")).getText());
    WebElement filter = browser.findElement(By.id("unlinked-filter"));
    filter.sendKeys(lonely);
    long visible = (Long) js("return Array.prototype.filter.call(document.querySelectorAll('#unlinked li'),"
        + " function (li) { return li.style.display !== 'none'; }).length");
    assertTrue(visible >= 1 && visible < 133, visible + " listed after filtering for " + lonely);
  }

  @Test
  void eventsShowOnNodesAndAsDashedLinksWithTheirSentence() throws Exception {
    ActorNetwork small = NetworkLayout.apply(VizFixtures.network(VizFixtures.SMALL, NetworkFilter.ALL));
    open(small, "small");
    js("newsgraph.cy.nodes().filter(function (n) { return n.data('name') === 'Autorité des marchés financiers'; }).emit('tap')");
    String text = browser.findElement(By.id("details")).getText();
    assertTrue(text.contains("AMF") && text.contains("Justice.Sue") && text.contains("(did not happen)"), text);
    js("newsgraph.cy.edges(\"[kind = 'event']\")[0].emit('tap')");
    text = browser.findElement(By.id("details")).getText();
    assertTrue(text.contains("Justice.Charge-Indict 2024-03"), text);
    assertTrue(text.contains("1 shared event"), text);
    assertTrue(text.contains("U.S. prosecutors charged Roe with fraud in Paris in March."), text);
    assertEquals("dashed", js("return newsgraph.cy.edges(\"[kind = 'event']\")[0].style('line-style')"));
  }

  @Test
  void fiveHundredActorsOpenWithinTenSecondsWithoutOverlappingNodes() throws Exception {
    ActorNetwork big = NetworkLayout.apply(NetworkProjection.project(VizFixtures.synthetic(500, 5), NetworkFilter.ALL));
    long ms = open(big, "synthetic-500");
    System.out.printf("500-actor page ready in %d ms%n", ms);
    assertEquals(500L, js("return newsgraph.cy.nodes().length"));
    long overlapping = (Long) js("var b = newsgraph.cy.nodes().map(function (n) { return n.boundingBox({includeLabels: true, includeOverlays: false}); });"
        + " var c = 0; for (var i = 0; i < b.length; i++) for (var j = i + 1; j < b.length; j++)"
        + " if (b[i].x1 < b[j].x2 && b[j].x1 < b[i].x2 && b[i].y1 < b[j].y2 && b[j].y1 < b[i].y2) c++; return c;");
    assertEquals(0L, overlapping, "node boxes with labels overlap");
    Files.createDirectories(Path.of("target", "viz"));
    Files.write(Path.of("target", "viz", "synthetic-500.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertTrue(ms < 10_000, "page took " + ms + " ms");
  }
}
