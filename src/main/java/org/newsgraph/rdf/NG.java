package org.newsgraph.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.newsgraph.model.EntityType;
import org.newsgraph.model.Predicate;

/**
 * Terms of the newsgraph ontology ({@code ontology/newsgraph.ttl}), namespace {@value #NS}. Every
 * class and property the mapper emits is one of these, and a test checks that each is declared in
 * the ontology file.
 */
public final class NG {
  private NG() {}

  /** The ontology namespace. */
  public static final String NS = "https://w3id.org/newsgraph/ontology#";
  /** The prefix used for {@link #NS} in written RDF. */
  public static final String PREFIX = "ng";

  public static final Resource Article = cls("Article");
  public static final Resource NamedEntity = cls("NamedEntity");
  public static final Resource Person = cls("Person");
  public static final Resource Organization = cls("Organization");
  public static final Resource Place = cls("Place");
  public static final Resource GeopoliticalEntity = cls("GeopoliticalEntity");
  public static final Resource Location = cls("Location");
  public static final Resource Event = cls("Event");
  public static final Resource Sentence = cls("Sentence");
  public static final Resource Mention = cls("Mention");

  public static final Property articleId = prop("articleId");
  public static final Property headline = prop("headline");
  public static final Property datePublished = prop("datePublished");
  public static final Property url = prop("url");
  public static final Property text = prop("text");
  public static final Property source = prop("source");
  public static final Property contentHash = prop("contentHash");
  public static final Property extractorVersion = prop("extractorVersion");
  public static final Property creditLine = prop("creditLine");
  public static final Property author = prop("author");
  public static final Property photographer = prop("photographer");
  public static final Property mentions = prop("mentions");
  /**
   * {@code ng:sameStoryAs}, from a later report of a story (a near-duplicate body) to the first
   * report of that story in the store; declared symmetric and transitive in the ontology file.
   */
  public static final Property sameStoryAs = prop("sameStoryAs");

  /** When the article's text was fetched from the web or captured in a web archive ({@code xsd:dateTime}). */
  public static final Property retrievedAt = prop("retrievedAt");

  /** The PROV-O namespace. */
  public static final String PROV = "http://www.w3.org/ns/prov#";
  /**
   * {@code prov:wasDerivedFrom}, from an article to the web resource its text was read from (the
   * final URL of a fetch, a WARC record's target URI); declared in the ontology file with that use.
   */
  public static final Property wasDerivedFrom = ResourceFactory.createProperty(PROV + "wasDerivedFrom");

  public static final Property name = prop("name");
  public static final Property alias = prop("alias");
  public static final Property mergeReason = prop("mergeReason");

  public static final Property inArticle = prop("inArticle");
  public static final Property inSentence = prop("inSentence");
  public static final Property mentionOf = prop("mentionOf");
  public static final Property beginIndex = prop("beginIndex");
  public static final Property endIndex = prop("endIndex");
  public static final Property anchorOf = prop("anchorOf");
  public static final Property sentenceIndex = prop("sentenceIndex");
  public static final Property nerTag = prop("nerTag");
  public static final Property evidence = prop("evidence");
  public static final Property extractor = prop("extractor");
  public static final Property confidence = prop("confidence");

  public static final Property employeeOrMemberOf = property(Predicate.EMPLOYEE_OR_MEMBER_OF);
  public static final Property founderOf = property(Predicate.FOUNDER_OF);
  public static final Property leaderOf = property(Predicate.LEADER_OF);
  public static final Property title = property(Predicate.TITLE);
  public static final Property chargedWith = property(Predicate.CHARGED_WITH);
  public static final Property residesIn = property(Predicate.RESIDES_IN);
  public static final Property nationality = property(Predicate.NATIONALITY);
  public static final Property basedIn = property(Predicate.BASED_IN);
  public static final Property partOf = property(Predicate.PART_OF);
  public static final Property actsFor = property(Predicate.ACTS_FOR);
  public static final Property familyOf = property(Predicate.FAMILY_OF);
  public static final Property locatedIn = property(Predicate.LOCATED_IN);

  public static final Property isGroup = prop("isGroup");
  public static final Property quantity = prop("quantity");
  public static final Property assertedBy = prop("assertedBy");
  public static final Property stage = prop("stage");
  public static final Property eventType = prop("eventType");
  public static final Property trigger = prop("trigger");
  public static final Property eventTime = prop("eventTime");
  public static final Property negated = prop("negated");
  public static final Property hypothetical = prop("hypothetical");
  public static final Property hasArgument = prop("hasArgument");
  public static final Property cameoCode = prop("cameoCode");

  /**
   * The class of an event type: the subtype without its prefix and hyphens, e.g. {@code
   * Justice.Charge-Indict} to {@code ng:ChargeIndict}; {@code Justice.Sentence} is {@code
   * ng:SentenceEvent}, since {@code ng:Sentence} is a sentence of text.
   */
  public static Resource eventClass(String eventType) {
    String sub = eventType.substring(eventType.indexOf('.') + 1).replace("-", "");
    return cls(sub.equals("Sentence") ? "SentenceEvent" : sub);
  }

  /** The property of an ACE argument role, e.g. {@code Defendant} to {@code ng:defendant}. */
  public static Property role(String role) {
    return prop(Character.toLowerCase(role.charAt(0)) + role.substring(1));
  }

  /** The class of an entity type: Person, Organization, GeopoliticalEntity or Location. */
  public static Resource classOf(EntityType type) {
    switch (type) {
      case PERSON:
        return Person;
      case ORGANIZATION:
        return Organization;
      case GPE:
        return GeopoliticalEntity;
      default:
        return Location;
    }
  }

  /** The property of a relation predicate, e.g. {@code ng:employeeOrMemberOf}. */
  public static Property property(Predicate p) {
    return prop(p.localName());
  }

  private static Resource cls(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property prop(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
