package org.newsgraph.extract;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import java.util.ArrayList;
import java.util.List;
import org.newsgraph.model.Sentence;
import org.newsgraph.model.Span;

/** An annotated article: the CoreNLP document plus the article text and its sentences. */
final class Doc {
  final String text;
  final CoreDocument core;
  final List<CoreSentence> sentences;
  final List<Sentence> modelSentences = new ArrayList<>();

  Doc(String text, CoreDocument core) {
    this.text = text;
    this.core = core;
    this.sentences = core.sentences();
    for (int i = 0; i < sentences.size(); i++) {
      CoreSentence s = sentences.get(i);
      int b = s.charOffsets().first;
      int e = s.charOffsets().second;
      modelSentences.add(new Sentence(i, new Span(b, e, text.substring(b, e))));
    }
  }

  List<CoreLabel> tokens(int sent) {
    return sentences.get(sent).tokens();
  }

  CoreLabel token(int sent, int index) {
    return tokens(sent).get(index);
  }

  /** The original NER tag, kept before extraction overwrites tags with resolved types. */
  static String originalNer(CoreLabel t) {
    String o = t.get(OriginalNer.class);
    return o != null ? o : t.ner();
  }

  /** Annotation key under which the tagger's own NER tag is kept. */
  static final class OriginalNer implements CoreAnnotation<String> {
    @Override
    public Class<String> getType() {
      return String.class;
    }
  }
}
