// serve.test.mjs -- `hearsay serve` as a person uses it, in Debian's
// Chromium driven by playwright-core: search, follow a result to the
// article view, look at the highlights, focus one for its details; plus
// the JSON endpoints and bad parameters. Prints "ok NAME" / "not ok NAME".
//
// Environment: BASE (the server's URL, ending in /), SHOTS (folder for
// screenshots), EXAMPLE_DOC (doc id of the defining example in the index),
// CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import path from 'node:path';

const BASE = process.env.BASE;
const SHOTS = process.env.SHOTS || '.';
const EXAMPLE_DOC = process.env.EXAMPLE_DOC || '';
let failed = 0;

function check(name, cond, detail = '') {
  if (cond) console.log(`ok ${name}`);
  else {
    failed++;
    console.log(`not ok ${name}${detail ? ' - ' + detail : ''}`);
  }
}

async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    check(name, false, String(e && e.message ? e.message.split('\n')[0] : e));
  }
}

async function getJson(url) {
  const r = await fetch(BASE + url);
  return { status: r.status, type: r.headers.get('content-type') || '', body: await r.json() };
}

async function searchFlow(page) {
  await page.goto(BASE);
  check('search page has a query box', (await page.locator('input[name=q]').count()) === 1);
  await page.fill('input[name=q]', 'Clinton');
  await Promise.all([page.waitForURL(/q=Clinton/), page.click('button[type=submit]')]);
  const hits = await page.locator('#results li.hit').count();
  check('search for Clinton lists results', hits > 0, `${hits} results`);
  const marked = await page.locator('#results li.hit mark').first().textContent();
  check('results show the quotation in context', !!marked && marked.length > 0);
  await page.screenshot({ path: path.join(SHOTS, 'serve-search.png'), fullPage: false });
  const link = page.locator('#results li.hit .by a[href^="/article?doc="]').first();
  const href = await link.getAttribute('href');
  await Promise.all([page.waitForURL(/\/article\?doc=/), link.click()]);
  check('a result opens its article view', page.url().endsWith(href), page.url());
  const target = await page.locator('.text .q:target').count();
  check('the article view opens at the quotation', target === 1, href);
}

async function highlightChecks(page, label) {
  const q = page.locator('.text .q');
  const n = await q.count();
  check(`${label}: attributions highlighted`, n > 0, `${n} highlights`);
  const bg = await q.first().evaluate((el) => getComputedStyle(el).backgroundColor);
  check(`${label}: highlight is tinted`, bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent', bg);
  const legend = await page.locator('.legend li').count();
  check(`${label}: legend lists speakers`, legend > 0, `${legend} speakers`);
  const scripts = await page.locator('script').count();
  check(`${label}: no script in the page`, scripts === 0);
}

async function focusShowsDetails(page) {
  // Tab from the top until a highlight has focus: keyboard users get the
  // same details as a hover.
  let tip = null;
  for (let i = 0; i < 40 && !tip; i++) {
    await page.keyboard.press('Tab');
    tip = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.dataset || !el.dataset.tip) return null;
      const after = getComputedStyle(el, '::after');
      return { content: after.content, display: after.display, tip: el.dataset.tip };
    });
  }
  check('Tab reaches a highlight', !!tip);
  check('focus shows its details', !!tip && tip.content.includes(tip.tip.split('\n')[0]) && tip.display !== 'none',
        tip ? tip.content.slice(0, 80) : '');
}

async function articleFlow(page) {
  await highlightChecks(page, 'article view');
  await focusShowsDetails(page);
}

async function exampleFlow(page) {
  if (!EXAMPLE_DOC) return;
  const r = await page.goto(BASE + 'article?doc=' + encodeURIComponent(EXAMPLE_DOC));
  check('example article view loads', r.status() === 200, String(r.status()));
  await highlightChecks(page, 'example');
  const names = await page.locator('.legend li b').allTextContents();
  check('example legend names Ron Klain', names.some((s) => s.includes('Klain')), names.join(', '));
  const colours = await page.locator('.legend .sw').evaluateAll((els) =>
    els.map((e) => getComputedStyle(e).backgroundColor));
  check('example speakers have distinct colours', new Set(colours).size === colours.length, colours.join(' '));
  const labels = await page.locator('.debris[data-label]').evaluateAll((els) => els.map((e) => e.dataset.label));
  check('example debris labelled (post, headline, promotion)',
        ['embedded-post by Mehdi Hasan', 'related-headline', 'promotion'].every((k) => labels.some((l) => l.includes(k))),
        labels.join(' | '));
  const grey = await page.locator('.debris[data-kind=related-headline]').first()
    .evaluate((e) => getComputedStyle(e).color);
  check('example related headline greyed', grey === 'rgb(153, 153, 153)', grey);
  await page.setViewportSize({ width: 1280, height: 1300 });
  // hover a quotation low on the page, so its tooltip hides no debris label
  await page.locator('.text .q', { hasText: 'If we can work' }).first().hover();
  await page.screenshot({ path: path.join(SHOTS, 'serve-article-example.png') });
}

async function injection(page) {
  const r = await page.goto(BASE + '?q=' + encodeURIComponent('<script>alert(1)</script>'));
  check('markup in a query is shown as text', r.status() === 200 && (await page.locator('script').count()) === 0 &&
        (await page.inputValue('input[name=q]')) === '<script>alert(1)</script>');
}

async function apiChecks() {
  const sp = await getJson('api/speakers?top=20');
  check('/api/speakers answers JSON', sp.status === 200 && sp.type.startsWith('application/json'));
  check('/api/speakers lists Donald Trump', sp.body.speakers.some((s) => s.name === 'Donald Trump' && s.quotes >= 10),
        JSON.stringify(sp.body.speakers.slice(0, 3)));
  check('/api/speakers entries have name, quotes, articles',
        sp.body.speakers.every((s) => 'name' in s && 'quotes' in s && 'articles' in s));
  const se = await getJson('api/search?q=Clinton&limit=5');
  check('/api/search?q=Clinton returns results', se.status === 200 && se.body.results.length === 5);
  const doc = se.body.results[0].doc;
  const ar = await getJson('api/article/' + encodeURIComponent(doc));
  check('/api/article/DOC returns its attributions', ar.status === 200 && ar.body.doc === doc &&
        ar.body.attributions.length === ar.body.count && ar.body.count > 0);
}

async function badParams() {
  const cases = ['api/search?limit=0', 'api/search?limit=abc', 'api/search?since=2016-02-30',
                 'api/search?until=yesterday', 'api/search?bogus=1', 'api/speakers?top=-1',
                 'api/search?q=' + 'x'.repeat(300), 'api/search?q=%FF%FE'];
  for (const c of cases) {
    const r = await getJson(c);
    check(`bad parameter gets 400: ${c.slice(0, 40)}`, r.status === 400 && typeof r.body.error === 'string',
          `${r.status} ${JSON.stringify(r.body)}`);
  }
  const nf = await getJson('api/article/no-such-doc');
  check('unknown article gets 404', nf.status === 404);
  const post = await fetch(BASE + 'api/search', { method: 'POST', body: 'q=x' });
  check('POST gets 405', post.status === 405);
}

async function main() {
  // Headless, and a fresh profile in a temporary folder: playwright-core
  // sees to both. The flags keep Chromium off this machine's closed network.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await step('search flow', () => searchFlow(page));
  await step('article view', () => articleFlow(page));
  await step('example view', () => exampleFlow(page));
  await step('injection', () => injection(page));
  check('no console errors (CSP, scripts)', errors.length === 0, errors.join(' | '));
  await browser.close();
  await step('api', apiChecks);
  await step('bad parameters', badParams);
  process.exit(failed ? 1 : 0);
}

if (!BASE) {
  console.log('not ok browser test - BASE not set');
  process.exit(1);
}
main().catch((e) => {
  console.log(`not ok browser test - ${e.message}`);
  process.exit(1);
});
