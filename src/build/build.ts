// The device build: one Espruino-safe script per app and board.
//
//   app .ts ─► TypeScript (ES5, ristretto's helpers) ─► rollup (tree-shaken,
//   one IIFE) ─► terser (settings that stay in the subset) ─► lowering
//   (lower.ts) ─► dialect check (check.ts) ─► dist/<app>.<board>.js + .map
//
// Host only.

import fs = require("fs");
import path = require("path");
import { rollup } from "rollup";
import type { InputOptions, OutputOptions } from "rollup";
import typescript from "@rollup/plugin-typescript";
import terser from "@rollup/plugin-terser";
import { checkPlugin } from "./check-plugin";
import { internalNames } from "./internal-names";
import { lowerPlugin } from "./lower-plugin";
import { resolvePlugin } from "./resolve-plugin";
import { runtimeOf } from "./runtimes";
import { sizePlugin } from "./size-plugin";
import { terseErrorsPlugin } from "./terse-errors-plugin";
import type { SizeReport } from "./size-plugin";

export interface BuildOptions {
  /** A folder with main.ts (firmware/blink) or a .ts file. */
  app: string;
  board: string;
  /** The ristretto package folder (default: this one). */
  root?: string;
  outDir?: string;
  /** false: keep the output readable, and the full error messages (still lowered and checked). */
  minify?: boolean;
}

export var ROOT = path.resolve(__dirname, "../../..");

/** The app's entry file and name; an error naming the apps there are if it is missing. */
export function appEntry(app: string, root: string): { entry: string; name: string } {
  var p = path.resolve(app), entry = "";
  if (fs.existsSync(p) && fs.statSync(p).isDirectory() && fs.existsSync(path.join(p, "main.ts"))) entry = path.join(p, "main.ts");
  else if (/\.ts$/.test(p) && fs.existsSync(p)) entry = p;
  else if (fs.existsSync(p + ".ts")) entry = p + ".ts";
  if (!entry) {
    var dir = path.join(root, "firmware"), apps = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    throw new Error('App "' + app + '" not found: expected a folder with main.ts or a .ts file. Apps in firmware/: ' + apps.join(", "));
  }
  return { entry: entry, name: path.basename(entry) === "main.ts" ? path.basename(path.dirname(entry)) : path.basename(entry, ".ts") };
}

export function rollupOptions(o: BuildOptions, onSize?: (r: SizeReport) => void): { input: InputOptions; output: OutputOptions } {
  var root = o.root || ROOT, outDir = path.resolve(o.outDir || path.join(root, "dist"));
  var runtime = runtimeOf(o.board), app = appEntry(o.app, root);
  var plugins = [
    resolvePlugin(root),
    typescript({
      tsconfig: path.join(root, "tsconfig.json"),
      // Device code only: host code (build, cli, sim) never goes into a bundle.
      include: ["src/index.ts", "src/core/**/*.ts", "src/sync/**/*.ts", "src/funcs/**/*.ts", "src/io/**/*.ts", "src/hal/**/*.ts"]
        .map(function (p) {
          return path.join(root, p);
        })
        .concat([path.join(path.dirname(app.entry), "**/*.ts")]),
      compilerOptions: {
        module: "esnext",
        target: "es5",
        lib: ["es5", "es2015.promise"],
        types: [],
        importHelpers: true,
        sourceMap: true,
        inlineSources: true,
        declaration: false,
        // Emitted (in memory) beside the sources, so the maps' paths resolve.
        outDir: undefined,
        noEmitOnError: true,
      },
      tslib: path.join(root, "src/core/tslib.ts"),
      outputToFilesystem: false,
    }),
    o.minify === false ? undefined : terseErrorsPlugin(),
    o.minify === false
      ? undefined
      : terser({
          ecma: 5,
          // join_vars would put an `in` into a for-init (rule 7)
          compress: { hoist_funs: true, join_vars: false, passes: 2 },
          mangle: {
            reserved: ["of", "static", "undefined"], // rule 8
            properties: { regex: new RegExp("^(" + internalNames(root).join("|") + ")$"), reserved: ["of", "static"] },
          },
          format: { ecma: 5, semicolons: true },
        }),
    lowerPlugin(),
    checkPlugin(root, outDir),
    onSize ? sizePlugin(root, onSize) : undefined,
  ];
  return {
    input: { input: app.entry, plugins: plugins, treeshake: { moduleSideEffects: false }, onwarn: onwarn },
    output: {
      file: path.join(outDir, app.name + "." + runtime + ".js"),
      format: "iife",
      name: "app",
      strict: false, // Espruino ignores it; no code may rely on it (rule 21)
      freeze: false, // no Object.freeze on Espruino (rule 16)
      esModule: false,
      generatedCode: "es5",
      sourcemap: true,
    },
  };
}

function onwarn(w: { code?: string; message: string }, warn: (w: any) => void): void {
  if (w.code === "CIRCULAR_DEPENDENCY") return warn(w);
  warn(w);
}

/** Builds and writes the bundle; returns its size report. */
export async function build(o: BuildOptions): Promise<SizeReport> {
  var report: SizeReport | undefined;
  var opts = rollupOptions(o, function (r) {
    report = r;
  });
  var bundle = await rollup(opts.input);
  try {
    await bundle.write(opts.output);
  } finally {
    await bundle.close();
  }
  return report!;
}
