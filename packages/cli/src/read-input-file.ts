import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './cli-error.js';
import type { CliIo } from './cli-io.js';

/** The file name that means standard input, on every command that reads a file. */
export const STDIN = '-';

/** What reading an input needs: the folder relative paths start from, and standard input if it was read. */
export type InputIo = Pick<CliIo, 'cwd' | 'stdinText'>;

/** How a file is named in messages: standard input as `<stdin>`, anything else as given. */
export function displayName(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

/**
 * Reads a text file the user named, relative to the working folder, or standard input for `-`; a missing file is a
 * one-line error.
 */
export function readInputFile(file: string, io: InputIo): string {
  if (file === STDIN) {
    if (io.stdinText === undefined) throw new CliError('standard input was not read for "-"');
    return io.stdinText;
  }
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`);
  }
}

/** A file-system error in words, without the stack: "no such file", "is a folder". */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
