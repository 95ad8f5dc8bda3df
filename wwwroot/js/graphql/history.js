// The runs of this browser, newest first, in localStorage: the query, its variables and operation name — never the
// headers, which may hold a token (they stay in sessionStorage, for the tab only). At most 50; running the same
// request again moves it to the top instead of adding a copy.
const Key = "memento.graphql.history";
const Limit = 50;

export function loadHistory() {
  try {
    const entries = JSON.parse(localStorage.getItem(Key) ?? "[]");
    return Array.isArray(entries) ? entries.filter((entry) => typeof entry?.query === "string") : [];
  } catch {
    return [];
  }
}

export function remember({ query, variables, operationName }) {
  const same = (entry) => entry.query === query && entry.variables === variables && entry.operationName === operationName;
  const entries = [{ query, variables, operationName, at: new Date().toISOString() }, ...loadHistory().filter((e) => !same(e))];
  try {
    localStorage.setItem(Key, JSON.stringify(entries.slice(0, Limit)));
  } catch {
    // Storage full or refused (private mode): the run still happened; only the history misses it.
  }
}

export function clearHistory() {
  localStorage.removeItem(Key);
}

// What a person recognises a run by: its operation's name, else its first line with a field.
export function title(entry) {
  if (entry.operationName) return entry.operationName;
  const named = /\b(query|mutation|subscription)\s+([_A-Za-z]\w*)/.exec(entry.query);
  if (named) return named[2];
  const line = entry.query.split("\n").map((l) => l.trim()).find((l) => /\w/.test(l)) ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
