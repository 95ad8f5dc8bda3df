// The query page: an editor, a runner and a schema explorer built from introspection. Plain DOM, no framework.
const endpoint = document.body.dataset.endpoint;
const $ = (id) => document.getElementById(id);
const query = $('query'), variables = $('variables'), result = $('result'), status = $('status');
const operation = $('operation'), explorer = $('explorer'), crumbs = $('crumbs'), filter = $('filter');

const stored = localStorage.getItem('memento.graphql.query');
if (stored) query.value = stored;
variables.value = localStorage.getItem('memento.graphql.variables') ?? '';

// Tab inserts two spaces (or indents the selected lines) instead of leaving the editor.
function handleTab(event) {
  if (event.key !== 'Tab') return;
  event.preventDefault();
  const area = event.target, { selectionStart: start, selectionEnd: end, value } = area;
  if (start === end && !event.shiftKey) {
    area.setRangeText('  ', start, end, 'end');
    return;
  }
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const block = value.slice(lineStart, end);
  const changed = event.shiftKey ? block.replace(/^ {1,2}/gm, '') : block.replace(/^/gm, '  ');
  area.setRangeText(changed, lineStart, end, 'select');
}

function handleRunKey(event) {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
}

for (const area of [query, variables]) {
  area.addEventListener('keydown', handleTab);
  area.addEventListener('keydown', handleRunKey);
}

// Named operations in the document, so a multi-operation document can be run one operation at a time.
function refreshOperations() {
  const names = [...query.value.matchAll(/\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g)].map((m) => m[1]);
  const current = operation.value;
  operation.replaceChildren(...names.map((name) => new Option(name, name)));
  operation.disabled = names.length < 2;
  if (names.includes(current)) operation.value = current;
}
query.addEventListener('input', () => {
  localStorage.setItem('memento.graphql.query', query.value);
  refreshOperations();
});
variables.addEventListener('input', () => localStorage.setItem('memento.graphql.variables', variables.value));
refreshOperations();

async function post(body) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await response.text();
  try {
    return { status: response.status, json: JSON.parse(text) };
  } catch {
    return { status: response.status, text };
  }
}

async function run() {
  let vars;
  try {
    vars = variables.value.trim() ? JSON.parse(variables.value) : undefined;
  } catch (error) {
    show(`Variables are not valid JSON: ${error.message}`, true);
    return;
  }
  show('Running…');
  const started = performance.now();
  try {
    const reply = await post({ query: query.value, variables: vars, operationName: operation.value || undefined });
    result.textContent = reply.json ? JSON.stringify(reply.json, null, 2) : reply.text;
    const failed = reply.status >= 400 || reply.json?.errors;
    show(`HTTP ${reply.status} in ${Math.round(performance.now() - started)} ms`, failed);
  } catch (error) {
    show(`Request failed: ${error.message}`, true);
  }
}
$('run').addEventListener('click', run);

function show(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

// ---- Schema explorer --------------------------------------------------------------------------------------
const typeRef = `type { ...T }`;
const introspection = `query ExplorerIntrospection {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types {
      kind name description
      fields(includeDeprecated: true) { name description isDeprecated deprecationReason args { name description defaultValue ${typeRef} } ${typeRef} }
      inputFields { name description defaultValue ${typeRef} }
      interfaces { name } possibleTypes { name }
      enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
    }
  }
}
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

let schema = null;
const trail = [];

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

function typeLink(ref) {
  if (ref.kind === 'NON_NULL') return el('span', {}, typeLink(ref.ofType), '!');
  if (ref.kind === 'LIST') return el('span', {}, '[', typeLink(ref.ofType), ']');
  const link = el('a', { className: 'type-ref', textContent: ref.name, href: '#' });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    open(ref.name);
  });
  return link;
}

function description(text) {
  return text ? el('div', { className: 'desc', textContent: text }) : null;
}

function renderRoot() {
  const term = filter.value.trim().toLowerCase();
  const roots = ['queryType', 'mutationType', 'subscriptionType'].map((key) => schema[key]).filter(Boolean);
  const types = schema.types.filter((type) => !type.name.startsWith('__') && type.name.toLowerCase().includes(term));
  explorer.replaceChildren(
    el('h3', { textContent: 'Root types' }),
    el('ul', {}, ...roots.map((root) => el('li', {}, typeLink({ kind: 'OBJECT', name: root.name })))),
    el('h3', { textContent: 'All types' }),
    el('ul', {}, ...types.map((type) => el('li', {}, typeLink(type), ` ${type.kind.toLowerCase()}`))),
  );
}

function renderField(field) {
  const args = field.args?.length
    ? el('span', {}, '(', ...field.args.flatMap((arg, i) => [i ? ', ' : '', `${arg.name}: `, typeLink(arg.type),
        arg.defaultValue ? ` = ${arg.defaultValue}` : '']), ')')
    : null;
  const name = el('strong', { textContent: field.name, className: field.isDeprecated ? 'deprecated' : '' });
  // Enum values have no type.
  const type = field.type ? el('span', {}, ': ', typeLink(field.type)) : null;
  return el('li', {}, name, args, type,
    description([field.description, field.isDeprecated ? `Deprecated: ${field.deprecationReason}` : ''].filter(Boolean).join('\n')));
}

function renderType(name) {
  const type = schema.types.find((candidate) => candidate.name === name);
  if (!type) return renderRoot();
  const parts = [el('h3', { textContent: `${type.name} (${type.kind.toLowerCase()})` }), description(type.description)];
  if (type.interfaces?.length) parts.push(el('div', {}, 'implements ', ...type.interfaces.map((i) => typeLink({ kind: 'OBJECT', name: i.name }))));
  if (type.possibleTypes?.length) parts.push(el('div', {}, 'possible types: ', ...type.possibleTypes.map((p) => typeLink({ kind: 'OBJECT', name: p.name }))));
  const fields = type.fields ?? type.inputFields;
  if (fields?.length) parts.push(el('ul', {}, ...fields.map(renderField)));
  if (type.enumValues?.length) parts.push(el('ul', {}, ...type.enumValues.map((value) => renderField({ ...value, type: null }))));
  explorer.replaceChildren(...parts.filter(Boolean));
}

function renderCrumbs() {
  const home = el('a', { textContent: 'Schema', href: '#' });
  home.addEventListener('click', (event) => {
    event.preventDefault();
    trail.length = 0;
    render();
  });
  crumbs.replaceChildren(home, ...trail.map((name, index) => {
    const link = el('a', { textContent: `› ${name}`, href: '#' });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      trail.length = index + 1;
      render();
    });
    return link;
  }));
}

function open(name) {
  trail.push(name);
  render();
}

function render() {
  renderCrumbs();
  filter.hidden = trail.length > 0;
  if (trail.length) renderType(trail[trail.length - 1]);
  else renderRoot();
}
filter.addEventListener('input', render);

post({ query: introspection })
  .then((reply) => {
    if (!reply.json?.data) throw new Error(reply.json?.errors?.[0]?.message ?? `HTTP ${reply.status}`);
    schema = reply.json.data.__schema;
    render();
  })
  .catch((error) => {
    explorer.textContent = `Schema unavailable: ${error.message}`;
  });
