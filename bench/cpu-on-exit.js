// Loaded with --import by bench/run.js into a spawned esglint: on exit, prints the CPU time the
// process used on all its threads (the main thread, workers, V8's collector and compiler threads)
// and its peak resident memory.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${((user + system) / 1000).toFixed(0)} max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
