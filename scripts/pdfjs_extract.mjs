// Extract a PDF's text with pdf.js the way the npm package pdf-parse does.
//
//   node scripts/pdfjs_extract.mjs FILE.pdf            # text on stdout
//   node scripts/pdfjs_extract.mjs --items FILE.pdf    # the raw text items, JSON
//
// pdf-parse 1.1.1 (lib/pdf-parse.js, `render_page`): for every page it calls
// `page.getTextContent({normalizeWhitespace: false, disableCombineTextItems: false})`
// and walks the items: an item whose transform[5] (its baseline y) equals the
// previous item's, or the first item, is appended to the text as it is; any
// other item starts a new line ('\n' + item.str).  It adds no space of its
// own: every space in the output is either inside an item's str or a " "
// item pdf.js pushed for a gap.  Pages are joined as `text + '\n\n' + page`
// (so the text starts with two newlines).
//
// The two render options are pdf.js 1.x options (pdf-parse 1.1.1 bundles
// pdf.js 1.10.100); pdfjs-dist 5 ignores them (its options are
// includeMarkedContent and disableNormalization, both false by default, so
// presentation forms come out NFKC-folded).  pdf-parse 2.x uses pdfjs-dist
// 5.4.296, the version pinned in package.json.
//
// Install: `npm install` at the repository root (package.json, package-lock.json;
// node_modules/ is gitignored).  Uses the legacy build, which runs on node 20.
// Its optional dependency @napi-rs/canvas is needed: without it the legacy
// build fails on import (`DOMMatrix is not defined`), even for text only.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const pdfjsPath = join(here, "..", "node_modules", "pdfjs-dist", "legacy", "build", "pdf.mjs");
const pdfjs = await import(pdfjsPath).catch(() => import("pdfjs-dist/legacy/build/pdf.mjs"));

// pdf-parse 1.1.1's default render callback, verbatim in behaviour.
async function renderPage(pageData) {
  const renderOptions = { normalizeWhitespace: false, disableCombineTextItems: false };
  const textContent = await pageData.getTextContent(renderOptions);
  let lastY;
  let text = "";
  for (const item of textContent.items) {
    if (lastY == item.transform[5] || !lastY) {
      text += item.str;
    } else {
      text += "\n" + item.str;
    }
    lastY = item.transform[5];
  }
  return text;
}

async function main() {
  const args = process.argv.slice(2);
  const items = args.includes("--items");
  const files = args.filter((a) => a !== "--items");
  if (files.length !== 1) {
    process.stderr.write("usage: node scripts/pdfjs_extract.mjs [--items] FILE.pdf\n");
    process.exit(2);
  }
  const data = new Uint8Array(readFileSync(files[0]));
  const doc = await pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
  if (items) {
    const pages = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map(({ str, dir, transform, width, hasEOL, fontName }) =>
        ({ str, dir, x: transform[4], y: transform[5], width, hasEOL, fontName })));
    }
    process.stdout.write(JSON.stringify({ version: pdfjs.version, pages }, null, 1) + "\n");
  } else {
    let text = "";
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      text = `${text}\n\n${await renderPage(page)}`;
    }
    process.stdout.write(text);
  }
  await doc.destroy();
}

await main();
