import { createInterface } from 'node:readline';
import type { ReadLine } from './questionnaire.js';

/**
 * Reads a stream line by line, whether a person types at a terminal or lines are piped in: lines that arrive before
 * they are asked for are kept, not lost. Close it when done so the process can exit.
 */
export function lineReader(input: NodeJS.ReadableStream): { readLine: ReadLine; close: () => void } {
  const rl = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  const lines = rl[Symbol.asyncIterator]();
  return {
    readLine: async () => {
      const next = await lines.next();
      return next.done ? undefined : (next.value as string);
    },
    close: () => rl.close(),
  };
}
