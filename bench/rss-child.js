// Runs `esglint check <file> -f json -o /dev/null` in this process and prints its peak RSS
// (process.resourceUsage().maxRSS, KB) on stderr, for the bench's memory figure.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
(await import(join(root, 'dist', 'cli', 'tiering.js'))).optimizeOnlyHotCode(); // as bin/esglint.js does
const { main } = await import(join(root, 'dist', 'cli', 'main.js'));
const code = await main(['check', process.argv[2], '--no-config', '-f', 'json', '-o', '/dev/null']);
process.stderr.write(`exit ${code} maxRSS ${process.resourceUsage().maxRSS}\n`);
