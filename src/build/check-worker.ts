// The thread the device build's type check runs in (check-client.ts starts
// it), so that checking the app and bundling it use two cores at once. It
// lives as long as the process, and keeps what type-check.ts learnt between
// builds. Host only.

import { parentPort } from "worker_threads";
import { checkApp } from "./type-check";
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
    reply = { id: m.id, errors: checkApp(m.request) };
  } catch (e) {
    reply = { id: m.id, failure: String((e as Error).stack || e) };
  }
  parentPort!.postMessage(reply);
});
