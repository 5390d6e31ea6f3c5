#!/usr/bin/env node
import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
