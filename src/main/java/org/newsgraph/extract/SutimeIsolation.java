package org.newsgraph.extract;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.types.Expressions;
import edu.stanford.nlp.ling.tokensregex.types.Tags;
import edu.stanford.nlp.pipeline.AnnotationPipeline;
import edu.stanford.nlp.pipeline.Annotator;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes SUTime's time resolution depend on the article alone, not on the articles annotated
 * before it or beside it on another thread.
 *
 * <p>The problem (CoreNLP issue #1061, still open in 4.5.10): SUTime's rules tag the value of a
 * matched time expression with how to resolve it ({@code VTag(..., "resolveTo", RESOLVE_TO_PAST)}
 * after "was arrested on Monday"). For a bare "Monday" or "May" that value is the one object bound
 * to {@code MONDAY} in the rules' environment, shared by every document the pipeline ever sees. So
 * the tag outlives its sentence: after one article says "was arrested on Monday", every later
 * "Monday" without a tense cue resolves to the past, where a fresh pipeline resolves it to the
 * closest Monday; and with several threads the outcome depends on timing. Measured: "The hearing is
 * on Monday" (document date 2020-12-18) gives 2020-12-21 alone and 2020-12-14 after "He was
 * arrested on Monday".
 *
 * <p>The fix: each plain value bound in SUTime's rule environment is replaced by an equal value
 * whose tags live per thread, and {@link #beginDocument()} clears them before each article. Within
 * an article the rules work as before (a tag set in one sentence still holds in the next); across
 * articles and threads nothing leaks, so the result is the same as in a fresh JVM, whatever the
 * order and the number of threads.
 */
final class SutimeIsolation {
  private static final Logger LOG = LoggerFactory.getLogger(SutimeIsolation.class);

  /** Per thread: the tags each document-scoped value carries in the current article. */
  private static final ThreadLocal<Map<Object, Tags>> TAGS = ThreadLocal.withInitial(IdentityHashMap::new);

  private SutimeIsolation() {}

  /** Forgets the value tags the previous article left on this thread. */
  static void beginDocument() {
    Map<Object, Tags> m = TAGS.get();
    if (!m.isEmpty()) {
      m.clear();
    }
  }

  /**
   * Installs document-scoped values into the SUTime rule environments of the pipeline's NER
   * annotator.
   *
   * @return how many values were replaced; 0 when the pipeline has no SUTime or its structure is not
   *     the one this code knows (then a warning is logged and SUTime keeps its shared state)
   */
  static int install(AnnotationPipeline pipeline) {
    Set<Env> envs = Collections.newSetFromMap(new IdentityHashMap<>());
    try {
      @SuppressWarnings("unchecked")
      List<Annotator> annotators = (List<Annotator>) field(pipeline, "annotators");
      for (Annotator a : annotators) {
        if (!a.getClass().getSimpleName().equals("NERCombinerAnnotator")) {
          continue;
        }
        Object nsc = field(field(a, "ner"), "nsc");
        Object timex = nsc == null ? null : field(nsc, "timexExtractor");
        if (timex == null) {
          continue; // no SUTime in this pipeline
        }
        envs.add((Env) field(field(timex, "expressionExtractor"), "env"));
        envs.add((Env) field(field(timex, "timexPatterns"), "env"));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("SUTime's rule environment was not found ({}); time expressions such as 'Monday' may resolve"
          + " differently depending on the articles annotated before", e.toString());
      return 0;
    }
    int replaced = 0;
    for (Env env : envs) {
      if (env == null) {
        continue;
      }
      List<Map.Entry<String, Object>> plain = new ArrayList<>();
      for (Map.Entry<String, Object> e : env.getVariables().entrySet()) {
        if (e.getValue() != null && e.getValue().getClass() == Expressions.PrimitiveValue.class) {
          plain.add(e);
        }
      }
      for (Map.Entry<String, Object> e : plain) {
        env.bind(e.getKey(), new DocumentScopedValue<>((Expressions.PrimitiveValue<?>) e.getValue()));
        replaced++;
      }
    }
    LOG.debug("SUTime: {} rule value(s) made document-scoped", replaced);
    return replaced;
  }

  /** The value of a (possibly inherited, private) field, or null. */
  private static Object field(Object target, String name) throws ReflectiveOperationException {
    if (target == null) {
      return null;
    }
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(target.getClass().getName() + "." + name);
  }

  /** A value equal to a shared one whose tags are per thread and per article. */
  static final class DocumentScopedValue<T> extends Expressions.PrimitiveValue<T> {
    private static final long serialVersionUID = 1L;
    private final transient Tags initial;

    DocumentScopedValue(Expressions.PrimitiveValue<T> shared) {
      super(shared.getType(), shared.get());
      this.initial = shared.getTags();
    }

    @Override
    public Tags getTags() {
      Map<Object, Tags> m = TAGS.get();
      Tags t = m.get(this);
      if (t == null && initial != null) {
        t = copy(initial);
        m.put(this, t);
      }
      return t;
    }

    @Override
    public void setTags(Tags tags) {
      TAGS.get().put(this, tags);
    }

    private static Tags copy(Tags from) {
      Tags t = new Tags();
      if (from.getTags() != null) {
        for (String name : from.getTags()) {
          t.setTag(name, from.getTag(name));
        }
      }
      return t;
    }
  }
}
