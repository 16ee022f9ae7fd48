package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Sizes of {@code --neo4j-page-cache}: binary units, case-insensitive, at least 8 MiB. */
class SizeOptionTest {
  @Test
  void sizesInBinaryUnits() {
    assertEquals(512L << 20, GlobalOptions.parseSize("512m"));
    assertEquals(2L << 30, GlobalOptions.parseSize("2G"));
    assertEquals(65536L << 10, GlobalOptions.parseSize("65536k"));
    assertEquals(8L << 20, GlobalOptions.parseSize("8388608"));
    assertEquals(1L << 30, GlobalOptions.parseSize("1gb"));
    assertEquals(Long.MAX_VALUE, GlobalOptions.parseSize("99999999999999999999g"), "too large saturates");
    assertThrows(TypeConversionException.class, () -> GlobalOptions.parseSize("1.5g"));
    assertThrows(TypeConversionException.class, () -> GlobalOptions.parseSize("7m"));
    assertThrows(TypeConversionException.class, () -> GlobalOptions.parseSize("lots"));
  }
}
