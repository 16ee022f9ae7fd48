package org.newsgraph.cli;

import org.newsgraph.pipeline.ArticleGuard;
import org.newsgraph.pipeline.DataFolderLock;
import org.newsgraph.pipeline.Ingest;
import org.newsgraph.pipeline.PendingLoads;
import org.newsgraph.pipeline.Stores;
import org.newsgraph.pipeline.PipelineConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.newsgraph.extract.NlpPipeline;
import org.newsgraph.extract.Profile;
import org.newsgraph.model.AliasTable;
import org.newsgraph.model.Article;
import org.newsgraph.neo4j.ArticleUpdater;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.TdbStore;
import org.newsgraph.read.ArticleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsgraph bench}: how fast {@code build} is, next to CoreNLP alone on the same texts.
 *
 * <p>For each profile the models are loaded once; then, per run and per thread count, the corpus
 * is built end to end exactly as {@code build} does (read, annotate, extract, map to RDF and check
 * it, store in a fresh TDB2 dataset, load into an embedded Neo4j emptied before), and the same
 * texts are annotated by the same {@code StanfordCoreNLP} object with nothing around it (the
 * "raw" run), on as many threads. The two alternate in order from run to run. Medians are
 * reported.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures build against raw CoreNLP over the same texts, in the same JVM: articles/s, tokens/s, time per stage"
          + " (read, annotate, extract, map, store, load), model loading time and heap, per profile and thread count;"
          + " medians of several runs. Stores go to a temporary folder; nothing under the data folder is touched.",
      "Example: newsgraph bench bench/corpus/ (about 15 minutes on 2 cores)"
    })
final class BenchCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "CORPUS", description = "Article files or folders, as for build.")
  List<Path> inputs;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
      description = "Timed runs per profile and thread count; medians are reported (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
      description = "Untimed passes over the corpus after loading each profile (raw CoreNLP, then a build), to warm up"
          + " the JIT (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--profile", paramLabel = "LIST", split = ",", defaultValue = "accurate,fast",
      description = "Profiles to measure, comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> profiles;

  @Option(names = "--threads", paramLabel = "LIST", split = ",",
      description = "Thread counts to measure, comma-separated (default: 1 and the number of processors).")
  List<Integer> threads;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Publication date for articles whose input gives none.")
  LocalDate date;

  @Option(names = "--no-neo4j", description = "Leave out the Neo4j load stage (and the embedded Neo4j).")
  boolean noNeo4j;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write every measurement as JSON to FILE.")
  Path json;

  @Spec CommandSpec spec;

  /** One build and one raw run of the corpus; times in seconds. */
  record Sample(int run, double read, double annotate, double extract, double map, double store, double load,
      double total, double raw, long articles, long tokens, long rawTokens, int failures) {}

  /** What was measured for one profile. */
  record ProfileResult(Profile profile, String annotators, double modelLoadSeconds, long modelsHeapMb,
      long peakHeapMb, long liveHeapMb, Map<Integer, List<Sample>> samples) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (runs < 1 || warmup < 0) {
      throw new IllegalArgumentException("--runs must be 1 or more and --warmup 0 or more");
    }
    Set<Profile> chosen = new LinkedHashSet<>();
    for (String p : profiles) {
      chosen.add(Profile.parse(p));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    List<Integer> counts = new ArrayList<>(new LinkedHashSet<>(threads == null || threads.isEmpty() ? List.of(1, cores) : threads));
    if (counts.stream().anyMatch(t -> t < 1)) {
      throw new IllegalArgumentException("--threads must list numbers of 1 or more");
    }
    List<Article> corpus = new ArticleReader(date).read(inputs, p -> err.println("skipped " + p.source() + ": " + p.reason()));
    if (corpus.isEmpty()) {
      err.println("newsgraph: no article could be read from " + inputs);
      return Main.INPUT_FAILED;
    }
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    Path work = Files.createTempDirectory("newsgraph-bench-");
    HeapWatch heap = new HeapWatch();
    List<ProfileResult> results = new ArrayList<>();
    double neo4jStart = 0;
    EmbeddedNeo4j neo = null;
    Neo4jStore neoStore = null;
    try {
      if (!noNeo4j) {
        long t = System.nanoTime();
        neo = EmbeddedNeo4j.start(work.resolve("neo4j"));
        neoStore = Neo4jStore.connect(neo.boltUri(), null, null, null);
        neo4jStart = seconds(t);
      }
      err.printf("bench: %d article(s) from %s; profiles %s; threads %s; %d run(s) after %d warm-up pass(es)%n",
          corpus.size(), inputs, chosen, counts, runs, warmup);
      for (Profile profile : chosen) {
        results.add(measure(profile, corpus, counts, work, neoStore, heap, err));
      }
    } finally {
      heap.close();
      if (neoStore != null) {
        neoStore.close();
      }
      if (neo != null) {
        neo.close();
      }
      deleteTree(work);
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long tokens = results.get(0).samples().values().iterator().next().get(0).rawTokens();
    report(out, corpus.size(), tokens, cores, loadBefore, loadAfter, neo4jStart, results);
    if (json != null) {
      writeJson(started, corpus.size(), tokens, cores, loadBefore, loadAfter, neo4jStart, results);
      out.println("JSON:    " + json.toAbsolutePath());
    }
    return Main.OK;
  }

  private ProfileResult measure(Profile profile, List<Article> corpus, List<Integer> counts, Path work,
      Neo4jStore neo, HeapWatch heap, PrintWriter err) throws Exception {
    NlpPipeline.release(profile);
    heap.reset();
    err.printf("bench: loading the %s models...%n", profile);
    long t0 = System.nanoTime();
    NlpPipeline pipeline = NlpPipeline.shared(profile);
    double load = seconds(t0);
    long modelsMb = heap.usedAfterGcMb();
    int most = counts.stream().max(Integer::compare).orElse(1);
    for (int w = 0; w < warmup; w++) {
      err.printf("bench: %s warm-up %d/%d%n", profile, w + 1, warmup);
      raw(pipeline, corpus, most);
      build(profile, most, 0, work.resolve(profile + "-warmup-" + w), neo, null);
    }
    Map<Integer, List<Sample>> samples = new LinkedHashMap<>();
    for (int r = 1; r <= runs; r++) {
      for (int t : counts) {
        Sample s;
        if (r % 2 == 1) {
          double[] raw = raw(pipeline, corpus, t);
          s = build(profile, t, r, work.resolve(profile + "-" + t + "-" + r), neo, raw);
        } else {
          Sample b = build(profile, t, r, work.resolve(profile + "-" + t + "-" + r), neo, null);
          double[] raw = raw(pipeline, corpus, t);
          s = new Sample(r, b.read(), b.annotate(), b.extract(), b.map(), b.store(), b.load(), b.total(), raw[0],
              b.articles(), b.tokens(), (long) raw[1], b.failures());
        }
        samples.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
        err.printf(Locale.ROOT, "bench: %s, %d thread(s), run %d/%d: build %.1f s, raw CoreNLP %.1f s (%.2fx)%n",
            profile, t, r, runs, s.total(), s.raw(), s.total() / s.raw());
      }
    }
    ProfileResult result = new ProfileResult(profile, pipeline.annotators(), load, modelsMb, heap.peakMb(),
        heap.liveMb(), samples);
    NlpPipeline.release(profile);
    return result;
  }

  /** CoreNLP alone over the texts on {@code threads} threads: {wall seconds, tokens}. */
  private static double[] raw(NlpPipeline pipeline, List<Article> corpus, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t0 = System.nanoTime();
      List<Future<Integer>> futures = new ArrayList<>();
      for (Article a : corpus) {
        futures.add(pool.submit(() -> {
          CoreDocument doc = new CoreDocument(a.text());
          if (a.date() != null) {
            doc.annotation().set(CoreAnnotations.DocDateAnnotation.class, a.date().toString());
          }
          pipeline.corenlp().annotate(doc);
          return doc.tokens().size();
        }));
      }
      long tokens = 0;
      for (Future<Integer> f : futures) {
        try {
          tokens += f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("raw CoreNLP failed: " + e.getCause(), e.getCause());
        }
      }
      return new double[] {seconds(t0), tokens};
    } finally {
      pool.shutdownNow();
    }
  }

  /** One build of the corpus as {@code build} does it, into fresh stores under {@code dir}. */
  private Sample build(Profile profile, int threads, int run, Path dir, Neo4jStore neo, double[] raw) {
    if (neo != null) {
      neo.query("MATCH (n) DETACH DELETE n", null, true, null);
    }
    StringWriter messages = new StringWriter();
    PrintWriter sink = new PrintWriter(messages);
    RdfMapper mapper = new RdfMapper();
    long t0 = System.nanoTime();
    PipelineConfig config = PipelineConfig.builder().profile(profile).threads(threads).defaultDate(date)
        .aliases(AliasTable.EMPTY).build();
    Ingest.Collected c = Ingest.collect(Ingest.Reading.files(inputs, date), config, sink);
    Ingest.Outcome o = c.outcome();
    double ingest = seconds(t0);
    if (o.failures() > 0) {
      sink.flush();
      messages.toString().lines().filter(l -> l.startsWith("skipped") || l.startsWith("stopped"))
          .forEach(l -> spec.commandLine().getErr().println("bench: " + l));
    }
    Map<String, Model> graphs = new LinkedHashMap<>();
    for (Ingest.Done d : c.done()) {
      graphs.put(d.graphIri(), d.rdf());
    }
    double store;
    double load = 0;
    try (TdbStore tdb = TdbStore.open(dir.resolve("tdb2"))) {
      long ts = System.nanoTime();
      Set<Node> affected = ArticleUpdater.storeRdf(tdb, graphs);
      store = seconds(ts);
      if (neo != null) {
        long tl = System.nanoTime();
        new ArticleUpdater(tdb, neo).refresh(affected);
        load = seconds(tl);
      }
    }
    deleteTree(dir);
    Map<String, Long> st = o.stageMillis();
    double extractWall = st.getOrDefault("extract", 0L) / 1000.0;
    long a = o.work().annotateNanos();
    long r = o.work().rulesNanos();
    double annotate = a + r == 0 ? 0 : extractWall * a / (a + r);
    return new Sample(run, st.getOrDefault("read", 0L) / 1000.0, annotate, extractWall - annotate,
        st.getOrDefault("map", 0L) / 1000.0, store, load, ingest + store + load, raw == null ? 0 : raw[0],
        o.built(), o.work().tokens(), raw == null ? 0 : (long) raw[1], o.failures());
  }

  private void report(PrintWriter out, int articles, long tokens, int cores, double loadBefore, double loadAfter,
      double neo4jStart, List<ProfileResult> results) {
    out.printf(Locale.ROOT, "newsgraph bench: %d articles, %,d tokens; medians of %d run(s) after %d warm-up pass(es)%n",
        articles, tokens, runs, warmup);
    out.printf(Locale.ROOT, "machine: %d processor(s), Java %s, max heap %,d MB; load average %.2f before, %.2f after%n",
        cores, System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, loadBefore, loadAfter);
    out.println();
    out.printf("%-9s %7s %10s %9s %9s %6s | %6s %8s %7s %5s %5s %5s %6s | %6s%n", "profile", "threads", "articles/s",
        "tokens/s", "raw tok/s", "ng/raw", "read", "annotate", "extract", "map", "store", "load", "total", "raw");
    for (ProfileResult pr : results) {
      pr.samples().forEach((t, list) -> {
        double total = median(list, Sample::total);
        double raw = median(list, Sample::raw);
        out.printf(Locale.ROOT, "%-9s %7d %10.2f %9.0f %9.0f %6.2f | %6.2f %8.1f %7.2f %5.2f %5.2f %5.2f %6.1f | %6.1f%n",
            pr.profile(), t, list.get(0).articles() / total, list.get(0).tokens() / total, list.get(0).rawTokens() / raw,
            median(list, s -> s.total() / s.raw()), median(list, Sample::read), median(list, Sample::annotate),
            median(list, Sample::extract), median(list, Sample::map), median(list, Sample::store),
            median(list, Sample::load), total, raw);
      });
    }
    out.println();
    out.println("Stages are wall seconds for one build of the whole corpus, models already loaded: annotate = CoreNLP"
        + " inside newsgraph, extract = newsgraph's rules, map = RDF mapping and SHACL check, store = TDB2, load = Neo4j"
        + (noNeo4j ? " (left out: --no-neo4j)" : " (embedded)") + "; total = all of them. raw = the same CoreNLP pipeline"
        + " object alone on the same texts and threads. ng/raw = total / raw.");
    out.println();
    out.printf("%-9s %12s %15s %14s %14s  %s%n", "profile", "model load s", "models heap MB", "peak heap MB",
        "live heap MB", "annotators");
    for (ProfileResult pr : results) {
      out.printf(Locale.ROOT, "%-9s %12.1f %,15d %,14d %,14d  %s%n", pr.profile(), pr.modelLoadSeconds(),
          pr.modelsHeapMb(), pr.peakHeapMb(), pr.liveHeapMb(), pr.annotators());
    }
    out.println("models heap = heap in use after a GC once the models are loaded; peak = most heap in use (sampled);"
        + " live = most heap in use right after a GC, during the runs.");
    if (!noNeo4j) {
      out.printf(Locale.ROOT, "Embedded Neo4j start (once, not in the totals): %.1f s%n", neo4jStart);
    }
    out.println();
    targets(out, results);
  }

  /** The targets, measured. */
  private static void targets(PrintWriter out, List<ProfileResult> results) {
    out.println("Targets:");
    ProfileResult accurate = find(results, Profile.ACCURATE);
    ProfileResult fast = find(results, Profile.FAST);
    if (accurate != null) {
      int t = accurate.samples().keySet().stream().max(Integer::compare).orElse(1);
      double ratio = median(accurate.samples().get(t), s -> s.total() / s.raw());
      double noLoad = median(accurate.samples().get(t), s -> (s.total() - s.load()) / s.raw());
      out.printf(Locale.ROOT, "  build (accurate, %d thread(s)) within 1.15x raw CoreNLP wall time: %.2fx  %s"
          + " (%.2fx without the Neo4j load)%n", t, ratio, ratio <= 1.15 ? "met" : "NOT met", noLoad);
    }
    for (ProfileResult pr : results) {
      List<Sample> one = pr.samples().get(1);
      List<Sample> two = pr.samples().get(2);
      if (one != null && two != null) {
        double speedup = median(one, Sample::total) / median(two, Sample::total);
        double rawSpeedup = median(one, Sample::raw) / median(two, Sample::raw);
        out.printf(Locale.ROOT, "  --threads 2 >= 1.6x --threads 1 throughput (%s): %.2fx (raw CoreNLP %.2fx)  %s%n",
            pr.profile(), speedup, rawSpeedup, speedup >= 1.6 ? "met" : "NOT met");
      }
    }
    if (accurate != null && fast != null) {
      for (int t : accurate.samples().keySet()) {
        List<Sample> a = accurate.samples().get(t);
        List<Sample> f = fast.samples().get(t);
        if (f == null) {
          continue;
        }
        double ratio = (f.get(0).tokens() / median(f, Sample::total)) / (a.get(0).tokens() / median(a, Sample::total));
        out.printf(Locale.ROOT, "  fast >= 4x accurate tokens/s (%d thread(s)): %.2fx  %s%n", t, ratio,
            ratio >= 4 ? "met" : "NOT met");
      }
    }
  }

  private static ProfileResult find(List<ProfileResult> results, Profile p) {
    return results.stream().filter(r -> r.profile() == p).findFirst().orElse(null);
  }

  private void writeJson(OffsetDateTime started, int articles, long tokens, int cores, double loadBefore,
      double loadAfter, double neo4jStart, List<ProfileResult> results) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("started", started.toString());
    root.put("corpus", Map.of("inputs", inputs.stream().map(Path::toString).toList(), "articles", articles, "tokens", tokens));
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("processors", cores);
    machine.put("java", System.getProperty("java.version"));
    machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
    machine.put("loadAverageBefore", loadBefore);
    machine.put("loadAverageAfter", loadAfter);
    root.put("machine", machine);
    root.put("runs", runs);
    root.put("warmup", warmup);
    root.put("neo4jStartSeconds", noNeo4j ? null : neo4jStart);
    List<Object> profs = new ArrayList<>();
    for (ProfileResult pr : results) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("profile", pr.profile().id());
      p.put("annotators", pr.annotators());
      p.put("modelLoadSeconds", pr.modelLoadSeconds());
      p.put("modelsHeapMb", pr.modelsHeapMb());
      p.put("peakHeapMb", pr.peakHeapMb());
      p.put("liveHeapMb", pr.liveHeapMb());
      List<Object> byThreads = new ArrayList<>();
      pr.samples().forEach((t, list) -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threads", t);
        Map<String, Object> med = new LinkedHashMap<>();
        for (String f : List.of("read", "annotate", "extract", "map", "store", "load", "total", "raw")) {
          med.put(f, median(list, s -> field(s, f)));
        }
        med.put("articlesPerSecond", list.get(0).articles() / median(list, Sample::total));
        med.put("tokensPerSecond", list.get(0).tokens() / median(list, Sample::total));
        med.put("rawTokensPerSecond", list.get(0).rawTokens() / median(list, Sample::raw));
        med.put("newsgraphOverRaw", median(list, s -> s.total() / s.raw()));
        m.put("median", med);
        m.put("samples", list);
        byThreads.add(m);
      });
      p.put("byThreads", byThreads);
      profs.add(p);
    }
    root.put("profiles", profs);
    if (json.toAbsolutePath().getParent() != null) {
      Files.createDirectories(json.toAbsolutePath().getParent());
    }
    JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(json.toFile(), root);
  }

  private static double field(Sample s, String name) {
    return switch (name) {
      case "read" -> s.read();
      case "annotate" -> s.annotate();
      case "extract" -> s.extract();
      case "map" -> s.map();
      case "store" -> s.store();
      case "load" -> s.load();
      case "total" -> s.total();
      default -> s.raw();
    };
  }

  static double median(List<Sample> samples, ToDoubleFunction<Sample> f) {
    double[] v = samples.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static double seconds(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1e9;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Heap in use: the most seen by a sampler (every 20 ms) and the most left right after a garbage
   * collection.
   */
  static final class HeapWatch implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final Set<String> heapPools = new LinkedHashSet<>();
    private final List<Runnable> unregister = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          heapPools.add(pool.getName());
        }
      }
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          javax.management.NotificationListener l = (n, hb) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
              GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
              long after = 0;
              for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(e.getKey())) {
                  after += e.getValue().getUsed();
                }
              }
              live.accumulateAndGet(after, Math::max);
            }
          };
          emitter.addNotificationListener(l, null, null);
          unregister.add(() -> {
            try {
              emitter.removeNotificationListener(l);
            } catch (javax.management.ListenerNotFoundException e) {
              // gone already
            }
          });
        }
      }
      sampler = new Thread(() -> {
        while (running) {
          peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "newsgraph-bench-heap");
      sampler.setDaemon(true);
      sampler.start();
    }

    /** Collects garbage and starts counting afresh. */
    void reset() {
      System.gc();
      peak.set(0);
      live.set(0);
    }

    /** Heap in use right after a full collection now, in MB. */
    long usedAfterGcMb() {
      System.gc();
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    long peakMb() {
      return peak.get() >> 20;
    }

    long liveMb() {
      return live.get() >> 20;
    }

    @Override
    public void close() {
      running = false;
      sampler.interrupt();
      unregister.forEach(Runnable::run);
    }
  }
}
