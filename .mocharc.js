// mocha's settings for npm test. Test files run in parallel, one worker per
// core: each file is independent (its own temporary folders and ports), and
// the bundles they build are shared through the build's cache
// (src/build/bundle-cache.ts). The timeout is a hang guard, not a verdict:
// tests wait on events or move virtual time, and a CPU-bound test on a busy
// machine must not fail for being slow.
module.exports = {
  spec: ".build/test/**/*.test.js",
  require: "./.build/src/sim/host-resolve.js",
  "node-option": ["enable-source-maps"],
  reporter: "./.build/test/support/summary-reporter.js",
  parallel: true,
  jobs: Math.max(2, require("os").cpus().length),
  timeout: 300000,
};
