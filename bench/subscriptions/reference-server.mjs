// The reference for bench.mjs: the same subscription over the npm packages' own servers — graphql-js executing,
// graphql-ws's `useServer` (on the ws package) at /graphql and graphql-sse's handler at /graphql/stream — and a
// plain POST /graphql for the mutation that publishes. No database and no permission checks: it shows what the
// transports and execution cost alone. Usage: node reference-server.mjs PORT (prints "listening" when ready).
import http from 'node:http';
import { buildSchema, graphql, GraphQLScalarType } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { createHandler } from 'graphql-sse/lib/use/http';

const schema = buildSchema(`
  scalar Long
  type Query { hello: String }
  type Mutation { addComment(annotationId: Long!, content: String!): Boolean }
  enum AnnotationChange { COMMENTS }
  type AnnotationEvent { change: AnnotationChange!  annotationId: Long!  categoryId: Long!  actor: String }
  type Subscription { annotationEvents(id: Long!, shareToken: String): AnnotationEvent! }
`);
Object.assign(schema.getType('Long'), new GraphQLScalarType({ name: 'Long' }));

// A minimal in-process hub: one queue per subscriber.
const subscribers = new Set();
function subscribe(annotationId) {
  const queue = [];
  let wake = null;
  const entry = { annotationId, push: (event) => { queue.push(event); wake?.(); } };
  subscribers.add(entry);
  return {
    [Symbol.asyncIterator]() { return this; },
    async next() {
      while (queue.length === 0) await new Promise((ok) => { wake = ok; });
      wake = null;
      return { value: { annotationEvents: queue.shift() }, done: false };
    },
    async return() { subscribers.delete(entry); return { value: undefined, done: true }; },
  };
}

const root = {
  hello: () => 'world',
  addComment: ({ annotationId }) => {
    const event = { change: 'COMMENTS', annotationId, categoryId: 1, actor: 'bench' };
    for (const s of subscribers) if (s.annotationId === annotationId) s.push(event);
    return true;
  },
};
const roots = { query: root, mutation: root, subscription: { annotationEvents: ({ id }) => subscribe(id) } };
// graphql-js resolves subscription root fields through `subscribe` on the field; wire it from the roots.
schema.getSubscriptionType().getFields().annotationEvents.subscribe = (_, args) => subscribe(args.id);

const sse = createHandler({ schema, rootValue: root });
const server = http.createServer(async (request, response) => {
  try {
    if (request.url.startsWith('/graphql/stream')) return await sse(request, response);
    if (request.method === 'POST' && request.url === '/graphql') {
      let body = '';
      for await (const chunk of request) body += chunk;
      const { query, variables } = JSON.parse(body);
      const result = await graphql({ schema, source: query, variableValues: variables, rootValue: root });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      return;
    }
    response.writeHead(404).end();
  } catch (error) {
    console.error(error);
    if (!response.headersSent) response.writeHead(500).end();
  }
});
useServer({ schema, roots }, new WebSocketServer({ server, path: '/graphql' }));
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
