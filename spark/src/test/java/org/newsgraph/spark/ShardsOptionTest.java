package org.newsgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --shards}: the application's cores at most 8 unless given; checked when given. */
class ShardsOptionTest {
  private static Neo4jLoad.Target target(String... args) {
    NewsgraphSpark.Load load = new NewsgraphSpark.Load();
    new CommandLine(load).parseArgs(args);
    return load.neo4j.target(LocalSpark.get());
  }

  @Test
  void defaultIsTheApplicationsCoresAtMostEight() {
    // LocalSpark is local[2]
    assertEquals(2, Neo4jLoad.defaultShards(LocalSpark.get()));
    assertEquals(2, target("out", "--neo4j-uri", "bolt://localhost:7687").shards());
  }

  @Test
  void givenShardsAreKeptAndCheckedWhenNotPositive() {
    assertEquals(5, target("out", "--neo4j-uri", "bolt://localhost:7687", "--shards", "5").shards());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> target("out", "--neo4j-uri", "bolt://localhost:7687", "--shards", "-1"));
    assertEquals("--shards, --resources-per-batch and --batch must be 1 or more", e.getMessage());
  }
}
