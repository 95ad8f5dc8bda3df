// The query page's three editors (query, variables, headers): CodeMirror views that replace their text areas.
// Each lives in a shadow root: CodeMirror injects its theme as a <style> element into a document (which the
// Content-Security-Policy forbids) but as a constructed, adopted style sheet into a shadow root (which it allows);
// our own look comes from query-editor.css, linked inside it (as the dataset editor does, js/datasets/query-editor.js).
// The text area stays in the form, hidden, and always holds the editor's text, so the GET form works as before.
import {
  EditorState, EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching, foldGutter, foldKeymap, defaultKeymap,
  history, historyKeymap, indentWithTab, lintGutter, lintKeymap, linter, autocompletion, completionKeymap,
  closeBrackets, closeBracketsKeymap, hoverTooltip, graphql, getSchema, getHoverInformation, offsetToPos,
} from "/lib/codemirror/graphql-editor.js";
import { jsonLanguage, jsonDiagnostics } from "./json-language.js";

function common(textarea, label, run) {
  return [
    lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), history(), drawSelection(), indentOnInput(),
    bracketMatching(), closeBrackets(), syntaxHighlighting(defaultHighlightStyle), lintGutter(),
    // Mod-Enter first, so it runs instead of inserting a line. Tab indents; Escape then Tab leaves the editor
    // (CodeMirror's own rule), so the keyboard is never trapped.
    keymap.of([{ key: "Mod-Enter", run: () => { run(); return true; } },
      ...closeBracketsKeymap, ...completionKeymap, ...lintKeymap, ...foldKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) {
        textarea.value = update.state.doc.toString();
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }),
    // The panes are narrow: long lines wrap rather than scroll sideways.
    EditorView.lineWrapping,
    // The <label> is outside the shadow root, so aria-labelledby could not reach it: the label text is repeated.
    // tabindex 0 changes nothing for browsers (contenteditable is focusable) but tells checkers (axe) that the
    // scrolling editor holds something the keyboard reaches.
    EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true", tabindex: "0" }),
  ];
}

function mount(textarea, extensions) {
  const host = document.createElement("div");
  host.className = "gql-editor-host";
  host.id = `${textarea.id}-editor`;
  const shadow = host.attachShadow({ mode: "open" });
  const sheet = document.createElement("link");
  sheet.rel = "stylesheet";
  sheet.href = "/css/graphql/query-editor.css";
  shadow.append(sheet);
  const view = new EditorView({ root: shadow, parent: shadow, state: EditorState.create({ doc: textarea.value, extensions }) });
  textarea.hidden = true;
  textarea.after(host);
  // A click on the label should reach what replaced the text area.
  document.querySelector(`label[for="${textarea.id}"]`)?.addEventListener("click", () => view.focus());
  return view;
}

// The description of what is under the pointer: a field (Type.field: Type), argument, type, enum value or
// directive, then its description — graphql-language-service's own hover text, plain (no Markdown).
const hoverDocs = hoverTooltip((view, pos) => {
  const schema = getSchema(view.state);
  if (!schema) return null;
  const line = view.state.doc.lineAt(pos);
  // The language service answers for the token before the cursor: hover one character into the word.
  const text = getHoverInformation(schema, view.state.doc.toString(), offsetToPos(view.state.doc, Math.min(pos + 1, line.to)));
  if (!text) return null;
  const word = view.state.wordAt(pos);
  return {
    pos: word?.from ?? pos,
    end: word?.to ?? pos,
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "gql-hover";
      const [signature, ...rest] = text.split("\n");
      const code = document.createElement("code");
      code.textContent = signature;
      dom.append(code);
      const description = rest.join("\n").trim();
      if (description) {
        const paragraph = document.createElement("p");
        paragraph.textContent = description;
        dom.append(paragraph);
      }
      return { dom };
    },
  };
});

// The query editor: cm6-graphql's completion (Ctrl+Space or as you type) and validation markers, hover docs.
export function queryEditor(textarea, { run, onShowInDocs }) {
  return mount(textarea, [
    ...common(textarea, "Query (GraphQL)", run),
    foldGutter(),
    graphql(undefined, { onShowInDocs }),
    hoverDocs,
    autocompletion(),
  ]);
}

// A JSON editor (variables, headers): highlighting and a marker where the JSON breaks or is not an object.
export function jsonEditor(textarea, { label, run }) {
  return mount(textarea, [
    ...common(textarea, label, run),
    jsonLanguage,
    linter((view) => jsonDiagnostics(view.state.doc.toString()), { delay: 300 }),
  ]);
}
