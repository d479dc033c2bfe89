// Site search. The index in zoeken/ (written by the plugin, see zoeken.py) is fetched piece by
// piece: per word typed, one vocabulary file (word → term, compound parts) and the postings
// bucket of each term; then one small file per result shown. Nothing is loaded until someone
// searches.
//
// Per query word, in this order, until something matches: the word itself (and, for the word
// being typed, words it begins), an inflected form (the word shortened by up to three letters
// begins known words), a compound of known words, and only then a typo (edit distance 1, 2
// for words of eight letters or more), which the dialog names: "Bedoelde je …?".
// Ranking: pages matching more query words first; then the weighted sum of each word's best
// place on the page (title and code over heading over text; a compound containing the word
// counts a little less), times a factor for how the word matched and one for the page type.
(function () {
  "use strict";

  const dialoog = document.getElementById("kd-zoeken");
  if (!dialoog) return;

  // How results are weighed. The relevance set (python -m dossierbench.relevantie) measures
  // these choices; it passes alternatives in window.kdZoekInstellingen.
  const INSTELLINGEN = Object.assign({
    // Weight per posting class: -, text part, text, heading part, heading, title part, title,
    // the page's own code (a code is an address: "pedagogisch werk p3" means profiel P3).
    klassen: [0, 0.6, 1, 2, 3, 6, 10, 20],
    exact: 1, voltooid: 0.8, afgeleid: 0.7, scheidbaar: 0.8, samengesteld: 0.8, typfout: 0.5,
    // Words the word being typed may become: each can cost a postings file per keystroke.
    voltooiingen: 4,
    // Factor per page type (meta.json "soorten"): home and guides below entity pages.
    soorten: { pagina: 0.3 },
    // Rarity: of each term ("term": a word form's own pages, so that completions and
    // inflections do not dilute an exact match), of each query word's pages ("eenheid"), none.
    idf: "eenheid",
  }, window.kdZoekInstellingen || {});

  const VERSIE = 2;
  const PER_KEER = 6;
  const MAX_TERMEN = 12;
  const LABELS = {
    dossier: "Dossier", profiel: "Profiel", uitstroom: "Uitstroom", kerntaak: "Kerntaak",
    werkproces: "Werkproces", competentie: "Competentie", pagina: "Pagina",
  };
  const CODEDEEL = /^(?:[a-z]{1,2}\d{1,2})+$/;
  const PARTIKELS = ["aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "toe",
                     "uit", "voor", "terug", "samen"];

  // Resolved once, on the page that loaded this script: with instant navigation the header is
  // kept while the URL changes. A 404 page gets base_url "/" or "/pad/", so the root reads
  // "//" or "/pad//": "//" would be a protocol-relative address, hence the slashes collapse.
  const wortel = new URL((dialoog.dataset.kdRoot || "./").replace(/\/{2,}/g, "/"), location.href);
  const indexUrl = new URL("zoeken/", wortel).href;
  const veld = dialoog.querySelector("#kd-zoekveld");
  const lijst = dialoog.querySelector("#kd-resultaten");
  const status = dialoog.querySelector("#kd-zoekstatus");
  // Made here, not in every page's HTML: the dialog is in the header of every page.
  const suggestie = verborgen("p", "kd-suggestie", "kd-zoeken__suggestie");
  const filters = verborgen("div", "kd-filters", "kd-zoeken__filters");
  const meer = verborgen("button", "kd-meer", "kd-zoeken__meer");
  meer.type = "button";
  meer.textContent = "Meer resultaten";
  status.before(suggestie, filters);
  lijst.after(meer);
  const bestanden = new Map();
  let meta = null;
  let volgnummer = 0;
  let huidig = null; // the last search: { tekst, treffers, getoond }
  const filter = { soort: "", groep: "", ouder: false };

  function haal(pad) {
    if (!bestanden.has(pad)) {
      bestanden.set(pad, fetch(indexUrl + pad).then(function (antwoord) {
        return antwoord.ok ? antwoord.json() : null;
      }).catch(function () { return null; }));
    }
    return bestanden.get(pad);
  }

  async function laadMeta() {
    if (!meta) {
      const m = await haal("meta.json");
      if (!m || m.versie !== VERSIE) throw new Error("zoekindex ontbreekt of is van een andere versie");
      let begin = 0;
      m.reeksen = []; // per group and type: [first page, after last page, group, type]
      m.groepen.forEach(function (groep, g) {
        groep[3].forEach(function (aantal, s) {
          if (aantal) m.reeksen.push([begin, begin + aantal, g, s]);
          begin += aantal;
        });
      });
      m.gesplitstSet = new Set(m.gesplitst);
      m.stopSet = new Set(m.stopwoorden);
      meta = m;
    }
    return meta;
  }

  // The group and type of a page follow from its number (pages are numbered group by group,
  // type by type; see zoeken.py).
  function plaatsVan(pagina) {
    let laag = 0, hoog = meta.reeksen.length - 1;
    while (laag < hoog) {
      const midden = (laag + hoog + 1) >> 1;
      if (meta.reeksen[midden][0] <= pagina) laag = midden; else hoog = midden - 1;
    }
    const reeks = meta.reeksen[laag];
    return { groep: reeks[2], soort: meta.soorten[reeks[3]] };
  }

  // The same normalisation and words as zoektekst.py: lowercase, no diacritics, codes whole.
  function normaal(tekst) {
    return tekst.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  const TOKEN = /\d+(?:\.\d+)+|[0-9a-z]+(?:-[0-9a-z]+)*/g;

  function woordbestand(woord) {
    const sleutel = woord.length >= 3 && meta.gesplitstSet.has(woord.slice(0, 2))
      ? woord.slice(0, 3) : woord.slice(0, 2);
    return haal("w/" + sleutel + ".json").then(function (inhoud) { return inhoud || {}; });
  }

  // A vocabulary entry as { term, delen }.
  function uitleg(woord, waarde) {
    if (Array.isArray(waarde)) return { term: waarde[0] || woord, delen: waarde.slice(1) };
    return { term: waarde || woord, delen: [] };
  }

  function afstand(a, b, grens) {
    // Optimal string alignment distance (a swap of two letters is one edit), or grens + 1.
    if (Math.abs(a.length - b.length) > grens) return grens + 1;
    let vorige2 = null, vorige = [], rij;
    for (let j = 0; j <= b.length; j++) vorige.push(j);
    for (let i = 1; i <= a.length; i++) {
      rij = [i];
      let kleinste = i;
      for (let j = 1; j <= b.length; j++) {
        const kosten = a[i - 1] === b[j - 1] ? 0 : 1;
        let waarde = Math.min(vorige[j] + 1, rij[j - 1] + 1, vorige[j - 1] + kosten);
        if (vorige2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          waarde = Math.min(waarde, vorige2[j - 2] + 1);
        }
        rij.push(waarde);
        kleinste = Math.min(kleinste, waarde);
      }
      if (kleinste > grens) return grens + 1;
      vorige2 = vorige;
      vorige = rij;
    }
    return vorige[b.length];
  }

  // Known words of a vocabulary file that begin with `begin`, shortest first.
  function beginnendMet(bestand, begin, aantal) {
    return Object.keys(bestand)
      .filter(function (w) { return w.startsWith(begin); })
      .sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); })
      .slice(0, aantal);
  }

  // One query word → { termen: Map term → factor, delen: [[term → factor map], …] | null,
  // vormen: words to highlight, deelvormen: the parts of a known compound (highlighted too,
  // but a snippet with the word itself is preferred), correctie: the corrected word or null }.
  async function betekenis(woord, typend) {
    const bestand = await woordbestand(woord);
    const uit = { termen: new Map(), delen: null, vormen: new Set([woord]),
                  deelvormen: new Set(), correctie: null };
    function neem(w, factor) {
      const { term, delen } = uitleg(w, bestand[w]);
      if (!(uit.termen.get(term) >= factor)) uit.termen.set(term, factor);
      uit.vormen.add(w);
      uit.vormen.add(term);
      return delen;
    }
    if (woord in bestand) {
      const delen = neem(woord, INSTELLINGEN.exact);
      // A compound also finds pages that use its parts apart, and marks them there.
      if (delen.length) {
        uit.delen = delen.map(function (t) { return new Map([[t, 1]]); });
        delen.forEach(function (t) { uit.deelvormen.add(t); });
      }
    }
    // A separable verb is written apart in a title: "opstellen" finds "Stelt … op".
    const partikel = PARTIKELS.find(function (p) { return woord.startsWith(p); });
    if (partikel && woord.length - partikel.length >= 4) {
      const rest = woord.slice(partikel.length);
      const restBestand = await woordbestand(rest);
      if (rest in restBestand) {
        const term = uitleg(rest, restBestand[rest]).term;
        if (!uit.termen.has(term)) uit.termen.set(term, INSTELLINGEN.scheidbaar);
        uit.vormen.add(rest);
      }
    }
    if (typend && (woord.length >= 3 || /\d/.test(woord))) {
      for (const w of beginnendMet(bestand, woord, INSTELLINGEN.voltooiingen)) {
        neem(w, INSTELLINGEN.voltooid);
      }
    }
    if (uit.termen.size || /\d/.test(woord)) return uit;
    for (let inkorten = 1; inkorten <= 3 && woord.length - inkorten >= 4; inkorten++) {
      const gevonden = beginnendMet(bestand, woord.slice(0, woord.length - inkorten), 6);
      for (const w of gevonden) neem(w, INSTELLINGEN.afgeleid);
      if (gevonden.length) return uit;
    }
    const splitsing = await splits(woord, bestand);
    const correcties = typfouten(woord, bestand);
    if (correcties.length && !(splitsing && splitsing.compleet)) {
      for (const w of correcties) neem(w, INSTELLINGEN.typfout);
      uit.correctie = correcties[0];
    } else if (splitsing) {
      uit.delen = splitsing.delen.map(function (deel) { return deel.termen; });
      for (const deel of splitsing.delen) deel.vormen.forEach(function (v) { uit.vormen.add(v); });
    }
    return uit;
  }

  // A compound that is not in the vocabulary, split into known words: the longest known
  // beginning first; the rest is a known word, an inflected one, or split again (at most three
  // parts). An unknown rest still leaves the known part(s): "klachtenafhandeling" finds
  // "klachten".
  async function splits(woord, bestand, diepte) {
    diepte = diepte || 0;
    let beste = null, pogingen = 0;
    for (let i = woord.length - 4; i >= 3 && pogingen < 3; i--) {
      const begin = woord.slice(0, i);
      if (!(begin in bestand)) continue;
      pogingen++; // each try may fetch another vocabulary file
      const eerste = onderdeel(begin, bestand);
      const rest = woord.slice(i);
      const restBestand = await woordbestand(rest);
      let verder = null;
      if (rest in restBestand) {
        verder = [onderdeel(rest, restBestand)];
      } else {
        const vormen = beginnendMet(restBestand, rest.slice(0, Math.max(4, rest.length - 3)), 4);
        if (vormen.length && rest.length >= 4) {
          verder = [samen(vormen.map(function (v) { return onderdeel(v, restBestand); }))];
        } else if (diepte < 1) {
          const dieper = await splits(rest, restBestand, diepte + 1);
          if (dieper && dieper.compleet) verder = dieper.delen;
        }
      }
      if (verder) return { delen: [eerste].concat(verder), compleet: true };
      if (!beste) beste = { delen: [eerste, { termen: new Map(), vormen: new Set() }], compleet: false };
    }
    return beste;
  }
  function onderdeel(w, bestand) {
    const term = uitleg(w, bestand[w]).term;
    return { termen: new Map([[term, 1]]), vormen: new Set([w, term]) };
  }
  function samen(delen) {
    const uit = { termen: new Map(), vormen: new Set() };
    for (const deel of delen) {
      deel.termen.forEach(function (f, t) { uit.termen.set(t, f); });
      deel.vormen.forEach(function (v) { uit.vormen.add(v); });
    }
    return uit;
  }

  // Known words within edit distance 1 (2 from eight letters), closest first.
  function typfouten(woord, bestand) {
    const grens = woord.length >= 8 ? 2 : 1;
    if (woord.length < 4) return [];
    let beste = grens + 1, gevonden = [];
    for (const w of Object.keys(bestand)) {
      const d = afstand(woord, w, grens);
      if (d < beste) { beste = d; gevonden = [w]; } else if (d === beste) gevonden.push(w);
    }
    return beste <= grens ? gevonden.sort().slice(0, 3) : [];
  }

  async function postings(term) {
    const emmer = await haal("t/" + emmerVan(term, meta.emmers).toString(16) + ".json");
    return (emmer && emmer[term]) || [];
  }
  function emmerVan(term, aantal) {
    let waarde = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(term)) {
      waarde = Math.imul(waarde ^ byte, 0x01000193) >>> 0;
    }
    return waarde % aantal;
  }

  // How rare a term (or a query word's pages) is: a word on few pages says more.
  function idf(aantal) {
    const paginas = meta.reeksen.length ? meta.reeksen[meta.reeksen.length - 1][1] : 1;
    return Math.log(1 + paginas / Math.max(1, aantal));
  }

  // Page number → best score of a set of terms (term → factor).
  async function scores(termen) {
    const uit = new Map();
    const gekozen = [...termen.entries()].slice(0, MAX_TERMEN);
    const lijsten = await Promise.all(gekozen.map(function ([term]) { return postings(term); }));
    gekozen.forEach(function ([, factor], i) {
      const gewicht = INSTELLINGEN.idf === "term" ? idf(lijsten[i].length) : 1;
      let pagina = 0;
      for (const waarde of lijsten[i]) {
        pagina += waarde >> 3;
        const score = INSTELLINGEN.klassen[waarde & 7] * factor * gewicht;
        if (score > (uit.get(pagina) || 0)) uit.set(pagina, score);
      }
    });
    return uit;
  }

  // The query as units: words, with a code typed in pieces ("P4 K1 W2") and a compound typed
  // in two words ("onderwijs assistent") joined where the index knows the joined word.
  async function eenheden(tekst) {
    const tokens = normaal(tekst).match(TOKEN) || [];
    let woorden = tokens.map(function (t) { return t.replace(/-/g, ""); });
    if (woorden.some(function (w) { return !meta.stopSet.has(w); })) {
      woorden = woorden.filter(function (w) { return !meta.stopSet.has(w); });
    }
    woorden = woorden.filter(function (w, i) { return woorden.indexOf(w) === i; }).slice(0, 8);
    const typend = !/\s$/.test(tekst);
    const uit = [];
    for (let i = 0; i < woorden.length; i++) {
      let woord = woorden[i], tot = i;
      if (CODEDEEL.test(woord)) {
        let samengevoegd = woord;
        for (let j = i + 1; j < woorden.length && CODEDEEL.test(woorden[j]); j++) {
          const kandidaat = samengevoegd + woorden[j];
          const bestand = await woordbestand(kandidaat);
          const laatste = j === woorden.length - 1 && typend;
          if (kandidaat in bestand || (laatste && beginnendMet(bestand, kandidaat, 1).length)) {
            samengevoegd = kandidaat;
            tot = j;
          } else break;
        }
        woord = samengevoegd;
      }
      const laatste = tot === woorden.length - 1;
      const eenheid = { woord: woord, van: i, tot: tot };
      eenheid.betekenis = await betekenis(woord, laatste && typend);
      if (tot === i && i + 1 < woorden.length && !CODEDEEL.test(woord)) {
        const volgende = woorden[i + 1];
        let geheel = null, bestand = null;
        for (const koppel of ["", "s", "en"]) {
          // The joined word lives in the file of its own beginning ("e" + "commerce").
          bestand = await woordbestand(woord + koppel + volgende);
          if (woord + koppel + volgende in bestand) { geheel = woord + koppel + volgende; break; }
        }
        if (geheel) {
          const tweede = await betekenis(volgende, i + 1 === woorden.length - 1 && typend);
          const b = eenheid.betekenis;
          b.delen = [b.termen, tweede.termen];
          b.termen = new Map([[uitleg(geheel, bestand[geheel]).term, INSTELLINGEN.exact]]);
          b.vormen.add(geheel);
          tweede.vormen.forEach(function (v) { b.vormen.add(v); });
          eenheid.tot = i + 1;
        }
      }
      i = eenheid.tot;
      uit.push(eenheid);
    }
    return uit;
  }

  async function zoek(tekst) {
    await laadMeta();
    const delen = await eenheden(tekst);
    if (!delen.length) return { treffers: [], vormen: [], deelvormen: [], correctie: null };
    const perEenheid = await Promise.all(delen.map(async function (eenheid) {
      const b = eenheid.betekenis;
      const totaal = await scores(b.termen);
      if (!b.delen) return totaal;
      // Parts found apart: their mean, below the compound itself.
      const delen = new Map();
      for (const lijst of await Promise.all(b.delen.map(scores))) {
        lijst.forEach(function (score, pagina) {
          delen.set(pagina, (delen.get(pagina) || 0) +
            score * INSTELLINGEN.samengesteld / b.delen.length);
        });
      }
      delen.forEach(function (score, pagina) {
        if (score > (totaal.get(pagina) || 0)) totaal.set(pagina, score);
      });
      return totaal;
    }));
    const opgeteld = new Map();
    perEenheid.forEach(function (lijst) {
      const gewicht = INSTELLINGEN.idf === "eenheid" ? idf(lijst.size) : 1;
      lijst.forEach(function (score, pagina) {
        const vorig = opgeteld.get(pagina) || [0, 0];
        opgeteld.set(pagina, [vorig[0] + 1, vorig[1] + score * gewicht]);
      });
    });
    const treffers = [];
    opgeteld.forEach(function ([dekking, score], pagina) {
      const plaats = plaatsVan(pagina);
      const factor = INSTELLINGEN.soorten[plaats.soort];
      treffers.push({ pagina: pagina, dekking: dekking, groep: plaats.groep, soort: plaats.soort,
                      score: score * (factor === undefined ? 1 : factor) });
    });
    treffers.sort(function (a, b) {
      return b.dekking - a.dekking || b.score - a.score || a.pagina - b.pagina;
    });
    const vormen = new Set(), deelvormen = new Set();
    let correctie = null;
    for (const eenheid of delen) {
      eenheid.betekenis.vormen.forEach(function (v) { vormen.add(v); });
      eenheid.betekenis.deelvormen.forEach(function (v) { deelvormen.add(v); });
      if (eenheid.betekenis.correctie) {
        correctie = correctie || normaal(tekst);
        correctie = correctie.replace(eenheid.woord, eenheid.betekenis.correctie);
      }
    }
    return { treffers: treffers, vormen: [...vormen].filter(Boolean),
             deelvormen: [...deelvormen].filter(Boolean), correctie: correctie };
  }

  // Rendering ----------------------------------------------------------------------------

  function geselecteerd(treffers) {
    const verborgen = new Set(meta.groepen.map(function (g, i) { return g[2] ? -1 : i; }));
    return treffers.filter(function (t) {
      return (filter.ouder || !verborgen.has(t.groep)) &&
        (!filter.soort || t.soort === filter.soort) &&
        (filter.groep === "" || String(t.groep) === filter.groep);
    });
  }

  function isTreffer(woord, vormen) {
    const w = normaal(woord).replace(/-/g, "");
    return vormen.some(function (v) { return v.length >= 4 ? w.includes(v) : w === v; });
  }

  // Text with the matched words in <mark>: built from text nodes, never from markup.
  function gemarkeerd(tekst, vormen) {
    const stuk = document.createDocumentFragment();
    const woord = /[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu;
    let positie = 0, treffer;
    while ((treffer = woord.exec(tekst)) !== null) {
      if (!isTreffer(treffer[0], vormen)) continue;
      stuk.append(tekst.slice(positie, treffer.index));
      const mark = document.createElement("mark");
      mark.textContent = treffer[0];
      stuk.append(mark);
      positie = treffer.index + treffer[0].length;
    }
    stuk.append(tekst.slice(positie));
    return stuk;
  }

  // The fragment with the most matched words (the words themselves before compound parts),
  // cut to about 160 characters around the first.
  function fragment(fragmenten, vormen, deelvormen) {
    let beste = null, besteAantal = 0;
    for (const f of fragmenten) {
      const woorden = f.match(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu) || [];
      const aantal = woorden.reduce(function (som, w) {
        return som + (isTreffer(w, vormen) ? 1000 : isTreffer(w, deelvormen) ? 1 : 0);
      }, 0);
      if (aantal > besteAantal) { beste = f; besteAantal = aantal; }
    }
    vormen = vormen.concat(deelvormen);
    // Without a match, the page's first sentence rather than its first heading.
    const tekst = beste || fragmenten.find(function (f) { return f.length >= 60; }) ||
      fragmenten[0] || "";
    if (tekst.length <= 160) return tekst;
    let begin = 0;
    if (beste) {
      const eerste = (tekst.match(/[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*/gu) || [])
        .find(function (w) { return isTreffer(w, vormen); });
      begin = Math.max(0, tekst.indexOf(eerste) - 50);
      begin = begin ? tekst.indexOf(" ", begin) + 1 : 0;
    }
    const einde = Math.min(tekst.length, begin + 160);
    const knip = einde < tekst.length ? tekst.lastIndexOf(" ", einde) : einde;
    return (begin ? "…" : "") + tekst.slice(begin, knip > begin ? knip : einde) +
      (einde < tekst.length ? "…" : "");
  }

  function verborgen(naam, id, klasse) {
    const e = document.createElement(naam);
    e.id = id;
    e.className = klasse;
    e.hidden = true;
    return e;
  }

  function element(naam, klasse, inhoud) {
    const e = document.createElement(naam);
    e.className = klasse;
    if (typeof inhoud === "string") e.textContent = inhoud; else e.append(inhoud);
    return e;
  }

  async function resultaat(treffer, vormen, deelvormen) {
    const gegevens = await haal("p/" + treffer.pagina + ".json");
    if (!gegevens) return null;
    const [url, titel, soort, dossier, plek, niveau, fragmenten] = gegevens;
    const link = document.createElement("a");
    link.className = "kd-resultaat";
    link.href = new URL(url, wortel).href;
    link.append(element("span", "kd-resultaat__soort", LABELS[soort] || LABELS.pagina));
    const alle = vormen.concat(deelvormen);
    link.append(element("span", "kd-resultaat__titel", gemarkeerd(titel, alle)));
    const context = [dossier, plek && plek !== titel ? plek : "", niveau].filter(Boolean);
    if (context.length) link.append(element("span", "kd-resultaat__context", context.join(" · ")));
    const tekst = fragment(fragmenten, vormen, deelvormen);
    if (tekst) link.append(element("span", "kd-resultaat__fragment", gemarkeerd(tekst, alle)));
    const item = document.createElement("li");
    item.append(link);
    return item;
  }

  async function toonMeer(nummer) {
    const zoekopdracht = huidig;
    const volgende = zoekopdracht.zichtbaar.slice(zoekopdracht.getoond,
                                                  zoekopdracht.getoond + PER_KEER);
    zoekopdracht.getoond += volgende.length;
    const items = await Promise.all(volgende.map(function (t) {
      return resultaat(t, zoekopdracht.vormen, zoekopdracht.deelvormen);
    }));
    if (nummer !== volgnummer) return;
    for (const item of items) if (item) lijst.append(item);
    meer.hidden = zoekopdracht.getoond >= zoekopdracht.zichtbaar.length;
  }

  function optie(waarde, tekst, gekozen) {
    const o = document.createElement("option");
    o.value = waarde;
    o.textContent = tekst;
    o.selected = waarde === gekozen;
    return o;
  }

  // Filters by type and by dossier, offered where the results span more than one.
  function toonFilters(treffers) {
    const perSoort = new Map(), perGroep = new Map();
    let ouder = 0;
    for (const t of treffers) {
      if (!meta.groepen[t.groep][2]) ouder++;
      perSoort.set(t.soort, (perSoort.get(t.soort) || 0) + 1);
      perGroep.set(t.groep, (perGroep.get(t.groep) || 0) + 1);
    }
    filters.replaceChildren();
    if (perSoort.size > 1 || filter.soort) {
      const kies = document.createElement("select");
      kies.id = "kd-filter-soort";
      kies.append(optie("", "Alle soorten (" + treffers.length + ")", filter.soort));
      for (const soort of meta.soorten) {
        if (perSoort.has(soort)) {
          kies.append(optie(soort, LABELS[soort] + " (" + perSoort.get(soort) + ")", filter.soort));
        }
      }
      filters.append(label("kd-filter-soort", "Soort"), kies);
      kies.addEventListener("change", function () { filter.soort = kies.value; herhaal(); });
    }
    if (perGroep.size > 1 || filter.groep !== "") {
      const kies = document.createElement("select");
      kies.id = "kd-filter-groep";
      kies.append(optie("", "Alle dossiers", filter.groep));
      const groepen = [...perGroep.keys()].sort(function (a, b) {
        return perGroep.get(b) - perGroep.get(a) || a - b;
      });
      for (const g of groepen) {
        const naam = meta.groepen[g][1] || "Buiten de dossiers";
        kies.append(optie(String(g), naam + " (" + perGroep.get(g) + ")", filter.groep));
      }
      filters.append(label("kd-filter-groep", "Dossier"), kies);
      kies.addEventListener("change", function () { filter.groep = kies.value; herhaal(); });
    }
    if (ouder) {
      const vak = document.createElement("input");
      vak.type = "checkbox";
      vak.id = "kd-filter-ouder";
      vak.checked = filter.ouder;
      vak.addEventListener("change", function () { filter.ouder = vak.checked; herhaal(); });
      const tekst = label("kd-filter-ouder", "Ook oudere versies (" + ouder + ")");
      tekst.prepend(vak);
      filters.append(tekst);
    }
    filters.hidden = !filters.childElementCount;
  }
  function label(voor, tekst) {
    const l = document.createElement("label");
    l.htmlFor = voor;
    l.textContent = tekst;
    return l;
  }

  function toonSuggestie(correctie) {
    suggestie.replaceChildren();
    suggestie.hidden = !correctie;
    if (!correctie) return;
    const knop = document.createElement("button");
    knop.type = "button";
    knop.className = "kd-zoeken__suggestieknop";
    knop.textContent = correctie;
    knop.addEventListener("click", function () {
      veld.value = correctie;
      veld.dispatchEvent(new Event("input", { bubbles: true }));
      veld.focus();
    });
    suggestie.append("Bedoelde je ", knop, "?");
  }

  async function toon(nummer) {
    const zoekopdracht = huidig;
    zoekopdracht.zichtbaar = geselecteerd(zoekopdracht.treffers);
    zoekopdracht.getoond = 0;
    lijst.replaceChildren();
    toonFilters(zoekopdracht.treffers);
    toonSuggestie(zoekopdracht.correctie);
    const tekst = zoekopdracht.tekst.trim();
    const aantal = zoekopdracht.zichtbaar.length;
    await toonMeer(nummer);
    // Announced once the results are in the list, so that what is read matches what is there.
    if (nummer !== volgnummer) return;
    status.textContent = !tekst ? "" : aantal === 0
      ? "Geen resultaten voor “" + tekst + "”."
      : aantal + (aantal === 1 ? " resultaat" : " resultaten") + " voor “" + tekst + "”.";
  }

  async function herhaal() {
    await toon(++volgnummer);
  }

  async function zoekEnToon() {
    const nummer = ++volgnummer;
    const tekst = veld.value;
    let gevonden;
    try {
      gevonden = tekst.trim() ? await zoek(tekst)
        : { treffers: [], vormen: [], deelvormen: [], correctie: null };
    } catch (fout) {
      if (nummer === volgnummer) status.textContent = "Zoeken lukt nu niet: " + fout.message;
      return;
    }
    if (nummer !== volgnummer) return;
    huidig = Object.assign({ tekst: tekst }, gevonden);
    await toon(nummer);
  }

  // Events -------------------------------------------------------------------------------

  let bezig = Promise.resolve();
  veld.addEventListener("input", function () { bezig = zoekEnToon(); });
  meer.addEventListener("click", function () { toonMeer(volgnummer); });
  // Enter follows the first result, also when it is pressed before the results are shown.
  dialoog.querySelector("[data-kd-zoekformulier]").addEventListener("submit", async function (e) {
    e.preventDefault();
    await bezig;
    const eerste = lijst.querySelector("a");
    if (eerste) eerste.click();
  });

  // Arrow keys move between the search field and the results; Escape closes the dialog.
  dialoog.addEventListener("keydown", function (gebeurtenis) {
    const links = [...lijst.querySelectorAll("a")];
    const positie = links.indexOf(document.activeElement);
    if (gebeurtenis.key === "ArrowDown" && links.length && positie < links.length - 1) {
      links[positie + 1].focus();
    } else if (gebeurtenis.key === "ArrowUp" && positie > 0) {
      links[positie - 1].focus();
    } else if (gebeurtenis.key === "ArrowUp" && positie === 0) {
      veld.focus();
    } else if (gebeurtenis.key === "Escape") {
      sluit();
    } else {
      return;
    }
    gebeurtenis.preventDefault();
  });

  // Closing gives the focus back to what had it before the dialog opened (or to the page), at
  // once: a focused element in a closed dialog is left to the browser's next rendering.
  let terug = null;
  function herstelFocus() {
    if (!dialoog.contains(document.activeElement)) return;
    if (terug && terug.isConnected && !dialoog.contains(terug)) terug.focus();
    else document.activeElement.blur();
  }
  function sluit() {
    dialoog.close();
    herstelFocus();
  }
  dialoog.addEventListener("close", herstelFocus); // also the browser's own Escape

  function open(zoekterm) {
    if (!dialoog.open) {
      terug = document.activeElement === document.body ? null : document.activeElement;
      dialoog.showModal();
    }
    laadMeta().catch(function () { return null; });
    if (zoekterm) {
      veld.value = zoekterm;
      bezig = zoekEnToon();
    }
    veld.focus();
    veld.select(); // typing replaces the last query
  }

  document.addEventListener("click", function (gebeurtenis) {
    const doel = gebeurtenis.target;
    if (!(doel instanceof Element)) return;
    if (doel.closest("[data-kd-zoek-open]")) {
      gebeurtenis.preventDefault();
      open("");
    } else if (doel.closest("[data-kd-zoek-sluit]")) {
      sluit();
    } else if (doel === dialoog) {
      sluit(); // a click on the backdrop
    } else if (dialoog.open && doel.closest("#kd-resultaten a")) {
      sluit(); // following a result
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
