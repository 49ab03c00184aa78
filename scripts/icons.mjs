// Renders the app icons (PNG) from assets/icon.svg with the local Chromium. The PNGs are
// committed; run this after changing the SVG: node scripts/icons.mjs
import { chromium } from 'playwright-core';
import { readFile, writeFile } from 'node:fs/promises';
const svg = await readFile('assets/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
for (const [size, file, pad] of [[192, 'icon-192.png', 0], [512, 'icon-512.png', 0], [512, 'icon-maskable-512.png', 1], [180, 'apple-touch-icon.png', 0]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // Maskable: the symbol within the 80 % safe zone on a full-bleed background.
  const body = pad
    ? `<div style="width:${size}px;height:${size}px;background:#0b5d6b;display:grid;place-items:center"><img style="width:${size * 0.8}px" src="data:image/svg+xml,${encodeURIComponent(svg.replace('rx="96"', 'rx="0"'))}"></div>`
    : `<img style="width:${size}px;display:block" src="data:image/svg+xml,${encodeURIComponent(svg)}">`;
  await page.setContent(`<html><body style="margin:0;background:transparent">${body}</body></html>`);
  await writeFile(`assets/${file}`, await page.screenshot({ omitBackground: true }));
}
await browser.close();
