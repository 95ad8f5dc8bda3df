// "Copy as curl": the request the Run button would send, as a POSIX shell command. Every argument is single-quoted
// (inside single quotes the shell expands nothing; a quote itself is closed, escaped and reopened: '\''), so
// queries with $variables, quotes, backslashes or newlines reach the server as typed.
import { ResponseAccept, StreamAccept, requestHeaders, streamUrl } from "./transport.js";

export function shellQuote(text) {
  return `'${String(text).replaceAll("'", `'\\''`)}'`;
}

// The command for body ({ query, variables, operationName }) with the user's headers; a subscription goes to the
// SSE endpoint (-N: print each event as it arrives).
export function curlCommand(endpointUrl, body, headers, isSubscription) {
  const url = isSubscription ? streamUrl(endpointUrl) : endpointUrl;
  const parts = ["curl"];
  if (isSubscription) parts.push("-N");
  parts.push(shellQuote(url));
  for (const [name, value] of Object.entries(requestHeaders(headers, isSubscription ? StreamAccept : ResponseAccept))) parts.push("-H", shellQuote(`${name}: ${value}`));
  parts.push("--data-raw", shellQuote(JSON.stringify(body)));
  return parts.join(" ");
}
