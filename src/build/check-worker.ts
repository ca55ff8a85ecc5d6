// The thread the device build's type check runs in (check-client.ts starts
// it), so that checking the app and bundling it use two cores at once. For
// each check it first transpiles the app's modules (app-transpile.ts), each
// told to the bundling thread as soon as it is in the cache, then checks.
// It lives as long as the process, and keeps what type-check.ts learnt
// between builds. Host only.

import { parentPort, workerData } from "worker_threads";
import { cachePackages, keepCodeCache, setV8Flags } from "./code-cache";
import type { CheckRequest } from "./type-check";

export interface CheckReply {
  id: number;
  /** A module of the app now in the transpile cache. */
  transpiled?: string;
  /** Every module of the app that this thread transpiles is. */
  transpiledAll?: boolean;
  errors?: string[];
  /** The check itself failed (a bug, not the app's error): its stack. */
  failure?: string;
}

setV8Flags((workerData as { v8Flags: string }).v8Flags); // the process's, already set: for the caches' key

parentPort!.on("message", function (m: { id: number; request: CheckRequest }) {
  var reply: CheckReply;
  try {
    cachePackages(["typescript"], "check", m.request.root); // before the modules below require it
    (require("./app-transpile") as typeof import("./app-transpile")).transpileApp(m.request.root, m.request.entry, function (file) {
      parentPort!.postMessage({ id: m.id, transpiled: file });
    });
    parentPort!.postMessage({ id: m.id, transpiledAll: true });
    reply = { id: m.id, errors: (require("./type-check") as typeof import("./type-check")).checkApp(m.request) };
    keepCodeCache();
  } catch (e) {
    reply = { id: m.id, failure: String((e as Error).stack || e) };
  }
  parentPort!.postMessage(reply);
});
