// The globals a program sees only on a device with a REPL: require("Storage"),
// E.CRC32, E.setBootCode, save(), reset(), load(), echo(), process.env,
// process.memory(), setTime(), Modules, atob/btoa. They run inside the
// sandbox: the device evaluates installEspruinoGlobals's text there, with
// createFlash's (storage.ts) as the flash. What needs the host (reset(),
// load(), save(), echo()) is left in `__device` for the host to take after
// each line and each timer tick, as Espruino leaves its JSIS_TODO flags for
// its idle loop. Plain ES5 with no imports on purpose: this function's text
// is what runs.

import type { Flash, FlashImage } from "./storage";

export interface GlobalsConfig {
  /** What process.env answers. */
  env: { [key: string]: string | number | boolean };
  /** Storage's size in bytes (the board's flash for code). */
  storageBytes: number;
  image: FlashImage;
  /** process.memory().total: the board's variables (blocks). */
  variables: number;
}

/** What the host asks and sets in `__device`. */
export interface DeviceState {
  flash: Flash;
  /** Set by reset(), load(), save(), E.reboot(); the host acts on it when the code returns, as Espruino does. */
  todo: { type: "reset" | "load" | "save" | "reboot"; file?: string } | null;
  echo: boolean;
  /** While the host replays saved code, flash writes, output requests and todos are dropped. */
  replaying: boolean;
  /** Engine bytes now and at boot, set by the host: process.memory() reports the growth in 16-byte blocks. */
  memBytes: number;
  memBase: number;
  /** Gives the todo and the echo state when either changed since the last call, else null. */
  take(): { todo: DeviceState["todo"]; echo: boolean } | null;
  /** Fires E's "init" event (the host calls it at boot, before onInit). */
  init(): void;
}

export function installEspruinoGlobals(
  g: { [name: string]: any },
  config: GlobalsConfig,
  makeFlash: (capacity: number, image?: FlashImage) => Flash,
  expand: (code: string) => string,
): void {
  var echoChanged = false, evalScript = g.eval;
  // Espruino's eval reads pretokenised code (what `ristretto flash` writes, which .bootcde evals) as its lexer
  // does: here it is expanded first (pretokenised.ts). A cost: eval here runs in the global scope, not the caller's.
  g.eval = function (code: unknown) {
    return evalScript(typeof code === "string" ? expand(code) : code);
  };
  var device: DeviceState = {
    flash: makeFlash(config.storageBytes, config.image),
    todo: null,
    echo: true,
    replaying: false,
    memBytes: 0,
    memBase: 0,
    take: function () {
      if (!device.todo && !echoChanged) return null;
      var r = { todo: device.todo, echo: device.echo };
      device.todo = null;
      echoChanged = false;
      return r;
    },
    init: function () {
      if (g.E && typeof g.E.emit === "function") g.E.emit("init");
    },
  };
  g.__device = device;
  function request(todo: DeviceState["todo"]) {
    if (!device.replaying) device.todo = todo;
  }
  function say(text: string) {
    if (typeof g.print === "function") g.print(text);
  }
  function isPlainObject(v: unknown) {
    return v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { byteLength?: number }).byteLength !== "number";
  }

  var Storage = {
    write: function (name: string, data: unknown, offset?: number, size?: number) {
      if (isPlainObject(data)) {
        data = JSON.stringify(data);
        offset = 0;
        size = 0;
      }
      return device.replaying ? true : device.flash.write(name, data, offset, size);
    },
    writeJSON: function (name: string, data: unknown) {
      return device.replaying ? true : device.flash.write(name, JSON.stringify(data));
    },
    read: function (name: string, offset?: number, length?: number) {
      return device.flash.read(name, offset, length);
    },
    readJSON: function (name: string, noExceptions?: boolean) {
      var s = device.flash.read(name);
      if (s === undefined) return undefined;
      try {
        return JSON.parse(s);
      } catch (e) {
        if (noExceptions) return undefined;
        throw e;
      }
    },
    readArrayBuffer: function (name: string) {
      var s = device.flash.read(name);
      if (s === undefined) return undefined;
      var a = new Uint8Array(s.length);
      for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
      return a.buffer;
    },
    list: function (regex?: RegExp, filter?: { sf?: boolean }) {
      return device.flash.list(regex, filter);
    },
    erase: function (name: string) {
      if (!device.replaying) device.flash.erase(name);
    },
    eraseAll: function () {
      if (!device.replaying) device.flash.eraseAll();
    },
    getFree: function () {
      return device.flash.getFree();
    },
    getStats: function () {
      return device.flash.getStats();
    },
    compact: function () {
      device.flash.compact();
    },
    open: function () {
      throw new Error("Storage.open (StorageFile) is not supported by the virtual device: use Storage.write and Storage.read");
    },
  };

  // Modules.addCached takes a module's source, or a function whose body is the module (EspruinoTools sends both).
  var modules: { [name: string]: { source: string; exports?: unknown } } = {};
  var builtIn: { [name: string]: unknown } = { Storage: Storage };
  var hostRequire = typeof g.require === "function" ? g.require : undefined;
  g.Modules = {
    addCached: function (name: string, code: unknown) {
      modules[name] = { source: typeof code === "function" ? "(" + String(code) + ")()" : String(code) };
    },
    removeCached: function (name: string) {
      delete modules[name];
    },
    removeAllCached: function () {
      modules = {};
    },
    getCached: function () {
      return Object.keys(modules);
    },
  };
  g.require = function (name: string) {
    if (Object.prototype.hasOwnProperty.call(builtIn, name)) return builtIn[name];
    var m = modules[name];
    if (m) {
      if (!("exports" in m)) {
        var module = { exports: {} as unknown };
        new Function("exports", "module", m.source)(module.exports, module);
        m.exports = module.exports;
      }
      return m.exports;
    }
    if (hostRequire) return hostRequire(name);
    throw new Error("Module " + name + " not found");
  };

  g.save = function () {
    if (device.flash.read(".bootcde") !== undefined) throw new Error("Cannot save: .bootcde file already exists. Please remove it first.");
    request({ type: "save" });
  };
  g.reset = function (clearFlash?: boolean) {
    if (clearFlash && !device.replaying) {
      device.flash.erase(".varimg");
      device.flash.erase(".bootcde");
      device.flash.erase(".bootrst");
      say("Erasing saved code.\nDone!");
    }
    request({ type: "reset" });
  };
  g.load = function (file?: string) {
    request(file === undefined ? { type: "load" } : { type: "load", file: String(file) });
  };
  g.echo = function (on?: boolean) {
    device.echo = !!on;
    echoChanged = true;
  };

  var E = g.E || (g.E = {});
  if (typeof E.on !== "function") {
    var listeners: { [event: string]: ((...args: unknown[]) => void)[] } = {};
    E.on = function (event: string, fn: () => void) {
      (listeners[event] = listeners[event] || []).push(fn);
    };
    E.removeListener = function (event: string, fn: () => void) {
      var l = listeners[event] || [];
      if (l.indexOf(fn) >= 0) l.splice(l.indexOf(fn), 1);
    };
    E.removeAllListeners = function (event?: string) {
      if (event === undefined) listeners = {};
      else delete listeners[event];
    };
    E.emit = function (event: string) {
      var args = Array.prototype.slice.call(arguments, 1), l = (listeners[event] || []).slice();
      for (var i = 0; i < l.length; i++) l[i].apply(E, args);
    };
  }
  // Espruino's CRC32 is zlib's: reflected polynomial 0xEDB88320, one byte per element.
  E.CRC32 = function (data: unknown) {
    var d = data as { length?: number; byteLength?: number; [i: number]: number }, crc = 0xffffffff, i, t;
    if (d && typeof d === "object" && typeof d.length !== "number" && typeof d.byteLength === "number") d = new Uint8Array(d as unknown as ArrayBuffer) as unknown as typeof d;
    var s = typeof d === "string" ? (d as unknown as string) : undefined, n = s !== undefined ? s.length : d && typeof d.length === "number" ? d.length : 0;
    for (i = 0; i < n; i++) {
      crc ^= (s !== undefined ? s.charCodeAt(i) : d[i]) & 255;
      for (t = 0; t < 8; t++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
    return ~crc >>> 0;
  };
  E.setBootCode = function (code?: string, alwaysExec?: boolean) {
    if (device.replaying) return;
    device.flash.erase(".bootcde");
    device.flash.erase(".bootrst");
    if (typeof code === "string" && code.length) device.flash.write(alwaysExec ? ".bootrst" : ".bootcde", code);
  };
  E.setTimeZone = function (zone: number) {
    E.__timeZone = zone;
  };
  E.getErrorFlags = function () {
    return [];
  };
  E.reboot = function () {
    request({ type: "reboot" });
  };

  var process = g.process || (g.process = {});
  Object.defineProperty(process, "env", {
    configurable: true,
    enumerable: true,
    get: function () {
      return JSON.parse(JSON.stringify(config.env));
    },
  });
  process.version = config.env.VERSION;
  process.memory = function () {
    var usage = Math.max(0, Math.ceil((device.memBytes - device.memBase) / 16));
    return { free: config.variables - usage, usage: usage, total: config.variables, history: 0, gc: 0, gctime: 0, blocksize: 16 };
  };
  g.getSerial = function () {
    return config.env.SERIAL;
  };

  // setTime moves Date.now() and getTime(), as on a device (EspruinoTools sends it before each upload).
  if (typeof g.setTime !== "function") {
    var offset = 0, dateNow = Date.now, getTime = g.getTime;
    Date.now = function () {
      return dateNow() + offset;
    };
    if (typeof getTime === "function")
      g.getTime = function () {
        return getTime() + offset / 1000;
      };
    g.setTime = function (seconds: number) {
      offset += seconds * 1000 - Date.now();
    };
  }

  // atob/btoa on binary strings (one char per byte), as Espruino has them.
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (typeof g.btoa !== "function")
    g.btoa = function (s: string) {
      s = String(s);
      var out = "";
      for (var i = 0; i < s.length; i += 3) {
        var a = s.charCodeAt(i) & 255, b = i + 1 < s.length ? s.charCodeAt(i + 1) & 255 : 0, c = i + 2 < s.length ? s.charCodeAt(i + 2) & 255 : 0;
        out += B64.charAt(a >> 2) + B64.charAt(((a & 3) << 4) | (b >> 4));
        out += i + 1 < s.length ? B64.charAt(((b & 15) << 2) | (c >> 6)) : "=";
        out += i + 2 < s.length ? B64.charAt(c & 63) : "=";
      }
      return out;
    };
  if (typeof g.atob !== "function")
    g.atob = function (s: string) {
      s = String(s).replace(/[^A-Za-z0-9+/]/g, "");
      var out = "", bits = 0, value = 0;
      for (var i = 0; i < s.length; i++) {
        value = (value << 6) | B64.indexOf(s.charAt(i));
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          out += String.fromCharCode((value >> bits) & 255);
        }
      }
      return out;
    };
}
