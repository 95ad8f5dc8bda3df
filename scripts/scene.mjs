// A realistic scene built through the GraphQL API, as a person using the Python client would: a project with
// categories, annotations on real images (uploaded from the sample data), labels, classifications, comments,
// members at each scope and a share link. Returns the ids the page list's {placeholders} name.
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';

export async function signIn(url, user, password) {
  const data = await graphql(url, null,
    'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p, mode: TOKEN, tokenName: "scene" }) { token } }',
    { u: user, p: password });
  return data.login.token;
}

export async function graphql(url, token, query, variables = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The GraphQL multipart request (one file), as the Python client sends it. */
export async function upload(url, token, query, variables, filePath) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', await openAsBlob(filePath), filePath.split('/').pop());
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'graphql-preflight': '1' }, body: form });
  const body = await response.json();
  if (body.errors) throw new Error(`upload ${filePath}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const id = (value) => String(value);

export async function buildScene(url, token, samples) {
  const q = (query, variables) => graphql(url, token, query, variables);
  const project = (await q('mutation { createProject(input: { name: "Kidney fibrosis study" }) { project { id } } }')).createProject.project.id;
  const images = [];
  for (const [name, file] of [
    ['Colocalization 0_1 G', 'cellprofiler-examples/CellProfilerExamples/Colocalization/0_1/site1/G.png'],
    ['Colocalization 0_1 R', 'cellprofiler-examples/CellProfilerExamples/Colocalization/0_1/site1/R.png'],
    ['Colocalization 0_2 G', 'cellprofiler-examples/CellProfilerExamples/Colocalization/0_2/site1/G.png'],
  ]) {
    const data = await upload(url, token,
      'mutation($p: Long!, $n: String!, $file: Upload) { uploadImage(input: { projectId: $p, name: $n, format: 2, file: $file }) { image { id } } }',
      { p: project, n: name }, join(samples, file));
    images.push(data.uploadImage.image.id);
  }
  const categories = [];
  for (const name of ['Wild type', 'Knock-out']) {
    categories.push((await q('mutation($p: Long!, $n: String!) { createCategory(input: { projectId: $p, name: $n }) { category { id } } }',
      { p: project, n: name })).createCategory.category.id);
  }
  await q('mutation($p: Long!) { a: createLabel(input: { projectId: $p, name: "fibrotic" }) { label { id } } b: createLabel(input: { projectId: $p, name: "needs review" }) { label { id } } }', { p: project });
  await q('mutation($p: Long!) { createClassification(input: { projectId: $p, name: "Fibrosis grade" }) { classification { id } } }', { p: project });
  await q('mutation($c: Long!) { linkClassifications(input: { categoryId: $c, names: ["Fibrosis grade"] }) { classifications { id } } }', { c: categories[0] });
  const annotations = [];
  const layers = [];
  for (let i = 0; i < 6; i++) {
    const data = await q('mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: { categoryId: $c, name: $n, layer: { name: "DAPI", imageId: $i } }) { annotation { id } firstLayer { id } } }',
      { c: categories[i % 2], n: `Mouse ${i + 1} section ${(i % 3) + 1}`, i: images[i % images.length] });
    annotations.push(data.createAnnotation.annotation.id);
    layers.push(data.createAnnotation.firstLayer.id);
  }
  await q('mutation($a: Long!) { setAnnotationLabels(input: { annotationId: $a, labels: ["fibrotic"] }) { annotation { id } } }', { a: annotations[0] });
  await q('mutation($l: Long!) { addComment(input: { layerId: $l, content: "Interstitial fibrosis around the cortex, see the upper left." }) { comment { id } } }', { l: layers[0] });
  const users = [];
  for (const name of ['alice', 'bob', 'carol', 'dave']) {
    users.push((await q('mutation($u: String!) { createUser(input: { username: $u, password: "scene-user-password-1" }) { user { id } } }', { u: name })).createUser.user.id);
  }
  // Members at each scope: alice takes part in the project, bob views it, carol takes part in a category, dave in an annotation.
  for (const [user, code, scope] of [[users[0], 'propar', project], [users[1], 'provie', project],
    [users[2], 'catpar', categories[0]], [users[3], 'annpar', annotations[0]]]) {
    await q('mutation($u: Long!, $c: String!, $s: Long) { grantRole(input: { userId: $u, code: $c, scopeId: $s }) { permission { __typename } } }',
      { u: Number(user), c: code, s: Number(scope) });
  }
  const link = await q('mutation($a: Long!) { createShareLink(input: { annotationId: $a }) { token } }', { a: annotations[0] });
  return {
    project: id(project), category: id(categories[0]), annotation: id(annotations[0]), image: id(images[0]),
    layer: id(layers[0]), user: id(users[0]), shareToken: link.createShareLink.token,
  };
}

/** A page's path with the scene's ids in its {placeholders}. */
export const fill = (path, scene) => path.replace(/\{(\w+)\}/g, (_, key) => {
  if (!(key in scene)) throw new Error(`unknown placeholder {${key}} in ${path}`);
  return encodeURIComponent(scene[key]);
});
