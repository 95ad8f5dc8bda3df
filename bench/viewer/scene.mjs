// The viewer bench's scene, built through the GraphQL API as a user's script would: one project, one category, the
// 20000x20000 RGB image in one annotation and the four 16-bit channels as four image layers of a second annotation.
// Uploads go one after another (the server ingests in the background; waiting for READY keeps vips off the CPU
// before the next upload). Prints the ids, the signed dziUrls and the images' sizes as JSON.
// Usage: node scene.mjs --url http://127.0.0.1:PORT --user bench --password … --inputs DIR
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { graphql, signIn } from '../../scripts/scene.mjs';

const { values: args } = parseArgs({ options: {
  url: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, inputs: { type: 'string' },
} });
const token = await signIn(args.url, args.user, args.password);
const q = (query, variables) => graphql(args.url, token, query, variables);

async function upload(project, name, file, format) {
  const form = new FormData();
  form.append('operations', JSON.stringify({
    query: 'mutation($p: Long!, $n: String!, $f: Int!, $file: Upload) { uploadImage(input: { projectId: $p, name: $n, format: $f, file: $file }) { image { id } } }',
    variables: { p: project, n: name, f: format, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', await openAsBlob(file), file.split('/').pop());
  const response = await fetch(`${args.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'graphql-preflight': '1' }, body: form });
  const body = await response.json();
  if (body.errors) throw new Error(`upload ${file}: ${JSON.stringify(body.errors)}`);
  const id = body.data.uploadImage.image.id;
  const started = Date.now();
  for (;;) {
    const { image } = await q('query($i: Long!) { image(id: $i) { state error } }', { i: id });
    if (image.state === 'READY') break;
    if (image.state === 'FAILED') throw new Error(`ingest of ${file} failed: ${image.error}`);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  console.error(`${name}: READY in ${((Date.now() - started) / 1000).toFixed(1)} s after upload`);
  return id;
}

const project = (await q('mutation($n: String!) { createProject(input: { name: $n }) { project { id } } }', { n: `Viewer bench ${new Date().toISOString()}` })).createProject.project.id;
const category = (await q('mutation($p: Long!) { createCategory(input: { projectId: $p, name: "Bench" }) { category { id } } }', { p: project })).createCategory.category.id;

const rgbImage = await upload(project, 'FlyKc167 POS002 composite 20000x20000', join(args.inputs, 'rgb.tif'), 4);
const rgb = await q('mutation($c: Long!, $i: Long) { createAnnotation(input: { categoryId: $c, name: "RGB 20000x20000", layer: { name: "Brightfield", imageId: $i } }) { annotation { id } } }',
  { c: category, i: rgbImage });

// Layer names pick the panel's default colours (DAPI blue, GFP green, RFP red, others distinct).
const channels = [['DAPI (Hoechst)', 'ch-hoechst.tif'], ['gH2AX', 'ch-h2ax.tif'], ['GFP (Coloc G)', 'ch-coloc-g.tif'], ['RFP (Coloc R)', 'ch-coloc-r.tif']];
const ids = [];
for (const [name, file] of channels) ids.push(await upload(project, name, join(args.inputs, file), 5));
const multi = (await q('mutation($c: Long!, $n: String!, $i: Long) { createAnnotation(input: { categoryId: $c, name: "4 channels 16-bit", layer: { name: $n, imageId: $i } }) { annotation { id } } }',
  { c: category, n: channels[0][0], i: ids[0] })).createAnnotation.annotation.id;
for (let k = 1; k < channels.length; k++) {
  await q('mutation($a: Long!, $n: String!, $i: Long) { createLayer(input: { annotationId: $a, name: $n, imageId: $i }) { layer { id } } }',
    { a: multi, n: channels[k][0], i: ids[k] });
}

const image = async (id) => (await q('query($i: Long!) { image(id: $i) { id width height bands bitDepth dziUrl } }', { i: id })).image;
console.log(JSON.stringify({
  project: String(project),
  rgb: { annotation: String(rgb.createAnnotation.annotation.id), image: await image(rgbImage) },
  multi: { annotation: String(multi), images: await Promise.all(ids.map(image)) },
}));
