package org.newsgraph.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.newsgraph.TabularResult;
import org.newsgraph.dedup.BodySketch;
import org.newsgraph.model.Article;
import org.newsgraph.rdf.NG;
import org.newsgraph.rdf.RdfMapper;
import org.newsgraph.rdf.RdfStore;

/**
 * For {@code build} ({@link StreamingBuild}): which articles read repeat one that is stored or read earlier in the same
 * run, so that each story is counted once.
 *
 * <ul>
 *   <li>An exact copy (the same {@link RdfMapper#contentHash} as an article stored or read earlier
 *       under another id) is not extracted: {@link #duplicateOf} names the article it copies, whose
 *       {@code ng:source} the copy becomes.
 *   <li>A near-duplicate ({@link BodySketch#sameStory}: most word shingles of the shorter body in
 *       the other one) is extracted and linked to the first article of the story with {@code
 *       ng:sameStoryAs} ({@link #storyOf}); its events that the story already tells (same type and
 *       participants) take the story's event IRIs ({@link #story}).
 * </ul>
 *
 * <p>Articles are looked at in input order; of several candidates the one with the highest overlap
 * is taken (then the smaller IRI), and its story's first article is the one linked to. The stored
 * articles' content hashes are read once, when the first article is looked at; their bodies ({@code
 * ng:text}) only when some article is to be extracted (every stored text is read and sketched then;
 * docs/performance.md gives the time it takes). Not thread-safe.
 */
public final class StoryFinder {
  private static final String PREFIX = "PREFIX ng: <" + NG.NS + ">\n";

  /** A stored or earlier article: its IRI, content hash, sketch and story's first article. */
  private record Known(String iri, String hash, BodySketch sketch, String root) {}

  private final RdfStore store;
  private final RdfMapper mapper;
  private Map<String, Known> stored;
  /** The stored articles by content hash, each list in the order of {@link #stored} (by IRI). */
  private final Map<String, List<String>> storedByHash = new HashMap<>();
  private boolean sketched;
  /** In this run: content hash to the article that holds it. */
  private final Map<String, String> canonicalByHash = new HashMap<>();
  /** In this run: stored articles found to be copies of another (their graphs will be replaced). */
  private final Set<String> turnedCopies = new HashSet<>();
  /** In this run: articles read (and not copies), in input order. */
  private final List<Known> earlier = new ArrayList<>();
  private final Set<String> earlierIris = new HashSet<>();
  /**
   * In this run: the event keys ({@link RdfMapper#eventKeys}) of each story's reports mapped and not
   * yet stored, by the story's first article, then by the report's IRI. Once the reports are in the
   * store ({@link #stored}), {@link #story} finds their events there.
   */
  private final Map<String, Map<String, Map<String, String>>> mapped = new HashMap<>();
  /** The story of each article in {@link #mapped}. */
  private final Map<String, String> rootOfMapped = new HashMap<>();

  /**
   * @param store the RDF store the articles go to
   * @param mapper the mapper that mints the article IRIs
   */
  public StoryFinder(RdfStore store, RdfMapper mapper) {
    this.store = store;
    this.mapper = mapper;
  }

  /** The stored articles with their content hashes and stories (sketches not yet made). */
  private Map<String, Known> stored() {
    if (stored == null) {
      stored = new LinkedHashMap<>();
      TabularResult r = store.select(PREFIX + "SELECT ?a ?h ?root WHERE { ?a a ng:Article ; ng:contentHash ?h"
          + " OPTIONAL { ?a ng:sameStoryAs ?root } } ORDER BY ?a", 0);
      for (List<Object> row : r.rows()) {
        String iri = String.valueOf(row.get(0));
        if (stored.putIfAbsent(iri, new Known(iri, String.valueOf(row.get(1)), null,
            row.get(2) == null ? iri : String.valueOf(row.get(2)))) == null) {
          storedByHash.computeIfAbsent(String.valueOf(row.get(1)), h -> new ArrayList<>(1)).add(iri);
        }
      }
    }
    return stored;
  }

  /** The stored articles with the sketches of their bodies, read once (only a build with articles to extract needs them). */
  private Map<String, Known> storedSketches() {
    Map<String, Known> all = stored();
    if (!sketched) {
      sketched = true;
      // one text at a time: a large store's texts together would not fit the heap
      store.selectEach(PREFIX + "SELECT ?a ?t WHERE { ?a a ng:Article ; ng:contentHash ?h ; ng:text ?t }", 0,
          row -> all.computeIfPresent(String.valueOf(row.get(0)),
              (iri, k) -> new Known(iri, k.hash(), BodySketch.of(String.valueOf(row.get(1))), k.root())));
    }
    return all;
  }

  /**
   * The article {@code a} copies, when another one (stored, or read earlier in this run and not
   * itself a copy) has its content hash; {@code null} otherwise, and {@code a} then holds its
   * content for the articles after it.
   *
   * @return the IRI of the article copied, or {@code null}
   */
  String duplicateOf(Article a) {
    String iri = mapper.articleIri(a.id());
    String hash = RdfMapper.contentHash(a);
    String inRun = canonicalByHash.get(hash);
    if (inRun != null && !inRun.equals(iri)) {
      return copy(iri, inRun);
    }
    if (inRun == null) {
      String storedCopy = null;
      stored(); // reads the stored articles and their hash index once
      for (String k : storedByHash.getOrDefault(hash, List.of())) {
        if (!k.equals(iri) && !turnedCopies.contains(k)) {
          storedCopy = k; // the first by IRI
          break;
        }
      }
      if (storedCopy != null) {
        return copy(iri, storedCopy);
      }
      canonicalByHash.put(hash, iri);
    }
    return null;
  }

  private String copy(String iri, String of) {
    if (stored().containsKey(iri)) {
      turnedCopies.add(iri);
    }
    return of;
  }

  /** A near-duplicate's match: the story's first article and the overlap with the closest report. */
  /**
   * A near-duplicate's match.
   *
   * @param root the IRI of the story's first article
   * @param closest the IRI of the report it overlaps most
   * @param overlap that overlap, 0-1 ({@link BodySketch#overlap})
   */
  public record Match(String root, String closest, double overlap) {}

  /**
   * The story {@code a} reports again, if its body is a near-duplicate ({@link
   * BodySketch#sameStory}) of a stored article or of one read earlier in this run; in any case
   * {@code a} becomes a candidate for the articles after it. Call in input order, after {@link
   * #duplicateOf} said {@code a} is no copy.
   *
   * @return the match, or {@code null} when {@code a} starts a story
   */
  Match storyOf(Article a) {
    String iri = mapper.articleIri(a.id());
    BodySketch sketch = BodySketch.of(a.text());
    Known best = null;
    double bestOverlap = 0;
    List<Known> candidates = new ArrayList<>();
    for (Known k : storedSketches().values()) {
      if (k.sketch() != null && !turnedCopies.contains(k.iri()) && !earlierIris.contains(k.iri())) {
        candidates.add(k);
      }
    }
    candidates.addAll(earlier);
    for (Known k : candidates) {
      if (k.iri().equals(iri) || k.root().equals(iri) || !sketch.sameStory(k.sketch())) {
        continue; // itself, or a later report of its own story
      }
      double o = sketch.overlap(k.sketch());
      if (best == null || o > bestOverlap || (o == bestOverlap && k.iri().compareTo(best.iri()) < 0)) {
        best = k;
        bestOverlap = o;
      }
    }
    String root = best == null ? iri : best.root();
    if (earlierIris.add(iri)) {
      earlier.add(new Known(iri, RdfMapper.contentHash(a), sketch, root));
    }
    return best == null ? null : new Match(best.root(), best.iri(), bestOverlap);
  }

  /**
   * The story for mapping the near-duplicate {@code articleIri}: its first article and the event
   * IRIs the story's other reports (stored, or mapped earlier in this run) use, by {@link
   * RdfMapper#eventKey}.
   */
  RdfMapper.Story story(String root, String articleIri) {
    Model events = ModelFactory.createDefaultModel();
    TabularResult r = store.select(PREFIX + "SELECT ?e ?type ?p ?x WHERE {"
        + " { ?e ng:inArticle <" + root + "> } UNION { ?m ng:sameStoryAs <" + root + "> . ?e ng:inArticle ?m"
        + " FILTER(?m != <" + articleIri + ">) }"
        + " ?e a ng:Event ; ng:eventType ?type ; ?p ?x . FILTER(isIRI(?x)) }", 0);
    for (List<Object> row : r.rows()) {
      Resource e = events.createResource(String.valueOf(row.get(0)), NG.Event);
      e.addProperty(NG.eventType, String.valueOf(row.get(1)));
      e.addProperty(events.createProperty(String.valueOf(row.get(2))), events.createResource(String.valueOf(row.get(3))));
    }
    Map<String, String> keys = new TreeMap<>(RdfMapper.eventKeys(events));
    for (Map<String, String> m : mapped.getOrDefault(root, Map.of()).values()) {
      m.forEach((k, v) -> keys.merge(k, v, (x, y) -> x.compareTo(y) <= 0 ? x : y));
    }
    return new RdfMapper.Story(root, keys);
  }

  /**
   * Records the RDF of an article mapped in this run, for the later reports of its story (its event
   * keys only, not the model).
   *
   * @param root the story's first article
   * @param articleIri the article's IRI
   * @param rdf its named graph
   */
  void mapped(String root, String articleIri, Model rdf) {
    Model events = ModelFactory.createDefaultModel();
    rdf.listSubjectsWithProperty(RDF.type, NG.Event).forEachRemaining(e -> events.add(e.listProperties()));
    mapped.computeIfAbsent(root, k -> new HashMap<>()).put(articleIri, new HashMap<>(RdfMapper.eventKeys(events)));
    rootOfMapped.put(articleIri, root);
  }

  /**
   * Forgets what {@link #mapped} recorded of these articles: they are in the store now, where
   * {@link #story} finds their events (so memory does not grow with the articles built).
   */
  void stored(java.util.Collection<String> articleIris) {
    for (String iri : articleIris) {
      String root = rootOfMapped.remove(iri);
      if (root != null) {
        Map<String, Map<String, String>> reports = mapped.get(root);
        reports.remove(iri);
        if (reports.isEmpty()) {
          mapped.remove(root);
        }
      }
    }
  }
}
