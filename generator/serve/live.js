// cursus serve: after each build, reload the page if it changed, swap
// stylesheets in place if only they changed, and show build errors over the
// page. Loaded from a file (no inline code, so a strict CSP still allows it)
// and only by the dev server.
(() => {
  const KEY = "cursus:scroll";
  let build = +new URL(document.currentScript.src).searchParams.get("b");
  let stale = false; // the page is older than the last good build
  let box = null, dismissed = "";
  const here = () => location.pathname.replace(/\/index\.html$/, "/");
  const nav = performance.getEntriesByType("navigation")[0];
  const notFound = nav && nav.responseStatus > 0 && nav.responseStatus !== 200;

  try {
    const s = JSON.parse(sessionStorage.getItem(KEY));
    sessionStorage.removeItem(KEY);
    // Instant: a theme's scroll-behavior: smooth would scroll from the top.
    if (s && s.path === here()) scrollTo({ left: s.x, top: s.y, behavior: "instant" });
  } catch (e) {}

  function reload() {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ path: here(), x: scrollX, y: scrollY }));
    } catch (e) {}
    location.reload();
  }

  // swapMain fetches the page and puts its new <main> in place of the old:
  // what changed, without a reload. Pages whose <main> holds a form or a
  // script (bound by the page's scripts) reload instead.
  let swaps = 0;
  async function swapMain() {
    const seq = ++swaps;
    try {
      const cur = document.querySelector("main");
      if (!cur || cur.querySelector("form,input,select,textarea,script")) return reload();
      const r = await fetch(location.href, { cache: "no-store" });
      const doc = new DOMParser().parseFromString(await r.text(), "text/html");
      const next = doc.querySelector("main");
      if (seq !== swaps) return; // a newer build's swap is on its way
      if (!r.ok || !next || next.querySelector("script")) return reload();
      document.querySelector("main").replaceWith(document.adoptNode(next));
    } catch (e) {
      reload();
    }
  }

  function swapCSS(css) {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const to = css[new URL(link.href).pathname];
      if (!to) continue;
      const next = link.cloneNode();
      next.href = to;
      // Drop the old sheet only once the new one applies: no flash.
      next.onload = next.onerror = () => link.remove();
      link.after(next);
    }
  }

  function el(tag, css, text) {
    const e = document.createElement(tag);
    e.style.cssText = css; // CSSOM, which style-src does not restrict
    if (text) e.textContent = text;
    return e;
  }

  function hide() {
    if (box) box.remove();
    box = null;
  }

  // overlay shows the errors of a failed build over the last good one, or
  // the warnings of a build that succeeded, in a smaller box at the bottom
  // that hides nothing the page needs.
  // The overlay speaks the page's language, the site's: English for
  // lang="en…", French otherwise, as cursus's messages do.
  const en = /^en\b/i.test(document.documentElement.lang);
  const words = en ? {
    close: "Close",
    warnings: (n) => n === 1 ? "1 warning" : n + " warnings",
    warnHelp: "The site is up to date; these points deserve a look (cursus check --strict refuses them).",
    errors: (n) => n === 1 ? "1 error keeps the site from being rebuilt" : n + " errors keep the site from being rebuilt",
    errHelp: "The last good site stays on screen. This message goes away by itself once the errors are fixed.",
  } : {
    close: "Fermer",
    warnings: (n) => n === 1 ? "1 avertissement" : n + " avertissements",
    warnHelp: "Le site est à jour ; ces points méritent d’être revus (cursus check --strict les refuse).",
    errors: (n) => n === 1 ? "1 erreur empêche la reconstruction du site" : n + " erreurs empêchent la reconstruction du site",
    errHelp: "Le dernier site valide reste affiché. Ce message disparaîtra de lui-même une fois les erreurs corrigées.",
  };

  function overlay(errors, warnings) {
    const warn = !errors.length && warnings.length > 0, items = warn ? warnings : errors;
    const key = (warn ? "w\n" : "e\n") + items.join("\n");
    if (!items.length) dismissed = ""; // fixed: the next errors show again
    if (box && box.dataset.key === key) return;
    hide();
    if (!items.length || key === dismissed) return;
    const colour = warn ? "#8a4b00" : "#b00020";
    box = el("div", "position:fixed;z-index:2147483647;" + (warn ? "bottom:1rem;max-height:40vh;" : "top:1rem;max-height:calc(100vh - 2rem);") + "left:1rem;right:1rem;overflow:auto;" +
      "box-sizing:border-box;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;border:3px solid " + colour + ";border-radius:6px;" +
      "box-shadow:0 4px 24px rgba(0,0,0,.35);font:16px/1.5 system-ui,sans-serif;text-align:left");
    box.id = warn ? "cursus-warnings" : "cursus-errors";
    box.dataset.key = key;
    box.setAttribute("role", warn ? "status" : "alert");
    box.lang = en ? "en" : "fr";
    const close = el("button", "float:right;margin:0 0 .5rem 1rem;padding:.25rem .75rem;font:inherit;color:#fff;background:" + colour + ";border:0;border-radius:4px;cursor:pointer", words.close);
    close.type = "button";
    close.onclick = () => { dismissed = key; hide(); };
    if (warn) {
      box.append(close,
        el("p", "margin:0 0 .5rem;font-weight:700;font-size:1.1rem;color:" + colour,
          words.warnings(items.length)),
        el("p", "margin:0 0 .75rem", words.warnHelp));
    } else {
      box.append(close,
        el("p", "margin:0 0 .5rem;font-weight:700;font-size:1.1rem;color:" + colour,
          words.errors(errors.length)),
        el("p", "margin:0 0 .75rem", words.errHelp));
    }
    const list = el("ul", "margin:0;padding:0;list-style:none");
    for (const e of items) {
      const li = el("li", "margin:.25rem 0;padding:.25rem .5rem;background:" + (warn ? "#fdf3e6" : "#fdecee") + ";border-radius:3px");
      li.append(el("code", "font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere", e));
      list.append(li);
    }
    box.append(list);
    document.body.append(box);
  }

  addEventListener("keydown", (e) => {
    if (e.key === "Escape" && box) { dismissed = box.dataset.key; hide(); }
  });

  function onMessage(e) {
    const m = JSON.parse(e.data);
    // A build under way shows first the pages browsers are on: for
    // another page, the build's last message will say what to do.
    if (m.early && !(m.pages || []).includes(here())) return;
    overlay(m.errors, m.warnings || []);
    const p = here();
    // shown: this page of the build came before the build was done, and
    // is up to date; unless the build failed: back to the last good page.
    const shown = (m.shown || []).includes(p);
    if (m.errors.length) {
      stale = stale || !!m.all;
      if (shown) reload();
      return;
    }
    build = m.build;
    if (m.goto && m.goto !== p && !(m.fed || []).includes(p)) return location.assign(m.goto);
    if (m.all && !shown || stale || notFound) return reload();
    const changed = !shown && (m.pages || []).includes(p);
    if (changed && !(m.main || []).includes(p)) return reload();
    if (m.css) swapCSS(m.css);
    if (changed) swapMain();
  }

  // One stream per visible tab: browsers allow six connections per host
  // over HTTP/1.1, and a dozen background tabs would starve page loads. A
  // tab coming back reconnects with its build and reloads if it is stale.
  let es = null, wait = 500;
  function connect() {
    if (es || document.hidden) return;
    // p: the server renders the pages browsers are on first.
    es = new EventSource("/__cursus/events?b=" + build + "&p=" + encodeURIComponent(here()));
    es.onopen = () => { wait = 500; };
    es.onmessage = onMessage;
    // Reconnect by hand, with the build the page is at now, when the
    // server restarts or drops the stream. A stream that never opens (the
    // server is gone, or refuses streams past its cap with a 503) is
    // tried again less and less often, up to once a minute: the page
    // works meanwhile, without live reload.
    es.onerror = () => {
      es.close();
      es = null;
      setTimeout(connect, wait);
      wait = Math.min(wait * 2, 60000);
    };
  }
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) return connect();
    if (es) es.close();
    es = null;
  });
  connect();
})();
