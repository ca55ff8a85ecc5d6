// mocha's settings for npm test. Files run in parallel, one worker per core;
// each file starts on the host's default board (test/support/fresh-host-board.ts),
// whatever board the file before it in that worker set. Bundles are shared through the build's cache
// (src/build/bundle-cache.ts). The timeout is a hang guard, not a verdict:
// tests wait on events or move virtual time, and a CPU-bound test on a busy
// machine must not fail for being slow.
module.exports = {
  spec: ".build/test/**/*.test.js",
  require: ["./.build/src/sim/host-resolve.js", "./.build/test/support/fresh-host-board.js", "./.build/test/support/file-times.js"],
  "node-option": ["enable-source-maps"],
  reporter: "./.build/test/support/summary-reporter.js",
  parallel: true,
  jobs: Math.max(2, require("os").cpus().length),
  timeout: 300000,
};
