/** Where a command reads and writes: the process's streams in `bin.ts`, in-memory ones in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  /** The folder relative paths are read from and written to. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Standard input read in full, when the command line names `-` as a file: `runCli` reads it once before the
   * command runs, so every loader can treat `-` like any other file.
   */
  readonly stdinText?: string;
}

/** The process's own streams, folder and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
  };
}
