// Readability.js on jsdom over local pages, as `warctrail extract --json FILE...` is run over them: one JSON
// object per file per line (title, text, byline, published time, lang). .gz files are decompressed; each page's URL
// is its file: URL without .gz, as warctrail's extract gives it. jsdom sniffs the charset from the bytes.
// Usage: node bench/js/readability.mjs FILE...
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

// jsdom reports the pages' CSS it cannot parse on the console; the benchmark wants only the output
const quiet = new VirtualConsole();
for (const file of process.argv.slice(2)) {
  let bytes = readFileSync(file);
  if (file.toLowerCase().endsWith('.gz')) bytes = gunzipSync(bytes);
  const url = pathToFileURL(resolve(file)).href.replace(/\.gz$/i, '');
  const dom = new JSDOM(bytes, { url, contentType: 'text/html', virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  process.stdout.write(JSON.stringify({
    file, url, title: article?.title ?? null, text: article?.textContent ?? null, byline: article?.byline ?? null,
    published: article?.publishedTime ?? null, lang: article?.lang ?? null,
  }) + '\n');
  dom.window.close();
}
