// A worker of the bench's machine probe: a fixed amount of one kind of work, then its time.
// 'loop' is arithmetic in registers; 'alloc' makes short-lived objects, as parsing does.
import { parentPort, workerData } from 'node:worker_threads';

const t = performance.now();
let sink = 0;
if (workerData.kind === 'loop') {
  for (let i = 0; i < 3e8; i++) sink = (sink + i * 7) | 0;
} else {
  for (let r = 0; r < 40; r++) {
    const objects = [];
    for (let i = 0; i < 2e5; i++) objects.push({ at: i, text: `x${i & 1023}`, list: [i] });
    sink += objects.length;
  }
}
parentPort.postMessage({ ms: performance.now() - t, sink });
