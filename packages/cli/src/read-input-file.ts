import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeUtf8 } from '@fairpost/core';
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
 * Reads the bytes of a file the user named, relative to the working folder, or standard input for `-`; a missing
 * file is a one-line error.
 */
export function readInputBytes(file: string, io: InputIo): Uint8Array {
  if (file === STDIN) {
    if (io.stdinText === undefined) throw new CliError('standard input was not read for "-"');
    return new TextEncoder().encode(io.stdinText);
  }
  try {
    return readFileSync(resolve(io.cwd, file));
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`);
  }
}

/**
 * Reads a UTF-8 text file the user named. Bytes that are not UTF-8 are a one-line error at their line and column,
 * never silently replaced (a Latin-1 `é` would otherwise become U+FFFD and change the user's text).
 */
export function readInputFile(file: string, io: InputIo): string {
  const decoded = decodeUtf8(readInputBytes(file, io));
  if (decoded.ok) return decoded.text;
  const lines = decoded.text.split(/\r\n|\r|\n/);
  throw new CliError(
    `${displayName(file)}:${lines.length}:${lines.at(-1)!.length + 1}: not UTF-8 text (byte ${decoded.badByte}); save the file as UTF-8`,
  );
}

/** A file-system error in words, without the stack: "no such file", "is a folder". */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
