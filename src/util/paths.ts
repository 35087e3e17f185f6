import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** The package root (where rules/ and schemas/ live), from dist/util or src/util. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
