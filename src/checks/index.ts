import type { Check } from './context.js';
import { missingChecks } from './missing.js';
import { contentIndexChecks } from './content-index.js';
import { dependencyChecks } from './dependencies.js';
import { griChecks } from './gri.js';
import { staleChecks } from './stale.js';
import { draftChecks } from './draft.js';
import { yoyChecks } from './yoy.js';
import { inconsistentChecks } from './inconsistent.js';
import { revisionChecks } from './revisions.js';

/** Every check family, in the order their findings are produced (they are sorted later). */
export const CHECKS: Check[] = [missingChecks, contentIndexChecks, dependencyChecks, griChecks, staleChecks, draftChecks, yoyChecks, inconsistentChecks, revisionChecks];
