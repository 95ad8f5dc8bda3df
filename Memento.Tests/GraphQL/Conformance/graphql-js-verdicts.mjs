// Differential conformance: graphql-js's verdict on every corpus document.
// Usage: node graphql-js-verdicts.mjs <input.json>  where input is {sdl, documents: [{id, text}]}.
// Prints {version, results: [{id, syntaxError?, printed?, validationErrors?}]} as JSON on stdout.
// The graphql package is resolved from the repository root's node_modules (`npm ci` there).
import { readFileSync } from 'node:fs';

let graphql;
try {
  graphql = await import('graphql');
} catch (error) {
  console.error('The graphql npm package is missing: run `npm ci` at the repository root. ' + error.message);
  process.exit(3);
}
const { buildSchema, parse, print, validate, version } = graphql;

const shape = (error) => ({
  message: error.message,
  locations: (error.locations ?? []).map(({ line, column }) => ({ line, column })),
});

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const schema = buildSchema(input.sdl);
const results = input.documents.map(({ id, text }) => {
  let document;
  try {
    document = parse(text);
  } catch (error) {
    return { id, syntaxError: shape(error) };
  }
  return { id, printed: print(document), validationErrors: validate(schema, document).map(shape) };
});
process.stdout.write(JSON.stringify({ version, results }));
