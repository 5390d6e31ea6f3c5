import type { CliIo } from './cli-io.js';

/** Text styles; each returns its input unchanged when colour is off. */
export interface Palette {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const style = (on: boolean, open: number, close: number) => (text: string) =>
  on ? `\u001b[${open}m${text}\u001b[${close}m` : text;

/**
 * Colours for a stream: on only when it is a terminal and `NO_COLOR` is unset or empty (https://no-color.org),
 * so piped output and logs stay plain.
 */
export function paletteFor(stream: { readonly isTTY?: boolean }, env: CliIo['env']): Palette {
  const on = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  return {
    bold: style(on, 1, 22),
    dim: style(on, 2, 22),
    red: style(on, 31, 39),
    yellow: style(on, 33, 39),
    green: style(on, 32, 39),
    cyan: style(on, 36, 39),
  };
}
