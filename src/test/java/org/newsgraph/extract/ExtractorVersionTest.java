package org.newsgraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The extractor version follows the rule files: every file beside {@link Extractor} counts, and
 * the digest is that of their bytes as the sources hold them (so an edited rule file changes the
 * version, and a build extracts again instead of skipping "unchanged" articles). No models loaded.
 */
class ExtractorVersionTest {
  static final Path RULES = Path.of("src/main/resources/org/newsgraph/extract");

  @Test
  void everyRuleFileIsPartOfTheVersion() throws IOException {
    List<String> onDisk;
    try (Stream<Path> files = Files.list(RULES)) {
      onDisk = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(onDisk, Extractor.RULE_FILES.stream().sorted().toList());
  }

  @Test
  void versionIsTheCodeVersionPlusTheDigestOfTheRuleFiles() throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (String f : Extractor.RULE_FILES) {
      all.write(f.getBytes(StandardCharsets.UTF_8));
      all.write(0);
      all.write(Files.readAllBytes(RULES.resolve(f)));
      all.write(0);
    }
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toByteArray()));
    assertEquals("newsgraph-extract/3+rules." + digest.substring(0, 12), Extractor.VERSION);
    assertEquals(Extractor.VERSION + "+fast", Extractor.version(Profile.FAST));
    assertEquals(Extractor.VERSION, Extractor.version(Profile.ACCURATE));
    assertTrue(Extractor.VERSION.matches("newsgraph-extract/\\d+\\+rules\\.[0-9a-f]{12}"), Extractor.VERSION);
  }
}
