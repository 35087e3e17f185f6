import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = resolve(root, 'bin', 'esglint.js');
export const sharedReport = resolve(root, '..', 'shared', 'corpus', 'vcredit-esg-2024.zh-Hant.txt');
export const hasSharedReport = existsSync(sharedReport);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would. */
export function esglint(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    // JSON of a few reports passes spawnSync's default 1 MB, which would cut it off mid-run.
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function fixture(...parts: string[]): string {
  return resolve(root, 'test', 'fixtures', ...parts);
}
