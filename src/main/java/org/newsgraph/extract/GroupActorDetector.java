package org.newsgraph.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
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
  private static final Map<String, String> DEMONYMS = Lexicons.pairs("demonyms.tsv");
  private static final Map<String, String> PLACEHOLDER_HEADS = Lexicons.pairs("placeholder-heads.tsv");
  /** A placeholder written as one token ("Agent-1", "Co-Conspirator-2"). */
  private static final java.util.regex.Pattern PLACEHOLDER_TOKEN = java.util.regex.Pattern.compile("([A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*)-(\\d{1,3})");
  /** The number of a placeholder written as three tokens ("Official", "-", "1"). */
  private static final java.util.regex.Pattern PLACEHOLDER_NUMBER = java.util.regex.Pattern.compile("\\d{1,3}");
  private static final Set<String> PART_OF_GOVERNMENT = Set.of("intelligence", "law-enforcement", "prosecutors", "military");
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

  /** What was found: the group entities, their tokens, and their based_in / part_of relations. */
  record Result(List<Entity> groups, Map<Long, String> tokens, List<Relation> relations) {}

  private final Doc doc;
  private final Map<String, Entity> named;
  private final Map<Long, String> tokenEntity;

  GroupActorDetector(Doc doc, Map<String, Entity> named, Map<Long, String> tokenEntity) {
    this.doc = doc;
    this.named = named;
    this.tokenEntity = tokenEntity;
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
      for (IndexedWord head : g.vertexListSorted()) {
        String tag = head.tag();
        if (tag == null || !tag.startsWith("NN") || usedHeads.contains(head.index())) {
          continue;
        }
        String[] entry = HEADS.get(head.lemma().toLowerCase(Locale.ROOT));
        if (entry == null || tokenEntity.containsKey(RelationExtractor.tokenKey(s, head.index() - 1))) {
          continue;
        }
        if (!tag.endsWith("S") && !COLLECTIVE.contains(head.lemma().toLowerCase(Locale.ROOT))) {
          continue;
        }
        Np np = nounPhrase(g, s, head);
        String domain = entry[0];
        for (String mod : np.modifierLemmas) {
          if (MODIFIERS.containsKey(mod) && (entry[1].equals("modified") || domain.equals("government") || domain.equals("law-enforcement"))) {
            domain = MODIFIERS.get(mod);
          }
        }
        if (entry[1].equals("modified") && domain.equals(entry[0]) && np.modifierLemmas.stream().noneMatch(MODIFIERS::containsKey)) {
          continue;
        }
        String country = entry[1].equals("location") ? np.location : (np.country != null ? np.country : np.location);
        Builder b;
        if (country == null) {
          b = latestByDomain.get(domain);
          if (b == null) {
            String key = "group/" + domain;
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
        if (b.name == null && (country != null || b.countryName == null)) {
          b.name = text;
        }
        if (np.basedKey != null && b.basedIn == null) {
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
        usedHeads.add(head.index());
      }
    }
    List<Entity> out = new ArrayList<>();
    out.addAll(placeholders(tokens));
    List<Relation> relations = new ArrayList<>();
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
      out.add(new Entity(b.key, EntityType.ORGANIZATION, name, aliases, b.mentions,
          List.of("group: " + b.domain + (b.countryName != null ? " of " + b.countryName : "")), true));
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
    return new Result(out, tokens, relations);
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
      if (d.tag() != null && d.tag().startsWith("VB") && !based) {
        continue;
      }
      np.first = Math.min(np.first, d.index() - 1);
      np.modifierLemmas.add(d.lemma().toLowerCase(Locale.ROOT));
      String place = placeOf(s, d);
      CoreLabel t = doc.token(s, d.index() - 1);
      if (based) {
        for (SemanticGraphEdge be : g.outgoingEdgeIterable(d)) {
          String bp = placeOf(s, be.getDependent());
          if (bp != null) {
            np.location = named.get(bp).name();
            np.basedKey = bp;
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
