import {
  type CompiledPolicy,
  compilePolicy,
  formatIssue,
  type Issue,
  type Policy,
  parsePolicySource,
} from '@fairpost/core';
import { CliError } from './cli-error.js';
import { codeFrame } from './code-frame.js';
import type { Palette } from './colour.js';
import { looksLikeCaseTable } from './document-kind.js';
import { displayName, type InputIo, readInputBytes } from './read-input-file.js';

/** A policy file read and checked: the policy, or every issue located in the text. */
export type LoadedPolicy =
  | { readonly ok: true; readonly file: string; readonly text: string; readonly policy: Policy }
  | { readonly ok: false; readonly file: string; readonly text: string; readonly issues: readonly Issue[] };

/**
 * Reads and validates a policy file (YAML, or JSON for `.json`; `-` for standard input), its bytes read as strict
 * UTF-8. A missing file throws a one-line `CliError`.
 */
export function loadPolicy(file: string, io: InputIo): LoadedPolicy {
  return checkPolicyText(displayName(file), readInputBytes(file, io));
}

const lenient = new TextDecoder();

/**
 * Validates policy text or the bytes of a file, locating every issue in the text. Bytes are read as strict UTF-8
 * (an invalid byte is an issue at its line and column); the text kept for code frames is decoded leniently.
 */
export function checkPolicyText(file: string, source: string | Uint8Array): LoadedPolicy {
  const text = typeof source === 'string' ? source : lenient.decode(source);
  const parsed = parsePolicySource(source, { filename: file });
  return parsed.ok
    ? { ok: true, file, text, policy: parsed.policy }
    : { ok: false, file, text, issues: parsed.issues };
}

/** Every issue as `file:line:col: message` followed by a short code frame. */
export function formatIssues(loaded: Extract<LoadedPolicy, { ok: false }>, palette: Palette): string {
  return loaded.issues
    .map((issue) => {
      const line = issue.line ?? 1;
      const column = issue.column ?? 1;
      const where = palette.bold(`${loaded.file}:${line}:${column}:`);
      return `${where} ${palette.red(formatIssue(issue))} ${palette.dim(`[${issue.code}]`)}\n${palette.dim(
        codeFrame(loaded.text, line, column),
      )}\n`;
    })
    .join('\n');
}

/**
 * Loads a policy a command needs in order to go on, and compiles it; an invalid one is reported on stderr with its
 * issues and the command stops with exit 1.
 */
export function loadCompiledPolicy(
  file: string,
  io: InputIo,
  stderr: { write(text: string): unknown },
  palette: Palette,
): { policy: Policy; compiled: CompiledPolicy } {
  return compiledOrExit(loadPolicy(file, io), file, stderr, palette);
}

/**
 * The compiled policy of a loaded file, or the command stops: an invalid policy's issues go to stderr, and a case
 * table is named as one.
 */
export function compiledOrExit(
  loaded: LoadedPolicy,
  file: string,
  stderr: { write(text: string): unknown },
  palette: Palette,
): { policy: Policy; compiled: CompiledPolicy } {
  if (!loaded.ok) {
    // A case table handed to a command that needs a policy: say so, rather than list why it is not a policy.
    if (looksLikeCaseTable(loaded.text))
      throw new CliError(
        `${loaded.file} is a case table, not a policy: run fairpost test ${file}, or give its policy file`,
      );
    stderr.write(formatIssues(loaded, palette));
    throw new CliError(
      `${loaded.file} is not a valid policy (${loaded.issues.length} issue${loaded.issues.length === 1 ? '' : 's'}; run fairpost validate ${file})`,
    );
  }
  return { policy: loaded.policy, compiled: compilePolicy(loaded.policy) };
}
