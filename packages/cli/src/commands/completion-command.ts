import { EXIT } from '../cli-error.js';
import { type Command, oneOf } from '../command.js';
import { completionScript, SHELLS } from '../completion-script.js';
import { COMMANDS } from './index.js';

/** `fairpost completion bash|zsh|fish`: a script that completes commands, flags and listed values. */
export const completionCommand: Command = {
  name: 'completion',
  summary: 'Print a shell completion script for bash, zsh or fish.',
  usage: 'fairpost completion bash|zsh|fish',
  optionHelp: [],
  notes: [
    'bash:  source <(fairpost completion bash)   (or save it in ~/.local/share/bash-completion/completions/fairpost)',
    'zsh:   source <(fairpost completion zsh)    (after compinit)',
    'fish:  fairpost completion fish > ~/.config/fish/completions/fairpost.fish',
  ],
  examples: ['fairpost completion bash > ~/.local/share/bash-completion/completions/fairpost'],
  options: {},
  positionals: { min: 1, max: 1 },
  choices: { '': SHELLS },
  async run({ positionals }, io) {
    const shell = oneOf(positionals[0], SHELLS, 'the shell', 'bash');
    // COMMANDS is read here, at run time: the list includes this command, so it cannot be read at load time.
    io.stdout.write(completionScript(shell, COMMANDS));
    return EXIT.ok;
  },
};
