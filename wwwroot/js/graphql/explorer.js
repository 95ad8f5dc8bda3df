// The schema explorer: the root types and every type, a search over types, fields and arguments (names and
// descriptions), and a type's page (fields with arguments, types, descriptions, deprecations; input fields; enum
// values; interfaces and possible types). A type name opens that type; a field's name opens the type it returns.
// Everything is a button, so the keyboard reaches it; the trail above says where one is and leads back.
import {
  getNamedType, isObjectType, isInterfaceType, isUnionType, isEnumType, isInputObjectType, isScalarType, isListType,
  isNonNullType,
} from "/lib/codemirror/graphql-editor.js";

const ResultLimit = 100;

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

function kindOf(type) {
  if (isObjectType(type)) return "type";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  if (isEnumType(type)) return "enum";
  if (isInputObjectType(type)) return "input";
  if (isScalarType(type)) return "scalar";
  return "";
}

export class Explorer {
  constructor({ container, search, trail }) {
    Object.assign(this, { container, search, trail, schema: null, path: [] });
    search.addEventListener("input", () => {
      this.path = [];
      this.render();
    });
  }

  setSchema(schema) {
    this.schema = schema;
    this.render();
  }

  showError(message) {
    this.container.replaceChildren(el("p", { className: "gql-error", textContent: `The schema is unavailable: ${message}` }));
  }

  // Opens a type's page (from a link, or from the editor's Ctrl+click on a field).
  open(name) {
    if (!this.schema?.getType(name)) return;
    this.search.value = "";
    this.path.push(name);
    this.render();
    this.container.querySelector("h3")?.focus();
  }

  typeButton(type) {
    if (isNonNullType(type)) return el("span", {}, this.typeButton(type.ofType), "!");
    if (isListType(type)) return el("span", {}, "[", this.typeButton(type.ofType), "]");
    const button = el("button", { type: "button", className: "link gql-type", textContent: type.name });
    button.addEventListener("click", () => this.open(type.name));
    return button;
  }

  description(text) {
    return text ? el("p", { className: "gql-desc", textContent: text }) : null;
  }

  deprecation(item) {
    return item.deprecationReason != null
      ? el("p", { className: "gql-deprecated", textContent: `Deprecated: ${item.deprecationReason || "no longer supported"}` })
      : null;
  }

  argument(arg) {
    const defaultValue = arg.defaultValue !== undefined ? ` = ${JSON.stringify(arg.defaultValue)}` : "";
    return el("li", {}, el("code", {}, `${arg.name}: `, this.typeButton(arg.type), defaultValue),
      this.description(arg.description), this.deprecation(arg));
  }

  field(field) {
    // A field's name leads to the type it returns (a list's or non-null's named type).
    const name = el("button", { type: "button", className: "link gql-field", textContent: field.name,
      title: `Open ${getNamedType(field.type).name}` });
    name.addEventListener("click", () => this.open(getNamedType(field.type).name));
    const args = field.args?.length ? el("ul", { className: "gql-args" }, ...field.args.map((arg) => this.argument(arg))) : null;
    return el("li", { className: field.deprecationReason != null ? "deprecated" : "" },
      el("code", {}, name, field.args?.length ? `(${field.args.length === 1 ? "1 argument" : `${field.args.length} arguments`})` : "", ": ", this.typeButton(field.type)),
      this.description(field.description), this.deprecation(field), args);
  }

  typePage(type) {
    const parts = [
      el("h3", { tabIndex: -1 }, type.name, " ", el("span", { className: "gql-kind", textContent: kindOf(type) })),
      this.description(type.description),
    ];
    if ((isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().length)
      parts.push(el("p", {}, "Implements ", ...type.getInterfaces().flatMap((i, n) => [n ? ", " : "", this.typeButton(i)])));
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      if (possible.length) parts.push(el("p", {}, "Possible types: ", ...possible.flatMap((t, n) => [n ? ", " : "", this.typeButton(t)])));
    }
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      parts.push(el("h4", { textContent: isInputObjectType(type) ? "Input fields" : "Fields" }),
        el("ul", { className: "gql-fields" }, ...fields.map((field) => this.field(field))));
    }
    if (isEnumType(type)) {
      parts.push(el("h4", { textContent: "Values" }), el("ul", { className: "gql-fields" }, ...type.getValues().map((value) =>
        el("li", {}, el("code", { textContent: value.name }), this.description(value.description), this.deprecation(value)))));
    }
    return parts;
  }

  types() {
    return Object.values(this.schema.getTypeMap()).filter((type) => !type.name.startsWith("__"))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  rootPage() {
    const roots = [this.schema.getQueryType(), this.schema.getMutationType(), this.schema.getSubscriptionType()].filter(Boolean);
    return [
      el("h3", { textContent: "Root types" }),
      el("ul", { className: "gql-list" }, ...roots.map((type) => el("li", {}, this.typeButton(type)))),
      el("h3", { textContent: "All types" }),
      el("ul", { className: "gql-list" }, ...this.types().map((type) => el("li", {}, this.typeButton(type), " ",
        el("span", { className: "gql-kind", textContent: kindOf(type) })))),
    ];
  }

  // Types whose name or description holds the term, then fields and arguments whose name or description does.
  searchPage(term) {
    const matches = (thing) => thing.name.toLowerCase().includes(term) || (thing.description ?? "").toLowerCase().includes(term);
    const types = this.types().filter(matches);
    const fields = [];
    for (const type of this.types()) {
      if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (matches(field)) fields.push({ type, field, arg: null });
        for (const arg of field.args ?? []) if (matches(arg)) fields.push({ type, field, arg });
      }
    }
    const typeItems = types.slice(0, ResultLimit).map((type) => el("li", {}, this.typeButton(type), " ",
      el("span", { className: "gql-kind", textContent: kindOf(type) })));
    const fieldItems = fields.slice(0, ResultLimit).map(({ type, field, arg }) => {
      const owner = this.typeButton(type);
      const name = el("button", { type: "button", className: "link gql-field",
        textContent: arg ? `${field.name}(${arg.name})` : field.name });
      name.addEventListener("click", () => this.open(getNamedType((arg ?? field).type).name));
      return el("li", {}, el("code", {}, owner, ".", name, ": ", this.typeButton((arg ?? field).type)),
        this.description((arg ?? field).description));
    });
    const more = (count) => (count > ResultLimit ? el("p", { className: "hint", textContent: `${count - ResultLimit} more: narrow the search.` }) : null);
    return [
      el("h3", { textContent: `Types (${types.length})` }), el("ul", { className: "gql-list" }, ...typeItems), more(types.length),
      el("h3", { textContent: `Fields and arguments (${fields.length})` }), el("ul", { className: "gql-fields" }, ...fieldItems), more(fields.length),
    ];
  }

  renderTrail() {
    const home = el("button", { type: "button", className: "link", textContent: "Schema" });
    home.addEventListener("click", () => {
      this.path = [];
      this.render();
    });
    const steps = this.path.map((name, index) => {
      const step = el("button", { type: "button", className: "link", textContent: name });
      if (index === this.path.length - 1) step.setAttribute("aria-current", "page");
      step.addEventListener("click", () => {
        this.path.length = index + 1;
        this.render();
      });
      return el("span", {}, " › ", step);
    });
    this.trail.replaceChildren(home, ...steps);
  }

  render() {
    if (!this.schema) return;
    this.renderTrail();
    const term = this.search.value.trim().toLowerCase();
    const current = this.path.length ? this.schema.getType(this.path[this.path.length - 1]) : null;
    const parts = current ? this.typePage(current) : term ? this.searchPage(term) : this.rootPage();
    this.container.replaceChildren(...parts.filter(Boolean));
  }
}
