/**
 * Build step: parse and validate the built-in rules once and write dist/rules.compiled.json,
 * so that a run does not parse YAML (see parseRuleFiles). Run by `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { compiledRulesFile, defaultRulesDir, loadRules, parseRuleFiles, type ParsedRules } from './load.js';
import { forgetFolds, knownFolds } from '../util/normalize.js';
import { termsOf } from '../evidence/coverage.js';
import { foldTerms } from '../evidence/text-index.js';
import { compileLexicon } from '../facts/lexicon.js';
import { compileHygiene } from './hygiene.js';
import { UsageError } from '../util/errors.js';

try {
  const parsed = parseRuleFiles(defaultRulesDir, false);
  // Every regular expression is checked for super-linear backtracking here, once; runs that use
  // this artefact skip the check (its hash is that of the files checked).
  compileHygiene(parsed.data['hygiene.yaml'], 'rules/hygiene.yaml');
  // Everything that loading checks beyond the schemas (term sets, ids, dependencies) runs too.
  forgetFolds();
  const rules = loadRules(defaultRulesDir);
  // Every term of the packs and phrase of the metric lexicon is folded here, once: a run
  // starts with their folds (Traditional → Simplified conversion is most of a cold run's
  // setting up of the term search).
  for (const pack of rules.packs) foldTerms(termsOf([pack], rules.common));
  compileLexicon(rules.metrics);
  writeFileSync(compiledRulesFile, JSON.stringify({ ...parsed, folds: knownFolds() } satisfies ParsedRules));
  console.log(`rules compiled: ${Object.keys(parsed.data).length} files, hash ${parsed.hash}`);
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  console.error(`rules not compiled: ${err.message}`);
  process.exitCode = 1;
}
