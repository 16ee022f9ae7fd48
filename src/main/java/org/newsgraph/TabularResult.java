package org.newsgraph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The result of a query as columns and rows, and its rendering for the command line.
 *
 * <p>Cells hold plain Java values: {@code null}, strings, numbers, booleans, {@code java.time}
 * values, lists and maps of those (as {@link org.newsgraph.neo4j.Neo4jStore#query} produces). Other
 * objects are rendered with {@code toString()}.
 *
 * @param columns column names, in order
 * @param rows rows, each with exactly one cell per column; cells may be {@code null}
 */
public record TabularResult(List<String> columns, List<List<Object>> rows) {
  /** The formats {@link #write} accepts. */
  public static final List<String> FORMATS = List.of("table", "csv", "json");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Copies both lists (unmodifiable; {@code null} cells are kept).
   *
   * @param columns column names, in order
   * @param rows rows, each with exactly one cell per column
   * @throws IllegalArgumentException if a row's size differs from the number of columns
   */
  public TabularResult {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "Row has " + row.size() + " cells but there are " + columns.size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /**
   * Writes the result to {@code out} (which stays open) and flushes it.
   *
   * <ul>
   *   <li>{@code table}: columns separated by {@code " | "}, a header, a dashed rule, one line per
   *       row, and a count line such as {@code (3 rows)}. Cells are padded to the column width (the
   *       last column is not padded); {@code null} shows as {@code null}; lists as {@code [a, b]};
   *       maps as {@code {k: v}}. Control and invisible formatting characters are escaped (a
   *       newline as the two characters {@code \n}, likewise {@code \r} and {@code \t}, others as a
   *       backslash, {@code u} and four hex digits) so a value cannot break the layout or drive the
   *       terminal; backslashes themselves are not escaped.
   *   <li>{@code csv}: RFC 4180 (CRLF line ends, quoting where needed) with a header record; {@code
   *       null} is an empty field; lists and maps are JSON text.
   *   <li>{@code json}: one JSON array of objects mapping column name to value, on one line; dates
   *       and times are ISO-8601 strings.
   * </ul>
   *
   * @param out where to write
   * @param format one of {@link #FORMATS} (case-insensitive)
   * @throws IllegalArgumentException if the format is unknown; the message lists the allowed ones
   * @throws UncheckedIOException if writing fails
   */
  public void write(PrintStream out, String format) {
    String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    switch (f) {
      case "table" -> writeTable(out);
      case "csv" -> writeCsv(out);
      case "json" -> writeJson(out);
      default ->
          throw new IllegalArgumentException(
              "Unknown output format '" + format + "'; use one of: " + String.join(", ", FORMATS));
    }
    out.flush();
  }

  /**
   * Writes the result to a character stream; the same output as {@link #write(PrintStream,
   * String)}.
   *
   * @throws IllegalArgumentException if the format is unknown
   */
  public void write(java.io.PrintWriter out, String format) {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    PrintStream ps = new PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8);
    write(ps, format);
    out.print(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    out.flush();
  }

  private void writeTable(PrintStream out) {
    int n = columns.size();
    List<String> header = new ArrayList<>(n);
    for (String c : columns) {
      header.add(escape(c));
    }
    List<List<String>> cells = new ArrayList<>(rows.size());
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = displayWidth(header.get(i));
    }
    for (List<Object> row : rows) {
      List<String> line = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String cell = escape(text(row.get(i)));
        width[i] = Math.max(width[i], displayWidth(cell));
        line.add(cell);
      }
      cells.add(line);
    }
    StringBuilder sb = new StringBuilder();
    appendLine(sb, header, width);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append("-+-");
      }
      sb.append("-".repeat(width[i]));
    }
    sb.append('\n');
    for (List<String> line : cells) {
      appendLine(sb, line, width);
    }
    sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
    out.print(sb);
  }

  private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(" | ");
      }
      String cell = cells.get(i);
      sb.append(cell);
      if (i < cells.size() - 1) {
        sb.append(" ".repeat(width[i] - displayWidth(cell)));
      }
    }
    sb.append('\n');
  }

  private static int displayWidth(String s) {
    return s.codePointCount(0, s.length());
  }

  private static String escape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      String rep = null;
      switch (cp) {
        case '\n' -> rep = "\\n";
        case '\r' -> rep = "\\r";
        case '\t' -> rep = "\\t";
        default -> {
          int type = Character.getType(cp);
          if (Character.isISOControl(cp)
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR
              || type == Character.SURROGATE) {
            rep = String.format(Locale.ROOT, "\\u%04x", cp);
          }
        }
      }
      if (rep != null && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (rep != null) {
          sb.append(rep);
        } else {
          sb.appendCodePoint(cp);
        }
      }
      i += Character.charCount(cp);
    }
    return sb == null ? s : sb.toString();
  }

  /** Human-readable text of a cell, for the table. */
  private static String text(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        sb.append(e.getKey()).append(": ").append(text(e.getValue()));
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      return sb.append('}').toString();
    }
    if (v instanceof Iterable<?> list) {
      StringBuilder sb = new StringBuilder("[");
      Iterator<?> it = list.iterator();
      while (it.hasNext()) {
        sb.append(text(it.next()));
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      return sb.append(']').toString();
    }
    if (v instanceof Object[] array) {
      return text(Arrays.asList(array));
    }
    return String.valueOf(isoText(v));
  }

  private void writeCsv(PrintStream out) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get();
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      for (List<Object> row : rows) {
        List<String> fields = new ArrayList<>(row.size());
        for (Object v : row) {
          fields.add(csvField(v));
        }
        printer.printRecord(fields);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csvField(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Map<?, ?> || v instanceof Iterable<?> || v instanceof Object[]) {
      return toJson(jsonValue(v));
    }
    return String.valueOf(isoText(v));
  }

  private void writeJson(PrintStream out) {
    List<Map<String, Object>> objects = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Map<String, Object> o = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        o.put(columns.get(i), jsonValue(row.get(i)));
      }
      objects.add(o);
    }
    out.print(toJson(objects));
    out.print('\n');
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object jsonValue(Object v) {
    if (v == null || v instanceof Boolean || v instanceof Number || v instanceof String) {
      return v;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> m = new LinkedHashMap<>();
      map.forEach((k, x) -> m.put(String.valueOf(k), jsonValue(x)));
      return m;
    }
    if (v instanceof Iterable<?> it) {
      List<Object> list = new ArrayList<>();
      it.forEach(x -> list.add(jsonValue(x)));
      return list;
    }
    if (v instanceof Object[] array) {
      return jsonValue(Arrays.asList(array));
    }
    return String.valueOf(isoText(v));
  }

  /**
   * ISO-8601 text for {@code java.time} values (dates, times, date-times with offset or zone);
   * other values unchanged.
   */
  public static Object isoText(Object v) {
    if (v instanceof LocalDate d) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
    }
    if (v instanceof LocalDateTime d) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(d);
    }
    if (v instanceof LocalTime t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }
    if (v instanceof OffsetTime t) {
      return DateTimeFormatter.ISO_OFFSET_TIME.format(t);
    }
    if (v instanceof OffsetDateTime d) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d);
    }
    if (v instanceof ZonedDateTime d) {
      return d.getZone() instanceof ZoneOffset
          ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d)
          : DateTimeFormatter.ISO_ZONED_DATE_TIME.format(d);
    }
    return v;
  }
}
