// Runs before every test file (vitest.config.ts `setupFiles`).
import { scaleDefaultRuns } from './property-runs.js';

scaleDefaultRuns();
