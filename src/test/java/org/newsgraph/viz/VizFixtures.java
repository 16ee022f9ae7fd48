package org.newsgraph.viz;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.rdf.NG;

/** RDF for the viz tests, without CoreNLP: the hand-made fixture, the seed's RDF, a synthetic graph. */
final class VizFixtures {
  private VizFixtures() {}

  static final String SMALL = "/viz/small.trig";
  static final String SEED = "/viz/seed.trig";
  /**
   * The RDF of 28 real articles (the benchmark corpus, the seed and the DOJ evaluation articles),
   * extracted on 5 Dec 2026 with the accurate profile; mentions and article texts left out (the
   * network needs neither), gzipped.
   */
  static final String CORPUS = "/viz/corpus28.trig.gz";

  /** A TriG resource in an in-memory transactional dataset. */
  static Dataset load(String resource) {
    Dataset ds = DatasetFactory.createTxnMem();
    try (InputStream raw = VizFixtures.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      InputStream in = resource.endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw;
      RDFDataMgr.read(ds, in, Lang.TRIG);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return ds;
  }

  static ActorNetwork network(String resource, NetworkFilter filter) {
    return NetworkProjection.project(load(resource), filter);
  }

  private static final String[] SYLLABLES = {"ka", "lo", "min", "ter", "sa", "vo", "ri", "den", "ul", "ba", "zen", "or",
      "pe", "tan", "gu", "mar", "chi", "wen", "dal", "is"};
  private static final Resource[] TYPES = {NG.Person, NG.Person, NG.Person, NG.Organization, NG.Organization,
      NG.GeopoliticalEntity, NG.Location};
  private static final String[] RELATIONS = {"employeeOrMemberOf", "founderOf", "leaderOf", "basedIn", "partOf",
      "actsFor", "familyOf"};

  /**
   * A synthetic article graph: {@code actors} actors with made-up two-word names of 8 to 22
   * characters, linked by preferential attachment (each new actor gets one or two relations to
   * earlier ones, each with a statement and a sentence), and {@code actors / 10} events with three
   * arguments each, in one named graph.
   */
  static Dataset synthetic(int actors, long seed) {
    Random random = new Random(seed);
    Model m = ModelFactory.createDefaultModel();
    String base = "https://w3id.org/newsgraph/id/";
    Resource article = m.createResource(base + "article/synthetic", NG.Article)
        .addProperty(NG.headline, "Synthetic article")
        .addLiteral(NG.datePublished, m.createTypedLiteral("2024-01-01", XSDDatatype.XSDdate));
    List<Resource> made = new ArrayList<>();
    List<Resource> attachment = new ArrayList<>();
    int sentences = 0;
    for (int i = 0; i < actors; i++) {
      String name = word(random) + " " + word(random) + (random.nextInt(4) == 0 ? " " + word(random) : "");
      Resource a = m.createResource(base + "actor/" + i, TYPES[random.nextInt(TYPES.length)])
          .addProperty(NG.name, name);
      if (random.nextInt(10) == 0) {
        a.addLiteral(m.createProperty(NG.NS + "isGroup"), true);
      }
      article.addProperty(NG.mentions, a);
      int links = i == 0 ? 0 : 1 + (random.nextInt(3) == 0 ? 1 : 0);
      for (int k = 0; k < links; k++) {
        Resource other = attachment.isEmpty() ? made.get(0) : attachment.get(random.nextInt(attachment.size()));
        if (other.equals(a)) {
          continue;
        }
        var p = m.createProperty(NG.NS + RELATIONS[random.nextInt(RELATIONS.length)]);
        m.add(a, p, other);
        Resource sentence = m.createResource(base + "article/synthetic/sentence/" + sentences++, NG.Sentence)
            .addProperty(NG.anchorOf, name + " and " + other.getProperty(NG.name).getString() + " are related.")
            .addProperty(NG.inArticle, article);
        m.createResource(RDF.Statement).addProperty(RDF.subject, a).addProperty(RDF.predicate, p)
            .addProperty(RDF.object, other).addProperty(NG.evidence, sentence).addProperty(NG.inArticle, article);
        attachment.add(other);
      }
      made.add(a);
      attachment.add(a);
    }
    for (int e = 0; e < actors / 10; e++) {
      Resource event = m.createResource(base + "event/" + e, NG.Event)
          .addProperty(RDF.type, m.createResource(NG.NS + "Meet"))
          .addProperty(m.createProperty(NG.NS + "eventType"), "Contact.Meet")
          .addProperty(m.createProperty(NG.NS + "eventTime"), "2023-0" + (1 + random.nextInt(9)))
          .addProperty(NG.inArticle, article);
      for (int k = 0; k < 3; k++) {
        event.addProperty(m.createProperty(NG.NS + "entity"), made.get(random.nextInt(made.size())));
      }
    }
    Dataset ds = DatasetFactory.createTxnMem();
    ds.addNamedModel(article.getURI(), m);
    return ds;
  }

  private static String word(Random random) {
    StringBuilder b = new StringBuilder();
    int n = 2 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
    return b.toString();
  }
}
