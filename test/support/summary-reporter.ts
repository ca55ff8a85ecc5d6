// mocha's dot reporter, plus a last line "N passed, N failed" that CI reads.
import Mocha = require("mocha");

class SummaryReporter extends Mocha.reporters.Dot {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    runner.once("end", function () {
      var s = runner.stats!;
      console.log(s.passes + " passed, " + s.failures + " failed" + (s.pending ? ", " + s.pending + " skipped" : ""));
    });
  }
}

export = SummaryReporter;
