/* ties graph viewer: inlined into every HTML export.  Reads the graph from
 * the #ties-data block, lays it out (force-directed, deterministic), draws
 * it in SVG with pan and zoom, search, filters and evidence panels.
 * Every piece of document text reaches the page through textContent or
 * createTextNode, never as markup. */
(function () {
	'use strict';
	var SVGNS = 'http://www.w3.org/2000/svg';
	var COLOURS = {
		person: '#4e79a7', organization: '#e15759', location: '#59a14f',
		facility: '#edc948', event: '#b07aa1', other: '#9c9c9c'
	};
	var raw = JSON.parse(document.getElementById('ties-data').textContent);
	var G = raw.graph || {};
	var docs = G.documents || [], nodes = G.nodes || [], edges = [];
	var index = Object.create(null);
	nodes.forEach(function (n, i) { index[n.id] = i; n.aliases = n.aliases || []; n.deg = 0; });
	(G.edges || []).forEach(function (e) {
		var s = index[e.source], t = index[e.target];
		if (s === undefined || t === undefined) return;
		e.s = s; e.t = t; e.evidence = e.evidence || [];
		nodes[s].deg++; nodes[t].deg++;
		edges.push(e);
	});

	/* ---- DOM helpers: text only ---- */
	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls) e.className = cls;
		if (text !== undefined && text !== null) e.textContent = String(text);
		return e;
	}
	function svg(tag, attrs) {
		var e = document.createElementNS(SVGNS, tag);
		for (var k in attrs) e.setAttribute(k, attrs[k]);
		return e;
	}
	function colour(type) { return COLOURS[type] || COLOURS.other; }
	function docName(i) {
		var d = docs[i];
		if (!d) return 'unknown document';
		return d.title || d.source || ('document ' + (i + 1));
	}

	/* ---- page skeleton ---- */
	var app = el('div'); app.id = 'ties-app';
	var header = el('header'); header.id = 'ties-header';
	header.appendChild(el('h1', null, raw.title || 'ties'));
	var status = el('span'); status.id = 'ties-status';
	header.appendChild(status);
	var sbox = el('div'); sbox.id = 'ties-searchbox';
	var search = el('input'); search.id = 'ties-search';
	search.type = 'search'; search.placeholder = 'Search entities and aliases';
	search.setAttribute('aria-label', 'Search entities');
	search.autocomplete = 'off';
	var results = el('ul'); results.id = 'ties-results';
	sbox.appendChild(search); sbox.appendChild(results);
	header.appendChild(sbox);
	var filters = el('aside'); filters.id = 'ties-filters';
	var stage = el('main'); stage.id = 'ties-stage';
	var panel = el('aside'); panel.id = 'ties-panel';
	app.appendChild(header); app.appendChild(filters); app.appendChild(stage); app.appendChild(panel);
	document.body.appendChild(app);

	/* ---- layout: Fruchterman-Reingold from a phyllotaxis start; a grid
	 * bounds repulsion to nearby nodes on large graphs ---- */
	var N = nodes.length, K = 70;
	var X = new Float64Array(N), Y = new Float64Array(N);
	(function layout() {
		var i, j, it;
		for (i = 0; i < N; i++) {
			var r = K * 0.7 * Math.sqrt(i + 0.5), a = i * 2.399963229728653;
			X[i] = r * Math.cos(a); Y[i] = r * Math.sin(a);
		}
		if (N < 2) return;
		var DX = new Float64Array(N), DY = new Float64Array(N);
		var iters = N <= 300 ? 300 : N <= 3000 ? 120 : 40;
		var temp = K * Math.min(10, Math.sqrt(N)), cool = temp / (iters + 1);
		/* repulsion reaches 3K: far parts are held together by gravity, not
		 * pushed out by the sum of every other node */
		var K2 = K * K, cell = 3 * K, cut2 = cell * cell;
		function repulse(a, b) {
			var dx = X[a] - X[b], dy = Y[a] - Y[b], d2 = dx * dx + dy * dy;
			if (d2 > cut2) return;
			if (d2 < 0.01) { dx = 0.1 * ((a % 7) - 3 + 0.5); dy = 0.1 * ((b % 5) - 2 + 0.5); d2 = dx * dx + dy * dy; }
			var f = K2 / d2;
			DX[a] += dx * f; DY[a] += dy * f; DX[b] -= dx * f; DY[b] -= dy * f;
		}
		for (it = 0; it < iters; it++) {
			DX.fill(0); DY.fill(0);
			if (N <= 800) {
				for (i = 0; i < N; i++) for (j = i + 1; j < N; j++) repulse(i, j);
			} else {
				var grid = new Map();
				for (i = 0; i < N; i++) {
					var key = Math.floor(X[i] / cell) + ',' + Math.floor(Y[i] / cell);
					var b = grid.get(key);
					if (b) b.push(i); else grid.set(key, [i]);
				}
				grid.forEach(function (list, key) {
					var p = key.split(','), cx = +p[0], cy = +p[1];
					for (var gx = -1; gx <= 1; gx++) for (var gy = -1; gy <= 1; gy++) {
						var other = grid.get((cx + gx) + ',' + (cy + gy));
						if (!other) continue;
						for (var u = 0; u < list.length; u++) for (var v = 0; v < other.length; v++)
							if (list[u] < other[v]) repulse(list[u], other[v]);
					}
				});
			}
			for (j = 0; j < edges.length; j++) {
				var s = edges[j].s, t = edges[j].t;
				if (s === t) continue;
				var dx = X[s] - X[t], dy = Y[s] - Y[t], d = Math.sqrt(dx * dx + dy * dy) || 0.01;
				var f = d / K;
				DX[s] -= dx * f; DY[s] -= dy * f; DX[t] += dx * f; DY[t] += dy * f;
			}
			for (i = 0; i < N; i++) {
				DX[i] -= X[i] * 0.03; DY[i] -= Y[i] * 0.03; /* gravity keeps parts together */
				var m = Math.sqrt(DX[i] * DX[i] + DY[i] * DY[i]);
				if (m > 0) { var step = Math.min(m, temp) / m; X[i] += DX[i] * step; Y[i] += DY[i] * step; }
			}
			temp = Math.max(temp - cool, K * 0.05);
		}
		/* entities without relations: a grid below the rest, not scattered */
		var lone = [], maxy = -Infinity, minx = Infinity, maxx = -Infinity;
		for (i = 0; i < N; i++) {
			if (nodes[i].deg === 0) { lone.push(i); continue; }
			maxy = Math.max(maxy, Y[i]); minx = Math.min(minx, X[i]); maxx = Math.max(maxx, X[i]);
		}
		if (!lone.length) return;
		if (maxy === -Infinity) { maxy = -K; minx = 0; maxx = K * 8; }
		var cols = Math.max(1, Math.floor((maxx - minx) / (K * 1.6)) + 1);
		lone.forEach(function (n, j) {
			X[n] = minx + (j % cols) * K * 1.6;
			Y[n] = maxy + K * 1.5 + Math.floor(j / cols) * K;
		});
	})();

	/* ---- drawing ---- */
	var root = svg('svg', { id: 'ties-graph', role: 'img', 'aria-label': 'link graph' });
	root.id = 'ties-graph';
	var defs = svg('defs', {});
	[['arrow', '#9aa5ad'], ['arrow-sel', '#1565c0'], ['arrow-neg', '#e57373']].forEach(function (m) {
		var mk = svg('marker', { id: 'ties-' + m[0], viewBox: '0 0 10 10', refX: '9', refY: '5',
			markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' });
		mk.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: m[1] }));
		defs.appendChild(mk);
	});
	root.appendChild(defs);
	var view = svg('g', { 'class': 'viewport' });
	var gEdges = svg('g', { 'class': 'edges' }), gNodes = svg('g', { 'class': 'nodes' });
	view.appendChild(gEdges); view.appendChild(gNodes); root.appendChild(view);
	stage.appendChild(root);
	var zoomBar = el('div'); zoomBar.id = 'ties-zoom';
	[['+', 'zoom in'], ['\u2212', 'zoom out'], ['\u2922', 'fit the graph']].forEach(function (b, i) {
		var btn = el('button', null, b[0]);
		btn.type = 'button'; btn.title = b[1]; btn.setAttribute('aria-label', b[1]);
		btn.addEventListener('click', function () { if (i === 2) fit(); else zoomAt(i === 0 ? 1.3 : 1 / 1.3); });
		zoomBar.appendChild(btn);
	});
	stage.appendChild(zoomBar);

	function radius(n) { return Math.min(22, 6 + 2 * Math.sqrt(n.deg)); }
	function shapeFor(type, r) {
		switch (type) {
		case 'organization': return svg('rect', { x: -r, y: -r, width: 2 * r, height: 2 * r, rx: 2 });
		case 'location': return svg('path', { d: 'M0,' + (-r * 1.2) + ' L' + r * 1.1 + ',' + r * 0.8 + ' L' + (-r * 1.1) + ',' + r * 0.8 + ' z' });
		case 'facility': return svg('path', { d: 'M0,' + (-r * 1.2) + ' L' + r * 1.2 + ',0 L0,' + r * 1.2 + ' L' + (-r * 1.2) + ',0 z' });
		case 'event': return svg('path', { d: 'M' + (-r) + ',' + (-r * 0.6) + ' L' + r + ',' + (-r * 0.6) + ' L0,' + r * 1.1 + ' z' });
		default: return svg('circle', { r: r });
		}
	}
	nodes.forEach(function (n, i) {
		var r = radius(n);
		var g = svg('g', { 'class': 'node', transform: 'translate(' + X[i].toFixed(1) + ',' + Y[i].toFixed(1) + ')' });
		g.setAttribute('data-node', String(i));
		var s = shapeFor(n.type, r);
		s.setAttribute('class', 'shape');
		s.setAttribute('fill', colour(n.type));
		g.appendChild(s);
		var t = svg('text', { y: (r + 11).toFixed(1) });
		t.textContent = n.name;
		g.appendChild(t);
		var tip = svg('title', {});
		tip.textContent = n.name + ' (' + n.type + ')';
		g.appendChild(tip);
		g.addEventListener('click', function (ev) { ev.stopPropagation(); showNode(i); });
		n.el = g;
	});
	/* edges between the same two nodes bend apart */
	var pairs = Object.create(null);
	edges.forEach(function (e, i) {
		var k = Math.min(e.s, e.t) + ':' + Math.max(e.s, e.t);
		(pairs[k] = pairs[k] || []).push(i);
	});
	Object.keys(pairs).forEach(function (k) {
		var list = pairs[k];
		list.forEach(function (ei, j) { edges[ei].bend = (j - (list.length - 1) / 2) * 22; });
	});
	edges.forEach(function (e, i) {
		var x1 = X[e.s], y1 = Y[e.s], x2 = X[e.t], y2 = Y[e.t], d, mx, my;
		var rs = radius(nodes[e.s]), rt = radius(nodes[e.t]) + 3;
		if (e.s === e.t) {
			var top = y1 - rs;
			d = 'M' + x1 + ',' + top + ' C' + (x1 + 38) + ',' + (top - 46) + ' ' + (x1 - 38) + ',' + (top - 46) + ' ' + x1 + ',' + top;
			mx = x1; my = top - 34.5;
		} else {
			/* the normal points the same way for both directions of a pair */
			var lo = e.s < e.t, ax = lo ? x1 : x2, ay = lo ? y1 : y2, bx = lo ? x2 : x1, by = lo ? y2 : y1;
			var dx = bx - ax, dy = by - ay, len = Math.sqrt(dx * dx + dy * dy) || 1;
			var nx = -dy / len, ny = dx / len, b = e.bend || 0;
			var cx = (x1 + x2) / 2 + 2 * b * nx, cy = (y1 + y2) / 2 + 2 * b * ny;
			mx = (x1 + x2) / 2 + b * nx; my = (y1 + y2) / 2 + b * ny;
			var sx = cx - x1, sy = cy - y1, sl = Math.sqrt(sx * sx + sy * sy) || 1;
			var tx = x2 - cx, ty = y2 - cy, tl = Math.sqrt(tx * tx + ty * ty) || 1;
			var p0x = x1 + sx / sl * rs, p0y = y1 + sy / sl * rs, p2x = x2 - tx / tl * rt, p2y = y2 - ty / tl * rt;
			d = 'M' + p0x.toFixed(1) + ',' + p0y.toFixed(1) + ' Q' + cx.toFixed(1) + ',' + cy.toFixed(1) + ' ' + p2x.toFixed(1) + ',' + p2y.toFixed(1);
		}
		e.mx = mx; e.my = my;
		var g = svg('g', { 'class': 'edge' });
		g.setAttribute('data-edge', String(i));
		var cls = 'edge-line' + (e.negated ? ' negated' : e.confidence < 50 ? ' hedged' : '');
		var line = svg('path', { d: d, 'class': cls });
		line.setAttribute('marker-end', 'url(#ties-' + (e.negated ? 'arrow-neg' : 'arrow') + ')');
		var hit = svg('path', { d: d, 'class': 'edge-hit' });
		var label = svg('text', { x: mx.toFixed(1), y: (my - 3).toFixed(1), 'class': 'edge-label' });
		label.textContent = (e.negated ? 'not ' : '') + e.type;
		var tip = svg('title', {});
		tip.textContent = nodes[e.s].name + ' ' + e.type + ' ' + nodes[e.t].name;
		g.appendChild(line); g.appendChild(hit); g.appendChild(label); g.appendChild(tip);
		g.addEventListener('click', function (ev) { ev.stopPropagation(); showEdge(i); });
		e.el = g;
		gEdges.appendChild(g);
	});
	nodes.forEach(function (n) { gNodes.appendChild(n.el); });

	/* ---- pan and zoom ---- */
	var tf = { x: 0, y: 0, k: 1 };
	function applyTf() {
		view.setAttribute('transform', 'translate(' + tf.x.toFixed(2) + ',' + tf.y.toFixed(2) + ') scale(' + tf.k.toFixed(4) + ')');
		root.classList.toggle('nolabels', N > 300 && tf.k < 1.2);
	}
	function zoomAt(f, px, py) {
		var r = root.getBoundingClientRect();
		if (px === undefined) { px = r.width / 2; py = r.height / 2; }
		var k = Math.max(0.02, Math.min(8, tf.k * f));
		tf.x = px - (px - tf.x) * (k / tf.k); tf.y = py - (py - tf.y) * (k / tf.k); tf.k = k;
		applyTf();
	}
	function fit() {
		var r = root.getBoundingClientRect(), minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity;
		for (var i = 0; i < N; i++) {
			if (nodes[i].hidden) continue;
			minx = Math.min(minx, X[i]); maxx = Math.max(maxx, X[i]);
			miny = Math.min(miny, Y[i]); maxy = Math.max(maxy, Y[i]);
		}
		if (minx === Infinity) { minx = miny = -1; maxx = maxy = 1; }
		var w = Math.max(r.width, 100), h = Math.max(r.height, 100), pad = 160;
		var k = Math.min((w - pad) / Math.max(maxx - minx, 1), (h - pad) / Math.max(maxy - miny, 1));
		tf.k = Math.max(0.02, Math.min(2, k));
		tf.x = w / 2 - tf.k * (minx + maxx) / 2; tf.y = h / 2 - tf.k * (miny + maxy) / 2;
		applyTf();
	}
	function centreOn(i) {
		var r = root.getBoundingClientRect();
		if (tf.k < 1) tf.k = 1;
		tf.x = r.width / 2 - tf.k * X[i]; tf.y = r.height / 2 - tf.k * Y[i];
		applyTf();
	}
	root.addEventListener('wheel', function (ev) {
		ev.preventDefault();
		var r = root.getBoundingClientRect();
		zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
	}, { passive: false });
	var drag = null;
	root.addEventListener('pointerdown', function (ev) {
		if (ev.button !== 0) return;
		drag = { x: ev.clientX, y: ev.clientY, tx: tf.x, ty: tf.y, moved: false };
	});
	window.addEventListener('pointermove', function (ev) {
		if (!drag) return;
		var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
		if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
		drag.moved = true; root.classList.add('panning');
		tf.x = drag.tx + dx; tf.y = drag.ty + dy; applyTf();
	});
	window.addEventListener('pointerup', function () {
		if (drag && drag.moved) {
			/* a pan is not a click on the background */
			root.addEventListener('click', function swallow(ev) { ev.stopPropagation(); root.removeEventListener('click', swallow, true); }, true);
		}
		drag = null; root.classList.remove('panning');
	});
	root.addEventListener('click', function () { clearSelection(); });

	/* ---- filters ---- */
	var typeOn = Object.create(null), relOn = Object.create(null), minConf = 0, showNeg = true;
	function countBy(list, key) {
		var c = Object.create(null);
		list.forEach(function (x) { c[x[key]] = (c[x[key]] || 0) + 1; });
		return c;
	}
	function checkboxes(title, counts, on, swatch) {
		filters.appendChild(el('h2', null, title));
		Object.keys(counts).sort().forEach(function (name) {
			on[name] = true;
			var lab = el('label'), box = el('input');
			box.type = 'checkbox'; box.checked = true;
			box.addEventListener('change', function () { on[name] = box.checked; applyFilters(); });
			lab.appendChild(box);
			if (swatch) { var sw = el('span', 'swatch'); sw.style.background = colour(name); lab.appendChild(sw); }
			lab.appendChild(el('span', null, name));
			lab.appendChild(el('span', 'count', counts[name]));
			filters.appendChild(lab);
		});
	}
	checkboxes('Entity types', countBy(nodes, 'type'), typeOn, true);
	checkboxes('Relation types', countBy(edges, 'type'), relOn, false);
	filters.appendChild(el('h2', null, 'Confidence'));
	var confLab = el('label'), conf = el('input'), confVal = el('span', 'count', '\u2265 0');
	conf.type = 'range'; conf.min = '0'; conf.max = '100'; conf.step = '5'; conf.value = '0';
	conf.id = 'ties-confidence'; conf.setAttribute('aria-label', 'minimum confidence');
	conf.addEventListener('input', function () { minConf = +conf.value; confVal.textContent = '\u2265 ' + minConf; applyFilters(); });
	confLab.appendChild(conf); confLab.appendChild(confVal);
	filters.appendChild(confLab);
	var negLab = el('label'), neg = el('input');
	neg.type = 'checkbox'; neg.checked = true; neg.id = 'ties-negated';
	neg.addEventListener('change', function () { showNeg = neg.checked; applyFilters(); });
	negLab.appendChild(neg); negLab.appendChild(el('span', null, 'show negated statements'));
	filters.appendChild(negLab);
	filters.appendChild(el('h2', null, 'Documents'));
	var docList = el('ul');
	docList.style.paddingLeft = '16px'; docList.style.margin = '0';
	docs.forEach(function (d, i) { docList.appendChild(el('li', null, docName(i))); });
	filters.appendChild(docList);

	function applyFilters() {
		var vn = 0, ve = 0;
		nodes.forEach(function (n) {
			n.hidden = !typeOn[n.type];
			n.el.classList.toggle('hidden', n.hidden);
			if (!n.hidden) vn++;
		});
		edges.forEach(function (e) {
			e.hidden = !relOn[e.type] || nodes[e.s].hidden || nodes[e.t].hidden ||
				(e.negated ? !showNeg : e.confidence < minConf);
			e.el.classList.toggle('hidden', e.hidden);
			if (!e.hidden) ve++;
		});
		status.textContent = vn + ' of ' + N + ' entities, ' + ve + ' of ' + edges.length +
			' relations, ' + docs.length + (docs.length === 1 ? ' document' : ' documents');
	}

	/* ---- selection and panels ---- */
	var selected = null;
	function clearSelection() {
		if (selected) selected.classList.remove('selected');
		selected = null;
		root.classList.remove('focus');
		document.querySelectorAll('#ties-graph .near').forEach(function (x) { x.classList.remove('near'); });
		panelIntro();
	}
	function select(elm) {
		if (selected) selected.classList.remove('selected');
		selected = elm; elm.classList.add('selected');
		document.querySelectorAll('#ties-graph .near').forEach(function (x) { x.classList.remove('near'); });
	}
	function panelReset(title) {
		while (panel.firstChild) panel.removeChild(panel.firstChild);
		if (title) panel.appendChild(el('h2', null, title));
	}
	function panelIntro() {
		panelReset('Details');
		panel.appendChild(el('p', 'placeholder', 'Click an entity for its profile, or a relation for its evidence. Drag to pan, scroll to zoom.'));
	}
	function link(text, fn) {
		var b = el('button', 'link', text);
		b.type = 'button'; b.addEventListener('click', fn);
		return b;
	}
	function badge(text, bg) {
		var b = el('span', 'badge', text);
		if (bg) b.style.background = bg;
		return b;
	}
	function showNode(i) {
		var n = nodes[i];
		select(n.el);
		root.classList.add('focus');
		n.el.classList.add('near');
		panelReset('Entity');
		var h = el('h3', null, n.name); h.id = 'ties-profile-name';
		panel.appendChild(h);
		var p = el('p', 'meta'); p.appendChild(badge(n.type, colour(n.type)));
		if (n.country) p.appendChild(document.createTextNode('country ' + n.country));
		panel.appendChild(p);
		if (n.lat !== null && n.lat !== undefined)
			panel.appendChild(el('p', 'meta', 'coordinates ' + n.lat + ', ' + n.lon));
		if (n.aliases.length) {
			panel.appendChild(el('h2', null, 'Also known as'));
			var ul = el('ul');
			n.aliases.forEach(function (a) { ul.appendChild(el('li', null, a)); });
			panel.appendChild(ul);
		}
		var mine = [];
		edges.forEach(function (e, k) { if (e.s === i || e.t === i) mine.push(k); });
		panel.appendChild(el('h2', null, 'Relations (' + mine.length + ')'));
		var rl = el('ul');
		mine.forEach(function (k) {
			var e = edges[k], li = el('li');
			e.el.classList.add('near'); nodes[e.s].el.classList.add('near'); nodes[e.t].el.classList.add('near');
			li.appendChild(link(nodes[e.s].name + ' \u2014 ' + (e.negated ? 'not ' : '') + e.type + ' \u2192 ' + nodes[e.t].name, function () { showEdge(k); }));
			li.appendChild(el('span', 'meta', ' ' + e.confidence + '%, ' + e.evidence.length + (e.evidence.length === 1 ? ' statement' : ' statements')));
			rl.appendChild(li);
		});
		panel.appendChild(rl);
	}
	function showEdge(k) {
		var e = edges[k];
		select(e.el);
		root.classList.add('focus');
		e.el.classList.add('near'); nodes[e.s].el.classList.add('near'); nodes[e.t].el.classList.add('near');
		panelReset('Relation');
		var h = el('h3'); h.id = 'ties-edge-title';
		h.appendChild(link(nodes[e.s].name, function () { showNode(e.s); }));
		h.appendChild(document.createTextNode(' ' + (e.negated ? 'not ' : '') + e.type + ' '));
		h.appendChild(link(nodes[e.t].name, function () { showNode(e.t); }));
		panel.appendChild(h);
		panel.appendChild(el('p', 'meta', 'confidence ' + e.confidence + ' (' + e.hedge + ')' + (e.negated ? ', negated' : '')));
		panel.appendChild(el('h2', null, 'Evidence (' + e.evidence.length + ')'));
		var list = el('div'); list.id = 'ties-evidence';
		e.evidence.forEach(function (v) {
			var box = el('div', 'evidence' + (v.negated ? ' negated' : ''));
			box.appendChild(el('blockquote', null, v.text));
			var m = el('div', 'meta');
			m.appendChild(el('strong', null, docName(v.document)));
			var bits = [v.hedge + ' (' + v.confidence + ')'];
			if (v.negated) bits.push('negated');
			if (v.date) bits.push('date ' + v.date);
			bits.push('bytes ' + v.start + '\u2013' + v.end);
			m.appendChild(document.createTextNode(' \u00b7 ' + bits.join(' \u00b7 ')));
			box.appendChild(m);
			(v.notes || []).forEach(function (nt) {
				box.appendChild(el('div', 'note', 'footnote ' + nt.number + (nt.text ? ': ' + nt.text : '')));
			});
			list.appendChild(box);
		});
		panel.appendChild(list);
	}

	/* ---- search ---- */
	function fold(s) { return String(s).toLowerCase(); }
	function matches(q) {
		var out = [];
		if (!q) return out;
		for (var i = 0; i < N && out.length < 50; i++) {
			var n = nodes[i], hit = fold(n.name).indexOf(q) >= 0;
			for (var a = 0; !hit && a < n.aliases.length; a++) hit = fold(n.aliases[a]).indexOf(q) >= 0;
			if (hit) out.push(i);
		}
		return out;
	}
	function runSearch() {
		var q = fold(search.value.trim()), found = matches(q);
		nodes.forEach(function (n) { n.el.classList.remove('match'); });
		while (results.firstChild) results.removeChild(results.firstChild);
		found.forEach(function (i) {
			var li = el('li'), b = el('button');
			b.type = 'button';
			b.appendChild(document.createTextNode(nodes[i].name));
			b.appendChild(el('span', 'kind', nodes[i].type));
			b.addEventListener('click', function () { pick(i); });
			li.appendChild(b); results.appendChild(li);
			nodes[i].el.classList.add('match');
		});
		if (q && !found.length) results.appendChild(el('li', 'placeholder', 'no entity matches'));
		return found;
	}
	function pick(i) {
		while (results.firstChild) results.removeChild(results.firstChild);
		centreOn(i); showNode(i);
	}
	search.addEventListener('input', runSearch);
	search.addEventListener('keydown', function (ev) {
		if (ev.key === 'Enter') { var f = runSearch(); if (f.length) pick(f[0]); }
		if (ev.key === 'Escape') { search.value = ''; runSearch(); }
	});

	/* ---- start ---- */
	applyFilters();
	panelIntro();
	fit();
	window.addEventListener('resize', fit);
	/* positions on screen, for tests and scripting */
	window.tiesViewer = {
		nodeCount: N, edgeCount: edges.length,
		edgePoint: function (k) {
			var r = root.getBoundingClientRect(), e = edges[k];
			return { x: r.left + tf.x + tf.k * e.mx, y: r.top + tf.y + tf.k * e.my };
		},
		nodePoint: function (i) {
			var r = root.getBoundingClientRect();
			return { x: r.left + tf.x + tf.k * X[i], y: r.top + tf.y + tf.k * Y[i] };
		},
		showNode: showNode, showEdge: showEdge
	};
})();
