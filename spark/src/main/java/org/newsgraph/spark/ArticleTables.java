package org.newsgraph.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.RdfMapper;

/**
 * The entities, relations and events of one article's RDF (the model {@code RdfMapper} made) as
 * rows for the Parquet tables, each with its provenance: the article, the extractor, the stage,
 * the evidence sentence's text and its UTF-16 offsets into the article text. Read from the RDF, so
 * the tables name the same IRIs as the N-Quads.
 */
public final class ArticleTables {
  private ArticleTables() {}

  /** An entity or group actor the article mentions. */
  public static final StructType ENTITY = new StructType()
      .add("entity", DataTypes.StringType)
      .add("type", DataTypes.StringType)
      .add("name", DataTypes.StringType)
      .add("aliases", DataTypes.createArrayType(DataTypes.StringType))
      .add("isGroup", DataTypes.BooleanType)
      .add("mentions", DataTypes.IntegerType);

  /** A reified relation: subject, predicate, object (an entity IRI, or a literal value). */
  public static final StructType RELATION = new StructType()
      .add("statement", DataTypes.StringType)
      .add("subject", DataTypes.StringType)
      .add("predicate", DataTypes.StringType)
      .add("object", DataTypes.StringType)
      .add("value", DataTypes.StringType)
      .add("extractor", DataTypes.StringType)
      .add("stage", DataTypes.StringType)
      .add("confidence", DataTypes.DoubleType)
      .add("assertedBy", DataTypes.StringType)
      .add("evidenceText", DataTypes.StringType)
      .add("evidenceBegin", DataTypes.IntegerType)
      .add("evidenceEnd", DataTypes.IntegerType);

  private static final StructType ARGUMENT = new StructType()
      .add("role", DataTypes.StringType)
      .add("entity", DataTypes.StringType);

  /** An event with its triggers, time, polarity and arguments. */
  public static final StructType EVENT = new StructType()
      .add("event", DataTypes.StringType)
      .add("eventType", DataTypes.StringType)
      .add("triggers", DataTypes.createArrayType(DataTypes.StringType))
      .add("eventTime", DataTypes.StringType)
      .add("negated", DataTypes.BooleanType)
      .add("hypothetical", DataTypes.BooleanType)
      .add("arguments", DataTypes.createArrayType(ARGUMENT))
      .add("extractor", DataTypes.StringType)
      .add("stage", DataTypes.StringType)
      .add("assertedBy", DataTypes.StringType)
      .add("evidenceText", DataTypes.StringType)
      .add("evidenceBegin", DataTypes.IntegerType)
      .add("evidenceEnd", DataTypes.IntegerType);

  /** The entities {@code article} mentions ({@code ng:mentions}), in IRI order. */
  public static List<Row> entities(Model m, Resource article) {
    List<Row> rows = new ArrayList<>();
    for (RDFNode n : new TreeSet<>(m.listObjectsOfProperty(article, NG.mentions).mapWith(RDFNode::toString).toList())
        .stream().map(m::createResource).toList()) {
      Resource e = n.asResource();
      String type = null;
      for (Statement t : e.listProperties(RDF.type).toList()) {
        type = t.getObject().asResource().getLocalName();
      }
      List<String> aliases = new TreeSet<>(e.listProperties(NG.alias).mapWith(s -> s.getString()).toList())
          .stream().toList();
      Statement group = e.getProperty(NG.isGroup);
      rows.add(RowFactory.create(e.getURI(), type, string(e, NG.name), aliases.toArray(new String[0]),
          group != null && group.getBoolean(), m.listSubjectsWithProperty(NG.mentionOf, e).toList().size()));
    }
    return rows;
  }

  /** The reified relations ({@code st rdf:reifies <<( s p o )>>}), in statement IRI order. */
  public static List<Row> relations(Model m) {
    List<Row> rows = new ArrayList<>();
    List<Statement> reifiers = m.listStatements(null, RDF.reifies, (RDFNode) null).toList();
    reifiers.sort(java.util.Comparator.comparing(s -> s.getSubject().toString()));
    for (Statement r : reifiers) {
      Resource st = r.getSubject();
      org.apache.jena.graph.Triple t = r.getObject().asNode().getTriple();
      Resource evidence = resource(st, NG.evidence);
      Statement confidence = st.getProperty(NG.confidence);
      rows.add(RowFactory.create(st.getURI(), t.getSubject().getURI(), t.getPredicate().getURI(),
          t.getObject().isURI() ? t.getObject().getURI() : null,
          t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : null,
          string(st, NG.extractor), string(st, NG.stage),
          confidence == null ? null : confidence.getDouble(), iri(resource(st, NG.assertedBy)),
          evidence == null ? null : string(evidence, NG.anchorOf), integer(evidence, NG.beginIndex),
          integer(evidence, NG.endIndex)));
    }
    return rows;
  }

  /** The events ({@code a ng:Event}), in IRI order, with their arguments in role and entity order. */
  public static List<Row> events(Model m) {
    List<Row> rows = new ArrayList<>();
    List<Resource> events = m.listSubjectsWithProperty(RDF.type, NG.Event).toList();
    events.sort(java.util.Comparator.comparing(Resource::getURI));
    for (Resource ev : events) {
      List<Row> arguments = new ArrayList<>();
      List<Statement> props = ev.listProperties().toList();
      props.sort(java.util.Comparator.comparing((Statement s) -> s.getPredicate().getURI())
          .thenComparing(s -> s.getObject().toString()));
      for (Statement s : props) {
        if (RdfMapper.isRole(s)) {
          arguments.add(RowFactory.create(s.getPredicate().getLocalName(), s.getResource().getURI()));
        }
      }
      Resource evidence = resource(ev, NG.evidence);
      List<String> triggers = new TreeSet<>(ev.listProperties(NG.trigger).mapWith(Statement::getString).toList())
          .stream().toList();
      Statement time = ev.getProperty(NG.eventTime);
      rows.add(RowFactory.create(ev.getURI(), string(ev, NG.eventType), triggers.toArray(new String[0]),
          time == null ? null : time.getLiteral().getLexicalForm(), bool(ev, NG.negated), bool(ev, NG.hypothetical),
          arguments.toArray(new Row[0]), string(ev, NG.extractor), string(ev, NG.stage),
          iri(resource(ev, NG.assertedBy)), evidence == null ? null : string(evidence, NG.anchorOf),
          integer(evidence, NG.beginIndex), integer(evidence, NG.endIndex)));
    }
    return rows;
  }

  private static String string(Resource r, Property p) {
    Statement s = r.getProperty(p);
    return s == null ? null : s.getObject().isLiteral() ? s.getString() : s.getObject().toString();
  }

  private static Resource resource(Resource r, Property p) {
    Statement s = r.getProperty(p);
    return s == null || !s.getObject().isResource() ? null : s.getResource();
  }

  private static String iri(Resource r) {
    return r == null ? null : r.getURI();
  }

  private static Integer integer(Resource r, Property p) {
    if (r == null) {
      return null;
    }
    Statement s = r.getProperty(p);
    return s == null ? null : s.getInt();
  }

  private static Boolean bool(Resource r, Property p) {
    Statement s = r.getProperty(p);
    if (s == null) {
      return null;
    }
    Literal l = s.getLiteral();
    return Boolean.parseBoolean(l.getLexicalForm());
  }
}
