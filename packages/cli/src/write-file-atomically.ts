import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content all at once: the new text goes to a temporary file in the same folder, which is then
 * renamed over the file. A crash or a full disk leaves either the old file or the new one, never half of either.
 * A symbolic link is followed, so the file it points to is replaced and the link stays a link; the file keeps its
 * permissions.
 */
export function writeFileAtomically(file: string, text: string): void {
  const target = realpathSync(file);
  const mode = statSync(target).mode & 0o7777;
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    // 'wx': never write through a file that is already there.
    writeFileSync(temp, text, { flag: 'wx', mode });
    chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
