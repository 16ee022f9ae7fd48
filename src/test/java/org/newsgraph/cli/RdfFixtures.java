package org.newsgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.neo4j.RdfGraphLoader;
import org.newsgraph.rdf.TdbStore;

/**
 * The RDF files of {@code src/test/resources/load} and what loading them must give, computed with
 * plain Jena (not with newsgraph's reader or loader): triples, resources and relationships.
 */
final class RdfFixtures {
  private RdfFixtures() {}

  static Path resource(String name) {
    return Path.of("src/test/resources/load", name).toAbsolutePath();
  }

  /** {@code people.rdf} gzipped into {@code dir}. */
  static Path gzipped(Path dir, String name) throws IOException {
    Path gz = dir.resolve(name + ".gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      o.write(Files.readAllBytes(resource(name)));
    }
    return gz;
  }

  /** The files parsed by Jena, each into its own dataset. */
  static List<Dataset> parse(String... names) {
    List<Dataset> all = new ArrayList<>();
    for (String n : names) {
      Dataset ds = DatasetFactory.create();
      RDFDataMgr.read(ds, resource(n).toString());
      all.add(ds);
    }
    return all;
  }

  /** The union of every graph of the datasets. */
  static Graph union(List<Dataset> datasets) {
    Graph g = GraphFactory.createDefaultGraph();
    for (Dataset ds : datasets) {
      ds.asDatasetGraph().find().forEachRemaining(q -> g.add(q.asTriple()));
    }
    return g;
  }

  static long triples(List<Dataset> datasets) {
    long n = 0;
    for (Dataset ds : datasets) {
      n += ds.asDatasetGraph().stream().count();
    }
    return n;
  }

  /** The Neo4j {@code :Resource} nodes the union makes: subjects and non-{@code rdf:type} objects that are not literals. */
  static long resources(Graph union) {
    return TdbStore.resources(union).size();
  }

  /** The Neo4j relationships the union makes: one per (subject, relationship type, object). */
  static long relationships(Graph union) {
    Set<List<String>> rels = new HashSet<>();
    for (Iterator<org.apache.jena.graph.Triple> it = union.find(); it.hasNext(); ) {
      org.apache.jena.graph.Triple t = it.next();
      Node o = t.getObject();
      if ((o.isURI() || o.isBlank()) && !t.getPredicate().equals(RDF.type.asNode())) {
        rels.add(List.of(t.getSubject().toString(), RdfGraphLoader.relationshipType(t.getPredicate().getURI()),
            o.toString()));
      }
    }
    return rels.size();
  }
}
