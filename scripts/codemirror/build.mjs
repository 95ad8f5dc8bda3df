// Bundles CodeMirror 6 (npm, bare imports) into ONE ES module the pages load without an import map:
// wwwroot/lib/codemirror/codemirror.js. Runs after every `npm ci`/`npm install` (package.json "postinstall"), so
// the bundle always matches the pinned versions; it is generated, never committed (.gitignore).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
await build({
  entryPoints: [path.join(root, "scripts/codemirror/entry.js")],
  outfile: path.join(root, "wwwroot/lib/codemirror/codemirror.js"),
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  legalComments: "eof",
  logLevel: "warning",
});
