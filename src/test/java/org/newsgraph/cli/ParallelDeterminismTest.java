package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RDF of {@code extract --threads 2} is that of {@code --threads 1}, whatever the order the
 * articles come in: the seed and the three DOJ releases, with the real CoreNLP models (one shared
 * set per profile), compared as isomorphic datasets and as identical sorted N-Quads.
 */
class ParallelDeterminismTest {
  @TempDir Path dir;

  private Path extract(String profile, String threads, String... inputs) {
    Path out = dir.resolve(profile + "-" + threads + "-" + String.join("+", inputs).replaceAll("[^a-z+]", "") + ".nq");
    String[] args = new String[9 + inputs.length];
    String[] head = {"extract", "--profile", profile, "--threads", threads, "-f", "nquads", "-o", out.toString()};
    System.arraycopy(head, 0, args, 0, head.length);
    System.arraycopy(inputs, 0, args, head.length, inputs.length);
    CliRun r = CliRun.run(args);
    assertEquals(0, r.exit(), r.toString());
    return out;
  }

  private static List<String> sortedLines(Path nquads) throws Exception {
    return Files.readAllLines(nquads).stream().filter(l -> !l.isBlank()).sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"accurate", "fast"})
  void twoThreadsGiveTheRdfOfOneInAnyOrder(String profile) throws Exception {
    Path one = extract(profile, "1", "seeds", "eval/articles");
    Path two = extract(profile, "2", "seeds", "eval/articles");
    Path twoReversed = extract(profile, "2", "eval/articles", "seeds");

    List<String> expected = sortedLines(one);
    assertTrue(expected.size() > 1000, "too little RDF: " + expected.size() + " quads");
    assertEquals(expected, sortedLines(two));
    assertEquals(expected, sortedLines(twoReversed));

    Dataset a = RDFDataMgr.loadDataset(one.toString());
    Dataset b = RDFDataMgr.loadDataset(two.toString());
    Dataset c = RDFDataMgr.loadDataset(twoReversed.toString());
    assertEquals(4, org.apache.jena.atlas.iterator.Iter.count(a.asDatasetGraph().listGraphNodes()));
    assertTrue(IsoMatcher.isomorphic(a.asDatasetGraph(), b.asDatasetGraph()), "threads 1 and 2 differ");
    assertTrue(IsoMatcher.isomorphic(a.asDatasetGraph(), c.asDatasetGraph()), "the order of the inputs changed the RDF");
  }
}
