// JSON for the variables and headers editors: a small stream tokenizer (strings, property names, numbers, literals)
// for highlighting, and the diagnostics the linter shows — where JSON.parse stopped, or that the value must be an
// object. The bundle carries no JSON language package; these few lines do what the page needs.
import { StreamLanguage } from "/lib/codemirror/graphql-editor.js";

export const jsonLanguage = StreamLanguage.define({
  name: "json",
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) {
      // A string followed by a colon is a property name.
      return stream.match(/^\s*:/, false) ? "propertyName" : "string";
    }
    if (stream.match(/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/)) return "number";
    if (stream.match(/^(?:true|false)\b/)) return "bool";
    if (stream.match(/^null\b/)) return "null";
    stream.next();
    return null;
  },
  languageData: { closeBrackets: { brackets: ["{", "[", '"'] } },
});

// "…at position 12" (Chromium) or "line 2 column 5" (Firefox) → an offset into the text.
function errorOffset(message, text) {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split("\n").slice(0, Number(lineColumn[1]) - 1);
    return lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(lineColumn[2]) - 1;
  }
  return text.length;
}

// The parsed object, or the reason it cannot be used; empty text is no object at all (null).
export function parseJsonObject(text) {
  if (!text.trim()) return { value: null };
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return { error: "must be a JSON object: { … }", offset: 0 };
    return { value };
  } catch (error) {
    return { error: error.message, offset: errorOffset(error.message, text) };
  }
}

export function jsonDiagnostics(text) {
  const parsed = parseJsonObject(text);
  if (!parsed.error) return [];
  const from = Math.min(parsed.offset, Math.max(0, text.length - 1));
  return [{ from, to: Math.min(text.length, from + 1), severity: "error", message: parsed.error }];
}
