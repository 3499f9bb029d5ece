# Baseline: SQLite FTS5 with the unicode61 tokenizer and remove_diacritics 2
# (folds Latin diacritics; Arabic harakat are category Mn and also dropped),
# ranked by FTS5's built-in bm25(). Driven by fts5.ts through python3's own
# sqlite3 module (no extra package: python3 ships SQLite with FTS5).
#
#   python3 fts5.py index <clauses.jsonl> <db>   -> prints "indexed N ms"
#   python3 fts5.py search <db> <limit>          -> stdin: one JSON string (a query) a line;
#                                                   stdout: one JSON object {"ms": .., "ids": [..]} a line
#
# A query becomes an FTS5 expression the way a developer would wire a search
# box to FTS5: "quoted phrases" stay phrases, every other word is quoted (so
# `/`, `-` and `:` are never syntax) and the parts are joined with OR, ranked
# by bm25 over the columns text and notes.
import json
import re
import sqlite3
import sys
import time


def fts_query(query):
    parts = []
    if query.count('"') % 2 == 1:
        query = query.replace('"', ' ')
    for m in re.finditer(r'"([^"]*)"|(\S+)', query):
        phrase, word = m.group(1), m.group(2)
        text = phrase if phrase is not None else word
        # Only letters and digits are tokens for unicode61: keep the part if it holds one.
        if not re.search(r'\w', text):
            continue
        parts.append('"' + text.replace('"', '""') + '"')
    return ' OR '.join(parts)


def index(path, db):
    start = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute('DROP TABLE IF EXISTS clauses')
    con.execute("CREATE VIRTUAL TABLE clauses USING fts5(id UNINDEXED, text, notes, tokenize = 'unicode61 remove_diacritics 2')")
    count = 0

    def rows(f):
        # Streamed: a corpus of millions of clauses is never held in memory whole.
        nonlocal count
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            count += 1
            yield (r['id'], r['text'], r.get('notes', ''))

    with open(path, encoding='utf-8') as f:
        con.executemany('INSERT INTO clauses (id, text, notes) VALUES (?, ?, ?)', rows(f))
    con.commit()
    con.close()
    print('indexed %d %d' % (count, (time.perf_counter() - start) * 1000))


def search(db, limit):
    con = sqlite3.connect(db)
    for line in sys.stdin:
        if not line.strip():
            continue
        query = json.loads(line)
        start = time.perf_counter()
        ids = []
        expression = fts_query(query)
        if expression:
            try:
                ids = [row[0] for row in con.execute(
                    'SELECT id FROM clauses WHERE clauses MATCH ? ORDER BY bm25(clauses) LIMIT ?', (expression, limit))]
            except sqlite3.Error:
                ids = []
        sys.stdout.write(json.dumps({'ms': (time.perf_counter() - start) * 1000, 'ids': ids}) + '\n')
    con.close()


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'index':
        index(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == 'search':
        search(sys.argv[2], int(sys.argv[3]))
    else:
        sys.stderr.write('usage: fts5.py index <clauses.jsonl> <db> | search <db> <limit>\n')
        sys.exit(2)
