package org.newsgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The shipped logback.xml: a logged name cannot forge or hide a log line. */
class LogLineEscapingTest {
  private static String logged(String message) throws Exception {
    URL config = LogLineEscapingTest.class.getClassLoader().getResource("logback.xml");
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      configurator.doConfigure(config);
      Logger log = context.getLogger("org.newsgraph.Test");
      log.info("entity {}", message);
    } finally {
      context.stop();
      System.setErr(saved);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void controlCharactersInANameCannotForgeALine() throws Exception {
    String out = logged("Evil\n12:00:00.000 ERROR org.newsgraph.Fake - forged\r\u001b[2Jx\u0085y\u2028z\u2029w\u202eabc\u0000");
    assertTrue(out.endsWith("\n"), out);
    assertEquals(1, out.split("\n", -1).length - 1, out);
    assertTrue(out.endsWith(" INFO  org.newsgraph.Test - entity Evil?12:00:00.000 ERROR org.newsgraph.Fake - forged??"
        + "[2Jx?y?z?w?abc?\n"), out);
  }

  @Test
  void ordinaryTextIsKept() throws Exception {
    String out = logged("Zhou Fengsuo\tÉlodie Müller 李文亮 👍");
    assertTrue(out.endsWith("entity Zhou Fengsuo\tÉlodie Müller 李文亮 👍\n"), out);
  }
}
