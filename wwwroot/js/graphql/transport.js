// The page's requests: one POST for queries and mutations, and for subscriptions the graphql-sse protocol's
// "distinct connections" mode — POST {endpoint}/stream with Accept: text/event-stream, the body read as a stream.
// fetch, not EventSource: EventSource can send neither a body nor the headers the user typed (Authorization).

export const ResponseAccept = "application/graphql-response+json, application/json";
export const StreamAccept = "text/event-stream";

export const streamUrl = (endpoint) => `${endpoint.replace(/\/$/, "")}/stream`;

// The user's headers may add Authorization and the like; the body's type and the answer's are the page's (header
// names are case-insensitive: a typed "content-type" must not be sent beside ours).
export function requestHeaders(headers, accept) {
  const own = Object.entries(headers ?? {}).filter(([name]) => !/^(content-type|accept)$/i.test(name))
    .map(([name, value]) => [name, String(value)]);
  return { ...Object.fromEntries(own), "Content-Type": "application/json", Accept: accept };
}

function requestInit(body, headers, accept, signal) {
  return {
    method: "POST",
    headers: requestHeaders(headers, accept),
    body: JSON.stringify(body),
    credentials: "same-origin",
    signal,
  };
}

async function readReply(response) {
  const text = await response.text();
  try {
    return { status: response.status, json: JSON.parse(text) };
  } catch {
    return { status: response.status, text };
  }
}

// A query or mutation: { status, json } or { status, text } when the answer is not JSON.
export async function post(endpoint, body, headers = {}, signal = undefined) {
  return readReply(await fetch(endpoint, requestInit(body, headers, ResponseAccept, signal)));
}

// Splits a text/event-stream into events ({ event, data }), as the HTML standard parses one: lines up to a blank
// line make an event; "event:" names it, "data:" lines join with newlines, ":" lines are comments (keep-alives).
export function eventParser(onEvent) {
  let buffer = "";
  let event = "";
  let data = [];
  return (chunk) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      // A chunk ending in \r may be the first half of \r\n: wait for the next one.
      if (newline === buffer.length - 1 && buffer.endsWith("\r")) break;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
      if (line === "") {
        if (data.length || event) onEvent({ event: event || "message", data: data.join("\n") });
        event = "";
        data = [];
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
  };
}

// A subscription (or any operation) over SSE. Calls onOpen() once the server accepted it and onResult(result) per
// `next` event; resolves when the server completes the stream or the signal aborts it ({ completed, aborted }); a
// request the server refused before streaming resolves as { refused: { status, json | text } }.
export async function stream(endpoint, body, headers, signal, onResult, onOpen = () => {}) {
  let response;
  try {
    response = await fetch(streamUrl(endpoint), requestInit(body, headers, StreamAccept, signal));
  } catch (error) {
    if (signal.aborted) return { aborted: true };
    throw error;
  }
  if (!response.ok || !response.headers.get("Content-Type")?.startsWith(StreamAccept)) {
    return { refused: await readReply(response) };
  }
  onOpen();
  let completed = false;
  const parse = eventParser(({ event, data }) => {
    if (event === "next") onResult(JSON.parse(data));
    else if (event === "complete") completed = true;
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    while (!completed) {
      const { value, done } = await reader.read();
      if (done) break;
      parse(value);
    }
  } catch (error) {
    if (signal.aborted) return { aborted: true };
    throw error;
  } finally {
    reader.cancel().catch(() => {});
  }
  return { completed };
}
