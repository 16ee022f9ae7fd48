package org.newsgraph.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.newsgraph.model.Article;
import org.newsgraph.model.Article.Credit;

/**
 * Parses a web page with jsoup. Metadata comes from the head (Open Graph, {@code article:*},
 * {@code name=author|date|pubdate}, {@code rel=canonical}), from JSON-LD ({@code datePublished} of a
 * schema.org {@code NewsArticle} or other article) and from microdata ({@code
 * itemprop=author|datePublished}); the publication date is the first of {@code
 * article:published_time}, JSON-LD, {@code name=date|pubdate}, microdata and {@code <time
 * datetime>}; the body text comes from the {@code <article>} element (the
 * longest one if there are several), else {@code <main>}, else {@code <body>}, without navigation,
 * scripts, headers, footers, asides and figures, without lists of links to other stories ("Related
 * coverage" and the like) and without byline paragraphs ("By Jane Doe and John Roe", whose names
 * are added to the authors). Credits are read from figure captions.
 */
final class HtmlArticleParser {
  private HtmlArticleParser() {}

  private static final String DROPPED =
      "script, style, nav, header, footer, aside, figure, figcaption, noscript, template, svg, iframe, form, button";
  private static final String PARAGRAPHS = "p, h2, h3, h4, h5, h6, li, blockquote";

  /**
   * Parses one page.
   *
   * @param html the page source
   * @param id the article id to use
   * @param source the source to record
   * @param defaultDate the date to use when the page gives none; may be {@code null}
   * @return the article; its text is the paragraphs of the main content joined with a blank line
   * @throws BadInputException if the page has no body text
   */
  static Article parse(String html, String id, String source, LocalDate defaultDate)
      throws BadInputException {
    return parse(html, id, source, defaultDate, w -> { });
  }

  /**
   * A heading or lead-in that introduces links to other stories rather than text of this one
   * ("Related coverage", "Related stories:", "Read more", "More on this story", "See also").
   */
  private static final java.util.regex.Pattern RELATED = java.util.regex.Pattern.compile(
      "(?i)(related|related (coverage|stories|articles|content|news|links|reading|topics)|read (more|also|next)"
          + "|more (on this( story)?|coverage|stories|from [\\p{L} ]{1,30})|see also|also read|recommended( reading)?"
          + "|you (may|might) also like)\\s*:?");

  /**
   * As {@link #parse(String, String, String, LocalDate)}, telling {@code warnings} when the page
   * gives a date that cannot be read (the article is then read with {@code defaultDate}, or
   * without a date).
   */
  static Article parse(String html, String id, String source, LocalDate defaultDate,
      java.util.function.Consumer<ReadProblem> warnings) throws BadInputException {
    Document doc = Jsoup.parse(TextDecoding.normalise(html));
    Element root = mainContent(doc);
    List<Credit> credits = new ArrayList<>();
    for (Element caption : root.select("figcaption, [class*=caption], [class*=credit]")) {
      Credit credit = Credits.atEndOf(caption.text());
      if (credit != null && credits.stream().noneMatch(c -> c.line().equals(credit.line()))) {
        credits.add(credit);
      }
    }
    Element content = root.clone();
    content.select(DROPPED).remove();
    removeRelatedLinks(content);
    List<String> bylineAuthors = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    for (Element el : content.select(PARAGRAPHS + ", [class~=(?i)byline|author]")) {
      if (el.select(PARAGRAPHS).size() > 1) {
        continue;
      }
      String text = el.text().strip();
      // a byline paragraph ("By Jane Doe and John Roe") gives authors, not body text
      PersonNames.Byline byline = text.length() <= 200 ? PersonNames.byline(text) : null;
      if (byline != null) {
        TextArticleParser.addNames(bylineAuthors, byline.names());
        el.remove();
        continue;
      }
      if (!text.isEmpty() && !el.is("[class~=(?i)byline|author]")) {
        paragraphs.add(text);
      }
    }
    if (paragraphs.isEmpty() && !content.text().isBlank()) {
      paragraphs.add(content.text().strip());
    }
    if (paragraphs.isEmpty()) {
      throw new BadInputException(
          "the page has no body text (no paragraphs in <article>, <main> or <body>); save the full article page, not only its head or a script-rendered shell");
    }
    LocalDate date = date(doc);
    if (date == null) {
      String unread = unreadDate(doc);
      if (unread != null) {
        warnings.accept(new ReadProblem(source, "the page's date \"" + unread + "\" cannot be read as a date; built "
            + (defaultDate == null ? "without a publication date" : "with --date " + defaultDate)));
      }
    }
    List<String> authors = authors(doc);
    TextArticleParser.addNames(authors, bylineAuthors);
    return new Article(
        id,
        title(doc),
        String.join("\n\n", paragraphs),
        date != null ? date : defaultDate,
        url(doc),
        authors,
        credits,
        source);
  }

  /**
   * Takes out lists of links to other stories: elements whose class or id names them ({@code
   * related}, {@code read-more}, {@code more-stories}), and a heading or short paragraph such as
   * "Related coverage" together with the list or links that follow it.
   */
  private static void removeRelatedLinks(Element content) {
    content.select("[class~=(?i)related|read-?more|more-?stories|recommended], [id~=(?i)related|read-?more|more-?stories]")
        .remove();
    for (Element intro : content.select("h1, h2, h3, h4, h5, h6, p, strong, b, em, span, div, li")) {
      String own = intro.ownText().strip();
      if (intro.parent() == null || !RELATED.matcher(own).matches()) {
        continue;
      }
      boolean introOnly = intro.text().strip().equals(own);
      if (!introOnly && !linksOnly(intro, own.replaceAll("[\\s\u2022|\u00b7-]+", "").length())) {
        continue; // "Related" in a sentence of the story
      }
      // the block the intro stands for: "<p><strong>Related:</strong></p>" is the paragraph
      Element block = intro;
      while (block.parent() != null && !block.parent().is("article, main, body")
          && block.parent().text().strip().equals(block.text().strip())) {
        block = block.parent();
      }
      if (introOnly) {
        Element next = block.nextElementSibling();
        while (next != null && (next.is("ul, ol") || linksOnly(next, 0))) {
          Element after = next.nextElementSibling();
          next.remove();
          next = after;
        }
      }
      block.remove();
    }
  }

  /**
   * Whether an element holds nothing but links besides {@code introChars} characters of lead-in (a
   * paragraph or list item of headlines, "Related: <a>...</a>").
   */
  private static boolean linksOnly(Element el, int introChars) {
    Elements links = el.select("a");
    if (links.isEmpty()) {
      return false;
    }
    int linked = 0;
    for (Element a : links) {
      linked += a.text().replaceAll("[\\s\u2022|\u00b7-]+", "").length();
    }
    int rest = el.text().replaceAll("[\\s\u2022|\u00b7-]+", "").length() - introChars;
    return linked >= rest * 0.9;
  }

  /** The value of a date meta tag or element that {@link #date} could not read, or {@code null}. */
  private static String unreadDate(Document doc) {
    for (Element el : doc.select("meta[property=article:published_time], meta[name=date], meta[name=pubdate],"
        + " [itemprop=datePublished]")) {
      String value = el.hasAttr("content") ? el.attr("content") : el.hasAttr("datetime") ? el.attr("datetime") : el.text();
      if (!value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static Element mainContent(Document doc) {
    Elements articles = doc.select("article");
    if (!articles.isEmpty()) {
      Element best = articles.first();
      for (Element a : articles) {
        if (a.text().length() > best.text().length()) {
          best = a;
        }
      }
      return best;
    }
    Element main = doc.selectFirst("main");
    return main != null ? main : doc.body();
  }

  private static String title(Document doc) {
    String og = meta(doc, "meta[property=og:title]");
    if (og != null) {
      return og;
    }
    String title = doc.title().strip();
    if (!title.isEmpty()) {
      String site = meta(doc, "meta[property=og:site_name]");
      if (site != null) {
        for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
          if (title.endsWith(sep + site)) {
            return title.substring(0, title.length() - sep.length() - site.length()).strip();
          }
        }
      }
      return title;
    }
    Element h1 = doc.selectFirst("h1");
    return h1 != null ? h1.text().strip() : "";
  }

  private static List<String> authors(Document doc) {
    List<String> authors = new ArrayList<>();
    for (Element el : doc.select("meta[name=author], meta[property=article:author]")) {
      addAuthors(authors, el.attr("content"));
    }
    for (Element el : doc.select("a[rel]")) {
      if (List.of(el.attr("rel").strip().split("\\s+")).contains("author")) {
        addAuthors(authors, el.text());
      }
    }
    for (Element el : doc.select("[itemprop=author]")) {
      Element name = el.selectFirst("[itemprop=name]");
      Element holder = name != null ? name : el;
      addAuthors(authors, holder.hasAttr("content") ? holder.attr("content") : holder.text());
    }
    return authors;
  }

  private static void addAuthors(List<String> into, String value) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty() || v.matches("(?i)https?://.*")) {
      return;
    }
    TextArticleParser.addNames(into, PersonNames.splitNameList(v));
  }

  private static LocalDate date(Document doc) {
    LocalDate published = firstDate(doc, "meta[property=article:published_time]");
    if (published != null) {
      return published;
    }
    LocalDate jsonLd = jsonLdDate(doc);
    if (jsonLd != null) {
      return jsonLd;
    }
    String[] queries = {
      "meta[name=date]",
      "meta[name=pubdate]",
      "[itemprop=datePublished]",
      "time[datetime]"
    };
    for (String query : queries) {
      LocalDate date = firstDate(doc, query);
      if (date != null) {
        return date;
      }
    }
    return null;
  }

  private static LocalDate firstDate(Document doc, String query) {
    for (Element el : doc.select(query)) {
      String value =
          el.hasAttr("content") ? el.attr("content") : el.hasAttr("datetime") ? el.attr("datetime") : el.text();
      LocalDate date = Dates.parse(value);
      if (date != null) {
        return date;
      }
    }
    return null;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * {@code datePublished} of the first schema.org article object ({@code NewsArticle}, {@code
   * Article}, {@code ReportageNewsArticle}, {@code BlogPosting}, ... : a type ending in {@code
   * Article} or {@code BlogPosting}) in the page's JSON-LD scripts, also inside {@code @graph},
   * arrays and nested objects; {@code null} if none. A script that is not valid JSON is passed over.
   */
  static LocalDate jsonLdDate(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        LocalDate d = jsonLdDate(JSON.readTree(script.data()), 0);
        if (d != null) {
          return d;
        }
      } catch (com.fasterxml.jackson.core.JacksonException e) {
        // not JSON: pages carry broken JSON-LD often enough; the other metadata still counts
      }
    }
    return null;
  }

  private static LocalDate jsonLdDate(com.fasterxml.jackson.databind.JsonNode node, int depth) {
    if (node == null || depth > 8) {
      return null;
    }
    if (node.isArray()) {
      for (com.fasterxml.jackson.databind.JsonNode n : node) {
        LocalDate d = jsonLdDate(n, depth + 1);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    com.fasterxml.jackson.databind.JsonNode type = node.get("@type");
    boolean article = false;
    for (com.fasterxml.jackson.databind.JsonNode t : type == null ? List.<com.fasterxml.jackson.databind.JsonNode>of()
        : type.isArray() ? type : List.of(type)) {
      String name = t.asText("");
      name = name.substring(name.lastIndexOf('/') + 1);
      article |= name.endsWith("Article") || name.equals("BlogPosting");
    }
    if (article && node.hasNonNull("datePublished")) {
      LocalDate d = Dates.parse(node.get("datePublished").asText(""));
      if (d != null) {
        return d;
      }
    }
    for (java.util.Iterator<com.fasterxml.jackson.databind.JsonNode> it = node.elements(); it.hasNext(); ) {
      LocalDate d = jsonLdDate(it.next(), depth + 1);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static String url(Document doc) {
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null && !canonical.attr("href").isBlank()) {
      return canonical.attr("href").strip();
    }
    return meta(doc, "meta[property=og:url]");
  }

  private static String meta(Document doc, String query) {
    Element el = doc.selectFirst(query + "[content]");
    if (el == null || el.attr("content").isBlank()) {
      return null;
    }
    return el.attr("content").strip();
  }
}
