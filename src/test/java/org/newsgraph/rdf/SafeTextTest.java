package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void replacesWhatNoFormatCanCarryOneForOne() {
    String in = "a\u0000b\u0007c\u001bd\tE\nF\rG\uD800H\uDC00I\uFFFEJ\uFFFF";
    String out = SafeText.clean(in);
    assertEquals("a\uFFFDb\uFFFDc\uFFFDd\tE\nF\rG\uFFFDH\uFFFDI\uFFFDJ\uFFFD", out);
    assertEquals(in.length(), out.length());
    assertTrue(SafeText.needsCleaning(in));
  }

  @Test
  void keepsPairsEmojiAndFormatCharactersAndReturnsTheSameString() {
    String ok = "Zoë 👍🏽 \u202E\u200B\u2063 李 \u0085";
    assertFalse(SafeText.needsCleaning(ok));
    assertSame(ok, SafeText.clean(ok));
    assertEquals("\uFFFD\uD83D\uDC4D\uFFFD", SafeText.clean("\uDC4D\uD83D\uDC4D\uD83D"));
  }
}
