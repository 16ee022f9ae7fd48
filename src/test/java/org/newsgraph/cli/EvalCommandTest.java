package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsgraph eval} on an article and gold of our own: the table per kind of news, the
 * annotation cache (a second run reads CoreNLP's annotation from it and prints the same) and the
 * predictions in the gold shape. Uses the JVM-wide CoreNLP pipeline.
 */
class EvalCommandTest {
  @TempDir Path dir;

  @Test
  void printsAScoreTablePerKindAndReusesCachedAnnotations() throws IOException {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    Path gold = Files.createDirectories(dir.resolve("gold"));
    Files.writeString(articles.resolve("arrest.txt"), "Arrest in Boston\nMarch 15, 2024\n\n"
        + "Police arrested Tom Baker in Boston on Friday. Baker was charged with fraud.\n");
    Files.writeString(gold.resolve("arrest.gold.json"), """
        {"document": "articles/arrest.txt", "kind": "crime", "documentDate": "2024-03-15",
         "entities": [
           {"id": "baker", "type": "PERSON", "name": "Tom Baker", "aliases": ["Baker"]},
           {"id": "boston", "type": "GPE", "name": "Boston"},
           {"id": "police", "type": "ORGANIZATION", "group": true, "name": "Police"}],
         "relations": [{"subject": "baker", "predicate": "charged_with", "value": "fraud"}],
         "events": [
           {"id": "arrest", "type": "Justice.Arrest-Jail", "triggers": ["arrested"], "time": "2024-03-15",
            "arguments": [{"role": "Person", "entity": "baker"}, {"role": "Agent", "entity": "police"},
                          {"role": "Place", "entity": "boston"}]},
           {"id": "charge", "type": "Justice.Charge-Indict", "triggers": ["charged"],
            "arguments": [{"role": "Defendant", "entity": "baker"}]}]}
        """);
    Path cache = dir.resolve("cache");
    Path predictions = dir.resolve("predictions");
    CliRun first = CliRun.run("eval", "--gold", gold.toString(), "--annotation-cache", cache.toString(),
        "--predictions", predictions.toString(), articles.toString());
    assertEquals(0, first.exit(), first.toString());
    assertTrue(first.out().contains("== F1 per kind of news"), first.out());
    Matcher row = Pattern.compile("(?m)^  crime +1 +([\\d.]+) +([\\d.]+) +([\\d.]+) +([\\d.]+) +([\\d.]+)").matcher(first.out());
    assertTrue(row.find(), first.out());
    assertEquals("1.00", row.group(1), "named entities: " + first.out());
    assertEquals("1.00", row.group(2), "group actors: " + first.out());
    assertEquals("1.00", row.group(3), "relations: " + first.out());
    assertEquals("1.00", row.group(4), "events: " + first.out());

    List<Path> entries;
    try (Stream<Path> files = Files.list(cache)) {
      entries = files.filter(p -> p.toString().endsWith(".ser.gz")).toList();
    }
    assertEquals(1, entries.size(), "one cached annotation: " + entries);
    CliRun second = CliRun.run("eval", "--gold", gold.toString(), "--annotation-cache", cache.toString(), articles.toString());
    assertEquals(0, second.exit(), second.toString());
    assertEquals(first.out(), second.out(), "the cached annotation gives the same scores");

    String json = Files.readString(predictions.resolve("arrest.json"));
    assertTrue(json.contains("\"type\" : \"Justice.Arrest-Jail\""), json);
    assertTrue(json.contains("\"name\" : \"Tom Baker\""), json);
  }
}
