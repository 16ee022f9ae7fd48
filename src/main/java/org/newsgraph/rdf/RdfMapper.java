package org.newsgraph.rdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.model.Article;
import org.newsgraph.model.Argument;
import org.newsgraph.model.ArticleGraph;
import org.newsgraph.model.DisplayNames;
import org.newsgraph.model.Entity;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Event;
import org.newsgraph.model.Mention;
import org.newsgraph.model.Relation;
import org.newsgraph.model.Sentence;
import org.newsgraph.model.Span;

/**
 * Maps an {@link ArticleGraph} to RDF under the newsgraph ontology: the content of the article's
 * named graph, whose name is the article's IRI ({@link #articleIri}).
 *
 * <p>IRIs are deterministic: {@code BASE article/ID} for the article, {@code BASE KEY} for an
 * entity ({@code BASE person/jin-xinjiang}: the same in every article, so articles merge), {@code
 * BASE article/ID/sentence/N}, {@code BASE article/ID/mention/BEGIN-END} and {@code BASE
 * article/ID/statement/HASH} for evidence. Each relation is one plain triple {@code s p o} plus
 * its provenance as an RDF 1.2 reifier: {@code <article/ID/statement/HASH> a rdf:Statement ;
 * rdf:reifies <<( s p o )>> ; ng:inArticle ; ng:extractor ; ng:evidence ; ng:confidence ;
 * ng:assertedBy ; ng:stage} (in Turtle: {@code << s p o ~ st >> ng:evidence ...}). An article read
 * from the web or a web archive also has {@code prov:wasDerivedFrom <URL>} and {@code ng:retrievedAt}
 * (an {@code xsd:dateTime} in UTC, whole seconds). JSON-LD and
 * RDF/XML get the same as RDF 1.1 reification at write time ({@link Reification}). Offsets are
 * UTF-16 indices into the article text ({@code ng:text}).
 *
 * <p>An entity's {@code ng:name} is its display form ({@link DisplayNames#of}: NFC, a name written
 * in capitals in title case); the spelling of the text, when it differs, and the other names are
 * {@code ng:alias} values in NFC.
 *
 * <p>Literals are made safe for every RDF format ({@link SafeText}): control characters that XML
 * cannot hold and unpaired surrogates become U+FFFD one for one, so offsets still hold.
 */
public final class RdfMapper {
  /** Default base for minted IRIs. */
  public static final String DEFAULT_BASE = "https://w3id.org/newsgraph/id/";

  private final String base;

  /**
   * @param base namespace under which IRIs are minted; must end with '/' or '#'
   * @throws IllegalArgumentException when it does not
   */
  public RdfMapper(String base) {
    if (!(base.endsWith("/") || base.endsWith("#"))) {
      throw new IllegalArgumentException("base IRI must end with '/' or '#': " + base);
    }
    this.base = base;
  }

  /** Mapper with {@link #DEFAULT_BASE}. */
  public RdfMapper() {
    this(DEFAULT_BASE);
  }

  /** The base IRI. */
  public String base() {
    return base;
  }

  /** IRI of an article, which is also the name of its graph. */
  public String articleIri(String articleId) {
    return base + "article/" + articleId;
  }

  /** IRI of an entity by its key ({@link org.newsgraph.model.Names#key}). */
  public String entityIri(String key) {
    return base + key;
  }

  /**
   * The story a near-duplicate article belongs to: the article it repeats ({@code ng:sameStoryAs})
   * and the events the story's stored or earlier reports already tell, by {@link #eventKey}.
   *
   * @param sameStoryAs IRI of the story's first article
   * @param eventIris event key to the IRI the story's reports gave that event
   */
  public record Story(String sameStoryAs, Map<String, String> eventIris) {
    /** Copies the map. */
    public Story {
      eventIris = Map.copyOf(eventIris);
    }
  }

  /**
   * The RDF of one article.
   *
   * @return a new in-memory model with the standard prefixes set
   */
  public Model map(ArticleGraph g) {
    return map(g, null);
  }

  /**
   * The RDF of one article that reports a story already stored (or built earlier in the same run):
   * as {@link #map(ArticleGraph)}, plus {@code ng:sameStoryAs} to the story's first article, and
   * each event with the same type and participants ({@link #eventKey}) as an event of the story
   * gets that event's IRI, so the story's reports describe one event resource (each with its own
   * trigger, evidence and {@code ng:inArticle}); other events get this article's event IRIs.
   *
   * @param story the story, or {@code null} for an article that is the first of its story
   * @return a new in-memory model with the standard prefixes set
   */
  public Model map(ArticleGraph g, Story story) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix(NG.PREFIX, NG.NS);
    m.setNsPrefix("rdf", RDF.getURI());
    m.setNsPrefix("xsd", XSDDatatype.XSD + "#");
    m.setNsPrefix("ngid", base);
    Article a = g.article();
    String articleIri = articleIri(a.id());
    Resource art = m.createResource(articleIri, NG.Article)
        .addLiteral(NG.articleId, m.createTypedLiteral(a.id(), XSDDatatype.XSDstring))
        .addProperty(NG.text, a.text())
        .addProperty(NG.contentHash, contentHash(a))
        .addProperty(NG.extractorVersion, stampVersion(g.extractorVersion()));
    if (!a.title().isEmpty()) {
      art.addProperty(NG.headline, a.title());
    }
    if (a.date() != null) {
      art.addLiteral(NG.datePublished, m.createTypedLiteral(a.date().toString(), XSDDatatype.XSDdate));
    }
    if (a.url() != null && !a.url().isBlank()) {
      art.addLiteral(NG.url, m.createTypedLiteral(a.url(), XSDDatatype.XSDanyURI));
    }
    if (!a.source().isEmpty()) {
      art.addProperty(NG.source, a.source());
    }
    if (a.retrieval() != null) {
      m.setNsPrefix("prov", NG.PROV);
      art.addProperty(NG.wasDerivedFrom, m.createResource(a.retrieval().url()))
          .addLiteral(NG.retrievedAt, m.createTypedLiteral(
              a.retrieval().at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime));
    }
    for (Article.Credit c : a.credits()) {
      art.addProperty(NG.creditLine, c.line());
    }
    if (story != null) {
      art.addProperty(NG.sameStoryAs, m.createResource(story.sameStoryAs()));
    }

    for (Sentence s : g.sentences()) {
      sentence(m, articleIri, s);
    }
    Map<String, Entity> byKey = g.entitiesByKey();
    for (Entity e : g.entities()) {
      boolean person = e.type() == EntityType.PERSON && !e.group();
      String display = DisplayNames.of(e.name(), person);
      Resource r = m.createResource(entityIri(e.key()), NG.classOf(e.type()))
          .addProperty(NG.name, display);
      // the spelling of the text, when the display form differs (capitals), and the other names, in NFC
      Set<String> aliases = new java.util.TreeSet<>();
      aliases.add(nfc(e.name()));
      e.aliases().forEach(alias -> aliases.add(nfc(alias)));
      aliases.remove(display);
      for (String alias : aliases) {
        r.addProperty(NG.alias, alias);
      }
      for (String why : e.merges()) {
        r.addProperty(NG.mergeReason, why);
      }
      if (e.group()) {
        r.addLiteral(NG.isGroup, m.createTypedLiteral("true", XSDDatatype.XSDboolean));
      }
      if (e.group() && e.quantity() != null) {
        r.addLiteral(NG.quantity, m.createTypedLiteral(e.quantity().toString(), XSDDatatype.XSDinteger));
      }
      art.addProperty(NG.mentions, r);
      for (Mention mention : e.mentions()) {
        m.createResource(articleIri + "/mention/" + mention.span().begin() + "-" + mention.span().end(), NG.Mention)
            .addProperty(NG.mentionOf, r)
            .addProperty(NG.inArticle, art)
            .addProperty(NG.inSentence, m.createResource(sentenceIri(articleIri, mention.sentence())))
            .addLiteral(NG.beginIndex, integer(m, mention.span().begin()))
            .addLiteral(NG.endIndex, integer(m, mention.span().end()))
            .addProperty(NG.anchorOf, mention.span().text())
            .addProperty(NG.nerTag, mention.nerTag());
      }
    }
    for (String author : a.authors()) {
      Entity e = g.findEntity(author).orElse(null);
      if (e != null) {
        art.addProperty(NG.author, m.createResource(entityIri(e.key())));
      }
    }
    for (Article.Credit c : a.credits()) {
      Entity e = c.photographer() == null ? null : g.findEntity(c.photographer()).orElse(null);
      if (e != null) {
        art.addProperty(NG.photographer, m.createResource(entityIri(e.key())));
      }
    }
    Set<String> done = new HashSet<>();
    for (Relation rel : g.relations()) {
      if (!byKey.containsKey(rel.subject()) || (rel.object() != null && !byKey.containsKey(rel.object()))
          || !done.add(rel.factKey())) {
        continue;
      }
      Resource subj = m.createResource(entityIri(rel.subject()));
      // cleaned here, not by cleanLiterals: the literal is also inside the triple term
      RDFNode obj = rel.object() != null ? m.createResource(entityIri(rel.object()))
          : m.createLiteral(SafeText.needsCleaning(rel.value()) ? SafeText.clean(rel.value()) : rel.value());
      Statement fact = m.createStatement(subj, NG.property(rel.predicate()), obj);
      m.add(fact);
      Resource st = m.createResource(articleIri + "/statement/" + sha256(rel.factKey()).substring(0, 16), RDF.Statement);
      m.createReifier(st, fact);
      st.addProperty(NG.inArticle, art)
          .addProperty(NG.extractor, rel.extractor());
      if (rel.evidence() != null) {
        st.addProperty(NG.evidence, m.createResource(sentenceIri(articleIri, rel.evidence().index())));
      }
      if (rel.assertedBy() != null && byKey.containsKey(rel.assertedBy())) {
        st.addProperty(NG.assertedBy, m.createResource(entityIri(rel.assertedBy())));
      }
      if (rel.stage() != null) {
        st.addProperty(NG.stage, rel.stage());
      }
      if (!Double.isNaN(rel.confidence())) {
        st.addLiteral(NG.confidence, m.createTypedLiteral(decimal(rel.confidence()), XSDDatatype.XSDdecimal));
      }
    }
    // an article may tell two events of one type and participants (distinct times or places), but
    // only the first of them takes the story's event IRI: one event resource, one report's evidence
    Set<String> storyIrisTaken = new java.util.HashSet<>();
    for (Event ev : g.events()) {
      List<String[]> roles = new java.util.ArrayList<>();
      for (Argument arg : ev.arguments()) {
        if (byKey.containsKey(arg.entity())) {
          roles.add(new String[] {NG.role(arg.role()).getURI(), entityIri(arg.entity())});
        }
      }
      String known = story == null ? null : story.eventIris().get(eventKey(ev.type(), roles));
      if (known != null && !storyIrisTaken.add(known)) {
        known = null;
      }
      Resource r = m.createResource(known != null ? known : articleIri + "/event/" + ev.id(), NG.Event)
          .addProperty(RDF.type, NG.eventClass(ev.type()))
          .addProperty(NG.eventType, ev.type())
          .addProperty(NG.inArticle, art)
          .addProperty(NG.evidence, m.createResource(sentenceIri(articleIri, ev.evidence().index())))
          .addProperty(NG.extractor, ev.extractor())
          .addLiteral(NG.negated, m.createTypedLiteral(Boolean.toString(ev.negated()), XSDDatatype.XSDboolean))
          .addLiteral(NG.hypothetical, m.createTypedLiteral(Boolean.toString(ev.hypothetical()), XSDDatatype.XSDboolean));
      for (Span t : ev.triggers()) {
        r.addProperty(NG.trigger, t.text());
      }
      if (ev.time() != null) {
        r.addLiteral(NG.eventTime, timeLiteral(m, ev.time()));
      }
      if (ev.assertedBy() != null && byKey.containsKey(ev.assertedBy())) {
        r.addProperty(NG.assertedBy, m.createResource(entityIri(ev.assertedBy())));
      }
      if (ev.stage() != null) {
        r.addProperty(NG.stage, ev.stage());
      }
      for (String[] role : roles) {
        r.addProperty(m.createProperty(role[0]), m.createResource(role[1]));
      }
    }
    cleanLiterals(m);
    return m;
  }

  /**
   * What makes two reports' events one event: the type and the participants, {@code
   * TYPE|ROLE=ENTITY|...} with the (role property IRI, entity IRI) pairs sorted, as an article
   * already keeps one event per type and participants unless their times or places differ (then
   * the first of them is the story's event, {@link #map(ArticleGraph, Story)}).
   *
   * @param type the event type, e.g. {@code Justice.Arrest-Jail}
   * @param roles pairs of role property IRI and entity IRI
   */
  public static String eventKey(String type, List<String[]> roles) {
    List<String> parts = new java.util.ArrayList<>();
    for (String[] r : roles) {
      parts.add(r[0] + "=" + r[1]);
    }
    java.util.Collections.sort(parts);
    return type + "|" + String.join("|", parts);
  }

  /** Properties of an event that are not its roles. */
  private static final Set<String> NOT_ROLES = Set.of(NG.inArticle.getURI(), NG.evidence.getURI(),
      NG.assertedBy.getURI(), RDF.type.getURI());

  /**
   * Whether a statement about an {@code ng:Event} names one of its arguments: an {@code ng:} role
   * property ({@code ng:defendant}, {@code ng:place}, ...) to an IRI, not {@code ng:inArticle},
   * {@code ng:evidence} or {@code ng:assertedBy}.
   */
  public static boolean isRole(Statement st) {
    String p = st.getPredicate().getURI();
    return p.startsWith(NG.NS) && !NOT_ROLES.contains(p) && st.getObject().isURIResource();
  }

  /**
   * The events of one or more articles' RDF by {@link #eventKey}: every {@code ng:Event} with its
   * {@code ng:eventType} and the {@code ng:} properties to IRIs other than {@code ng:inArticle},
   * {@code ng:evidence} and {@code ng:assertedBy}. Of two events with one key, the one with the
   * smaller IRI is kept.
   *
   * @param rdf the RDF (e.g. the union of a story's graphs)
   * @return event key to event IRI
   */
  public static Map<String, String> eventKeys(Model rdf) {
    Map<String, String> keys = new java.util.HashMap<>();
    rdf.listSubjectsWithProperty(RDF.type, NG.Event).forEachRemaining(e -> {
      if (!e.isURIResource() || !e.hasProperty(NG.eventType)) {
        return;
      }
      List<String[]> roles = new java.util.ArrayList<>();
      e.listProperties().forEachRemaining(st -> {
        if (isRole(st)) {
          roles.add(new String[] {st.getPredicate().getURI(), st.getObject().asResource().getURI()});
        }
      });
      String key = eventKey(e.getProperty(NG.eventType).getString(), roles);
      keys.merge(key, e.getURI(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
    });
    return keys;
  }

  /** Unicode NFC with white space collapsed: one spelling for a name typed in NFC or NFD. */
  private static String nfc(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
  }

  /**
   * Version of this mapping, part of the {@code ng:extractorVersion} each article's graph records
   * ({@link #stampVersion}), so that {@code build} maps articles again when the mapping changes:
   * 2 = display names in NFC with capitals in title case, the text's spelling as an alias;
   * near-duplicate articles linked by {@code ng:sameStoryAs}.
   */
  public static final String MAPPING_VERSION = "rdf-map/2";

  /**
   * The {@code ng:extractorVersion} written for an article extracted by {@code extractorVersion}:
   * that version and {@link #MAPPING_VERSION}, e.g. {@code newsgraph-extract/3+rules.abc+rdf-map/2}.
   */
  public static String stampVersion(String extractorVersion) {
    return extractorVersion + "+" + MAPPING_VERSION;
  }

  /** Replaces literals that some format could not carry by their {@link SafeText#clean} form. */
  private static void cleanLiterals(Model m) {
    List<Statement> bad = m.listStatements().filterKeep(st -> st.getObject().isLiteral()
        && SafeText.needsCleaning(st.getObject().asLiteral().getLexicalForm())).toList();
    for (Statement st : bad) {
      Literal l = st.getObject().asLiteral();
      String clean = SafeText.clean(l.getLexicalForm());
      Literal replacement = l.getLanguage().isEmpty()
          ? m.createTypedLiteral(clean, l.getDatatype())
          : m.createLiteral(clean, l.getLanguage());
      m.remove(st);
      m.add(st.getSubject(), st.getPredicate(), replacement);
    }
  }

  /**
   * A confidence as an xsd:decimal lexical form rounded to 3 places, in canonical form (no trailing
   * zeros, at least one digit after the point: {@code 0.87}, {@code 1.0}), so that TDB2, which
   * stores decimals by value, and Neo4j, which holds them as floats, give back the same literal.
   */
  static String decimal(double v) {
    String s = BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    return s.contains(".") ? s : s + ".0";
  }

  /** An ISO time as xsd:gYear, xsd:gYearMonth or xsd:date by its precision. */
  static Literal timeLiteral(Model m, String iso) {
    XSDDatatype type = iso.length() == 4 ? XSDDatatype.XSDgYear : iso.length() == 7 ? XSDDatatype.XSDgYearMonth : XSDDatatype.XSDdate;
    return m.createTypedLiteral(iso, type);
  }

  private static void sentence(Model m, String articleIri, Sentence s) {
    m.createResource(sentenceIri(articleIri, s.index()), NG.Sentence)
        .addProperty(NG.inArticle, m.createResource(articleIri))
        .addLiteral(NG.sentenceIndex, integer(m, s.index()))
        .addLiteral(NG.beginIndex, integer(m, s.span().begin()))
        .addLiteral(NG.endIndex, integer(m, s.span().end()))
        .addProperty(NG.anchorOf, s.span().text());
  }

  private static String sentenceIri(String articleIri, int index) {
    return articleIri + "/sentence/" + index;
  }

  private static Literal integer(Model m, int v) {
    return m.createTypedLiteral(Integer.toString(v), XSDDatatype.XSDinteger);
  }

  /**
   * SHA-256 over the article's title, date and text (hex, lower case): equal hashes mean the
   * extractor saw the same input.
   */
  public static String contentHash(Article a) {
    return sha256(a.title() + "\u0000" + a.date() + "\u0000" + a.text());
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }
}
