// Site search. The index in zoeken/ (written by the plugin, see zoeken.py) is fetched piece by
// piece: per word typed, one vocabulary file (word → stem) and the postings bucket of each
// stem; then the titles of the best pages. Nothing is loaded until someone searches.
(function () {
  "use strict";

  const dialoog = document.getElementById("kd-zoeken");
  if (!dialoog) return;
  // Resolved once, on the page that loaded this script: with instant navigation the header is
  // kept while the URL changes, so a relative path would go stale.
  const indexUrl = new URL(dialoog.dataset.kdIndex, location.href).href;
  const wortelUrl = new URL(dialoog.dataset.kdRoot, location.href).href;
  const veld = dialoog.querySelector("#kd-zoekveld");
  const lijst = dialoog.querySelector("#kd-resultaten");
  const status = dialoog.querySelector("#kd-zoekstatus");
  const MAX_RESULTATEN = 20;
  const bestanden = new Map();
  let meta = null;
  let volgnummer = 0;

  function haal(pad) {
    if (!bestanden.has(pad)) {
      bestanden.set(pad, fetch(indexUrl + pad).then(function (antwoord) {
        return antwoord.ok ? antwoord.json() : null;
      }).catch(function () { return null; }));
    }
    return bestanden.get(pad);
  }

  // The same normalisation and words as zoeken.py: lowercase, no diacritics, codes whole.
  function woorden(tekst) {
    const normaal = tekst.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    return normaal.match(/[0-9a-z]+(?:-[0-9a-z]+)*/g) || [];
  }

  function emmer(stam, aantal) {
    let waarde = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(stam)) {
      waarde = Math.imul(waarde ^ byte, 0x01000193) >>> 0;
    }
    return waarde % aantal;
  }

  // Stems for one typed word: the word itself (full weight), words that start with it (an
  // unfinished word), or, when nothing does, words that start with a shorter form of it.
  async function stammen(woord) {
    const vocabulaire = (await haal("w/" + woord.slice(0, 2) + ".json")) || {};
    const stam = function (w) { return vocabulaire[w] || w; };
    const gevonden = new Map();
    if (woord in vocabulaire) gevonden.set(stam(woord), 1);
    for (let inkorten = 0; inkorten <= 3 && woord.length - inkorten >= 4; inkorten++) {
      const begin = woord.slice(0, woord.length - inkorten);
      const kandidaten = Object.keys(vocabulaire)
        .filter(function (w) { return w.startsWith(begin) && w !== woord; })
        .sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); })
        .slice(0, 30);
      for (const kandidaat of kandidaten) {
        const s = stam(kandidaat);
        if (!gevonden.has(s)) gevonden.set(s, inkorten === 0 ? 0.6 : 0.5);
      }
      if (gevonden.size) break;
    }
    if (!gevonden.size && woord.length < 4) {
      for (const w of Object.keys(vocabulaire)) {
        if (w.startsWith(woord) && !gevonden.has(stam(w))) gevonden.set(stam(w), 0.6);
      }
    }
    return gevonden;
  }

  // Page number → best score of this word over its stems.
  async function scores(woord) {
    const uit = new Map();
    for (const [stam, factor] of await stammen(woord)) {
      const postings = ((await haal("t/" + emmer(stam, meta.emmers).toString(16) + ".json")) || {})[stam];
      if (!postings) continue;
      let pagina = 0;
      for (let i = 0; i < postings.length; i += 2) {
        pagina += postings[i];
        const score = postings[i + 1] * factor;
        if (score > (uit.get(pagina) || 0)) uit.set(pagina, score);
      }
    }
    return uit;
  }

  async function zoek(tekst) {
    meta = meta || (await haal("meta.json"));
    const stop = new Set(meta.stopwoorden);
    let termen = woorden(tekst);
    if (termen.some(function (t) { return !stop.has(t); })) {
      termen = termen.filter(function (t) { return !stop.has(t); });
    }
    termen = termen.filter(function (t, i) { return termen.indexOf(t) === i; }).slice(0, 8);
    if (!termen.length) return [];
    let totaal = null;
    for (const term of termen) {
      const perPagina = await scores(term);
      if (totaal === null) {
        totaal = perPagina;
      } else {
        for (const pagina of [...totaal.keys()]) {
          if (perPagina.has(pagina)) totaal.set(pagina, totaal.get(pagina) + perPagina.get(pagina));
          else totaal.delete(pagina);
        }
      }
      if (!totaal.size) return [];
    }
    const beste = [...totaal.entries()]
      .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
      .slice(0, MAX_RESULTATEN);
    return Promise.all(beste.map(async function ([pagina]) {
      const blok = await haal("p/" + Math.floor(pagina / meta.blok) + ".json");
      return blok[pagina % meta.blok];
    }));
  }

  function toon(resultaten, tekst) {
    lijst.replaceChildren();
    for (const [url, titel, context] of resultaten) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.className = "kd-resultaat";
      link.href = new URL(url, wortelUrl).href;
      link.textContent = titel;
      item.appendChild(link);
      if (context) {
        const regel = document.createElement("span");
        regel.className = "kd-resultaat__context";
        regel.textContent = context;
        item.appendChild(regel);
      }
      lijst.appendChild(item);
    }
    status.textContent = !tekst.trim() ? "" : resultaten.length === 0
      ? "Geen resultaten voor “" + tekst.trim() + "”."
      : resultaten.length + (resultaten.length === MAX_RESULTATEN ? " of meer" : "") +
        (resultaten.length === 1 ? " resultaat" : " resultaten") + " voor “" + tekst.trim() + "”.";
  }

  let wachten = null;
  veld.addEventListener("input", function () {
    clearTimeout(wachten);
    wachten = setTimeout(async function () {
      const nummer = ++volgnummer;
      const tekst = veld.value;
      const resultaten = await zoek(tekst);
      if (nummer === volgnummer) toon(resultaten, tekst);
    }, 120);
  });
  dialoog.querySelector("[data-kd-zoekformulier]").addEventListener("submit", function (e) {
    e.preventDefault();
    const eerste = lijst.querySelector("a");
    if (eerste) eerste.click();
  });

  function open(zoekterm) {
    if (!dialoog.open) dialoog.showModal();
    if (zoekterm) {
      veld.value = zoekterm;
      veld.dispatchEvent(new Event("input", { bubbles: true }));
    }
    veld.focus();
  }

  document.addEventListener("click", function (gebeurtenis) {
    const doel = gebeurtenis.target;
    if (!(doel instanceof Element)) return;
    if (doel.closest("[data-kd-zoek-open]")) {
      gebeurtenis.preventDefault();
      open("");
    } else if (doel.closest("[data-kd-zoek-sluit]")) {
      dialoog.close();
    } else if (doel === dialoog) {
      dialoog.close(); // a click on the backdrop
    } else if (dialoog.open && doel.closest("#kd-resultaten a")) {
      dialoog.close(); // following a result
    }
  });

  document.addEventListener("keydown", function (gebeurtenis) {
    const veldFocus = gebeurtenis.target;
    const typt = veldFocus instanceof HTMLElement &&
      (veldFocus.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(veldFocus.tagName));
    if (gebeurtenis.key === "/" && !typt && !dialoog.open) {
      gebeurtenis.preventDefault();
      open("");
    }
  });

  // `?zoek=...` in the address opens the search with that query (links from course material).
  const vraag = new URLSearchParams(location.search).get("zoek");
  if (vraag) open(vraag);
})();
