import {
  closeSync,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './cli-error.js';
import { describeFsError } from './read-input-file.js';

/** When a file may be replaced: never, with `--force`, or only while it still holds what was read from it. */
export type Overwrite =
  | { readonly kind: 'never' }
  | { readonly kind: 'force' }
  | { readonly kind: 'unchanged-since'; readonly text: string };

/**
 * Writes a file so that it is never half-written: the text goes to a temporary file in the same folder (same file
 * system, so the rename is atomic), is flushed to disk, then renamed over the target. It never writes through a
 * symbolic link (a link could point anywhere), never replaces a file unless told to, and, when appending to a file
 * it read, refuses if someone changed the file meanwhile. A replaced file keeps its permissions; a new one gets
 * `options.mode` (owner-only by default: an incident holds personal data).
 */
export function writeFileAtomically(
  file: string,
  cwd: string,
  text: string,
  overwrite: Overwrite,
  options: { readonly mode?: number } = {},
): void {
  const target = resolve(cwd, file);
  let exists = false;
  let mode = options.mode ?? 0o600;
  try {
    const stat = lstatSync(target);
    exists = true;
    mode = stat.mode & 0o777;
    if (stat.isSymbolicLink()) throw new CliError(`${file} is a symbolic link; refusing to write through it`);
    if (!stat.isFile()) throw new CliError(`${file} exists and is not a file`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as { code?: string }).code !== 'ENOENT')
      throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
  }
  if (exists && overwrite.kind === 'never')
    throw new CliError(`${file} already exists; use --force to replace it, or choose another name`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    fchmodSync(fd, mode); // the umask may have narrowed it
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (overwrite.kind === 'unchanged-since' && readFileSync(target, 'utf8') !== overwrite.text)
      throw new CliError(`${file} changed while this command ran; nothing was written, run it again`);
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}
