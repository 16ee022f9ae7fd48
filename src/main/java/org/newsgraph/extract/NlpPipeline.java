package org.newsgraph.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.time.LocalDate;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoreNLP pipeline that newsgraph runs on each article: tokenize, ssplit, pos, lemma, ner
 * (with SUTime and fine-grained classes), depparse, coref and kbp.
 *
 * <p>Loading the models takes 20–30 s and about 4–6 GB of heap on a 2-core machine, so one
 * pipeline is shared per JVM ({@link #shared()}); CoreNLP's annotators are safe to call from several
 * threads on different documents.
 */
public final class NlpPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(NlpPipeline.class);
  private static volatile NlpPipeline shared;

  /** The annotators run, in order. */
  public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,kbp";

  private final StanfordCoreNLP corenlp;
  private final double loadSeconds;

  private NlpPipeline(Properties props) {
    long t0 = System.nanoTime();
    this.corenlp = new StanfordCoreNLP(props);
    this.loadSeconds = (System.nanoTime() - t0) / 1e9;
    LOG.info("CoreNLP models loaded in {} s", String.format("%.1f", loadSeconds));
  }

  /**
   * The JVM-wide pipeline, loaded on first use.
   *
   * @throws OutOfMemoryError when the heap is too small for the models (give the JVM -Xmx6g or more)
   */
  public static NlpPipeline shared() {
    NlpPipeline p = shared;
    if (p == null) {
      synchronized (NlpPipeline.class) {
        p = shared;
        if (p == null) {
          p = new NlpPipeline(properties());
          shared = p;
        }
      }
    }
    return p;
  }

  /** True once the shared pipeline has been loaded in this JVM. */
  public static boolean isLoaded() {
    return shared != null;
  }

  /** Configuration of the pipeline; the {@code ANNOTATORS} plus their options. */
  static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", ANNOTATORS);
    props.setProperty("tokenize.language", "en");
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("coref.algorithm", "statistical");
    props.setProperty("ner.applyFineGrained", "true");
    props.setProperty("ner.useSUTime", "true");
    return props;
  }

  /** Seconds the model loading took. */
  public double loadSeconds() {
    return loadSeconds;
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
    corenlp.annotate(doc);
    return doc;
  }
}
