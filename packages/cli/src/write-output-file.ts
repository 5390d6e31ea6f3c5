import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
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

/** How a file was written: created, or replacing one that was there (only with `--force`). */
export type WriteOutcome = 'created' | 'replaced';

/** What `writeOutputFile` needs besides the text. */
export interface WriteOptions {
  /** The working folder relative paths start from. */
  readonly cwd: string;
  /** Replace an existing file (never a folder, and never one of `inputs`). */
  readonly force: boolean;
  /** The files the command read: the output may never be one of them, whatever `force` says. */
  readonly inputs: readonly string[];
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
 * Writes a file the user asked for without ever losing what was there: an existing file is replaced only with
 * `force`, never when it is one of the command's inputs, and never through a symbolic link (the link itself would be
 * replaced, and only with `force`). The text goes to a temporary file in the same folder that is then linked (new
 * file: fails if one appeared meanwhile) or renamed (replacement) into place, so a failure part-way leaves the old
 * file, or nothing, never half a file.
 */
export function writeOutputFile(file: string, text: string, options: WriteOptions): WriteOutcome {
  const target = resolve(options.cwd, file);
  for (const input of options.inputs) {
    if (sameFile(target, resolve(options.cwd, input))) {
      throw new CliError(`${file} is the input ${input}; fairpost never writes over its own input`);
    }
  }
  let existing: Stats | undefined;
  try {
    existing = lstatOrUndefined(target);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
  }
  if (existing?.isDirectory()) throw new CliError(`cannot write ${file}: it is a folder`);
  if (existing && !options.force) {
    const what = existing.isSymbolicLink() ? 'a symbolic link' : 'a file';
    throw new CliError(`${file} already exists (${what}); add --force to replace it`);
  }
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    throw new CliError(`cannot write ${file}: it is not a regular file`);
  }
  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // 'wx' creates the temporary file or fails: it never follows or reuses anything already there.
    fd = openSync(temporary, 'wx', existing?.isFile() ? existing.mode & 0o777 : 0o666);
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (existing) renameSync(temporary, target);
    else {
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
    if ((error as { code?: string }).code === 'EEXIST' && !existing) {
      throw new CliError(`${file} already exists; add --force to replace it`);
    }
    throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}
