package org.newsgraph.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches web pages and feeds politely: {@code http} and {@code https} only, a time limit per
 * request (connection, headers and body together), a cap on the body's size, a pause between two
 * requests to the same host, a {@code User-Agent} that names newsgraph, and redirects followed (at
 * most {@link Options#maxRedirects()}) only to {@code http} or {@code https}. The final URL and the
 * fetch time come back with the body, for provenance.
 *
 * <p>Instances are safe to share between threads; the pause per host holds across threads.
 */
public final class PageFetcher {
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /**
   * How to fetch.
   *
   * @param timeout the most one request may take, from connecting to the last byte of the body
   * @param maxBytes the largest body accepted, in bytes; a larger one is refused
   * @param perHostDelay the least time between the starts of two requests to the same host
   * @param maxRedirects the most redirects followed for one fetch
   * @param userAgent the {@code User-Agent} header
   */
  public record Options(Duration timeout, long maxBytes, Duration perHostDelay, int maxRedirects, String userAgent) {
    /** Checks the values. */
    public Options {
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(perHostDelay, "perHostDelay");
      Objects.requireNonNull(userAgent, "userAgent");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the fetch timeout must be more than 0 seconds");
      }
      if (perHostDelay.isNegative()) {
        throw new IllegalArgumentException("the delay between requests to one host cannot be negative");
      }
      if (maxBytes < 1 || maxRedirects < 0) {
        throw new IllegalArgumentException("maxBytes must be positive and maxRedirects not negative");
      }
    }

    /**
     * The defaults: 30 s per request, 10 MiB per body, 1 s between two requests to one host, 5
     * redirects, and {@link #USER_AGENT}.
     */
    public static Options defaults() {
      return new Options(Duration.ofSeconds(30), 10L << 20, Duration.ofSeconds(1), 5, USER_AGENT);
    }

    /** These options with another timeout. */
    public Options withTimeout(Duration newTimeout) {
      return new Options(newTimeout, maxBytes, perHostDelay, maxRedirects, userAgent);
    }

    /** These options with another pause between requests to one host. */
    public Options withPerHostDelay(Duration delay) {
      return new Options(timeout, maxBytes, delay, maxRedirects, userAgent);
    }

    /** These options with another size cap. */
    public Options withMaxBytes(long max) {
      return new Options(timeout, max, perHostDelay, maxRedirects, userAgent);
    }
  }

  /** The {@code User-Agent} sent by default: names newsgraph, its version and where to read about it. */
  public static final String USER_AGENT = "newsgraph/" + version()
      + " (+https://w3id.org/newsgraph; knowledge-graph builder for news)";

  /**
   * A fetched body.
   *
   * @param requested the URL asked for
   * @param finalUrl the URL the body came from, after redirects
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param body the body's bytes, at most {@link Options#maxBytes()}
   * @param retrievedAt when the final request was sent
   */
  public record Page(URI requested, URI finalUrl, String contentType, byte[] body, Instant retrievedAt) {
    /**
     * The body as text: in the charset of the {@code Content-Type} header, else of a byte-order
     * mark, an XML declaration or an HTML {@code <meta charset>} near the start, else UTF-8; bytes
     * that do not decode become U+FFFD. A leading byte-order mark is dropped and line endings become
     * {@code \n}.
     */
    public String text() {
      Charset charset = charsetOf(contentType);
      if (charset == null) {
        charset = sniffCharset(body);
      }
      return TextDecoding.normalise(new String(body, charset == null ? StandardCharsets.UTF_8 : charset));
    }

    /** The media type without parameters, lower case, or an empty string. */
    public String mediaType() {
      if (contentType == null) {
        return "";
      }
      int semi = contentType.indexOf(';');
      return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
  }

  /** A page that could not be fetched; the message says why, for a person to read. */
  public static final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure with its reason. */
    public FetchException(String reason) {
      super(reason, null, false, false);
    }
  }

  private final Options options;
  private final HttpClient client;
  private final Map<String, Long> nextStart = new HashMap<>();

  /** A fetcher with these options. */
  public PageFetcher(Options options) {
    this.options = Objects.requireNonNull(options, "options");
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(options.timeout())
        .build();
  }

  /** The options in force. */
  public Options options() {
    return options;
  }

  /**
   * Whether {@code input} is meant as a web address: it starts with a URL scheme ({@code
   * http://}, {@code ftp://}, ...). Only {@code http} and {@code https} are then fetched.
   */
  public static boolean looksLikeUrl(String input) {
    return input.matches("(?i)[a-z][a-z0-9+.-]*://.*");
  }

  /**
   * Parses and checks a URL given by a user or found in a feed.
   *
   * @throws FetchException when it is not an absolute {@code http} or {@code https} URL with a host
   */
  public static URI httpUri(String url) throws FetchException {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new FetchException("not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException("only http and https URLs are fetched, not " + (scheme.isEmpty() ? "a relative address" : scheme + ":"));
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new FetchException("the URL has no host");
    }
    return uri;
  }

  /**
   * Fetches {@code url}, following redirects to {@code http} and {@code https} addresses.
   *
   * @return the body of the final response, which has a 2xx status
   * @throws FetchException naming the reason: not http(s), a redirect elsewhere or too many, a
   *     status other than 2xx, the time limit, the size cap, or a network error
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  public Page fetch(String url) throws FetchException, InterruptedException {
    URI requested = httpUri(url);
    URI current = requested;
    for (int hop = 0; ; hop++) {
      waitForTurn(current);
      Instant at = Instant.now();
      HttpResponse<byte[]> response = send(current);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          throw new FetchException("HTTP " + status + " redirect without a Location header");
        }
        if (hop >= options.maxRedirects()) {
          throw new FetchException("more than " + options.maxRedirects() + " redirects");
        }
        URI next;
        try {
          next = current.resolve(new URI(location.get().strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new FetchException("redirect to an invalid URL: " + location.get());
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          throw new FetchException("redirect to " + next + " not followed: only http and https are fetched");
        }
        current = next;
        continue;
      }
      if (status < 200 || status >= 300) {
        throw new FetchException("HTTP " + status + (current.equals(requested) ? "" : " from " + current));
      }
      return new Page(requested, current, response.headers().firstValue("Content-Type").orElse(null),
          response.body(), at);
    }
  }

  /** Waits until the pause since the last request to this host has passed, and books the next slot. */
  private void waitForTurn(URI uri) throws InterruptedException {
    String host = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    long delay = options.perHostDelay().toNanos();
    long wait;
    synchronized (nextStart) {
      long now = System.nanoTime();
      long start = Math.max(now, nextStart.getOrDefault(host, now));
      nextStart.put(host, start + delay);
      wait = start - now;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private HttpResponse<byte[]> send(URI uri) throws FetchException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(options.timeout())
        .header("User-Agent", options.userAgent())
        .header("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
        .GET()
        .build();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, info -> new CappedBody(options.maxBytes(), info.headers()));
    try {
      return future.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FetchException("no complete answer within " + seconds(options.timeout()) + "; the server is slow or unreachable");
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TooLarge) {
        throw new FetchException(cause.getMessage());
      }
      if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
        throw new FetchException("no answer within " + seconds(options.timeout()) + "; the server is slow or unreachable");
      }
      if (cause instanceof ConnectException) {
        throw new FetchException("cannot connect to " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + " (connection refused or no route)");
      }
      if (cause instanceof IOException io) {
        throw new FetchException("network error: " + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()));
      }
      throw new FetchException("fetching failed: " + cause);
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The body cap was passed. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super("the body is larger than " + max + " bytes; not read", null);
    }
  }

  /** Collects the body, refusing it as soon as it passes the cap (also when Content-Length says so). */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long declared;
    private Flow.Subscription subscription;

    CappedBody(long max, HttpHeaders headers) {
      this.max = max;
      this.declared = headers.firstValueAsLong("Content-Length").orElse(-1);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (declared > max) {
        s.cancel();
        result.completeExceptionally(new TooLarge(max));
        return;
      }
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (bytes.size() + (long) b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge(max));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }

  /** The charset named by a {@code Content-Type} value, or {@code null}. */
  static Charset charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)").matcher(contentType);
    return m.find() ? charset(m.group(1)) : null;
  }

  /** The charset of a byte-order mark, an XML declaration or an HTML meta tag in the first 2 KiB, or {@code null}. */
  static Charset sniffCharset(byte[] body) {
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
    Matcher xml = XML_ENCODING.matcher(head);
    if (xml.find()) {
      return charset(xml.group(1));
    }
    Matcher meta = META_CHARSET.matcher(head);
    return meta.find() ? charset(meta.group(1)) : null;
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static String version() {
    String v = PageFetcher.class.getPackage() == null ? null : PageFetcher.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
