// One source, two builds (DESIGN.md decision 2). DEV is true on the host; the
// device build folds it to false (src/build/dev-plugin.ts), and the minifier
// drops every `if (DEV)` branch: long messages, misuse checks that do not
// guard against corruption, task names, the never-awaited hook.

export var DEV = true;

/** The runtime a device build is for (its board profile's); "host" on the host. Only what differs between them asks. */
export var RUNTIME: string = "host";
