/** A progress bar on stderr for long batch runs; nothing at all when stderr is not a terminal. */
import { createRequire } from 'node:module';

/** Runs with fewer files than this finish too soon for a bar to help. */
export const PROGRESS_MIN_FILES = 10;

export interface Progress {
  tick(path: string): void;
  stop(): void;
}

const SILENT: Progress = { tick() {}, stop() {} };

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < PROGRESS_MIN_FILES) return SILENT;
  // Loaded only when a bar is shown.
  const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
  const bar = new SingleBar(
    {
      stream,
      format: 'esglint {bar} {value}/{total} reports | {file}',
      hideCursor: true,
      clearOnComplete: true,
      noTTYOutput: false,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    tick(path) {
      bar.increment(1, { file: path.length > 40 ? `…${path.slice(-39)}` : path });
    },
    stop() {
      bar.stop();
    },
  };
}
