/**
 * Build step: parse and validate the built-in rules once and write dist/rules.compiled.json,
 * so that a run does not parse YAML (see parseRuleFiles). Run by `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { compiledRulesFile, defaultRulesDir, loadRules, parseRuleFiles } from './load.js';

const parsed = parseRuleFiles(defaultRulesDir, false);
// Everything that loading checks beyond the schemas (term sets, ids, dependencies) runs too.
loadRules(defaultRulesDir);
writeFileSync(compiledRulesFile, JSON.stringify(parsed));
console.log(`rules compiled: ${Object.keys(parsed.data).length} files, hash ${parsed.hash}`);
