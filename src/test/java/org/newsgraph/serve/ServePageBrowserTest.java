package org.newsgraph.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.viz.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * BROWSER TEST (skipped only without Debian's chromium and chromium-driver; CI installs them): the
 * page as {@code newsgraph serve} serves it, with its live Cypher box run from the browser.
 */
@Tag("browser")
class ServePageBrowserTest {
  @Test
  void theServedPageRunsCypherAndHighlightsTheActorsItNames(@TempDir Path dir) throws Exception {
    ChromeDriver browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
    ServeFixtures.dataFolder(dir.resolve("data"), "/viz/small.trig", true);
    try (NewsgraphServer server = NewsgraphServer.start(dir.resolve("data/tdb2"),
        NewsgraphServer.Neo4jTarget.embedded(dir.resolve("data/neo4j"), 0), 0)) {
      browser.get(server.pageUrl());
      JavascriptExecutor js = browser;
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> Boolean.TRUE.equals(js.executeScript("return !!(window.newsgraph && window.newsgraph.ready)")));
      assertTrue(browser.findElement(By.id("endpoints")).getText().contains(server.sparqlUrl()));
      WebElement query = browser.findElement(By.id("query"));
      query.clear();
      query.sendKeys("MATCH (p:Person)-[:FOUNDER_OF]->(o) RETURN p.name AS founder, o.name AS organisation");
      browser.findElement(By.cssSelector("#query-form button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> d.findElement(By.id("query-status")).getText().contains("row"));
      String table = browser.findElement(By.id("query-result")).getText();
      assertTrue(table.contains("founder") && table.contains("Jane Roe") && table.contains("Acme Corp"), table);
      assertEquals(2L, js.executeScript("return newsgraph.cy.nodes('.hit').length"), "Jane Roe and Acme Corp lit");

      query.clear();
      query.sendKeys("CREATE (:Intruder)");
      browser.findElement(By.cssSelector("#query-form button")).click();
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> d.findElement(By.id("query-status")).getText().contains("nothing was changed"));
      Files.createDirectories(Path.of("target", "viz"));
      Files.write(Path.of("target", "viz", "served-page.png"), browser.getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.quit();
    }
  }
}
