// Renders the PNG app icons from web/public/icon.svg. Run once after changing the SVG:
//   node web/scripts/make-icons.mjs
// The PNGs are committed, so builds do not depend on this script.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
const svg = await readFile(`${publicDir}icon.svg`);

for (const [name, size] of [
  ['icon-192.png', 192],
  ['icon-512.png', 512],
  ['apple-touch-icon.png', 180],
]) {
  await sharp(svg, { density: 300 }).resize(size, size).png().toFile(`${publicDir}${name}`);
  console.log(`wrote ${name}`);
}

// Maskable icons are cropped to a shape chosen by the platform, so the background must fill the square.
const fullBleed = Buffer.from(svg.toString('utf8').replace(' rx="112"', ''));
await sharp(fullBleed, { density: 300 }).resize(512, 512).png().toFile(`${publicDir}icon-maskable-512.png`);
console.log('wrote icon-maskable-512.png');
