import type { Check } from './context.js';
import { missingChecks } from './missing.js';
import { contentIndexChecks } from './content-index.js';
import { dependencyChecks } from './dependencies.js';
import { inconsistentChecks } from './inconsistent.js';

/** Every check family, in the order their findings are produced (they are sorted later). */
export const CHECKS: Check[] = [missingChecks, contentIndexChecks, dependencyChecks, inconsistentChecks];
