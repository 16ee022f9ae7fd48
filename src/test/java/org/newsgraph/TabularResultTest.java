package org.newsgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TabularResultTest {
  private static final TabularResult TINY =
      new TabularResult(
          List.of("name", "born", "n"),
          List.of(
              List.of("Alice", LocalDate.of(1990, 4, 5), 2L), Arrays.asList("Bo\nb", null, 10L)));

  private static String render(TabularResult r, String format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    r.write(out, format);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void table() {
    assertEquals(
        "name  | born       | n\n"
            + "------+------------+---\n"
            + "Alice | 1990-04-05 | 2\n"
            + "Bo\\nb | null       | 10\n"
            + "(2 rows)\n",
        render(TINY, "table"));
  }

  @Test
  void csv() {
    assertEquals("name,born,n\r\nAlice,1990-04-05,2\r\n\"Bo\nb\",,10\r\n", render(TINY, "csv"));
  }

  @Test
  void json() {
    assertEquals(
        "[{\"name\":\"Alice\",\"born\":\"1990-04-05\",\"n\":2},"
            + "{\"name\":\"Bo\\nb\",\"born\":null,\"n\":10}]\n",
        render(TINY, "json"));
  }

  @Test
  void formatIsCaseInsensitive() {
    assertEquals(render(TINY, "csv"), render(TINY, " CSV "));
  }

  @Test
  void unknownFormatNamesTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> render(TINY, "xml"));
    assertEquals("Unknown output format 'xml'; use one of: table, csv, json", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> render(TINY, null));
  }

  @Test
  void emptyAndSingleRowCounts() {
    TabularResult empty = new TabularResult(List.of("x"), List.of());
    assertEquals("x\n-\n(0 rows)\n", render(empty, "table"));
    assertEquals("x\r\n", render(empty, "csv"));
    assertEquals("[]\n", render(empty, "json"));
    TabularResult one = new TabularResult(List.of("x"), List.of(List.of(true)));
    assertEquals("x\n----\ntrue\n(1 row)\n", render(one, "table"));
  }

  @Test
  void controlCharactersCannotBreakTheTable() {
    TabularResult r =
        new TabularResult(
            List.of("a\tb", "v"), List.of(List.of("\u001b[31mred\r\u2028x\u202e", "ok")));
    String table = render(r, "table");
    assertEquals(
        "a\\tb"
            + " ".repeat(24)
            + " | v\n"
            + "-".repeat(28)
            + "-+---\n"
            + "\\u001b[31mred\\r\\u2028x\\u202e | ok\n"
            + "(1 row)\n",
        table);
    assertEquals(4, table.split("\n", -1).length - 1);
    assertTrue(table.chars().noneMatch(c -> c == 0x1b || c == '\r' || c == 0x2028));
  }

  @Test
  void listsMapsAndDateTimes() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", List.of(1L, 2.5));
    map.put("when", ZonedDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    TabularResult r =
        new TabularResult(List.of("l", "m"), List.of(List.of(List.of("a", "b"), map)));
    assertEquals(
        "l      | m\n"
            + "-------+------------------------------------------\n"
            + "[a, b] | {k: [1, 2.5], when: 2020-01-02T03:04:05Z}\n"
            + "(1 row)\n",
        render(r, "table"));
    assertEquals(
        "l,m\r\n"
            + "\"[\"\"a\"\",\"\"b\"\"]\",\"{\"\"k\"\":[1,2.5],\"\"when\"\":\"\"2020-01-02T03:04:05Z\"\"}\"\r\n",
        render(r, "csv"));
    assertEquals(
        "[{\"l\":[\"a\",\"b\"],\"m\":{\"k\":[1,2.5],\"when\":\"2020-01-02T03:04:05Z\"}}]\n",
        render(r, "json"));
  }

  @Test
  void writeLeavesTheStreamOpen() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    TINY.write(out, "csv");
    TINY.write(out, "json");
    assertEquals(
        render(TINY, "csv") + render(TINY, "json"), bytes.toString(StandardCharsets.UTF_8));
    assertTrue(!out.checkError());
  }

  @Test
  void rowsMustMatchColumnsAndAreCopied() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TabularResult(List.of("a", "b"), List.of(List.of("only one"))));
    List<Object> row = new ArrayList<>(List.of("x"));
    TabularResult r = new TabularResult(List.of("a"), List.of(row));
    row.set(0, "changed");
    assertEquals("x", r.rows().get(0).get(0));
    assertThrows(UnsupportedOperationException.class, () -> r.rows().get(0).set(0, "y"));
  }
}
