package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.model.AliasTable;

class AliasFilesTest {
  @TempDir Path dir;

  @Test
  void csvRowsNameTheCanonicalFirst() throws Exception {
    Path f = dir.resolve("aliases.csv");
    Files.writeString(f, "# canonical, aliases\nRobert Smith,Bob Smith,\"Smith, Robert\"\nUnited Nations,UN\n");
    AliasTable t = AliasFiles.load(f);
    assertEquals(Optional.of("Robert Smith"), t.canonical("bob smith"));
    assertEquals(Optional.of("Robert Smith"), t.canonical("Smith, Robert"));
    assertEquals(Optional.of("United Nations"), t.canonical("UN"));
    assertEquals(Optional.empty(), t.canonical("Jane Roe"));
    assertEquals(5, t.size());
  }

  @Test
  void turtleWithSkosLabelsAndSameAs() throws Exception {
    Path f = dir.resolve("aliases.ttl");
    Files.writeString(f, "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        + "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        + "<urn:x:zoom> skos:prefLabel \"Zoom\" ; skos:altLabel \"Zoom Video Communications\" ; owl:sameAs <urn:x:zvc> .\n"
        + "<urn:x:zvc> skos:prefLabel \"ZM\" .\n");
    AliasTable t = AliasFiles.load(f);
    assertEquals(Optional.of("Zoom"), t.canonical("Zoom Video Communications"));
    assertEquals(Optional.of("Zoom"), t.canonical("ZM"));
  }

  @Test
  void aBrokenFileSaysWhatToGive() throws Exception {
    Path f = dir.resolve("aliases.ttl");
    Files.writeString(f, "this is not turtle");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AliasFiles.load(f));
    assertTrue(e.getMessage().contains("skos:prefLabel"), e.getMessage());
  }
}
