package org.newsgraph.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoreNLP pipeline that newsgraph runs on each article, one per {@link Profile}:
 *
 * <ul>
 *   <li>{@code accurate}: tokenize, ssplit, pos, lemma, ner (three CRF models, SUTime, the full
 *       fine-grained gazetteer), depparse, coref (statistical) and kbp;
 *   <li>{@code fast}: tokenize, ssplit, pos, lemma, ner (the 3-class CRF model, SUTime, the
 *       fine-grained gazetteer without its regular-expression entries) and depparse.
 * </ul>
 *
 * <p>Loading the accurate models takes 20–30 s and about 4–6 GB of heap on a 2-core machine, so
 * each profile's pipeline is loaded once per JVM and shared ({@link #shared(Profile)}): several
 * threads annotate different articles with the same models. CoreNLP's annotators keep no
 * per-document state in the models, with one exception, SUTime's rule values, which {@link
 * SutimeIsolation} makes per article.
 */
public final class NlpPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(NlpPipeline.class);
  private static final Map<Profile, NlpPipeline> SHARED = new EnumMap<>(Profile.class);

  /** The annotators of the accurate profile, in order. */
  public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,kbp";

  /** The annotators of the fast profile, in order. */
  public static final String FAST_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse";

  /** CoreNLP's fine-grained gazetteers (the default of {@code ner.fine.regexner.mapping}). */
  private static final String CASELESS_GAZETTEER = "edu/stanford/nlp/models/kbp/english/gazetteers/regexner_caseless.tab";
  private static final String CASED_GAZETTEER = "edu/stanford/nlp/models/kbp/english/gazetteers/regexner_cased.tab";

  /**
   * A gazetteer entry that is a regular expression rather than a word list: CoreNLP cannot look it
   * up by its words and tries it at every token, which is where most of the fine-grained NER time
   * goes. '.' alone is allowed ("U.S.", "St. Louis").
   */
  private static final Pattern REGEX_ENTRY = Pattern.compile("[\\[\\]*+?|(){}^$\\\\]");

  private final Profile profile;
  private final StanfordCoreNLP corenlp;
  private final double loadSeconds;
  private final int isolatedTimeValues;

  private NlpPipeline(Profile profile, Properties props) {
    long t0 = System.nanoTime();
    this.profile = profile;
    this.corenlp = new StanfordCoreNLP(props);
    this.isolatedTimeValues = SutimeIsolation.install(corenlp);
    this.loadSeconds = (System.nanoTime() - t0) / 1e9;
    LOG.info("CoreNLP models ({} profile) loaded in {} s", profile, String.format("%.1f", loadSeconds));
  }

  /** The JVM-wide accurate pipeline, loaded on first use. */
  public static NlpPipeline shared() {
    return shared(Profile.ACCURATE);
  }

  /**
   * The JVM-wide pipeline of a profile, loaded on first use.
   *
   * @throws OutOfMemoryError when the heap is too small for the models (give the JVM -Xmx6g or more)
   */
  public static NlpPipeline shared(Profile profile) {
    synchronized (SHARED) {
      NlpPipeline p = SHARED.get(profile);
      if (p == null) {
        p = new NlpPipeline(profile, properties(profile));
        SHARED.put(profile, p);
      }
      return p;
    }
  }

  /** True once the accurate pipeline has been loaded in this JVM. */
  public static boolean isLoaded() {
    return isLoaded(Profile.ACCURATE);
  }

  /** True once the pipeline of {@code profile} has been loaded in this JVM. */
  public static boolean isLoaded(Profile profile) {
    synchronized (SHARED) {
      return SHARED.containsKey(profile);
    }
  }

  /**
   * Drops the JVM's pipeline of {@code profile} and CoreNLP's cache of annotators, so that their
   * memory can be collected (the benchmark measures one profile after the other). The next {@link
   * #shared(Profile)} loads the models again.
   */
  public static void release(Profile profile) {
    synchronized (SHARED) {
      SHARED.remove(profile);
      StanfordCoreNLP.clearAnnotatorPool();
    }
  }

  /** Configuration of the accurate pipeline. */
  static Properties properties() {
    return properties(Profile.ACCURATE);
  }

  /** Configuration of a profile's pipeline: the annotators plus their options. */
  public static Properties properties(Profile profile) {
    Properties props = new Properties();
    props.setProperty("tokenize.language", "en");
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("ner.useSUTime", "true");
    props.setProperty("ner.applyFineGrained", "true");
    if (profile == Profile.FAST) {
      props.setProperty("annotators", FAST_ANNOTATORS);
      props.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
      props.setProperty("ner.fine.regexner.mapping", "ignorecase=true,validpospattern=(NN|JJ|ADD).*,"
          + wordListOnly(CASELESS_GAZETTEER) + ";" + wordListOnly(CASED_GAZETTEER));
    } else {
      props.setProperty("annotators", ANNOTATORS);
      props.setProperty("coref.algorithm", "statistical");
    }
    return props;
  }

  /**
   * A copy of one of CoreNLP's gazetteer files without its regular-expression entries, in a
   * temporary file deleted when the JVM exits.
   */
  private static String wordListOnly(String resource) {
    try (InputStream in = NlpPipeline.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("CoreNLP's models jar lacks " + resource);
      }
      Path out = Files.createTempFile("newsgraph-gazetteer-", ".tab");
      out.toFile().deleteOnExit();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
          BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          int tab = line.indexOf('\t');
          if (tab > 0 && !REGEX_ENTRY.matcher(line.substring(0, tab)).find()) {
            w.write(line);
            w.newLine();
          }
        }
      }
      return out.toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the fast profile's gazetteer: " + e.getMessage(), e);
    }
  }

  /** The profile of this pipeline. */
  public Profile profile() {
    return profile;
  }

  /** The annotators this pipeline runs, comma-separated. */
  public String annotators() {
    return annotators(profile);
  }

  /** The annotators of a profile's pipeline, comma-separated. */
  static String annotators(Profile profile) {
    return profile == Profile.FAST ? FAST_ANNOTATORS : ANNOTATORS;
  }

  /** How many of SUTime's shared rule values {@link SutimeIsolation} made per article (0: none). */
  int isolatedTimeValues() {
    return isolatedTimeValues;
  }

  /** Seconds the model loading took. */
  public double loadSeconds() {
    return loadSeconds;
  }

  /**
   * The CoreNLP pipeline itself, for the benchmark's raw CoreNLP runs over the same models. Call
   * {@link #annotate} for newsgraph's own use.
   */
  public StanfordCoreNLP corenlp() {
    return corenlp;
  }

  /**
   * Annotates one text.
   *
   * @param text the article text; offsets in the result are UTF-16 indices into it
   * @param documentDate the date relative time expressions resolve against, or {@code null}
   * @return the annotated document
   */
  public CoreDocument annotate(String text, LocalDate documentDate) {
    CoreDocument doc = new CoreDocument(text);
    if (documentDate != null) {
      doc.annotation().set(CoreAnnotations.DocDateAnnotation.class, documentDate.toString());
    }
    SutimeIsolation.beginDocument();
    corenlp.annotate(doc);
    return doc;
  }
}
