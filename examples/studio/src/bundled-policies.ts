import type { PolicyText } from './views.js';

// Every policy in examples/policies is bundled as text (no request at run time); `*.cases.yaml` are test tables.
const files = import.meta.glob<string>(
  ['../../policies/*.{yaml,yml}', '!../../policies/*.cases.{yaml,yml}'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** The example policies bundled with the studio, by file name. */
export const bundledPolicies: readonly PolicyText[] = Object.entries(files)
  .map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }))
  .sort((a, b) => a.name.localeCompare(b.name));
