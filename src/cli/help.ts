// The sections every `--help` ends with: examples for the command, the query
// syntax, the kinds, the exit codes and the environment. Kinds and fields come
// from the engine's own lists, so help never names one the engine refuses.

import type { Command } from 'commander';
import { ALL_FIELDS, CLAUSE_KINDS, DOCUMENT_KINDS } from '../search/fields.js';

export const EXAMPLES: Record<string, string[]> = {
  unres: [
    'unres ingest ~/un-texts/',
    'unres search "الاتجار بالأطفال"',
    'unres show A-RES-70-1#op4',
    'unres search --help',
  ],
  ingest: ['unres ingest ~/un-texts/', 'unres ingest ~/un-texts/ another.txt', 'cat doc.txt | unres ingest -', 'unres ingest --rebuild', 'unres ingest --prune ~/un-texts/', 'unres ingest --reparse ~/un-texts/', 'unres ingest ~/un-texts/ --json'],
  remove: ['unres remove A-RES-70-1', 'unres remove ~/un-texts/old-draft.txt'],
  search: [
    'unres search طفل --kind operative --limit 5',
    'unres search الاتجار --doc A-RES-70-1 --doc S-RES-2467-2019',
    'unres search الاتجار --cites A/RES/64/293 --since 2015',
    'unres search الأطفال -c',
    'unres search الأطفال -l',
    'unres search التشفير -C 1',
    'unres search 2017 --json | jq -r \'.[].doc\'',
  ],
  parse: ['unres parse ~/un-texts/resolution.txt', 'unres parse doc.txt --json', 'cat doc.txt | unres parse -'],
  show: ['unres show A-RES-70-1', 'unres show A/RES/70/1#op4', 'unres show A-RES-70-1 --json | jq .title'],
  list: ['unres list', 'unres list --json | jq -r \'.[].id\''],
  export: ['unres export --format akn --out akn/', 'unres export A-RES-70-1 --format jsonl'],
  completion: ['unres completion bash > ~/.local/share/bash-completion/completions/unres', 'unres completion zsh > "${fpath[1]}/_unres"', 'unres completion fish > ~/.config/fish/completions/unres.fish'],
  version: ['unres version', 'unres --version'],
};

function section(title: string, lines: string[]): string {
  return `\n${title}:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

export function querySyntaxLines(): string[] {
  return [
    'word word    clauses with all the words rank above those with some, words standing close together first',
    '"two words"  a phrase: the words one after the other (also «…» “…”); quote the whole query in the shell: \'"الاتجار بالأطفال"\'',
    '+word        must appear;  -word  must not (-الأطفال works as is; an ASCII -word goes after --)',
    `field:word   in one field: ${ALL_FIELDS.join(', ')} (default: text, cited symbols, footnotes, heading, matter)`,
    'weights      text, lead, cites, title, years 1;  notes (footnote text), section (heading), matter (text no clause holds: before the first, after the last, formulas) 0.5;  ref (clause number) 2',
    'المادة 51    a clause by number (also الفقرة 3, التوصية 4, المادة الأولى, art51, op3, pp2): that clause first, then those citing it',
    'الفصل السابع a chapter or part (also الباب 3): the clauses under its heading first',
    'وإذ ترحب     a preambular formula typed first: preambular clauses first among those holding as many words',
    'E/2017/30    a document symbol matches whole, never its bare numbers',
    'القرار 1514  a resolution by number (also قرار مجلس الأمن 338, 1514 alone): the document itself, then those citing it',
    'word*        any word starting so;  word~1  up to one letter different',
    'Arabic forms match: طفل finds الأطفال, hamza/alef, ى/ي, ة/ه and diacritics never stop a match',
    'digits of any script match: 2017 finds ٢٠١٧;  64/293 finds clauses citing ٢٩٣/٦٤',
  ];
}

export function kindLines(): string[] {
  return [`clause kinds:   ${CLAUSE_KINDS.join(', ')}`, `document kinds: ${DOCUMENT_KINDS.join(', ')}`];
}

export const EXIT_CODE_LINES = [
  '0  success (search: at least one hit)',
  '1  search ran and found nothing',
  '2  bad usage or bad input (one line on stderr says what and where); `unres` alone in a script',
  '3  index missing, locked past the wait, damaged or of another version (the line says how to recover)',
  '130  ingest interrupted (Ctrl-C): what was read is kept; Ctrl-C again: stopped at once (after a write under way), what was committed is kept',
];

export const ENVIRONMENT_LINES = [
  'UNRES_INDEX          index directory when --index is not given (else $XDG_DATA_HOME/unres, else ~/.local/share/unres)',
  'NO_COLOR             any value: no colour (--color=always still colours); TERM=dumb too',
  'UNRES_SHAPE=1        as --shape: shape and order Arabic for terminals that cannot',
  'PAGER                pager for long show and list output on a terminal (default: less -FRX; empty or cat: none)',
  'UNRES_LOCK_WAIT_MS   how long ingest waits for another writer (default 10000)',
  'UNRES_MAX_INPUT_MB   largest file ingest reads, in MB (default 64)',
  'UNRES_DEBUG=1        add the stack trace to an error',
];

/** The help text after the options of `name` (a command name, or 'unres' for the program). */
export function helpAfter(name: string): string {
  let text = section('Examples', (EXAMPLES[name] ?? []).map((e) => `$ ${e}`));
  text += section('Query syntax (unres search)', querySyntaxLines());
  text += section('Kinds (--kind, several: any of them)', kindLines());
  text += section('Exit codes', EXIT_CODE_LINES);
  text += section('Environment', ENVIRONMENT_LINES);
  return text;
}

export function addHelpSections(command: Command, name: string): Command {
  return command.addHelpText('after', helpAfter(name));
}
