// Baseline: Lucene's ArabicAnalyzer (normalisation, stop words, light stemming,
// what Elasticsearch and OpenSearch call the `arabic` analyzer) with BM25, the
// default similarity. Compiled with javac at run time by lucene.ts against
// Debian's liblucene8-java jars; no other dependency.
//
//   java LuceneBaseline index <clauses.tsv> <indexDir>
//       clauses.tsv: one clause a line, `id TAB text TAB notes` (tabs and
//       newlines inside the texts already replaced by spaces). Prints
//       `indexed N ms` on stdout.
//   java LuceneBaseline search <indexDir> <limit>
//       One query a line on stdin, in the classic query-parser syntax with
//       default operator OR over the fields `text` and `notes` (quoted phrases
//       work, as in a `query_string` query). For each query prints one line:
//       `ms TAB id TAB id ...` (best first); an unparsable query prints `ms` alone.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

public class LuceneBaseline {
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("index")) {
      index(args[1], args[2]);
    } else if (args.length == 3 && args[0].equals("search")) {
      search(args[1], Integer.parseInt(args[2]));
    } else {
      System.err.println("usage: LuceneBaseline index <clauses.tsv> <indexDir> | search <indexDir> <limit>");
      System.exit(2);
    }
  }

  static void index(String tsv, String dir) throws Exception {
    long start = System.nanoTime();
    Analyzer analyzer = new ArabicAnalyzer();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    int count = 0;
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(Paths.get(dir)), config);
        BufferedReader in = Files.newBufferedReader(Paths.get(tsv), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] parts = line.split("\t", -1);
        if (parts.length < 2) continue;
        Document doc = new Document();
        doc.add(new StringField("id", parts[0], Field.Store.YES));
        doc.add(new TextField("text", parts[1], Field.Store.NO));
        doc.add(new TextField("notes", parts.length > 2 ? parts[2] : "", Field.Store.NO));
        writer.addDocument(doc);
        count++;
      }
      writer.commit();
    }
    System.out.println("indexed " + count + " " + (System.nanoTime() - start) / 1_000_000);
  }

  static void search(String dir, int limit) throws Exception {
    Analyzer analyzer = new ArabicAnalyzer();
    Map<String, Float> boosts = new HashMap<>();
    boosts.put("text", 1.0f);
    boosts.put("notes", 1.0f);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Paths.get(dir)))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      StringBuilder out = new StringBuilder();
      while ((line = in.readLine()) != null) {
        long start = System.nanoTime();
        StringBuilder ids = new StringBuilder();
        try {
          MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {"text", "notes"}, analyzer, boosts);
          parser.setDefaultOperator(QueryParser.Operator.OR);
          Query query = parser.parse(line);
          for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
            ids.append('\t').append(searcher.doc(hit.doc).get("id"));
          }
        } catch (Exception e) {
          ids.setLength(0);
        }
        out.append((System.nanoTime() - start) / 1000 / 1000.0).append(ids).append('\n');
        System.out.print(out);
        System.out.flush();
        out.setLength(0);
      }
    }
  }
}
