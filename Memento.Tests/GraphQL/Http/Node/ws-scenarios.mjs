// Scenarios of GraphQL over WebSocket against the test server, run by WebSocketTransportTests:
//   node ws-scenarios.mjs <scenario> <ws-url> [argument]
// Each prints one JSON object on stdout describing what a client saw. The graphql-ws client (with the ws package
// as its WebSocket) plays a real client; a raw ws socket plays a misbehaving one.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [scenario, url, argument] = process.argv.slice(2);
const PROTOCOL = 'graphql-transport-ws';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function client(options = {}) {
  return createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, ...options });
}

/** What a client learns from an error: GraphQL errors, a close event, or an exception. */
function describe(error) {
  if (Array.isArray(error)) return { errors: error.map(({ message, locations }) => ({ message, locations })) };
  if (error && typeof error.code === 'number') return { close: { code: error.code, reason: String(error.reason) } };
  return { exception: String(error?.message ?? error) };
}

/** Runs one operation to its end: every result, then completed or the error. */
function collect(c, payload) {
  return new Promise((resolve) => {
    const results = [];
    c.subscribe(payload, {
      next: (result) => results.push(result),
      error: (error) => resolve({ results, ...describe(error) }),
      complete: () => resolve({ results, completed: true }),
    });
  });
}

/** Subscribes and resolves once the first event arrives; the handle's results keep filling, stop() unsubscribes. */
function start(c, payload) {
  return new Promise((resolve) => {
    const handle = { results: [], outcome: null };
    handle.stop = c.subscribe(payload, {
      next: (result) => {
        handle.results.push(result);
        if (handle.results.length === 1) resolve(handle);
      },
      error: (error) => {
        handle.outcome = describe(error);
        resolve(handle);
      },
      complete: () => {
        handle.outcome = { completed: true };
        resolve(handle);
      },
    });
  });
}

/** A bare socket: its messages, a way to wait for one, and its close. */
function raw(protocols = PROTOCOL) {
  const socket = new WebSocket(url, protocols);
  const messages = [];
  const waiters = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.match(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  const closed = new Promise((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    socket.on('error', (error) => resolve({ error: error.message }));
  });
  const opened = new Promise((resolve, reject) => {
    socket.on('open', resolve);
    socket.on('error', reject);
  });
  const waitFor = (match, ms = 5000) =>
    new Promise((resolve, reject) => {
      const found = messages.find(match);
      if (found) return resolve(found);
      waiters.push({ match, resolve });
      setTimeout(() => reject(new Error('no such message within ' + ms + ' ms')), ms);
    });
  const send = (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  return { socket, messages, opened, closed, waitFor, send };
}

async function acknowledged() {
  const s = raw();
  await s.opened;
  s.send({ type: 'connection_init' });
  await s.waitFor((m) => m.type === 'connection_ack');
  return s;
}

const scenarios = {
  async events() {
    return collect(client(), { query: 'subscription { countdown(from: 3) }' });
  },

  async 'event-scopes'() {
    return collect(client(), { query: 'subscription { eventScope }' });
  },

  async 'query-and-mutation'() {
    const c = client();
    const query = await collect(c, { query: 'query Greet($name: String) { hello(name: $name) }', variables: { name: 'ws' } });
    const mutation = await collect(c, { query: 'mutation { touch }' });
    await c.dispose();
    return { query, mutation };
  },

  async 'bad-documents'() {
    const c = client();
    const unknownField = await collect(c, { query: '{ nope }' });
    const syntax = await collect(c, { query: '{ hello(' });
    const twoRootFields = await collect(c, { query: 'subscription { countdown(from: 1) forever }' });
    const badVariable = await collect(c, { query: 'subscription ($n: Int!) { countdown(from: $n) }', variables: { n: 'three' } });
    await c.dispose();
    return { unknownField, syntax, twoRootFields, badVariable };
  },

  async 'init-timeout'() {
    const s = raw();
    await s.opened;
    const started = Date.now();
    const close = await s.closed;
    return { ...close, elapsedMs: Date.now() - started };
  },

  async 'no-subprotocol'() {
    const s = raw([]);
    return await s.closed;
  },

  async 'other-subprotocol'() {
    const s = raw('graphql-ws');
    return await s.closed;
  },

  async 'duplicate-id'() {
    const s = await acknowledged();
    s.send({ id: 'one', type: 'subscribe', payload: { query: 'subscription { forever }' } });
    await s.waitFor((m) => m.type === 'next' && m.id === 'one');
    s.send({ id: 'one', type: 'subscribe', payload: { query: 'subscription { forever }' } });
    return await s.closed;
  },

  async 'reused-id'() {
    // Once the client completes an id, the id is free again.
    const s = await acknowledged();
    s.send({ id: 'one', type: 'subscribe', payload: { query: 'subscription { forever }' } });
    await s.waitFor((m) => m.type === 'next' && m.id === 'one');
    s.send({ id: 'one', type: 'complete' });
    s.send({ id: 'one', type: 'subscribe', payload: { query: '{ hello }' } });
    const answer = await s.waitFor((m) => m.type === 'next' && m.id === 'one' && m.payload.data?.hello);
    s.socket.close(1000);
    return { answer: answer.payload };
  },

  async 'connection-cap'() {
    const c = client();
    const first = await start(c, { query: 'subscription { forever }' });
    const second = await start(c, { query: 'subscription { forever }' });
    const third = await collect(c, { query: 'subscription { forever }' });
    first.stop();
    await sleep(200);
    const fourth = await start(c, { query: 'subscription { forever }' });
    const secondStillRunning = second.outcome === null;
    await c.dispose();
    return { third, fourthFirstEvent: fourth.results[0] ?? fourth.outcome, secondStillRunning };
  },

  async 'user-cap'() {
    // Both clients come from 127.0.0.1, the default user key of anonymous callers.
    const one = client();
    const two = client();
    await start(one, { query: 'subscription { forever }' });
    await start(one, { query: 'subscription { forever }' });
    await start(two, { query: 'subscription { forever }' });
    const overUserCap = await collect(two, { query: 'subscription { forever }' });
    await one.dispose();
    await sleep(300);
    const afterRelease = await start(two, { query: 'subscription { forever }' });
    await two.dispose();
    return { overUserCap, afterReleaseFirstEvent: afterRelease.results[0] ?? afterRelease.outcome };
  },

  async 'auth-refused'() {
    return collect(client({ connectionParams: { token: 'wrong' } }), { query: '{ me }' });
  },

  async 'auth-accepted'() {
    const c = client({ connectionParams: { token: argument } });
    const result = await collect(c, { query: '{ me }' });
    await c.dispose();
    return result;
  },

  async unsubscribe() {
    const c = client();
    const handle = await start(c, { query: 'subscription { forever }' });
    await sleep(150);
    handle.stop();
    const eventsBeforeStop = handle.results.length;
    await sleep(300);
    // The socket stays open (a second operation still answers), so only the subscription ended.
    const after = await collect(c, { query: '{ hello }' });
    await c.dispose();
    return { eventsBeforeStop, eventsAfterStop: handle.results.length - eventsBeforeStop, after };
  },

  async 'close-socket'() {
    const c = client();
    await start(c, { query: 'subscription { forever }' });
    await start(c, { query: 'subscription { forever }' });
    await c.dispose();
    return { closed: true };
  },

  async 'ping-pong'() {
    const s = await acknowledged();
    s.send({ type: 'ping', payload: { n: 1 } });
    const pong = await s.waitFor((m) => m.type === 'pong');
    const started = Date.now();
    const serverPing = await s.waitFor((m) => m.type === 'ping', 5000);
    const pingAfterMs = Date.now() - started;
    s.send({ type: 'pong' });
    s.socket.close(1000);
    return { pong, serverPing, pingAfterMs };
  },

  async 'silent-peer'() {
    // Acknowledged and subscribed, then deaf: never answers the server's pings.
    const s = await acknowledged();
    s.send({ id: 'one', type: 'subscribe', payload: { query: 'subscription { forever }' } });
    await s.waitFor((m) => m.type === 'next');
    const started = Date.now();
    const close = await s.closed;
    return { ...close, elapsedMs: Date.now() - started };
  },

  async 'invalid-messages'() {
    const outcome = async (steps) => {
      const s = raw();
      await s.opened;
      for (const step of steps) s.send(step);
      return await s.closed;
    };
    const init = { type: 'connection_init' };
    return {
      notJson: await outcome(['not json']),
      serverType: await outcome([init, { id: '1', type: 'next', payload: {} }]),
      noQuery: await outcome([init, { id: '1', type: 'subscribe', payload: {} }]),
      subscribeBeforeInit: await outcome([{ id: '1', type: 'subscribe', payload: { query: '{ hello }' } }]),
      secondInit: await outcome([init, init]),
      tooLarge: await outcome([init, JSON.stringify({ type: 'ping', payload: { pad: 'x'.repeat(Number(argument)) } })]),
    };
  },
};

const run = scenarios[scenario];
if (!run) {
  console.error('unknown scenario ' + scenario);
  process.exit(2);
}
const result = await run();
process.stdout.write(JSON.stringify(result));
process.exit(0);
