// npm run generate: writes boards/schema.json, boards/types/<id>.d.ts and the
// README's board table from src/build/board-profile.ts and boards/*.json.
// Host only.

import fs = require("fs");
import path = require("path");
import { ROOT } from "../build/build";
import { generatedFiles } from "../build/generated";

try {
  var files = generatedFiles(ROOT);
  fs.mkdirSync(path.join(ROOT, "boards/types"), { recursive: true });
  Object.keys(files).forEach(function (f) {
    var file = path.join(ROOT, f), old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (old === files[f]) return;
    fs.writeFileSync(file, files[f]);
    console.log("wrote " + f);
  });
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
