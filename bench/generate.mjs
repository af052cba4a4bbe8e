#!/usr/bin/env node
// Makes a synthetic newsroom of N articles for the scale benchmark, twice: as Broadsheet sources
// (OUT/content) and as the same articles for Hugo with minimal layouts that render every page (OUT/hugo).
// Deterministic: the same N gives the same files.
//
//   node bench/generate.mjs N OUT
import { mkdirSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [n, out] = [Number(process.argv[2]), process.argv[3]];
if (!n || !out) {
  console.error('usage: node bench/generate.mjs N OUT');
  process.exit(2);
}
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const words = readFileSync(new URL('./words.txt', import.meta.url), 'utf8').split(/\s+/).filter(Boolean);
const sentence = (len) => {
  const s = Array.from({ length: len }, () => pick(words)).join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
};
const paragraph = () => Array.from({ length: 4 }, () => sentence(10 + Math.floor(random() * 10))).join(' ');
const sections = ['local', 'international', 'politics', 'economy'];

rmSync(out, { recursive: true, force: true });
for (const dir of ['content/articles', 'hugo/layouts/_default', ...sections.map((s) => `hugo/content/${s}`)]) {
  mkdirSync(join(out, dir), { recursive: true });
}
writeFileSync(join(out, 'content/site.json'), JSON.stringify({
  format_version: 1, name: 'Bench Daily', language: 'en', page_size: 20, url: 'https://bench.example/',
  sections: [{ slug: 'latest', title: 'Latest News', aggregate: true },
    ...sections.map((s) => ({ slug: s, title: s[0].toUpperCase() + s.slice(1) }))],
}, null, 2));
const start = Date.UTC(2020, 0, 1) / 1000;
for (let i = 0; i < n; i += 1) {
  const section = sections[i % sections.length];
  const slug = `story-${i}`;
  const headline = sentence(6 + Math.floor(random() * 5)).replace(/\.$/, '');
  const standfirst = sentence(18);
  const published = new Date((start + i * 3700) * 1000).toISOString().replace('.000Z', '+00:00');
  const body = [paragraph(), paragraph(), `## ${sentence(5).replace(/\.$/, '')}`, paragraph(), `> ${sentence(12)}`, paragraph()];
  if (i > 0 && i % 7 === 0) body.push(`Read more: story-${i - 1}`);
  writeFileSync(join(out, 'content/articles', `${slug}.md`),
    `---\nslug: ${slug}\nsection: ${section}\nheadline: ${headline}\nstandfirst: ${standfirst}\nbyline: Bench Writer\npublished: ${published}\n---\n${body.join('\n\n')}\n`);
  const hugoBody = body.map((b) => (b.startsWith('Read more: ') ? `Read more: [story](/${sections[(i - 1) % 4]}/${b.slice(11)}/)` : b));
  writeFileSync(join(out, 'hugo/content', section, `${slug}.md`),
    `---\ntitle: "${headline}"\ndate: ${published}\nsummary: "${standfirst}"\nslug: ${slug}\n---\n${hugoBody.join('\n\n')}\n`);
}
writeFileSync(join(out, 'hugo/hugo.toml'), `baseURL = "https://bench.example/"\nlanguageCode = "en"\ntitle = "Bench Daily"\npaginate = 20\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n`);
const page = (main) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav><main>${main}</main></body></html>\n`;
writeFileSync(join(out, 'hugo/layouts/_default/single.html'), page('<article><h1>{{ .Title }}</h1><p>{{ .Summary }}</p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "Jan 2, 2006" }}</time>{{ .Content }}<h2>Related</h2>{{ range first 3 (.Site.RegularPages.Related .) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</article>'));
writeFileSync(join(out, 'hugo/layouts/_default/list.html'), page('<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p></article>{{ end }}{{ with .Paginator.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }}{{ with .Paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}'));
writeFileSync(join(out, 'hugo/layouts/index.html'), page('<h1>Top stories</h1>{{ range first 12 .Site.RegularPages.ByDate.Reverse }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ end }}'));
console.log(`generated ${n} articles in ${out}`);
