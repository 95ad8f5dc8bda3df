// Two steps of bench/pages/run.sh:
//   scene   — builds the realistic scene through the API (scripts/scene.mjs) and prints its ids as JSON;
//   measure — signs in through the login form, then times N sequential GETs of every page in scripts/pages.json
//             (and the floor: /health, the login page), printing a Markdown table of median and p95 in ms.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildScene, fill, graphql, signIn } from '../../scripts/scene.mjs';

const [step, ...rest] = process.argv.slice(2);
const { values: args } = parseArgs({ args: rest, options: {
  url: { type: 'string' }, user: { type: 'string', default: 'admin' }, password: { type: 'string' },
  samples: { type: 'string', default: '../shared/sample-data' }, scene: { type: 'string' }, n: { type: 'string', default: '100' },
} });

if (step === 'scene') {
  const token = await signIn(args.url, args.user, args.password);
  const scene = await buildScene(args.url, token, args.samples);
  const me = await graphql(args.url, token, '{ me { id } }');
  console.log(JSON.stringify({ ...scene, admin: String(me.me.id) }));
} else if (step === 'measure') {
  const scene = JSON.parse(readFileSync(args.scene, 'utf8'));
  const cookie = await signInCookie();
  const { pages } = JSON.parse(readFileSync(new URL('../../scripts/pages.json', import.meta.url)));
  const rows = [['floor: /health', '/health', false], ['floor: login page', '/login', false],
    ...pages.map((p) => [p.name, fill(p.path, scene), p.signedIn !== false])];
  console.log(`N = ${args.n} sequential requests per page after 5 warm-up ones; times in ms (client-measured, loopback).\n`);
  console.log('| page | path | status | median | p95 | bytes |\n|---|---|---:|---:|---:|---:|');
  for (const [name, path, signedIn] of rows) {
    const { status, median, p95, bytes } = await time(path, signedIn ? cookie : '', Number(args.n));
    console.log(`| ${name} | \`${path}\` | ${status} | ${median.toFixed(1)} | ${p95.toFixed(1)} | ${bytes} |`);
  }
} else {
  console.error('usage: bench.mjs scene|measure --url … --password …');
  process.exit(2);
}

async function time(path, cookie, n) {
  const times = [];
  let status = 0, bytes = 0;
  for (let i = 0; i < n + 5; i++) {
    const start = performance.now();
    const response = await fetch(args.url + path, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
    const body = await response.arrayBuffer();
    if (i >= 5) times.push(performance.now() - start);
    status = response.status; bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { status, bytes, median: times[Math.floor(n / 2)], p95: times[Math.min(n - 1, Math.ceil(n * 0.95) - 1)] };
}

/** Signs in through the login form as a browser does; returns the Cookie header for the session. */
async function signInCookie() {
  const page = await fetch(`${args.url}/login`);
  const jar = new Map();
  const keep = (response) => response.headers.getSetCookie().forEach((c) => { const [kv] = c.split(';'); const i = kv.indexOf('='); jar.set(kv.slice(0, i), kv.slice(i + 1)); });
  keep(page);
  const token = (await page.text()).match(/name="__RequestVerificationToken" value="([^"]+)"/)[1];
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(`${args.url}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ userName: args.user, password: args.password, __RequestVerificationToken: token }),
  });
  if (response.status !== 302) throw new Error(`sign-in answered ${response.status}`);
  keep(response);
  return header();
}
