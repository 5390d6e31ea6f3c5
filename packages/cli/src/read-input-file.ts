import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeUtf8 } from '@fairpost/core';
import { CliError } from './cli-error.js';

/** Reads the bytes of a file the user named, relative to the working folder; a missing file is a one-line error. */
export function readInputBytes(file: string, cwd: string): Uint8Array {
  try {
    return readFileSync(resolve(cwd, file));
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`);
  }
}

/**
 * Reads a UTF-8 text file the user named. Bytes that are not UTF-8 are a one-line error at their line and column,
 * never silently replaced (a Latin-1 `é` would otherwise become U+FFFD and change the user's text).
 */
export function readInputFile(file: string, cwd: string): string {
  const decoded = decodeUtf8(readInputBytes(file, cwd));
  if (decoded.ok) return decoded.text;
  const lines = decoded.text.split(/\r\n|\r|\n/);
  throw new CliError(
    `${file}:${lines.length}:${lines.at(-1)!.length + 1}: not UTF-8 text (byte ${decoded.badByte}); save the file as UTF-8`,
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
