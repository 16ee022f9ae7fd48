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
  private static final Set<String> LIGHT_VERBS = Lexicons.words("event-light-verbs.txt");
  private static final Map<String, String> REPORTING = Lexicons.pairs("reporting-verbs.tsv");
  private static final Map<String, String[]> TYPES = types();
  private static final List<Trigger> TRIGGERS = triggers();

  /**
   * One line of event-triggers.tsv: the condition (empty for none) and the role of the verb's
   * subject when the line gives one ({@code subj=Defendant}), else null for the type's own.
   */
  private record Trigger(String lemma, String particle, String pos, String type, String condition, String subjectRole) {}

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

  private static List<Trigger> triggers() {
    List<Trigger> out = new ArrayList<>();
    for (String l : Lexicons.lines("event-triggers.tsv")) {
      String[] c = l.split("\t");
      String[] words = c[0].split(" ");
      if (!TYPES.containsKey(c[2])) {
        throw new IllegalStateException("event-triggers.tsv: unknown type " + c[2]);
      }
      String condition = "";
      String subjectRole = null;
      for (String item : c.length > 3 ? c[3].split(";") : new String[0]) {
        if (item.startsWith("subj=")) {
          subjectRole = item.substring("subj=".length());
        } else {
          condition = item;
        }
      }
      out.add(new Trigger(words[0], words.length > 1 ? words[1] : null, c[1], c[2], condition, subjectRole));
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
  }

  List<Event> extract() {
    List<Occurrence> found = new ArrayList<>();
    for (int s = 0; s < doc.sentences.size(); s++) {
      SemanticGraph enhanced = doc.sentences.get(s).dependencyParse();
      SemanticGraph basic = doc.sentences.get(s).coreMap().get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
      if (enhanced == null || basic == null) {
        continue;
      }
      for (IndexedWord w : enhanced.vertexListSorted()) {
        Trigger t = match(enhanced, w);
        if (t == null) {
          continue;
        }
        Occurrence o = occurrence(s, enhanced, basic, w, t);
        if (o != null) {
          found.add(o);
        }
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
      default:
        throw new IllegalStateException("event-triggers.tsv: unknown condition " + cond);
    }
  }

  private Occurrence occurrence(int s, SemanticGraph g, SemanticGraph basic, IndexedWord w, Trigger t) {
    String[] roles = TYPES.get(t.type);
    String subjRole = t.subjectRole == null ? roles[2] : t.subjectRole;
    String objRole = roles[3];
    String withRole = roles[4].equals("-") ? null : roles[4];
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
    boolean possessiveIsObject = !objRole.equals(subjRole)
        && (t.type.startsWith("Justice.") || t.type.startsWith("Life.") || t.type.startsWith("Personnel."));
    for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
      String rel = e.getRelation().toString();
      IndexedWord d = e.getDependent();
      String role = null;
      if (verb) {
        if (rel.equals("nsubj") || rel.equals("nsubj:xsubj") || rel.equals("obl:agent")
            || (rel.equals("obl:by") && "VBN".equals(w.tag()))) {
          role = subjRole;
        } else if (rel.equals("obj") || rel.equals("nsubj:pass") || rel.equals("nsubj:pass:xsubj")) {
          role = objRole;
        } else if (rel.equals("iobj") || rel.equals("obl:to")) {
          role = t.type.startsWith("Transaction.") ? "Recipient" : t.type.equals("Movement.Transport") ? "Destination" : objRole;
        } else if (rel.equals("obl:with") && withRole != null) {
          role = withRole;
        } else if (rel.equals("obl:from") && t.type.equals("Movement.Transport")) {
          role = "Origin";
        } else if (rel.equals("obl:before") && t.type.startsWith("Justice.")) {
          // "pleaded guilty before U.S. District Judge Smith", "sentenced before Judge Roe"
          role = "Adjudicator";
        }
      } else {
        if (rel.equals("nmod:of") || rel.equals("nmod:against")) {
          role = objRole;
        } else if (rel.equals("nmod:by") || rel.equals("nmod:agent")) {
          role = subjRole;
        } else if (rel.equals("nmod:poss")) {
          role = possessiveIsObject ? objRole : subjRole;
        } else if (rel.equals("nmod:with") && withRole != null) {
          role = withRole;
        } else if (rel.equals("acl")) {
          for (SemanticGraphEdge ae : g.outgoingEdgeIterable(d)) {
            String ar = ae.getRelation().toString();
            if (ar.equals("obl:agent") || ar.equals("nsubj")) {
              addArg(o, s, ae.getDependent(), subjRole, false);
            }
          }
        } else if (rel.equals("compound") || rel.equals("amod")) {
          addArg(o, s, d, "Place", true);
        }
      }
      if (rel.startsWith("obl:in") || rel.startsWith("obl:at") || rel.startsWith("nmod:in") || rel.startsWith("nmod:at")) {
        addArg(o, s, d, "Place", true);
      }
      if (role != null) {
        addArg(o, s, d, role, false);
      }
      if (verb && rel.equals("xcomp") && t.type.startsWith("Justice.") && d.tag() != null && d.tag().startsWith("JJ")) {
        // "pleaded guilty before Judge Roe": the phrase hangs on the adjective; "found Roe
        // guilty": Roe is the adjective's subject, and the one found guilty
        for (SemanticGraphEdge ae : g.outgoingEdgeIterable(d)) {
          String ar = ae.getRelation().toString();
          if (ar.equals("obl:before")) {
            addArg(o, s, ae.getDependent(), "Adjudicator", false);
          } else if (ar.equals("nsubj")) {
            addArg(o, s, ae.getDependent(), objRole, false);
          }
        }
      }
    }
    if (verb) {
      boolean hasObject = o.args.stream().anyMatch(a -> a.role().equals(objRole));
      boolean hasSubject = o.args.stream().anyMatch(a -> a.role().equals(subjRole));
      for (SemanticGraphEdge e : g.outgoingEdgeIterable(w)) {
        if (!hasObject && !objRole.equals(subjRole) && e.getRelation().toString().equals("ccomp")) {
          for (SemanticGraphEdge ce : g.outgoingEdgeIterable(e.getDependent())) {
            if (ce.getRelation().toString().equals("nsubj")) {
              addArg(o, s, ce.getDependent(), objRole, false);
            }
          }
        }
      }
      IndexedWord parent = g.getParent(w);
      SemanticGraphEdge up = parent == null ? null : g.getEdge(parent, w);
      if (!hasSubject && up != null && parent.tag() != null && parent.tag().startsWith("VB")
          && (up.getRelation().toString().equals("xcomp") || up.getRelation().toString().startsWith("advcl"))) {
        for (SemanticGraphEdge pe : g.outgoingEdgeIterable(parent)) {
          if (pe.getRelation().toString().equals("nsubj")) {
            addArg(o, s, pe.getDependent(), subjRole, false);
          }
        }
      }
    }
    IndexedWord gov = g.getParent(w);
    if (!verb && gov != null && LIGHT_VERBS.contains(gov.lemma().toLowerCase(Locale.ROOT))) {
      SemanticGraphEdge edge = g.getEdge(gov, w);
      if (edge != null && (edge.getRelation().toString().equals("obj") || edge.getRelation().toString().equals("nsubj:pass"))) {
        String role = gov.lemma().equalsIgnoreCase("face") ? objRole : subjRole;
        for (SemanticGraphEdge e : g.outgoingEdgeIterable(gov)) {
          String rel = e.getRelation().toString();
          if (rel.equals("nsubj") || rel.equals("nsubj:xsubj") || rel.equals("obl:agent")) {
            addArg(o, s, e.getDependent(), role, false);
          }
        }
      }
    }
    addDirectingActors(o, s, g, w, subjRole);
    if (!objRole.equals(subjRole)) {
      Set<String> actors = new HashSet<>();
      o.args.stream().filter(a -> a.role().equals(subjRole)).forEach(a -> actors.add(a.entity()));
      o.args.removeIf(a -> a.role().equals(objRole) && actors.contains(a.entity()));
    }
    o.negated = negated(g, w);
    o.hypothetical = hypothetical(g, w);
    attribution(o, s, g, w);
    nearestTime(o, s, basic, basic.getNodeByIndexSafe(w.index()), pastTense(g, w));
    return o;
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
    String key = tokenEntity.get(RelationExtractor.tokenKey(s, d.index() - 1));
    if (key == null) {
      return;
    }
    Entity e = entities.get(key);
    if (e == null) {
      return;
    }
    if (placesOnly != e.type().isPlace()) {
      if (placesOnly) {
        return;
      }
      if (e.type().isPlace() && !role.equals("Entity") && !role.equals("Target") && !role.equals("Agent") && !role.equals("Destination") && !role.equals("Origin")) {
        return;
      }
    }
    o.args.add(new Argument(role, key));
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
      String lemma = e.getDependent().word().toLowerCase(Locale.ROOT);
      if ((rel.equals("advmod") || rel.equals("neg") || rel.equals("det")) && NEGATORS.contains(lemma)) {
        return true;
      }
    }
    IndexedWord parent = g.getParent(w);
    SemanticGraphEdge up = parent == null ? null : g.getEdge(parent, w);
    if (up != null && up.getRelation().toString().equals("ccomp") && REPORTING.containsKey(parent.lemma().toLowerCase(Locale.ROOT))) {
      return negated(g, parent);
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
      if ((rel.equals("aux") && MODALS.contains(word)) || (rel.equals("mark") && (word.equals("if") || word.equals("whether") || word.equals("unless")))) {
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
    Map<Integer, Integer> dist = new HashMap<>();
    Deque<IndexedWord> queue = new ArrayDeque<>();
    dist.put(from.index(), 0);
    queue.add(from);
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    while (!queue.isEmpty()) {
      IndexedWord w = queue.poll();
      int d = dist.get(w.index());
      if (d > MAX_TIME_DISTANCE || d >= bestDist) {
        continue;
      }
      String value = timeValue(doc.tokens(s), w.index() - 1, published);
      if (value != null && past && published != null
          && value.compareTo(published.toString().substring(0, Math.min(value.length(), 10))) > 0) {
        value = null;
      }
      if (value != null) {
        best = value;
        bestDist = d;
        continue;
      }
      List<IndexedWord> next = new ArrayList<>(g.getChildList(w));
      IndexedWord parent = g.getParent(w);
      if (parent != null) {
        next.add(parent);
      }
      for (IndexedWord n : next) {
        if (!dist.containsKey(n.index())) {
          dist.put(n.index(), d + 1);
          queue.add(n);
        }
      }
    }
    if (best != null) {
      o.time = best;
      o.timeDistance = bestDist;
    }
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

  /**
   * Groups occurrences into events: an occurrence joins the event of its type that shares one of
   * its (role, entity) arguments; else the latest event of its type whose arguments do not conflict
   * with its own (no role filled by different entities in both); else it starts an event. Negated
   * and hypothetical occurrences only join their like.
   */
  /** True when some argument other than the Place is known. */
  private static boolean hasCore(Set<Argument> args) {
    return args.stream().anyMatch(a -> !a.role().equals("Place"));
  }

  private static boolean conflict(Set<Argument> a, Set<Argument> b) {
    for (Argument x : b) {
      boolean roleUsed = a.stream().anyMatch(y -> y.role().equals(x.role()));
      if (roleUsed && !a.contains(x) && !x.role().equals("Place")) {
        return true;
      }
    }
    return false;
  }

  private List<Event> merge(List<Occurrence> found) {
    List<List<Occurrence>> clusters = new ArrayList<>();
    for (Occurrence o : found) {
      List<Occurrence> target = null;
      List<Occurrence> compatible = null;
      for (List<Occurrence> c : clusters) {
        Occurrence head = c.get(0);
        if (!head.type.equals(o.type) || head.negated != o.negated || head.hypothetical != o.hypothetical) {
          continue;
        }
        Set<Argument> args = new HashSet<>();
        c.forEach(x -> args.addAll(x.args));
        if (o.args.stream().anyMatch(a -> !a.role().equals("Place") && args.contains(a))) {
          target = c;
          break;
        }
        boolean sameWord = c.stream().anyMatch(x -> x.lemma.equals(o.lemma));
        if (!conflict(args, o.args) && (!hasCore(o.args) || !hasCore(args) || sameWord)) {
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
      Sentence evidence = doc.modelSentences.get(first.sentence);
      events.add(new Event("e" + (events.size() + 1), first.type, triggers, new ArrayList<>(args), time,
          first.negated, first.hypothetical, assertedBy, stage, evidence, "trigger:" + first.lemma));
    }
    return events;
  }
}
