// The CodeMirror 6 pieces the pages use, re-exported from one ES module (bundled by build.mjs, never committed).
// General on purpose: the dataset query editor uses YAML; other editors (GraphQL) import the same bundle.
export { EditorState, Compartment, StateEffect, StateField } from "@codemirror/state";
export {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, placeholder,
} from "@codemirror/view";
export {
  syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching, foldGutter, HighlightStyle,
  StreamLanguage, LanguageSupport,
} from "@codemirror/language";
export { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
export { linter, lintGutter, setDiagnostics, forceLinting, diagnosticCount } from "@codemirror/lint";
export { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
export { yaml } from "@codemirror/lang-yaml";
