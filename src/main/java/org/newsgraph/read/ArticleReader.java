package org.newsgraph.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import org.newsgraph.model.Article;
import org.newsgraph.model.Article.Retrieval;

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
 *   <li>{@code .csv}: a header row, then one article per row ({@link CsvColumns}: {@code id},
 *       {@code title}, {@code text}, {@code date}, {@code url}, {@code authors}, or other column
 *       names mapped to them). A row without an id gets {@code FILENAME-ROW}.
 *   <li>{@code .rss}, {@code .atom} (and {@code .xml} when named, not in folders): an RSS or Atom
 *       feed ({@link Feeds}), one article per item: the item's content when the feed carries the
 *       full text, else its link fetched and read as a web page.
 *   <li>{@code .warc}, {@code .warc.gz}: a web archive, one article per HTML response record.
 * </ul>
 *
 * <p>Inputs given as text ({@link #readInputs}) may also be {@code http} and {@code https} URLs: a
 * page is read as HTML, a feed as above ({@link PageFetcher} fetches, with a pause per host). The
 * id of an article read from the web is made from its URL ({@link #idForUrl}); its provenance is
 * the final URL and the fetch time ({@link Retrieval}). The publication date is the best the input
 * has: a feed item's date, then the page's ({@code article:published_time}, JSON-LD {@code
 * datePublished}, other meta tags), then a WARC record's date, then the default date.
 *
 * <p>Files are decoded as UTF-8 (a byte-order mark is dropped, line endings become {@code \n}).
 * Ids are reduced to the characters {@code A-Z a-z 0-9 . _ -}, any other character becoming
 * {@code -}. Nothing here throws for a bad input: every file or line that cannot be read is passed
 * to the problem sink as a {@link ReadProblem} and skipped, and reading goes on. Instances are
 * immutable and may be shared between threads.
 */
public final class ArticleReader {
  /** Extensions read from folders (and from files named as inputs). */
  private static final List<String> EXTENSIONS =
      List.of("txt", "html", "htm", "jsonl", "csv", "rss", "atom", "warc", "warc.gz");
  /** Extensions read only from files named as inputs. */
  private static final List<String> NAMED_ONLY = List.of("xml");
  private static final String SUPPORTED = ".txt, .html, .htm, .jsonl, .csv, .rss, .atom, .xml (a feed), .warc or .warc.gz";

  private final LocalDate defaultDate;
  private final CsvColumns csvColumns;
  private final PageFetcher fetcher;

  /**
   * Creates a reader of files, with the default CSV columns and no web access (URL inputs and
   * feed items that need their page are reported).
   *
   * @param defaultDate publication date given to articles whose input states none (the user's
   *     {@code --date}); {@code null} leaves such articles without a date
   */
  public ArticleReader(LocalDate defaultDate) {
    this(defaultDate, CsvColumns.DEFAULT, null);
  }

  /**
   * Creates a reader.
   *
   * @param defaultDate publication date for articles whose input states none; may be {@code null}
   * @param csvColumns which CSV column holds which field
   * @param fetcher fetches URL inputs and the pages of feed items that carry only a summary; {@code
   *     null} for no web access
   */
  public ArticleReader(LocalDate defaultDate, CsvColumns csvColumns, PageFetcher fetcher) {
    this.defaultDate = defaultDate;
    this.csvColumns = Objects.requireNonNull(csvColumns, "csvColumns");
    this.fetcher = fetcher;
  }

  /**
   * Reads inputs given as text: {@code http} and {@code https} URLs (a page or a feed, told apart
   * by the answer's {@code Content-Type} and content) and paths of files and folders, as {@link
   * #read(List, Consumer)} reads them. Another URL scheme, a page that cannot be fetched and a
   * body that is neither HTML nor a feed are reported as problems.
   *
   * @param inputs URLs, files and folders, in the order to read them
   * @param problems receives a {@link ReadProblem} for each input, file, line, row, record or item skipped
   * @return the articles read, in input order, with unique ids
   * @throws InterruptedException when interrupted while fetching (the articles read so far are lost)
   */
  public List<Article> readInputs(List<String> inputs, Consumer<ReadProblem> problems) throws InterruptedException {
    return readInputs(inputs, problems, w -> { });
  }

  /**
   * As {@link #readInputs(List, Consumer)}, telling {@code warnings} what was read with a caveat
   * (as {@link #read(List, Consumer, Consumer)} does; for a fetched page or a web-archive record, a
   * page date that cannot be read when nothing else dates the article).
   *
   * @param warnings receives the caveats; the articles they concern are read
   * @throws InterruptedException when interrupted while fetching (the articles read so far are lost)
   */
  public List<Article> readInputs(List<String> inputs, Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings)
      throws InterruptedException {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(warnings, "warnings");
    try (Articles stream = open(inputs, problems, warnings)) {
      return stream.remaining();
    }
  }

  /**
   * Reads inputs given as text, as {@link #readInputs(List, Consumer, Consumer)} does, one article
   * at a time: folders are walked as the articles are taken (one folder's listing at a time), and
   * JSON Lines, CSV and web-archive files are read a line, row or record at a time, so that the
   * memory used does not grow with the inputs (apart from the ids seen, kept to report a repeated
   * id). Problems and warnings go to the sinks while {@link Articles#next()} runs, on its thread.
   *
   * @param inputs URLs, files and folders, in the order to read them
   * @return the articles, in the order {@link #readInputs} lists them; close it to close the file
   *     being read
   */
  public Articles open(List<String> inputs, Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(problems, "problems");
    Objects.requireNonNull(warnings, "warnings");
    Session session = new Session(problems, warnings);
    for (String input : inputs) {
      session.todo.add(PageFetcher.looksLikeUrl(input) ? input : (Object) Path.of(input));
    }
    return new Articles(session);
  }

  /**
   * The articles of {@link #open}, read as they are taken. Not thread-safe: one thread takes them.
   */
  public static final class Articles implements AutoCloseable {
    private final Session session;

    private Articles(Session session) {
      this.session = session;
    }

    /**
     * The next article.
     *
     * @return the article, or {@code null} when every input is read
     * @throws InterruptedException when interrupted while fetching a page or feed
     */
    public Article next() throws InterruptedException {
      return session.next();
    }

    /**
     * The articles not read yet, in order, read to the end.
     *
     * @return a new list, possibly empty
     * @throws InterruptedException when interrupted while fetching a page or feed
     */
    public List<Article> remaining() throws InterruptedException {
      List<Article> all = new ArrayList<>();
      for (Article a = next(); a != null; a = next()) {
        all.add(a);
      }
      return all;
    }

    /** Closes the file being read, if any. */
    @Override
    public void close() {
      session.closeCursor();
    }
  }

  /**
   * About how many articles {@code inputs} hold, for a progress bar's end: one per {@code .txt},
   * {@code .html} or feed-less file in the folders and files given, the non-blank lines of JSON
   * Lines files, the lines of CSV files less the header (rows with line breaks in a field count
   * too high). Reads the JSON Lines and CSV files once, a buffer at a time.
   *
   * @return the estimate, or -1 when an input is a URL, a feed or a web archive (unknown)
   */
  public static long estimateCount(List<String> inputs) {
    long n = 0;
    for (String input : inputs) {
      if (PageFetcher.looksLikeUrl(input)) {
        return -1;
      }
      Path p = Path.of(input);
      Iterable<Path> files;
      if (Files.isDirectory(p)) {
        files = () -> new FolderWalk(p, x -> { });
      } else if (Files.isRegularFile(p)) {
        files = List.of(p);
      } else {
        continue;
      }
      for (Path file : files) {
        String ext = extension(file);
        if (ext == null) {
          ext = rawExtension(file);
        }
        switch (ext) {
          case "txt", "html", "htm" -> n++;
          case "jsonl", "csv" -> {
            long lines = countLines(file);
            n += ext.equals("csv") ? Math.max(0, lines - 1) : lines;
          }
          default -> {
            return -1;
          }
        }
      }
    }
    return n;
  }

  /** The non-blank lines of a file (a line of spaces counts: rare, and only an estimate). */
  private static long countLines(Path file) {
    long lines = 0;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      boolean content = false;
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        for (int k = 0; k < r; k++) {
          if (buf[k] == '\n') {
            if (content) {
              lines++;
            }
            content = false;
          } else if (buf[k] != '\r') {
            content = true;
          }
        }
      }
      if (content) {
        lines++;
      }
    } catch (IOException e) {
      // reported when the file is read
    }
    return lines;
  }

  /**
   * Reads one feed, from a file or an {@code http(s)} URL, without reading its items (for {@code
   * watch}, which decides which items are new before fetching their pages).
   *
   * @return the feed, or empty when it could not be read or fetched (reported to {@code problems})
   * @throws InterruptedException when interrupted while fetching
   */
  public Optional<Feeds.Feed> readFeed(String input, Consumer<ReadProblem> problems) throws InterruptedException {
    try {
      if (PageFetcher.looksLikeUrl(input)) {
        if (fetcher == null) {
          throw new BadInputException("web addresses are not fetched by this reader");
        }
        PageFetcher.Page page = fetcher.fetch(input);
        return Optional.of(Feeds.parse(page.body(), input, retrieval(page)));
      }
      Path file = Path.of(input);
      if (!Files.isRegularFile(file)) {
        throw new BadInputException("no such file; check the path, or give an http(s) URL");
      }
      return Optional.of(Feeds.parse(Files.readAllBytes(file), input, null));
    } catch (BadInputException e) {
      problems.accept(new ReadProblem(input, e.getMessage()));
    } catch (PageFetcher.FetchException e) {
      problems.accept(new ReadProblem(input, "cannot fetch the feed: " + e.getMessage()));
    } catch (IOException e) {
      problems.accept(new ReadProblem(input, "cannot read the file (" + e + ")"));
    }
    return Optional.empty();
  }

  /**
   * The articles of some items of a feed: an item whose feed carries its full text is read from
   * the feed; one with only a summary has its link fetched and read as a web page.
   *
   * @param feed the feed the items are from
   * @param items the items to read, in the order to read them
   * @param problems receives a problem for each item skipped (source {@code FEED#N}, or the link)
   * @return the articles, with unique ids
   * @throws InterruptedException when interrupted while fetching
   */
  public List<Article> articles(Feeds.Feed feed, List<Feeds.Item> items, Consumer<ReadProblem> problems)
      throws InterruptedException {
    return articles(feed, items, problems, w -> { });
  }

  /**
   * As {@link #articles(Feeds.Feed, List, Consumer)}, telling {@code warnings} what was read with a
   * caveat (a fetched page's date that cannot be read, for an item without a date of its own).
   *
   * @throws InterruptedException when interrupted while fetching
   */
  public List<Article> articles(Feeds.Feed feed, List<Feeds.Item> items, Consumer<ReadProblem> problems,
      Consumer<ReadProblem> warnings) throws InterruptedException {
    Session session = new Session(problems, warnings);
    for (Feeds.Item item : items) {
      session.readItem(feed, item);
    }
    return new ArrayList<>(session.articles);
  }

  /**
   * The article id {@link #readInputs} gives a page or feed item with this URL: host (without
   * {@code www.}), path and query reduced as ids are ({@code www.example.com/news/a-b?id=3} gives
   * {@code example.com-news-a-b-id-3}); one longer than 80 characters is cut and ends with 8 hex
   * digits of the URL's SHA-256, so different URLs keep different ids.
   */
  public static String idForUrl(String url) {
    String rest = url.strip().replaceFirst("(?i)^[a-z][a-z0-9+.-]*://", "").replaceFirst("#.*$", "")
        .replaceFirst("(?i)^www\\.", "");
    String id = reduceId(rest).replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
    if (id.isEmpty()) {
      id = "page";
    }
    if (id.length() > 80) {
      try {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(url.strip()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        id = id.substring(0, 71) + "-" + java.util.HexFormat.of().formatHex(digest, 0, 4);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 missing from the JVM", e);
      }
    }
    return id;
  }

  private static Retrieval retrieval(PageFetcher.Page page) {
    return new Retrieval(page.finalUrl().toASCIIString(), page.retrievedAt());
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
    for (Path input : inputs) {
      Objects.requireNonNull(input, "input");
    }
    Session session = new Session(problems, warnings);
    session.todo.addAll(inputs);
    try (Articles stream = new Articles(session)) {
      return stream.remaining();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // only URLs are fetched, and paths are no URLs
      return List.of();
    }
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
      return List.of();
    } else if (Files.isDirectory(file)) {
      problems.accept(new ReadProblem(file.toString(), "this is a folder, not a file; give the folder as an input to read all its files"));
      return List.of();
    }
    session.todo.add(file);
    try (Articles stream = new Articles(session)) {
      return stream.remaining();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // only URLs are fetched, and a path is no URL
      return List.of();
    }
  }

  /**
   * Reads the content of one file that is not on the local file system (for example one a Spark
   * job read from HDFS or S3), as {@link #readFile} reads a file: the extension of {@code name}
   * chooses the format ({@code .txt}, {@code .html}/{@code .htm}, {@code .jsonl}, {@code .csv},
   * {@code .rss}/{@code .atom}/{@code .xml} feeds; web archives need {@link #readFile}), the name
   * without it is the article id ({@code .txt}, {@code .html}) or the id of lines without one
   * ({@code .jsonl}), and {@code source} is recorded as where the article was read from.
   *
   * @param name the file's name (its last path segment), e.g. {@code story.txt}
   * @param source where the content came from, e.g. the file's path or URI; what {@code build}
   *     records for a local file is its path as given
   * @param content the file's bytes
   * @param problems receives a {@link ReadProblem} for the file, or for each line or row, skipped
   * @param warnings receives what was read with a caveat (see {@link #read(List, Consumer, Consumer)})
   * @return the articles read, possibly empty, never {@code null}; ids are checked within the
   *     file only (the caller checks them across its inputs)
   */
  public List<Article> readContent(String name, String source, byte[] content, Consumer<ReadProblem> problems,
      Consumer<ReadProblem> warnings) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(content, "content");
    Session session = new Session(Objects.requireNonNull(problems, "problems"), Objects.requireNonNull(warnings, "warnings"));
    Path file = Path.of(name.replace('/', '_'));
    String extension = extension(file) != null ? extension(file) : rawExtension(file);
    if (extension.startsWith("warc") || (extension(file) == null && !NAMED_ONLY.contains(extension))) {
      problems.accept(new ReadProblem(source, "unsupported file type here; give a .txt, .html, .htm, .jsonl, .csv,"
          + " .rss, .atom or .xml file"));
      return List.of();
    }
    session.cursor = session.open(file, source, content);
    session.cursorSource = source;
    try (Articles stream = new Articles(session)) {
      return stream.remaining();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // nothing is fetched without a fetcher's URL
      return List.of();
    }
  }

  /**
   * State of one read: the inputs still to read, the folder being walked, the file being read, the
   * articles read and not yet taken (those of one page, feed or small file), the ids seen and the
   * files already read.
   */
  private final class Session {
    final Consumer<ReadProblem> problems;
    final Consumer<ReadProblem> warnings;
    /** Inputs not started: URL strings and paths. */
    final java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
    /** Articles read and not yet taken. */
    final java.util.ArrayDeque<Article> articles = new java.util.ArrayDeque<>();
    final Map<String, String> sourceById = new HashMap<>();
    final Set<Path> filesRead = new HashSet<>();
    FolderWalk walk;
    Path walkRoot;
    boolean walkFound;
    ArticleCursor cursor;
    String cursorSource;

    Session(Consumer<ReadProblem> problems, Consumer<ReadProblem> warnings) {
      this.problems = problems;
      this.warnings = warnings;
    }

    /** The next article, reading on as far as needed; {@code null} at the end. */
    Article next() throws InterruptedException {
      while (true) {
        if (!articles.isEmpty()) {
          return articles.poll();
        }
        if (cursor != null) {
          Article a = null;
          try {
            a = cursor.next();
          } catch (BadInputException e) {
            problems.accept(new ReadProblem(cursorSource, e.getMessage()));
          } catch (IOException e) {
            problems.accept(new ReadProblem(cursorSource, "cannot read the file (" + e
                + "); check that it exists and is readable"));
          } catch (RuntimeException e) {
            problems.accept(new ReadProblem(cursorSource, "the file could not be parsed (" + e
                + "); please report this together with the file"));
          }
          if (a != null) {
            add(a);
          } else {
            closeCursor();
          }
          continue;
        }
        if (walk != null) {
          if (walk.hasNext()) {
            walkFound = true;
            readFile(walk.next());
          } else {
            if (!walkFound) {
              problems.accept(new ReadProblem(walkRoot.toString(), "the folder has no "
                  + SUPPORTED.replace(", .xml (a feed)", "") + " files; check the path"));
            }
            walk = null;
          }
          continue;
        }
        Object input = todo.poll();
        if (input == null) {
          return null;
        }
        if (input instanceof String url) {
          readUrl(url);
        } else {
          readPath((Path) input);
        }
      }
    }

    void closeCursor() {
      if (cursor != null) {
        try {
          cursor.close();
        } catch (IOException e) {
          // read to the end or given up: nothing more to report
        }
        cursor = null;
      }
    }

    void readPath(Path input) {
      if (!Files.exists(input)) {
        problems.accept(new ReadProblem(input.toString(), "no such file or folder; check the path"));
      } else if (Files.isDirectory(input)) {
        walk = new FolderWalk(input, problems);
        walkRoot = input;
        walkFound = false;
      } else {
        readNamedFile(input);
      }
    }

    void readNamedFile(Path file) {
      if (extension(file) == null && !NAMED_ONLY.contains(rawExtension(file))) {
        problems.accept(new ReadProblem(file.toString(), "unsupported file type; give a " + SUPPORTED + " file"));
        return;
      }
      readFile(file);
    }

    void readFile(Path file) {
      if (!filesRead.add(identity(file))) {
        return;
      }
      String source = file.toString();
      cursor = open(file, source);
      cursorSource = source;
    }

    void add(Article article) {
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

    /** Fetches a URL and reads it as a feed or a page. */
    void readUrl(String url) throws InterruptedException {
      if (fetcher == null) {
        problems.accept(new ReadProblem(url, "web addresses are not fetched by this reader"));
        return;
      }
      PageFetcher.Page page;
      try {
        page = fetcher.fetch(url);
      } catch (PageFetcher.FetchException e) {
        problems.accept(new ReadProblem(url, "cannot fetch: " + e.getMessage()));
        return;
      }
      try {
        if (Feeds.looksLikeFeed(page.body(), page.mediaType())) {
          Feeds.Feed feed = Feeds.parse(page.body(), url, retrieval(page));
          if (feed.items().isEmpty()) {
            problems.accept(new ReadProblem(url, "the feed has no items"));
          }
          for (Feeds.Item item : feed.items()) {
            readItem(feed, item);
          }
        } else {
          add(pageArticle(page, url, ArticleReader.idForUrl(url), defaultDate, warnings));
        }
      } catch (BadInputException e) {
        problems.accept(new ReadProblem(url, e.getMessage()));
      }
    }

    /** One feed item: from the feed when it carries the full text, else from its fetched link. */
    void readItem(Feeds.Feed feed, Feeds.Item item) throws InterruptedException {
      String itemSource = feed.source() + "#" + item.index();
      String id = item.link() != null ? idForUrl(item.link())
          : item.guid() != null ? reduceId(item.guid()) : reduceId(feedId(feed.source())) + "-" + item.index();
      try {
        if (!item.summaryOnly()) {
          // a byline paragraph in the item's content ("By A and B") is taken out of the text as authors
          Article fromFeed = HtmlArticleParser.parse("<html><body>" + item.html() + "</body></html>", id, itemSource,
              defaultDate);
          add(new Article(id, item.title(), fromFeed.text(), item.date() != null ? item.date() : defaultDate,
              item.link(), item.authors().isEmpty() ? fromFeed.authors() : item.authors(), fromFeed.credits(),
              itemSource, feed.retrieval()));
          return;
        }
        if (item.link() == null) {
          throw new BadInputException("the item has only a summary and no link to read the article from");
        }
        if (fetcher == null) {
          throw new BadInputException("the item has only a summary, and web addresses are not fetched by this reader");
        }
        PageFetcher.Page page;
        try {
          page = fetcher.fetch(item.link());
        } catch (PageFetcher.FetchException e) {
          throw new BadInputException("the feed has only a summary and its page " + item.link() + " cannot be fetched: "
              + e.getMessage());
        }
        // the item's own date comes first, so the page's date matters (and is warned about) only without it
        Article fromPage = pageArticle(page, item.link(), id, defaultDate, item.date() != null ? w -> { } : warnings);
        add(new Article(id, item.title().isEmpty() ? fromPage.title() : item.title(), fromPage.text(),
            item.date() != null ? item.date() : fromPage.date(), fromPage.url(),
            fromPage.authors().isEmpty() ? item.authors() : fromPage.authors(), fromPage.credits(), fromPage.source(),
            fromPage.retrieval()));
      } catch (BadInputException e) {
        problems.accept(new ReadProblem(itemSource + (item.link() != null ? " (" + item.link() + ")" : ""), e.getMessage()));
      }
    }

    /** A cursor over the file's articles; problems that end the file early are reported and give an empty one. */
    private ArticleCursor open(Path file, String source) {
      return open(file, source, null);
    }

    /**
     * As {@link #open(Path, String)}, with the file's bytes given ({@code content}, not for web
     * archives), or read from {@code file} when {@code null}.
     */
    ArticleCursor open(Path file, String source, byte[] content) {
      String extension = extension(file);
      if (extension == null) {
        extension = rawExtension(file);
      }
      try {
        String id = reduceId(baseName(file));
        switch (extension) {
          case "warc", "warc.gz" -> {
            return WarcArticleParser.cursor(file, source, defaultDate, problems, warnings);
          }
          case "jsonl" -> {
            return JsonlArticleParser.cursor(stream(file, content), id, source, defaultDate, problems, warnings);
          }
          case "csv" -> {
            java.io.InputStream in = stream(file, content);
            try {
              return CsvArticleParser.cursor(in, id, source, defaultDate, csvColumns, problems, warnings);
            } catch (BadInputException | IOException | RuntimeException e) {
              in.close();
              throw e;
            }
          }
          default -> {
            return ArticleCursor.of(parse(file, source, content));
          }
        }
      } catch (BadInputException e) {
        problems.accept(new ReadProblem(source, e.getMessage()));
      } catch (IOException e) {
        problems.accept(new ReadProblem(source, "cannot read the file (" + e + "); check that it exists and is readable"));
      } catch (RuntimeException e) {
        problems.accept(new ReadProblem(source, "the file could not be parsed (" + e + "); please report this together with the file"));
      }
      return ArticleCursor.of(List.of());
    }

    private static java.io.InputStream stream(Path file, byte[] content) throws IOException {
      return content != null ? new java.io.ByteArrayInputStream(content) : Files.newInputStream(file);
    }

    /** The articles of a file read whole (a page, a text or a feed); its bytes, or null to read them. */
    private List<Article> parse(Path file, String source, byte[] content) {
      String extension = extension(file);
      if (extension == null) {
        extension = rawExtension(file);
      }
      try {
        byte[] bytes = content != null ? content : Files.readAllBytes(file);
        if (extension.equals("rss") || extension.equals("atom") || extension.equals("xml")) {
          Feeds.Feed feed = Feeds.parse(bytes, source, null);
          if (feed.items().isEmpty()) {
            throw new BadInputException("the feed has no items");
          }
          for (Feeds.Item item : feed.items()) {
            readItem(feed, item); // adds each article itself, with the duplicate check
          }
          return List.of();
        }
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
          default -> List.of(HtmlArticleParser.parse(text, id, source, defaultDate, warnings));
        };
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problems.accept(new ReadProblem(source, "interrupted while fetching the pages of its items"));
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

  /**
   * The supported, not hidden files under a folder, in path order (by name, folder by folder, as
   * {@link #comparePaths} sorts), found as they are taken: one folder's listing is held at a time
   * per level. Hidden folders are not entered; links are followed (a folder reached twice by links
   * is walked once). A folder that cannot be listed is reported to {@code problems}.
   */
  static final class FolderWalk implements java.util.Iterator<Path> {
    private final Consumer<ReadProblem> problems;
    private final java.util.ArrayDeque<java.util.Iterator<Path>> stack = new java.util.ArrayDeque<>();
    private final Set<Object> visited = new HashSet<>();
    private Path next;

    FolderWalk(Path root, Consumer<ReadProblem> problems) {
      this.problems = problems;
      enter(root, true);
    }

    private void enter(Path dir, boolean isRoot) {
      try {
        Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
        if (!visited.add(key != null ? key : dir.toRealPath())) {
          return; // a link cycle
        }
      } catch (IOException e) {
        // listed below, which reports it
      }
      List<Path> entries = new ArrayList<>();
      try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          entries.add(p);
        }
      } catch (IOException | java.nio.file.DirectoryIteratorException e) {
        problems.accept(new ReadProblem(dir.toString(), isRoot ? "cannot read the folder (" + e + ")"
            : "cannot read (" + e + "); check permissions and links"));
        return;
      }
      entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
      stack.push(entries.iterator());
    }

    @Override
    public boolean hasNext() {
      while (next == null && !stack.isEmpty()) {
        java.util.Iterator<Path> it = stack.peek();
        if (!it.hasNext()) {
          stack.pop();
          continue;
        }
        Path p = it.next();
        if (hidden(p)) {
          continue;
        }
        if (Files.isDirectory(p)) {
          enter(p, false);
        } else if (Files.isRegularFile(p) && extension(p) != null) {
          next = p;
        }
      }
      return next != null;
    }

    @Override
    public Path next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Path p = next;
      next = null;
      return p;
    }
  }

  private static boolean hidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** The supported extension of {@code file} (read from folders too), lower-cased, or {@code null}. */
  static String extension(Path file) {
    String ext = rawExtension(file);
    return EXTENSIONS.contains(ext) ? ext : null;
  }

  /** The extension of {@code file}, lower-cased ({@code warc.gz} as one), or an empty string. */
  private static String rawExtension(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return "";
    }
    String s = name.toString().toLowerCase(Locale.ROOT);
    if (s.endsWith(".warc.gz")) {
      return "warc.gz";
    }
    int dot = s.lastIndexOf('.');
    return dot < 0 ? "" : s.substring(dot + 1);
  }

  private static String baseName(Path file) {
    String s = file.getFileName().toString();
    if (s.toLowerCase(Locale.ROOT).endsWith(".warc.gz")) {
      return s.substring(0, s.length() - ".warc.gz".length());
    }
    int dot = s.lastIndexOf('.');
    return dot < 0 ? s : s.substring(0, dot);
  }

  /** A feed's name for ids: the file name without extension, or the URL's id. */
  private static String feedId(String source) {
    return PageFetcher.looksLikeUrl(source) ? idForUrl(source) : baseName(Path.of(source));
  }

  /**
   * A fetched page as an article: the page's metadata, its canonical URL (else the final URL), the
   * source as given and the fetch as provenance.
   */
  private static Article pageArticle(PageFetcher.Page page, String source, String id, LocalDate defaultDate,
      Consumer<ReadProblem> warnings) throws BadInputException {
    String type = page.mediaType();
    if (!type.isEmpty() && !type.contains("html") && !type.startsWith("text/")) {
      throw new BadInputException("not an HTML page or a feed (Content-Type: " + type + ")");
    }
    String text = page.text();
    if (text.isBlank()) {
      throw new BadInputException("the page is empty");
    }
    Article a = HtmlArticleParser.parse(text, id, source, defaultDate, warnings);
    return new Article(a.id(), a.title(), a.text(), a.date(), a.url() != null ? a.url() : page.finalUrl().toString(),
        a.authors(), a.credits(), source, retrieval(page));
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
