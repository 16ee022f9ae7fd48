package org.newsgraph.extract;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.ProtobufAnnotationSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoreNLP's annotations of article texts kept on disk, so that scoring the same articles again
 * after a change of newsgraph's rules ({@code newsgraph eval --annotation-cache DIR}) skips the
 * CoreNLP models, which are most of the time of a run. An entry is one gzipped {@link Annotation} in
 * CoreNLP's protocol-buffer form ({@link ProtobufAnnotationSerializer}), named by the SHA-256 of the profile and its
 * annotators, the document date and the text; so a changed text, date or profile is
 * annotated again, never served stale. An entry that cannot be read is annotated again and
 * rewritten.
 *
 * <p>Thread-safe: entries are written to a temporary file and moved into place.
 */
public final class AnnotationCache {
  private static final Logger LOG = LoggerFactory.getLogger(AnnotationCache.class);

  private final Path dir;

  /**
   * A cache in {@code dir}, created when missing.
   *
   * @throws UncheckedIOException when the folder cannot be created
   */
  public AnnotationCache(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the annotation cache folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The folder the entries live in. */
  public Path dir() {
    return dir;
  }

  /**
   * The annotation of {@code text} by the pipeline of {@code profile}, from the cache when it
   * holds one, else annotated now (the models are loaded only then) and stored.
   *
   * @param documentDate the date relative times resolve against, or null
   */
  CoreDocument annotate(Profile profile, java.util.function.Supplier<NlpPipeline> pipelines, String text, LocalDate documentDate) {
    Path entry = dir.resolve(key(profile, text, documentDate) + ".ser.gz");
    if (Files.isRegularFile(entry)) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(entry))) {
        Annotation a = new ProtobufAnnotationSerializer(false).read(in).first;
        return new CoreDocument(a);
      } catch (IOException | ClassNotFoundException | RuntimeException e) {
        LOG.warn("annotation cache entry {} unreadable ({}); annotating again", entry, e.toString());
      }
    }
    CoreDocument doc = pipelines.get().annotate(text, documentDate);
    try {
      Path tmp = Files.createTempFile(dir, "entry-", ".tmp");
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
        new ProtobufAnnotationSerializer(false).write(doc.annotation(), out);
      }
      Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot store the annotation in {} ({}); going on without it", dir, e.toString());
    }
    return doc;
  }

  private static String key(Profile profile, String text, LocalDate date) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((profile.id() + "|" + NlpPipeline.annotators(profile)).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(String.valueOf(date).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java platform has SHA-256
    }
  }
}
