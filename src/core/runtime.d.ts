// What the core needs from any runtime: Espruino, Kaluma, Node, and the test
// harness's shim on engines without timers. Written to merge with Node's
// typings in the host build.
interface Console {
  log(...data: any[]): void;
}
declare var console: Console;
declare function setTimeout(callback: (...args: any[]) => void, ms?: number): any;
declare function clearTimeout(handle: any): void;
