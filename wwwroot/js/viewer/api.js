// The viewer's data: GraphQL over fetch. The page's session cookie goes along (same origin); a share-link holder has
// no session and reads through sharedItem(token) instead. Every failure becomes an ApiError whose message a person
// can read in the stage — never a stack trace, never a raw status line.

const IMAGE_FIELDS = `id name width height bands bitDepth dziUrl state typeCode externalUrl error
  statistics { channel min max mean p1 p99 }`;

// What every panel starts from (session.annotation); panels load their own details (regions, comments) themselves.
const ANNOTATION_FIELDS = `id name projectId categoryId status
  labels { name } classifications { classificationId option chosenById }
  rights { participate administer }
  layers { id name kind sequence parentLayerId settings bitDepth ownerId editable image { ${IMAGE_FIELDS} } }`;

const ANNOTATION_QUERY = `query ViewerAnnotation($id: Long!) { annotation(id: $id) { ${ANNOTATION_FIELDS} } }`;

const SHARED_QUERY = `query ViewerShared($token: String!) {
  sharedItem(token: $token) { annotation { ${ANNOTATION_FIELDS} } image { ${IMAGE_FIELDS} } } }`;

/** A failure to show as it is: `message` is for people, `code` (NOT_FOUND, FORBIDDEN, NETWORK, …) for the code. */
export class ApiError extends Error {
  constructor(message, code = 'ERROR') {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

// What a person reads when the server gave no message of its own for a status.
const STATUS_MESSAGES = {
  401: 'Your session has ended. Sign in again to open this annotation.',
  403: 'You do not have permission to see this.',
  404: 'This was not found. It may have been deleted.',
  413: 'The request was too large for the server.',
  429: 'The server is busy. Wait a moment and try again.',
};

/**
 * Runs one GraphQL operation and returns its `data`. Throws ApiError on a network failure, a response that is not
 * GraphQL, or any GraphQL error (the first error's message; its extensions.code as the code). An aborted request
 * rethrows the AbortError so callers can tell "superseded" from "failed".
 */
export async function graphql(query, variables = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError('Could not reach the server. Check the connection and try again.', 'NETWORK');
  }

  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
  }
  const first = Array.isArray(body?.errors) ? body.errors[0] : null;
  if (first) {
    const code = first.extensions?.code ?? 'ERROR';
    const message = typeof first.message === 'string' && first.message.trim() !== ''
      ? first.message
      : STATUS_MESSAGES[response.status] ?? 'The server could not answer this request.';
    throw new ApiError(message, code);
  }
  if (!response.ok || body === null || typeof body !== 'object' || !('data' in body)) {
    throw new ApiError(STATUS_MESSAGES[response.status]
      ?? `The server could not answer (HTTP ${response.status}). Try again in a moment.`, `HTTP_${response.status}`);
  }
  return body.data;
}

/** The annotation with its layers and their images, as the annotation-model expects it. */
export async function loadAnnotation(annotationId, { signal } = {}) {
  const id = Number(annotationId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new ApiError('This address does not name an annotation.', 'BAD_ADDRESS');
  const data = await graphql(ANNOTATION_QUERY, { id }, { signal });
  if (!data?.annotation) throw new ApiError(STATUS_MESSAGES[404], 'NOT_FOUND');
  return data.annotation;
}

/** What a share link shows: `{ annotation }` or `{ image }` (an image share: one image, one channel). */
export async function loadShared(token, { signal } = {}) {
  const data = await graphql(SHARED_QUERY, { token: String(token) }, { signal });
  const item = data?.sharedItem;
  if (!item || (!item.annotation && !item.image)) {
    throw new ApiError('This share link has expired or was revoked.', 'NOT_FOUND');
  }
  return item;
}
