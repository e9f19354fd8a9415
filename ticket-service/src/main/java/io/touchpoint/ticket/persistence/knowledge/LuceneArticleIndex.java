package io.touchpoint.ticket.persistence.knowledge;

import io.touchpoint.ticket.domain.knowledge.ArticleMatch;
import io.touchpoint.ticket.domain.knowledge.KnowledgeArticle;
import io.touchpoint.ticket.domain.knowledge.LanguageTags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An immutable in-memory Lucene index of one tenant's published articles, as of one revision of its knowledge base.
 *
 * <p>Each article is analysed in its own language ({@link KnowledgeAnalyzers}) into the fields {@code title.<lang>},
 * {@code tags.<lang>} and {@code body.<lang>}, and a question is analysed the same way for each language it is searched
 * in. Ranking is Lucene's BM25, with title and tag words boosted over body words. Customer text is treated as words,
 * never as query syntax, so no input can fail to parse.
 *
 * <p>Thread-safe: searches may run concurrently.
 */
public final class LuceneArticleIndex {

    public static final float DEFAULT_TITLE_BOOST = 2.0f;

    public static final float DEFAULT_TAG_BOOST = 1.5f;

    /** A word no article contains counts half as much as one only a single article contains; see {@link Coverage}. */
    private static final double UNKNOWN_WORD_WEIGHT = 0.5;

    private static final int MAX_TEXT_LENGTH = 4000;

    private static final int MAX_WORDS_PER_LANGUAGE = 64;

    /** Below IndexSearcher's default limit of 1024 clauses, whatever the number of languages searched. */
    private static final int MAX_CLAUSES = 900;

    private static final int SUMMARY_LENGTH = 240;

    private static final String ID = "id";

    private static final String LANGUAGE = "language";

    private static final String LANGUAGE_TAG = "languageTag";

    private static final String ANALYSIS = "analysis";

    private static final String TITLE = "title";

    private static final String SUMMARY = "summary";

    private static final Analyzer INDEXING =
            KnowledgeAnalyzers.forIndexing(key -> List.of(title(key), tags(key), body(key)));

    private final long revision;

    private final IndexSearcher searcher;

    private final Set<String> analyses;

    private final float titleBoost;

    private final float tagBoost;

    private LuceneArticleIndex(
            long revision, IndexSearcher searcher, Set<String> analyses, float titleBoost, float tagBoost) {
        this.revision = revision;
        this.searcher = searcher;
        this.analyses = analyses;
        this.titleBoost = titleBoost;
        this.tagBoost = tagBoost;
    }

    public static LuceneArticleIndex build(long revision, Collection<KnowledgeArticle> articles) {
        return build(revision, articles, DEFAULT_TITLE_BOOST, DEFAULT_TAG_BOOST);
    }

    /** Indexes the published ones of {@code articles}; drafts are left out. */
    public static LuceneArticleIndex build(
            long revision, Collection<KnowledgeArticle> articles, float titleBoost, float tagBoost) {
        var directory = new ByteBuffersDirectory();
        Set<String> analyses = new TreeSet<>();
        try {
            try (var writer =
                    new IndexWriter(directory, new IndexWriterConfig(INDEXING).setOpenMode(OpenMode.CREATE))) {
                for (KnowledgeArticle article : articles) {
                    if (article.isPublished()) {
                        String analysis = KnowledgeAnalyzers.keyFor(article.primaryLanguage());
                        analyses.add(analysis);
                        writer.addDocument(document(article, analysis));
                    }
                }
            }
            var searcher = new IndexSearcher(DirectoryReader.open(directory));
            return new LuceneArticleIndex(revision, searcher, Set.copyOf(analyses), titleBoost, tagBoost);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build a knowledge index in memory", e);
        }
    }

    /** The knowledge-base revision the index was built at. */
    public long revision() {
        return revision;
    }

    /** How many articles it holds. */
    public int size() {
        return searcher.getIndexReader().numDocs();
    }

    /**
     * The articles that best match {@code text}, best first, with their confidence ({@link ArticleMatch#confidence()}).
     *
     * @param language a BCP 47 tag: only articles in its primary language are searched; null searches every language
     */
    public List<ArticleMatch> search(String text, String language, int limit) {
        if (text == null || text.isBlank() || limit < 1 || size() == 0) {
            return List.of();
        }
        try {
            return find(text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text, language, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search a knowledge index in memory", e);
        }
    }

    private List<ArticleMatch> find(String text, String language, int limit) throws IOException {
        String primary = LanguageTags.primary(language);
        Set<String> searched = primary != null ? Set.of(KnowledgeAnalyzers.keyFor(primary)) : analyses;
        Query languageFilter = primary != null ? new TermQuery(new Term(LANGUAGE, primary)) : null;
        int maxWords = Math.min(MAX_WORDS_PER_LANGUAGE, MAX_CLAUSES / (3 * Math.max(1, searched.size())));

        Map<String, List<String>> wordsByAnalysis = new LinkedHashMap<>();
        var query = new BooleanQuery.Builder();
        for (String analysis : searched) {
            List<String> words = words(analysis, text, maxWords);
            if (!words.isEmpty()) {
                wordsByAnalysis.put(analysis, words);
                words.forEach(word -> query.add(inAnyField(analysis, word, titleBoost, tagBoost), Occur.SHOULD));
            }
        }
        if (wordsByAnalysis.isEmpty()) {
            return List.of();
        }
        if (languageFilter != null) {
            query.add(languageFilter, Occur.FILTER);
        }
        query.setMinimumNumberShouldMatch(1);

        TopDocs top = searcher.search(query.build(), limit);
        if (top.scoreDocs.length == 0) {
            return List.of();
        }
        float best = top.scoreDocs[0].score;
        StoredFields stored = searcher.storedFields();
        Map<String, Coverage> coverages = new HashMap<>();
        List<ArticleMatch> matches = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            Document document = stored.document(hit.doc);
            String analysis = document.get(ANALYSIS);
            Coverage coverage = coverages.get(analysis);
            if (coverage == null) {
                coverage = new Coverage(analysis, wordsByAnalysis.get(analysis), languageFilter);
                coverages.put(analysis, coverage);
            }
            double confidence = coverage.of(hit.doc) * (best > 0 ? hit.score / best : 0);
            matches.add(new ArticleMatch(
                    document.get(ID),
                    document.get(TITLE),
                    document.get(LANGUAGE_TAG),
                    document.get(SUMMARY),
                    hit.score,
                    Math.round(confidence * 10_000) / 10_000.0));
        }
        return List.copyOf(matches);
    }

    /**
     * How much of a question an article covers: the share of the question's words that the article contains, each word
     * weighted by its BM25 inverse document frequency among the articles searched. Rare words decide, words every
     * article has barely count. A word no article contains weighs {@value #UNKNOWN_WORD_WEIGHT} of the rarest word's
     * weight: it may be small talk, or a sign that the question is about something the knowledge base does not cover.
     */
    private final class Coverage {

        private final double[] weights;

        private final Weight[] matchers;

        private final double total;

        Coverage(String analysis, List<String> words, Query languageFilter) throws IOException {
            Query scope = new TermQuery(new Term(ANALYSIS, analysis));
            int articles = searcher.count(languageFilter != null ? both(scope, languageFilter) : scope);
            double rarest = idf(1, articles);
            weights = new double[words.size()];
            matchers = new Weight[words.size()];
            double sum = 0;
            for (int i = 0; i < words.size(); i++) {
                Query word = inAnyField(analysis, words.get(i), 1, 1);
                int frequency = searcher.count(languageFilter != null ? both(word, languageFilter) : word);
                if (frequency > 0) {
                    weights[i] = idf(frequency, articles);
                    matchers[i] = searcher.createWeight(searcher.rewrite(word), ScoreMode.COMPLETE_NO_SCORES, 1);
                } else {
                    weights[i] = UNKNOWN_WORD_WEIGHT * rarest;
                }
                sum += weights[i];
            }
            total = sum;
        }

        /** 0 to 1 for the article with Lucene doc id {@code doc}. */
        double of(int doc) throws IOException {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            double covered = 0;
            for (int i = 0; i < matchers.length; i++) {
                if (matchers[i] != null && matchers[i].matches(leaf, doc - leaf.docBase) != null) {
                    covered += weights[i];
                }
            }
            return total > 0 ? Math.min(1, covered / total) : 0;
        }
    }

    /** BM25's inverse document frequency, as Lucene computes it. */
    private static double idf(long documentFrequency, long documentCount) {
        return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
    }

    private static Query inAnyField(String analysis, String word, float titleBoost, float tagBoost) {
        return new BooleanQuery.Builder()
                .add(boost(new TermQuery(new Term(title(analysis), word)), titleBoost), Occur.SHOULD)
                .add(boost(new TermQuery(new Term(tags(analysis), word)), tagBoost), Occur.SHOULD)
                .add(new TermQuery(new Term(body(analysis), word)), Occur.SHOULD)
                .build();
    }

    private static Query boost(Query query, float boost) {
        return boost == 1 ? query : new BoostQuery(query, boost);
    }

    private static Query both(Query query, Query filter) {
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
    }

    /** The distinct indexed words of {@code text} in one language's analysis, in order of appearance. */
    private static List<String> words(String analysis, String text, int max) throws IOException {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = KnowledgeAnalyzers.forKey(analysis).tokenStream(body(analysis), text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (words.size() < max && tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        }
        return List.copyOf(words);
    }

    private static Document document(KnowledgeArticle article, String analysis) {
        var document = new Document();
        document.add(new StringField(ID, article.id(), Store.YES));
        document.add(new StringField(LANGUAGE, article.primaryLanguage(), Store.NO));
        document.add(new StringField(ANALYSIS, analysis, Store.YES));
        document.add(new StoredField(LANGUAGE_TAG, article.language()));
        document.add(new StoredField(TITLE, article.title()));
        document.add(new StoredField(SUMMARY, summary(article.body())));
        document.add(new TextField(title(analysis), article.title(), Store.NO));
        document.add(new TextField(body(analysis), article.body(), Store.NO));
        if (!article.tags().isEmpty()) {
            document.add(new TextField(tags(analysis), String.join(" ", article.tags()), Store.NO));
        }
        return document;
    }

    /** The start of the body on one line, cut at a word. */
    private static String summary(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        if (line.length() <= SUMMARY_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', SUMMARY_LENGTH);
        return line.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH) + "…";
    }

    private static String title(String analysis) {
        return "title." + analysis;
    }

    private static String tags(String analysis) {
        return "tags." + analysis;
    }

    private static String body(String analysis) {
        return "body." + analysis;
    }
}
