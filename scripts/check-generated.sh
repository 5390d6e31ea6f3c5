#!/usr/bin/env bash
# Regenerates every committed artifact (each package's `generate` script) and fails if anything changed:
# generated files are committed, so a stale one is a bug.
set -euo pipefail
cd "$(dirname "$0")/.."
npx -y pnpm@10.34.9 -r --if-present run generate
changes=$(git status --porcelain --untracked-files=all -- . ':!pnpm-lock.yaml' | grep -v -E 'node_modules|/dist/|test-results|screenshots' || true)
if [ -n "$changes" ]; then
  echo "Generated files are stale; run 'pnpm generate' and commit:" >&2
  echo "$changes" >&2
  git --no-pager diff --stat >&2
  exit 1
fi
echo "generated files are current"
