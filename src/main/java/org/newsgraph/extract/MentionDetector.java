package org.newsgraph.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Names;

/**
 * Finds name mentions of people, organisations and places in an annotated article, starting from
 * CoreNLP's named-entity mentions and repairing what the tagger gets wrong in news:
 *
 * <ol>
 *   <li>pronouns, lower-case words and edge punctuation are dropped ("[People's" becomes
 *       "People's", "he" is no name);
 *   <li>a place or organisation name ending in an event word ("Tiananmen Square Massacre") is cut
 *       back to the place ({@code event-name-heads.txt});
 *   <li>names split by the tagger into adjacent mentions ("Jin" LOCATION + "Xinjiang" STATE) are
 *       joined;
 *   <li>context rules ({@code entity-cues.rules}, TokensRegex) type untagged names as
 *       organisations ("Zoom is a ... app"), and every other occurrence of a known name, including
 *       byline and credit names, becomes a mention too (one sense per discourse);
 *   <li>a name that contains a word used alone as a person's name elsewhere in the article is a
 *       person ("Jin Xinjiang" when "Jin" is a person), and each distinct name gets the type most
 *       of its mentions have.
 * </ol>
 */
final class MentionDetector {
  private static final Set<String> EVENT_HEADS = Lexicons.words("event-name-heads.txt");
  private static final Set<String> ORGANISATION_WORDS = Lexicons.words("organisation-name-words.txt");
  /** Words naming a state's body or another institution ("Embassy", "Force", "Council", "Society"). */
  private static final Set<String> INSTITUTION_WORDS = institutionWords();

  private static Set<String> institutionWords() {
    Set<String> w = new java.util.HashSet<>(Lexicons.words("state-institution-words.txt"));
    w.addAll(ORGANISATION_WORDS);
    w.addAll(List.of("society", "union", "party", "academy", "league", "federation", "front", "movement", "church", "bank",
        "airlines", "airways", "railways", "broadcasting", "press", "agency", "center", "centre", "office", "council"));
    w.removeAll(List.of("official", "officials", "officer", "officers", "soldier", "soldiers", "troop", "troops",
        "prosecutor", "prosecutors", "authorities", "authority", "regime", "intelligence"));
    return w;
  }
  private static final List<PatternRule> CUE_RULES = PatternRule.load("entity-cues.rules", true);
  private static final Map<String, TokenSequencePattern> CUE_PATTERNS = compile(CUE_RULES);

  private static Map<String, TokenSequencePattern> compile(List<PatternRule> rules) {
    Map<String, TokenSequencePattern> m = new HashMap<>();
    for (PatternRule r : rules) {
      m.put(r.name(), TokenSequencePattern.compile(r.pattern()));
    }
    return m;
  }

  /** Maps a CoreNLP NER tag to a coarse entity type, or null for tags newsgraph does not keep. */
  static EntityType coarseType(String ner) {
    if (ner == null) {
      return null;
    }
    switch (ner) {
      case "PERSON":
        return EntityType.PERSON;
      case "ORGANIZATION":
        return EntityType.ORGANIZATION;
      case "COUNTRY":
      case "CITY":
      case "STATE_OR_PROVINCE":
      case "GPE":
        return EntityType.GPE;
      case "LOCATION":
        return EntityType.LOCATION;
      default:
        return null;
    }
  }

  /**
   * Detects mentions.
   *
   * @param doc the annotated article
   * @param metadataNames names from the byline and credits with their types, which count as
   *     known names when they recur in the body
   * @return candidate mentions, sorted by sentence and token, none overlapping
   */
  List<Cand> detect(Doc doc, Map<String, EntityType> metadataNames) {
    for (int s = 0; s < doc.sentences.size(); s++) {
      for (CoreLabel t : doc.tokens(s)) {
        t.set(Doc.OriginalNer.class, t.ner());
      }
    }
    List<Cand> cands = new ArrayList<>();
    for (CoreEntityMention m : doc.core.entityMentions()) {
      EntityType type = coarseType(m.entityType());
      if (type == null || m.tokens().isEmpty()) {
        continue;
      }
      CoreLabel first = m.tokens().get(0);
      Cand c = new Cand(first.sentIndex(), first.index() - 1,
          m.tokens().get(m.tokens().size() - 1).index(), type, "ner:" + m.entityType());
      if (trim(doc, c)) {
        cands.add(c);
      }
    }
    cands.sort(Comparator.comparingInt((Cand c) -> c.sent).thenComparingInt(c -> c.start));
    cands = joinAdjacent(doc, cands);
    joinNationalityAdjectives(doc, cands);
    addDefinedAcronyms(doc, cands);
    addCueMentions(doc, cands);
    Map<String, EntityType> known = new HashMap<>(metadataNames);
    for (Cand c : cands) {
      known.putIfAbsent(Names.normalise(c.text), c.type);
    }
    propagateKnownNames(doc, cands, known);
    repairPersonNames(cands);
    repairShortOrganisationNames(cands);
    voteTypes(cands);
    typeOrganisationNames(cands);
    cands.sort(Comparator.comparingInt((Cand c) -> c.sent).thenComparingInt(c -> c.start));
    return cands;
  }

  /** Drops edge punctuation and possessives; false when nothing name-like is left. */
  private boolean trim(Doc doc, Cand c) {
    List<CoreLabel> toks = doc.tokens(c.sent);
    while (c.start < c.end && !isNameToken(toks.get(c.start))) {
      c.start++;
    }
    while (c.end > c.start && !isNameToken(toks.get(c.end - 1))) {
      c.end--;
    }
    if (c.start >= c.end) {
      return false;
    }
    boolean capital = false;
    for (int i = c.start; i < c.end; i++) {
      CoreLabel t = toks.get(i);
      if (t.tag() != null && t.tag().startsWith("PRP")) {
        return false;
      }
      capital |= Character.isUpperCase(t.word().codePointAt(0)) || Character.isDigit(t.word().codePointAt(0));
    }
    if (!capital) {
      return false;
    }
    if ((c.type == EntityType.LOCATION || c.type == EntityType.ORGANIZATION) && c.end - c.start > 1
        && EVENT_HEADS.contains(toks.get(c.end - 1).word().toLowerCase())) {
      c.end--;
      c.type = EntityType.LOCATION;
    }
    setText(doc, c);
    return !c.text.isBlank();
  }

  private static boolean isNameToken(CoreLabel t) {
    String w = t.word();
    if (w.equals("'s") || w.equals("’s") || w.equals("'")) {
      return false;
    }
    return w.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** Whether a token's text stays in a name: it has a letter or digit, or is "-" or "&". */
  private static boolean kept(String w) {
    return w.codePoints().anyMatch(Character::isLetterOrDigit) || w.equals("-") || w.equals("&");
  }

  private static String textOf(Doc doc, CoreLabel t) {
    return doc.text.substring(t.beginPosition(), t.endPosition());
  }

  static void setText(Doc doc, Cand c) {
    List<CoreLabel> toks = doc.tokens(c.sent);
    c.begin = toks.get(c.start).beginPosition();
    c.endChar = toks.get(c.end - 1).endPosition();
    StringBuilder sb = new StringBuilder();
    for (int i = c.start; i < c.end; i++) {
      CoreLabel t = toks.get(i);
      String w = textOf(doc, t);
      if (!kept(w)) {
        continue;
      }
      if (sb.length() > 0 && i > c.start && toks.get(i - 1).endPosition() < t.beginPosition()) {
        sb.append(' ');
      } else if (sb.length() > 0 && i > c.start && !isNameToken(toks.get(i - 1)) && !kept(textOf(doc, toks.get(i - 1)))) {
        // a dropped quote or bracket between two words; a kept hyphen joins them ("Rodríguez-Torres")
        sb.append(' ');
      }
      sb.append(w);
    }
    c.text = sb.toString().replaceAll("\\s+", " ").strip();
  }

  /**
   * "World Health Organization (WHO)": an all-capitals word in brackets right after a name of
   * several words, whose initials it spells, is a mention of the same kind; later occurrences
   * are then found as known names.
   */
  private void addDefinedAcronyms(Doc doc, List<Cand> cands) {
    List<Cand> added = new ArrayList<>();
    for (Cand c : cands) {
      List<CoreLabel> toks = doc.tokens(c.sent);
      int i = c.end;
      if (i + 2 < toks.size() && toks.get(i).word().matches("[(\\[]|-LRB-|-LSB-")
          && toks.get(i + 2).word().matches("[)\\]]|-RRB-|-RSB-")) {
        String acronym = toks.get(i + 1).word();
        if (EntityResolver.isAcronym(acronym) && EntityResolver.initials(c.text).equals(acronym.replace(".", ""))
            && noOverlap(cands, c.sent, i + 1, i + 2)) {
          Cand a = new Cand(c.sent, i + 1, i + 2, c.type, "acronym-definition");
          setText(doc, a);
          added.add(a);
        }
      }
    }
    cands.addAll(added);
    cands.sort(Comparator.comparingInt((Cand c) -> c.sent).thenComparingInt(c -> c.start));
  }

  /**
   * "Norwegian Refugee Council", "Israeli Air Force", "Thai Embassy": a capitalised nationality
   * adjective right before the capitalised name of an institution is part of its name (the tagger
   * leaves it out as NATIONALITY). An institution's name is one with an organisation word
   * ({@code organisation-name-words.txt}, {@code state-institution-words.txt}); a name of capitalised
   * institution words only that the tagger did not see at all becomes an organisation mention.
   */
  private void joinNationalityAdjectives(Doc doc, List<Cand> cands) {
    for (int s = 0; s < doc.sentences.size(); s++) {
      List<CoreLabel> toks = doc.tokens(s);
      for (int i = 0; i + 1 < toks.size(); i++) {
        CoreLabel adj = toks.get(i);
        if (!"NATIONALITY".equals(adj.ner()) || !Character.isUpperCase(adj.word().codePointAt(0))) {
          continue;
        }
        int next = i + 1;
        Cand org = null;
        for (Cand c : cands) {
          if (c.sent == s && c.start == next) {
            org = c;
          }
        }
        boolean covered = false;
        for (Cand c : cands) {
          covered |= c.overlaps(i, i + 1, s);
        }
        if (covered) {
          continue;
        }
        if (org != null) {
          if (org.type == EntityType.ORGANIZATION && hasInstitutionWord(toks, org.start, org.end)) {
            org.start = i;
            setText(doc, org);
          }
          continue;
        }
        int end = next;
        while (end < toks.size() && toks.get(end).tag() != null && toks.get(end).tag().startsWith("NNP")
            && Character.isUpperCase(toks.get(end).word().codePointAt(0)) && "O".equals(toks.get(end).ner())) {
          end++;
        }
        if (end > next && INSTITUTION_WORDS.contains(toks.get(end - 1).word().toLowerCase(java.util.Locale.ROOT))) {
          Cand c = new Cand(s, i, end, EntityType.ORGANIZATION, "rule:nationality-institution");
          setText(doc, c);
          cands.add(c);
        }
      }
    }
    cands.sort(Comparator.comparingInt((Cand c) -> c.sent).thenComparingInt(c -> c.start));
  }

  private static boolean hasInstitutionWord(List<CoreLabel> toks, int start, int end) {
    for (int i = start; i < end; i++) {
      String w = toks.get(i).word().toLowerCase(java.util.Locale.ROOT);
      if (INSTITUTION_WORDS.contains(w) || ORGANISATION_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case particles inside personal names ("Joao do Rosario", "Ludwig van Beethoven"). */
  private static final Set<String> NAME_PARTICLES = Set.of("da", "das", "de", "del", "della", "der", "di", "do", "dos",
      "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "ter", "ten");

  /**
   * Joins mentions that touch (nothing but quotation marks between them) into one, and the two
   * parts of a person's name split at a particle ("Joao" "do" "Rosario"); not an organisation and
   * the name of its possessive ("Cape Verde's Supreme Court", "NASA's Goddard Space Flight Center"
   * are the court of Cape Verde and NASA's centre).
   */
  private List<Cand> joinAdjacent(Doc doc, List<Cand> cands) {
    List<Cand> out = new ArrayList<>();
    for (Cand c : cands) {
      Cand prev = out.isEmpty() ? null : out.get(out.size() - 1);
      boolean possessive = prev != null && prev.sent == c.sent && c.start > prev.end
          && doc.token(c.sent, c.start - 1).word().matches("'s|’s");
      boolean particle = prev != null && prev.sent == c.sent && c.start == prev.end + 1 && prev.type == EntityType.PERSON
          && c.type == EntityType.PERSON && NAME_PARTICLES.contains(doc.token(c.sent, prev.end).word());
      if (prev != null && prev.sent == c.sent && (particle || onlyQuotesBetween(doc, c.sent, prev.end, c.start))
          && !(possessive && (c.type == EntityType.ORGANIZATION || prev.type.isPlace() && !c.type.isPlace()))
          && doc.text.substring(doc.token(c.sent, prev.end - 1).endPosition(), doc.token(c.sent, c.start).beginPosition()).indexOf('\n') < 0) {
        Cand joined = new Cand(c.sent, prev.start, c.end, c.type, "joined:" + prev.source + "+" + c.source);
        setText(doc, joined);
        out.set(out.size() - 1, joined);
      } else if (prev == null || !prev.overlaps(c.start, c.end, c.sent)) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean onlyQuotesBetween(Doc doc, int sent, int from, int to) {
    if (to < from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      String w = doc.token(sent, i).word();
      if (!w.matches("[\"“”'`‘’]+|``|''|'s|’s")) {
        return false;
      }
    }
    return true;
  }

  private void addCueMentions(Doc doc, List<Cand> cands) {
    for (int s = 0; s < doc.sentences.size(); s++) {
      List<CoreLabel> toks = doc.tokens(s);
      for (PatternRule rule : CUE_RULES) {
        TokenSequenceMatcher m = CUE_PATTERNS.get(rule.name()).getMatcher(toks);
        while (m.find()) {
          List<? extends CoreMap> nodes = m.groupNodes("$e");
          if (nodes == null || nodes.isEmpty()) {
            continue;
          }
          int start = ((CoreLabel) nodes.get(0)).index() - 1;
          int end = ((CoreLabel) nodes.get(nodes.size() - 1)).index();
          if (untagged(toks, start, end) && noOverlap(cands, s, start, end)) {
            Cand c = new Cand(s, start, end, EntityType.valueOf(rule.action()), "pattern:" + rule.name());
            setText(doc, c);
            cands.add(c);
          }
        }
      }
    }
  }

  private static boolean untagged(List<CoreLabel> toks, int start, int end) {
    for (int i = start; i < end; i++) {
      String ner = Doc.originalNer(toks.get(i));
      if (!"O".equals(ner) && !"MISC".equals(ner)) {
        return false;
      }
    }
    return true;
  }

  private static boolean noOverlap(List<Cand> cands, int sent, int start, int end) {
    for (Cand c : cands) {
      if (c.overlaps(start, end, sent)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every run of up to {@link #MAX_NAME_TOKENS} capitalised tokens, starting with a noun, whose text
   * is a known name becomes a mention (the longest such run at each position).
   */
  private void propagateKnownNames(Doc doc, List<Cand> cands, Map<String, EntityType> known) {
    // Court releases write defendants' names in capitals and then use the bare surname ("JOHN
    // CHEN ... CHEN pled guilty"), which the tagger misses: a word in capitals that is the first
    // or last word of a person's full name elsewhere in the article is that person.
    Set<String> personParts = new java.util.HashSet<>();
    for (Cand c : cands) {
      String[] words = c.text.trim().split("\\s+");
      if (c.type == EntityType.PERSON && words.length >= 2) {
        personParts.add(Names.normalise(words[0]));
        personParts.add(Names.normalise(words[words.length - 1]));
      }
    }
    for (int s = 0; s < doc.sentences.size(); s++) {
      List<CoreLabel> toks = doc.tokens(s);
      int i = 0;
      while (i < toks.size()) {
        CoreLabel t = toks.get(i);
        if (!capitalised(t) || t.tag() == null || !t.tag().startsWith("NN")) {
          i++;
          continue;
        }
        int limit = i;
        while (limit < toks.size() && limit - i < MAX_NAME_TOKENS && (capitalised(toks.get(limit)) || isConnector(toks, i, limit))) {
          limit++;
        }
        int matchedEnd = -1;
        EntityType type = null;
        for (int j = limit; j > i; j--) {
          Cand probe = new Cand(s, i, j, null, "name-propagation");
          setText(doc, probe);
          type = known.get(Names.normalise(probe.text));
          if (type != null) {
            matchedEnd = j;
            break;
          }
        }
        if (matchedEnd < 0 && allCapitals(t) && personParts.contains(Names.normalise(t.word()))
            && known.get(Names.normalise(t.word())) == null) {
          matchedEnd = i + 1;
          type = EntityType.PERSON;
        }
        if (matchedEnd > 0 && noOverlap(cands, s, i, matchedEnd)) {
          Cand c = new Cand(s, i, matchedEnd, type, "name-propagation");
          setText(doc, c);
          cands.add(c);
          i = matchedEnd;
        } else {
          i++;
        }
      }
    }
  }

  private static final int MAX_NAME_TOKENS = 6;

  /** A word of two or more letters, all capitals ("CHEN"). */
  private static boolean allCapitals(CoreLabel t) {
    String w = t.word();
    return w.length() >= 2 && w.chars().allMatch(Character::isLetter) && w.equals(w.toUpperCase(java.util.Locale.ROOT))
        && !w.equals(w.toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean capitalised(CoreLabel t) {
    return Character.isUpperCase(t.word().codePointAt(0));
  }

  /** Lower-case words that may stand inside a name ("Bank of America", "People's"). */
  private static boolean isConnector(List<CoreLabel> toks, int start, int k) {
    String w = toks.get(k).word();
    return k > start && k + 1 < toks.size() && capitalised(toks.get(k + 1))
        && (w.equals("of") || w.equals("'s") || w.equals("and") || w.equals("for") || w.equals("the"));
  }

  /**
   * A multi-word name that begins or ends with a word that is, alone, a person's name at least
   * twice elsewhere in the article is a person's name.
   */
  private void repairPersonNames(List<Cand> cands) {
    Map<String, Integer> personWords = new HashMap<>();
    for (Cand c : cands) {
      if (c.type == EntityType.PERSON && c.end - c.start == 1) {
        personWords.merge(Names.normalise(c.text), 1, Integer::sum);
      }
    }
    for (Cand c : cands) {
      if (c.type == EntityType.PERSON || c.end - c.start < 2) {
        continue;
      }
      String[] words = Names.normalise(c.text).split(" ");
      if (personWords.getOrDefault(words[0], 0) >= 2 || personWords.getOrDefault(words[words.length - 1], 0) >= 2) {
        c.type = EntityType.PERSON;
      }
    }
    // "Alex Saab ... Saab was arrested": a one-word name that is the surname of a person named in
    // full is that person, though the tagger took it for a company or a place
    java.util.Set<String> surnames = new java.util.HashSet<>();
    for (Cand c : cands) {
      String[] words = Names.normalise(c.text).split(" ");
      if (c.type == EntityType.PERSON && words.length >= 2) {
        surnames.add(words[words.length - 1]);
      }
    }
    for (Cand c : cands) {
      if (c.type != EntityType.PERSON && c.end - c.start == 1 && surnames.contains(Names.normalise(c.text))) {
        c.type = EntityType.PERSON;
      }
    }
    // "Marshall Space Flight Center ... Marshall": the first word of an institution's name, used
    // alone and taken for a person, is the institution (the short name news uses for it); a place
    // name stays a place ("Louisiana" of "Louisiana State Police")
    java.util.Set<String> shortNames = new java.util.HashSet<>();
    for (Cand c : cands) {
      String[] words = Names.normalise(c.text).split(" ");
      if (c.type == EntityType.ORGANIZATION && words.length >= 3 && ORGANISATION_WORDS.stream().anyMatch(List.of(words)::contains)
          || c.type == EntityType.ORGANIZATION && words.length >= 3 && INSTITUTION_WORDS.contains(words[words.length - 1])) {
        shortNames.add(words[0]);
      }
    }
    for (Cand c : cands) {
      if (c.type == EntityType.PERSON && c.end - c.start == 1 && shortNames.contains(Names.normalise(c.text))
          && !surnames.contains(Names.normalise(c.text))) {
        c.type = EntityType.ORGANIZATION;
      }
    }
  }

  /**
   * A name that is an organisation's name without its legal form ("Quantela" after "Quantela
   * Inc.") is that organisation, whatever the tagger said.
   */
  private void repairShortOrganisationNames(List<Cand> cands) {
    java.util.Set<String> shortNames = new java.util.HashSet<>();
    for (Cand c : cands) {
      if (c.type == EntityType.ORGANIZATION) {
        String stripped = EntityResolver.withoutLegalSuffix(c.text);
        if (!stripped.equals(Names.normalise(c.text))) {
          shortNames.add(stripped);
        }
      }
    }
    for (Cand c : cands) {
      if (c.type != EntityType.ORGANIZATION && shortNames.contains(Names.normalise(c.text))) {
        c.type = EntityType.ORGANIZATION;
      }
    }
  }

  /**
   * A name of several words with a word of {@code organisation-name-words.txt} ("Inc.",
   * "Department", "Bureau") is an organisation's, whatever type the tagger or the vote gave it;
   * so is its first word used alone as a person's name.
   */
  static void typeOrganisationNames(List<Cand> cands) {
    Set<String> shortNames = new java.util.HashSet<>();
    for (Cand c : cands) {
      String[] words = c.text.split("\\s+");
      if (words.length < 2 || c.type == EntityType.ORGANIZATION) {
        continue;
      }
      for (String w : words) {
        String bare = w.toLowerCase(java.util.Locale.ROOT);
        bare = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        if (ORGANISATION_WORDS.contains(bare)) {
          c.type = EntityType.ORGANIZATION;
          shortNames.add(Names.normalise(words[0]));
          break;
        }
      }
    }
    // its first word alone ("Rosso" for "Rosso Group, Inc.") names the same organisation
    for (Cand c : cands) {
      if (c.type == EntityType.PERSON && !c.text.contains(" ") && shortNames.contains(Names.normalise(c.text))) {
        c.type = EntityType.ORGANIZATION;
      }
    }
  }

  /** Gives every mention of one name the type that most mentions of that name have. */
  private void voteTypes(List<Cand> cands) {
    Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
    for (Cand c : cands) {
      votes.computeIfAbsent(Names.normalise(c.text), k -> new EnumMap<>(EntityType.class)).merge(c.type, 1, Integer::sum);
    }
    for (Cand c : cands) {
      Map<EntityType, Integer> v = votes.get(Names.normalise(c.text));
      if (v.size() > 1) {
        EntityType best = v.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
        if (v.get(best) > v.getOrDefault(c.type, 0)) {
          c.type = best;
        }
      }
    }
  }
}
