package org.newsgraph.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newsgraph.model.Argument;
import org.newsgraph.model.Entity;
import org.newsgraph.model.Event;
import org.newsgraph.model.Sentence;
import org.newsgraph.model.Span;

/**
 * Finds events: trigger words ({@code event-triggers.tsv}: verbs, phrasal verbs and
 * nominalisations, typed with the 40 types of FORMAT.md) and their arguments from the dependency
 * parse, with the roles of {@code event-types.tsv}.
 *
 * <ul>
 *   <li>Verbs: the subject takes the type's subject role (Prosecutor for "charge", Agent for
 *       "censor"), the object the object role; a passive subject takes the object role and a "by"
 *       phrase the subject role, so active and passive voice give the same arguments. Controlled
 *       subjects ("worked ... to censor") and conjoined subjects come from the enhanced++
 *       dependencies. "Under the direction of X" and "was directed by X to" add X as a second
 *       subject-role argument.
 *   <li>Nouns: "of" phrase the object role, "by" phrase the subject role, a possessive the object
 *       role for justice, life and personnel events and the subject role otherwise, the subject of
 *       a light verb ({@code event-light-verbs.txt}: "hosted an event") the subject role.
 *   <li>A place in an "in"/"at" phrase or a place name modifying a noun trigger is the Place.
 *   <li>Pronoun and description arguments resolve through coreference (the token-to-entity map).
 * </ul>
 *
 * The time is the SUTime-normalised date nearest to the trigger in the dependency tree (at most
 * {@value #MAX_TIME_DISTANCE} edges away), else the time of the latest dated event in the same
 * paragraph, else the publication year. Negation ("not", "never"), hypotheticals ("would",
 * "could", "if") and attribution to a source through a reporting verb ({@code
 * reporting-verbs.tsv}) are recorded. Mentions of one type that share an argument, or that have
 * no argument and the same trigger word, are one event.
 */
final class EventExtractor {
  static final int MAX_TIME_DISTANCE = 6;
  private static final Pattern ISO_TIME = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
  private static final Set<String> NEGATORS = Set.of("not", "n't", "never", "no");
  private static final Set<String> MODALS = Set.of("would", "could", "might", "may", "should");
  private static final Set<String> DIRECTION_NOUNS = Set.of("direction", "directive", "behest", "order", "orders", "instruction", "instructions", "command");
  private static final Set<String> DIRECTING_VERBS = Set.of("direct", "order", "instruct", "tell", "ask", "pressure");
  private static final Map<String, String> LIGHT_VERBS = lightVerbs();
  private static final RoleFrames FRAMES = RoleFrames.shared();

  private static Map<String, String> lightVerbs() {
    Map<String, String> m = new HashMap<>();
    for (String l : Lexicons.lines("event-light-verbs.txt")) {
      String[] c = l.split("\t");
      m.put(c[0].toLowerCase(Locale.ROOT), c.length > 1 ? c[1] : "subj");
    }
    return m;
  }
  private static final Map<String, String> REPORTING = Lexicons.pairs("reporting-verbs.tsv");
  private static final Map<String, String[]> TYPES = types();
  private static final List<Trigger> TRIGGERS = triggers();

  /**
   * One line of event-triggers.tsv: the condition (empty for none) and the role of the verb's
   * subject when the line gives one ({@code subj=Defendant}), else null for the type's own.
   */
  private record Trigger(String lemma, String particle, String pos, String type, String condition, Map<String, String> overrides) {}

  private static Map<String, String[]> types() {
    Map<String, String[]> m = new LinkedHashMap<>();
    for (String l : Lexicons.lines("event-types.tsv")) {
      String[] c = l.split("\t");
      m.put(c[0], c);
    }
    return m;
  }

  /** The 40 event types with their CAMEO codes, in FORMAT.md order. */
  static Map<String, String> cameoCodes() {
    Map<String, String> m = new LinkedHashMap<>();
    TYPES.forEach((k, v) -> m.put(k, v[1]));
    return m;
  }

  /**
   * Whether a noun with this lemma can trigger an event ("meeting", "attack", "election"): such a
   * noun names an event, not a group of people, even where WordNet files a sense of it under
   * social groups.
   */
  static boolean isNounTrigger(String lemma) {
    String l = lemma.toLowerCase(Locale.ROOT);
    return TRIGGERS.stream().anyMatch(t -> t.lemma.equals(l) && t.particle == null && (t.pos.equals("N") || t.pos.equals("A")));
  }

  private static List<Trigger> triggers() {
    List<Trigger> out = new ArrayList<>();
    for (String l : Lexicons.lines("event-triggers.tsv")) {
      String[] c = l.split("\t");
      String[] words = c[0].split(" ");
      if (!TYPES.containsKey(c[2])) {
        throw new IllegalStateException("event-triggers.tsv: unknown type " + c[2]);
      }
      List<String> conditions = new ArrayList<>();
      Map<String, String> overrides = new HashMap<>();
      for (String item : c.length > 3 ? c[3].split(";") : new String[0]) {
        String[] kv = item.split("=", 2);
        if (kv.length == 2 && RoleFrames.isSlot(kv[0]) && RoleFrames.isRole(kv[1])) {
          overrides.put(kv[0], kv[1]);
        } else if (!item.isBlank()) {
          conditions.add(item.strip());
        }
      }
      String condition = String.join(";", conditions);
      out.add(new Trigger(words[0], words.length > 1 ? words[1] : null, c[1], c[2], condition, Map.copyOf(overrides)));
    }
    return out;
  }

  private final Doc doc;
  private final Map<String, Entity> entities;
  private final Map<Long, String> tokenEntity;
  private final String fallbackTime;
  private final java.time.LocalDate published;

  EventExtractor(Doc doc, Map<String, Entity> entities, Map<Long, String> tokenEntity, java.time.LocalDate published) {
    this.doc = doc;
    this.entities = entities;
    this.tokenEntity = tokenEntity;
    this.published = published;
    this.fallbackTime = published == null ? null : Integer.toString(published.getYear());
  }

  /** One trigger occurrence before events are merged. */
  private static final class Occurrence {
    String type;
    String lemma;
    Span span;
    int sentence;
    int paragraph;
    final Set<Argument> args = new LinkedHashSet<>();
    String time;
    /** Dependency distance of the explicit time, or MAX_VALUE when inherited or absent. */
    int timeDistance = Integer.MAX_VALUE;
    boolean negated;
    boolean hypothetical;
    String assertedBy;
    String stage;
    /** The one place the sentence names with "in"/"at", the event's Place when nothing better is known. */
    String sentencePlace;
  }

  List<Event> extract() {
    List<Occurrence> found = new ArrayList<>();
    for (int s = 0; s < doc.sentences.size(); s++) {
      SemanticGraph enhanced = doc.sentences.get(s).dependencyParse();
      SemanticGraph basic = doc.sentences.get(s).coreMap().get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
      if (enhanced == null || basic == null) {
        continue;
      }
      int sent = s;
      for (IndexedWord w : enhanced.vertexListSorted()) {
        RuleGuard.run("events:trigger " + w.word(), s, () -> {
          Trigger t = match(enhanced, w);
          if (t != null) {
            Occurrence o = occurrence(sent, enhanced, basic, w, t);
            if (o != null) {
              found.add(o);
            }
          }
        });
      }
    }
    assignInheritedTimes(found);
    return merge(found);
  }

  private Trigger match(SemanticGraph g, IndexedWord w) {
    String tag = w.tag() == null ? "" : w.tag();
    boolean verb = tag.startsWith("VB");
    boolean noun = tag.startsWith("NN");
    if (!verb && !noun) {
      return null;
    }
    if (tokenEntity.containsKey(RelationExtractor.tokenKey(w.sentIndex(), w.index() - 1))) {
      return null;
    }
    String ner = Doc.originalNer(doc.token(w.sentIndex(), w.index() - 1));
    if ("DATE".equals(ner) || "TIME".equals(ner) || "DURATION".equals(ner) || "NUMBER".equals(ner)) {
      return null; // "March" the month
    }
    String lemma = w.lemma().toLowerCase(Locale.ROOT);
    for (Trigger t : TRIGGERS) {
      if (!t.lemma.equals(lemma) || !(t.pos.equals("A") || t.pos.equals(verb ? "V" : "N"))) {
        continue;
      }
      if (t.particle != null && !hasChild(g, w, "compound:prt", t.particle)) {
        continue;
      }
      if (conditionHolds(g, w, t.condition)) {
        return t;
      }
    }
    return null;
  }

  private boolean conditionHolds(SemanticGraph g, IndexedWord w, String cond) {
    if (cond.isEmpty()) {
      return !(w.lemma().equalsIgnoreCase("charge") && hasCase(g, w, "in"));
    }
    if (cond.contains(";")) {
      for (String c : cond.split(";")) {
        if (!conditionHolds(g, w, c)) {
          return false;
        }
      }
      return true;
    }
    String[] kv = cond.split("=", 2);
    Set<String> values = kv.length > 1 ? new HashSet<>(Arrays.asList(kv[1].split("\\|"))) : Set.of();
    switch (kv[0]) {
      case "with":
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
          String rel = e.getRelation().toString();
          if (rel.equals("obl:with") || rel.equals("nmod:with") || rel.equals("advmod") && e.getDependent().lemma().equals("together")) {
            return true;
          }
        }
        return false;
      case "word":
        return values.contains(w.word().toLowerCase(Locale.ROOT));
      case "head": {
        IndexedWord parent = g.getParent(w);
        SemanticGraphEdge up = parent == null ? null : g.getEdge(parent, w);
        return up == null || !up.getRelation().toString().equals("compound");
      }
      case "child":
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
          if (values.contains(e.getDependent().word().toLowerCase(Locale.ROOT))) {
            return true;
          }
        }
        return false;
      case "obj":
      case "not-obj": {
        Set<String> objs = new HashSet<>();
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
          String rel = e.getRelation().toString();
          if (rel.equals("obj") || rel.equals("nsubj:pass") || rel.equals("nmod:of") || rel.equals("iobj")) {
            objs.add(e.getDependent().lemma().toLowerCase(Locale.ROOT));
            objs.add(e.getDependent().word().toLowerCase(Locale.ROOT));
          }
        }
        boolean any = objs.stream().anyMatch(values::contains);
        return kv[0].equals("obj") ? any : !any;
      }
      case "not-child":
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
          if (values.contains(e.getDependent().word().toLowerCase(Locale.ROOT))) {
            return false;
          }
        }
        return true;
      case "not-prep":
        return !conditionHolds(g, w, "prep=" + kv[1]);
      case "prep": {
        // a noun's phrases, and those of the light verb that takes it ("made a plea to the government")
        List<IndexedWord> holders = new ArrayList<>(List.of(w));
        IndexedWord gov = g.getParent(w);
        if (gov != null && w.tag() != null && w.tag().startsWith("NN") && g.getEdge(gov, w).getRelation().toString().equals("obj")) {
          holders.add(gov);
        }
        for (IndexedWord h : holders) {
          for (SemanticGraphEdge e : g.outgoingEdgeIterable(h)) {
            String rel = e.getRelation().toString();
            int colon = rel.indexOf(':');
            if ((rel.startsWith("obl:") || rel.startsWith("nmod:")) && values.contains(rel.substring(colon + 1))) {
              return true;
            }
          }
        }
        return false;
      }
      case "has-obj":
        return hasRelation(g, w, "obj") || g.outgoingEdgeList(w).stream().anyMatch(e -> e.getRelation().toString().startsWith("nsubj:pass"));
      case "no-obj":
        return !hasRelation(g, w, "obj");
      case "no-xcomp":
        return !hasRelation(g, w, "xcomp");
      case "has-xcomp":
        return hasRelation(g, w, "xcomp");
      case "obj-type": {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
          String rel = e.getRelation().toString();
          if (rel.equals("obj") || rel.startsWith("nsubj:pass")) {
            String key = entityAt(w.sentIndex(), e.getDependent());
            if (key != null && values.contains(entities.get(key).type().name())) {
              return true;
            }
          }
        }
        return false;
      }
      case "title": {
        // the complement or object names an office ("became president", "was named chief executive")
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
          String rel = e.getRelation().toString();
          if (rel.equals("xcomp") || rel.equals("obj") || rel.equals("obl:as")) {
            IndexedWord d = e.getDependent();
            if ("TITLE".equals(Doc.originalNer(doc.token(w.sentIndex(), d.index() - 1)))) {
              return true;
            }
          }
        }
        return false;
      }
      default:
        throw new IllegalStateException("event-triggers.tsv: unknown condition " + cond);
    }
  }

  private Occurrence occurrence(int s, SemanticGraph g, SemanticGraph basic, IndexedWord w, Trigger t) {
    String subjRole = FRAMES.role(t.type, t.overrides, "subj");
    String objRole = FRAMES.role(t.type, t.overrides, "obj");
    Occurrence o = new Occurrence();
    o.type = t.type;
    o.lemma = t.particle == null ? t.lemma : t.lemma + " " + t.particle;
    o.sentence = s;
    o.paragraph = paragraphOf(s);
    CoreLabel tok = doc.token(s, w.index() - 1);
    int end = tok.endPosition();
    if (t.particle != null) {
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
        if (e.getRelation().toString().equals("compound:prt")) {
          end = Math.max(end, doc.token(s, e.getDependent().index() - 1).endPosition());
        }
      }
    }
    o.span = new Span(tok.beginPosition(), end, doc.text.substring(tok.beginPosition(), end));
    boolean verb = w.tag().startsWith("VB");
    for (Slot slot : slots(g, w, verb, t.type)) {
      String role = FRAMES.role(t.type, t.overrides, slot.name());
      if (role != null) {
        addArgument(o, s, g, slot.word(), role, slot.name());
      }
    }
    if (verb) {
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
        IndexedWord d = e.getDependent();
        if (e.getRelation().toString().equals("xcomp") && t.type.startsWith("Justice.") && d.tag() != null && d.tag().startsWith("JJ")) {
          // "pleaded guilty before Judge Roe": the phrase hangs on the adjective; "found Roe
          // guilty": Roe is the adjective's subject, and the one found guilty
          for (SemanticGraphEdge ae : g.outgoingEdgeIterable(d)) {
            String ar = ae.getRelation().toString();
            if (ar.equals("obl:before")) {
              addArgument(o, s, g, ae.getDependent(), "Adjudicator", "prep:before");
            } else if (ar.equals("nsubj") && objRole != null) {
              addArgument(o, s, g, ae.getDependent(), objRole, "obj");
            }
          }
        }
      }
      boolean hasObject = objRole != null && o.args.stream().anyMatch(a -> a.role().equals(objRole));
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
        if (!hasObject && objRole != null && !objRole.equals(subjRole) && e.getRelation().toString().equals("ccomp")) {
          for (SemanticGraphEdge ce : g.outgoingEdgeIterable(e.getDependent())) {
            if (ce.getRelation().toString().equals("nsubj")) {
              addArgument(o, s, g, ce.getDependent(), objRole, "obj");
            }
          }
        }
      }
    }
    if (subjRole != null) {
      addDirectingActors(o, s, g, w, subjRole);
    }
    if (objRole != null && subjRole != null && !objRole.equals(subjRole)) {
      Set<String> actors = new HashSet<>();
      o.args.stream().filter(a -> a.role().equals(subjRole)).forEach(a -> actors.add(a.entity()));
      o.args.removeIf(a -> a.role().equals(objRole) && actors.contains(a.entity()));
    }
    o.sentencePlace = sentencePlace(s, g, w);
    Set<String> roled = new HashSet<>();
    o.args.stream().filter(a -> !a.role().equals("Place")).forEach(a -> roled.add(a.entity()));
    o.args.removeIf(a -> a.role().equals("Place") && roled.contains(a.entity()));
    o.negated = negated(g, w);
    o.hypothetical = hypothetical(g, w);
    attribution(o, s, g, w);
    nearestTime(o, s, basic, basic.getNodeByIndexSafe(w.index()), pastTense(g, w));
    return o;
  }

  private static boolean hasRelation(SemanticGraph g, IndexedWord w, String rel) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().equals(rel)) {
        return true;
      }
    }
    return false;
  }

  /** One syntactic position of a trigger and the word that fills it. */
  private record Slot(String name, IndexedWord word) {}

  /**
   * The filled slots of a trigger (see {@code event-frames.tsv}): its own dependents, the subject
   * it inherits through an adverbial clause or a controlling verb, the noun a reduced relative
   * clause modifies, and for a trigger noun the subject of the light verb that takes it.
   */
  private List<Slot> slots(SemanticGraph g, IndexedWord w, boolean verb, String type) {
    List<Slot> out = new ArrayList<>();
    boolean passive = false;
    boolean hasObject = false;
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      String rel = e.getRelation().toString();
      passive |= rel.startsWith("nsubj:pass") || rel.equals("aux:pass");
      hasObject |= rel.equals("obj");
    }
    boolean subjectFound = false;
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      String rel = e.getRelation().toString();
      IndexedWord d = e.getDependent();
      if (verb) {
        if (rel.equals("nsubj") || rel.equals("nsubj:xsubj")) {
          out.add(new Slot(hasObject ? "subj" : "subj-intr", d));
          subjectFound = true;
        } else if (rel.equals("obl:agent") || (rel.equals("obl:by") && passive)) {
          out.add(new Slot("subj", d));
          subjectFound = true;
        } else if (rel.equals("obj") || rel.startsWith("nsubj:pass")) {
          out.add(new Slot("obj", d));
        } else if (rel.equals("iobj")) {
          out.add(new Slot("iobj", d));
        } else if (rel.equals("obl:by")) {
          continue; // an active verb's "by" phrase is a means ("repress speech by targeting critics"), not an agent
        } else if (rel.startsWith("obl:") && !rel.equals("obl:tmod") && !rel.equals("obl:npmod")) {
          out.add(new Slot("prep:" + rel.substring(4), d));
        }
      } else {
        if (rel.equals("nmod:poss")) {
          out.add(new Slot("poss", d));
        } else if (rel.equals("nmod:of")) {
          out.add(new Slot("of", d));
        } else if (rel.equals("nmod:agent")) {
          out.add(new Slot("subj", d));
        } else if (rel.startsWith("nmod:") && !rel.equals("nmod:tmod") && !rel.equals("nmod:npmod")) {
          out.add(new Slot("prep:" + rel.substring(5), d));
        } else if ((rel.equals("compound") || rel.equals("amod")) && d.index() < w.index()) {
          out.add(new Slot("compound", d));
        } else if (rel.equals("acl")) {
          for (SemanticGraphEdge ae : g.outgoingEdgeIterable(d)) {
            String ar = ae.getRelation().toString();
            if (ar.equals("obl:agent") || ar.equals("nsubj")) {
              out.add(new Slot("subj", ae.getDependent()));
            }
          }
        }
      }
    }
    IndexedWord parent = g.getParent(w);
    SemanticGraphEdge up = parent == null ? null : g.getEdge(parent, w);
    String upRel = up == null ? "" : up.getRelation().toString();
    if (verb && !subjectFound && parent != null && parent.tag() != null && parent.tag().startsWith("VB")
        && (upRel.equals("xcomp") || upRel.startsWith("advcl") || (upRel.equals("dep") && "VBG".equals(w.tag())))) {
      // "stormed a police post, killing four officers" (a participle the parser may leave as "dep");
      // "vowed to attack" (not "ordered Zoom to
      // shut down": with an object, the object is the one who acts)
      boolean objectControl = upRel.equals("xcomp") && hasRelation(g, parent, "obj");
      for (SemanticGraphEdge pe : g.outgoingEdgeIterable(parent)) {
        if (pe.getRelation().toString().equals(objectControl ? "obj" : "nsubj")) {
          out.add(new Slot(hasObject || passive ? "subj" : "subj-intr", pe.getDependent()));
        }
      }
    }
    if (verb && parent != null && upRel.startsWith("acl") && !upRel.equals("acl:relcl")) {
      // "protesters killed by police" (the noun is the object); "gunmen firing at police" (the subject)
      out.add(new Slot("VBN".equals(w.tag()) ? "obj" : hasObject ? "subj" : "subj-intr", parent));
    }
    String parentLemma = parent == null || parent.lemma() == null ? "" : parent.lemma().toLowerCase(Locale.ROOT);
    boolean takesNoun = upRel.equals("obj") || upRel.startsWith("nsubj:pass")
        || ((parentLemma.equals("go") || parentLemma.equals("participate") || parentLemma.equals("take"))
            && (upRel.equals("obl:on") || upRel.equals("obl:in")));
    if (!verb && parent != null && takesNoun) {
      String light = LIGHT_VERBS.get(parentLemma);
      if (light == null && parent.tag() != null && parent.tag().startsWith("VB")) {
        // "signed three trade deals": a verb trigger of the same type carries the noun's actors
        Trigger pt = match(g, parent);
        light = pt != null && pt.type.equals(type) ? "subj" : null;
      }
      if (light != null) {
        for (SemanticGraphEdge pe : g.outgoingEdgeIterable(parent)) {
          String rel = pe.getRelation().toString();
          if (rel.equals("nsubj") || rel.equals("nsubj:xsubj") || rel.equals("obl:agent")) {
            out.add(new Slot(light, pe.getDependent()));
          }
        }
      }
    }
    return out;
  }

  /** Quantity and part words whose "of" phrase names the participants ("hundreds of protesters", "one of the workers"). */
  private static final Set<String> PARTITIVES = Set.of("hundred", "thousand", "dozen", "million", "score", "number",
      "group", "handful", "couple", "pair", "some", "many", "most", "all", "several", "few", "one", "rest",
      "majority", "half", "each", "both", "none", "member");

  /**
   * Adds the entity a slot's word stands for with this role. A word of no entity leads on to the
   * participant it quantifies ("hundreds of protesters"), to an entity in apposition ("his client,
   * Josephat Mwenda"), or, for an object or "of" phrase, to the organisation or person it belongs to
   * ("the cloud unit of Globex": slot obj.of). A place in a phrase the role is not for fills Place;
   * a place modifying the participant ("bombs in Baghdad") is the Place too.
   */
  private void addArgument(Occurrence o, int s, SemanticGraph g, IndexedWord d, String role, String slot) {
    IndexedWord word = d;
    for (int hop = 0; hop < 3 && entityAt(s, word) == null; hop++) {
      IndexedWord next = null;
      String lemma = word.lemma() == null ? "" : word.lemma().toLowerCase(Locale.ROOT);
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(word)) {
        String rel = e.getRelation().toString();
        if (rel.equals("nmod:of") && (PARTITIVES.contains(lemma) || "CD".equals(word.tag()))) {
          next = e.getDependent();
          break;
        }
        if (rel.equals("appos") && entityAt(s, e.getDependent()) != null) {
          next = e.getDependent();
          break;
        }
      }
      if (next == null) {
        break;
      }
      word = next;
    }
    String key = entityAt(s, word);
    if (key == null && slot.startsWith("prep:") && (role.equals("Target") || role.equals("Victim"))) {
      // "threats to his life", "an attack on the headquarters of Hamas": the one whose it is
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(word)) {
        String rel = e.getRelation().toString();
        if (rel.equals("nmod:poss") || rel.equals("nmod:of")) {
          String owner = entityAt(s, e.getDependent());
          if (owner != null && !entities.get(owner).type().isPlace()) {
            key = owner;
          }
        }
      }
    }
    if (key == null && (slot.equals("obj") || slot.equals("of"))) {
      String ownerRole = FRAMES.role(o.type, Map.of(), "obj.of");
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(word)) {
        String rel = e.getRelation().toString();
        if (ownerRole != null && (rel.equals("nmod:of") || rel.equals("nmod:poss") || rel.equals("compound"))) {
          String owner = entityAt(s, e.getDependent());
          if (owner != null && !entities.get(owner).type().isPlace()) {
            add(o, owner, ownerRole, false);
          }
        }
      }
    }
    if (!slot.startsWith("prep:") || role.equals("Place")) {
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(word)) {
        String rel = e.getRelation().toString();
        if (rel.equals("nmod:in") || rel.equals("nmod:at")) {
          String place = placeAt(s, g, e.getDependent());
          if (place != null) {
            add(o, place, "Place", false);
          }
        }
      }
    }
    if (key == null) {
      // "in the streets of Nairobi", "in the capital, Dakar", "attacked the town of Goma"
      key = placeAt(s, g, word);
    }
    if (key != null) {
      add(o, key, role, slot.startsWith("prep:") || slot.equals("compound") || slot.equals("poss"));
    }
  }

  /**
   * The place of the clause a trigger sits in: the first place named by an "in", "at" or "near"
   * phrase of a verb on the way from the trigger up to the sentence's root ("Hundreds marched in
   * Nairobi to denounce the killings": Nairobi for the denouncing too), or null. A place in a
   * phrase of some other word of the sentence ("a practice banned in China") is not the event's.
   */
  private String sentencePlace(int s, SemanticGraph g, IndexedWord trigger) {
    IndexedWord cur = trigger;
    for (int depth = 0; depth < 5 && cur != null; depth++) {
      if (cur.tag() != null && cur.tag().startsWith("VB")) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(cur)) {
          String rel = e.getRelation().toString();
          if (rel.equals("obl:in") || rel.equals("obl:at") || rel.equals("obl:near")) {
            String p = placeAt(s, g, e.getDependent());
            if (p != null) {
              return p;
            }
          }
        }
      }
      IndexedWord parent = g.getParent(cur);
      if (parent == null) {
        break;
      }
      String rel = g.getEdge(parent, cur).getRelation().toString();
      if (rel.startsWith("acl") || rel.startsWith("nmod") || rel.equals("appos")) {
        break; // out of the clause, into a noun phrase
      }
      cur = parent;
    }
    return null;
  }

  /**
   * The place a phrase names: the place entity at the word, or one that a common noun there leads
   * to through "of", a compound, a possessive or an apposition ("the streets of Nairobi", "the
   * capital Dakar", "Iraq's capital of Baghdad"), at most two steps away; null when none.
   */
  private String placeAt(int s, SemanticGraph g, IndexedWord w) {
    String key = entityAt(s, w);
    if (key != null) {
      return entities.get(key).type().isPlace() ? key : null;
    }
    Deque<IndexedWord> todo = new ArrayDeque<>(List.of(w));
    Map<Integer, Integer> depth = new HashMap<>(Map.of(w.index(), 0));
    String found = null;
    while (!todo.isEmpty() && found == null) {
      IndexedWord x = todo.poll();
      int d = depth.get(x.index());
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(x)) {
        String rel = e.getRelation().toString();
        IndexedWord c = e.getDependent();
        if (!(rel.equals("nmod:of") || rel.equals("compound") || rel.equals("nmod:poss") || rel.equals("appos")) || depth.containsKey(c.index())) {
          continue;
        }
        String k = entityAt(s, c);
        if (k != null) {
          if (entities.get(k).type().isPlace() && (found == null || !rel.equals("nmod:poss"))) {
            found = k; // "Iraq's capital of Baghdad": the capital, not the country
          }
          continue;
        }
        if (d < 1 && c.tag() != null && c.tag().startsWith("NN")) {
          depth.put(c.index(), d + 1);
          todo.add(c);
        }
      }
    }
    return found;
  }

  /** Key of the entity a word belongs to (a mention, a resolved pronoun or description), or null. */
  private String entityAt(int s, IndexedWord w) {
    String key = tokenEntity.get(RelationExtractor.tokenKey(s, w.index() - 1));
    if (key == null && w.tag() != null && w.tag().equals("JJ")) {
      // a nationality adjective stands for its country when the article names it ("Israeli strikes")
      String country = Lexicons.demonyms().get(w.word());
      if (country != null) {
        key = Extractor.keyOfName(entities, country, org.newsgraph.model.EntityType.GPE);
      }
    }
    return key != null && entities.containsKey(key) ? key : null;
  }

  /** Roles a country or city may fill as an actor ("Israel attacked", "talks between India and China"). */
  private static final Set<String> GPE_ROLES = Set.of("Entity", "Target", "Agent", "Attacker", "Giver", "Recipient",
      "Buyer", "Seller", "Beneficiary", "Plaintiff", "Destination", "Origin", "Org");
  /** Roles another place may fill besides Place. */
  private static final Set<String> LOCATION_ROLES = Set.of("Target", "Destination", "Origin");

  private void add(Occurrence o, String key, String role, boolean placeFallback) {
    Entity e = entities.get(key);
    if (e == null) {
      return;
    }
    boolean place = e.type().isPlace();
    if (role.equals("Place")) {
      if (place) {
        o.args.add(new Argument("Place", key));
      }
      return;
    }
    if (place) {
      boolean allowed = e.type() == org.newsgraph.model.EntityType.GPE ? GPE_ROLES.contains(role) : LOCATION_ROLES.contains(role);
      if (!allowed) {
        if (placeFallback) {
          o.args.add(new Argument("Place", key));
        }
        return;
      }
    }
    o.args.add(new Argument(role, key));
  }

  /** "worked under the direction of X to censor", "was directed by X to shut down": X is an actor too. */
  private void addDirectingActors(Occurrence o, int s, SemanticGraph g, IndexedWord w, String subjRole) {
    IndexedWord cur = w;
    for (int depth = 0; depth < 3 && cur != null; depth++) {
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(cur)) {
        String rel = e.getRelation().toString();
        IndexedWord d = e.getDependent();
        if (rel.startsWith("obl") && DIRECTION_NOUNS.contains(d.lemma().toLowerCase(Locale.ROOT))) {
          for (SemanticGraphEdge de : g.outgoingEdgeIterable(d)) {
            if (de.getRelation().toString().equals("nmod:of")) {
              addArg(o, s, de.getDependent(), subjRole, false);
            }
          }
        }
        if (cur != w && rel.equals("obl:agent") && DIRECTING_VERBS.contains(cur.lemma().toLowerCase(Locale.ROOT))) {
          addArg(o, s, d, subjRole, false);
        }
      }
      IndexedWord parent = g.getParent(cur);
      SemanticGraphEdge up = parent == null ? null : g.getEdge(parent, cur);
      if (up == null) {
        break;
      }
      String r = up.getRelation().toString();
      if (!(r.equals("xcomp") || r.equals("advcl") || r.startsWith("advcl:") || r.equals("conj") || r.startsWith("conj:"))) {
        break;
      }
      cur = parent;
    }
  }

  private void addArg(Occurrence o, int s, IndexedWord d, String role, boolean placesOnly) {
    String key = entityAt(s, d);
    if (key != null) {
      add(o, key, placesOnly ? "Place" : role, false);
    }
  }


  private static boolean hasChild(SemanticGraph g, IndexedWord w, String rel, String word) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().equals(rel) && e.getDependent().word().equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCase(SemanticGraph g, IndexedWord w, String prep) {
    return hasChild(g, w, "case", prep);
  }

  private static boolean negated(SemanticGraph g, IndexedWord w) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      String rel = e.getRelation().toString();
      IndexedWord d = e.getDependent();
      String lemma = d.word().toLowerCase(Locale.ROOT);
      if ((rel.equals("advmod") || rel.equals("neg") || rel.equals("det")) && NEGATORS.contains(lemma)) {
        return true;
      }
      if ((rel.startsWith("nsubj") || rel.equals("obj")) && noParticipant(g, d)) {
        return true; // "no one was hurt", "nobody died", "killing none"
      }
    }
    IndexedWord parent = g.getParent(w);
    SemanticGraphEdge up = parent == null ? null : g.getEdge(parent, w);
    if (up != null && up.getRelation().toString().equals("ccomp") && REPORTING.containsKey(parent.lemma().toLowerCase(Locale.ROOT))) {
      return negated(g, parent);
    }
    return false;
  }

  /** Whether a participant is nobody: "nobody", "none", "no one", "no people", "no casualties". */
  private static boolean noParticipant(SemanticGraph g, IndexedWord d) {
    String word = d.word().toLowerCase(Locale.ROOT);
    if (word.equals("nobody") || word.equals("none") || word.equals("noone") || word.equals("no-one")) {
      return true;
    }
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(d)) {
      if (e.getRelation().toString().equals("det") && e.getDependent().word().equalsIgnoreCase("no")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hypothetical(SemanticGraph g, IndexedWord w) {
    IndexedWord parent = g.getParent(w);
    SemanticGraphEdge up = parent == null ? null : g.getEdge(parent, w);
    if (up != null && (up.getRelation().toString().equals("dep") || up.getRelation().toString().startsWith("advcl"))) {
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(parent)) {
        String word = e.getDependent().word().toLowerCase(Locale.ROOT);
        if (e.getRelation().toString().equals("mark") && (word.equals("if") || word.equals("unless"))
            && e.getDependent().index() < w.index()) {
          return true;
        }
      }
    }
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      String rel = e.getRelation().toString();
      String word = e.getDependent().word().toLowerCase(Locale.ROOT);
      if ((rel.equals("aux") && MODALS.contains(word))
          || (rel.equals("mark") && (word.equals("if") || word.equals("whether") || word.equals("unless")))) {
        return true;
      }
    }
    return unrealised(g, w);
  }

  /** Verbs whose clause says what should happen, not what did ("demanded that he resign"). */
  private static final Set<String> DEMANDING = Set.of("demand", "call", "urge", "ask", "insist", "propose", "suggest",
      "recommend", "request", "want", "order", "plan", "threaten", "vow", "hope", "seek", "expect", "intend", "pledge", "promise");

  /**
   * Whether the trigger sits in a clause of plan or demand, or under a modal, so the text does not
   * say it happened: an infinitive or a clause that a verb of demanding, wanting or planning takes
   * ("vowed to attack", "demanded that the chairman step down"), or a clause whose governing verb
   * has a modal ("would consider returning"). An infinitive of purpose ("worked to censor the
   * meetings") may tell what was done, and what is scheduled or announced ("will be sentenced on
   * October 30", "will serve as director") is reported as news: both are kept. Walks up at most
   * three clause levels.
   */
  private static boolean unrealised(SemanticGraph g, IndexedWord w) {
    IndexedWord cur = w;
    for (int depth = 0; depth < 3; depth++) {
      IndexedWord parent = g.getParent(cur);
      if (parent == null) {
        return false;
      }
      String rel = g.getEdge(parent, cur).getRelation().toString();
      String parentLemma = parent.lemma() == null ? "" : parent.lemma().toLowerCase(Locale.ROOT);
      boolean clause = rel.equals("xcomp") || rel.startsWith("advcl") || rel.equals("ccomp") || rel.startsWith("acl")
          || rel.equals("dep") || rel.startsWith("conj");
      if (!clause) {
        return false;
      }
      boolean infinitive = hasMarkTo(g, cur);
      if (infinitive && DEMANDING.contains(parentLemma) && !rel.startsWith("conj")) {
        return true;
      }
      if (rel.equals("ccomp") && DEMANDING.contains(parentLemma)) {
        return true;
      }
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(parent)) {
        String word = e.getDependent().word().toLowerCase(Locale.ROOT);
        if (e.getRelation().toString().equals("aux") && MODALS.contains(word) && !rel.startsWith("conj")) {
          return true;
        }
      }
      cur = parent;
    }
    return false;
  }

  private static boolean hasMarkTo(SemanticGraph g, IndexedWord w) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().equals("mark") && e.getDependent().word().equalsIgnoreCase("to")) {
        return true;
      }
    }
    return false;
  }

  /** Walks up to a reporting verb ("prosecutors allege that ...") and records its subject and stage. */
  private void attribution(Occurrence o, int s, SemanticGraph g, IndexedWord w) {
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().equals("advmod") && e.getDependent().lemma().equalsIgnoreCase("allegedly")) {
        o.stage = "alleged";
      }
    }
    IndexedWord cur = w;
    for (int depth = 0; depth < 4; depth++) {
      IndexedWord parent = g.getParent(cur);
      if (parent == null) {
        break;
      }
      String lemma = parent.lemma().toLowerCase(Locale.ROOT);
      String rel = g.getEdge(parent, cur).getRelation().toString();
      if (REPORTING.containsKey(lemma) && (rel.equals("ccomp") || rel.equals("parataxis") || rel.equals("xcomp"))) {
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(parent)) {
          String r = e.getRelation().toString();
          if (r.equals("nsubj") || r.equals("obl:agent")) {
            String key = tokenEntity.get(RelationExtractor.tokenKey(s, e.getDependent().index() - 1));
            if (key != null) {
              o.assertedBy = key;
            }
          }
        }
        o.stage = negated(g, parent) ? "denied" : REPORTING.get(lemma);
        return;
      }
      cur = parent;
    }
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      if (e.getRelation().toString().startsWith("obl:according")) {
        String key = tokenEntity.get(RelationExtractor.tokenKey(s, e.getDependent().index() - 1));
        if (key != null) {
          o.assertedBy = key;
        }
        o.stage = o.stage == null ? "reported" : o.stage;
      }
    }
  }

  /**
   * Whether a verb trigger reports a past event: simple past ("pled"), or a participle with a
   * past or perfect auxiliary and no modal ("was arrested", "has been charged"; not "will be
   * sentenced").
   */
  private static boolean pastTense(SemanticGraph g, IndexedWord w) {
    String tag = w.tag() == null ? "" : w.tag();
    if (tag.equals("VBD")) {
      return true;
    }
    if (!tag.equals("VBN")) {
      return false;
    }
    boolean past = false;
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      String rel = e.getRelation().toString();
      if (!rel.startsWith("aux")) {
        continue;
      }
      String aux = e.getDependent().word().toLowerCase(Locale.ROOT);
      if (MODALS.contains(aux) || aux.equals("will") || aux.equals("to")) {
        return false;
      }
      past |= aux.equals("was") || aux.equals("were") || aux.equals("had") || aux.equals("has") || aux.equals("have");
    }
    return past;
  }

  /**
   * Sets the normalised date nearest to the trigger in the (basic) dependency tree, if any (at
   * most MAX_TIME_DISTANCE edges).
   * A past-tense trigger does not take a date after the publication date ("pled guilty ... and
   * will be sentenced on October 30": the sentencing date is not the plea's).
   */
  private void nearestTime(Occurrence o, int s, SemanticGraph g, IndexedWord from, boolean past) {
    if (from == null) {
      return;
    }
    boolean future = false;
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(from)) {
      String w = e.getDependent().word().toLowerCase(Locale.ROOT);
      future |= e.getRelation().toString().startsWith("aux") && (w.equals("will") || w.equals("shall") || w.equals("'ll"));
    }
    boolean noun = from.tag() != null && from.tag().startsWith("NN");
    Map<Integer, Integer> dist = new HashMap<>();
    Set<Integer> closed = new HashSet<>();
    Deque<IndexedWord> queue = new ArrayDeque<>();
    dist.put(from.index(), 0);
    queue.add(from);
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    List<CoreLabel> tokens = doc.tokens(s);
    while (!queue.isEmpty()) {
      IndexedWord w = queue.poll();
      int d = dist.get(w.index());
      if (d > MAX_TIME_DISTANCE || d >= bestDist) {
        continue;
      }
      String value = timeValue(tokens, w.index() - 1, published);
      if (value != null && published != null && !future && value.length() == 10
          && namesOnlyAWeekday(tokens, w.index() - 1) && value.compareTo(published.toString()) > 0) {
        // "the blast on Tuesday", published on a Friday: news reports the Tuesday before
        value = java.time.LocalDate.parse(value).minusDays(7).toString();
      }
      if (value != null && past && published != null
          && value.compareTo(published.toString().substring(0, Math.min(value.length(), 10))) > 0) {
        value = null;
      }
      if (value != null) {
        best = value;
        bestDist = d;
        continue;
      }
      List<IndexedWord> next = new ArrayList<>();
      if (!closed.contains(w.index())) {
        next.addAll(g.getChildList(w));
      }
      IndexedWord parent = g.getParent(w);
      if (parent != null && (w != from || !noun || timeMayComeFromAbove(g, parent, w))) {
        next.add(parent);
      }
      for (IndexedWord n : next) {
        if (!dist.containsKey(n.index())) {
          dist.put(n.index(), d + 1);
          queue.add(n);
          boolean down = n != parent;
          if (down && n.tag() != null && n.tag().startsWith("NN") && !isTemporal(tokens, n)) {
            // a noun's own modifiers date that noun, not this event ("arrested over the 1994 genocide")
            closed.add(n.index());
          }
        }
      }
    }
    if (best != null) {
      o.time = best;
      o.timeDistance = bestDist;
    }
  }

  /**
   * Whether a trigger noun may take its time from the word above it: from a verb it is the
   * subject of ("the blast occurred on Monday") or a light verb that takes it ("held talks on
   * Monday"), not from a verb whose object it is ("commemorate the massacre this year").
   */
  private static boolean timeMayComeFromAbove(SemanticGraph g, IndexedWord parent, IndexedWord noun) {
    String rel = g.getEdge(parent, noun).getRelation().toString();
    return rel.startsWith("nsubj") || LIGHT_VERBS.containsKey(parent.lemma() == null ? "" : parent.lemma().toLowerCase(Locale.ROOT));
  }

  private static boolean isTemporal(List<CoreLabel> tokens, IndexedWord w) {
    String ner = Doc.originalNer(tokens.get(w.index() - 1));
    return "DATE".equals(ner) || "TIME".equals(ner) || "DURATION".equals(ner);
  }

  /**
   * The ISO date of a DATE token, or null. News reports the past: a month or day without a year
   * that SUTime puts after the publication date ("in May", read in December) is taken as the one
   * before it. A weekday ("on Monday", "Tuesday night") keeps SUTime's date, which is within a week
   * of publication and follows the verb's tense ("was arrested on Monday": the Monday before; "the
   * hearing is on Monday": the next one); taking a year off it gave dates a year too early.
   */
  static String timeValue(List<CoreLabel> tokens, int i, java.time.LocalDate published) {
    CoreLabel t = tokens.get(i);
    if (!"DATE".equals(Doc.originalNer(t))) {
      return null;
    }
    String v = t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
    if (v == null) {
      return null;
    }
    int cut = v.indexOf('T');
    if (cut > 0) {
      v = v.substring(0, cut);
    }
    if (!ISO_TIME.matcher(v).matches()) {
      return null;
    }
    if (published != null && v.length() > 4 && v.compareTo(published.toString().substring(0, v.length())) > 0
        && !hasExplicitYear(tokens, i) && !namesOnlyAWeekday(tokens, i)) {
      v = (Integer.parseInt(v.substring(0, 4)) - 1) + v.substring(4);
    }
    return v;
  }

  private static final java.util.regex.Pattern WEEKDAY =
      java.util.regex.Pattern.compile("(?i)(mon|tues?|wed(nes)?|thu(rs?)?|fri|sat(ur)?|sun)(day)?s?\\.?");
  private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile(
      "(?i)(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?"
          + "|nov(ember)?|dec(ember)?)\\.?|\\d{1,2}(st|nd|rd|th)?|\\d{1,2}/\\d{1,2}");

  /**
   * Whether the date expression around token i names a weekday and no month or day of the month
   * ("Monday", "last Tuesday", "Friday night", not "Monday, May 4").
   */
  static boolean namesOnlyAWeekday(List<CoreLabel> tokens, int i) {
    String value = tokens.get(i).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
    boolean weekday = false;
    for (int step : new int[] {-1, 1}) {
      for (int j = step < 0 ? i : i + 1; j >= 0 && j < tokens.size(); j += step) {
        CoreLabel t = tokens.get(j);
        if (!"DATE".equals(Doc.originalNer(t)) || !java.util.Objects.equals(value, t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class))) {
          break;
        }
        if (MONTH.matcher(t.word()).matches()) {
          return false;
        }
        weekday |= WEEKDAY.matcher(t.word()).matches();
      }
    }
    return weekday;
  }

  /** Whether the date expression around token i writes its year ("October 30, 2024"). */
  private static boolean hasExplicitYear(List<CoreLabel> tokens, int i) {
    String value = tokens.get(i).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
    for (int step : new int[] {-1, 1}) {
      for (int j = i; j >= 0 && j < tokens.size(); j += step) {
        CoreLabel t = tokens.get(j);
        if (!"DATE".equals(Doc.originalNer(t)) || !java.util.Objects.equals(value, t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class))) {
          break;
        }
        if (t.word().matches("\\d{4}")) {
          return true;
        }
      }
    }
    return false;
  }

  private int paragraphOf(int s) {
    int begin = doc.modelSentences.get(s).span().begin();
    int p = 0;
    int i = doc.text.indexOf("\n\n");
    while (i >= 0 && i < begin) {
      p++;
      i = doc.text.indexOf("\n\n", i + 2);
    }
    return p;
  }

  /** Undated occurrences take the time of the latest dated one before them in their paragraph. */
  private void assignInheritedTimes(List<Occurrence> found) {
    String last = null;
    int lastParagraph = -1;
    for (Occurrence o : found) {
      if (o.paragraph != lastParagraph) {
        last = null;
        lastParagraph = o.paragraph;
      }
      if (o.time != null) {
        last = o.time;
      } else if (last != null) {
        o.time = last;
      }
    }
  }

  /** True when some argument other than the Place is known. */
  private static boolean hasCore(Set<Argument> args) {
    return args.stream().anyMatch(a -> !a.role().equals("Place"));
  }

  /** Whether a role is filled by different entities in a and b, neither holding the other's. */
  private static boolean conflict(Set<Argument> a, Set<Argument> b) {
    for (Argument x : b) {
      boolean roleUsed = a.stream().anyMatch(y -> y.role().equals(x.role()));
      if (roleUsed && !a.contains(x) && !x.role().equals("Place")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether two mentions of one type may be one occurrence as far as time and place go: their
   * explicit times (not inherited ones) are equal or one contains the other ("2020" and
   * "2020-05-31"), and their places, when both have one, overlap. "An invasion in 2022" and
   * "this week's bombing" are two attacks.
   */
  private boolean timeAndPlaceAgree(List<Occurrence> cluster, Occurrence o) {
    for (Occurrence x : cluster) {
      if (x.timeDistance != Integer.MAX_VALUE && o.timeDistance != Integer.MAX_VALUE && x.time != null && o.time != null
          && !x.time.startsWith(o.time) && !o.time.startsWith(x.time)) {
        return false;
      }
    }
    Set<String> places = new HashSet<>();
    cluster.forEach(x -> x.args.stream().filter(a -> a.role().equals("Place")).forEach(a -> places.add(a.entity())));
    Set<String> own = new HashSet<>();
    o.args.stream().filter(a -> a.role().equals("Place")).forEach(a -> own.add(a.entity()));
    if (places.isEmpty() || own.isEmpty() || own.stream().anyMatch(places::contains)) {
      return true;
    }
    // a city and a country may be one place ("died in France ... died in Paris")
    boolean ownCountry = own.stream().anyMatch(this::isCountry);
    boolean clusterCountry = places.stream().anyMatch(this::isCountry);
    return ownCountry != clusterCountry;
  }

  /** Whether the tagger named this place a country in one of its mentions. */
  private boolean isCountry(String key) {
    Entity e = entities.get(key);
    if (e == null) {
      return false;
    }
    for (org.newsgraph.model.Mention m : e.mentions()) {
      for (CoreLabel t : doc.tokens(m.sentence())) {
        if (t.beginPosition() >= m.span().begin() && t.endPosition() <= m.span().end() && "COUNTRY".equals(Doc.originalNer(t))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether two mentions may report the same occurrence in time when one of them gives no time
   * of its own: a mention without a time reports the news of the day, so it is not the one of an
   * explicit date in another month ("The collapse killed 20 people" and "24 people were killed in
   * September 2014" are two deaths).
   */
  private boolean sameReportedTime(List<Occurrence> cluster, Occurrence o) {
    if (published == null) {
      return true;
    }
    String month = published.toString().substring(0, 7);
    boolean clusterExplicit = cluster.stream().anyMatch(x -> x.timeDistance != Integer.MAX_VALUE);
    boolean ownExplicit = o.timeDistance != Integer.MAX_VALUE;
    if (clusterExplicit == ownExplicit) {
      return true;
    }
    String t = ownExplicit ? o.time : cluster.stream().filter(x -> x.timeDistance != Integer.MAX_VALUE).findFirst().get().time;
    String cut = t.length() >= 7 ? t.substring(0, 7) : t;
    return month.startsWith(cut);
  }

  /**
   * Groups mentions into events. A mention may join an event of its type (and of the same
   * negation and modality) only when their times and places agree ({@link #timeAndPlaceAgree}).
   * It joins the event that shares one of its participants; else the latest one with the same
   * trigger word ("killed ... killed") that shares its place or its reported time ({@link
   * #sameReportedTime}) or of which either side knows no participant, or, when neither has
   * participants in conflict (one role filled by different entities), the latest one of which
   * either side knows no participant but places; else it starts an event.
   */
  private List<Event> merge(List<Occurrence> found) {
    List<List<Occurrence>> clusters = new ArrayList<>();
    for (Occurrence o : found) {
      List<Occurrence> target = null;
      List<Occurrence> compatible = null;
      for (List<Occurrence> c : clusters) {
        Occurrence head = c.get(0);
        if (!head.type.equals(o.type) || head.negated != o.negated || head.hypothetical != o.hypothetical
            || !timeAndPlaceAgree(c, o)) {
          continue;
        }
        Set<Argument> args = new HashSet<>();
        c.forEach(x -> args.addAll(x.args));
        Set<String> participants = new HashSet<>();
        args.stream().filter(a -> !a.role().equals("Place")).forEach(a -> participants.add(a.entity()));
        if (o.args.stream().anyMatch(a -> !a.role().equals("Place") && participants.contains(a.entity()))) {
          target = c;
          break;
        }
        boolean sameWord = c.stream().anyMatch(x -> x.lemma.equals(o.lemma));
        boolean samePlace = o.args.stream().anyMatch(a -> a.role().equals("Place") && args.contains(a));
        boolean oneUnknown = !hasCore(o.args) || !hasCore(args);
        if (sameWord && (samePlace || oneUnknown || sameReportedTime(c, o)) || (!conflict(args, o.args) && oneUnknown)) {
          compatible = c;
        }
      }
      if (target == null) {
        target = compatible;
      }
      if (target == null) {
        target = new ArrayList<>();
        clusters.add(target);
      }
      target.add(o);
    }
    List<Event> events = new ArrayList<>();
    for (List<Occurrence> c : clusters) {
      Occurrence first = c.get(0);
      Set<Argument> args = new LinkedHashSet<>();
      List<Span> triggers = new ArrayList<>();
      String time = null;
      String assertedBy = null;
      String stage = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Occurrence o : c) {
        args.addAll(o.args);
        triggers.add(o.span);
        if (o.timeDistance < bestDistance) {
          bestDistance = o.timeDistance;
          time = o.time;
        }
        assertedBy = assertedBy == null ? o.assertedBy : assertedBy;
        stage = stage == null ? o.stage : stage;
      }
      if (time == null) {
        time = c.stream().map(x -> x.time).filter(java.util.Objects::nonNull).findFirst().orElse(fallbackTime);
      }
      if (args.stream().noneMatch(a -> a.role().equals("Place"))) {
        // the sentence's place, weaker evidence than a phrase of the trigger's own, so it takes no
        // part in deciding which mentions are one event
        c.stream().map(x -> x.sentencePlace).filter(java.util.Objects::nonNull).findFirst()
            .filter(p -> args.stream().noneMatch(a -> a.entity().equals(p)))
            .ifPresent(p -> args.add(new Argument("Place", p)));
      }
      Sentence evidence = doc.modelSentences.get(first.sentence);
      events.add(new Event("e" + (events.size() + 1), first.type, triggers, new ArrayList<>(args), time,
          first.negated, first.hypothetical, assertedBy, stage, evidence, "trigger:" + first.lemma));
    }
    return events;
  }
}
