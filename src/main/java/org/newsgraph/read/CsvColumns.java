package org.newsgraph.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which CSV column holds which article field ({@code --csv-columns}). The fields are {@code id},
 * {@code title}, {@code text}, {@code date}, {@code url} and {@code authors}; by default each is
 * read from the column of the same name.
 *
 * @param columns field to column name, for every field
 */
public record CsvColumns(Map<String, String> columns) {
  /** The article fields a CSV file can give, {@code text} being required. */
  public static final List<String> FIELDS = List.of("id", "title", "text", "date", "url", "authors");

  /** Each field from the column of the same name. */
  public static final CsvColumns DEFAULT = parse("");

  /** Copies the map. */
  public CsvColumns {
    columns = Map.copyOf(columns);
  }

  /** The column that holds {@code field}. */
  public String column(String field) {
    return columns.get(field);
  }

  /**
   * Parses {@code FIELD=COLUMN,...}, e.g. {@code text=body,title=headline,date=published_at};
   * fields not named keep their default column. Column names are matched exactly, fields in any
   * case.
   *
   * @throws IllegalArgumentException for an unknown field, a pair without {@code =}, or a field
   *     named twice, saying what is allowed
   */
  public static CsvColumns parse(String spec) {
    Map<String, String> m = new LinkedHashMap<>();
    FIELDS.forEach(f -> m.put(f, f));
    java.util.Set<String> seen = new java.util.HashSet<>();
    if (spec != null && !spec.isBlank()) {
      for (String pair : spec.split(",")) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("--csv-columns takes FIELD=COLUMN pairs separated by commas, e.g."
              + " text=body,title=headline; '" + pair.strip() + "' has no '='");
        }
        String field = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String column = pair.substring(eq + 1).strip();
        if (!FIELDS.contains(field)) {
          throw new IllegalArgumentException("--csv-columns: unknown field '" + field + "'; the fields are "
              + String.join(", ", FIELDS));
        }
        if (column.isEmpty()) {
          throw new IllegalArgumentException("--csv-columns: no column name for '" + field + "'");
        }
        if (!seen.add(field)) {
          throw new IllegalArgumentException("--csv-columns: '" + field + "' is named twice");
        }
        m.put(field, column);
      }
    }
    return new CsvColumns(m);
  }
}
