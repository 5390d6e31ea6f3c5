import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './cli-error.js';
import { describeFsError } from './read-input-file.js';

// Every file the CLI writes (render -o, init, fmt, incident) goes through this one function, so the promises made to
// the user (nothing overwritten without --force, never its own input, never through a link, never half-written)
// hold for every command alike.

/** When an existing file may be replaced: never, with `--force`, or only while it still holds what was read. */
export type Overwrite =
  | { readonly kind: 'never' }
  | { readonly kind: 'force' }
  | { readonly kind: 'unchanged-since'; readonly text: string };

/** How a file was written: created, or replacing one that was there. */
export type WriteOutcome = 'created' | 'replaced';

/** Where and how `writeFileAtomically` writes, besides the text. */
export interface WriteOptions {
  /** The working folder relative paths start from. */
  readonly cwd: string;
  /** When an existing file may be replaced. */
  readonly overwrite: Overwrite;
  /** The files the command read: the output may never be one of them, whatever `overwrite` says. */
  readonly inputs?: readonly string[];
  /**
   * The permissions of a new file, exactly (an incident holds personal data: `0o600`). Without it a new file gets
   * the usual `0o666` narrowed by the umask. A replaced file always keeps its own permissions.
   */
  readonly mode?: number;
}

const lstatOrUndefined = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** Whether two paths name the same file, following links as a reader of either would. */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    try {
      return realpathSync(a) === realpathSync(b);
    } catch {
      return false;
    }
  }
}

/**
 * Every refusal `writeFileAtomically` makes before it writes, made on its own: a command that must ask a person
 * questions first (`init --interview`) checks before the first question, in the same words, rather than after the
 * last. Returns what is at `file` now (undefined when nothing is), or throws the one-line `CliError`.
 */
export function checkWritable(file: string, options: WriteOptions): Stats | undefined {
  const target = resolve(options.cwd, file);
  for (const input of options.inputs ?? []) {
    if (sameFile(target, resolve(options.cwd, input)))
      throw new CliError(`${file} is the input ${input}; fairpost never writes over its own input`);
  }
  let existing: Stats | undefined;
  try {
    existing = lstatOrUndefined(target);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
  }
  if (existing?.isSymbolicLink())
    throw new CliError(
      `${file} is a symbolic link; refusing to write through it (remove it, or choose another name)`,
    );
  if (existing?.isDirectory()) throw new CliError(`cannot write ${file}: it is a folder`);
  if (existing && !existing.isFile()) throw new CliError(`cannot write ${file}: it is not a regular file`);
  if (!existing && options.overwrite.kind === 'unchanged-since')
    throw new CliError(`${file} was removed while this command ran; nothing was written`);
  if (existing && options.overwrite.kind === 'never')
    throw new CliError(`${file} already exists; add --force to replace it, or choose another name`);
  return existing;
}

/**
 * Writes a file without ever losing what was there. It refuses to write onto one of the command's `inputs`, through
 * a symbolic link (a link could point anywhere; it is never followed and never replaced), onto a folder or other
 * special file, and onto an existing file unless `overwrite` allows it (`unchanged-since` also refuses when someone
 * changed the file since it was read). The text goes to a temporary file in the same folder, is flushed to disk,
 * then linked into place (a new file: fails if one appeared meanwhile) or renamed over the old one, so a failure
 * part-way leaves the old file, or nothing, never half a file. Every refusal is a one-line `CliError`.
 */
export function writeFileAtomically(file: string, text: string, options: WriteOptions): WriteOutcome {
  const target = resolve(options.cwd, file);
  const existing = checkWritable(file, options);
  const mode = existing ? existing.mode & 0o777 : options.mode;
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  let fd: number | undefined;
  try {
    // 'wx' creates the temporary file or fails: it never follows or reuses anything already there.
    fd = openSync(temporary, 'wx', mode ?? 0o666);
    if (mode !== undefined) fchmodSync(fd, mode); // the umask may have narrowed a mode that must be exact
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (existing) {
      const overwrite = options.overwrite;
      if (overwrite.kind === 'unchanged-since' && readFileSync(target, 'utf8') !== overwrite.text)
        throw new CliError(`${file} changed while this command ran; nothing was written, run it again`);
      renameSync(temporary, target);
    } else {
      // link, unlike rename, refuses to replace a file that appeared since the check above.
      linkSync(temporary, target);
      unlinkSync(temporary);
    }
    return existing ? 'replaced' : 'created';
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone (renamed into place, or never created).
    }
    if (error instanceof CliError) throw error;
    if ((error as { code?: string }).code === 'EEXIST' && !existing)
      throw new CliError(`${file} already exists; add --force to replace it, or choose another name`);
    throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}
