// The dataset search's query editor: turns <textarea id="dataset-query"> into a CodeMirror YAML editor (the text
// area stays in the form, hidden, and always holds the editor's text, so the GET form and htmx send it as before).
// The server's error (#query-error, data-line/data-column) becomes a lint diagnostic at its place; the example links
// fill the editor and search. Without this file the form and the links work as they are.
import {
  EditorState, EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching, defaultKeymap, history, historyKeymap,
  indentWithTab, lintGutter, setDiagnostics, autocompletion, completionKeymap, yaml,
} from "/lib/codemirror/codemirror.js";
import { ruleCompletions } from "./query-completions.js";

let editor = null;

function enhance() {
  const textarea = document.getElementById("dataset-query");
  if (!textarea || textarea.hidden) return;
  const form = textarea.form;
  const search = () => form.requestSubmit();
  editor = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), history(), drawSelection(),
        indentOnInput(), bracketMatching(), syntaxHighlighting(defaultHighlightStyle), yaml(), lintGutter(),
        autocompletion({ override: [ruleCompletions] }),
        keymap.of([{ key: "Mod-Enter", run: () => { search(); return true; } },
          ...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) textarea.value = update.state.doc.toString();
        }),
        EditorView.contentAttributes.of({ "aria-label": "Query (YAML)", "aria-describedby": "query-help", id: "dataset-query-editor" }),
      ],
    }),
  });
  textarea.hidden = true;
  textarea.after(editor.dom);
  // The label names the text area; a click on it should reach what replaced it.
  document.querySelector('label[for="dataset-query"]')?.addEventListener("click", () => editor.focus());
  markServerError();
}

// The error the server answered with, at its line and column (1-based), or nothing when the search succeeded.
function markServerError() {
  if (!editor) return;
  const error = document.getElementById("query-error");
  const doc = editor.state.doc;
  const diagnostics = [];
  if (error) {
    const message = error.textContent.trim();
    const lineNumber = Number(error.dataset.line);
    if (lineNumber >= 1) {
      const line = doc.line(Math.min(lineNumber, doc.lines));
      const column = Math.max(1, Number(error.dataset.column) || 1);
      const from = Math.min(line.from + column - 1, line.to);
      diagnostics.push({ from, to: Math.max(from, line.to), severity: "error", message });
    } else {
      diagnostics.push({ from: 0, to: Math.min(doc.length, doc.line(1).to), severity: "error", message });
    }
  }
  editor.dispatch(setDiagnostics(editor.state, diagnostics));
}

// An example link: fill the editor with its query and search (the link's own URL is the no-JavaScript way).
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.example[data-query]");
  if (!link || !editor || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: link.dataset.query } });
  editor.focus();
  document.getElementById("dataset-search").requestSubmit();
});

document.addEventListener("htmx:afterSettle", markServerError);
// Back/forward reloads the page's body without re-running this module: enhance the new text area.
document.addEventListener("htmx:historyRestore", () => { editor = null; enhance(); });
enhance();
