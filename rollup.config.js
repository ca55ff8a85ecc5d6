// `npx rollup -c --environment APP:firmware/talk,BOARD:espruino` builds as
// `npm run build -- firmware/talk --board espruino` does (after npm run compile).
const { rollupOptions } = require("./.build/src/build/build.js");

const o = rollupOptions({ app: process.env.APP || "firmware/talk", board: process.env.BOARD || "espruino" });
module.exports = Object.assign({}, o.input, { output: o.output });
