// The helpers TypeScript's ES5 output calls, in place of the `tslib` package
// (tsconfig `paths`, the rollup build and the test loader all resolve "tslib"
// here). `__awaiter` makes a coroutine for the scheduler to drive instead of a
// native Promise; the rest are written for Espruino (espruino-dialect.md):
// statics are copied by hand, nothing is read from built-in prototypes.

import { Coroutine } from "./coroutine";
import { hooks } from "./debug";
import { DEV } from "./dev";
import { THEN } from "./features";
import { Task } from "./task";
import { awaitableCatch, awaitableThen } from "./create-task";

// Coroutines and tasks are Promise-like. Assigned here, where every module
// that makes coroutines leads: coroutine.ts cannot import task.ts at load
// without a cycle. One statement each, so a bundle drops an unused catch().
if (THEN) {
  Coroutine.prototype.then = awaitableThen;
  Task.prototype.then = awaitableThen;
  Coroutine.prototype.catch = awaitableCatch;
  Task.prototype.catch = awaitableCatch;
}

/* eslint-disable @typescript-eslint/no-explicit-any */

export function __awaiter(thisArg: any, _arguments: any, P: any, generator: any): any {
  var c = _arguments ? generator.apply(thisArg, _arguments) : generator.call(thisArg);
  if (DEV && hooks.coroutineCreated) hooks.coroutineCreated(c);
  return c;
}

/** A device bundle's body comes alone, as it keeps its `this` itself (src/build/async-lowering.ts, rewrite 3). */
export function __generator(thisArg: any, body?: any): any {
  return DEV ? new Coroutine(body, thisArg) : new Coroutine(thisArg);
}

export function __extends(d: any, b: any): void {
  if (DEV && typeof b !== "function" && b !== null) {
    throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
  }
  for (var p in b) if (b.hasOwnProperty(p)) d[p] = b[p];
  var Proto: any = function (this: any) {
    this.constructor = d;
  };
  Proto.prototype = b === null ? null : b.prototype;
  d.prototype = b === null ? Object.create(null) : new Proto();
}

export function __assign(t: any): any {
  var s: any, i: number, p: string;
  for (i = 1; i < arguments.length; i++) {
    s = arguments[i];
    for (p in s) if (s.hasOwnProperty(p)) t[p] = s[p];
  }
  return t;
}

export function __rest(s: any, e: string[]): any {
  var t: any = {}, p: string;
  for (p in s) if (s.hasOwnProperty(p) && e.indexOf(p) < 0) t[p] = s[p];
  return t;
}

export function __spreadArray(to: any[], from: any, pack?: boolean): any[] {
  for (var i = 0; i < from.length; i++) to.push(from[i]);
  return to;
}

export function __makeTemplateObject(cooked: any, raw: any): any {
  cooked.raw = raw;
  return cooked;
}
