package org.newsgraph.extract;

import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.coref.data.Dictionaries;
import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsgraph.model.AliasTable;
import org.newsgraph.model.Article;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Event;
import org.newsgraph.model.Names;
import org.newsgraph.model.Predicate;
import org.newsgraph.model.Relation;

/**
 * Turns an {@link Article} into an {@link ArticleGraph}: annotates the text with the shared
 * CoreNLP pipeline, detects and resolves entity mentions ({@link MentionDetector}, {@link
 * EntityResolver}), resolves pronouns through coreference, and finds relations ({@link
 * RelationExtractor}). Byline authors and photo-credit names become entities too; a credited
 * photographer is an employee or member of the credited agency.
 *
 * <p>Thread-safe: one instance may extract several articles at once, over one shared set of
 * models. Each call makes its own detectors and resolvers; the static state of the rule classes
 * (lexicons, compiled TokensRegex and Semgrex patterns) is read-only once loaded, and matching
 * keeps its state in per-call matchers.
 */
public final class Extractor {
  /**
   * The rule and lexicon files beside this class (TokensRegex, Semgrex, word lists, tables), in
   * the order their bytes enter {@link #VERSION}. Every file of that folder must be listed (a test
   * checks).
   */
  static final List<String> RULE_FILES = List.of("charges.semgrex", "demonyms.tsv", "entity-cues.rules",
      "event-frames.tsv", "event-light-verbs.txt", "event-name-heads.txt", "event-triggers.tsv", "event-types.tsv", "founder-titles.txt", "gpe-leader-titles.txt",
      "group-heads.tsv", "group-modifiers.tsv", "kbp-predicates.tsv", "leader-titles.txt", "member-heads.txt",
      "organisation-descriptions.txt", "organisation-name-words.txt", "place-aliases.tsv", "placeholder-heads.tsv",
      "relations.rules", "relations.semgrex", "reporting-verbs.tsv", "state-institution-words.txt");

  /** The hand-set part of {@link #VERSION}: raise it when the extraction code changes its output. */
  static final String CODE_VERSION = "newsgraph-extract/3";

  /**
   * Identifies this extraction code and its rules ({@code ng:extractorVersion}): {@link
   * #CODE_VERSION} plus {@code +rules.} and the first 12 hex digits of the SHA-256 of the rule files
   * ({@link #RULE_FILES}, each as its name, a NUL, its bytes, a NUL), e.g. {@code
   * newsgraph-extract/3+rules.0f3a9c21b7d4}. So an edited rule file alone already makes {@code
   * build} extract the articles again rather than skip them as unchanged.
   */
  public static final String VERSION = CODE_VERSION + "+rules." + rulesDigest();

  private static String rulesDigest() {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      for (String f : RULE_FILES) {
        try (java.io.InputStream in = Extractor.class.getResourceAsStream(f)) {
          if (in == null) {
            throw new IllegalStateException("missing rule file " + f + " beside " + Extractor.class.getName());
          }
          sha.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          sha.update((byte) 0);
          sha.update(in.readAllBytes());
          sha.update((byte) 0);
        }
      }
      return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java platform has SHA-256
    }
  }

  private static final Set<String> ORG_DESCRIPTIONS = Lexicons.words("organisation-descriptions.txt");

  private final NlpPipeline pipeline;
  private final Profile profile;
  private final AliasTable aliases;
  private final AnnotationCache cache;

  /** An extractor over the JVM-wide shared accurate pipeline (loaded on first use). */
  public Extractor() {
    this(null, Profile.ACCURATE, AliasTable.EMPTY);
  }

  /**
   * An extractor that also merges the names a user declares to be one entity.
   *
   * @param aliases the user's alias table ({@code --aliases FILE}); its canonical names win
   */
  public Extractor(AliasTable aliases) {
    this(null, Profile.ACCURATE, aliases);
  }

  /**
   * An extractor over the JVM-wide pipeline of {@code profile}.
   *
   * @param aliases the user's alias table ({@code --aliases FILE}); its canonical names win
   */
  public Extractor(AliasTable aliases, Profile profile) {
    this(null, profile, aliases);
  }

  Extractor(NlpPipeline pipeline, AliasTable aliases) {
    this(pipeline, pipeline == null ? Profile.ACCURATE : pipeline.profile(), aliases);
  }

  private Extractor(NlpPipeline pipeline, Profile profile, AliasTable aliases) {
    this(pipeline, profile, aliases, null);
  }

  private Extractor(NlpPipeline pipeline, Profile profile, AliasTable aliases, AnnotationCache cache) {
    this.pipeline = pipeline;
    this.profile = profile;
    this.aliases = aliases == null ? AliasTable.EMPTY : aliases;
    this.cache = cache;
  }

  /**
   * This extractor, taking CoreNLP's annotations from {@code cache} when it holds them for the
   * same text, date and profile (and storing them there when it does not). The output is the same
   * as without the cache; only CoreNLP's time is saved.
   */
  public Extractor withAnnotationCache(AnnotationCache cache) {
    return new Extractor(pipeline, profile, aliases, cache);
  }

  /**
   * The extractor version recorded for a profile ({@code ng:extractorVersion}): {@link #VERSION},
   * with {@code +fast} for the fast profile, so that a build with another profile extracts again.
   */
  public static String version(Profile profile) {
    return VERSION + profile.versionSuffix();
  }

  /** The profile this extractor runs. */
  public Profile profile() {
    return profile;
  }

  /**
   * What extraction cost, summed over the articles (and threads) that reported to it. Thread-safe.
   */
  public static final class Work {
    private final java.util.concurrent.atomic.LongAdder annotateNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder rulesNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder tokens = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder articles = new java.util.concurrent.atomic.LongAdder();

    /** Nanoseconds in CoreNLP, summed over articles. */
    public long annotateNanos() {
      return annotateNanos.sum();
    }

    /** Nanoseconds in newsgraph's own rules after CoreNLP, summed over articles. */
    public long rulesNanos() {
      return rulesNanos.sum();
    }

    /** Tokens CoreNLP made of the articles. */
    public long tokens() {
      return tokens.sum();
    }

    /** Articles extracted to the end. */
    public long articles() {
      return articles.sum();
    }
  }

  /**
   * Extracts the entities and relations of one article.
   *
   * @param article the article; its {@code date} anchors relative time expressions
   * @return the article's graph; never null, possibly with no entities
   */
  public ArticleGraph extract(Article article) {
    return extract(article, null);
  }

  /**
   * {@link #extract(Article)}, adding what it cost to {@code work}.
   *
   * @param work where to add the time and tokens; may be null
   */
  public ArticleGraph extract(Article article, Work work) {
    java.util.function.Supplier<NlpPipeline> p = () -> pipeline != null ? pipeline : NlpPipeline.shared(profile);
    long t0 = System.nanoTime();
    Doc doc = new Doc(article.text(), cache != null
        ? cache.annotate(profile, p, article.text(), article.date())
        : p.get().annotate(article.text(), article.date()));
    long t1 = System.nanoTime();
    ArticleGraph graph = rules(article, doc);
    if (work != null) {
      work.annotateNanos.add(t1 - t0);
      work.rulesNanos.add(System.nanoTime() - t1);
      work.tokens.add(doc.core.tokens().size());
      work.articles.increment();
    }
    return graph;
  }

  /** newsgraph's rules over an annotated article. */
  private ArticleGraph rules(Article article, Doc doc) {
    Map<String, EntityType> metadataNames = new LinkedHashMap<>();
    for (String a : article.authors()) {
      metadataNames.put(a, EntityType.PERSON);
    }
    for (Article.Credit c : article.credits()) {
      if (c.photographer() != null) {
        metadataNames.put(c.photographer(), EntityType.PERSON);
      }
      if (c.agency() != null) {
        metadataNames.put(c.agency(), EntityType.ORGANIZATION);
      }
    }
    List<Cand> cands = new MentionDetector().detect(doc, metadataNames);
    EntityResolver.Result resolved = applyUserAliases(new EntityResolver().resolve(doc, cands, metadataNames));
    Map<String, Entity> byKey = new LinkedHashMap<>();
    for (Entity e : resolved.entities()) {
      byKey.put(e.key(), e);
    }
    Map<Long, String> tokenEntity = tokenEntities(doc, cands, resolved, byKey);
    GroupActorDetector.Result groups = new GroupActorDetector(doc, byKey, tokenEntity, article.id()).detect();
    for (Entity g : groups.groups()) {
      byKey.put(g.key(), g);
    }
    groups.tokens().forEach((tk, key) -> {
      if (tokenEntity.putIfAbsent(tk, key) == null) {
        doc.token((int) (tk >> 20), (int) (tk & 0xFFFFF)).setNER(byKey.get(key).type().name());
      }
    });
    resolvePronouns(doc, tokenEntity, byKey);
    List<Relation> relations = new ArrayList<>(new RelationExtractor(doc, byKey, tokenEntity).extract());
    relations.addAll(groups.relations());
    relations.addAll(creditRelations(article, byKey));
    relations.addAll(inferActsForParent(relations));
    Map<String, Relation> unique = new LinkedHashMap<>();
    relations.forEach(r -> unique.putIfAbsent(r.factKey(), r));
    relations = Attribution.attribute(doc, new ArrayList<>(unique.values()), tokenEntity);
    List<Event> events = new EventExtractor(doc, byKey, tokenEntity, article.date()).extract();
    relations = new ArrayList<>(relations);
    relations.addAll(membershipsOfPositions(events, byKey, relations));
    relations = dropUnusedDescriptions(groups.descriptions(), byKey, relations, events);
    relations = withinDomainAndRange(relations, byKey);
    return new ArticleGraph(article, doc.modelSentences, new ArrayList<>(byKey.values()), relations, events, version(profile));
  }

  /**
   * Who starts or leaves a position with an organisation ("Acme hired Jane Roe", "Roe resigned
   * from the cabinet") is, or was, its employee or member: Personnel events with a Person and an
   * organisation as Entity give employee_or_member_of, with the event's sentence as evidence.
   */
  static List<Relation> membershipsOfPositions(List<Event> events, Map<String, Entity> byKey, List<Relation> known) {
    Set<String> have = new HashSet<>();
    known.forEach(r -> have.add(r.factKey()));
    List<Relation> out = new ArrayList<>();
    for (Event e : events) {
      if (e.negated() || e.hypothetical() || !(e.type().equals("Personnel.Start-Position") || e.type().equals("Personnel.End-Position"))) {
        continue;
      }
      for (org.newsgraph.model.Argument p : e.arguments()) {
        Entity person = byKey.get(p.entity());
        if (!p.role().equals("Person") || person == null || person.type() != EntityType.PERSON) {
          continue;
        }
        for (org.newsgraph.model.Argument o : e.arguments()) {
          Entity org = byKey.get(o.entity());
          if (o.role().equals("Entity") && org != null && org.type() == EntityType.ORGANIZATION) {
            Relation r = new Relation(p.entity(), Predicate.EMPLOYEE_OR_MEMBER_OF, o.entity(), null, e.evidence(),
                "inference:position-" + e.type().substring("Personnel.".length()).toLowerCase(java.util.Locale.ROOT), Double.NaN);
            if (have.add(r.factKey())) {
              out.add(r);
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Only relations whose ends fit the predicate's domain and range (FORMAT.md's table, which the
   * SHACL shapes check): a rule that pairs the wrong kinds loses that relation, not the article.
   */
  static List<Relation> withinDomainAndRange(List<Relation> relations, Map<String, Entity> byKey) {
    List<Relation> out = new ArrayList<>();
    for (Relation r : relations) {
      Entity s = byKey.get(r.subject());
      Entity o = r.object() == null ? null : byKey.get(r.object());
      if (s != null && (r.object() == null || o != null) && r.predicate().allows(s.type(), o == null ? null : o.type())) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Group actors found only as descriptions ("four officers", "the crew") stay when they take
   * part in an event or in a relation the text states; the others, and the relations their own
   * modifiers gave them ("Kenyan" -> part_of Kenya), are dropped, so that every generic mention
   * of people does not become a node.
   */
  private static List<Relation> dropUnusedDescriptions(Set<String> descriptions, Map<String, Entity> byKey,
      List<Relation> relations, List<Event> events) {
    if (descriptions.isEmpty()) {
      return relations;
    }
    Set<String> used = new HashSet<>();
    for (Event e : events) {
      e.arguments().forEach(a -> used.add(a.entity()));
    }
    for (Relation r : relations) {
      if (!r.extractor().startsWith("group:") || r.extractor().equals("group:country") || r.extractor().equals("group:member-of")) {
        used.add(r.subject());
        if (r.object() != null) {
          used.add(r.object());
        }
      }
    }
    Set<String> dropped = new HashSet<>(descriptions);
    dropped.removeAll(used);
    byKey.keySet().removeAll(dropped);
    return relations.stream().filter(r -> !dropped.contains(r.subject()) && !dropped.contains(r.object())).toList();
  }

  /**
   * Maps each token inside a mention, and each pronoun whose coreference chain holds mentions of
   * exactly one entity, to that entity's key; and rewrites those tokens' NER tags to the entity's
   * type so that the relation patterns see resolved types.
   */
  private static Map<Long, String> tokenEntities(Doc doc, List<Cand> cands, EntityResolver.Result resolved, Map<String, Entity> byKey) {
    Map<Long, String> map = new HashMap<>();
    for (Cand c : cands) {
      String key = resolved.keyOf().get(c);
      EntityType type = byKey.get(key).type();
      for (int i = c.start; i < c.end; i++) {
        map.put(RelationExtractor.tokenKey(c.sent, i), key);
        doc.token(c.sent, i).setNER(type.name());
      }
    }
    resolveChains(doc, map, cands, resolved, byKey);
    resolveStandaloneDescriptions(doc, map, cands, resolved, byKey);
    resolveTitleDescriptions(doc, map, byKey);
    return map;
  }

  /**
   * A description that CoreNLP's KBP extractor reads as a person's title ("a China-based
   * executive of Zoom", per:title of "his", whose chain is Jin Xinjiang's) stands for that person:
   * its head word is mapped to the person, so it is neither a group actor nor lost as a participant.
   */
  private static void resolveTitleDescriptions(Doc doc, Map<Long, String> map, Map<String, Entity> byKey) {
    for (int s = 0; s < doc.sentences.size(); s++) {
      List<edu.stanford.nlp.ie.util.RelationTriple> triples = doc.sentences.get(s).relations();
      if (triples == null) {
        continue;
      }
      for (edu.stanford.nlp.ie.util.RelationTriple t : triples) {
        if (!t.relationGloss().equals("per:title") || t.object.isEmpty()) {
          continue;
        }
        String person = null;
        for (CoreLabel x : t.subject) {
          String k = map.get(RelationExtractor.tokenKey(x.sentIndex(), x.index() - 1));
          if (k != null && byKey.get(k) != null && byKey.get(k).type() == EntityType.PERSON) {
            person = k;
          }
        }
        CoreLabel head = t.object.get(t.object.size() - 1);
        long hk = RelationExtractor.tokenKey(head.sentIndex(), head.index() - 1);
        if (person != null && head.tag() != null && head.tag().equals("NN") && !map.containsKey(hk)) {
          map.put(hk, person);
        }
      }
    }
  }

  /** Maps pronouns of chains that now hold exactly one entity (groups found after the first pass). */
  private static void resolvePronouns(Doc doc, Map<Long, String> map, Map<String, Entity> byKey) {
    resolveChains(doc, map, null, null, byKey);
  }

  /**
   * For each coreference chain whose mentions' heads map to exactly one entity, maps its pronouns
   * to that entity; a chain of company descriptions with no entity is linked to the organisation
   * named just before it (when {@code cands} is given).
   */
  private static void resolveChains(Doc doc, Map<Long, String> map, List<Cand> cands,
      EntityResolver.Result resolved, Map<String, Entity> byKey) {
    Map<Integer, CorefChain> chains = doc.core.corefChains();
    if (chains == null) {
      return;
    }
    for (CorefChain chain : chains.values()) {
      Set<String> keys = new HashSet<>();
      for (CorefChain.CorefMention m : chain.getMentionsInTextualOrder()) {
        String k = map.get(RelationExtractor.tokenKey(m.sentNum - 1, m.headIndex - 1));
        if (k != null) {
          keys.add(k);
        }
      }
      String key;
      if (keys.size() == 1) {
        key = keys.iterator().next();
      } else if (keys.isEmpty() && cands != null) {
        key = organisationDescribed(doc, chain, cands, resolved, byKey);
        if (key == null) {
          continue;
        }
      } else {
        continue;
      }
      for (CorefChain.CorefMention m : chain.getMentionsInTextualOrder()) {
        if (m.mentionType == Dictionaries.MentionType.PRONOMINAL || keys.isEmpty()
            || (cands != null && m.mentionType == Dictionaries.MentionType.NOMINAL && describes(doc, m, byKey.get(key)))) {
          long tk = RelationExtractor.tokenKey(m.sentNum - 1, m.headIndex - 1);
          if (map.putIfAbsent(tk, key) == null) {
            CoreLabel t = doc.token(m.sentNum - 1, m.headIndex - 1);
            t.setNER(byKey.get(key).type().name());
          }
        }
      }
    }
  }

  /**
   * Whether a description in a coreference chain ("a China-based executive of Zoom", "the
   * minister") can stand for the named entity of the chain: a singular noun that denotes a person
   * (WordNet) for a person, a noun that denotes a group or institution for an organisation. A
   * plural description ("the officers") is a group of its own even where coreference links it.
   */
  private static boolean describes(Doc doc, CorefChain.CorefMention m, Entity e) {
    CoreLabel head = doc.token(m.sentNum - 1, m.headIndex - 1);
    String tag = head.tag() == null ? "" : head.tag();
    if (!tag.equals("NN") || e == null) {
      return false;
    }
    HumanNouns.Denotation d = HumanNouns.shared().of(head.lemma() == null ? head.word() : head.lemma());
    return e.type() == EntityType.PERSON ? d == HumanNouns.Denotation.PERSON
        : e.type() == EntityType.ORGANIZATION && (d == HumanNouns.Denotation.GROUP
            || ORG_DESCRIPTIONS.contains(head.word().toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * For a coreference chain of descriptions only ("the American company ... the company"), headed
   * by a word for a company ({@code organisation-descriptions.txt}) with a definite article: the
   * organisation named most recently before the chain starts, or null. The merge is recorded on
   * that entity.
   */
  private static String organisationDescribed(Doc doc, CorefChain chain, List<Cand> cands,
      EntityResolver.Result resolved, Map<String, Entity> byKey) {
    CorefChain.CorefMention first = chain.getMentionsInTextualOrder().get(0);
    if (first.mentionType != Dictionaries.MentionType.NOMINAL) {
      return null;
    }
    CoreLabel headToken = doc.token(first.sentNum - 1, first.headIndex - 1);
    CoreLabel firstToken = doc.token(first.sentNum - 1, first.startIndex - 1);
    if (!ORG_DESCRIPTIONS.contains(headToken.word().toLowerCase(java.util.Locale.ROOT))
        || !firstToken.word().equalsIgnoreCase("the")) {
      return null;
    }
    Cand best = null;
    for (Cand c : cands) {
      if (c.endChar <= firstToken.beginPosition() && byKey.get(resolved.keyOf().get(c)).type() == EntityType.ORGANIZATION
          && (best == null || c.endChar > best.endChar)) {
        best = c;
      }
    }
    if (best == null) {
      return null;
    }
    String key = resolved.keyOf().get(best);
    Entity e = byKey.get(key);
    byKey.put(key, e.withMerge("description: " + first.mentionSpan + " ~ " + e.name()));
    return key;
  }

  /**
   * Merges and renames entities after the user's alias table: entities of agreeing type whose
   * name or an alias has the same declared canonical name become one entity with that name (and
   * so the same IRI in every article); the merge is recorded as {@code alias-file: ...}.
   */
  private EntityResolver.Result applyUserAliases(EntityResolver.Result r) {
    if (aliases.size() == 0) {
      return r;
    }
    Map<String, List<Entity>> byCanonical = new LinkedHashMap<>();
    List<Entity> untouched = new ArrayList<>();
    for (Entity e : r.entities()) {
      String canonical = aliases.canonical(e.name()).orElse(null);
      for (java.util.Iterator<String> it = e.aliases().iterator(); canonical == null && it.hasNext(); ) {
        canonical = aliases.canonical(it.next()).orElse(null);
      }
      if (canonical == null) {
        untouched.add(e);
      } else {
        byCanonical.computeIfAbsent((e.type().isPlace() ? "place" : e.type().name()) + "|" + canonical, k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, String> rekey = new HashMap<>();
    List<Entity> out = new ArrayList<>(untouched);
    for (Map.Entry<String, List<Entity>> g : byCanonical.entrySet()) {
      String canonical = g.getKey().substring(g.getKey().indexOf('|') + 1);
      Entity first = g.getValue().get(0);
      String key = Names.key(first.type(), canonical);
      Set<String> names = new java.util.TreeSet<>();
      List<org.newsgraph.model.Mention> mentions = new ArrayList<>();
      List<String> merges = new ArrayList<>();
      for (Entity e : g.getValue()) {
        names.add(e.name());
        names.addAll(e.aliases());
        mentions.addAll(e.mentions());
        merges.addAll(e.merges());
        rekey.put(e.key(), key);
      }
      merges.add("alias-file: " + String.join(" = ", names) + " -> " + canonical);
      names.removeIf(n -> Names.normalise(n).equals(Names.normalise(canonical)));
      mentions.sort(java.util.Comparator.comparingInt(m -> m.span().begin()));
      out.add(new Entity(key, first.type(), canonical, names, mentions, merges, first.group()));
    }
    Map<Cand, String> keyOf = new HashMap<>();
    r.keyOf().forEach((c, k) -> keyOf.put(c, rekey.getOrDefault(k, k)));
    return new EntityResolver.Result(out, keyOf);
  }

  /**
   * Who acts for a unit acts for what the unit is part of: acts_for X and X part_of Y give
   * acts_for Y ("at the direction of Chinese security officials", part of the Chinese
   * government), with the evidence of the acts_for relation.
   */
  static List<Relation> inferActsForParent(List<Relation> relations) {
    List<Relation> out = new ArrayList<>();
    for (Relation a : relations) {
      if (a.predicate() != Predicate.ACTS_FOR) {
        continue;
      }
      for (Relation p : relations) {
        if (p.predicate() == Predicate.PART_OF && p.subject().equals(a.object()) && !p.object().equals(a.subject())) {
          out.add(new Relation(a.subject(), Predicate.ACTS_FOR, p.object(), null, a.evidence(), "inference:acts-for-part-of", Double.NaN));
        }
      }
    }
    return out;
  }

  /**
   * Maps "the company", "the firm" (a description with "the", not in any coreference chain that
   * was resolved) to the organisation named most recently before it.
   */
  private static void resolveStandaloneDescriptions(Doc doc, Map<Long, String> map, List<Cand> cands,
      EntityResolver.Result resolved, Map<String, Entity> byKey) {
    for (int s = 0; s < doc.sentences.size(); s++) {
      List<CoreLabel> toks = doc.tokens(s);
      for (int i = 1; i < toks.size(); i++) {
        CoreLabel t = toks.get(i);
        long tk = RelationExtractor.tokenKey(s, i);
        if (map.containsKey(tk) || !ORG_DESCRIPTIONS.contains(t.word().toLowerCase(java.util.Locale.ROOT))
            || !toks.get(i - 1).word().equalsIgnoreCase("the")) {
          continue;
        }
        Cand best = null;
        for (Cand c : cands) {
          if (c.endChar <= t.beginPosition() && byKey.get(resolved.keyOf().get(c)).type() == EntityType.ORGANIZATION
              && (best == null || c.endChar > best.endChar)) {
            best = c;
          }
        }
        if (best != null) {
          map.put(tk, resolved.keyOf().get(best));
          t.setNER(EntityType.ORGANIZATION.name());
        }
      }
    }
  }

  private static List<Relation> creditRelations(Article article, Map<String, Entity> byKey) {
    List<Relation> out = new ArrayList<>();
    for (Article.Credit c : article.credits()) {
      if (c.photographer() == null || c.agency() == null) {
        continue;
      }
      String person = keyOfName(byKey, c.photographer(), EntityType.PERSON);
      String agency = keyOfName(byKey, c.agency(), EntityType.ORGANIZATION);
      if (person != null && agency != null) {
        out.add(new Relation(person, Predicate.EMPLOYEE_OR_MEMBER_OF, agency, null, null, "metadata:photo-credit", Double.NaN));
      }
    }
    return out;
  }

  /** Key of the entity of the given type that has this name or alias, or null. */
  static String keyOfName(Map<String, Entity> byKey, String name, EntityType type) {
    String norm = Names.normalise(name);
    for (Entity e : byKey.values()) {
      if (e.type() == type && (Names.normalise(e.name()).equals(norm)
          || e.aliases().stream().anyMatch(a -> Names.normalise(a).equals(norm)))) {
        return e.key();
      }
    }
    return null;
  }
}
