package io.touchpoint.ticket.persistence.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * Which Lucene analysis an article gets, by its primary language: stemming and stop words of that language, so that
 * "refunds" finds "refund" and "Passwörter" finds "Passwort". Languages without an analyzer of their own get
 * {@link StandardAnalyzer}. Analyzers are thread-safe and shared by every tenant's index.
 */
final class KnowledgeAnalyzers {

    /** The analysis of languages that have no analyzer of their own. */
    static final String STANDARD = "std";

    private static final Map<String, Analyzer> BY_KEY = analyzers();

    private static final Map<String, String> KEY_BY_LANGUAGE =
            Map.of("nb", "no", "nn", "no", "zh", "cjk", "ja", "cjk", "ko", "cjk");

    private KnowledgeAnalyzers() {}

    /** The analysis key of a primary language subtag: itself when it has an analyzer, else a shared one. */
    static String keyFor(String primaryLanguage) {
        if (primaryLanguage == null) {
            return STANDARD;
        }
        String key = KEY_BY_LANGUAGE.getOrDefault(primaryLanguage, primaryLanguage);
        return BY_KEY.containsKey(key) ? key : STANDARD;
    }

    static Analyzer forKey(String key) {
        return BY_KEY.getOrDefault(key, BY_KEY.get(STANDARD));
    }

    /** The analyzer an index writer uses: each language's fields (named by {@code fieldsOf}) with their analysis. */
    static Analyzer forIndexing(Function<String, List<String>> fieldsOf) {
        Map<String, Analyzer> byField = new HashMap<>();
        BY_KEY.forEach((key, analyzer) -> fieldsOf.apply(key).forEach(field -> byField.put(field, analyzer)));
        return new PerFieldAnalyzerWrapper(BY_KEY.get(STANDARD), byField);
    }

    private static Map<String, Analyzer> analyzers() {
        Map<String, Analyzer> analyzers = new HashMap<>();
        // Lucene's English default knows only 33 stop words; customers write "how do I…", so use the Snowball list.
        analyzers.put("en", new EnglishAnalyzer(snowballStopWords("english_stop.txt")));
        analyzers.put("de", new GermanAnalyzer());
        analyzers.put("fr", new FrenchAnalyzer());
        analyzers.put("es", new SpanishAnalyzer());
        analyzers.put("it", new ItalianAnalyzer());
        analyzers.put("pt", new PortugueseAnalyzer());
        analyzers.put("nl", new DutchAnalyzer());
        analyzers.put("sv", new SwedishAnalyzer());
        analyzers.put("da", new DanishAnalyzer());
        analyzers.put("no", new NorwegianAnalyzer());
        analyzers.put("fi", new FinnishAnalyzer());
        analyzers.put("ru", new RussianAnalyzer());
        analyzers.put("tr", new TurkishAnalyzer());
        analyzers.put("cjk", new CJKAnalyzer());
        analyzers.put(STANDARD, new StandardAnalyzer());
        return Map.copyOf(analyzers);
    }

    private static CharArraySet snowballStopWords(String resource) {
        try (InputStream words = SnowballFilter.class.getResourceAsStream(resource)) {
            if (words == null) {
                throw new IllegalStateException("Lucene's " + resource + " is missing from the classpath");
            }
            return WordlistLoader.getSnowballWordSet(new InputStreamReader(words, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
