/** A policy file the page can load: its name and its text. */
export interface PolicyFile {
  readonly name: string;
  readonly text: string;
}

// Every policy in examples/policies is bundled as text (no request at run time); a new one appears on the next build.
// Test-case tables (`*.cases.yaml`) live beside the policies and are not policies.
const files = import.meta.glob<string>(
  ['../../policies/*.{yaml,yml}', '!../../policies/*.cases.{yaml,yml}'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** The example policies bundled with the page, by file name. */
export const bundledPolicies: readonly PolicyFile[] = Object.entries(files)
  .map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** The policy the page opens with: the flagship (`000_…`) when bundled, else the starter, else the first. */
export function defaultPolicyFile(policies: readonly PolicyFile[] = bundledPolicies): PolicyFile | undefined {
  return (
    policies.find((p) => p.name.startsWith('000_')) ??
    policies.find((p) => p.name === 'starter.yaml') ??
    policies[0]
  );
}
