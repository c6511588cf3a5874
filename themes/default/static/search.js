// Search as you type, over the index cursus builds (generator/search).
// Normalising, stemming, matching and ranking are the same as in Go, line for
// line; generator/search's browser test checks that both give the same
// results. No library, no request but the index, fetched on first use.
(function () {
  'use strict';
  var script = document.currentScript;
  var KINDS = ['Métiers', 'Blocs', 'Compétences', 'Critères', 'Pages'];
  var STOP = new Set(('le la les de des du un une et en au aux ou pour par sur dans avec son sa ses leur ' +
    'leurs ce ces cet cette qui que qu se ne est sont').split(' '));
  var SUFFIXES = ['ement', 'ation', 'ition', 'euse', 'ique', 'eur', 'ite', 'ee', 'er', 'e'];
  var FAMILY = ['isationnell', 'isationnel', 'ationnell', 'ationnel', 'ativ', 'atif', 'atis', 'is', 'at', 'iv', 'if'];
  // A word, or a compétence code such as b7.c2 kept whole.
  var WORD = /[a-z]\d+\.[a-z]\d+(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+/giu;
  var HEADER_MAX = 8; // results shown in the header's panel
  var index, loading;

  // norm is content.Fold of Go (generator/content/fold.go), step for step:
  // lowercase, NFD, no marks, then the letters NFD leaves whole, spelt as
  // in Go's foldLetter. A browser test runs both on every code point.
  var LETTERS = {
    'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ø': 'o', 'ł': 'l', 'ŀ': 'l', 'đ': 'd', 'ð': 'd', 'ħ': 'h', 'ı': 'i',
    'ĳ': 'ij', 'ŉ': 'n', 'ſ': 's', 'ŧ': 't', 'þ': 'th', 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi',
    'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st', 'ς': 'σ'
  };
  var WHOLE = new RegExp('[' + Object.keys(LETTERS).join('') + ']', 'g');
  function norm(s) {
    return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
      .replace(WHOLE, function (c) { return LETTERS[c]; });
  }

  function strip(w, list, min) {
    for (var i = 0; i < list.length; i++) {
      var s = list[i];
      if (w.endsWith(s) && w.length - s.length >= min) return w.slice(0, -s.length);
    }
    return w;
  }

  function stem(w) {
    if (w.length <= 3 || /\d/.test(w)) return w;
    if (/[sx]$/.test(w)) w = w.slice(0, -1);
    return strip(w, SUFFIXES, 3);
  }

  // family is Family of Go: the root a word family shares (sécurité,
  // sécurisation → secur), taken from the stem.
  function family(s) { return strip(s, FAMILY, 4); }

  // parse keeps the last word even if short while it is being typed: it may
  // be the start of a longer one.
  function parse(q) {
    var n = norm(q), words = n.match(WORD) || [], typing = /[\p{L}\p{N}]$/u.test(n), letters = 0;
    var terms = words.filter(function (w, i) {
      return !STOP.has(w) && (w.length > 1 || /^\d+$/.test(w)) || typing && i == words.length - 1;
    }).map(function (w) {
      letters += w.length;
      var s = stem(w);
      return { w: w, s: s, f: family(s), n: /^\d+$/.test(w), t: w.length >= 5 && !/\d/.test(w) };
    });
    return letters < 2 ? [] : terms;
  }

  function match(t, w, s, f) {
    return w == t.w ? 5 : s == t.s ? 4 : f == t.f ? 3 : !t.n && w.startsWith(t.w) ? 3 : t.t && oneEdit(t.w, w) ? 2 : 0;
  }

  // oneEdit: at most one insertion, deletion, substitution or swap.
  function oneEdit(a, b) {
    if (a.length < b.length) { var c = a; a = b; b = c; }
    if (a.length - b.length > 1) return false;
    var i = 0;
    while (i < b.length && a[i] == b[i]) i++;
    if (a.length != b.length) return a.slice(i + 1) == b.slice(i);
    return i == a.length || a.slice(i + 1) == b.slice(i + 1) ||
      i + 1 < a.length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.slice(i + 2) == b.slice(i + 2);
  }

  function best(points, words) {
    var m = 0;
    for (var i = 0; i < words.length; i++) m = Math.max(m, points[words[i]]);
    return m;
  }

  function search(q) {
    var terms = parse(q), hits = [], titled = [];
    if (!terms.length) return hits;
    var points = terms.map(function (t) {
      return index.words.map(function (w, i) { return match(t, w, index.stems[i], index.families[i]); });
    });
    index.docs.forEach(function (d, order) {
      var score = 0, title = true;
      for (var i = 0; i < points.length; i++) {
        var t = best(points[i], d.tw), b = best(points[i], d.xw || []);
        if (!t && !b) return;
        if (!t) title = false;
        score += Math.max(3 * t, b);
      }
      hits.push({ d: d, s: score, t: title, o: order });
      titled[d.k] = titled[d.k] || title;
    });
    function group(h) { return titled[h.d.k] ? h.d.k : 5 + h.d.k; }
    hits.sort(function (a, b) {
      return group(a) - group(b) || b.t - a.t || b.s - a.s || a.o - b.o;
    });
    hits.terms = terms;
    return hits;
  }

  // distance is the Levenshtein distance of a and b.
  function distance(a, b) {
    var prev = Array.from({ length: b.length + 1 }, function (_, j) { return j; });
    for (var i = 1; i <= a.length; i++) {
      var cur = [i];
      for (var j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]));
      prev = cur;
    }
    return prev[b.length];
  }

  // suggest proposes, for a query that finds nothing, up to three queries
  // made of the words of the index closest to its terms. A term that
  // matches no word is replaced by a near one: at most a third of its
  // letters changed (two in any case), or the same first four letters
  // ("admission" → "administration"); nearer and longer shared beginnings
  // first. A term with no near word is left out.
  function suggest(q) {
    var out = [], seen = {};
    var alts = parse(q).map(function (t) {
      if (index.words.some(function (w, i) { return match(t, w, index.stems[i], index.families[i]); })) return [t.w];
      var max = Math.max(2, Math.floor(t.w.length / 3)), near = [];
      index.words.forEach(function (w, i) {
        if (w.length < 3 || /\d/.test(w) || STOP.has(w)) return;
        var p = 0;
        while (p < w.length && w[p] == t.w[p]) p++;
        var d = distance(t.w, w);
        if (d <= max || p >= 4) near.push({ w: w, r: Math.min(d, max + 1) - p / 2, i: i });
      });
      near.sort(function (a, b) { return a.r - b.r || a.i - b.i; });
      return near.map(function (n) { return n.w; });
    }).filter(function (a) { return a.length; });
    for (var k = 0; alts.length && k < 6 && out.length < 3; k++) {
      var s = alts.map(function (a) { return a[Math.min(k, a.length - 1)]; }).join(' ');
      if (!seen[s] && search(s).length) out.push(s);
      seen[s] = true;
    }
    return out;
  }

  function load() {
    return loading || (loading = fetch(script.dataset.index).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (ix) {
      ix.stems = ix.words.map(function (w, i) { return w.slice(0, w.length - ix.cut[i]); });
      ix.families = ix.stems.map(family);
      // With relativeURLs, the index's URLs are relative to it.
      ix.docs.forEach(function (d) { if (d.u[0] != '/') d.u = new URL(d.u, new URL(script.dataset.index, location)).href; });
      index = ix;
    }).catch(function () { loading = null; }));
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function hit(word, terms) {
    var w = norm(word), s = stem(w), f = family(s);
    return terms.some(function (t) { return match(t, w, s, f); });
  }

  // snippet cuts text around its first matched word, on word boundaries.
  function snippet(text, terms) {
    var m, at = 0;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) if (hit(m[0], terms)) { at = m.index; break; }
    WORD.lastIndex = 0;
    var start = at < 60 ? 0 : text.indexOf(' ', at - 50) + 1, end = text.indexOf(' ', start + 150);
    if (end < 0) end = text.length;
    return (start ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  // mark appends text to parent with the matched words in <mark>.
  function mark(parent, text, terms) {
    var last = 0;
    text.replace(WORD, function (w, at) {
      if (hit(w, terms)) {
        parent.append(text.slice(last, at), el('mark', '', w));
        last = at + w.length;
      }
    });
    parent.append(text.slice(last));
  }

  // blocs names the certification of a result, on a site with several,
  // and its blocs: bloc numbers repeat from one certification to another.
  function blocs(d) {
    var e = d.e || 0, names = (d.b || []).map(function (n) {
      return 'Bloc ' + n + ' · ' + index.blocs.find(function (b) { return b.n == n && (b.e || 0) == e; }).l;
    });
    if (e) names.unshift(index.certs[e - 1]);
    return names.join(', ');
  }

  function render(box, hits, max) {
    var terms = hits.terms, list, kind = -1;
    box.results.textContent = '';
    hits.slice(0, max || hits.length).forEach(function (h) {
      // A bloc's title already says which bloc it is.
      var d = h.d, a = el('a'), title = el('span', 'search-title'), meta = d.k == 1 ? (d.e ? index.certs[d.e - 1] : '') : blocs(d);
      if (d.k != kind) {
        kind = d.k;
        box.results.append(el(box.page ? 'h2' : 'p', 'search-kind', KINDS[kind]));
        list = box.results.appendChild(el('ul'));
      }
      a.href = d.u;
      if (d.c) title.append(el('span', 'code', d.c), ' ');
      mark(title, d.t, terms);
      a.append(title);
      if (d.p) meta += meta ? ' — ' + d.p : d.p;
      if (meta) mark(a.appendChild(el('span', 'search-meta')), meta, terms);
      // A métier's text is its blocs' titles: the meta line says enough.
      if (d.x && d.k) mark(a.appendChild(el('span', 'search-snippet')), snippet(d.x, terms), terms);
      list.appendChild(el('li')).append(a);
    });
    if (!hits.length) {
      var none = box.results.appendChild(el('p', 'search-none', 'Aucun résultat pour « ' + box.input.value.trim() + ' ».'));
      var alts = suggest(box.input.value);
      if (alts.length) {
        none.append(' Essayez : ');
        alts.forEach(function (s, i) {
          var a = el('a', 'search-suggestion', s);
          a.href = box.form.action + '?q=' + encodeURIComponent(s);
          none.append(i ? ', ' : '', a);
        });
        none.append('.');
      }
    }
    if (max && hits.length > max) {
      var all = el('a', 'search-all-link', 'Voir les ' + hits.length + ' résultats');
      all.href = box.form.action + '?q=' + encodeURIComponent(box.input.value);
      box.results.append(all);
    }
  }

  // unavailable says so when the index cannot be fetched, as from a site
  // opened from disk (file://): the search page lists everything.
  function unavailable(box) {
    box.results.textContent = '';
    box.results.append(el('p', 'search-none', 'Recherche indisponible : la page Recherche liste tout le référentiel.'));
    box.results.hidden = false;
  }

  function run(box) {
    var q = box.input.value.trim();
    if (!index) { if (q) load().then(function () { index ? run(box) : unavailable(box); }); return; }
    var hits = q ? search(q) : [];
    box.hits = hits;
    if (box.page) {
      document.getElementById('tout').hidden = !!q;
      // The address keeps the query for reload and sharing. Browsers cap
      // the rate of replaceState (Safari throws), hence once typing pauses.
      clearTimeout(box.timer);
      box.timer = setTimeout(function () {
        try { history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : location.pathname); } catch (e) {}
      }, 500);
    }
    render(box, hits, box.page ? 0 : HEADER_MAX);
    box.results.hidden = !q;
    box.status.textContent = !q ? '' : hits.length ? hits.length + (hits.length > 1 ? ' résultats' : ' résultat') : 'Aucun résultat';
  }

  function links(box) { return Array.prototype.slice.call(box.results.querySelectorAll('a')); }

  function keydown(box, e) {
    var all = links(box), i = all.indexOf(document.activeElement);
    if (e.key == 'ArrowDown' || e.key == 'ArrowUp') {
      if (box.results.hidden || !all.length) return;
      i += e.key == 'ArrowDown' ? 1 : i < 0 ? all.length : -1;
      (i < 0 ? box.input : all[Math.min(i, all.length - 1)]).focus();
      e.preventDefault();
    } else if (e.key == 'Escape') {
      if (!box.page) box.results.hidden = true;
      box.input.focus();
    }
  }

  function setup(form, input, results, page) {
    var box = { form: form, input: input, results: results, page: page, status: el('p', 'visually-hidden') };
    box.status.setAttribute('role', 'status'); // polite live region
    form.append(box.status);
    results.hidden = true;
    input.addEventListener('focus', load);
    input.addEventListener('input', function () { run(box); });
    // The page's results are outside its form; the header's panel is inside.
    form.addEventListener('keydown', function (e) { keydown(box, e); });
    if (page) results.addEventListener('keydown', function (e) { keydown(box, e); });
    form.addEventListener('submit', function (e) {
      var first = links(box)[0];
      if (first && !box.results.hidden) { e.preventDefault(); location.href = first.href; }
    });
    if (!page) {
      // A tap elsewhere closes the panel; so does Tab out of it.
      document.addEventListener('pointerdown', function (e) { if (!form.contains(e.target)) results.hidden = true; });
      form.addEventListener('focusout', function (e) {
        if (e.relatedTarget && !form.contains(e.relatedTarget)) results.hidden = true;
      });
      input.addEventListener('focus', function () { if (box.hits && box.hits.length) results.hidden = false; });
    }
    return box;
  }

  var header = document.getElementById('recherche-q');
  if (header) {
    var panel = el('div', 'search-panel');
    panel.id = 'recherche-panel';
    header.setAttribute('aria-controls', panel.id);
    header.form.append(panel);
    setup(header.form, header, panel, false);
  }
  var pageInput = document.getElementById('recherche-page-q'), resultats = document.getElementById('resultats');
  if (pageInput && resultats) {
    var box = setup(pageInput.form, pageInput, resultats, true);
    var q = new URLSearchParams(location.search).get('q');
    if (q) { pageInput.value = q; run(box); }
  }
})();
