// The Lighthouse quality gate on an article deep link (the release build, served compressed like a CDN):
// accessibility, best practices and SEO at 95 or more. Performance is reported, not enforced here: it is measured
// side by side with a baseline by the benchmark (bench/perf.mjs, docs/performance.md).
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { lighthouseScores } from '../../tools/lighthouse.mjs';
import { ARTIFACTS, REFERENCE } from './helpers.js';

test('Lighthouse: accessibility, best practices and SEO ≥ 95 on an article deep link', async () => {
  test.setTimeout(180_000);
  const { scores, failing, lighthouseVersion } = await lighthouseScores(`http://127.0.0.1:8098${REFERENCE}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(`${ARTIFACTS}/lighthouse.json`, JSON.stringify({ lighthouseVersion, scores, failing }, null, 2));
  console.log(`Lighthouse ${lighthouseVersion}: ${JSON.stringify(scores)}`);
  for (const category of ['accessibility', 'best-practices', 'seo']) {
    expect(scores[category], `${category}; failing audits:\n${failing.join('\n')}`).toBeGreaterThanOrEqual(95);
  }
});
