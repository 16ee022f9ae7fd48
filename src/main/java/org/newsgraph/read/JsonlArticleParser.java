package org.newsgraph.read;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.newsgraph.model.Article;

/**
 * Parses JSON Lines: one JSON object per line with {@code text} (required), {@code id}, {@code
 * title}, {@code date} ({@code YYYY-MM-DD} or an ISO date-time, whose date part is used as
 * written), {@code url} and {@code authors} (an array of strings, or one string that may list
 * several names). Other fields are ignored. Blank lines are skipped.
 */
final class JsonlArticleParser {
  private JsonlArticleParser() {}

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[T ].+)?");

  /**
   * Parses every line.
   *
   * @param content the whole file as text
   * @param fileId the reduced file name without extension; a line without {@code id} gets the id
   *     {@code fileId-LINE}
   * @param source the file's path as given; each article's source is {@code source:LINE}
   * @param defaultDate the date for lines without {@code date}; may be {@code null}
   * @param problems receives one problem per line that is skipped (source {@code source:LINE})
   * @return the articles of the good lines, in line order
   */
  static List<Article> parse(
      String content, String fileId, String source, LocalDate defaultDate, Consumer<ReadProblem> problems) {
    return parse(content, fileId, source, defaultDate, problems, w -> { });
  }

  /**
   * As {@link #parse(String, String, String, LocalDate, Consumer)}, with a warning (source {@code
   * source:LINE}) for each line whose {@code date} cannot be read: that article is read without a
   * date, or with {@code defaultDate}, instead of being skipped.
   */
  static List<Article> parse(String content, String fileId, String source, LocalDate defaultDate,
      Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings) {
    String[] lines = TextDecoding.normalise(content).split("\n", -1);
    List<Article> articles = new ArrayList<>();
    for (int k = 0; k < lines.length; k++) {
      if (lines[k].isBlank()) {
        continue;
      }
      int lineNumber = k + 1;
      String lineSource = source + ":" + lineNumber;
      try {
        articles.add(parseLine(lines[k], fileId + "-" + lineNumber, lineSource, defaultDate, warnings));
      } catch (BadInputException e) {
        problems.accept(new ReadProblem(lineSource, e.getMessage()));
      }
    }
    return articles;
  }

  /**
   * Reads a JSON Lines file line by line: what {@link #parse(String, String, String, LocalDate,
   * Consumer, Consumer)} gives for the whole file, one article at a time. Each line is decoded as
   * strict UTF-8 on its own, so the memory used is that of the longest line.
   *
   * @param in the file's bytes (closed with the cursor)
   * @throws BadInputException from {@link ArticleCursor#next()} at a line that is not valid UTF-8 or
   *     holds a NUL character (the lines before it were read), or at the end of a file with no line
   */
  static ArticleCursor cursor(java.io.InputStream in, String fileId, String source, LocalDate defaultDate,
      Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings) {
    java.io.BufferedInputStream bytes = new java.io.BufferedInputStream(in, 1 << 16);
    return new ArticleCursor() {
      int lineNumber;
      boolean anyText;

      @Override
      public Article next() throws BadInputException, java.io.IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(4096);
        while (true) {
          line.reset();
          int b;
          boolean sawAny = false;
          while ((b = bytes.read()) >= 0 && b != '\n') {
            line.write(b);
            sawAny = true;
          }
          if (b < 0 && !sawAny) {
            if (!anyText) {
              throw new BadInputException("the file is empty; add the article or remove the file");
            }
            return null;
          }
          lineNumber++;
          String text;
          try {
            text = TextDecoding.decodeUtf8(line.toByteArray());
          } catch (BadInputException e) {
            throw new BadInputException(e.getMessage().replaceFirst(" on line 1\\)", " on line " + lineNumber + ")"));
          }
          if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
          }
          text = text.replace("\n", "");
          if (text.indexOf('\0') >= 0) {
            throw new BadInputException("the file contains NUL characters (line " + lineNumber + ") and looks binary;"
                + " give a text, HTML or JSONL file");
          }
          if (text.isBlank()) {
            continue;
          }
          anyText = true;
          String lineSource = source + ":" + lineNumber;
          try {
            return parseLine(text, fileId + "-" + lineNumber, lineSource, defaultDate, warnings);
          } catch (BadInputException e) {
            problems.accept(new ReadProblem(lineSource, e.getMessage()));
          }
        }
      }

      @Override
      public void close() throws java.io.IOException {
        bytes.close();
      }
    };
  }

  /**
   * Parses one line.
   *
   * @param fallbackId the id to use when the object has no {@code id}
   * @throws BadInputException if the line is not a JSON object, lacks a non-empty {@code text}
   *     string, or has a field of the wrong type (a date that cannot be read is ignored here; see the
   *     overload with warnings)
   */
  static Article parseLine(String line, String fallbackId, String source, LocalDate defaultDate)
      throws BadInputException {
    return parseLine(line, fallbackId, source, defaultDate, w -> { });
  }

  /** As {@link #parseLine(String, String, String, LocalDate)}; a date that cannot be read is a warning, not a skip. */
  static Article parseLine(String line, String fallbackId, String source, LocalDate defaultDate,
      Consumer<ReadProblem> warnings) throws BadInputException {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JacksonException e) {
      JsonLocation where = e.getLocation();
      String column = where != null && where.getColumnNr() > 0 ? " at column " + where.getColumnNr() : "";
      throw new BadInputException(
          "not valid JSON" + column + " (" + Objects.toString(e.getOriginalMessage(), "").lines().findFirst().orElse("") + "); each line must be one complete JSON object");
    }
    if (node == null || !node.isObject()) {
      throw new BadInputException("not a JSON object; each line must be one object such as {\"id\": ..., \"title\": ..., \"text\": ...}");
    }
    String text = string(node, "text");
    if (text == null) {
      throw new BadInputException("no \"text\" field; every line needs the article body as a \"text\" string");
    }
    text = TextDecoding.normalise(text).replaceFirst("^(?:[ \\t]*\\n)+", "").stripTrailing();
    if (text.isBlank()) {
      throw new BadInputException("the \"text\" field is empty; give the article body or remove the line");
    }
    String id = string(node, "id");
    if (id == null && node.hasNonNull("id") && node.get("id").isNumber()) {
      id = node.get("id").asText();
    }
    id = id == null || id.isBlank() ? fallbackId : ArticleReader.reduceId(id.strip());
    String title = string(node, "title");
    String url = string(node, "url");
    LocalDate date = defaultDate;
    String dateValue = string(node, "date");
    if (dateValue != null && !dateValue.isBlank()) {
      LocalDate read = ISO_DATE.matcher(dateValue.strip()).matches() ? Dates.parse(dateValue) : null;
      if (read == null) {
        warnings.accept(new ReadProblem(source, "\"date\" is \"" + dateValue + "\", not a date (write YYYY-MM-DD or an ISO"
            + " date-time such as 2020-12-18T09:30:00Z); built " + (defaultDate == null ? "without a publication date"
            : "with --date " + defaultDate)));
      } else {
        date = read;
      }
    }
    List<String> authors = new ArrayList<>();
    JsonNode authorsNode = node.get("authors");
    if (authorsNode != null && !authorsNode.isNull()) {
      if (authorsNode.isTextual()) {
        TextArticleParser.addNames(authors, PersonNames.splitNameList(authorsNode.asText()));
      } else if (authorsNode.isArray()) {
        for (JsonNode author : authorsNode) {
          if (!author.isTextual()) {
            throw new BadInputException("\"authors\" holds a non-string value; give an array of name strings");
          }
          if (!author.asText().isBlank()) {
            TextArticleParser.addNames(authors, List.of(author.asText().strip()));
          }
        }
      } else {
        throw new BadInputException("\"authors\" must be an array of strings or one string");
      }
    }
    return new Article(id, title == null ? "" : title.strip(), text, date, url == null || url.isBlank() ? null : url.strip(), authors, List.of(), source);
  }

  private static String string(JsonNode node, String field) throws BadInputException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      if (field.equals("id") && value.isNumber()) {
        return null;
      }
      throw new BadInputException("\"" + field + "\" must be a string, not " + value.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    return value.asText();
  }
}
