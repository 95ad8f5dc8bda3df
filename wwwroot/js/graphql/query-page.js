// The /graphql query page (Memento.Server/Pages/GraphQL/GraphQLPage.razor): wires the editors, the runner (POST for
// queries and mutations, a live stream over SSE for subscriptions), the schema explorer, the history, prettify and
// "copy as curl". Without this file the page is a GET form that runs queries.
import { buildClientSchema, getIntrospectionQuery, parse, print, getOperationAST, updateSchema } from "/lib/codemirror/graphql-editor.js";
import { queryEditor, jsonEditor } from "./editors.js";
import { parseJsonObject } from "./json-language.js";
import { post, stream } from "./transport.js";
import { curlCommand } from "./curl.js";
import { Explorer } from "./explorer.js";
import { loadHistory, remember, clearHistory, title } from "./history.js";
import { tabs } from "./tabs.js";

const $ = (id) => document.getElementById(id);
const form = $("graphql-page");
const endpoint = form.dataset.endpoint;
const operation = $("operation"), status = $("status"), result = $("result"), streamList = $("stream");
const runButton = $("run"), stopButton = $("stop");
const Stored = { query: "memento.graphql.query", variables: "memento.graphql.variables", headers: "memento.graphql.headers" };

// ---- Editors ------------------------------------------------------------------------------------------------
// The query and variables survive a reload (localStorage); the headers only this tab's life (sessionStorage),
// since they often carry a token.
$("query").value = localStorage.getItem(Stored.query) ?? $("query").value;
$("variables").value = localStorage.getItem(Stored.variables) ?? "";
$("headers").value = sessionStorage.getItem(Stored.headers) ?? "";

const explorer = new Explorer({ container: $("explorer"), search: $("explorer-search"), trail: $("explorer-trail") });
const sideTabs = tabs(document.querySelector(".gql-side [role=tablist]"));
const showInExplorer = (field, type) => {
  if (!type) return;
  sideTabs.select("explorer-tab");
  explorer.open(type.replace(/[[\]!]/g, ""));
};
const queryView = queryEditor($("query"), { run, onShowInDocs: showInExplorer });
const variablesView = jsonEditor($("variables"), { label: "Variables (JSON)", run });
const headersView = jsonEditor($("headers"), { label: "Headers (JSON)", run });
tabs(document.querySelector(".gql-request [role=tablist]"));
for (const hidden of [document.querySelector(".gql-request [role=tablist]"), document.querySelector(".gql-side"),
  $("prettify"), $("copy-curl")]) hidden.hidden = false;

const text = (view) => view.state.doc.toString();
function setText(view, value) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
}

$("query").addEventListener("input", () => {
  localStorage.setItem(Stored.query, $("query").value);
  refreshOperations();
});
$("variables").addEventListener("input", () => localStorage.setItem(Stored.variables, $("variables").value));
$("headers").addEventListener("input", () => sessionStorage.setItem(Stored.headers, $("headers").value));

// The document's named operations, so a document with several runs one at a time.
function refreshOperations() {
  let names = [];
  try {
    names = parse(text(queryView)).definitions.filter((d) => d.kind === "OperationDefinition" && d.name).map((d) => d.name.value);
  } catch {
    // While the document does not parse, keep the list it had.
    return;
  }
  const current = operation.value;
  operation.replaceChildren(...(names.length > 1 ? names : [""]).map((name) => new Option(name || "(the only one)", name)));
  operation.disabled = names.length < 2;
  if (names.includes(current)) operation.value = current;
}
refreshOperations();

// ---- Running ------------------------------------------------------------------------------------------------
let running = null; // the AbortController of the request or stream in flight

function show(message, isError = false) {
  status.textContent = message;
  status.classList.toggle("error", isError);
}

// The request the editors describe, or the reason it cannot be sent.
function request() {
  const variables = parseJsonObject(text(variablesView));
  if (variables.error) return { error: `Variables ${variables.error}` };
  const headers = parseJsonObject(text(headersView));
  if (headers.error) return { error: `Headers ${headers.error}` };
  const body = { query: text(queryView) };
  if (variables.value) body.variables = variables.value;
  if (operation.value) body.operationName = operation.value;
  let isSubscription = false;
  try {
    isSubscription = getOperationAST(parse(body.query), body.operationName)?.operation === "subscription";
  } catch {
    // A syntax error: the server says where, as it would to any client.
  }
  return { body, headers: headers.value ?? {}, isSubscription };
}

function showJson(reply) {
  streamList.hidden = true;
  result.hidden = false;
  result.textContent = reply.json ? JSON.stringify(reply.json, null, 2) : reply.text;
}

async function run() {
  const next = request();
  if (next.error) {
    show(next.error, true);
    return;
  }
  running?.abort();
  const controller = (running = new AbortController());
  remember({ query: next.body.query, variables: text(variablesView), operationName: next.body.operationName });
  renderHistory();
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  try {
    if (next.isSubscription) {
      await runStream(next, controller);
    } else {
      show("Running…");
      const reply = await post(endpoint, next.body, next.headers, controller.signal);
      showJson(reply);
      show(`HTTP ${reply.status} in ${elapsed()}`, reply.status >= 400 || Boolean(reply.json?.errors));
    }
  } catch (error) {
    if (!controller.signal.aborted) show(`The request failed: ${error.message}`, true);
  } finally {
    if (running === controller) running = null;
  }
}

// A subscription: each result as it arrives, newest last, until the server completes the stream or Stop.
async function runStream(next, controller) {
  result.hidden = true;
  streamList.hidden = false;
  streamList.replaceChildren();
  stopButton.hidden = false;
  let count = 0;
  const counted = () => (count === 1 ? "1 result" : `${count} results`);
  show("Connecting…");
  try {
    const outcome = await stream(endpoint, next.body, next.headers, controller.signal, (item) => {
      count += 1;
      const time = new Date().toLocaleTimeString();
      const entry = document.createElement("li");
      streamList.append(entry);
      entry.append(Object.assign(document.createElement("span"), { className: "gql-time", textContent: `#${count} at ${time}` }),
        Object.assign(document.createElement("pre"), { textContent: JSON.stringify(item, null, 2) }));
      entry.scrollIntoView({ block: "nearest" });
      show(`Subscribed: ${counted()}`, Boolean(item.errors));
    }, () => show("Subscribed: waiting for the first result…"));
    if (outcome.refused) {
      showJson(outcome.refused);
      show(`HTTP ${outcome.refused.status}`, true);
    } else if (outcome.aborted || controller.signal.aborted) {
      show(`Stopped after ${counted()}`);
    } else {
      show(`The stream completed after ${counted()}`);
    }
  } finally {
    stopButton.hidden = true;
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
stopButton.addEventListener("click", () => {
  running?.abort();
  runButton.focus();
});
// Ctrl+Enter anywhere on the page runs (the editors handle it themselves and mark the event handled).
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
    event.preventDefault();
    run();
  }
});

// ---- Prettify and curl ----------------------------------------------------------------------------------------
$("prettify").addEventListener("click", () => {
  try {
    setText(queryView, print(parse(text(queryView))));
  } catch (error) {
    show(`Cannot prettify: ${error.message}`, true);
    return;
  }
  for (const view of [variablesView, headersView]) {
    const parsed = parseJsonObject(text(view));
    if (parsed.value) setText(view, JSON.stringify(parsed.value, null, 2));
  }
  show("Prettified.");
});

$("copy-curl").addEventListener("click", async () => {
  const next = request();
  if (next.error) {
    show(next.error, true);
    return;
  }
  const command = curlCommand(new URL(endpoint, location.href).href, next.body, next.headers, next.isSubscription);
  const panel = $("curl-panel"), box = $("curl"), note = $("curl-copied");
  box.value = command;
  panel.hidden = false;
  box.focus();
  box.select();
  try {
    await navigator.clipboard.writeText(command);
    note.textContent = "— copied to the clipboard.";
  } catch {
    // No clipboard (plain http on another host, permission refused): the command is selected for Ctrl+C.
    note.textContent = "— selected: press Ctrl+C to copy.";
  }
});
$("curl-close").addEventListener("click", () => {
  $("curl-panel").hidden = true;
  $("copy-curl").focus();
});

// ---- History --------------------------------------------------------------------------------------------------
function renderHistory() {
  const entries = loadHistory();
  const list = $("history");
  list.replaceChildren(...entries.map((entry) => {
    const open = Object.assign(document.createElement("button"), { type: "button", className: "link", textContent: title(entry) || "(empty)" });
    open.setAttribute("aria-label", `Open ${title(entry) || "the empty query"} from ${new Date(entry.at).toLocaleString()}`);
    open.addEventListener("click", () => {
      setText(queryView, entry.query);
      setText(variablesView, entry.variables ?? "");
      refreshOperations();
      if (entry.operationName) operation.value = entry.operationName;
      show(`Opened the run of ${new Date(entry.at).toLocaleString()}.`);
      queryView.focus();
    });
    const time = Object.assign(document.createElement("time"), { dateTime: entry.at, textContent: new Date(entry.at).toLocaleString() });
    const item = document.createElement("li");
    item.append(open, " ", time);
    return item;
  }));
  if (!entries.length) list.replaceChildren(Object.assign(document.createElement("li"), { className: "hint", textContent: "No runs yet." }));
  $("history-clear").disabled = !entries.length;
}
$("history-clear").addEventListener("click", () => {
  clearHistory();
  renderHistory();
  show("History cleared.");
});
renderHistory();

// ---- Schema ---------------------------------------------------------------------------------------------------
// Everything the engine can tell, deprecated arguments and input fields included (the explorer shows them).
const introspection = getIntrospectionQuery({
  descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true,
});
post(endpoint, { query: introspection, operationName: "IntrospectionQuery" })
  .then((reply) => {
    if (!reply.json?.data) throw new Error(reply.json?.errors?.[0]?.message ?? `HTTP ${reply.status}`);
    const schema = buildClientSchema(reply.json.data);
    updateSchema(queryView, schema);
    explorer.setSchema(schema);
  })
  .catch((error) => explorer.showError(error.message));
