// The query page's editor (/graphql in Memento.Server): CodeMirror 6 with cm6-graphql (schema-aware completion and
// validation) and the graphql-js pieces the page uses (introspection, print, parse). Bundled by build.mjs into its
// own module, graphql-editor.js, self-contained: CodeMirror must exist once per page (two copies of @codemirror/state
// refuse each other's extensions), and the query page loads only this bundle, the dataset page only codemirror.js.
export { EditorState, Compartment } from "@codemirror/state";
export {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, placeholder,
  hoverTooltip,
} from "@codemirror/view";
export {
  syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching, foldGutter, foldKeymap, StreamLanguage,
} from "@codemirror/language";
export { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
export { linter, lintGutter, lintKeymap, forceLinting } from "@codemirror/lint";
export {
  autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap, startCompletion,
} from "@codemirror/autocomplete";
export { graphql, updateSchema, getSchema, offsetToPos } from "cm6-graphql";
export { getHoverInformation } from "graphql-language-service";
export {
  buildClientSchema, getIntrospectionQuery, parse, print, getOperationAST, getNamedType, isObjectType, isInterfaceType,
  isUnionType, isEnumType, isInputObjectType, isScalarType, isListType, isNonNullType,
} from "graphql";
