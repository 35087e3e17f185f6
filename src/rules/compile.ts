/**
 * Build step: parse and validate the built-in rules once and write dist/rules.compiled.json,
 * so that a run does not parse YAML (see parseRuleFiles). Run by `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { compiledRulesFile, defaultRulesDir, loadRules, parseRuleFiles } from './load.js';
import { compileHygiene } from './hygiene.js';
import { UsageError } from '../util/errors.js';

try {
  const parsed = parseRuleFiles(defaultRulesDir, false);
  // Every regular expression is checked for super-linear backtracking here, once; runs that use
  // this artefact skip the check (its hash is that of the files checked).
  compileHygiene(parsed.data['hygiene.yaml'], 'rules/hygiene.yaml');
  // Everything that loading checks beyond the schemas (term sets, ids, dependencies) runs too.
  loadRules(defaultRulesDir);
  writeFileSync(compiledRulesFile, JSON.stringify(parsed));
  console.log(`rules compiled: ${Object.keys(parsed.data).length} files, hash ${parsed.hash}`);
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  console.error(`rules not compiled: ${err.message}`);
  process.exitCode = 1;
}
