// Drives the graphql-sse reference client (distinct connections mode) against the test server and prints, as one
// JSON object, what the client received: results in order, whether the stream completed, the error it surfaced.
// Usage: node sse-client.mjs <url> <scenario>
import { createClient, NetworkError } from 'graphql-sse';

const [url, scenario] = process.argv.slice(2);

function client(headers = {}) {
  // retryAttempts 0: a refused request is reported at once instead of being retried with backoff.
  return createClient({ url, headers, retryAttempts: 0, singleConnection: false });
}

/** Subscribes and collects until the stream completes, errors, or `stopAfter` results arrived (then unsubscribes). */
function run(sseClient, payload, stopAfter = Infinity) {
  return new Promise((resolve) => {
    const outcome = { results: [], completed: false };
    let unsubscribe = () => {};
    unsubscribe = sseClient.subscribe(payload, {
      next(result) {
        outcome.results.push(result);
        if (outcome.results.length >= stopAfter) {
          outcome.unsubscribed = true;
          unsubscribe();
          resolve(outcome);
        }
      },
      async error(error) {
        outcome.error = { message: error instanceof Error ? error.message : JSON.stringify(error) };
        if (error instanceof NetworkError && error.response) {
          outcome.error.status = error.response.status;
          outcome.error.body = await error.response.json().catch(() => null);
        }
        resolve(outcome);
      },
      complete() {
        outcome.completed = true;
        resolve(outcome);
      },
    });
  });
}

const scenarios = {
  countdown: () => run(client(), { query: 'subscription ($from: Int!) { countdown(from: $from) }', variables: { from: 3 } }),
  query: () => run(client(), { query: 'query { hello }' }),
  'bad-document': () => run(client(), { query: 'subscription { unknownField }' }),
  failing: () => run(client(), { query: 'subscription { failing }' }),
  refused: () => run(client({ 'x-refuse': '1' }), { query: 'subscription { countdown(from: 1) }' }),
  cancel: () => run(client(), { query: 'subscription { ticks(channel: "cancel") }' }, 2),
  cap: async () => {
    // The server allows two subscriptions per user: a third is refused while the two are open.
    const user = client({ 'x-user': 'capped' });
    const open = [];
    const firsts = [];
    for (const channel of ['cap-1', 'cap-2']) {
      firsts.push(new Promise((resolve) => {
        open.push(user.subscribe({ query: `subscription { ticks(channel: "${channel}") }` }, { next: resolve, error: resolve, complete: resolve }));
      }));
    }
    await Promise.all(firsts);
    const third = await run(user, { query: 'subscription { ticks(channel: "cap-3") }' }, 1);
    // Another user is not affected by the first one's subscriptions.
    const other = await run(client({ 'x-user': 'other' }), { query: 'subscription { ticks(channel: "cap-other") }' }, 1);
    open.forEach((unsubscribe) => unsubscribe());
    return { third, other };
  },
};

const outcome = await scenarios[scenario]();
process.stdout.write(JSON.stringify(outcome));
// Unsubscribed streams abort their fetch; nothing else keeps the process alive, but do not wait for sockets.
process.exit(0);
