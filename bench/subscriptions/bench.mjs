// The measuring half of bench/subscriptions/run.sh. Seeds a project, a category, one annotation (a layer without an
// image) and a few participants through the GraphQL API; connects SSE subscribers, then WebSocket subscribers, to
// that annotation's events (worker processes of subscribers.mjs), measuring the server's resident memory before and
// after each group while idle; then publishes one event per second (an addComment mutation) and records, for every
// subscriber, the delay from sending the mutation to receiving the event. Prints Markdown.
//   node bench.mjs --url http://127.0.0.1:PORT --user bench --password … --pid SERVER_PID [--sse 1000] [--ws 1000]
//        [--seconds 30] [--workers 4] [--selection 'change annotationId actor'] [--reference]
// --reference: the server is reference-server.mjs (graphql-js with graphql-ws and graphql-sse), no sign-in.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { graphql, signIn } from '../../scripts/scene.mjs';

const { values: args } = parseArgs({ options: {
  url: { type: 'string' }, user: { type: 'string', default: 'bench' }, password: { type: 'string', default: 'bench-password-123' },
  pid: { type: 'string' }, sse: { type: 'string', default: '1000' }, ws: { type: 'string', default: '1000' },
  seconds: { type: 'string', default: '30' }, workers: { type: 'string', default: '4' },
  selection: { type: 'string', default: 'change annotationId categoryId actor' }, reference: { type: 'boolean', default: false },
} });
const SSE = Number(args.sse), WS = Number(args.ws), SECONDS = Number(args.seconds), WORKERS = Number(args.workers);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const log = (...text) => console.error(new Date().toISOString().slice(11, 19), ...text);

// ---- the scene ----
let annotation, publish, tokens;
if (args.reference) {
  annotation = 1;
  tokens = [null];
  publish = (k) => graphql(args.url, null, 'mutation($a: Long!, $c: String!) { addComment(annotationId: $a, content: $c) }', { a: 1, c: `event ${k}` });
} else {
  const admin = await signIn(args.url, args.user, args.password);
  const q = (query, variables) => graphql(args.url, admin, query, variables);
  const project = (await q('mutation($n: String!) { createProject(input: { name: $n }) { project { id } } }', { n: `Subscriptions bench ${new Date().toISOString()}` })).createProject.project.id;
  const category = (await q('mutation($p: Long!) { createCategory(input: { projectId: $p, name: "Live" }) { category { id } } }', { p: project })).createCategory.category.id;
  const created = (await q('mutation($c: Long!) { createAnnotation(input: { categoryId: $c, name: "Watched", layer: { name: "Notes" } }) { annotation { id layers { id } } } }', { c: category })).createAnnotation.annotation;
  annotation = created.id;
  const layer = created.layers[0].id;
  publish = (k) => q('mutation($l: Long!, $c: String!) { addComment(input: { layerId: $l, content: $c }) { comment { id } } }', { l: layer, c: `event ${k}` });
  // Subscribers spread over participants, each well under the per-user cap (200 across SSE and WebSocket).
  tokens = [];
  const users = Math.ceil((SSE + WS) / 150);
  for (let i = 0; i < users; i++) {
    const name = `watcher${i}-${Date.now()}`;
    const user = (await q('mutation($u: String!) { createUser(input: { username: $u, password: "watcher-password-123" }) { user { id } } }', { u: name })).createUser.user.id;
    await q('mutation($u: Long!, $s: Long) { grantRole(input: { userId: $u, code: "provie", scopeId: $s }) { permission { __typename } } }', { u: Number(user), s: Number(project) });
    tokens.push(await signIn(args.url, name, 'watcher-password-123'));
  }
  log(`seeded annotation ${annotation} and ${users} participants`);
}

const rss = () => {
  if (!args.pid) return NaN;
  const line = readFileSync(`/proc/${args.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) * 1024;
};

// ---- subscribers ----
function startWorkers(transport, total, workers) {
  const list = [];
  for (let w = 0; w < workers; w++) {
    const count = Math.floor(total / workers) + (w < total % workers ? 1 : 0);
    if (count === 0) continue;
    const child = fork(new URL('./subscribers.mjs', import.meta.url), {
      env: { ...process.env, TRANSPORT: transport, URL: args.url, COUNT: String(count), TOKENS: JSON.stringify(tokens),
             ANNOTATION: String(annotation), SELECTION: args.selection },
    });
    const worker = { child, count, transport, messages: [] };
    worker.next = (key) => new Promise((ok) => {
      const found = worker.messages.find((m) => key in m);
      if (found) return ok(found);
      const listener = (m) => { if (key in m) { child.off('message', listener); ok(m); } };
      child.on('message', listener);
    });
    child.on('message', (m) => worker.messages.push(m));
    list.push(worker);
  }
  return list;
}

async function connect(transport, total) {
  const workers = startWorkers(transport, total, WORKERS);
  await Promise.all(workers.map((w) => w.next('connected')));
  // The subscriptions are live once each has seen an event: publish warm-up events until every one has.
  const ready = Promise.all(workers.map((w) => w.next('ready')));
  let settled = false;
  ready.then(() => { settled = true; });
  for (let k = 0; !settled; k++) {
    if (k === 60) {
      for (const w of workers) w.child.send({ report: true });
      const reports = await Promise.all(workers.map((w) => w.next('received')));
      const waiting = reports.reduce((n, r) => n + r.received.filter((t) => t.length === 0).length, 0);
      const failures = reports.flatMap((r) => r.failures);
      throw new Error(`${transport}: ${waiting} subscribers saw no event within 60 s; ${failures.length} errors, first: ${failures.slice(0, 3).join(' | ')}`);
    }
    await publish(`warm-up ${transport} ${k}`);
    await Promise.race([ready, sleep(1000)]);
  }
  return workers;
}

const stopAll = (workers) => Promise.all(workers.map((w) => new Promise((ok) => { w.child.on('exit', ok); w.child.send({ stop: true }); })));

// Warm-up: the code paths of both transports run once before memory is measured.
log('warm-up');
await stopAll([...(SSE ? await connect('sse', 10) : []), ...(WS ? await connect('ws', 10) : [])]);
await sleep(3000);
const rss0 = rss();
log(`connecting ${SSE} SSE subscribers`);
const sse = SSE ? await connect('sse', SSE) : [];
await sleep(3000);
const rssSse = rss();
log(`connecting ${WS} WebSocket subscribers`);
const ws = WS ? await connect('ws', WS) : [];
await sleep(3000);
const rssWs = rss();

// ---- events ----
log(`publishing ${SECONDS} events, one a second`);
const sent = [], answered = [];
await sleep(1000);
for (let k = 0; k < SECONDS; k++) {
  const t = now();
  sent.push(t);
  await publish(`event ${k}`);
  answered.push(now() - t);
  await sleep(Math.max(0, 1000 - (now() - t)));
}
await sleep(2000);

async function collect(workers) {
  const latencies = [], failures = [];
  let delivered = 0, subscribers = 0;
  for (const worker of workers) {
    worker.child.send({ report: true });
    const report = await worker.next('received');
    failures.push(...report.failures);
    for (const times of report.received) {
      subscribers++;
      const seen = new Set();
      for (const t of times) {
        if (t < sent[0]) continue; // warm-up events
        // Events are a second apart and arrive well within it: each belongs to the last mutation sent before it.
        let k = sent.length - 1;
        while (k > 0 && sent[k] > t) k--;
        if (seen.has(k)) continue;
        seen.add(k);
        delivered++;
        latencies.push(t - sent[k]);
      }
    }
  }
  return { latencies, failures, delivered, subscribers };
}

const pct = (values, p) => { const s = [...values].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN; };
const f1 = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const kib = (bytes, n) => (Number.isFinite(bytes) && n ? (bytes / n / 1024).toFixed(1) : 'n/a');
const rows = [];
for (const [name, workers, memory, count] of [['SSE (graphql-sse, distinct connections)', sse, rssSse - rss0, SSE], ['WebSocket (graphql-ws)', ws, rssWs - rssSse, WS]]) {
  if (!count) continue;
  const r = await collect(workers);
  rows.push(`| ${name} | ${r.subscribers} | ${r.delivered} / ${r.subscribers * SECONDS} | ${f1(pct(r.latencies, 50))} | ${f1(pct(r.latencies, 99))} | ${f1(Math.max(...r.latencies))} | ${kib(memory, count)} |`);
  if (r.failures.length) log(`${name}: ${r.failures.length} errors, first: ${r.failures[0]}`);
}
await stopAll([...sse, ...ws]);

console.log(`${args.reference ? 'Reference (graphql-js + graphql-ws/graphql-sse servers, node)' : 'Memento'}: ${SECONDS} events, one a second; latency from sending the mutation to receiving the event; mutation answered in ${f1(pct(answered, 50))} ms (p50)`);
console.log('');
console.log('| transport | subscribers | events delivered | p50 ms | p99 ms | max ms | server RSS per idle subscriber, KiB |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
console.log('');
console.log(`Server RSS: ${(rss0 / 1048576).toFixed(0)} MiB before, ${(rssSse / 1048576).toFixed(0)} MiB with the SSE subscribers, ${(rssWs / 1048576).toFixed(0)} MiB with both.`);
process.exit(0);
