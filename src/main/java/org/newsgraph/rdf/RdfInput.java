package org.newsgraph.rdf;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.loader.DocumentLoader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.util.Context;

/**
 * The one way newsgraph reads RDF files ({@code load}, {@code validate FILE}, {@code --aliases}):
 * any syntax Jena reads, chosen by the file extension or given, gzip-compressed when the name ends
 * in {@code .gz}, and safe against hostile files:
 *
 * <ul>
 *   <li>RDF/XML goes through {@link XmlEntityGuard} first: external entities (XXE), parameter
 *       entities and entities that expand too far ("billion laughs") are refused before the XML
 *       parser starts; the parser itself never loads external entities or DTDs (Jena's setting).
 *   <li>JSON-LD never fetches a remote {@code @context} (nor {@code @import}, nor a {@code file:}
 *       context): the document loader refuses every URL, so such a file fails with a message that
 *       says to inline the context. (Jena's default, Titanium's loader, fetches over HTTP.)
 *   <li>Only the named file is opened; nothing is looked up through Jena's location mapper or
 *       fetched from a URL.
 * </ul>
 *
 * Relative IRIs resolve against the file's {@code file:} URI. Parse errors carry the file and,
 * where Jena gives them, the line and column.
 */
public final class RdfInput {
  private RdfInput() {}

  /** A file could not be read as RDF; the message says why (and where). */
  public static final class RdfInputException extends RuntimeException {
    RdfInputException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The JSON-LD document loader that refuses every URL. */
  static final DocumentLoader NO_REMOTE_DOCUMENTS = (url, options) -> {
    throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "the JSON-LD refers to the remote document <"
        + url + "> (a @context or @import); newsgraph never fetches remote or file contexts: put the context inline"
        + " in the file");
  };

  /**
   * The syntax of {@code file}: {@code format} when given (a newsgraph format name such as {@code
   * turtle}, a Jena language name such as {@code RDF/XML} or {@code TriX}, or a file extension
   * such as {@code ttl}), otherwise from the extension (after stripping {@code .gz}).
   *
   * @throws IllegalArgumentException when the format is unknown or the extension says nothing
   */
  public static Lang langOf(Path file, String format) {
    if (format != null && !format.isBlank()) {
      Lang l = langNamed(format);
      if (l == null) {
        throw new IllegalArgumentException("unknown RDF format '" + format + "'; use e.g. turtle, ntriples, nquads,"
            + " trig, jsonld, rdfxml, trix, rdfjson (or a file extension such as ttl)");
      }
      return l;
    }
    String name = file.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    Lang l = RDFLanguages.filenameToLang(name);
    if (l == null || l == RDFLanguages.RDFNULL) {
      throw new IllegalArgumentException("cannot tell the RDF syntax of " + file + " from its extension; give it"
          + " with -f/--format (e.g. -f turtle)");
    }
    return l;
  }

  private static Lang langNamed(String format) {
    try {
      return RdfFormat.parse(format).lang();
    } catch (IllegalArgumentException e) {
      // not one of newsgraph's names
    }
    Lang l = RDFLanguages.nameToLang(format);
    if (l == null) {
      l = RDFLanguages.fileExtToLang(format.startsWith(".") ? format.substring(1) : format);
    }
    return l == RDFLanguages.RDFNULL ? null : l;
  }

  /**
   * Parses {@code file} as {@code lang} into {@code sink} (triples, quads and prefixes). What was
   * sent before an error stays sent: parse into a scratch dataset when that matters.
   *
   * @throws RdfInputException when the file cannot be opened or parsed, or is refused as unsafe
   */
  public static void parse(Path file, Lang lang, StreamRDF sink) {
    try (InputStream raw = open(file)) {
      InputStream in = lang.equals(Lang.RDFXML) ? XmlEntityGuard.guard(raw) : raw;
      Context context = new Context();
      context.set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(NO_REMOTE_DOCUMENTS));
      RDFParser.create()
          .source(in)
          .lang(lang)
          .base(file.toAbsolutePath().normalize().toUri().toString())
          .context(context)
          .errorHandler(ErrorHandlerFactory.errorHandlerNoLogging)
          .parse(sink);
    } catch (XmlEntityGuard.UnsafeXmlException e) {
      throw new RdfInputException("refused: " + e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new RdfInputException("no such file", e);
    } catch (IOException e) {
      throw new RdfInputException("cannot read: " + e, e);
    } catch (RiotException e) {
      XmlEntityGuard.UnsafeXmlException unsafe = causeOf(e, XmlEntityGuard.UnsafeXmlException.class);
      if (unsafe != null) {
        throw new RdfInputException("refused: " + unsafe.getMessage(), e);
      }
      String m = message(e);
      int refused = m.indexOf("the JSON-LD refers to the remote document");
      if (refused >= 0) { // the loader's own error, passed on by Jena as a parse error
        throw new RdfInputException("refused: " + m.substring(refused), e);
      }
      throw new RdfInputException("not valid " + lang.getLabel() + ": " + message(e), e);
    } catch (RuntimeException e) {
      XmlEntityGuard.UnsafeXmlException unsafe = causeOf(e, XmlEntityGuard.UnsafeXmlException.class);
      if (unsafe != null) {
        throw new RdfInputException("refused: " + unsafe.getMessage(), e);
      }
      throw new RdfInputException("not valid " + lang.getLabel() + ": " + message(e), e);
    }
  }

  /** {@link #parse} into a new in-memory dataset. */
  public static Dataset readDataset(Path file, Lang lang) {
    Dataset ds = DatasetFactory.create();
    parse(file, lang, StreamRDFLib.dataset(ds.asDatasetGraph()));
    return ds;
  }

  /** {@link #parse} into a new model: the default graph and every named graph, merged. */
  public static Model readModel(Path file, Lang lang) {
    Model m = ModelFactory.createDefaultModel();
    parse(file, lang, new org.apache.jena.riot.system.StreamRDFWrapper(StreamRDFLib.graph(m.getGraph())) {
      @Override
      public void quad(org.apache.jena.sparql.core.Quad quad) {
        triple(quad.asTriple());
      }
    });
    return m;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      Throwable c = e.getCause();
      m = c != null && c.getMessage() != null ? c.getMessage() : e.toString();
    }
    return m.replaceAll("\\s+", " ").strip();
  }
}
