// boards/schema.json, generated from the BoardProfile type (board-profile.ts),
// so the type and the schema cannot drift apart. Host only.

import path = require("path");
import { createGenerator } from "ts-json-schema-generator";

export function boardSchema(root: string): string {
  var schema = createGenerator({
    path: path.join(root, "src/build/board-profile.ts"),
    type: "BoardProfile",
    tsconfig: path.join(root, "tsconfig.json"),
    skipTypeCheck: true,
    additionalProperties: false,
    expose: "none",
    topRef: false,
    jsDoc: "extended",
  }).createSchema("BoardProfile");
  var out = {
    $schema: schema.$schema,
    $comment: "Generated from src/build/board-profile.ts by `npm run generate`. Do not edit.",
    title: "ristretto board profile",
  };
  delete schema.$schema;
  return JSON.stringify(Object.assign(out, schema), null, 2) + "\n";
}
