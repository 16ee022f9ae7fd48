package org.newsgraph.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding and the text normalisation every reader applies. */
final class TextDecoding {
  private TextDecoding() {}

  /**
   * Decodes bytes as UTF-8, then applies {@link #normalise(String)}.
   *
   * @throws BadInputException if the bytes are not valid UTF-8; the reason names the first bad
   *     byte and its line and says how to convert the file
   */
  static String decodeUtf8(byte[] bytes) throws BadInputException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int k = 0; k < at; k++) {
        if (bytes[k] == '\n') {
          line++;
        }
      }
      String bad = at < bytes.length ? String.format(" (byte 0x%02X on line %d)", bytes[at] & 0xff, line) : "";
      throw new BadInputException(
          "not valid UTF-8"
              + bad
              + "; convert it to UTF-8, e.g. iconv -f latin1 -t utf-8 FILE > FILE.utf8 (use the file's real encoding in place of latin1)");
    }
    out.flip();
    return normalise(out.toString());
  }

  /** Drops a leading byte-order mark and turns {@code \r\n} and lone {@code \r} into {@code \n}. */
  static String normalise(String text) {
    String s = text;
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    if (s.indexOf('\r') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n');
    }
    return s;
  }
}
