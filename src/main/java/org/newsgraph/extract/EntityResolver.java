package org.newsgraph.extract;

import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.coref.data.Dictionaries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Mention;
import org.newsgraph.model.Names;
import org.newsgraph.model.Span;

/**
 * Groups mentions into entities, one per real-world actor or place in the article, and records
 * why each pair of names was merged. Merges, in order:
 *
 * <ol>
 *   <li>same name: mentions whose normalised names are equal and whose types agree;
 *   <li>place gazetteer: names listed as one place in {@code place-aliases.tsv} ("U.S." and
 *       "United States");
 *   <li>alias pattern: "X, or "Y"", "X, also known as Y", "X (Y)" introduce Y as another name of X;
 *   <li>acronym: an all-capitals name equal to the initials of another name ("CCP", "Chinese
 *       Communist Party"), the initials taken from capitalised words;
 *   <li>coreference: named mentions whose heads fall in one CoreNLP coreference chain, when their
 *       types agree;
 *   <li>partial person name: a person's name whose words all occur in a longer person's name
 *       ("Jin" in "Jin Xinjiang") joins the nearest such longer name before it (or after it when
 *       none is before).
 * </ol>
 *
 * The canonical name is the gazetteer's name for a listed place, otherwise the longest name used
 * (most words, then most characters) that is not an acronym.
 */
final class EntityResolver {
  private static final Map<String, String> PLACE_ALIASES = Lexicons.aliasTable("place-aliases.tsv");
  private static final Pattern ALIAS_GAP = Pattern.compile(
      "\\s*,?\\s*or\\s*[\"“'‘]\\s*"
          + "|\\s*,?\\s*(?:also known as|a\\.k\\.a\\.|aka|known as|nicknamed|dubbed|formerly)\\s*[\"“'‘]?\\s*"
          + "|\\s*[(\\[]\\s*[\"“]?\\s*");
  private static final Set<String> ACRONYM_SKIP = Set.of("of", "the", "and", "for", "on", "in", "de", "la", "&");

  /** The result: entities in order of first mention and, for each mention, its entity's key. */
  record Result(List<Entity> entities, Map<Cand, String> keyOf) {}

  private int[] parent;
  private final Map<Integer, List<String>> notesByRoot = new HashMap<>();

  Result resolve(Doc doc, List<Cand> cands, Map<String, EntityType> metadataNames) {
    int n = cands.size();
    parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstByName = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Cand c = cands.get(i);
      String key = compat(c.type) + "|" + (c.type == EntityType.ORGANIZATION ? withoutLegalSuffix(c.text) : Names.normalise(c.text));
      Integer j = firstByName.putIfAbsent(key, i);
      if (j != null) {
        union(j, i, null);
      }
    }
    Map<String, Integer> firstByPlace = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Cand c = cands.get(i);
      String canon = PLACE_ALIASES.get(Names.normalise(c.text));
      if (canon != null) {
        c.type = EntityType.GPE;
        Integer j = firstByPlace.putIfAbsent(canon, i);
        if (j != null) {
          boolean sameName = Names.normalise(cands.get(j).text).equals(Names.normalise(c.text));
          union(j, i, sameName ? null : "gazetteer: " + cands.get(j).text + " = " + c.text);
        }
      }
    }
    for (int i = 0; i + 1 < n; i++) {
      Cand a = cands.get(i);
      Cand b = cands.get(i + 1);
      if (a.sent == b.sent && b.begin >= a.endChar
          && ALIAS_GAP.matcher(doc.text.substring(a.endChar, b.begin)).matches()
          && (a.type == b.type || b.text.equals(b.text.toUpperCase()))) {
        joinIfSafe(cands, i, i + 1, "alias-pattern: " + a.text + " ~ " + b.text);
      }
    }
    for (int i = 0; i < n; i++) {
      Cand a = cands.get(i);
      if (!isAcronym(a.text)) {
        continue;
      }
      for (int j = 0; j < n; j++) {
        Cand b = cands.get(j);
        if (i != j && find(i) != find(j) && initials(b.text).equals(a.text.replace(".", ""))) {
          joinIfSafe(cands, j, i, "acronym: " + a.text + " = " + b.text);
          break;
        }
      }
    }
    RuleGuard.run("entities:coreference", -1, () -> mergeByCoreference(doc, cands));
    RuleGuard.run("entities:partial-person-names", -1, () -> mergePartialPersonNames(cands));
    RuleGuard.run("entities:short-organisation-names", -1, () -> mergeShortOrganisationNames(cands));

    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(i), k -> new ArrayList<>()).add(i);
    }
    Map<String, EntityBuilder> byKey = new LinkedHashMap<>();
    Map<Cand, String> keyOf = new HashMap<>();
    for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
      List<Cand> members = new ArrayList<>();
      for (int i : g.getValue()) {
        members.add(cands.get(i));
      }
      EntityType type = majorityType(members);
      String name = canonicalName(members);
      String key = Names.key(type, name);
      EntityBuilder b = byKey.computeIfAbsent(key, k -> new EntityBuilder(k, type, name));
      for (Cand c : members) {
        b.mentions.add(new Mention(new Span(c.begin, c.endChar, doc.text.substring(c.begin, c.endChar)), c.sent, c.source));
        b.names.add(c.text);
        keyOf.put(c, key);
      }
      b.merges.addAll(notesByRoot.getOrDefault(g.getKey(), List.of()));
    }
    for (Map.Entry<String, EntityType> meta : metadataNames.entrySet()) {
      addMetadataName(byKey, meta.getKey(), meta.getValue());
    }
    List<Entity> entities = new ArrayList<>();
    for (EntityBuilder b : byKey.values()) {
      entities.add(b.build());
      for (Map.Entry<Cand, String> e : keyOf.entrySet()) {
        if (b.replaced.contains(e.getValue())) {
          e.setValue(b.key);
        }
      }
    }
    return new Result(entities, keyOf);
  }

  /**
   * Names from the byline or credits join the entity that already has that name (for people, also
   * one whose names are all part of it: "Cathy" joins "Cathy He"), or stand alone.
   */
  private static void addMetadataName(Map<String, EntityBuilder> byKey, String name, EntityType type) {
    String norm = Names.normalise(name);
    List<String> words = List.of(norm.split(" "));
    for (EntityBuilder b : new ArrayList<>(byKey.values())) {
      if (b.type != type) {
        continue;
      }
      if (b.names.stream().anyMatch(x -> Names.normalise(x).equals(norm))) {
        return;
      }
      boolean partOf = type == EntityType.PERSON
          && b.names.stream().allMatch(x -> words.containsAll(List.of(Names.normalise(x).split(" "))))
          && words.size() > Names.normalise(b.name).split(" ").length;
      if (partOf) {
        byKey.remove(b.key);
        EntityBuilder nb = byKey.computeIfAbsent(Names.key(type, name), k -> new EntityBuilder(k, type, name));
        nb.names.addAll(b.names);
        nb.names.add(name);
        nb.mentions.addAll(b.mentions);
        nb.merges.addAll(b.merges);
        nb.merges.add("metadata: " + b.name + " ~ " + name);
        nb.replaced.add(b.key);
        nb.replaced.addAll(b.replaced);
        return;
      }
    }
    String key = Names.key(type, name);
    EntityBuilder b = byKey.computeIfAbsent(key, k -> new EntityBuilder(k, type, name));
    b.names.add(name);
    b.merges.add("metadata: " + name);
  }

  private void mergeByCoreference(Doc doc, List<Cand> cands) {
    Map<Integer, CorefChain> chains = doc.core.corefChains();
    if (chains == null) {
      return;
    }
    for (CorefChain chain : chains.values()) {
      List<Integer> inChain = new ArrayList<>();
      for (CorefChain.CorefMention m : chain.getMentionsInTextualOrder()) {
        if (m.mentionType == Dictionaries.MentionType.LIST) {
          continue;
        }
        int sent = m.sentNum - 1;
        int head = m.headIndex - 1;
        for (int i = 0; i < cands.size(); i++) {
          Cand c = cands.get(i);
          if (c.sent == sent && c.start <= head && head < c.end) {
            inChain.add(i);
          }
        }
      }
      for (int x = 1; x < inChain.size(); x++) {
        Cand a = cands.get(inChain.get(0));
        Cand b = cands.get(inChain.get(x));
        if (compat(a.type) == compat(b.type) && find(inChain.get(0)) != find(inChain.get(x)) && namesAgree(a, b)
            && clustersAgree(cands, inChain.get(0), inChain.get(x))) {
          union(inChain.get(0), inChain.get(x), "coreference: " + a.text + " ~ " + b.text);
        }
      }
    }
  }

  /**
   * Coreference may only join names that could be one entity's: for people, the words of one
   * name must all be in the other ("DuCharme", "Seth D. DuCharme"; not "Marco Bellini",
   * "Giuseppe Bellini"); for organisations and places, one name must contain the other or spell
   * its initials.
   */
  static boolean namesAgree(Cand a, Cand b) {
    List<String> x = List.of(Names.normalise(a.text).split(" "));
    List<String> y = List.of(Names.normalise(b.text).split(" "));
    if (x.containsAll(y) || y.containsAll(x)) {
      return true;
    }
    if (a.type == EntityType.PERSON || b.type == EntityType.PERSON) {
      return false;
    }
    return initials(a.text).equalsIgnoreCase(b.text.replace(".", "")) || initials(b.text).equalsIgnoreCase(a.text.replace(".", ""));
  }

  /**
   * Whether the clusters of mentions i and j may be joined: no two person names of several words
   * in them disagree (each name's words must all be in the other's).
   */
  private boolean clustersAgree(List<Cand> cands, int i, int j) {
    int ri = find(i);
    int rj = find(j);
    List<Cand> a = new ArrayList<>();
    List<Cand> b = new ArrayList<>();
    for (int k = 0; k < cands.size(); k++) {
      int r = find(k);
      Cand c = cands.get(k);
      if (c.type != EntityType.PERSON || c.end - c.start < 2) {
        continue;
      }
      if (r == ri) {
        a.add(c);
      } else if (r == rj) {
        b.add(c);
      }
    }
    for (Cand x : a) {
      for (Cand y : b) {
        if (!namesAgree(x, y)) {
          return false;
        }
      }
    }
    return true;
  }

  private void mergePartialPersonNames(List<Cand> cands) {
    for (int i = 0; i < cands.size(); i++) {
      Cand s = cands.get(i);
      if (s.type != EntityType.PERSON) {
        continue;
      }
      Set<String> words = new java.util.HashSet<>(List.of(Names.normalise(s.text).split(" ")));
      int best = -1;
      for (int j = 0; j < cands.size(); j++) {
        Cand l = cands.get(j);
        if (l.type != EntityType.PERSON || find(i) == find(j)) {
          continue;
        }
        List<String> lw = List.of(Names.normalise(l.text).split(" "));
        if (lw.size() <= words.size() || !lw.containsAll(words)) {
          continue;
        }
        boolean before = j < i;
        if (best < 0 || (before && (best > i || j > best))) {
          best = j;
        }
      }
      if (best >= 0 && clustersAgree(cands, best, i)) {
        union(best, i, "name-match: " + s.text + " ~ " + cands.get(best).text);
      }
    }
  }

  /**
   * "Marshall" after "Marshall Space Flight Center": a one-word organisation name that is the
   * first word of exactly one longer organisation name joins it.
   */
  private void mergeShortOrganisationNames(List<Cand> cands) {
    for (int i = 0; i < cands.size(); i++) {
      Cand c = cands.get(i);
      if (c.type != EntityType.ORGANIZATION || c.end - c.start != 1) {
        continue;
      }
      String word = Names.normalise(c.text);
      int match = -1;
      boolean several = false;
      for (int j = 0; j < cands.size(); j++) {
        Cand l = cands.get(j);
        String[] words = Names.normalise(l.text).split(" ");
        if (l.type == EntityType.ORGANIZATION && words.length >= 2 && words[0].equals(word)) {
          if (match >= 0 && find(match) != find(j)) {
            several = true;
          }
          match = j;
        }
      }
      if (match >= 0 && !several && find(match) != find(i)) {
        union(match, i, "short-name: " + c.text + " ~ " + cands.get(match).text);
      }
    }
  }

  private static int compat(EntityType t) {
    return t.isPlace() ? 2 : t.ordinal() + 10;
  }

  private static final java.util.regex.Pattern LEGAL_SUFFIX = java.util.regex.Pattern.compile(
      "(?:,?\\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|gmbh|nv|bv|spa|ab|asa|lp|llp))+$");

  /**
   * The normalised name of an organisation without its legal-form suffix, so that "Quantela
   * Inc." and "Quantela" are one name ("Inc", "Corp", "Ltd", "LLC", "PLC", "AG", "GmbH", ...).
   */
  static String withoutLegalSuffix(String name) {
    String n = Names.normalise(name);
    String stripped = LEGAL_SUFFIX.matcher(n).replaceAll("");
    return stripped.isBlank() ? n : stripped;
  }

  static boolean isAcronym(String s) {
    String letters = s.replace(".", "");
    return letters.length() >= 2 && letters.length() <= 6 && letters.chars().allMatch(Character::isUpperCase);
  }

  static String initials(String name) {
    StringBuilder sb = new StringBuilder();
    for (String w : name.split("[\\s-]+")) {
      if (w.isEmpty() || ACRONYM_SKIP.contains(w.toLowerCase())) {
        continue;
      }
      if (Character.isUpperCase(w.codePointAt(0))) {
        sb.appendCodePoint(w.codePointAt(0));
      }
    }
    return sb.length() >= 2 ? sb.toString() : "";
  }

  private static EntityType majorityType(List<Cand> members) {
    Map<EntityType, Integer> v = new EnumMap<>(EntityType.class);
    for (Cand c : members) {
      v.merge(c.type, 1, Integer::sum);
    }
    return v.entrySet().stream()
        .max(Map.Entry.<EntityType, Integer>comparingByValue().thenComparing(e -> -e.getKey().ordinal()))
        .get().getKey();
  }

  private static String canonicalName(List<Cand> members) {
    for (Cand c : members) {
      String canon = PLACE_ALIASES.get(Names.normalise(c.text));
      if (canon != null) {
        return canon;
      }
    }
    return members.stream()
        .map(c -> c.text)
        .max(Comparator.<String>comparingInt(s -> isAcronym(s) ? 0 : 1)
            .thenComparingInt(s -> s.split(" ").length)
            .thenComparingInt(String::length)
            .thenComparing(Comparator.<String>reverseOrder()))
        .get();
  }

  private int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * Joins two mentions' clusters unless that would join mentions of different kinds (a person and
   * a country: "Jane Roe (Kenya), Ann Poe (Kenya)" must not become one entity); returns whether it
   * joined. Used for merges the text states (an alias, an acronym), which may join two full names
   * ("Jin Xinjiang, or Julien Jin"); merges by resemblance also check {@link #clustersAgree}.
   */
  private boolean joinIfSafe(List<Cand> cands, int a, int b, String note) {
    int ra = find(a);
    int rb = find(b);
    for (int k = 0; k < cands.size(); k++) {
      for (int l = 0; l < cands.size(); l++) {
        if (find(k) == ra && find(l) == rb && compat(cands.get(k).type) != compat(cands.get(l).type)) {
          return false;
        }
      }
    }
    union(a, b, note);
    return true;
  }

  private void union(int a, int b, String note) {
    int ra = find(a);
    int rb = find(b);
    int root = Math.min(ra, rb);
    List<String> notes = new ArrayList<>(notesByRoot.getOrDefault(ra, List.of()));
    if (ra != rb) {
      notes.addAll(notesByRoot.getOrDefault(rb, List.of()));
      parent[Math.max(ra, rb)] = root;
      notesByRoot.remove(Math.max(ra, rb));
    }
    if (note != null) {
      notes.add(note);
    }
    notesByRoot.put(root, notes);
  }

  private static final class EntityBuilder {
    final String key;
    final EntityType type;
    final String name;
    final Set<String> names = new LinkedHashSet<>();
    final List<Mention> mentions = new ArrayList<>();
    final List<String> merges = new ArrayList<>();
    /** Keys of builders merged into this one after their mentions were keyed. */
    final Set<String> replaced = new LinkedHashSet<>();

    EntityBuilder(String key, EntityType type, String name) {
      this.key = key;
      this.type = type;
      this.name = name;
    }

    Entity build() {
      Set<String> aliases = new TreeSet<>();
      Set<String> seen = new LinkedHashSet<>();
      seen.add(Names.normalise(name));
      for (String n : names) {
        if (seen.add(Names.normalise(n))) {
          aliases.add(n);
        }
      }
      mentions.sort(Comparator.comparingInt(m -> m.span().begin()));
      return new Entity(key, type, name, aliases, mentions, merges);
    }
  }
}
