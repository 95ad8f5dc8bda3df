// Writes the benchmark's root value: 100 projects × 10 images × 10 annotations = 10,000 annotations
// (11,100 objects). Deterministic, so both engines see the same data.
import { writeFileSync } from 'node:fs';

const statuses = ['PENDING', 'ACCEPTED', 'REJECTED'];
const projects = [];
for (let p = 0; p < 100; p++) {
  const images = [];
  for (let i = 0; i < 10; i++) {
    const annotations = [];
    for (let a = 0; a < 10; a++) {
      const n = (p * 10 + i) * 10 + a;
      annotations.push({ id: `A${n}`, label: `cell ${n}`, area: (n % 97) * 1.5 + 0.25, status: statuses[n % 3] });
    }
    const n = p * 10 + i;
    images.push({ id: `I${n}`, name: `image-${n}.tif`, width: 1024 + n, height: 768 + n, annotations });
  }
  projects.push({ id: `P${p}`, name: `Project ${p}`, imageCount: images.length, images });
}
writeFileSync(process.argv[2] ?? new URL('./nested-data.json', import.meta.url), JSON.stringify({ projects, version: '1.0' }));
