package org.newsgraph.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.newsgraph.eval.Gold;
import org.newsgraph.model.Article;

/**
 * A development tool, not part of newsgraph: derives trigger candidates from WordNet 3.1 for each
 * event type's words in {@code event-triggers.tsv} (the synonyms of their first two senses, the
 * direct hyponyms of the first, and the derivationally related verbs and nouns, i.e. verbs and their
 * nominalisations) and counts, in a development set, how often each candidate occurs and how often
 * it is a gold trigger of its type. Words of the lexicon itself get the same counts (lines starting
 * {@code LEXICON}). Candidates were kept in the lexicon where the development set confirmed them or
 * did not contradict a first-sense synonym or derivation; see docs/extraction.md.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt)
 * org.newsgraph.extract.TriggerCandidates GOLD_DIR ARTICLES_DIR CACHE_DIR OUT.tsv}; output columns:
 * lemma, part of speech (V, N), type, origin (synonym1, synonym2, hyponym, derivation1,
 * derivation2), seed word, occurrences, of which gold triggers of the type.
 */
public final class TriggerCandidates {
  private TriggerCandidates() {}

  private record Candidate(String lemma, String pos, String type, String origin, String seed) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: TriggerCandidates GOLD_DIR ARTICLES_DIR CACHE_DIR OUT.tsv");
      System.exit(2);
    }
    Dictionary wordnet = Dictionary.getDefaultResourceInstance();
    Map<String, Set<String>> lexicon = new HashMap<>();
    List<String[]> seeds = new ArrayList<>();
    for (String l : Lexicons.lines("event-triggers.tsv")) {
      String[] c = l.split("\t");
      seeds.add(c);
      lexicon.computeIfAbsent(c[0] + "|" + c[1], k -> new HashSet<>()).add(c[2]);
    }
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    for (String[] c : seeds) {
      if (c[0].contains(" ")) {
        continue;
      }
      List<POS> poss = c[1].equals("V") ? List.of(POS.VERB) : c[1].equals("N") ? List.of(POS.NOUN) : List.of(POS.VERB, POS.NOUN);
      for (POS pos : poss) {
        IndexWord iw = wordnet.getIndexWord(pos, c[0]);
        if (iw == null) {
          continue;
        }
        List<Synset> senses = iw.getSenses();
        for (int i = 0; i < Math.min(2, senses.size()); i++) {
          Synset s = senses.get(i);
          for (Word w : s.getWords()) {
            add(candidates, lexicon, w.getLemma(), pos, c[2], "synonym" + (i + 1), c[0]);
          }
          if (i == 0) {
            for (Pointer p : s.getPointers(PointerType.HYPONYM)) {
              for (Word w : p.getTargetSynset().getWords()) {
                add(candidates, lexicon, w.getLemma(), pos, c[2], "hyponym", c[0]);
              }
            }
          }
          for (Word w : s.getWords()) {
            if (w.getLemma().equalsIgnoreCase(c[0])) {
              for (Pointer p : w.getPointers(PointerType.DERIVATION)) {
                Word t = (Word) p.getTarget();
                if (t.getPOS() == POS.NOUN || t.getPOS() == POS.VERB) {
                  add(candidates, lexicon, t.getLemma(), t.getPOS(), c[2], "derivation" + (i + 1), c[0]);
                }
              }
            }
          }
        }
      }
    }
    Map<String, Gold> golds = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      for (Path p : files.toList()) {
        Gold g = Gold.read(p);
        golds.put(Path.of(g.document()).getFileName().toString().replaceFirst("\\.txt$", ""), g);
      }
    }
    Map<String, int[]> counts = new HashMap<>();
    AnnotationCache cache = new AnnotationCache(Path.of(args[2]));
    for (Article a : new org.newsgraph.read.ArticleReader(null).read(List.of(Path.of(args[1])), p -> { })) {
      Gold g = golds.get(a.id());
      if (g == null) {
        continue;
      }
      Map<String, Set<String>> goldTriggers = new HashMap<>();
      for (Gold.GoldEvent e : g.events()) {
        for (String t : e.triggers()) {
          goldTriggers.computeIfAbsent(t.toLowerCase(Locale.ROOT).split(" ")[0], k -> new HashSet<>()).add(e.type());
        }
      }
      LocalDate date = a.date() != null ? a.date() : g.documentDate() != null ? LocalDate.parse(g.documentDate()) : null;
      CoreDocument doc = cache.annotate(Profile.ACCURATE, () -> NlpPipeline.shared(Profile.ACCURATE), a.text(), date);
      for (CoreLabel t : doc.tokens()) {
        String tag = t.tag() == null ? "" : t.tag();
        String pos = tag.startsWith("VB") ? "V" : tag.startsWith("NN") && !tag.startsWith("NNP") ? "N" : null;
        if (pos == null) {
          continue;
        }
        String lemma = t.lemma().toLowerCase(Locale.ROOT);
        Set<String> types = goldTriggers.getOrDefault(t.word().toLowerCase(Locale.ROOT), Set.of());
        for (Candidate c : candidates.values()) {
          if (c.lemma.equals(lemma) && c.pos.equals(pos)) {
            int[] n = counts.computeIfAbsent(c.lemma + "|" + c.pos + "|" + c.type, k -> new int[2]);
            n[0]++;
            n[1] += types.contains(c.type) ? 1 : 0;
          }
        }
        for (String p : List.of(pos, "A")) {
          for (String type : lexicon.getOrDefault(lemma + "|" + p, Set.of())) {
            int[] n = counts.computeIfAbsent("LEXICON " + lemma + "|" + pos + "|" + type, k -> new int[2]);
            n[0]++;
            n[1] += types.contains(type) ? 1 : 0;
          }
        }
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[3]))) {
      for (Candidate c : candidates.values()) {
        int[] n = counts.getOrDefault(c.lemma + "|" + c.pos + "|" + c.type, new int[2]);
        w.write(String.join("\t", c.lemma, c.pos, c.type, c.origin, c.seed, Integer.toString(n[0]), Integer.toString(n[1])));
        w.newLine();
      }
      for (Map.Entry<String, int[]> e : counts.entrySet()) {
        if (e.getKey().startsWith("LEXICON ")) {
          w.write(e.getKey().replace('|', '\t') + "\t\t\t" + e.getValue()[0] + "\t" + e.getValue()[1]);
          w.newLine();
        }
      }
    }
  }

  private static void add(Map<String, Candidate> out, Map<String, Set<String>> lexicon, String lemma, POS pos, String type,
      String origin, String seed) {
    String l = lemma.toLowerCase(Locale.ROOT);
    String p = pos == POS.VERB ? "V" : "N";
    if (l.contains(" ") || lexicon.containsKey(l + "|" + p) || lexicon.containsKey(l + "|A")) {
      return;
    }
    out.putIfAbsent(l + "|" + p + "|" + type, new Candidate(l, p, type, origin, seed));
  }
}
