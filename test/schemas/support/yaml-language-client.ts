import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A diagnostic as the Language Server Protocol publishes it (the fields the tests read). */
export interface Diagnostic {
  readonly message: string;
  readonly severity?: number;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** A completion item (the fields the tests read). */
export interface CompletionItem {
  readonly label: string;
}

type Message = {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
};

/** Settings as an editor sends them: validation and completion on, and no SchemaStore (the tests run offline). */
const SETTINGS = {
  yaml: {
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
    schemaStore: { enable: false },
  },
};

/**
 * A minimal LSP client for `yaml-language-server --stdio`, as an editor runs it: JSON-RPC messages framed by
 * `Content-Length` headers over the server's stdin and stdout. It opens documents, waits for their diagnostics and
 * asks for completions; it answers the server's configuration requests with {@link SETTINGS}.
 */
export class YamlLanguageClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly diagnostics = new Map<string, (d: Diagnostic[]) => void>();
  private stderr = '';

  private constructor() {
    const bin = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
    this.server = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.server.on('exit', (code) => {
      for (const { reject } of this.pending.values()) {
        reject(new Error(`yaml-language-server exited (${code}): ${this.stderr.slice(-2000)}`));
      }
      this.pending.clear();
    });
  }

  /** Starts the server and completes the initialize handshake, rooted at `root`. */
  static async start(root: string): Promise<YamlLanguageClient> {
    const client = new YamlLanguageClient();
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          completion: { completionItem: { snippetSupport: false } },
          publishDiagnostics: {},
        },
      },
    });
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
    return client;
  }

  /** Opens a YAML document at `path` (which need not exist: its folder resolves the schema modeline). */
  async open(path: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path).href;
    const published = new Promise<Diagnostic[]>((resolve) => this.diagnostics.set(uri, resolve));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return withTimeout(published, 20000, `no diagnostics for ${path}`);
  }

  /** The completion items offered at a line and character of an open document. */
  async complete(path: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = (await this.request('textDocument/completion', {
      textDocument: { uri: pathToFileURL(path).href },
      position: { line, character },
    })) as { items: CompletionItem[] } | CompletionItem[] | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  /** Closes a document, so the next open of the same path publishes afresh. */
  close(path: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri: pathToFileURL(path).href } });
  }

  /** Shuts the server down as an editor does, and waits for the process to end. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.server.once('exit', () => resolve()));
    await withTimeout(this.request('shutdown', null), 5000, 'no answer to shutdown').catch(() => undefined);
    this.notify('exit', null);
    await withTimeout(exited, 5000, 'the server did not exit').catch(() => this.server.kill());
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return withTimeout(answer, 20000, `no answer to ${method}`);
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.server.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(
        /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1],
      );
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(start + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result);
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.get(uri)?.(diagnostics);
      this.diagnostics.delete(uri);
      return;
    }
    if (message.id === undefined) return;
    // A request from the server: settings for each configuration item asked for, and nothing for the rest.
    const result =
      message.method === 'workspace/configuration'
        ? (message.params as { items: { section?: string }[] }).items.map(({ section }) =>
            section === undefined ? SETTINGS : ((SETTINGS as Record<string, unknown>)[section] ?? null),
          )
        : null;
    this.send({ jsonrpc: '2.0', id: message.id, result });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The repository root, for document paths beside the examples (so relative schema modelines resolve). */
export const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..', '..');
