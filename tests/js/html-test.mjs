// Opens an HTML export in headless Chromium (Debian's, through
// playwright-core) and checks it as an analyst would use it.
// Usage: node html-test.mjs FILE.html SCREENSHOT.png [generic NAME]
// With "generic", any graph: it loads clean, a search finds the first
// entity, a click on the first relation shows its evidence.  Without, the
// fixture of tests/unit/test-export.c, checked in detail.
// Prints "ok NAME" / "not ok NAME: why" lines; exits 0 unless it crashed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [file, shot, mode, prefix] = process.argv.slice(2);
const results = [];
function check(name, cond, why) {
	results.push(cond ? `ok ${name}` : `not ok ${name}: ${why}`);
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ties-chromium-'));
const ctx = await chromium.launchPersistentContext(profile, {
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	headless: true,
	viewport: { width: 1280, height: 800 },
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
	const page = ctx.pages()[0] || await ctx.newPage();
	const errors = [], requests = [], dialogs = [];
	page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
	page.on('pageerror', e => errors.push(String(e)));
	page.on('dialog', d => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
	ctx.on('request', r => { if (!/^(file|data|about):/.test(r.url())) requests.push(r.url()); });
	await page.goto('file://' + path.resolve(file));
	await page.waitForSelector('#ties-graph .node', { timeout: 15000 });
	await page.waitForTimeout(300);
	const data = await page.evaluate(() => JSON.parse(document.getElementById('ties-data').textContent).graph);
	const status = await page.textContent('#ties-status');
	if (mode === 'generic') {
		const P = prefix || 'html';
		check(`${P}-loads`, errors.length === 0, errors.join(' | '));
		check(`${P}-counts`, status.startsWith(`${data.nodes.length} of ${data.nodes.length} entities, ${data.edges.length} of ${data.edges.length} relations`), status);
		if (data.nodes.length) {
			const name = data.nodes[0].name;
			await page.fill('#ties-search', name);
			await page.press('#ties-search', 'Enter');
			const prof = await page.textContent('#ties-profile-name').catch(() => null);
			check(`${P}-search`, prof === name, `${prof} != ${name}`);
		}
		if (data.edges.length) {
			await page.evaluate(() => document.querySelector('#ties-zoom button:nth-child(3)').click());
			await page.evaluate(() => window.tiesViewer.showEdge(0));
			const ev = await page.textContent('#ties-evidence').catch(() => '');
			const first = (data.edges[0].evidence[0] || {}).text || '';
			check(`${P}-evidence`, ev.includes(first), ev.slice(0, 200));
		}
		if (shot) await page.screenshot({ path: shot });
		check(`${P}-no-network`, requests.length === 0, requests.slice(0, 3).join(' '));
		check(`${P}-no-errors`, errors.length === 0, errors.join(' | '));
		throw null;
	}
	check('html-loads', errors.length === 0, errors.join(' | '));
	check('html-counts', status.startsWith(`${data.nodes.length} of ${data.nodes.length} entities, ${data.edges.length} of ${data.edges.length} relations`), status);

	// search: typing lists the node; Enter opens its profile
	await page.fill('#ties-search', 'kerr');
	const hits = await page.$$eval('#ties-results button', bs => bs.map(b => b.textContent));
	check('html-search-lists', hits.some(h => h.startsWith('Ada Kerr')), JSON.stringify(hits));
	await page.press('#ties-search', 'Enter');
	const prof = await page.textContent('#ties-profile-name').catch(() => null);
	check('html-search-profile', prof === 'Ada Kerr', String(prof));
	const aliases = await page.textContent('#ties-panel');
	check('html-profile-aliases', aliases.includes('The Teacher') && aliases.includes('Relations ('), aliases.slice(0, 200));
	// by alias, too
	await page.fill('#ties-search', 'frente');
	const hits2 = await page.$$eval('#ties-results button', bs => bs.map(b => b.textContent));
	check('html-search-alias', hits2.some(h => h.startsWith('Northern Front')), JSON.stringify(hits2));
	await page.fill('#ties-search', '');

	// a click on an edge shows every evidence sentence with document and footnote
	async function clickEdge(pred) {
		const k = data.edges.findIndex(pred);
		const p = await page.evaluate(k => window.tiesViewer.edgePoint(k), k);
		await page.mouse.click(p.x, p.y);
		return k;
	}
	await page.evaluate(() => document.querySelector('#ties-zoom button:nth-child(3)').click());
	await clickEdge(e => e.type === 'attacked');
	let ev = await page.textContent('#ties-evidence').catch(() => '');
	check('html-edge-evidence', ev.includes('The Front likely attacked Port Vell in June 2019.') &&
		ev.includes('Brief <b>on</b> the Front & its allies') && ev.includes('footnote 4: Press release, 12 June 2019.') &&
		ev.includes('footnote 5'), ev.slice(0, 300));
	await clickEdge(e => e.type === 'leads');
	ev = await page.textContent('#ties-evidence').catch(() => '');
	check('html-edge-all-evidence', ev.includes('Ada Kerr leads the Northern Front.') &&
		ev.includes('Kerr reportedly heads the Front.') && ev.includes('reports/second.pdf'), ev.slice(0, 300));

	// markup in the data stays text and never runs
	const hostile = data.nodes.findIndex(n => n.name.includes('<script>'));
	const hp = await page.evaluate(i => window.tiesViewer.nodePoint(i), hostile);
	await page.mouse.click(hp.x, hp.y);
	const hname = await page.textContent('#ties-profile-name').catch(() => null);
	check('html-markup-as-text', hname === data.nodes[hostile].name, String(hname));
	await clickEdge(e => e.source === data.nodes[hostile].id);
	ev = await page.textContent('#ties-evidence').catch(() => '');
	check('html-evidence-markup-as-text', ev.includes('<script>window.__pwned=3</script>') && ev.includes('onerror=window.__pwned=4>') && ev.includes('</script><script>window.__pwned=5</script>'), ev.slice(0, 300));
	await page.waitForTimeout(200);
	const pwned = await page.evaluate(() => window.__pwned);
	const imgs = await page.evaluate(() => document.querySelectorAll('img').length);
	const scripts = await page.evaluate(() => document.querySelectorAll('script').length);
	check('html-no-injection', pwned === undefined && imgs === 0 && scripts === 2 && dialogs.length === 0,
		`pwned=${pwned} imgs=${imgs} scripts=${scripts} dialogs=${dialogs.length}`);

	// filters: entity type, relation type, confidence
	await page.click('#ties-graph', { position: { x: 5, y: 5 } });
	const personBox = page.locator('#ties-filters label', { hasText: /^person/ }).locator('input');
	await personBox.uncheck();
	let st = await page.textContent('#ties-status');
	const persons = data.nodes.filter(n => n.type === 'person').length;
	check('html-filter-type', st.startsWith(`${data.nodes.length - persons} of ${data.nodes.length} entities`), st);
	await personBox.check();
	const relBox = page.locator('#ties-filters label', { hasText: /^based-in/ }).locator('input');
	await relBox.uncheck();
	st = await page.textContent('#ties-status');
	check('html-filter-relation', st.includes(`${data.edges.length - 1} of ${data.edges.length} relations`), st);
	await relBox.check();
	await page.$eval('#ties-confidence', el => { el.value = '70'; el.dispatchEvent(new Event('input')); });
	st = await page.textContent('#ties-status');
	const kept = data.edges.filter(e => e.negated || e.confidence >= 70).length;
	check('html-filter-confidence', st.includes(`${kept} of ${data.edges.length} relations`), st);
	await page.$eval('#ties-confidence', el => { el.value = '0'; el.dispatchEvent(new Event('input')); });

	// pan and zoom change the view
	const t0 = await page.getAttribute('#ties-graph .viewport', 'transform');
	await page.mouse.move(640, 400);
	await page.mouse.wheel(0, -400);
	await page.waitForTimeout(100);
	const t1 = await page.getAttribute('#ties-graph .viewport', 'transform');
	await page.mouse.move(400, 300);
	await page.mouse.down();
	await page.mouse.move(500, 380, { steps: 5 });
	await page.mouse.up();
	const t2 = await page.getAttribute('#ties-graph .viewport', 'transform');
	check('html-pan-zoom', t0 !== t1 && t1 !== t2, `${t0} / ${t1} / ${t2}`);

	await page.evaluate(() => document.querySelector('#ties-zoom button:nth-child(3)').click());
	await clickEdge(e => e.type === 'attacked');
	if (shot) await page.screenshot({ path: shot });
	check('html-no-network', requests.length === 0, requests.slice(0, 3).join(' '));
	check('html-no-errors-after-use', errors.length === 0, errors.join(' | '));
} catch (e) {
	if (e !== null) results.push(`not ok ${prefix || 'html'}-run: ${String(e).split('\n')[0]}`);
} finally {
	await ctx.close();
	fs.rmSync(profile, { recursive: true, force: true });
}
console.log(results.join('\n'));
