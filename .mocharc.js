// mocha's settings for npm test. Files run one after another: in parallel
// mode some io/sim tests read the host board another file set, so they fail
// by file order. Bundles are shared through the build's cache
// (src/build/bundle-cache.ts). The timeout is a hang guard, not a verdict:
// tests wait on events or move virtual time, and a CPU-bound test on a busy
// machine must not fail for being slow.
module.exports = {
  spec: ".build/test/**/*.test.js",
  require: "./.build/src/sim/host-resolve.js",
  "node-option": ["enable-source-maps"],
  reporter: "./.build/test/support/summary-reporter.js",
  parallel: false, // parallel mode (one worker per core) exposed tests that depend on the host board another file set: serial until they are fixed
  jobs: Math.max(2, require("os").cpus().length),
  timeout: 300000,
};
