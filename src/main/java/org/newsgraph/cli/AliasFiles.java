package org.newsgraph.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.newsgraph.model.AliasTable;
import org.newsgraph.model.Names;
import org.newsgraph.rdf.NG;

/**
 * Reads a user alias file for {@code --aliases}:
 *
 * <ul>
 *   <li>CSV ({@code .csv}): one entity per row, the canonical name first, then its aliases
 *       ({@code Robert Smith,Bob Smith,R. Smith}); lines starting with '#' are comments;
 *   <li>RDF in any syntax Jena reads (Turtle, ...): a resource's {@code skos:prefLabel}, {@code
 *       ng:name} or {@code rdfs:label} is the canonical name and its {@code skos:altLabel} or
 *       {@code ng:alias} values are aliases; {@code owl:sameAs} joins two resources, the subject's
 *       name being canonical.
 * </ul>
 */
final class AliasFiles {
  private AliasFiles() {}

  /**
   * Loads the file.
   *
   * @throws IllegalArgumentException when the file cannot be read or parsed, naming the problem
   */
  static AliasTable load(Path file) {
    try {
      Map<String, String> map = new LinkedHashMap<>();
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (CSVRecord rec : CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true)
              .setTrim(true).build().parse(r)) {
            List<String> names = new ArrayList<>();
            rec.forEach(v -> {
              if (!v.isBlank()) {
                names.add(v);
              }
            });
            if (!names.isEmpty()) {
              for (String n : names) {
                map.putIfAbsent(Names.normalise(n), names.get(0));
              }
            }
          }
        }
      } else {
        // read as 'newsgraph load' reads (no external XML entities, no remote JSON-LD contexts)
        Model m = org.newsgraph.rdf.RdfInput.readModel(file, org.newsgraph.rdf.RdfInput.langOf(file, null));
        for (Resource s : m.listSubjects().toList()) {
          String canonical = label(s);
          if (canonical == null) {
            continue;
          }
          map.putIfAbsent(Names.normalise(canonical), canonical);
          for (Statement st : s.listProperties().toList()) {
            RDFNode o = st.getObject();
            if ((st.getPredicate().equals(SKOS.altLabel) || st.getPredicate().equals(NG.alias)) && o.isLiteral()) {
              map.putIfAbsent(Names.normalise(o.asLiteral().getString()), canonical);
            }
          }
        }
        for (Statement st : m.listStatements(null, OWL.sameAs, (RDFNode) null).toList()) {
          String canonical = label(st.getSubject());
          String other = st.getObject().isResource() ? label(st.getObject().asResource()) : null;
          if (canonical != null && other != null) {
            map.replaceAll((alias, c) -> c.equals(other) ? canonical : c);
            map.put(Names.normalise(other), canonical);
          }
        }
      }
      map.remove("");
      return new AliasTable(map);
    } catch (IOException | RiotException | IllegalStateException | IllegalArgumentException
        | org.newsgraph.rdf.RdfInput.RdfInputException e) {
      throw new IllegalArgumentException("cannot read the alias file " + file + ": " + e.getMessage()
          + " (give a .csv with the canonical name first on each row, or Turtle with skos:prefLabel/skos:altLabel)", e);
    }
  }

  private static String label(Resource r) {
    for (org.apache.jena.rdf.model.Property p : List.of(SKOS.prefLabel, NG.name, RDFS.label)) {
      Statement st = r.getProperty(p);
      if (st != null && st.getObject().isLiteral()) {
        return st.getString();
      }
    }
    return null;
  }
}
