// Figures other modules publish for the benchmark report (bench/analysis-figures.ts, bench/planner-figures.ts).
// They are optional: a module that is absent is reported as absent, and one that fails is reported with its error.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One module's figures as Markdown, or why there are none. */
export interface ModuleFigures {
  readonly title: string;
  readonly file: string;
  readonly markdown: string;
}

type Exports = Record<string, unknown>;

const isFunction = (v: unknown): v is (...args: unknown[]) => unknown => typeof v === 'function';

/**
 * Imports `bench/<file>` if it exists and runs its figures function (`xFigures()`), formatting the result with its
 * `formatXFigures` when it has one, else as JSON.
 */
export async function moduleFigures(file: string, title: string): Promise<ModuleFigures> {
  const url = new URL(`./${file}`, import.meta.url);
  if (!existsSync(fileURLToPath(url)))
    return { title, file, markdown: `_${file} is not present in this tree._` };
  try {
    const exports = (await import(url.href)) as Exports;
    const names = Object.keys(exports);
    const collect = names.find((n) => /Figures$/.test(n) && !/^format/.test(n) && isFunction(exports[n]));
    if (!collect) return { title, file, markdown: `_${file} exports no \`…Figures\` function._` };
    const figures = await (exports[collect] as () => unknown)();
    const format = names.find((n) => /^format.*Figures$/.test(n) && isFunction(exports[n]));
    const markdown = format
      ? String((exports[format] as (f: unknown) => unknown)(figures))
      : `\`\`\`json\n${JSON.stringify(figures, null, 2)}\n\`\`\``;
    return { title, file, markdown };
  } catch (error) {
    return { title, file, markdown: `_${file} failed: ${(error as Error).message}_` };
  }
}
