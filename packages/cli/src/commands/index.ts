import type { Command } from '../command.js';
import { askCommand } from './ask-command.js';
import { auditCommand } from './audit-command.js';
import { compareCommand } from './compare-command.js';
import { completionCommand } from './completion-command.js';
import { diffCommand } from './diff-command.js';
import { evalCommand } from './eval-command.js';
import { exportCommand } from './export-command.js';
import { fmtCommand } from './fmt-command.js';
import { incidentCommand } from './incident-command.js';
import { initCommand } from './init-command.js';
import { lintCommand } from './lint-command.js';
import { matrixCommand } from './matrix-command.js';
import { renderCommand } from './render-command.js';
import { schemaCommand } from './schema-command.js';
import { testCommand } from './test-command.js';
import { validateCommand } from './validate-command.js';

/** Every `fairpost` command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  testCommand,
  evalCommand,
  askCommand,
  renderCommand,
  lintCommand,
  auditCommand,
  fmtCommand,
  compareCommand,
  diffCommand,
  exportCommand,
  matrixCommand,
  schemaCommand,
  initCommand,
  completionCommand,
  incidentCommand,
];
