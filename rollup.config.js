// `npx rollup -c --environment APP:firmware/talk,BOARD:puckjs` builds as
// `npm run build -- firmware/talk --board puckjs` does (after npm run compile).
const { rollupOptions } = require("./.build/src/build/rollup-options.js");

const o = rollupOptions({ app: process.env.APP || "firmware/talk", board: process.env.BOARD || "sim" });
module.exports = Object.assign({}, o.input, { output: o.output });
