// A worker of the bench's machine probe: a fixed amount of one kind of work, then its time.
// 'loop' is arithmetic in registers; 'alloc' makes short-lived objects, as parsing does.
import { parentPort, workerData } from 'node:worker_threads';

function arithmetic(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) sum = (sum + i * 7) | 0;
  return sum;
}

function allocating(rounds) {
  let made = 0;
  for (let r = 0; r < rounds; r++) {
    const objects = [];
    for (let i = 0; i < 2e5; i++) objects.push({ at: i, text: `x${i & 1023}`, list: [i] });
    made += objects.length;
  }
  return made;
}

const t = performance.now();
const result = workerData.kind === 'loop' ? arithmetic(3e8) : allocating(40);
parentPort.postMessage({ ms: performance.now() - t, result });
