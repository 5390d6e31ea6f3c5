import type { Command } from './command.js';

/** The shells `fairpost completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** One of them. */
export type Shell = (typeof SHELLS)[number];

/** Every flag a command takes, long and short, with `--help`. */
function flagsOf(command: Command): string[] {
  const flags = Object.entries(command.options).flatMap(([name, option]) => [
    `--${name}`,
    ...(option.short ? [`-${option.short}`] : []),
  ]);
  return [...flags, '--help'];
}

/** Words are command names, flags and listed values: safe in a shell word list, checked so it stays so. */
function word(text: string): string {
  if (!/^[\w.@:+-]+$/.test(text)) throw new Error(`not a plain completion word: ${JSON.stringify(text)}`);
  return text;
}

/**
 * The completion script for a shell, made from the commands themselves (names, flags, listed values), so it never
 * falls behind them. File arguments complete as file names.
 */
export function completionScript(shell: Shell, commands: readonly Command[]): string {
  switch (shell) {
    case 'bash':
      return bashScript(commands);
    case 'zsh':
      return zshScript(commands);
    case 'fish':
      return fishScript(commands);
    default:
      return shell satisfies never;
  }
}

function bashScript(commands: readonly Command[]): string {
  const names = commands.map((c) => word(c.name)).join(' ');
  const flagCases = commands
    .map((c) => `    ${word(c.name)}) flags="${flagsOf(c).map(word).join(' ')}" ;;`)
    .join('\n');
  const valueCases = commands
    .flatMap((c) =>
      Object.entries(c.choices ?? {}).map(
        ([option, values]) =>
          `    ${word(c.name)}:${option === '' ? '' : `--${word(option)}`}) values="${values.map(word).join(' ')}" ;;`,
      ),
    )
    .join('\n');
  return `# bash completion for fairpost. Load it with: source <(fairpost completion bash)
_fairpost() {
  local cur prev flags values
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${names} --help --version" -- "$cur") )
    return 0
  fi
  values=""
  case "\${COMP_WORDS[1]}:$prev" in
${valueCases}
  esac
  if [ -z "$values" ] && [ "$COMP_CWORD" -eq 2 ]; then
    case "\${COMP_WORDS[1]}:" in
${valueCases}
    esac
  fi
  if [ -n "$values" ]; then
    COMPREPLY=( $(compgen -W "$values" -- "$cur") )
    return 0
  fi
  flags=""
  case "\${COMP_WORDS[1]}" in
${flagCases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$flags" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
  return 0
}
complete -o filenames -o bashdefault -F _fairpost fairpost
`;
}

function zshScript(commands: readonly Command[]): string {
  const described = commands
    .map((c) => `    '${word(c.name)}:${c.summary.replace(/['\\]/g, '').replace(/:/g, '\\:')}'`)
    .join('\n');
  const flagCases = commands
    .map((c) => `    ${word(c.name)}) flags=(${flagsOf(c).map(word).join(' ')}) ;;`)
    .join('\n');
  return `#compdef fairpost
# zsh completion for fairpost. Load it with: source <(fairpost completion zsh)
_fairpost() {
  local -a commands flags
  commands=(
${described}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "$words[2]" in
${flagCases}
  esac
  if [[ "$PREFIX" == -* ]]; then
    compadd -a flags
  else
    _files
  fi
}
compdef _fairpost fairpost
`;
}

function fishScript(commands: readonly Command[]): string {
  const names = commands.map((c) => word(c.name)).join(' ');
  const lines = commands.flatMap((c) => [
    `complete -c fairpost -n "not __fish_seen_subcommand_from ${names}" -a ${word(c.name)} -d '${c.summary.replace(/['\\]/g, '')}'`,
    ...Object.entries(c.options).map(([name, option]) => {
      const values = c.choices?.[name];
      return `complete -c fairpost -n "__fish_seen_subcommand_from ${word(c.name)}" -l ${word(name)}${option.short ? ` -s ${word(option.short)}` : ''}${option.type === 'string' ? ' -r' : ''}${values ? ` -a "${values.map(word).join(' ')}"` : ''}`;
    }),
  ]);
  return `# fish completion for fairpost. Load it with: fairpost completion fish | source
complete -c fairpost -f -n "__fish_seen_subcommand_from completion schema"
${lines.join('\n')}
`;
}
