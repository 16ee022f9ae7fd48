package org.newsgraph.read;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A web server on the loopback address for tests that fetch: pages are set per path and may be
 * changed while it runs; every request is recorded with its path, {@code User-Agent} and time.
 */
public final class LocalWeb implements AutoCloseable {
  /** What one path answers. */
  public record Answer(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis) {
    public static Answer page(String contentType, String body) {
      return new Answer(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
    }

    public static Answer redirect(int status, String location) {
      return new Answer(status, null, new byte[0], Map.of("Location", location), 0);
    }
  }

  /** A request as received. */
  public record Request(String path, String userAgent, long nanos) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, java.util.Deque<Answer>> turns = new ConcurrentHashMap<>();
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  public LocalWeb() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "local-web");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The absolute URL of {@code path} (which starts with '/'). */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Sets what {@code path} answers (path and query, as requested). */
  public LocalWeb at(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  /**
   * Sets what {@code path} answers request after request: the first answer to the first request,
   * and so on; the last one stays.
   */
  public LocalWeb inTurn(String path, Answer... inOrder) {
    java.util.Deque<Answer> queue = new java.util.concurrent.ConcurrentLinkedDeque<>(List.of(inOrder));
    answers.put(path, queue.pollLast());
    turns.put(path, queue);
    return this;
  }

  /** Sets an HTML page. */
  public LocalWeb html(String path, String html) {
    return at(path, Answer.page("text/html; charset=utf-8", html));
  }

  /** How many requests asked for {@code path}. */
  public long hits(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
    requests.add(new Request(path, ex.getRequestHeaders().getFirst("User-Agent"), System.nanoTime()));
    java.util.Deque<Answer> queue = turns.get(path);
    Answer next = queue == null ? null : queue.pollFirst();
    Answer a = next != null ? next : answers.get(path);
    try (ex) {
      if (a == null) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      if (a.delayMillis() > 0) {
        try {
          Thread.sleep(a.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (a.contentType() != null) {
        ex.getResponseHeaders().set("Content-Type", a.contentType());
      }
      a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
      if (a.body().length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(a.body());
        }
      }
    } catch (IOException e) {
      // the client went away (a timeout or size-cap test): nothing to answer
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
