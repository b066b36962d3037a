// Loaded with `node --import` into a command the bench runs: on exit, reports the process's peak RSS
// (KiB) on stderr, so the bench can measure a child process's memory without platform tools.
process.on('exit', () => {
  process.stderr.write(`\nhdm-bench-maxrss-kib=${process.resourceUsage().maxRSS}\n`);
});
