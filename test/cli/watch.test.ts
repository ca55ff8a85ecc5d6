// The inner loop: `ristretto sim` compiles the app's own module graph alone,
// incrementally (src/cli/app-compile.ts), and `--watch` on sim and build runs
// again when a file of the app is saved (src/cli/watch.ts). The watch tests
// wait for the child's own lines, never for a time.

import assert = require("assert");
import childProcess = require("child_process");
import fs = require("fs");
import os = require("os");
import path = require("path");
import { compileApp } from "../../src/cli/app-compile";
import { main } from "../../src/cli/ristretto";
import { fakeIo } from "./fake-io";

var ROOT = path.resolve(__dirname, "../../.."), made: string[] = [];

function blink(periodMs: number): string {
  return ['import { run, sleepMs } from "ristretto";', 'import { output } from "ristretto/io";', 'import { LED1 } from "ristretto/board";', "", "run(async function () {", "  var led = output(LED1);", "  for (;;) {", "    led.toggle();", "    await sleepMs(" + periodMs + ");", "  }", "});", ""].join("\n");
}

/** A folder of apps outside any project: `blink` (500 ms), and `broken`, with a type error. */
function apps(): string {
  var dir = fs.mkdtempSync(path.join(os.tmpdir(), "ristretto-watch-"));
  made.push(dir);
  fs.mkdirSync(path.join(dir, "blink"));
  fs.writeFileSync(path.join(dir, "blink", "main.ts"), blink(500));
  fs.mkdirSync(path.join(dir, "broken"));
  fs.writeFileSync(path.join(dir, "broken", "main.ts"), 'import { run } from "ristretto";\nvar n: number = "one";\nrun(async function () {});\n');
  return dir;
}

/** `ristretto <args>` as a child, and a way to wait for its output to match. */
function spawn(args: string[]) {
  var child = childProcess.spawn(process.execPath, [path.join(ROOT, "bin/ristretto.js")].concat(args), { cwd: ROOT, env: Object.assign({}, process.env, { RISTRETTO_NO_COMPILE: "1" }) });
  var text = { out: "", err: "" }, waiting: (() => void)[] = [];
  function changed() {
    waiting.slice().forEach((w) => w());
  }
  child.stdout.on("data", (d) => ((text.out += d), changed()));
  child.stderr.on("data", (d) => ((text.err += d), changed()));
  /** Resolves once stderr has `n` lines matching `re`. */
  function until(re: RegExp, n: number): Promise<void> {
    return new Promise(function (resolve, reject) {
      function check() {
        if ((text.err.match(new RegExp(re.source, "gm")) || []).length >= n) {
          waiting.splice(waiting.indexOf(check), 1);
          resolve();
        }
      }
      child.on("exit", (code) => reject(new Error("exited " + code + " before /" + re.source + "/ x" + n + ":\n" + text.out + text.err)));
      waiting.push(check);
      check();
    });
  }
  return { child: child, text: text, until: until };
}

describe("the inner loop", function () {
  this.timeout(300000); // a hang guard: compiles and child processes
  after(function () {
    made.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });

  it("sim compiles the app's own module graph alone: a broken app beside it changes nothing, and its own errors are path:line:col", async function () {
    var dir = apps(), io = fakeIo();
    var code = await main(["sim", path.join(dir, "blink"), "--until", "1s", "--no-tty"], io);
    assert.deepStrictEqual([code, io.stderr], [0, ""]);
    assert.deepStrictEqual(io.stdout.split("\n").slice(0, 3), ["0.000s LED1 on", "0.500s LED1 off", "1.000s LED1 on"]);
    io = fakeIo();
    code = await main(["sim", path.join(dir, "broken"), "--no-tty"], io);
    assert.deepStrictEqual([code, io.stdout], [1, ""]);
    assert.strictEqual(io.stderr, path.relative(process.cwd(), path.join(dir, "broken/main.ts")) + ":2:5: type error: Type 'string' is not assignable to type 'number'.\n");
  });

  it("compiles again only what changed: an unchanged app's compiled files are not written again", function () {
    var dir = apps(), first = compileApp(path.join(dir, "blink"));
    assert.deepStrictEqual(first.errors, []);
    var past = new Date(Date.UTC(2020, 0, 1));
    fs.utimesSync(first.main, past, past); // so that a rewrite would show
    var again = compileApp(path.join(dir, "blink"));
    assert.deepStrictEqual(again, first);
    assert.strictEqual(fs.statSync(first.main).mtimeMs, past.getTime());
    fs.writeFileSync(path.join(dir, "blink", "main.ts"), blink(250));
    assert.match(fs.readFileSync(compileApp(path.join(dir, "blink")).main, "utf8"), /sleepMs\)\(250\)/);
  });

  it("sim --watch runs the app again when it is saved, with the change", async function () {
    var dir = apps(), s = spawn(["sim", path.join(dir, "blink"), "--watch", "--until", "1s", "--no-tty"]);
    try {
      await s.until(/^ristretto: watching /, 1);
      assert.match(s.text.out, /^0\.000s LED1 on\n0\.500s LED1 off\n1\.000s LED1 on\n/);
      fs.writeFileSync(path.join(dir, "blink", "main.ts"), blink(300));
      await s.until(/^ristretto: watching /, 2);
      var second = s.text.out.split(/\n(?=0\.000s LED1 on)/)[1];
      assert.match(second, /^0\.000s LED1 on\n0\.300s LED1 off\n0\.600s LED1 on\n0\.900s LED1 off\n/);
      assert.match(s.text.err, /ristretto: .*main\.ts changed\n/);
    } finally {
      s.child.kill();
    }
  });

  it("build --watch builds again when the app is saved, and says what failed without stopping", async function () {
    var dir = apps(), out = path.join(dir, "dist"), s = spawn(["build", path.join(dir, "blink"), "--board", "puckjs", "--out", out, "--watch"]);
    try {
      await s.until(/^ristretto: watching .*exited 0/, 1);
      fs.writeFileSync(path.join(dir, "blink", "main.ts"), 'import { LED9 } from "ristretto/board";\n');
      await s.until(/^ristretto: watching .*exited 1/, 1);
      assert.match(s.text.err, /blink\/main\.ts:1:10: .*LED9/);
      fs.writeFileSync(path.join(dir, "blink", "main.ts"), blink(123));
      await s.until(/^ristretto: watching .*exited 0/, 2);
      assert.match(fs.readFileSync(path.join(out, "blink.puckjs.js"), "utf8"), /123/);
    } finally {
      s.child.kill();
    }
  });

  it("build --watch whose first bundle came from the cache warms up, and a save meanwhile builds once that is done", async function () {
    var dir = apps(), out = path.join(dir, "dist"), args = ["build", path.join(dir, "blink"), "--board", "puckjs", "--out", out];
    var io = fakeIo();
    assert.strictEqual(await main(args, io), 0, io.stderr); // so that the watch's first build is the cache's
    var s = spawn(args.concat("--watch"));
    try {
      await s.until(/^ristretto: watching .*exited 0/, 1);
      fs.writeFileSync(path.join(dir, "blink", "main.ts"), blink(321)); // while it warms up
      await s.until(/^ristretto: watching .*exited 0/, 2);
      assert.match(fs.readFileSync(path.join(out, "blink.puckjs.js"), "utf8"), /321/);
      assert.strictEqual(s.text.out.split(" variables: ").length - 1, 2, s.text.out); // the warm-up printed no size line
    } finally {
      s.child.kill();
    }
  });
});
