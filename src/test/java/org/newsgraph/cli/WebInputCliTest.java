package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.read.LocalWeb;

/**
 * {@code extract} and {@code build} with URL inputs from {@code --urls FILE}, against a loopback
 * web server: the fetched page's provenance is in the RDF, a page that cannot be fetched is
 * reported and skipped (exit 1), and URL lists that say nothing are usage errors.
 */
class WebInputCliTest {
  @Test
  void extractReadsTheUrlsOfAFileAndRecordsWhereAndWhenEachPageWasFetched(@TempDir Path dir) throws Exception {
    try (LocalWeb web = new LocalWeb()) {
      web.html("/2024/story", "<html><head><title>Acme founder charged</title>"
          + "<meta property=\"article:published_time\" content=\"2024-03-05\"></head><body><article>"
          + "<p>Jane Roe, the founder of Acme Corp, was charged with fraud in Paris on Monday, prosecutors said.</p>"
          + "<p>Acme Corp, which is based in Lyon, said it was cooperating with the investigation.</p></article></body></html>");
      web.at("/short", LocalWeb.Answer.redirect(301, "/2024/story"));
      Path urls = dir.resolve("urls.txt");
      Files.writeString(urls, "# stories to read\n" + web.url("/short") + "\n\n" + web.url("/missing") + "\n");
      Path out = dir.resolve("out.ttl");
      CliRun run = CliRun.run("extract", "--urls", urls.toString(), "--profile", "fast", "--threads", "1",
          "--fetch-delay", "0", "-o", out.toString());
      assertEquals(Main.INPUT_FAILED, run.exit(), run.toString());
      assertTrue(run.err().contains("skipped " + web.url("/missing") + ": cannot fetch: HTTP 404"), run.err());
      String ttl = Files.readString(out);
      assertTrue(ttl.contains("prov:wasDerivedFrom  <" + web.url("/2024/story") + ">")
          || ttl.contains("prov:wasDerivedFrom <" + web.url("/2024/story") + ">"), ttl);
      assertTrue(ttl.matches("(?s).*ng:retrievedAt\\s+\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"\\^\\^xsd:dateTime.*"), ttl);
      assertTrue(ttl.contains("\"2024-03-05\"^^xsd:date"), "the page's date");
      assertTrue(ttl.contains("ng:source") && ttl.contains("\"" + web.url("/short") + "\""), "the URL as given is the source");
      assertTrue(ttl.contains("Jane Roe"), ttl);
    }
  }

  @Test
  void urlListsThatGiveNothingAreUsageErrors(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "# nothing yet\n\n");
    CliRun none = CliRun.run("extract", "--urls", empty.toString());
    assertEquals(Main.USAGE, none.exit(), none.toString());
    assertTrue(none.err().contains("no input") && none.err().contains("list none"), none.err());
    CliRun missing = CliRun.run("build", "--urls", dir.resolve("nope.txt").toString());
    assertEquals(Main.USAGE, missing.exit(), missing.toString());
    assertTrue(missing.err().contains("cannot read the URL list"), missing.err());
    CliRun csv = CliRun.run("extract", "x.csv", "--csv-columns", "body");
    assertEquals(Main.USAGE, csv.exit(), csv.toString());
    assertTrue(csv.err().contains("FIELD=COLUMN"), csv.err());
  }
}
