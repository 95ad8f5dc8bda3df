// One worker of bench.mjs: holds COUNT subscribers of one transport (each its own connection: a WebSocket, or one
// HTTP request in graphql-sse's "distinct connections" mode) to one annotation's events, and records when each event
// arrives. Several workers split the subscribers so that no single node event loop's own queueing dominates the
// measured latency. Talks to its parent over IPC: {ready} once every subscriber saw the warm-up event, then on
// {report} sends back every receive time.
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

const { TRANSPORT, URL, COUNT, TOKENS, ANNOTATION, SELECTION } = process.env;
const tokens = JSON.parse(TOKENS);
const now = () => performance.timeOrigin + performance.now();
const query = `subscription($id: Long!) { annotationEvents(id: $id) { ${SELECTION} } }`;
const received = []; // per subscriber: wall-clock receive times of its events
const failures = [];

function wsClient(token) {
  // The bearer token on the upgrade request (the auth middleware) and in connection_init (OnConnect): either works.
  class AuthorizedWebSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    }
  }
  return createWsClient({
    url: URL.replace(/^http/, 'ws') + '/graphql', webSocketImpl: AuthorizedWebSocket, retryAttempts: 0, lazy: false,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    onNonLazyError: (error) => failures.push(`connection: ${error?.code ?? ''} ${error?.reason ?? error?.message ?? error}`),
    on: { connected: () => connected++ },
  });
}

function sseClient(token) {
  return createSseClient({
    url: URL + '/graphql/stream', singleConnection: false, retryAttempts: 0,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

const clients = [];
let warmed = 0;
let connected = 0;
for (let i = 0; i < Number(COUNT); i++) {
  const times = [];
  received.push(times);
  const token = tokens[i % tokens.length];
  const client = TRANSPORT === 'ws' ? wsClient(token) : sseClient(token);
  clients.push(client);
  client.subscribe({ query, variables: { id: Number(ANNOTATION) } }, {
    next: (result) => {
      if (result.errors) failures.push(JSON.stringify(result.errors).slice(0, 300));
      times.push(now());
      if (times.length === 1 && ++warmed === Number(COUNT)) process.send({ ready: true });
    },
    error: (error) => failures.push(String(error?.message ?? error?.reason ?? JSON.stringify(error)).slice(0, 300)),
    complete: () => {},
  });
  // Connect gradually, 50 at a time (WebSockets: until those are acknowledged): a thousand simultaneous handshakes
  // on a loaded machine measure the accept queue, and outlast the server's 3 s connection_init timeout.
  if (i % 50 === 49) {
    await new Promise((ok) => setTimeout(ok, 50));
    for (let waited = 0; TRANSPORT === 'ws' && connected + failures.length < i + 1 && waited < 30000; waited += 20)
      await new Promise((ok) => setTimeout(ok, 20));
  }
}
process.send({ connected: true });

process.on('message', async (message) => {
  if (message.report) {
    process.send({ received, failures });
  } else if (message.stop) {
    for (const client of clients) client.dispose();
    setTimeout(() => process.exit(0), 200);
  }
});
