// What every virtual device shares, whatever firmware it plays (the Espruino
// of virtual-device.ts, the Kaluma of kaluma-device.ts): console connections
// (all see the output, any may type), one task at a time in order, as a
// firmware's idle loop does, a clock that follows the wall clock (a tick
// every `tickMs`) or moves only with advance(), power cycles, and close().
// Native promises, not async functions: the host build turns those into
// ristretto coroutines, which would run on whatever loop a simulation set.
// Host only.

import type { BoardProfile } from "../../build/board-profile";
import type { ConsoleLine } from "../sim-base";
import type { Sandbox } from "./sandbox";

/** One console connection: what it reads goes to the device; the device's output goes to `send`. */
export interface DeviceConnection {
  input(bytes: Buffer | string): Promise<void>;
  detach(): void;
}

export interface DeviceClockOptions {
  /** "real" (default): virtual time follows the wall clock; "manual": it moves only with advance(). */
  clock?: "real" | "manual";
  /** Real milliseconds between clock ticks (default 10). */
  tickMs?: number;
}

export abstract class DeviceBase {
  abstract readonly board: BoardProfile;
  /** What the programs printed, with the virtual time (ms since power on). */
  readonly console: ConsoleLine[] = [];
  /** Everything the device sent to its console, as sent. */
  output = "";
  /** Virtual time since power on (ms). */
  time = 0;

  /** The sandbox running now; a device makes a new one at each boot. */
  protected sandbox: Sandbox | undefined;
  protected closed = false;
  private queue: Promise<unknown> = Promise.resolve();
  private senders: ((bytes: Buffer) => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private tickQueued = false;

  constructor(private clockOptions: DeviceClockOptions) {}

  /** Power on: what the firmware does from reset until its prompt. */
  protected abstract powerOn(): Promise<void>;
  /** Bytes a connection sent. */
  protected abstract input(bytes: Buffer): unknown;
  /** Lets `ms` of virtual time pass for the running program. */
  protected abstract step(ms: number): void | Promise<void>;
  /** After each task (Espruino shows its prompt again if output removed it). */
  protected afterTask(): void {}
  /** At close, once the tasks before it ran. */
  protected shutdown(): void {}

  /** Powers the device on (and starts its clock, unless it is manual). */
  start(): Promise<void> {
    var self = this;
    return this.run(function () {
      return self.powerOn();
    }).then(function () {
      if (self.clockOptions.clock !== "manual") self.startClock();
    });
  }

  /** A console connection. */
  attach(send: (bytes: Buffer) => void): DeviceConnection {
    var self = this;
    this.senders.push(send);
    return {
      input: function (bytes) {
        var b = typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes;
        return self.run(function () {
          return self.input(b);
        });
      },
      detach: function () {
        var i = self.senders.indexOf(send);
        if (i >= 0) self.senders.splice(i, 1);
      },
    };
  }

  /** Lets `ms` of virtual time pass (on top of the real clock, if it runs). */
  advance(ms: number): Promise<void> {
    var self = this;
    return this.run(function () {
      return self.step(ms);
    });
  }

  /** Power off and on: RAM is lost, the flash stays. */
  powerCycle(): Promise<void> {
    var self = this;
    return this.run(function () {
      return self.powerOn();
    });
  }

  /** The sandbox running now (a new one at each boot); undefined once closed. */
  currentSandbox(): Sandbox | undefined {
    return this.sandbox;
  }

  /** Resolves when everything received so far has been handled. */
  idle(): Promise<void> {
    return this.run(function () {});
  }

  close(): Promise<void> {
    var self = this;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.idle().then(function () {
      self.closed = true;
      self.shutdown();
      if (self.sandbox) self.sandbox.dispose();
      self.sandbox = undefined;
      self.senders = [];
    });
  }

  /** Runs `task` after the tasks before it; what it throws is printed on the console. */
  protected run(task: () => unknown): Promise<void> {
    var self = this;
    var p = this.queue.then(function () {
      if (self.closed) return;
      return Promise.resolve(task()).then(
        function () {
          self.afterTask();
        },
        function (e) {
          self.send("\r\nVirtual device error: " + (e instanceof Error ? e.stack || e.message : String(e)) + "\r\n");
        },
      );
    });
    this.queue = p;
    return p;
  }

  /** Sends `text` to every connection: as latin1 bytes (binary strings), or `bytes` as they are. */
  protected send(text: string, bytes?: Buffer): void {
    if (!text) return;
    this.output += text;
    var b = bytes || Buffer.from(text, "latin1");
    this.senders.forEach(function (send) {
      send(b);
    });
  }

  private startClock(): void {
    var self = this, last = Date.now();
    this.timer = setInterval(function () {
      if (self.tickQueued) return;
      self.tickQueued = true;
      self.run(function () {
        self.tickQueued = false;
        var now = Date.now(), ms = now - last;
        last = now;
        return self.step(ms);
      });
    }, this.clockOptions.tickMs || 10);
    this.timer.unref();
  }
}
