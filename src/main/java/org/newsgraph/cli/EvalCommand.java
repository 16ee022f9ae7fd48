package org.newsgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.newsgraph.eval.Gold;
import org.newsgraph.eval.Scorer;
import org.newsgraph.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsgraph eval}: scores extraction against gold files. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts the inputs and scores them against gold annotation files (the format of FORMAT.md): "
          + "precision, recall and F1 for named entities, group actors, relations, events, arguments and "
          + "event times, per file and micro-averaged, then what was missed and what was wrongly found.",
      "A gold file belongs to the article whose id is its \"document\" file name without extension, "
          + "or its own name without .gold.json. Its documentDate is the article's publication date "
          + "unless the input gives one.",
      "Example: newsgraph eval --gold src/test/resources/gold seeds/ (add --profile fast for the fast profile)"
    })
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--gold", required = true, paramLabel = "FILE_OR_DIR",
      description = "A gold JSON file or a folder of them (*.json); repeatable.")
  List<Path> gold;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Article files or folders.")
  List<Path> inputs;

  @Option(names = "--details", negatable = true, defaultValue = "true",
      description = "List misses and false alarms per file (default: on; --no-details to leave out).")
  boolean details;

  @Option(names = "--profile", paramLabel = "accurate|fast", defaultValue = "accurate",
      description = "The extraction profile to score, as in build (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--annotation-cache", paramLabel = "DIR",
      description = "Keep CoreNLP's annotation of each input in DIR and reuse it when the text, date and profile "
          + "are the same: a rerun after a change of extraction rules skips the models (created when missing).")
  Path annotationCache;

  @Option(names = "--predictions", paramLabel = "DIR",
      description = "Also write what was extracted from each scored input to DIR/<id>.json, in the gold shape "
          + "(as extract -f annotations writes it), to compare with its gold file.")
  Path predictions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    org.newsgraph.extract.Profile chosen = org.newsgraph.extract.Profile.parse(profile);
    Map<String, Gold> golds = new LinkedHashMap<>();
    for (Path g : gold) {
      golds.putAll(readGold(g));
    }
    if (golds.isEmpty()) {
      throw new IllegalArgumentException("no gold file (*.json) found at " + gold);
    }
    List<Article> articles = new org.newsgraph.read.ArticleReader(null).read(inputs, p -> err.println("skipped " + p.source() + ": " + p.reason()));
    Scorer.Result total = Scorer.empty();
    Map<String, Scorer.Result> byKind = new java.util.TreeMap<>();
    Map<String, Integer> filesByKind = new java.util.TreeMap<>();
    int scored = 0;
    org.newsgraph.extract.Extractor extractor = new org.newsgraph.extract.Extractor(org.newsgraph.model.AliasTable.EMPTY, chosen);
    if (annotationCache != null) {
      extractor = extractor.withAnnotationCache(new org.newsgraph.extract.AnnotationCache(annotationCache));
    }
    for (Article a : articles) {
      Gold g = golds.get(a.id());
      if (g == null) {
        err.println("no gold for " + a.source() + " (id " + a.id() + "); not scored");
        continue;
      }
      Article dated = a.date() == null && g.documentDate() != null ? a.withDate(LocalDate.parse(g.documentDate())) : a;
      org.newsgraph.model.ArticleGraph graph = extractor.extract(dated);
      if (predictions != null) {
        Files.createDirectories(predictions);
        Files.writeString(predictions.resolve(a.id() + ".json"),
            org.newsgraph.eval.Annotations.toJsonText(List.of(graph)), java.nio.charset.StandardCharsets.UTF_8);
      }
      Scorer.Result r = Scorer.score(graph, g);
      total = total.plus(r);
      scored++;
      if (g.kind() != null && !g.kind().isBlank()) {
        byKind.merge(g.kind(), r, Scorer.Result::plus);
        filesByKind.merge(g.kind(), 1, Integer::sum);
      }
      out.println("== " + a.source());
      printScores(out, r);
      if (details) {
        r.misses().forEach(m -> out.println("  missed:      " + m));
        r.falseAlarms().forEach(m -> out.println("  false alarm: " + m));
      }
      out.println();
    }
    if (scored == 0) {
      err.println("newsgraph: no input had a gold file; gold ids are " + golds.keySet());
      return Main.INPUT_FAILED;
    }
    if (!byKind.isEmpty()) {
      printKinds(out, byKind, filesByKind);
    }
    out.println("== micro-average over " + scored + " file(s), " + chosen + " profile");
    printScores(out, total);
    return Main.OK;
  }

  /** F1 of every measure per kind of news (the gold's {@code kind}), one row a kind. */
  private static void printKinds(PrintWriter out, Map<String, Scorer.Result> byKind, Map<String, Integer> files) {
    out.println("== F1 per kind of news (micro-averaged within each kind)");
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-10s %5s", "kind", "files"));
    List<String> shortNames = List.of("entities", "groups", "relations", "events", "arguments", "role-blind", "times");
    shortNames.forEach(n -> head.append(String.format(Locale.ROOT, " %10s", n)));
    out.println(head);
    byKind.forEach((kind, r) -> {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-10s %5d", kind, files.get(kind)));
      for (String m : Scorer.MEASURES) {
        row.append(String.format(Locale.ROOT, " %10.2f", r.get(m).f1()));
      }
      out.println(row);
    });
    out.println();
  }

  private static void printScores(PrintWriter out, Scorer.Result r) {
    out.printf(Locale.ROOT, "  %-24s %9s %6s %6s   %s%n", "measure", "precision", "recall", "F1", "(matched/predicted, gold)");
    for (String m : Scorer.MEASURES) {
      Scorer.Prf p = r.get(m);
      out.printf(Locale.ROOT, "  %-24s %9.2f %6.2f %6.2f   (%d/%d, %d)%n", m, p.precision(), p.recall(), p.f1(),
          p.truePositives(), p.predicted(), p.gold());
    }
  }

  /** Gold files by article id. */
  static Map<String, Gold> readGold(Path where) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(where)) {
      try (Stream<Path> s = Files.list(where)) {
        s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
      }
    } else if (Files.isRegularFile(where)) {
      files.add(where);
    } else {
      throw new IllegalArgumentException("no gold file or folder at " + where);
    }
    Map<String, Gold> byId = new LinkedHashMap<>();
    for (Path f : files) {
      Gold g = Gold.read(f);
      String id = g.document() != null
          ? Path.of(g.document()).getFileName().toString().replaceFirst("\\.[^.]+$", "")
          : f.getFileName().toString().replaceFirst("\\.gold\\.json$|\\.json$", "");
      byId.put(id.replaceAll("[^A-Za-z0-9._-]", "-"), g);
    }
    return byId;
  }
}
