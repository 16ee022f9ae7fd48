package org.newsgraph.read;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.newsgraph.model.Article;

/**
 * CSV with a header row (RFC 4180: comma-separated, fields with commas, quotes or line breaks in
 * double quotes), read with Apache Commons CSV. Each row is an article: its fields come from the
 * columns of {@link CsvColumns} ({@code text} required; {@code date} as {@code YYYY-MM-DD}, an ISO
 * date-time or a written-out date; {@code authors} one string that may list several names). Other
 * columns are ignored; blank rows are skipped.
 */
final class CsvArticleParser {
  private CsvArticleParser() {}

  /**
   * Parses every row.
   *
   * @param content the whole file as text
   * @param fileId the reduced file name without extension; a row without an id gets {@code fileId-ROW}
   * @param source the file's path as given; each article's source is {@code source:ROW}, ROW being
   *     the row's number in the file with the header as row 1 (the line number for rows without line
   *     breaks in a field)
   * @param defaultDate the date for rows without one; may be {@code null}
   * @param problems receives one problem per row skipped
   * @param warnings receives one caveat per row whose date cannot be read: that row is read without
   *     a date, or with {@code defaultDate}, instead of being skipped
   * @throws BadInputException when the header has no text column
   */
  static List<Article> parse(String content, String fileId, String source, LocalDate defaultDate, CsvColumns columns,
      Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings) throws BadInputException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(true).setIgnoreSurroundingSpaces(false).get();
    List<Article> articles = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      String textColumn = columns.column("text");
      if (!header.containsKey(textColumn)) {
        throw new BadInputException("the header has no '" + textColumn + "' column (it has: "
            + String.join(", ", parser.getHeaderNames()) + "); name the column that holds the article text with"
            + " --csv-columns text=COLUMN");
      }
      for (CSVRecord row : parser) {
        long rowNumber = row.getRecordNumber() + 1;
        String rowSource = source + ":" + rowNumber;
        try {
          articles.add(article(row, header, columns, fileId + "-" + rowNumber, rowSource, defaultDate, warnings));
        } catch (BadInputException e) {
          problems.accept(new ReadProblem(rowSource, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new BadInputException("not valid CSV (" + e.getMessage() + "); give a comma-separated file with a header row");
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      throw new BadInputException("not valid CSV (" + e.getMessage() + "); give a comma-separated file with a header row,"
          + " quoting fields that hold commas, quotes or line breaks");
    }
    return articles;
  }

  /**
   * Reads a CSV file row by row: what {@link #parse} gives for the whole file, one article at a
   * time, decoding the bytes as strict UTF-8 as it goes.
   *
   * @param in the file's bytes (closed with the cursor)
   * @throws BadInputException at once when the header has no text column or the file is empty; from
   *     {@link ArticleCursor#next()} when the rest of the file is not valid CSV or UTF-8
   */
  static ArticleCursor cursor(java.io.InputStream in, String fileId, String source, LocalDate defaultDate,
      CsvColumns columns, Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings)
      throws BadInputException, IOException {
    java.io.Reader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in,
        java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)), 1 << 16);
    reader.mark(1);
    int first = reader.read();
    if (first != '\uFEFF') {
      reader.reset();
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(true).setIgnoreSurroundingSpaces(false).get();
    CSVParser parser;
    try {
      parser = CSVParser.parse(reader, format);
    } catch (java.nio.charset.CharacterCodingException e) {
      reader.close();
      throw notUtf8();
    } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      reader.close();
      throw new BadInputException("not valid CSV (" + e.getMessage() + "); give a comma-separated file with a header row");
    }
    Map<String, Integer> header = parser.getHeaderMap();
    String textColumn = columns.column("text");
    if (header == null || header.isEmpty()) {
      parser.close();
      throw new BadInputException("the file is empty; add the article or remove the file");
    }
    if (!header.containsKey(textColumn)) {
      parser.close();
      throw new BadInputException("the header has no '" + textColumn + "' column (it has: "
          + String.join(", ", parser.getHeaderNames()) + "); name the column that holds the article text with"
          + " --csv-columns text=COLUMN");
    }
    java.util.Iterator<CSVRecord> rows = parser.iterator();
    return new ArticleCursor() {
      @Override
      public Article next() throws BadInputException {
        while (true) {
          CSVRecord row;
          try {
            if (!rows.hasNext()) {
              return null;
            }
            row = rows.next();
          } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
              throw notUtf8();
            }
            throw new BadInputException("not valid CSV (" + e.getMessage() + "); give a comma-separated file with a"
                + " header row, quoting fields that hold commas, quotes or line breaks");
          } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BadInputException("not valid CSV (" + e.getMessage() + "); give a comma-separated file with a"
                + " header row, quoting fields that hold commas, quotes or line breaks");
          }
          long rowNumber = row.getRecordNumber() + 1;
          String rowSource = source + ":" + rowNumber;
          try {
            return article(row, header, columns, fileId + "-" + rowNumber, rowSource, defaultDate, warnings);
          } catch (BadInputException e) {
            problems.accept(new ReadProblem(rowSource, e.getMessage()));
          }
        }
      }

      @Override
      public void close() throws IOException {
        parser.close();
      }
    };
  }

  private static BadInputException notUtf8() {
    return new BadInputException("not valid UTF-8; convert it to UTF-8, e.g. iconv -f latin1 -t utf-8 FILE > FILE.utf8"
        + " (use the file's real encoding in place of latin1)");
  }

  private static Article article(CSVRecord row, Map<String, Integer> header, CsvColumns columns, String fallbackId,
      String source, LocalDate defaultDate, Consumer<ReadProblem> warnings) throws BadInputException {
    String text = TextDecoding.normalise(value(row, header, columns.column("text"))).replaceFirst("^(?:[ \\t]*\\n)+", "")
        .stripTrailing();
    if (text.isBlank()) {
      throw new BadInputException("the '" + columns.column("text") + "' field is empty; give the article body or remove the row");
    }
    String id = value(row, header, columns.column("id")).strip();
    String dateValue = value(row, header, columns.column("date")).strip();
    LocalDate date = defaultDate;
    if (!dateValue.isEmpty()) {
      LocalDate read = Dates.parse(dateValue);
      if (read == null) {
        warnings.accept(new ReadProblem(source, "the date '" + dateValue + "' cannot be read (write YYYY-MM-DD or an ISO"
            + " date-time such as 2020-12-18T09:30:00Z); built " + (defaultDate == null ? "without a publication date"
            : "with --date " + defaultDate)));
      } else {
        date = read;
      }
    }
    List<String> authors = new ArrayList<>();
    String authorValue = value(row, header, columns.column("authors")).strip();
    if (!authorValue.isEmpty()) {
      TextArticleParser.addNames(authors, PersonNames.splitNameList(authorValue));
    }
    String url = value(row, header, columns.column("url")).strip();
    return new Article(id.isEmpty() ? fallbackId : ArticleReader.reduceId(id), value(row, header,
        columns.column("title")).strip(), text, date, url.isEmpty() ? null : url, authors, List.of(), source);
  }

  private static String value(CSVRecord row, Map<String, Integer> header, String column) {
    Integer index = header.get(column);
    return index == null || index >= row.size() ? "" : row.get(index);
  }
}
