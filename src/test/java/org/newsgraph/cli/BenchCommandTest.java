package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsgraph bench}, as small as it gets: the fast profile, one run, one thread, no Neo4j. */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheTableAndTheTargetsAndWritesJson() throws Exception {
    Path json = dir.resolve("bench.json");
    CliRun r = CliRun.run("bench", "--profile", "fast", "--runs", "1", "--warmup", "0", "--threads", "1", "--no-neo4j",
        "--json", json.toString(), "seeds/");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("newsgraph bench: 1 articles, "), r.out());
    assertTrue(r.out().contains("profile   threads articles/s  tokens/s raw tok/s ng/raw |"), r.out());
    assertTrue(r.out().contains("\nfast            1 "), r.out());
    assertTrue(r.out().contains("tokenize,ssplit,pos,lemma,ner,depparse"), r.out());
    assertTrue(r.out().contains("(left out: --no-neo4j)"), r.out());
    assertTrue(r.out().contains("Targets:"), r.out());

    JsonNode root = JsonMapper.builder().build().readTree(json.toFile());
    assertEquals(1, root.get("corpus").get("articles").asInt());
    JsonNode fast = root.get("profiles").get(0);
    assertEquals("fast", fast.get("profile").asText());
    JsonNode median = fast.get("byThreads").get(0).get("median");
    assertTrue(median.get("annotate").asDouble() > 0, median.toString());
    assertTrue(median.get("raw").asDouble() > 0, median.toString());
    assertTrue(fast.get("byThreads").get(0).get("samples").get(0).get("tokens").asLong() > 1000, fast.toString());
  }
}
