package org.newsgraph.read;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.newsgraph.model.Article;

/**
 * Reads articles from files and folders.
 *
 * <p>Supported files, chosen by extension (case-insensitive):
 *
 * <ul>
 *   <li>{@code .txt}: the first non-blank line is the title; a metadata block under it (a repeat
 *       of the title, photo captions ending in a credit such as {@code REUTERS/Dado Ruvic}, bylines
 *       such as {@code By Jane Doe and John Roe} or lines that are just names, date lines such as
 *       {@code Published: December 18, 2020}) gives the authors, credits and date and is left out of
 *       the text; the body is the rest, kept as written. A first line that reads as the story's first
 *       sentence (long, ending in a full stop, text right under it) is kept in the body instead,
 *       with a warning, and the article has no title. The id is the file name without extension.
 *   <li>{@code .html}, {@code .htm}: title, authors, date and URL from the page's meta tags; the
 *       text is the paragraphs of {@code <article>}, else {@code <main>}, else {@code <body>}, joined
 *       with blank lines, without "Related coverage" link lists and byline paragraphs ("By A and B",
 *       whose names are authors). The id is the file name without extension.
 *   <li>{@code .jsonl}: one article per line, a JSON object with {@code text} and optionally
 *       {@code id}, {@code title}, {@code date}, {@code url}, {@code authors}. A line without {@code
 *       id} gets {@code FILENAME-LINE}. A {@code date} that cannot be read leaves the article without
 *       a date (or with the default date), with a warning.
 * </ul>
 *
 * <p>Files are decoded as UTF-8 (a byte-order mark is dropped, line endings become {@code \n}).
 * Ids are reduced to the characters {@code A-Z a-z 0-9 . _ -}, any other character becoming
 * {@code -}. Nothing here throws for a bad input: every file or line that cannot be read is passed
 * to the problem sink as a {@link ReadProblem} and skipped, and reading goes on. Instances are
 * immutable and may be shared between threads.
 */
public final class ArticleReader {
  private static final List<String> EXTENSIONS = List.of("txt", "html", "htm", "jsonl");

  private final LocalDate defaultDate;

  /**
   * Creates a reader.
   *
   * @param defaultDate publication date given to articles whose input states none (the user's
   *     {@code --date}); {@code null} leaves such articles without a date
   */
  public ArticleReader(LocalDate defaultDate) {
    this.defaultDate = defaultDate;
  }

  /**
   * Reads files and folders. A folder is read recursively in path order (names compared one
   * component at a time, as strings), taking the files with a supported extension and silently
   * passing over other files and hidden files and folders (names starting with '.'). An input
   * named explicitly with another extension, a path that does not exist, and a folder with no
   * supported file are reported as problems. The same file reached twice (named twice, or named
   * and inside a named folder) is read once. When two articles have the same id, the later one is
   * reported as a problem and skipped.
   *
   * @param inputs files and folders, in the order to read them; neither the list nor an element
   *     may be {@code null}
   * @param problems receives a {@link ReadProblem} for each input, file or JSONL line skipped
   * @return the articles read, in input order (file order within folders, line order within JSONL
   *     files), with unique ids; possibly empty, never {@code null}
   */
  public List<Article> read(List<Path> inputs, Consumer<ReadProblem> problems) {
    return read(inputs, problems, w -> { });
  }

  /**
   * As {@link #read(List, Consumer)}, telling {@code warnings} what was read with a caveat, one
   * {@link ReadProblem} each: a date that could not be read (a JSON Lines row's {@code date}, an
   * HTML page's date meta tag; the article is read without a publication date, or with the default
   * date), a first line of a {@code .txt} that reads as the story's first sentence (kept in the
   * body, no title).
   *
   * @param warnings receives the caveats; the articles they concern are read
   */
  public List<Article> read(List<Path> inputs, Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(warnings, "warnings");
    Session session = new Session(problems, warnings);
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        problems.accept(new ReadProblem(input.toString(), "no such file or folder; check the path"));
      } else if (Files.isDirectory(input)) {
        List<Path> files = listFolder(input, problems);
        if (files.isEmpty()) {
          problems.accept(
              new ReadProblem(input.toString(), "the folder has no .txt, .html, .htm or .jsonl files; check the path"));
        }
        for (Path file : files) {
          session.readFile(file);
        }
      } else {
        session.readNamedFile(input);
      }
    }
    return session.articles;
  }

  /**
   * Reads one file: a {@code .txt} or {@code .html}/{@code .htm} file gives at most one article, a
   * {@code .jsonl} file one per good line. A missing file, a folder, or another extension is
   * reported as a problem.
   *
   * @param file the file to read
   * @param problems receives a {@link ReadProblem} for the file, or for each JSONL line, skipped
   * @return the articles read, possibly empty, never {@code null}
   */
  public List<Article> readFile(Path file, Consumer<ReadProblem> problems) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(problems, "problems");
    Session session = new Session(problems, w -> { });
    if (!Files.exists(file)) {
      problems.accept(new ReadProblem(file.toString(), "no such file; check the path"));
    } else if (Files.isDirectory(file)) {
      problems.accept(new ReadProblem(file.toString(), "this is a folder, not a file; give the folder as an input to read all its files"));
    } else {
      session.readNamedFile(file);
    }
    return session.articles;
  }

  /** State of one read call: the articles so far, their ids and the files already read. */
  private final class Session {
    final Consumer<ReadProblem> problems;
    final Consumer<ReadProblem> warnings;
    final List<Article> articles = new ArrayList<>();
    final Map<String, String> sourceById = new HashMap<>();
    final Set<Path> filesRead = new HashSet<>();

    Session(Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings) {
      this.problems = problems;
      this.warnings = warnings;
    }

    void readNamedFile(Path file) {
      if (extension(file) == null) {
        problems.accept(
            new ReadProblem(file.toString(), "unsupported file type; give a .txt, .html, .htm or .jsonl file"));
        return;
      }
      readFile(file);
    }

    void readFile(Path file) {
      if (!filesRead.add(identity(file))) {
        return;
      }
      String source = file.toString();
      for (Article article : parse(file, source)) {
        String earlier = sourceById.putIfAbsent(article.id(), article.source());
        if (earlier == null) {
          articles.add(article);
        } else {
          problems.accept(
              new ReadProblem(
                  article.source(),
                  "duplicate article id '" + article.id() + "' (already read from " + earlier + "); rename one file or change its id"));
        }
      }
    }

    private List<Article> parse(Path file, String source) {
      String extension = extension(file);
      try {
        byte[] bytes = Files.readAllBytes(file);
        String text = TextDecoding.decodeUtf8(bytes);
        if (text.isBlank()) {
          throw new BadInputException("the file is empty; add the article or remove the file");
        }
        if (text.indexOf('\0') >= 0) {
          throw new BadInputException("the file contains NUL characters and looks binary; give a text, HTML or JSONL file");
        }
        String id = reduceId(baseName(file));
        return switch (extension) {
          case "txt" -> List.of(TextArticleParser.parse(text, id, source, defaultDate, warnings));
          case "jsonl" -> JsonlArticleParser.parse(text, id, source, defaultDate, problems, warnings);
          default -> List.of(HtmlArticleParser.parse(text, id, source, defaultDate, warnings));
        };
      } catch (BadInputException e) {
        problems.accept(new ReadProblem(source, e.getMessage()));
      } catch (IOException e) {
        problems.accept(new ReadProblem(source, "cannot read the file (" + e + "); check that it exists and is readable"));
      } catch (RuntimeException e) {
        problems.accept(new ReadProblem(source, "the file could not be parsed (" + e + "); please report this together with the file"));
      }
      return List.of();
    }
  }

  private static Path identity(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException | RuntimeException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  private static List<Path> listFolder(Path root, Consumer<ReadProblem> problems) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && !hidden(file) && extension(file) != null) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.accept(new ReadProblem(file.toString(), "cannot read (" + e + "); check permissions and links"));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.accept(new ReadProblem(root.toString(), "cannot read the folder (" + e + ")"));
    }
    files.sort(ArticleReader::comparePaths);
    return files;
  }

  private static int comparePaths(Path a, Path b) {
    int n = Math.min(a.getNameCount(), b.getNameCount());
    for (int k = 0; k < n; k++) {
      int c = a.getName(k).toString().compareTo(b.getName(k).toString());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.getNameCount(), b.getNameCount());
  }

  private static boolean hidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** The supported extension of {@code file}, lower-cased, or {@code null}. */
  static String extension(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return null;
    }
    String s = name.toString();
    int dot = s.lastIndexOf('.');
    String ext = dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    return EXTENSIONS.contains(ext) ? ext : null;
  }

  private static String baseName(Path file) {
    String s = file.getFileName().toString();
    int dot = s.lastIndexOf('.');
    return dot < 0 ? s : s.substring(0, dot);
  }

  /**
   * Reduces a name to an article id: every character other than ASCII letters, digits, '.', '_'
   * and '-' becomes '-' (one per code point); an empty result becomes {@code article}.
   */
  static String reduceId(String name) {
    StringBuilder id = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            cp -> {
              boolean ok =
                  (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')
                      || cp == '.' || cp == '_' || cp == '-';
              id.append(ok ? (char) cp : '-');
            });
    return id.length() == 0 ? "article" : id.toString();
  }
}
