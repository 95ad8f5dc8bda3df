// Bundles CodeMirror 6 (npm, bare imports) into ES modules the pages load without an import map, in
// wwwroot/lib/codemirror/: codemirror.js (the dataset query editor, YAML) and graphql-editor.js (the /graphql query
// page: CodeMirror with cm6-graphql and graphql-js, self-contained, see graphql-entry.js). Runs after every
// `npm ci`/`npm install` (package.json "postinstall"), so the bundles always match the pinned versions; they are
// generated, never committed (.gitignore).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bundles = [
  ["entry.js", "codemirror.js"],
  ["graphql-entry.js", "graphql-editor.js"],
];
await Promise.all(bundles.map(([entry, output]) => build({
  entryPoints: [path.join(root, "scripts/codemirror", entry)],
  outfile: path.join(root, "wwwroot/lib/codemirror", output),
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  legalComments: "eof",
  logLevel: "warning",
  // graphql-js reads process.env.NODE_ENV for its development checks; a browser has no `process`.
  define: { "process.env.NODE_ENV": '"production"' },
})));
