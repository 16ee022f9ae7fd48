package org.newsgraph.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Mention;
import org.newsgraph.model.Names;
import org.newsgraph.model.Predicate;
import org.newsgraph.model.Relation;
import org.newsgraph.model.Span;

/**
 * Finds group actors: actors the text names only by a description, such as "U.S. prosecutors",
 * "Chinese security officials", "members of PRC intelligence services" or "U.S.-based activists".
 * A description is a noun phrase whose head is in {@code group-heads.tsv}; its domain
 * (government, intelligence, prosecutors, activists, ...) comes from the head and the modifiers
 * of {@code group-modifiers.tsv}, its country from a place name, a nationality adjective or an "X-based"
 * modifier. One group per domain and country: "Chinese authorities", "PRC authorities" and "the
 * Chinese regime" are one group, keyed {@code group/government-china} in every article. A
 * description with no country refers back to the latest group of its domain.
 *
 * <p>A group "X-based" or "in X" is {@code based_in} X; an intelligence, law-enforcement,
 * prosecution or military group is {@code part_of} the government group of the same country when
 * the article has one.
 */
final class GroupActorDetector {
  private static final Map<String, String[]> HEADS = heads();
  private static final Map<String, String> MODIFIERS = Lexicons.pairs("group-modifiers.tsv");
  private static final Map<String, String> DEMONYMS = Lexicons.demonyms();
  private static final Map<String, String> PLACEHOLDER_HEADS = Lexicons.pairs("placeholder-heads.tsv");
  /** A placeholder written as one token ("Agent-1", "Co-Conspirator-2"). */
  private static final java.util.regex.Pattern PLACEHOLDER_TOKEN = java.util.regex.Pattern.compile("([A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*)-(\\d{1,3})");
  /** The number of a placeholder written as three tokens ("Official", "-", "1"). */
  private static final java.util.regex.Pattern PLACEHOLDER_NUMBER = java.util.regex.Pattern.compile("\\d{1,3}");
  private static final Set<String> PART_OF_GOVERNMENT = Set.of("intelligence");
  /** Domains whose country-keyed groups are part_of the country itself ("Kenyan police", part_of Kenya). */
  private static final Set<String> STATE_WORDS = Lexicons.words("state-institution-words.txt");
  /** Domains whose country-keyed groups are part_of the country itself ("Kenyan police", part_of Kenya). */
  private static final Set<String> PART_OF_COUNTRY = Set.of("law-enforcement", "military");
  /**
   * Indefinite pronouns written as one noun ("someone", "anyone"), the bare words for a person
   * ("an individual", "the defendant") and words of status ("a PRC citizen", "a resident of Los
   * Angeles"), which stand for someone the article names elsewhere or no one in particular: no
   * description of a participant.
   */
  private static final Set<String> INDEFINITE_PRONOUNS = Set.of("someone", "somebody", "anyone", "anybody", "everyone",
      "everybody", "nobody", "one", "individual", "person", "defendant", "citizen", "resident", "national", "native");
  /** Nouns for members or parts of an organisation ({@code member-heads.txt}). */
  private static final Set<String> MEMBER_HEADS = Lexicons.words("member-heads.txt");
  /** Words for a company or similar organisation: a description of a named organisation, not a group of people. */
  private static final Set<String> ORG_DESCRIPTIONS = Lexicons.words("organisation-descriptions.txt");
  /** Heads that name a group in the singular too; any other head must be plural ("executives", not "an executive"). */
  private static final Set<String> COLLECTIVE = Set.of("government", "regime", "administration", "leadership", "police", "military");

  private static Map<String, String[]> heads() {
    Map<String, String[]> m = new HashMap<>();
    for (String l : Lexicons.lines("group-heads.tsv")) {
      String[] c = l.split("\t");
      m.put(c[0], new String[] {c[1], c[2]});
    }
    return m;
  }

  /**
   * What was found: the group entities, their tokens, their based_in / part_of / member
   * relations, and the keys of the groups found only as WordNet descriptions, which the caller
   * keeps only when they take part in an event or a relation of the text.
   */
  record Result(List<Entity> groups, Map<Long, String> tokens, List<Relation> relations, Set<String> descriptions) {}

  private final Doc doc;
  private final Map<String, Entity> named;
  private final Map<Long, String> tokenEntity;
  /** Slug of the article id: the scope of keys of groups that nothing ties to a country or organisation. */
  private final String articleScope;

  GroupActorDetector(Doc doc, Map<String, Entity> named, Map<Long, String> tokenEntity) {
    this(doc, named, tokenEntity, "article");
  }

  /**
   * @param articleId the article's id: a description that no modifier ties to a country or an
   *     organisation ("gunmen", "the driver") is a group of this article only, keyed {@code
   *     group/<article>/<head>}
   */
  GroupActorDetector(Doc doc, Map<String, Entity> named, Map<Long, String> tokenEntity, String articleId) {
    this.doc = doc;
    this.named = named;
    this.tokenEntity = tokenEntity;
    String slug = Names.key(EntityType.ORGANIZATION, articleId == null || articleId.isBlank() ? "article" : articleId);
    this.articleScope = slug.substring(slug.indexOf('/') + 1);
  }

  private static final class Builder {
    final String key;
    final String domain;
    final String countryName;
    final List<Mention> mentions = new ArrayList<>();
    final Set<String> names = new LinkedHashSet<>();
    String name;
    String basedIn;
    int basedSentence = -1;
    /** ORGANIZATION for a group, PERSON for one unnamed individual ("the driver"). */
    EntityType type = EntityType.ORGANIZATION;
    /** True for a description found through WordNet: kept only when it takes part in something. */
    boolean description;
    /** Whether the head denotes people (members of something) rather than an institution. */
    boolean people;
    Integer quantity;
    /** Whether the head or a modifier names a state's body or servants ("police", "officials", "army"). */
    boolean state;
    /** For one unnamed individual, the office or occupation the description gives ("top Hamas commander"). */
    String title;
    /** Content words modifying the head in any mention ("aid", "european"). */
    final Set<String> modifiers = new java.util.HashSet<>();
    /** Key of the country (GPE entity of the article) the group belongs to, or null. */
    String countryKey;
    /** Key of the organisation the group belongs to ("Hamas militants", "executives of Olympus"), or null. */
    String orgKey;
    int tieSentence = -1;

    Builder(String key, String domain, String countryName) {
      this.key = key;
      this.domain = domain;
      this.countryName = countryName;
    }
  }

  Result detect() {
    Map<String, Builder> groups = new LinkedHashMap<>();
    Map<String, Builder> latestByDomain = new HashMap<>();
    Map<Long, String> tokens = new HashMap<>();
    for (int s = 0; s < doc.sentences.size(); s++) {
      SemanticGraph g = doc.sentences.get(s).coreMap().get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
      if (g == null) {
        continue;
      }
      Set<Integer> usedHeads = new java.util.HashSet<>();
      int sent = s;
      for (IndexedWord head : g.vertexListSorted()) {
        RuleGuard.run("groups:" + head.word(), s, () -> detectAt(sent, g, head, usedHeads, groups, latestByDomain, tokens));
      }
    }
    List<Entity> out = new ArrayList<>();
    out.addAll(placeholders(tokens));
    List<Relation> relations = new ArrayList<>();
    Set<String> described = new java.util.LinkedHashSet<>();
    for (Builder b : groups.values()) {
      String name = b.name != null ? b.name : b.names.iterator().next();
      Set<String> aliases = new TreeSet<>();
      Set<String> seen = new java.util.HashSet<>();
      seen.add(Names.normalise(name));
      for (String n : b.names) {
        if (seen.add(Names.normalise(n))) {
          aliases.add(n);
        }
      }
      out.add(new Entity(b.key, b.type, name, aliases, b.mentions,
          List.of("group: " + b.domain + (b.countryName != null ? " of " + b.countryName : "")), true, b.quantity));
      if (b.description) {
        described.add(b.key);
      }
      if (b.countryKey != null && b.type == EntityType.PERSON) {
        // one unnamed person of a country ("a Thai military spokesman") has its nationality
        relations.add(new Relation(b.key, Predicate.NATIONALITY, b.countryKey, null, doc.modelSentences.get(b.tieSentence), "group:country", Double.NaN));
      } else if (b.countryKey != null && (!b.description || b.state || !b.people)) {
        // a state's own body or people ("Kenyan police", "Kenyan officials") is part of the country;
        // any other institution ("a Pakistani television station") is based there
        Predicate p = !b.description || b.state ? Predicate.PART_OF : Predicate.BASED_IN;
        relations.add(new Relation(b.key, p, b.countryKey, null, doc.modelSentences.get(b.tieSentence), "group:country", Double.NaN));
      }
      if (b.type == EntityType.PERSON && b.description && b.title != null) {
        relations.add(new Relation(b.key, Predicate.TITLE, null, b.title, doc.modelSentences.get(b.mentions.get(0).sentence()), "group:title", Double.NaN));
      }
      if (b.orgKey != null) {
        // one person is a member (employee_or_member_of is a person's relation); a group is part of it
        Predicate p = b.type == EntityType.PERSON ? Predicate.EMPLOYEE_OR_MEMBER_OF : Predicate.PART_OF;
        relations.add(new Relation(b.key, p, b.orgKey, null, doc.modelSentences.get(b.tieSentence), "group:member-of", Double.NaN));
      }
      if (b.basedIn != null) {
        relations.add(new Relation(b.key, Predicate.BASED_IN, b.basedIn, null, doc.modelSentences.get(b.basedSentence), "group:based", Double.NaN));
      }
    }
    for (Builder b : groups.values()) {
      if (PART_OF_GOVERNMENT.contains(b.domain) && b.countryName != null) {
        String suffix = b.key.substring(("group/" + b.domain + "-").length());
        Builder gov = groups.get("group/government-" + suffix);
        if (gov != null && !gov.mentions.isEmpty()) {
          relations.add(new Relation(b.key, Predicate.PART_OF, gov.key, null, doc.modelSentences.get(b.mentions.get(0).sentence()), "group:part-of-government", Double.NaN));
        }
      }
    }
    return new Result(out, tokens, relations, described);
  }

  /** Looks at one noun of one sentence: a group actor's head, or not. */
  private void detectAt(int s, SemanticGraph g, IndexedWord head, Set<Integer> usedHeads, Map<String, Builder> groups,
      Map<String, Builder> latestByDomain, Map<Long, String> tokens) {
    String tag = head.tag();
    if (tag == null || !tag.startsWith("NN") || usedHeads.contains(head.index())) {
      return;
    }
    if (tokenEntity.containsKey(RelationExtractor.tokenKey(s, head.index() - 1)) || isModifier(g, head)) {
      return;
    }
    String lemma = head.lemma().toLowerCase(Locale.ROOT);
    String[] entry = HEADS.get(lemma);
    if (entry == null || (tag.endsWith("S") && orgTie(g, s, head) != null)) {
      HumanNouns.Denotation d = entry != null ? HumanNouns.Denotation.PERSON : HumanNouns.shared().of(lemma);
      if (d != HumanNouns.Denotation.OTHER && tag.startsWith("NN") && !tag.startsWith("NNP") && !generic(g, head)
          && (!INDEFINITE_PRONOUNS.contains(lemma) || head.word().equalsIgnoreCase("people")) && !describesNamed(g, s, head) && !ORG_DESCRIPTIONS.contains(lemma)
          && !EventExtractor.isNounTrigger(lemma)) {
        description(s, g, head, lemma, d, groups, latestByDomain, tokens);
        usedHeads.add(head.index());
      }
      return;
    }
    if (!tag.endsWith("S") && !COLLECTIVE.contains(lemma)) {
      return;
    }
    Np np = nounPhrase(g, s, head);
    String domain = entry[0];
    for (String mod : np.modifierLemmas) {
      if (MODIFIERS.containsKey(mod) && (entry[1].equals("modified") || domain.equals("government") || domain.equals("law-enforcement"))) {
        domain = MODIFIERS.get(mod);
      }
    }
    if (entry[1].equals("modified") && domain.equals(entry[0]) && np.modifierLemmas.stream().noneMatch(MODIFIERS::containsKey)) {
      return;
    }
    String country = entry[1].equals("location") ? np.location : (np.country != null ? np.country : np.location);
    Builder b;
    if (country == null) {
      b = latestByDomain.get(domain);
      if (b == null) {
        String key = "group/" + articleScope + "/" + domain;
        b = groups.computeIfAbsent(key, k -> new Builder(k, entry[0], null));
      }
    } else {
      String key = "group/" + domain + "-" + Names.key(EntityType.GPE, country).substring("place/".length());
      String dom = domain;
      b = groups.computeIfAbsent(key, k -> new Builder(k, dom, country));
    }
    latestByDomain.put(domain, b);
    int begin = doc.token(s, np.first).beginPosition();
    int end = doc.token(s, np.last).endPosition();
    String text = doc.text.substring(begin, end).replaceAll("\\s+", " ");
    b.mentions.add(new Mention(new Span(begin, end, doc.text.substring(begin, end)), s, "group:" + domain));
    b.names.add(text);
    b.names.addAll(fullPhrases(g, s, head));
    Integer quantity = quantity(g, s, head);
    if (quantity != null && b.quantity == null) {
      b.quantity = quantity;
    }
    if (b.name == null && (country != null || b.countryName == null)) {
      b.name = text;
    }
    if (np.basedKey != null && b.basedIn == null && (entry[1].equals("location") || np.explicitBased)) {
      // activists, dissidents "in X" or "X-based" are based there; officials "in New Delhi" are
      // not a body based in the city
      b.basedIn = np.basedKey;
      b.basedSentence = s;
    }
    if (b.countryKey == null && PART_OF_COUNTRY.contains(b.domain)) {
      // "Kenyan police", "police in Senegal" (a country) are part of the country
      String state = np.country != null ? np.country : np.locationIsCountry ? np.location : null;
      b.countryKey = state == null ? null : Extractor.keyOfName(named, state, EntityType.GPE);
      b.tieSentence = s;
    }
    for (int i = np.first; i <= np.last; i++) {
      long tk = RelationExtractor.tokenKey(s, i);
      if (!tokenEntity.containsKey(tk) || i == head.index() - 1) {
        tokens.put(tk, b.key);
      }
    }
    tokens.put(RelationExtractor.tokenKey(s, head.index() - 1), b.key);
    usedHeads.add(head.index());
  }

  /** Number words of quantities ("four officers"); digits are read as numbers. */
  private static final Map<String, Integer> NUMBER_WORDS = numberWords();

  private static Map<String, Integer> numberWords() {
    String[] w = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < w.length; i++) {
      m.put(w[i], i);
    }
    m.put("thirty", 30);
    m.put("forty", 40);
    m.put("fifty", 50);
    m.put("hundred", 100);
    m.put("dozen", 12);
    return m;
  }

  /** Whether the description is no one in particular: "any other employee", "every worker", "no officer". */
  private static boolean generic(SemanticGraph g, IndexedWord head) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(head)) {
      String w = e.getDependent().word().toLowerCase(Locale.ROOT);
      if (e.getRelation().toString().equals("det") && (w.equals("any") || w.equals("every") || w.equals("no") || w.equals("whichever"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this noun modifies another noun ("police" in "police compound"): not a phrase head,
   * unless the noun it modifies names an event ("a police raid", "a rebel attack"), whose actor it is.
   */
  private static boolean isModifier(SemanticGraph g, IndexedWord w) {
    IndexedWord parent = g.getParent(w);
    if (parent == null) {
      return false;
    }
    String rel = g.getEdge(parent, w).getRelation().toString();
    if (rel.equals("compound") && parent.lemma() != null && EventExtractor.isNounTrigger(parent.lemma())) {
      return false;
    }
    return rel.equals("compound") || rel.equals("amod") || rel.startsWith("flat");
  }

  /**
   * Whether the noun describes a named entity of its sentence rather than a group: in apposition
   * with it ("Eric Kiraithe, a government spokesman"), the predicate of a copula whose subject it is
   * ("Acme is a company"), or a title word before it.
   */
  private boolean describesNamed(SemanticGraph g, int s, IndexedWord head) {
    IndexedWord parent = g.getParent(head);
    if (parent != null) {
      String rel = g.getEdge(parent, head).getRelation().toString();
      if (rel.equals("appos") && namedKey(s, parent) != null) {
        return true;
      }
    }
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(head)) {
      String rel = e.getRelation().toString();
      if ((rel.equals("appos") || rel.equals("nsubj")) && namedKey(s, e.getDependent()) != null) {
        if (rel.equals("appos") || hasChild(g, head, "cop")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasChild(SemanticGraph g, IndexedWord w, String rel) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().equals(rel)) {
        return true;
      }
    }
    return false;
  }

  /** Key of the named (not group) entity this token belongs to, or null. */
  private String namedKey(int s, IndexedWord w) {
    String key = tokenEntity.get(RelationExtractor.tokenKey(s, w.index() - 1));
    return key != null && named.containsKey(key) ? key : null;
  }

  /**
   * A description whose head WordNet says denotes people ("four police officers", "gunmen",
   * "villagers", "the crew", "a 23-year-old man"): a group actor of the article, or, for a
   * singular person noun, one unnamed individual (typed PERSON). A country modifier ("Kenyan
   * soldiers", "soldiers from Kenya") or an organisation modifier ("Hamas militants", "executives
   * of Olympus") ties it to that country or organisation: it is keyed by the head and that name
   * in every article, and is part_of the country (when the article names it) or a member of the
   * organisation. Without a tie, it is keyed within the article, and a later mention with the same
   * head ("the officers") is the same group.
   */
  private void description(int s, SemanticGraph g, IndexedWord head, String lemma, HumanNouns.Denotation d,
      Map<String, Builder> groups, Map<String, Builder> latestByDomain, Map<Long, String> tokens) {
    Np np = nounPhrase(g, s, head);
    IndexedWord tie = orgTie(g, s, head);
    String orgKey = tie == null ? null : namedKey(s, tie);
    if (tie != null) {
      np.first = Math.min(np.first, firstTokenOf(s, tie));
      np.last = Math.max(np.last, lastTokenOf(s, tie));
    }
    String countryKey = np.country == null ? null : Extractor.keyOfName(named, np.country, EntityType.GPE);
    boolean plural = head.tag().endsWith("S");
    EntityType type = d == HumanNouns.Denotation.GROUP || plural ? EntityType.ORGANIZATION : EntityType.PERSON;
    String domain = lemma;
    Builder b;
    if (np.country != null || orgKey != null) {
      String tieSlug = np.country != null ? Names.key(EntityType.GPE, np.country).substring("place/".length())
          : orgKey.substring(orgKey.indexOf('/') + 1);
      String key = "group/" + (type == EntityType.PERSON ? "one-" : "") + slug(lemma) + "-" + tieSlug;
      b = groups.computeIfAbsent(key, k -> new Builder(k, domain, np.country));
    } else {
      String local = (type == EntityType.PERSON ? "one-" : "") + slug(lemma);
      Integer quantity = quantity(g, s, head);
      b = null;
      for (int n = 1; b == null; n++) {
        String key = "group/" + articleScope + "/" + local + (n > 1 ? "-" + n : "");
        Builder existing = groups.get(key);
        if (existing == null) {
          b = new Builder(key, domain, null);
          groups.put(key, b);
        } else if (existing.modifiers.containsAll(np.modifierLemmas)
            && (quantity == null || existing.quantity == null || quantity.equals(existing.quantity))) {
          b = existing;
        }
      }
      // a bare later mention ("the workers") refers back to the latest group with this head
      Builder tied = latestByDomain.get("description:" + local);
      if (tied != null && tied != b && np.modifierLemmas.isEmpty() && quantity == null && b.mentions.isEmpty()) {
        groups.remove(b.key);
        b = tied;
      }
    }
    latestByDomain.put("description:" + (type == EntityType.PERSON ? "one-" : "") + slug(lemma), b);
    b.modifiers.addAll(np.modifierLemmas);
    b.type = type;
    b.description = true;
    b.people = d == HumanNouns.Denotation.PERSON;
    b.state |= STATE_WORDS.contains(lemma) || np.modifierLemmas.stream().anyMatch(STATE_WORDS::contains);
    if (b.countryKey == null && countryKey != null) {
      b.countryKey = countryKey;
      b.tieSentence = s;
    }
    if (b.orgKey == null && orgKey != null) {
      b.orgKey = orgKey;
      b.tieSentence = s;
    }
    int begin = doc.token(s, np.first).beginPosition();
    int end = doc.token(s, np.last).endPosition();
    String text = doc.text.substring(begin, end).replaceAll("\\s+", " ");
    b.mentions.add(new Mention(new Span(begin, end, doc.text.substring(begin, end)), s, "group:description"));
    if (b.name == null) {
      b.name = text;
    }
    if (type == EntityType.PERSON && b.title == null && "TITLE".equals(Doc.originalNer(doc.token(s, head.index() - 1)))) {
      b.title = text;
    }
    b.names.add(text);
    b.names.addAll(fullPhrases(g, s, head));
    b.names.add(head.word());
    Integer quantity = quantity(g, s, head);
    if (quantity != null) {
      int qb = doc.token(s, quantityToken(g, head) - 1).beginPosition();
      b.names.add(doc.text.substring(Math.min(qb, begin), end).replaceAll("\\s+", " "));
      b.quantity = b.quantity == null ? quantity : b.quantity;
    }
    if (np.basedKey != null && np.explicitBased && b.basedIn == null) {
      b.basedIn = np.basedKey;
      b.basedSentence = s;
    }
    for (int i = np.first; i <= np.last; i++) {
      long tk = RelationExtractor.tokenKey(s, i);
      if (!tokenEntity.containsKey(tk) || i == head.index() - 1) {
        tokens.put(tk, b.key);
      }
    }
    tokens.put(RelationExtractor.tokenKey(s, head.index() - 1), b.key);
  }

  private static String slug(String lemma) {
    return lemma.replaceAll("[^\\p{L}\\p{N}]+", "-");
  }

  /**
   * The named organisation a description of people belongs to, as the word that names it: a
   * compound or possessive before the head ("Hamas militants", "Olympus's executives") or an
   * "of/at/for/from" phrase after it ("executives of Olympus"); null when there is none.
   */
  private IndexedWord orgTie(SemanticGraph g, int s, IndexedWord head) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(head)) {
      String rel = e.getRelation().toString();
      IndexedWord dep = e.getDependent();
      String k = namedKey(s, dep);
      if (k == null || named.get(k).type() != EntityType.ORGANIZATION) {
        continue;
      }
      boolean pronoun = dep.tag() != null && dep.tag().startsWith("PRP");
      boolean before = dep.index() < head.index() && (rel.equals("compound") || rel.equals("nmod:poss")) && !pronoun;
      boolean ofPhrase = rel.startsWith("nmod") && List.of("of", "at", "for", "from").contains(caseOf(g, dep))
          && MEMBER_HEADS.contains(head.lemma().toLowerCase(Locale.ROOT));
      if (before || ofPhrase) {
        return dep;
      }
    }
    return null;
  }

  /**
   * The whole noun phrase of a description, as the text writes it: with its determiner and
   * without, with what follows the head ("supporters of her rival", "forces loyal to Hamas",
   * "people allegedly involved in corruption scandals", "a court in the West African nation of Cape
   * Verde") and, as a second form, with its relative clause too. Coordinated phrases and
   * appositions are left out. These are further names of the group, as readers quote it.
   */
  private List<String> fullPhrases(SemanticGraph g, int s, IndexedWord head) {
    List<String> out = new ArrayList<>();
    for (boolean relative : new boolean[] {false, true}) {
      java.util.TreeSet<Integer> idx = new java.util.TreeSet<>();
      Deque<IndexedWord> todo = new java.util.ArrayDeque<>(List.of(head));
      while (!todo.isEmpty()) {
        IndexedWord w = todo.pop();
        if (!idx.add(w.index())) {
          continue;
        }
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
          String rel = e.getRelation().toString();
          if (rel.startsWith("conj") || rel.equals("cc") || rel.equals("appos") || rel.equals("parataxis")
              || rel.startsWith("punct") || (!relative && rel.equals("acl:relcl")) || (w == head && rel.equals("dep"))) {
            continue;
          }
          todo.push(e.getDependent());
        }
      }
      if (idx.size() <= 1 || idx.last() - idx.first() + 1 != idx.size()) {
        continue; // only contiguous phrases
      }
      int first = idx.first() - 1;
      int last = idx.last() - 1;
      String full = doc.text.substring(doc.token(s, first).beginPosition(), doc.token(s, last).endPosition()).replaceAll("\\s+", " ");
      out.add(full);
      String tag = doc.token(s, first).tag();
      if (first < last && tag != null && (tag.equals("DT") || tag.equals("PRP$") || tag.equals("CD"))) {
        out.add(doc.text.substring(doc.token(s, first + 1).beginPosition(), doc.token(s, last).endPosition()).replaceAll("\\s+", " "));
      }
    }
    return out;
  }

  /** Index (1-based) of the number word modifying the head, or -1. */
  private static int quantityToken(SemanticGraph g, IndexedWord head) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(head)) {
      if (e.getRelation().toString().equals("nummod")) {
        return e.getDependent().index();
      }
    }
    return -1;
  }

  /** The number a numeral modifying the head states ("four", "58", "1,200"), or null. */
  private Integer quantity(SemanticGraph g, int s, IndexedWord head) {
    int i = quantityToken(g, head);
    if (i < 0) {
      return null;
    }
    String w = doc.token(s, i - 1).word().toLowerCase(Locale.ROOT).replace(",", "");
    if (w.matches("\\d{1,9}")) {
      return Integer.parseInt(w);
    }
    return NUMBER_WORDS.get(w);
  }

  /** First token (0-based) of the entity mention or word at this node. */
  private int firstTokenOf(int s, IndexedWord w) {
    int i = w.index() - 1;
    String key = tokenEntity.get(RelationExtractor.tokenKey(s, i));
    while (key != null && i > 0 && key.equals(tokenEntity.get(RelationExtractor.tokenKey(s, i - 1)))) {
      i--;
    }
    return i;
  }

  /** Last token (0-based) of the entity mention or word at this node. */
  private int lastTokenOf(int s, IndexedWord w) {
    int i = w.index() - 1;
    String key = tokenEntity.get(RelationExtractor.tokenKey(s, i));
    int n = doc.tokens(s).size();
    while (key != null && i + 1 < n && key.equals(tokenEntity.get(RelationExtractor.tokenKey(s, i + 1)))) {
      i++;
    }
    return i;
  }

  /**
   * Placeholder actors of court papers: "PRC Official-1", "Agent-1", "Company-2" (a capitalised
   * head of {@code placeholder-heads.tsv}, a hyphen, a number; written as one token or as three).
   * Each distinct head and number is one group actor, named by its longest form (with up to two
   * capitalised proper nouns or adjectives before it, "PRC Official-1", "Russian Official-2"),
   * keyed {@code group/placeholder-official-1}. Its tokens are added to {@code tokens}.
   */
  private List<Entity> placeholders(Map<Long, String> tokens) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> types = new HashMap<>();
    Map<String, List<Mention>> mentions = new HashMap<>();
    Map<String, Set<String>> aliases = new HashMap<>();
    for (int s = 0; s < doc.sentences.size(); s++) {
      List<CoreLabel> toks = doc.tokens(s);
      for (int i = 0; i < toks.size(); i++) {
        String head;
        String number;
        int last;
        java.util.regex.Matcher m = PLACEHOLDER_TOKEN.matcher(toks.get(i).word());
        if (m.matches()) {
          head = m.group(1);
          number = m.group(2);
          last = i;
        } else if (i + 2 < toks.size() && toks.get(i + 1).word().equals("-") && PLACEHOLDER_NUMBER.matcher(toks.get(i + 2).word()).matches()
            && Character.isUpperCase(toks.get(i).word().codePointAt(0))
            && toks.get(i + 1).endPosition() == toks.get(i + 2).beginPosition()
            && toks.get(i).endPosition() == toks.get(i + 1).beginPosition()) {
          head = toks.get(i).word();
          number = toks.get(i + 2).word();
          last = i + 2;
        } else {
          continue;
        }
        String type = PLACEHOLDER_HEADS.get(head.toLowerCase(Locale.ROOT));
        if (type == null) {
          continue;
        }
        int first = i;
        while (first > 0 && i - first < 2 && toks.get(first - 1).tag() != null
            && (toks.get(first - 1).tag().startsWith("NNP") || toks.get(first - 1).tag().equals("JJ"))
            && Character.isUpperCase(toks.get(first - 1).word().codePointAt(0))) {
          first--;
        }
        String key = "group/placeholder-" + head.toLowerCase(Locale.ROOT) + "-" + number;
        int begin = toks.get(first).beginPosition();
        int end = toks.get(last).endPosition();
        String text = doc.text.substring(begin, end).replaceAll("\\s+", " ");
        names.merge(key, text, (a, b) -> b.length() > a.length() ? b : a);
        aliases.computeIfAbsent(key, k -> new TreeSet<>()).add(text);
        types.put(key, type);
        mentions.computeIfAbsent(key, k -> new ArrayList<>()).add(new Mention(new Span(begin, end, doc.text.substring(begin, end)), s, "group:placeholder"));
        for (int k = i; k <= last; k++) {
          tokens.put(RelationExtractor.tokenKey(s, k), key);
        }
        i = last;
      }
    }
    List<Entity> out = new ArrayList<>();
    names.forEach((key, name) -> {
      Set<String> other = new TreeSet<>(aliases.get(key));
      other.remove(name);
      out.add(new Entity(key, EntityType.valueOf(types.get(key)), name, other, mentions.get(key),
          List.of("group: placeholder name in court papers"), true));
    });
    return out;
  }

  /** A group description: its token range (0-based, inclusive), modifiers and country. */
  private static final class Np {
    int first;
    int last;
    final List<String> modifierLemmas = new ArrayList<>();
    String country;
    String location;
    String basedKey;
    /** Whether the place comes from "X-based" rather than an "in X" phrase. */
    boolean explicitBased;
    /** Whether the "in X" place is a country (as the tagger says). */
    boolean locationIsCountry;
  }

  private Np nounPhrase(SemanticGraph g, int s, IndexedWord head) {
    Np np = new Np();
    np.first = head.index() - 1;
    np.last = head.index() - 1;
    collectModifiers(g, s, head, np, true);
    IndexedWord parent = g.getParent(head);
    if (parent != null && parent.lemma().equalsIgnoreCase("member")) {
      SemanticGraphEdge e = g.getEdge(parent, head);
      if (e != null && e.getRelation().toString().startsWith("nmod")) {
        np.first = Math.min(np.first, parent.index() - 1);
      }
    }
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(head)) {
      String rel = e.getRelation().toString();
      IndexedWord d = e.getDependent();
      if (rel.startsWith("nmod") || rel.startsWith("obl")) {
        String prep = caseOf(g, d);
        String place = placeOf(s, d);
        if (place != null && (prep.equals("of") || prep.equals("from"))) {
          np.country = np.country == null ? named.get(place).name() : np.country;
          np.last = Math.max(np.last, d.index() - 1);
        } else if (place != null && prep.equals("in")) {
          np.location = named.get(place).name();
          np.basedKey = place;
          np.locationIsCountry = "COUNTRY".equals(Doc.originalNer(doc.token(s, d.index() - 1)));
          np.last = Math.max(np.last, d.index() - 1);
        }
      }
    }
    return np;
  }

  private void collectModifiers(SemanticGraph g, int s, IndexedWord w, Np np, boolean top) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      String rel = e.getRelation().toString();
      IndexedWord d = e.getDependent();
      if (d.index() > w.index() || !(rel.equals("amod") || rel.equals("compound") || rel.equals("nmod:poss") || (!top && rel.equals("obl")))) {
        continue;
      }
      boolean based = d.word().equalsIgnoreCase("based");
      if (d.tag() != null && (d.tag().startsWith("VB") && !based || d.tag().equals("PRP$") || d.tag().equals("WP$"))) {
        continue;
      }
      np.first = Math.min(np.first, leftmost(g, d) - 1);
      np.modifierLemmas.add(d.lemma().toLowerCase(Locale.ROOT));
      String place = placeOf(s, d);
      CoreLabel t = doc.token(s, d.index() - 1);
      if (based) {
        for (SemanticGraphEdge be : g.outgoingEdgeIterable(d)) {
          String bp = placeOf(s, be.getDependent());
          if (bp != null) {
            np.location = named.get(bp).name();
            np.basedKey = bp;
            np.explicitBased = true;
            np.first = Math.min(np.first, be.getDependent().index() - 1);
          }
        }
      } else if (place != null) {
        if (np.country == null) {
          np.country = named.get(place).name();
        }
        if (np.location == null && !"NATIONALITY".equals(Doc.originalNer(t))) {
          np.location = named.get(place).name();
        }
      } else if ("NATIONALITY".equals(Doc.originalNer(t)) && np.country == null) {
        String c = DEMONYMS.get(t.word());
        if (c != null) {
          np.country = c;
        }
      }
      collectModifiers(g, s, d, np, false);
    }
  }

  /** Index (1-based) of the first word of a modifier's own phrase ("23" of "23-year-old"). */
  private static int leftmost(SemanticGraph g, IndexedWord w) {
    int min = w.index();
    for (IndexedWord d : g.descendants(w)) {
      min = Math.min(min, d.index());
    }
    return min;
  }

  private static String caseOf(SemanticGraph g, IndexedWord w) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().equals("case")) {
        return e.getDependent().word().toLowerCase(Locale.ROOT);
      }
    }
    return "";
  }

  /** Key of the place entity this word belongs to, or null. */
  private String placeOf(int s, IndexedWord w) {
    String key = tokenEntity.get(RelationExtractor.tokenKey(s, w.index() - 1));
    Entity e = key == null ? null : named.get(key);
    return e != null && e.type().isPlace() ? key : null;
  }
}
