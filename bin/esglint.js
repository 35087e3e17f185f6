#!/usr/bin/env node
import { optimizeOnlyHotCode } from '../dist/cli/tiering.js';

// Before the checker's modules load, so that every function they hold gets the budget.
optimizeOnlyHotCode();
const { main } = await import('../dist/cli/main.js');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
