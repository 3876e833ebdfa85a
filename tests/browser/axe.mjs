// axe.mjs: checks the page as it is now against the WCAG 2.1 A and AA rules of axe-core, and
// fails with a list of rule ids, what they mean and which elements break them. The source is
// evaluated in the page through the DevTools protocol, which the page's CSP (script-src 'self')
// does not govern, so nothing of the product's policy is loosened for the test. Every state
// checked is counted for the end-of-run summary (axeSummary). Not a spec: Playwright loads only
// *.spec.mjs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kAxeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const kTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const checked = [];

// Fails unless axe finds no violation. `state` names the page and state in the message.
export async function expectNoAxeViolations(page, state) {
  const has = await page.evaluate(() => typeof window.axe === 'object');
  if (!has) await page.evaluate(kAxeSource);
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, kTags);
  if (result.length === 0) {
    checked.push(state);
    return;
  }
  const lines = [`axe: ${result.length} WCAG 2.1 A/AA rule(s) violated on ${state} (${page.url()})`];
  for (const v of result) {
    lines.push(`- ${v.id} [${v.impact}]: ${v.help}`);
    for (const n of v.targets) {
      lines.push(`    ${n.target}`);
      if (n.summary) lines.push(`      ${n.summary.replace(/\n/g, '\n      ')}`);
    }
  }
  throw new Error(lines.join('\n'));
}

// The states found clean so far in this worker, in order.
export function axeCheckedStates() {
  return [...checked];
}
