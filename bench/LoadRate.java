// The load-rate benchmark of docs/performance.md ("Loading RDF"): parses an RDF file into memory, then
// times RdfGraphLoader.load of it into a new, empty embedded Neo4j, several times (a new database
// each run), and prints each rate: the first (cold JVM) and the median of the others. Run it through bench/load-rate, which builds the
// classes and the class path first.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.newsgraph.neo4j.EmbeddedNeo4j;
import org.newsgraph.neo4j.LoadStats;
import org.newsgraph.neo4j.Neo4jStore;
import org.newsgraph.neo4j.RdfGraphLoader;

public class LoadRate {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: bench/load-rate FILE [RUNS]   (e.g. the output of bench/generate-rdf.py 1000000 bench.nt)");
      System.exit(2);
    }
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long t0 = System.nanoTime();
    Dataset ds = DatasetFactory.create();
    RDFDataMgr.read(ds, args[0]);
    long triples = ds.asDatasetGraph().stream().count();
    System.out.printf("parsed %,d triples in %.1f s%n", triples, (System.nanoTime() - t0) / 1e9);
    List<Double> rates = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Path home = Files.createTempDirectory("newsgraph-load-rate-");
      try (EmbeddedNeo4j neo = EmbeddedNeo4j.start(home);
          Neo4jStore store = Neo4jStore.connect(neo.boltUri(), null, null, null)) {
        long t = System.nanoTime();
        LoadStats st = new RdfGraphLoader(store).load(ds);
        double s = (System.nanoTime() - t) / 1e9;
        rates.add(triples / s);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("run %d: %,d nodes, %,d relationships in %.1f s = %,.0f triples/s (heap in use %,d MB)%n",
            run, st.nodes(), st.relationships(), s, triples / s, (rt.totalMemory() - rt.freeMemory()) >> 20);
      } finally {
        try (var walk = Files.walk(home)) {
          walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    // The first run pays the JIT warm-up of Neo4j's code, as a real `newsgraph load` does.
    System.out.printf("first run (cold JVM, as newsgraph load): %,.0f triples/s (max heap %,d MB)%n", rates.get(0),
        Runtime.getRuntime().maxMemory() >> 20);
    if (rates.size() > 1) {
      List<Double> later = new ArrayList<>(rates.subList(1, rates.size()));
      Collections.sort(later);
      System.out.printf("later runs (warm JVM): median %,.0f triples/s%n", later.get(later.size() / 2));
    }
  }
}
