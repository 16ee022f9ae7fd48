package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.CsvColumns;
import org.newsgraph.read.PageFetcher;
import picocli.CommandLine.Option;

/**
 * Options of the commands that read articles from files, folders and the web ({@code build},
 * {@code extract}, {@code watch}): URL lists, CSV columns, and how politely to fetch.
 */
final class InputOptions {
  /** What the INPUT parameter of build and extract says. */
  static final String INPUT_HELP = "Article files or folders (read recursively), or http(s) URLs of pages or feeds:"
      + " .txt, .html, .jsonl, .csv (header row), .rss/.atom/.xml feeds, .warc/.warc.gz web archives.";

  @Option(names = "--urls", paramLabel = "FILE",
      description = "Also read the http(s) URLs listed in FILE, one per line: article pages or feeds (blank lines and"
          + " lines starting with # are skipped). May be given more than once.")
  List<Path> urlFiles = new ArrayList<>();

  @Option(names = "--csv-columns", paramLabel = "FIELD=COLUMN,...",
      description = "Which CSV columns hold the article fields id, title, text, date, url, authors, e.g."
          + " text=body,title=headline (default: columns of those names; text is required).")
  String csvColumns;

  @Option(names = "--fetch-delay", paramLabel = "SECONDS", defaultValue = "1",
      description = "Least time between two requests to the same host (default: ${DEFAULT-VALUE}).")
  double fetchDelay;

  @Option(names = "--fetch-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Most time one page or feed may take to fetch; a slower one is reported and skipped"
          + " (default: ${DEFAULT-VALUE}). Pages larger than 10 MiB are skipped too.")
  double fetchTimeout;

  /**
   * The inputs: those given as parameters, then the URLs of each {@code --urls} file.
   *
   * @throws IllegalArgumentException when there is none, or a URL file cannot be read
   */
  List<String> inputs(List<String> given) {
    List<String> all = new ArrayList<>(given == null ? List.of() : given);
    for (Path file : urlFiles) {
      try {
        for (String line : Files.readAllLines(file)) {
          String l = line.strip();
          if (!l.isEmpty() && !l.startsWith("#")) {
            all.add(l);
          }
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the URL list " + file + " (" + e.getMessage()
            + "); check the path of --urls");
      }
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no input: give article files, folders or URLs"
          + (urlFiles.isEmpty() ? "" : " (the --urls file(s) list none)") + ", e.g. 'newsgraph build seeds/'");
    }
    return all;
  }

  /** The fetcher of these options. */
  PageFetcher fetcher() {
    if (!(fetchTimeout > 0) || !(fetchDelay >= 0)) {
      throw new IllegalArgumentException("--fetch-timeout must be more than 0 and --fetch-delay 0 or more");
    }
    return new PageFetcher(PageFetcher.Options.defaults()
        .withTimeout(Duration.ofMillis(Math.round(fetchTimeout * 1000)))
        .withPerHostDelay(Duration.ofMillis(Math.round(fetchDelay * 1000))));
  }

  /** A reader with these options and {@code date} as the default publication date. */
  ArticleReader reader(LocalDate date) {
    return new ArticleReader(date, CsvColumns.parse(csvColumns), fetcher());
  }

  /** The reading of {@code given} and the URL files, for {@link Ingest}. */
  Ingest.Reading reading(List<String> given, LocalDate date) {
    return Ingest.Reading.inputs(reader(date), inputs(given));
  }
}
