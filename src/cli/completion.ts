// `unres completion bash|zsh|fish`: a completion script for the shell, made
// from the commands and options the program really has (so it never lists an
// option that does not exist). Option values are completed where they are a
// closed set (--kind from the engine's kind lists, --color, --format from the
// option's choices), directories for --index and --out, files for ingest and
// parse, and document ids (from `unres list`) for show, export and --doc.

import type { Command, Option } from 'commander';
import { CLAUSE_KINDS, DOCUMENT_KINDS } from '../search/fields.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

type ValueKind = { words: string[] } | 'dir' | 'doc' | 'none';

interface OptionInfo {
  long?: string;
  short?: string;
  description: string;
  value: ValueKind | null;
}

interface CommandInfo {
  name: string;
  description: string;
  options: OptionInfo[];
  /** What the command's arguments are. */
  args: 'files' | 'docs' | 'shells' | 'none';
}

const KINDS = [...CLAUSE_KINDS, ...DOCUMENT_KINDS];
const DOC_IDS_COMMAND = 'unres list --no-pager --color=never 2>/dev/null | cut -d" " -f1';

function valueOf(option: Option): ValueKind | null {
  if (!option.required && !option.optional) return null;
  const name = option.attributeName();
  if (option.argChoices) return { words: [...option.argChoices] };
  if (name === 'kind') return { words: KINDS };
  if (name === 'index' || name === 'out') return 'dir';
  if (name === 'doc') return 'doc';
  return 'none';
}

function argsOf(name: string): CommandInfo['args'] {
  if (name === 'ingest' || name === 'parse') return 'files';
  if (name === 'show' || name === 'export' || name === 'remove') return 'docs';
  if (name === 'completion') return 'shells';
  return 'none';
}

export function describeProgram(program: Command): CommandInfo[] {
  return program.commands.map((command) => ({
    name: command.name(),
    description: command.description(),
    args: argsOf(command.name()),
    options: [
      ...command.options.map((o) => {
        const info: OptionInfo = { description: o.description, value: valueOf(o) };
        if (o.long) info.long = o.long;
        if (o.short) info.short = o.short;
        return info;
      }),
      { long: '--help', short: '-h', description: 'show help', value: null },
    ],
  }));
}

function flagsOf(option: OptionInfo): string[] {
  return [option.long, option.short].filter((f): f is string => f !== undefined);
}

function bash(commands: CommandInfo[]): string {
  const names = commands.map((c) => c.name).join(' ');
  const valueCases: string[] = [];
  const seen = new Set<string>();
  for (const command of commands) {
    for (const option of command.options) {
      if (option.value === null) continue;
      for (const flag of flagsOf(option)) {
        if (seen.has(flag)) continue;
        seen.add(flag);
        const v = option.value;
        const reply =
          v === 'dir'
            ? 'COMPREPLY=($(compgen -d -- "$cur"))'
            : v === 'doc'
              ? `COMPREPLY=($(compgen -W "$(${DOC_IDS_COMMAND})" -- "$cur"))`
              : v === 'none'
                ? 'COMPREPLY=()'
                : `COMPREPLY=($(compgen -W "${v.words.join(' ')}" -- "$cur"))`;
        valueCases.push(`    ${flag}) ${reply}; return ;;`);
      }
    }
  }
  const optionCases = commands.map((c) => `    ${c.name}) opts="${c.options.flatMap(flagsOf).join(' ')}" ;;`);
  const argCases = commands
    .filter((c) => c.args !== 'none')
    .map((c) => {
      const reply =
        c.args === 'files'
          ? 'COMPREPLY=($(compgen -f -- "$cur"))'
          : c.args === 'docs'
            ? `COMPREPLY=($(compgen -W "$(${DOC_IDS_COMMAND})" -- "$cur"))`
            : `COMPREPLY=($(compgen -W "${SHELLS.join(' ')}" -- "$cur"))`;
      return `    ${c.name}) ${reply} ;;`;
    });
  return `# bash completion for unres (unres completion bash)
_unres() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -le 1 ]; then
    COMPREPLY=($(compgen -W "${names} --help --version" -- "$cur"))
    return
  fi
  cmd="\${COMP_WORDS[1]}"
  case "$prev" in
${valueCases.join('\n')}
  esac
  opts=""
  case "$cmd" in
${optionCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    return
  fi
  case "$cmd" in
${argCases.join('\n')}
    *) COMPREPLY=() ;;
  esac
}
complete -o default -F _unres unres
`;
}

function zshQuote(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/'/g, `'\\''`).replace(/\[/g, '\\[').replace(/\]/g, '\\]').replace(/:/g, '\\:');
}

function zshValue(value: ValueKind): string {
  if (value === 'dir') return ':dir:_files -/';
  if (value === 'doc') return ':document:_unres_documents';
  if (value === 'none') return ':value: ';
  return `:value:(${value.words.join(' ')})`;
}

function zsh(commands: CommandInfo[]): string {
  const list = commands.map((c) => `    '${c.name}:${zshQuote(c.description)}'`).join('\n');
  const cases = commands.map((c) => {
    const specs = c.options.map((o) => {
      const flags = flagsOf(o);
      const value = o.value === null ? '' : zshValue(o.value);
      const head = flags.length > 1 ? `'(${flags.join(' ')})'{${flags.join(',')}}'` : `'${flags[0]}`;
      return `        ${head}[${zshQuote(o.description)}]${value.replace(/'/g, `'\\''`)}'`;
    });
    const arg =
      c.args === 'files'
        ? `        '*:file:_files'`
        : c.args === 'docs'
          ? `        '*:document:_unres_documents'`
          : c.args === 'shells'
            ? `        ':shell:(${SHELLS.join(' ')})'`
            : `        '*:query: '`;
    return `    ${c.name})\n      _arguments -s \\\n${[...specs, arg].join(' \\\n')}\n      ;;`;
  });
  return `#compdef unres
# zsh completion for unres (unres completion zsh > "\${fpath[1]}/_unres")
_unres_documents() {
  local -a ids
  ids=(\${(f)"$(${DOC_IDS_COMMAND})"})
  _describe -t documents 'document' ids
}
_unres() {
  local -a commands
  commands=(
${list}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'unres command' commands
    return
  fi
  local cmd=\${words[2]}
  shift words
  (( CURRENT-- ))
  case $cmd in
${cases.join('\n')}
  esac
}
if [[ \${zsh_eval_context[-1]} == loadautoload ]]; then
  _unres "$@"
else
  compdef _unres unres
fi
`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fish(commands: CommandInfo[]): string {
  const lines = [
    '# fish completion for unres (unres completion fish > ~/.config/fish/completions/unres.fish)',
    'complete -c unres -f',
    `complete -c unres -n __fish_use_subcommand -l version -s V -d 'print the version'`,
  ];
  for (const c of commands) lines.push(`complete -c unres -n __fish_use_subcommand -a ${c.name} -d ${fishQuote(c.description)}`);
  for (const c of commands) {
    const when = `-n '__fish_seen_subcommand_from ${c.name}'`;
    for (const o of c.options) {
      let spec = `complete -c unres ${when}`;
      if (o.long) spec += ` -l ${o.long.replace(/^--/, '')}`;
      if (o.short) spec += ` -s ${o.short.replace(/^-/, '')}`;
      const v = o.value;
      if (v === 'dir') spec += ` -r -a '(__fish_complete_directories)'`;
      else if (v === 'doc') spec += ` -x -a '(${DOC_IDS_COMMAND})'`;
      else if (v === 'none') spec += ' -x';
      else if (v !== null) spec += ` -x -a ${fishQuote(v.words.join(' '))}`;
      lines.push(`${spec} -d ${fishQuote(o.description)}`);
    }
    if (c.args === 'files') lines.push(`complete -c unres ${when} -F`);
    if (c.args === 'docs') lines.push(`complete -c unres ${when} -a '(${DOC_IDS_COMMAND})'`);
    if (c.args === 'shells') lines.push(`complete -c unres ${when} -a '${SHELLS.join(' ')}'`);
  }
  return lines.join('\n') + '\n';
}

export function completionScript(shell: Shell, program: Command): string {
  const commands = describeProgram(program);
  if (shell === 'bash') return bash(commands);
  if (shell === 'zsh') return zsh(commands);
  return fish(commands);
}
