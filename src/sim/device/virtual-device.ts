// A virtual Espruino device: a REPL (repl.ts) over a sandbox (sandbox.ts)
// with Storage, boot code and saved code that outlive reset() and the
// connections, as on a board. It boots as Espruino's jsiSemiInit does
// (src/jsinteractive.c, commit c5ff787):
//
//   power on   the saved state (.varimg), then .bootPowerOn, .boot0-3 and
//              .bootrst or else .bootcde, E's "init", onInit(); the banner
//              only when flash held no code
//   reset()    a fresh sandbox, .boot0-3 and .bootrst only, then the banner
//   load()     a fresh sandbox with the saved state, then as at power on
//   load(f)    as reset(), then the file f runs
//   save()     the state is saved, then the boot code and onInit() run again
//
// The saved state is an approximation: a sandbox cannot be imaged, so save()
// stores the lines run since the last reset (a JSON array in .varimg), and a
// load replays them with printing, flash writes and reset/load/save turned
// off: functions, variables, timers and pin levels come back, what timers
// changed since does not.
//
// Everything the device does (reading input, timer ticks, boots) runs one
// task at a time, in order, as Espruino's idle loop does (device-base.ts);
// after each the prompt comes back if output removed it. Host only.

import path = require("path");
import { loadBoard } from "../../build/boards";
import type { BoardProfile } from "../../build/board-profile";
import { DeviceBase } from "./device-base";
import type { DeviceClockOptions } from "./device-base";
import { deviceEnv, espruinoBoardId } from "./env";
import { installEspruinoGlobals } from "./espruino-globals";
import type { DeviceState, GlobalsConfig } from "./espruino-globals";
import { espruinoJSON, REPL_FLAGS } from "./format";
import { Packets } from "./packets";
import { expanderText, PretokenisedFiles } from "./pretokenised";
import { quickjsSandbox } from "./quickjs-sandbox";
import { LineDiscipline } from "./repl";
import type { Sandbox, SandboxFactory } from "./sandbox";
import { createFlash } from "./storage";
import type { FlashImage } from "./storage";

var ROOT = path.resolve(__dirname, "../../../.."); // from .build/src/sim/device

// src/jsinteractive.c's banner (an official board's: no donation note). "\x1b[?7l" turns the terminal's line wrap off.
function banner(version: string): string {
  return (
    "\x1b[?7l\n" +
    " ____                 _ \n" +
    "|  __|___ ___ ___ _ _|_|___ ___ \n" +
    "|  __|_ -| . |  _| | | |   | . |\n" +
    "|____|___|  _|_| |___|_|_|_|___|\n" +
    "         |_| espruino.com\n" +
    " " + version + " (c) 2026 G.Williams\n"
  );
}

export interface VirtualDeviceOptions extends DeviceClockOptions {
  /** A board id (boards/<id>.json) or a profile. */
  board: string | BoardProfile;
  /** What runs the code (default: the QuickJS sandbox, quickjs-sandbox.ts). */
  sandbox?: SandboxFactory;
  /** The flash at power on: an image, or files by name (binary strings). */
  storage?: FlashImage | { [name: string]: string };
  /** The Espruino version it reports (process.env.VERSION, the banner; default ESPRUINO_VERSION), to test a firmware check. */
  version?: string;
}


/** The device's Storage, read from the host. */
export interface DeviceStorage {
  read(name: string): string | undefined;
  list(): string[];
  image(): FlashImage;
}

type Boot = "power" | "reset" | "load" | "loadFile";

export class VirtualDevice extends DeviceBase {
  readonly board: BoardProfile;
  /** What process.env answers. */
  readonly env: { [key: string]: string | number | boolean };
  readonly storage: DeviceStorage;

  private factory: SandboxFactory;
  private image: FlashImage;
  private repl: LineDiscipline;
  private packets: Packets;
  private journal: string[] = [];
  private quiet = false;
  private pretokenised = new PretokenisedFiles();

  constructor(private options: VirtualDeviceOptions) {
    super(options);
    var self = this;
    this.board = typeof options.board === "string" ? loadBoard(options.board, ROOT) : options.board;
    this.env = deviceEnv(this.board, options.version);
    this.factory = options.sandbox || quickjsSandbox();
    var s = options.storage as FlashImage | undefined;
    this.image = s && typeof s.files === "object" && typeof s.trash === "number" ? s : { files: (options.storage || {}) as { [name: string]: string }, trash: 0, trashCount: 0 };
    this.repl = new LineDiscipline({
      write: function (text) {
        self.write(text);
      },
      execute: function (line) {
        return self.execute(line);
      },
      packet: function (type, data) {
        self.packets.handle(type, data);
        return self.afterCode();
      },
      enquiry: function () {
        return "Espruino " + self.env.VERSION + " " + espruinoBoardId(self.board);
      },
    });
    this.packets = new Packets({
      write: function (bytes) {
        self.write(bytes);
      },
      eval: function (code) {
        return self.box().eval(code);
      },
      printError: function (e) {
        self.printError(e);
      },
    });
    this.storage = {
      read: function (name) {
        return self.flashImage().files[name];
      },
      list: function () {
        return Object.keys(self.flashImage().files);
      },
      image: function () {
        return self.flashImage();
      },
    };
  }

  protected powerOn(): Promise<void> {
    return this.boot("power");
  }

  protected input(bytes: Buffer): unknown {
    return this.repl.feed(bytes.toString("latin1"));
  }

  /** The prompt comes back if output removed it. */
  protected override afterTask(): void {
    this.repl.returnInputLine();
  }

  protected override shutdown(): void {
    this.flashImage();
  }

  protected step(ms: number): Promise<void> {
    var self = this;
    if (ms <= 0) return Promise.resolve();
    this.time += ms;
    return Promise.resolve(this.box().advance(ms)).then(function () {
      return self.afterCode();
    });
  }

  private box(): Sandbox {
    if (!this.sandbox) throw new Error("The virtual device is off");
    return this.sandbox;
  }

  private write(text: string) {
    this.send(text, encode(text));
  }

  private printError(e: unknown) {
    var m = e instanceof Error ? e.message : String(e);
    this.repl.print(/^(InternalError: )?interrupted$/.test(m) ? "Execution Interrupted\n" : "Uncaught " + m + "\n");
  }

  /** Runs code as the REPL or boot does: errors are printed, not thrown. */
  private runCode(code: string, file?: string): { ok: boolean; value?: unknown } {
    var box = this.box();
    if (box.memory) box.eval("__device.memBytes = " + (box.memory() || 0));
    try {
      return { ok: true, value: box.eval(code, file) };
    } catch (e) {
      this.printError(e);
      return { ok: false };
    }
  }

  private execute(line: string): Promise<void> {
    if (line !== "") this.journal.push(line);
    var r = this.runCode(line), t = this.take(); // echo(0) on the line already hides its value
    if (r.ok && line !== "" && this.repl.echoing) this.write(("=" + espruinoJSON(r.value, REPL_FLAGS) + "\n").replace(/\n/g, "\r\n"));
    return this.act(t);
  }

  /** Takes what the code asked for (echo, reset, load, save) and does it. */
  private afterCode(): Promise<void> {
    return this.act(this.take());
  }

  private take(): ReturnType<DeviceState["take"]> {
    var t = this.box().eval("__device.take()") as ReturnType<DeviceState["take"]>;
    if (t) this.repl.echo = t.echo;
    return t;
  }

  private act(t: ReturnType<DeviceState["take"]>): Promise<void> {
    if (!t || !t.todo) return Promise.resolve();
    if (t.todo.type === "reset") return this.boot("reset");
    if (t.todo.type === "reboot") return this.boot("power");
    if (t.todo.type === "load") return this.boot(t.todo.file === undefined ? "load" : "loadFile", t.todo.file);
    return this.save();
  }

  /** The flash: from the sandbox while it runs, else as the last one left it. */
  private flashImage(): FlashImage {
    if (this.sandbox) this.image = this.sandbox.eval("__device.flash.image()") as FlashImage;
    return this.image;
  }

  private boot(kind: Boot, file?: string): Promise<void> {
    var self = this, image = this.flashImage();
    if (this.sandbox) this.sandbox.dispose();
    this.sandbox = undefined;
    this.repl.resetState();
    this.journal = [];
    return this.factory({
      board: this.board,
      print: function (line) {
        if (self.quiet) return;
        line = self.pretokenised.line(line);
        self.console.push({ t: self.time, text: line });
        self.repl.print(line + "\n");
      },
    }).then(function (sandbox) {
      self.sandbox = sandbox;
      return self.bootIn(kind, image, file);
    });
  }

  private bootIn(kind: Boot, image: FlashImage, file?: string): Promise<void> {
    if (!this.sandbox) throw new Error("The virtual device is off");
    var config: GlobalsConfig = { env: this.env, storageBytes: this.board.flash.codeBytes, image: image, variables: this.board.memory.variables || 0 };
    this.sandbox.eval("(" + String(installEspruinoGlobals) + ")(this, " + JSON.stringify(config) + ", " + String(createFlash) + ", " + expanderText() + ");");
    if (this.sandbox.memory) this.sandbox.eval("__device.memBase = " + (this.sandbox.memory() || 0));
    var files = image.files, hasCode = files[".varimg"] !== undefined || files[".bootcde"] !== undefined || files[".bootrst"] !== undefined;
    var restore = kind === "load" || (kind === "power" && hasCode);
    if (restore && files[".varimg"] !== undefined) this.replay(files[".varimg"]);
    if (kind === "loadFile") this.sandbox.eval("var __FILE__ = " + JSON.stringify(file) + ";");
    this.softInit(kind === "reset" || kind === "loadFile", kind === "power");
    if (kind !== "load") {
      if (!restore) this.write(banner(String(this.env.VERSION)).replace(/\n/g, "\r\n"));
      this.write("\r\n");
    }
    if (kind === "loadFile") {
      var code = this.readFile(file as string);
      if (code !== undefined) {
        code = this.pretokenised.script(file as string, code);
        this.journal.push(code);
        this.runCode(code, file);
      }
    }
    return this.afterCode();
  }

  /** A Storage file, as JSON on the way out: a sandbox may cut a string at its first NUL. */
  private readFile(name: string): string | undefined {
    var json = this.box().eval("JSON.stringify(__device.flash.read(" + JSON.stringify(name) + "))");
    return typeof json === "string" ? JSON.parse(json) : undefined;
  }

  /** Boot code, E's "init" event, onInit(): jsiSoftInit and jsfLoadBootCodeFromFlash. */
  private softInit(isReset: boolean, firstBoot: boolean) {
    var self = this, box = this.box();
    var names = (firstBoot ? [".bootPowerOn"] : []).concat([".boot0", ".boot1", ".boot2", ".boot3"]);
    names.forEach(function (n) {
      var code = self.readFile(n);
      if (code !== undefined) self.runCode(code);
    });
    var boot = this.readFile(".bootrst");
    if (boot === undefined && !isReset) boot = this.readFile(".bootcde");
    if (boot !== undefined) this.runCode(boot);
    this.runCode("__device.init()");
    if (box.eval("typeof onInit") === "function") {
      if (this.repl.echoing) this.write("Running onInit()...\r\n");
      this.runCode("onInit()");
    }
  }

  /** Replays saved lines with output, flash writes and todos off. */
  private replay(saved: string) {
    var box = this.box(), lines: string[] = [];
    try {
      lines = JSON.parse(saved);
    } catch (e) {
      this.write("Not loading saved code: .varimg is not from this virtual device.\r\n");
    }
    this.quiet = true;
    box.eval("__device.replaying = true;");
    try {
      lines.forEach(function (line) {
        try {
          box.eval(line);
        } catch (e) {
          // it failed when it was typed too
        }
      });
    } finally {
      box.eval("__device.replaying = false; __device.take();");
      this.quiet = false;
    }
    this.journal = lines.slice();
  }

  private save(): Promise<void> {
    var text = JSON.stringify(this.journal), box = this.box();
    this.write("Compacting Flash...\r\nCalculating Size...\r\nWriting..");
    try {
      box.eval("__device.flash.erase('.varimg'); __device.flash.compact(); __device.flash.write('.varimg', " + JSON.stringify(text) + ");");
    } catch (e) {
      this.write("\r\nNot enough free space to save. Try require('Storage').eraseAll()\r\n");
      return Promise.resolve();
    }
    this.write("\r\nCompressed " + (this.board.memory.variables || 0) * 16 + " bytes to " + text.length + "\r\n");
    this.softInit(false, false);
    return this.afterCode();
  }
}

/** Characters up to 255 as one byte each (the REPL is 8-bit); wider ones as UTF-8. */
function encode(text: string): Buffer {
  if (!/[^\x00-\xff]/.test(text)) return Buffer.from(text, "latin1");
  return Buffer.concat(
    text.split(/([^\x00-\xff]+)/).map(function (part, i) {
      return Buffer.from(part, i % 2 ? "utf8" : "latin1");
    })
  );
}

/** A virtual device, powered on. */
export function createVirtualDevice(options: VirtualDeviceOptions): Promise<VirtualDevice> {
  var d = new VirtualDevice(options);
  return d.start().then(function () {
    return d;
  });
}
