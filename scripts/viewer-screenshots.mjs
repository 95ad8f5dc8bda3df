// Screenshots of the viewer's states (docs/screenshots/viewer-*.png) over real images: a 16-bit two-channel
// composite, dark mode, layer groups stepped, a whole-slide NDPI zoomed in, auto-adjust on the visible area, and the
// limited viewer a share link opens. Each waits until the canvas reports a complete sharp view, as a person would.
// Run by scripts/screenshots.sh after the page screenshots (same server, same sign-in).
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { graphql, upload } from './scene.mjs';

export async function viewerScreenshots({ url, token, user, password, samples, out }) {
  const q = (query, variables) => graphql(url, token, query, variables);
  const project = (await q('mutation { createProject(input: { name: "Viewer tour", settings: "expandlayer:1,expandcontrols:1,groupcontrols:1" }) { project { id } } }')).createProject.project.id;
  const category = (await q('mutation($p: Long!) { createCategory(input: { projectId: $p, name: "Samples" }) { category { id } } }', { p: project })).createCategory.category.id;
  const image = async (name, file) => (await upload(url, token,
    'mutation($p: Long!, $n: String!, $file: Upload) { uploadImage(input: { projectId: $p, name: $n, format: 2, file: $file }) { image { id } } }',
    { p: project, n: name }, join(samples, file))).uploadImage.image.id;
  // An annotation is created with its first layer (an image layer, or a group with isGroup).
  const annotation = async (name, first) => {
    const created = (await q('mutation($c: Long!, $n: String!, $l: FirstLayerInput!) { createAnnotation(input: { categoryId: $c, name: $n, layer: $l }) { annotation { id } firstLayer { id } } }',
      { c: category, n: name, l: first })).createAnnotation;
    return [created.annotation.id, created.firstLayer.id];
  };
  const layer = async (a, name, kind, imageId, parentId) => (await q('mutation($i: CreateLayerInput!) { createLayer(input: $i) { layer { id } } }',
    { i: { annotationId: a, name, kind, ...(imageId ? { imageId } : {}), ...(parentId ? { parentId } : {}) } })).createLayer.layer.id;
  const cp = 'cellprofiler-examples/CellProfilerExamples';

  const [nuclei] = await annotation('NucleiFoci 1-162hr, site 1',
    { name: 'Hoechst', imageId: await image('hoechst 1-162hr', `${cp}/NucleiFoci/1-162hr/site1/hoechst.tif`) });
  await layer(nuclei, 'GFP H2AX', 'IMAGE', await image('h2ax 1-162hr', `${cp}/NucleiFoci/1-162hr/site1/h2ax.tif`));

  const [fly, firstGroup] = await annotation('FlyKc167, three fields', { name: 'POS002', isGroup: true });
  for (const field of ['POS002', 'POS076', 'POS218']) {
    const group = field === 'POS002' ? firstGroup : await layer(fly, field, 'GROUP');
    for (const [name, file] of [['DAPI', 'D'], ['FITC', 'F'], ['Rhodamine', 'R']]) {
      await layer(fly, name, 'IMAGE', await image(`${field} ${file}`, `${cp}/FlyKc167/${field}/site1/${file}.tif`), group);
    }
  }

  const [slide] = await annotation('Whole slide, DAPI (NDPI)', { name: 'DAPI', imageId: await image('slide DAPI', 'wsi/ndpi-fluorescence-DAPI.ndpi') });
  const share = (await q('mutation($a: Long!) { createShareLink(input: { annotationId: $a }) { token } }', { a: nuclei })).createShareLink.token;
  await waitUntilReady(q, project);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    await page.fill('input[name=userName]', user);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL(u => !u.pathname.startsWith('/login')), page.click('form button[type=submit]')]);
    const sharp = () => page.waitForSelector('[data-viewer-canvas][data-state=sharp]', { timeout: 60000 });
    const shot = async (name) => { await sharp(); await page.screenshot({ path: `${out}/viewer-${name}.png` }); console.log(`viewer-${name}.png`); };
    const viewerOf = (a) => `${url}/projects/${project}/viewer/annotations/${a}`;

    await page.goto(viewerOf(nuclei));
    await shot('composite');
    await page.click('.viewer-actions button.dark-mode, .viewer-actions [aria-label*="dark" i]');
    await shot('dark');
    await page.click('.viewer-actions button.dark-mode, .viewer-actions [aria-label*="dark" i]');
    const canvas = await page.$('[data-viewer-canvas]');
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.45);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await sharp();
    await page.click('.channel[data-key] .auto-adjust');
    await shot('auto-adjust-visible');

    await page.goto(viewerOf(fly));
    await sharp();
    await page.click('.group-next');
    await shot('groups');

    await page.goto(viewerOf(slide));
    await sharp();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -300);
    await shot('whole-slide');

    const anonymous = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await anonymous.goto(`${url}/shared/${share}`);
    await anonymous.waitForSelector('[data-viewer-canvas][data-state=sharp]', { timeout: 60000 });
    await anonymous.screenshot({ path: `${out}/viewer-shared.png` });
    console.log('viewer-shared.png');
  } finally {
    await browser.close();
  }
}

async function waitUntilReady(q, project) {
  for (let i = 0; i < 600; i++) {
    const images = (await q('query($p: Long!) { images(projectId: $p, first: 100) { nodes { state error } } }', { p: project })).images.nodes;
    const failed = images.find(i => i.state === 'FAILED');
    if (failed) throw new Error(`ingest failed: ${failed.error}`);
    if (images.every(i => i.state === 'READY')) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error('images not READY after 5 minutes');
}
