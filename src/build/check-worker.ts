// The thread the device build's type check runs in (check-client.ts starts
// it), so that checking the app and bundling it use two cores at once. It
// lives as long as the process, and keeps what type-check.ts learnt between
// builds. Host only.

import { parentPort } from "worker_threads";
import { keepCodeCache, loadCached } from "./code-cache";
import type { CheckRequest } from "./type-check";

export interface CheckReply {
  id: number;
  errors?: string[];
  /** The check itself failed (a bug, not the app's error): its stack. */
  failure?: string;
}

parentPort!.on("message", function (m: { id: number; request: CheckRequest }) {
  var reply: CheckReply;
  try {
    loadCached("typescript", "check", m.request.root); // before type-check.ts requires it
    reply = { id: m.id, errors: (require("./type-check") as typeof import("./type-check")).checkApp(m.request) };
    keepCodeCache("typescript", m.request.root);
  } catch (e) {
    reply = { id: m.id, failure: String((e as Error).stack || e) };
  }
  parentPort!.postMessage(reply);
});
