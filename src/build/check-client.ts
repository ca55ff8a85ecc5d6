// Starts the device build's type check on its own thread (check-worker.ts)
// and gives its errors when they are known. One thread a process, started at
// the first build and kept for the next (--watch, several boards, the
// tests): the library's types stay parsed there. It never keeps the process
// alive while no check is pending. Host only.

import path = require("path");
import { Worker } from "worker_threads";
import type { CheckRequest } from "./type-check";
import type { CheckReply } from "./check-worker";

interface Pending {
  resolve(errors: string[]): void;
  reject(e: Error): void;
}

var worker: Worker | undefined;
var pending: { [id: number]: Pending } = {};
var waiting = 0, next = 0;

function settle(id: number): Pending {
  var p = pending[id];
  delete pending[id];
  if (--waiting === 0 && worker) worker.unref();
  return p;
}

function start(): Worker {
  var w = new Worker(path.join(__dirname, "check-worker.js"));
  w.on("message", function (m: CheckReply) {
    var p = settle(m.id);
    if (m.failure !== undefined) p.reject(new Error("The type check failed: " + m.failure));
    else p.resolve(m.errors!);
  });
  // A thread that dies takes its pending checks with it; the next check starts a new one.
  function lost(e: Error): void {
    if (worker === w) worker = undefined;
    Object.keys(pending).forEach(function (id) {
      settle(+id).reject(e);
    });
  }
  w.on("error", lost);
  w.on("exit", function (code) {
    lost(new Error("The type check's thread exited (" + code + ")"));
  });
  w.unref();
  return w;
}

/** The app's type errors (type-check.ts), found on the check's thread while the caller goes on. */
export function checkApart(request: CheckRequest): Promise<string[]> {
  if (process.env.RISTRETTO_CHECK_THREAD === "off") {
    return new Promise(function (resolve) {
      resolve((require("./type-check") as typeof import("./type-check")).checkApp(request)); // loads TypeScript here
    });
  }
  worker = worker || start();
  var id = ++next, w = worker;
  return new Promise<string[]>(function (resolve, reject) {
    pending[id] = { resolve: resolve, reject: reject };
    if (waiting++ === 0) w.ref();
    w.postMessage({ id: id, request: request });
  });
}
