package org.newsgraph.extract;

import edu.stanford.nlp.ie.util.RelationTriple;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Names;
import org.newsgraph.model.Predicate;
import org.newsgraph.model.Relation;
import org.newsgraph.model.Sentence;

/**
 * Finds relations between resolved entities in three ways:
 *
 * <ul>
 *   <li>CoreNLP's KBP relation extractor, its TAC KBP slots mapped onto newsgraph's predicates by
 *       {@code kbp-predicates.tsv}, kept when its confidence is at least {@link #MIN_KBP_CONFIDENCE};
 *   <li>surface patterns ({@code relations.rules}, TokensRegex) for appositives, titles before
 *       names, "X-based Y" and "at the direction of";
 *   <li>dependency patterns ({@code relations.semgrex}, Semgrex) for "acting as an agent of",
 *       "at the direction of" at any distance, and "X, a Paris resident / a French citizen";
 *   <li>dependency patterns ({@code charges.semgrex}, Semgrex) for criminal charges, whose full
 *       noun phrase is taken ("conspiracy to commit interstate harassment"), one per conjunct.
 * </ul>
 *
 * Every relation must fit its predicate's domain and range (the table in FORMAT.md). A fact found
 * twice is kept once, with its first evidence; a literal contained in a longer literal of the same
 * subject and predicate ("Attorney" in "Acting U.S. Attorney") is dropped.
 */
final class RelationExtractor {
  /**
   * KBP relations below this confidence are dropped unless {@code kbp-predicates.tsv} sets another
   * minimum for the slot; on the seed, lower ones were mostly wrong.
   */
  static final double MIN_KBP_CONFIDENCE = 0.6;

  private static final List<String[]> KBP_MAP = kbpMap();
  private static final List<PatternRule> RULES = PatternRule.load("relations.rules", true);
  private static final List<TokenSequencePattern> PATTERNS = RULES.stream().map(r -> TokenSequencePattern.compile(r.pattern())).toList();
  private static final List<PatternRule> CHARGE_RULES = PatternRule.load("charges.semgrex", false);
  private static final List<SemgrexPattern> CHARGE_PATTERNS = CHARGE_RULES.stream().map(r -> SemgrexPattern.compile(r.pattern())).toList();
  private static final List<PatternRule> DEP_RULES = PatternRule.load("relations.semgrex", true);
  private static final List<SemgrexPattern> DEP_PATTERNS = DEP_RULES.stream().map(x -> SemgrexPattern.compile(x.pattern())).toList();
  private static final Set<String> LEADER_WORDS = Lexicons.words("leader-titles.txt");
  private static final Set<String> FOUNDER_WORDS = Lexicons.words("founder-titles.txt");
  private static final Set<String> GPE_LEADER_WORDS = Lexicons.words("gpe-leader-titles.txt");
  private static final Set<String> STATE_WORDS = Lexicons.words("state-institution-words.txt");
  private static final Map<String, String> DEMONYMS = Lexicons.demonyms();

  private static List<String[]> kbpMap() {
    List<String[]> m = new ArrayList<>();
    for (String l : Lexicons.lines("kbp-predicates.tsv")) {
      m.add(l.split("\t"));
    }
    return m;
  }

  private final Doc doc;
  private final Map<String, Entity> entities;
  private final Map<Long, String> tokenEntity;
  private final Map<String, Relation> found = new LinkedHashMap<>();

  /**
   * @param tokenEntity entity key of each token inside a resolved mention or a resolved pronoun,
   *     keyed by {@link #tokenKey}
   */
  RelationExtractor(Doc doc, Map<String, Entity> entities, Map<Long, String> tokenEntity) {
    this.doc = doc;
    this.entities = entities;
    this.tokenEntity = tokenEntity;
  }

  static long tokenKey(int sent, int tokenIndex0) {
    return ((long) sent << 20) | tokenIndex0;
  }

  List<Relation> extract() {
    for (int s = 0; s < doc.sentences.size(); s++) {
      int sent = s;
      RuleGuard.run("relations:kbp", s, () -> kbp(sent));
      RuleGuard.run("relations:patterns", s, () -> patterns(sent));
      RuleGuard.run("relations:dependency-patterns", s, () -> dependencyPatterns(sent));
      RuleGuard.run("relations:charges", s, () -> charges(sent));
      RuleGuard.run("relations:organisation-countries", s, () -> organisationCountries(sent));
      RuleGuard.run("relations:occupations", s, () -> occupations(sent));
    }
    return dropContainedLiterals();
  }

  private void kbp(int s) {
    CoreSentence sentence = doc.sentences.get(s);
    List<RelationTriple> triples = sentence.relations();
    if (triples == null) {
      return;
    }
    for (RelationTriple t : triples) {
      for (String[] row : KBP_MAP) {
        double min = row.length > 3 ? Double.parseDouble(row[3]) : MIN_KBP_CONFIDENCE;
        if (!row[0].equals(t.relationGloss()) || t.confidence < min) {
          continue;
        }
        Predicate p = Predicate.valueOf(row[1].toUpperCase(Locale.ROOT));
        boolean inverse = row[2].equals("inverse");
        List<CoreLabel> subjToks = inverse ? t.object : t.subject;
        List<CoreLabel> objToks = inverse ? t.subject : t.object;
        String subj = entityOf(subjToks);
        if (subj == null) {
          continue;
        }
        if (p.literalObject()) {
          if (p == Predicate.TITLE && objToks.stream().noneMatch(x -> "TITLE".equals(Doc.originalNer(x)))) {
            continue;
          }
          add(subj, p, null, glossOf(objToks), s, "kbp:" + t.relationGloss(), t.confidence);
        } else {
          String obj = entityOf(objToks);
          if (obj == null && p == Predicate.NATIONALITY) {
            obj = countryOfDemonym(glossOf(objToks));
          }
          if (obj != null) {
            add(subj, p, obj, null, s, "kbp:" + t.relationGloss(), t.confidence);
          }
        }
      }
    }
  }

  private String countryOfDemonym(String adjective) {
    String country = DEMONYMS.get(adjective);
    if (country == null) {
      return null;
    }
    String norm = Names.normalise(country);
    for (Entity e : entities.values()) {
      if (e.type().isPlace() && (Names.normalise(e.name()).equals(norm)
          || e.aliases().stream().anyMatch(a -> Names.normalise(a).equals(norm)))) {
        return e.key();
      }
    }
    return null;
  }

  private void patterns(int s) {
    List<CoreLabel> toks = doc.tokens(s);
    for (int r = 0; r < RULES.size(); r++) {
      PatternRule rule = RULES.get(r);
      TokenSequenceMatcher m = PATTERNS.get(r).getMatcher(toks);
      while (m.find()) {
        String subj = entityOf(labels(m.groupNodes("$subj")));
        if (subj == null) {
          continue;
        }
        String value = glossOf(labels(m.groupNodes("$value")));
        String obj = entityOf(labels(m.groupNodes("$obj")));
        String extractor = "pattern:" + rule.name();
        if (rule.action().equals("gpe-role")) {
          gpeRole(subj, labels(m.groupNodes("$obj")), value, labels(m.groupNodes("$value")), s, extractor);
          continue;
        }
        if (rule.action().equals("org-role")) {
          if (obj != null && value != null) {
            add(subj, orgRole(value), obj, null, s, extractor, Double.NaN);
          }
          if (value != null) {
            add(subj, Predicate.TITLE, null, value, s, extractor, Double.NaN);
          }
          continue;
        }
        Predicate p = Predicate.valueOf(rule.action().toUpperCase(Locale.ROOT));
        if (p.literalObject() && value != null) {
          add(subj, p, null, value, s, extractor, Double.NaN);
        } else if (!p.literalObject() && obj != null) {
          add(subj, p, obj, null, s, extractor, Double.NaN);
        }
      }
    }
  }

  /**
   * A person and a country or city named beside them (the "gpe-role" action): leader_of when the
   * title names a head of state, government or city ({@code gpe-leader-titles.txt}), nationality
   * when a nationality adjective describes the person ("Japanese scientist Satoshi Omura"), and a
   * title relation when the words name an office.
   */
  private void gpeRole(String subj, List<CoreLabel> objToks, String value, List<CoreLabel> valueToks, int s, String extractor) {
    String obj = entityOf(objToks);
    boolean demonym = obj == null && !objToks.isEmpty() && "NATIONALITY".equals(Doc.originalNer(objToks.get(0)));
    if (demonym) {
      obj = countryOfDemonym(glossOf(objToks));
    }
    boolean office = valueToks.stream().anyMatch(t -> "TITLE".equals(Doc.originalNer(t)));
    if (obj != null && value != null && office && isGpeLeaderTitle(value)) {
      add(subj, Predicate.LEADER_OF, obj, null, s, extractor, Double.NaN);
    }
    if (obj != null && demonym) {
      add(subj, Predicate.NATIONALITY, obj, null, s, extractor, Double.NaN);
    }
    if (value != null && office) {
      add(subj, Predicate.TITLE, null, value, s, extractor, Double.NaN);
    }
  }

  private static boolean isGpeLeaderTitle(String title) {
    String[] words = title.toLowerCase(Locale.ROOT).split("\\s+");
    for (int i = 0; i < words.length; i++) {
      boolean deputy = i > 0 && (words[i - 1].equals("deputy") || words[i - 1].equals("vice") || words[i - 1].equals("former"));
      if (GPE_LEADER_WORDS.contains(words[i]) && !deputy && !(words[i].equals("prime") && i + 1 < words.length && !words[i + 1].equals("minister"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * An organisation named with its country: a nationality adjective before it ("the Israeli Air
   * Force"), a country's possessive ("Liberia's National Elections Commission") or a country's
   * name opening its own ("U.S. Army Corps of Engineers"), when the article names that country. A
   * state's body ({@code state-institution-words.txt} in its name) is part_of the country, any other
   * organisation ("Japan's Olympus") is based_in it.
   */
  private void organisationCountries(int s) {
    List<CoreLabel> toks = doc.tokens(s);
    for (int i = 0; i < toks.size(); i++) {
      String key = tokenEntity.get(tokenKey(s, i));
      Entity organisation = key == null ? null : entities.get(key);
      if (organisation == null || organisation.group() || organisation.type() != EntityType.ORGANIZATION
          || (i > 0 && key.equals(tokenEntity.get(tokenKey(s, i - 1))))) {
        continue;
      }
      int end = i;
      while (end + 1 < toks.size() && key.equals(tokenEntity.get(tokenKey(s, end + 1)))) {
        end++;
      }
      String country = null;
      if (i > 0 && "NATIONALITY".equals(Doc.originalNer(toks.get(i - 1)))) {
        country = countryOfDemonym(toks.get(i - 1).word());
      } else if (i > 1 && toks.get(i - 1).word().matches("'s|’s")) {
        String k = tokenEntity.get(tokenKey(s, i - 2));
        country = k != null && entities.get(k) != null && entities.get(k).type() == EntityType.GPE ? k : null;
      } else {
        for (int j = end - 1; j >= i && country == null; j--) {
          String prefix = glossOf(toks.subList(i, j + 1));
          String k = prefix == null ? null : Extractor.keyOfName(entities, prefix, EntityType.GPE);
          country = k;
        }
      }
      if (country == null) {
        continue;
      }
      boolean state = false;
      for (String w : (organisation.name() + " " + glossOf(toks.subList(i, end + 1))).toLowerCase(Locale.ROOT).split("[\\s-]+")) {
        state |= STATE_WORDS.contains(w);
      }
      add(key, state ? Predicate.PART_OF : Predicate.BASED_IN, country, null, s, "pattern:organisation-country", Double.NaN);
    }
  }

  /**
   * A person's office or occupation written right before the name or in apposition, whatever the
   * tagger's TITLE tag says, when its last word is a noun for a person (WordNet, {@link HumanNouns}):
   * "Cambodian infantryman Chan Chhorn", "former chess champion Gary Kasparov", "Zimbabwe team
   * captain Tatenda Taibu", "Marshall Nirenberg, a noted geneticist". The title is the noun phrase
   * without determiner; a nationality adjective or country opening it is left out.
   */
  private void occupations(int s) {
    List<CoreLabel> toks = doc.tokens(s);
    for (int i = 1; i < toks.size(); i++) {
      String key = tokenEntity.get(tokenKey(s, i));
      Entity person = key == null ? null : entities.get(key);
      if (person == null || person.type() != EntityType.PERSON || person.group()
          || key.equals(tokenEntity.get(tokenKey(s, i - 1)))) {
        continue;
      }
      int end = i - 1;
      if (!isPersonNoun(toks.get(end))) {
        continue;
      }
      int start = end;
      while (start > 0 && titleWord(s, toks, start - 1)) {
        start--;
      }
      while (start < end && (("NATIONALITY".equals(Doc.originalNer(toks.get(start))))
          || tokenEntity.containsKey(tokenKey(s, start)) && entities.get(tokenEntity.get(tokenKey(s, start))) != null
              && entities.get(tokenEntity.get(tokenKey(s, start))).type().isPlace())) {
        start++;
      }
      add(key, Predicate.TITLE, null, glossOf(toks.subList(start, end + 1)), s, "pattern:occupation-before-name", Double.NaN);
    }
    SemanticGraph g = doc.sentences.get(s).coreMap().get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
    if (g == null) {
      return;
    }
    for (SemanticGraphEdge e : g.edgeIterable()) {
      if (!e.getRelation().toString().equals("appos")) {
        continue;
      }
      String key = tokenEntity.get(tokenKey(s, e.getGovernor().index() - 1));
      Entity person = key == null ? null : entities.get(key);
      IndexedWord head = e.getDependent();
      if (person == null || person.type() != EntityType.PERSON || person.group() || tokenEntity.containsKey(tokenKey(s, head.index() - 1))
          || !isPersonNoun(toks.get(head.index() - 1))) {
        continue;
      }
      int start = head.index() - 1;
      for (SemanticGraphEdge m : g.outgoingEdgeIterable(head)) {
        String rel = m.getRelation().toString();
        int j = m.getDependent().index() - 1;
        if ((rel.equals("amod") || rel.equals("compound")) && j < start && !"NATIONALITY".equals(Doc.originalNer(toks.get(j)))
            && !tokenEntity.containsKey(tokenKey(s, j))) {
          start = j;
        }
      }
      add(key, Predicate.TITLE, null, glossOf(toks.subList(start, head.index())), s, "pattern:occupation-appositive", Double.NaN);
    }
  }

  /**
   * Nouns for people that say where someone lives or stands, not what they do: a "resident", a
   * "defendant" or a "client" has no title.
   */
  private static final Set<String> STATUS_NOUNS = Set.of("resident", "native", "citizen", "national", "inhabitant",
      "defendant", "co-defendant", "codefendant", "suspect", "client", "victim", "survivor", "relative", "friend", "wife",
      "husband", "son", "daughter", "mother", "father", "brother", "sister", "child", "man", "woman", "person", "people",
      "individual", "member", "owner", "winner", "fan", "supporter", "opponent", "critic");

  /** A common noun that WordNet says denotes a person, or a word the tagger marks TITLE; no status noun. */
  private static boolean isPersonNoun(CoreLabel t) {
    String tag = t.tag() == null ? "" : t.tag();
    if (STATUS_NOUNS.contains((t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT))) {
      return false;
    }
    if ("TITLE".equals(Doc.originalNer(t)) && tag.startsWith("NN")) {
      return true;
    }
    return (tag.equals("NN") || tag.equals("NNS")) && Character.isLowerCase(t.word().codePointAt(0))
        && HumanNouns.shared().of(t.lemma() == null ? t.word() : t.lemma()) == HumanNouns.Denotation.PERSON;
  }

  /** Whether a token may open a title before a name: a noun or adjective that is not itself a name of something else. */
  private boolean titleWord(int s, List<CoreLabel> toks, int i) {
    CoreLabel t = toks.get(i);
    String tag = t.tag() == null ? "" : t.tag();
    String key = tokenEntity.get(tokenKey(s, i));
    if (key != null) {
      Entity e = entities.get(key);
      return e != null && e.type() == EntityType.ORGANIZATION && !e.group() && false;
    }
    return (tag.startsWith("NN") || tag.equals("JJ") || tag.equals("VBN")) && !"DATE".equals(Doc.originalNer(t))
        && t.word().codePoints().allMatch(c -> Character.isLetter(c) || c == '-');
  }

  private static Predicate orgRole(String title) {
    for (String w : title.toLowerCase(Locale.ROOT).split("[\\s]+")) {
      if (FOUNDER_WORDS.contains(w)) {
        return Predicate.FOUNDER_OF;
      }
    }
    for (String w : title.toLowerCase(Locale.ROOT).split("[\\s]+")) {
      if (LEADER_WORDS.contains(w)) {
        return Predicate.LEADER_OF;
      }
    }
    return Predicate.EMPLOYEE_OR_MEMBER_OF;
  }

  private void dependencyPatterns(int s) {
    SemanticGraph g = doc.sentences.get(s).dependencyParse();
    if (g == null) {
      return;
    }
    for (int r = 0; r < DEP_RULES.size(); r++) {
      PatternRule rule = DEP_RULES.get(r);
      Predicate p = Predicate.valueOf(rule.action().toUpperCase(Locale.ROOT));
      SemgrexMatcher m = DEP_PATTERNS.get(r).matcher(g);
      while (m.find()) {
        String subj = tokenEntity.get(tokenKey(s, m.getNode("subj").index() - 1));
        String obj = tokenEntity.get(tokenKey(s, m.getNode("obj").index() - 1));
        if (p == Predicate.LOCATED_IN && "COUNTRY".equals(Doc.originalNer(doc.token(s, m.getNode("subj").index() - 1)))) {
          continue; // a country is in no other place ("critics of China in the United States")
        }
        if (subj != null && obj != null) {
          add(subj, p, obj, null, s, "semgrex:" + rule.name(), Double.NaN);
        }
      }
    }
  }

  private void charges(int s) {
    CoreSentence sentence = doc.sentences.get(s);
    SemanticGraph enhanced = sentence.dependencyParse();
    SemanticGraph basic = sentence.coreMap().get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
    if (enhanced == null || basic == null) {
      return;
    }
    for (int r = 0; r < CHARGE_RULES.size(); r++) {
      SemgrexMatcher m = CHARGE_PATTERNS.get(r).matcher(enhanced);
      while (m.find()) {
        IndexedWord defendant = m.getNode("defendant");
        IndexedWord charge = m.getNode("charge");
        String subj = tokenEntity.get(tokenKey(s, defendant.index() - 1));
        if (subj == null) {
          continue;
        }
        IndexedWord basicCharge = basic.getNodeByIndexSafe(charge.index());
        if (basicCharge == null) {
          continue;
        }
        String extractor = "semgrex:" + CHARGE_RULES.get(r).name();
        for (String phrase : coordinatedPhrases(basic, basicCharge)) {
          add(subj, Predicate.CHARGED_WITH, null, phrase, s, extractor, Double.NaN);
        }
      }
    }
  }

  /**
   * The phrase headed by {@code head} with everything that depends on it, split at its
   * coordinations: "conspiracy to commit harassment and unlawful conspiracy to transfer data" gives
   * two phrases, wherever the parser attached the second conjunct. A leading preposition ("with")
   * and edge punctuation are left out.
   */
  private List<String> coordinatedPhrases(SemanticGraph g, IndexedWord head) {
    TreeSet<Integer> idx = new TreeSet<>();
    TreeSet<Integer> cuts = new TreeSet<>();
    Deque<IndexedWord> todo = new ArrayDeque<>();
    todo.push(head);
    while (!todo.isEmpty()) {
      IndexedWord w = todo.pop();
      if (!idx.add(w.index())) {
        continue;
      }
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
        String rel = e.getRelation().toString();
        IndexedWord d = e.getDependent();
        if (w.equals(head) && d.index() < head.index()
            && (rel.equals("case") || rel.equals("mark") || rel.equals("cc") || rel.equals("punct"))) {
          continue;
        }
        if (rel.startsWith("conj")) {
          for (SemanticGraphEdge c : g.outgoingEdgeIterable(d)) {
            String cr = c.getRelation().toString();
            if (cr.equals("cc") || (cr.equals("punct") && c.getDependent().index() < d.index())) {
              cuts.add(c.getDependent().index());
            }
          }
        }
        todo.push(d);
      }
    }
    List<String> out = new ArrayList<>();
    List<CoreLabel> piece = new ArrayList<>();
    for (int i = idx.first(); i <= idx.last(); i++) {
      CoreLabel t = g.getNodeByIndex(i) == null ? null : g.getNodeByIndex(i).backingLabel();
      if (t == null || cuts.contains(i) || !idx.contains(i)) {
        addPiece(out, piece);
        piece = new ArrayList<>();
        continue;
      }
      piece.add(t);
    }
    addPiece(out, piece);
    return out;
  }

  private void addPiece(List<String> out, List<CoreLabel> piece) {
    while (!piece.isEmpty() && !piece.get(piece.size() - 1).word().codePoints().anyMatch(Character::isLetterOrDigit)) {
      piece.remove(piece.size() - 1);
    }
    String text = glossOf(piece);
    if (text != null) {
      out.add(text);
    }
  }

  private static List<CoreLabel> labels(List<? extends CoreMap> nodes) {
    List<CoreLabel> out = new ArrayList<>();
    if (nodes != null) {
      for (CoreMap n : nodes) {
        out.add((CoreLabel) n);
      }
    }
    return out;
  }

  /** The entity of a token span: its last (head) token's entity, else any token's. */
  private String entityOf(List<CoreLabel> toks) {
    if (toks == null || toks.isEmpty()) {
      return null;
    }
    for (int i = toks.size() - 1; i >= 0; i--) {
      CoreLabel t = toks.get(i);
      String k = tokenEntity.get(tokenKey(t.sentIndex(), t.index() - 1));
      if (k != null) {
        return k;
      }
    }
    return null;
  }

  /** The article text from the first to the last token, white space collapsed; null if empty. */
  private String glossOf(List<CoreLabel> toks) {
    if (toks == null || toks.isEmpty()) {
      return null;
    }
    int b = toks.get(0).beginPosition();
    int e = toks.get(toks.size() - 1).endPosition();
    String s = doc.text.substring(b, e).replaceAll("\\s+", " ").strip();
    return s.isEmpty() ? null : s;
  }

  private void add(String subj, Predicate p, String obj, String value, int sent, String extractor, double conf) {
    Entity se = entities.get(subj);
    Entity oe = obj == null ? null : entities.get(obj);
    if (se == null || (obj != null && (oe == null || obj.equals(subj)))) {
      return;
    }
    if (!p.allows(se.type(), oe == null ? null : oe.type())) {
      return;
    }
    Sentence evidence = doc.modelSentences.get(sent);
    Relation rel = new Relation(subj, p, obj, value, evidence, extractor, conf);
    found.putIfAbsent(rel.factKey(), rel);
  }

  private List<Relation> dropContainedLiterals() {
    List<Relation> out = new ArrayList<>();
    for (Relation r : found.values()) {
      if (r.value() != null && found.values().stream().anyMatch(o -> o != r && o.value() != null
          && o.subject().equals(r.subject()) && o.predicate() == r.predicate()
          && o.value().length() > r.value().length()
          && o.value().toLowerCase(Locale.ROOT).contains(r.value().toLowerCase(Locale.ROOT)))) {
        continue;
      }
      out.add(r);
    }
    return out;
  }
}
