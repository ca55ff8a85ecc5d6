// Starts the device build's type check on its own thread (check-worker.ts)
// and gives its errors when they are known, and, before that, each of the
// app's modules that thread has transpiled. One thread a process, started
// at the first build and kept for the next (--watch, several boards, the
// tests): the library's types stay parsed there. It never keeps the process
// alive while no check is pending. RISTRETTO_CHECK_THREAD=off checks on the
// calling thread instead. Host only.

import path = require("path");
import { Worker } from "worker_threads";
import { v8Flags } from "./code-cache";
import type { CheckRequest } from "./type-check";
import type { CheckReply } from "./check-worker";

export interface Check {
  /** The app's type errors, `path:line:col: kind: message`; none when it checks. */
  errors: Promise<string[]>;
  /** Resolves once the check's thread has put `file` in the transpile cache, or will not. */
  transpiled(file: string): Promise<void>;
}

interface Pending {
  reply(m: CheckReply): void;
  lost(e: Error): void;
}

var worker: Worker | undefined;
var pending: { [id: number]: Pending } = {};
var waiting = 0, next = 0;

function settle(id: number): void {
  delete pending[id];
  if (--waiting === 0 && worker) worker.unref();
}

function start(): Worker {
  var w = new Worker(path.join(__dirname, "check-worker.js"), { workerData: { v8Flags: v8Flags() } });
  w.on("message", function (m: CheckReply) {
    var p = pending[m.id];
    if (!p) return;
    if (m.errors !== undefined || m.failure !== undefined) settle(m.id);
    p.reply(m);
  });
  // A thread that dies takes its pending checks with it; the next check starts a new one.
  function lost(e: Error): void {
    if (worker === w) worker = undefined;
    Object.keys(pending).forEach(function (id) {
      var p = pending[+id];
      settle(+id);
      p.lost(e);
    });
  }
  w.on("error", lost);
  w.on("exit", function (code) {
    lost(new Error("The type check's thread exited (" + code + ")"));
  });
  w.unref();
  return w;
}

/** The check of one app, on the check's thread, while the caller goes on. */
export function checkApart(request: CheckRequest): Check {
  if (process.env.RISTRETTO_CHECK_THREAD === "off") return checkHere(request);
  var done: { [file: string]: boolean } = {}, all = false, waiters: (() => void)[] = [];
  var resolveErrors: (e: string[]) => void, rejectErrors: (e: Error) => void;
  var errors = new Promise<string[]>(function (resolve, reject) {
    resolveErrors = resolve;
    rejectErrors = reject;
  });
  function wake(): void {
    waiters.splice(0).forEach(function (w) {
      w();
    });
  }
  var id = ++next;
  pending[id] = {
    reply: function (m) {
      if (m.transpiled) done[m.transpiled] = true;
      if (m.transpiledAll || m.errors || m.failure !== undefined) all = true;
      wake();
      if (m.failure !== undefined) rejectErrors(new Error("The type check failed: " + m.failure));
      else if (m.errors) resolveErrors(m.errors);
    },
    lost: function (e) {
      all = true;
      wake();
      rejectErrors(e);
    },
  };
  worker = worker || start();
  if (waiting++ === 0) worker.ref();
  worker.postMessage({ id: id, request: request });
  return {
    errors: errors,
    transpiled: function (file) {
      return new Promise<void>(function (resolve) {
        function check(): void {
          if (done[file] || all) resolve();
          else waiters.push(check);
        }
        check();
      });
    },
  };
}

/** The check on this thread (RISTRETTO_CHECK_THREAD=off): the caller transpiles for itself. */
function checkHere(request: CheckRequest): Check {
  return {
    errors: new Promise(function (resolve) {
      resolve((require("./type-check") as typeof import("./type-check")).checkApp(request)); // loads TypeScript here
    }),
    transpiled: function () {
      return Promise.resolve();
    },
  };
}
