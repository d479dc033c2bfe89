// The compare in the browser (/vergelijken/?a=<profiel>&b=<profiel>): reads the two profielen
// named in the address from the export (api/profielen/<ref>.json) and shows them as a
// generated compare page does (paginas/vergelijk.py): the same table markup and classes, the
// same rows (paired by key as veldrijen pairs them), the same word difference (woordverschil.js).
// Werkprocessen are paired by title, as a dossier's matrix pairs them, so this works across
// dossiers, versions and generations; what has no counterpart is listed per side.
// Text from the data only ever becomes text nodes: nothing from it is parsed as HTML.
(function () {
  "use strict";

  const doel = document.getElementById("kd-vergelijking");
  const W = window.kdWoordverschil;
  if (!doel || !W) return;
  const status = document.getElementById("kd-vergelijkstatus");
  // The picker, folded away once a comparison is shown (a phone sees the comparison first).
  const kiezen = document.getElementById("kd-kiezen");
  if (kiezen) kiezen.hidden = false;
  const wortel = new URL(doel.dataset.kdRoot, location.href);
  const api = new URL(doel.dataset.kdApi, location.href);
  const REF = /^[a-z0-9-]+(\/[a-z0-9-]+)+$/;

  // Building the page -------------------------------------------------------------------------

  function el(tag, attributen) {
    const element = document.createElement(tag);
    for (const [naam, waarde] of Object.entries(attributen || {})) {
      element.setAttribute(naam, waarde);
    }
    for (const kind of Array.prototype.slice.call(arguments, 2).flat()) {
      if (kind !== null && kind !== undefined && kind !== "") element.append(kind);
    }
    return element;
  }

  const tekst = W.eenRegel;  // data text on one line, as the generated pages show it

  // A link to a page of this site (the export's urls are relative to the site's root).
  function link(label, url) {
    const adres = new URL(url, wortel);
    if (adres.origin !== wortel.origin) return tekst(label);
    return el("a", { href: adres.href }, tekst(label));
  }

  function kop(niveau, label, id) {
    return el("h" + niveau, { id: id }, tekst(label),
              el("a", { class: "headerlink", href: "#" + id, title: "Link naar dit onderdeel" },
                 "#"));
  }

  function lijst(items) {
    return items.length ? el("ul", {}, items.map(function (item) { return el("li", {}, item); }))
      : null;
  }

  // opmaak.tabel: a table of three columns or more names each cell's column (data-kop), so a
  // phone shows a row as a block.
  function tabel(koppen, rijen) {
    const kaarten = koppen.length >= 3;
    return el("table", kaarten ? { "data-kd-kaarten": "" } : {},
      el("thead", {}, el("tr", {}, koppen.map(function (k) { return el("th", {}, k); }))),
      el("tbody", {}, rijen.map(function (rij) {
        return el("tr", {}, rij.map(function (cel, k) {
          return el("td", kaarten ? { "data-kop": koppen[k] } : {}, cel);
        }));
      })));
  }

  function slug(tekst) {
    return tekst.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  function css(tekst_) {
    return "'" + tekst(tekst_).replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
  }

  // The word difference as vergelijk.stukken_html writes it: removed words in <del>, added in
  // <ins>, a space before a piece outside its mark.
  function stukken(lijst_) {
    const uit = [];
    for (const stuk of lijst_) {
      const inhoud = tekst(stuk.tekst);
      if (!inhoud) continue;
      const spatie = tekst(stuk.tekst.slice(0, 1)) ? "" : " ";
      if (stuk.soort === "gelijk") {
        uit.push(spatie + inhoud);
      } else {
        uit.push(spatie, el(stuk.soort === "weg" ? "del" : "ins", {}, inhoud));
      }
    }
    return uit;
  }

  // One column of an item difference: the items of one side with their marks.
  function kolom(verschil, kant, lijstvorm) {
    const items = [];
    for (const v of verschil) {
      if ((kant === "a" ? v.a : v.b) === null) continue;
      const zichtbaar = v.stukken.filter(function (s) {
        return s.soort === "gelijk" || (s.soort === "weg") === (kant === "a");
      });
      items.push(el(lijstvorm ? "li" : "p", {}, stukken(zichtbaar)));
    }
    return lijstvorm ? [el("ul", {}, items)] : items;
  }

  function verschilrij(label, a, b, lijstvorm) {
    const verschil = W.itemverschil(a, b);
    const gelijk = verschil.every(function (v) {
      return v.a !== null && v.b !== null &&
        v.stukken.every(function (s) { return s.soort === "gelijk"; });
    });
    if (gelijk) {
      return el("tr", {},
        el("th", { scope: "row" }, tekst(label) + " ",
           el("span", { class: "kd-verschil__gelijk" }, "(gelijk in beide)")),
        el("td", { colspan: "2" }, kolom(verschil, "b", lijstvorm)));
    }
    return el("tr", {}, el("th", { scope: "row" }, tekst(label)),
              el("td", {}, kolom(verschil, "a", lijstvorm)),
              el("td", {}, kolom(verschil, "b", lijstvorm)));
  }

  // vergelijk.veldrijen: every field of a that b has too, an optional one only with text. The
  // fields of a werkproces are [key, items] pairs; what a key is, its file's veldsoorten say.
  function veldrijen(a, b, soortenA, soortenB) {
    const vanB = new Map(b);
    const rijen = [];
    for (const [sleutel, items] of a) {
      const ander = vanB.get(sleutel);
      const soort = soortenA[sleutel];
      if (!ander || (soort.optioneel && !items.length && !ander.length)) continue;
      const label = soortenB[sleutel].label;
      rijen.push(verschilrij(soort.label === label ? label : soort.label + " / " + label,
                             items, ander, soort.lijst));
    }
    return rijen;
  }

  function verschiltabel(naamA, naamB, rijen) {
    const tabel_ = el("table", { class: "kd-verschil" },
      el("caption", {}, tekst(naamA) + " naast " + tekst(naamB)),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Onderdeel"),
                         el("th", { scope: "col" }, tekst(naamA)),
                         el("th", { scope: "col" }, tekst(naamB)))),
      el("tbody", {}, rijen));
    // The column names for the stacked rows on a phone and for screen readers ("alleen in").
    tabel_.style.setProperty("--kd-a", css(naamA));
    tabel_.style.setProperty("--kd-b", css(naamB));
    tabel_.normalize();
    return el("div", { class: "kd-tabel kd-tabel--verschil" }, tabel_);
  }

  // The comparison -----------------------------------------------------------------------------

  function basis(dossierId) { return dossierId.split("/")[0]; }

  // How the page names a profiel: its code within one dossier version, with the version
  // between versions of one dossier, with the dossier's title between dossiers.
  function naam(p, ander) {
    if (p.dossier.id === ander.dossier.id) return p.profiel.code;
    if (basis(p.dossier.id) === basis(ander.dossier.id)) {
      return p.profiel.code + ", versie " + p.dossier.slug;
    }
    return p.dossier.titel + " " + p.profiel.code;
  }

  // The profiel as the page's heading names it: with its dossier or version when the other
  // comes from another.
  function opschrift(p, ander) {
    const eigen = p.profiel.code + " " + p.profiel.titel;
    if (p.dossier.id === ander.dossier.id) return eigen;
    if (basis(p.dossier.id) === basis(ander.dossier.id)) {
      return eigen + " (versie " + p.dossier.slug + ")";
    }
    return eigen + " (" + p.dossier.titel + ")";
  }

  function meervoud(p) { return p.profiel.soort === "uitstroom" ? "uitstromen" : "profielen"; }

  // What is compared, in words: the dossiers, versions or generations the two come from.
  function uitleg(A, B, nA, nB) {
    const paren = "Werkprocessen met dezelfde titel staan woord voor woord naast elkaar";
    let zin;
    if (A.dossier.id === B.dossier.id) {
      zin = "Beide komen uit " + A.dossier.naam + ". " + paren + "; wat maar één van beide " +
        "heeft, staat onder ‘Alleen in’.";
    } else if (basis(A.dossier.id) === basis(B.dossier.id)) {
      const versie = function (P) {
        return "versie " + P.dossier.slug + (P.dossier.versie ? " (" + P.dossier.versie + ")" : "");
      };
      zin = "Twee versies van " + A.dossier.titel + ": " + versie(A) + " en " + versie(B) + ". " +
        paren + ", ook die van het basisdeel; wat maar één versie heeft, staat onder ‘Alleen " +
        "in’. Hernoemde en verplaatste onderdelen staan daar dus twee keer: wat er tussen de " +
        "versies veranderd is, per onderdeel, staat bij de versies van het dossier.";
    } else {
      zin = "Uit twee dossiers: " + A.dossier.naam + " en " + B.dossier.naam + ". " + paren +
        ", ook die van de basisdelen; wat maar één van beide heeft, staat onder ‘Alleen in’.";
    }
    if (A.profiel.soort !== B.profiel.soort) {
      const [profiel, uitstroom] = A.profiel.soort === "profiel" ? [nA, nB] : [nB, nA];
      zin += " " + profiel + " is een profiel (dossier vanaf 2015), " + uitstroom + " een " +
        "uitstroom (competentiegericht dossier). Per werkproces wordt vergeleken wat beide " +
        "hebben: omschrijving, resultaat (gewenst resultaat) en competenties. Gedrag staat " +
        "alleen bij het profiel; componenten, prestatie-indicatoren en vakkennis per " +
        "competentie alleen bij de uitstroom (zie de werkprocespagina's).";
    }
    const versies = basis(A.dossier.id) === basis(B.dossier.id) && A.dossier.versies;
    return el("p", {}, tekst(zin), versies ? [" ", link("Naar de versies", versies), "."] : null);
  }

  // A link to exactly these versions: a current version by its pinned address, which keeps
  // showing that version when a newer one arrives.
  function vasteLink(A, B, refA, refB) {
    const vast = function (p, ref) {
      return p.dossier.huidig && p.dossier.slug
        ? p.dossier.id + "/" + p.dossier.slug + ref.slice(ref.lastIndexOf("/")) : ref;
    };
    const a = vast(A, refA);
    const b = vast(B, refB);
    if (a === refA && b === refB) return null;
    const adres = location.pathname + "?a=" + a + "&b=" + b;
    return el("p", {}, "Link die deze versies blijft tonen, ook als een dossier een nieuwe " +
              "versie krijgt: ", el("a", { href: adres }, "vaste link naar deze vergelijking"),
              ".");
  }

  function telling(P) {
    const uit = new Map();
    for (const w of P.werkprocessen) {
      for (const c of new Set(w.competenties)) uit.set(c, (uit.get(c) || 0) + 1);
    }
    return uit;
  }

  // vergelijk.tellingverschil: the competences named in a different number of werkprocessen.
  function competenties(A, B, nA, nB) {
    const ta = telling(A);
    const tb = telling(B);
    const info = Object.assign({}, B.competenties, A.competenties);
    const rijen = [];
    for (const c of [...new Set([...ta.keys(), ...tb.keys()])].sort()) {
      const x = ta.get(c) || 0;
      const y = tb.get(c) || 0;
      if (x === y) continue;
      rijen.push([link(c + " " + info[c].naam, info[c].url), String(x), String(y),
                  (y - x > 0 ? "+" : "") + (y - x)]);
    }
    const delen = [kop(2, "Competenties", "competenties")];
    if (!rijen.length) {
      const wie = meervoud(A) === meervoud(B) ? "Beide " + meervoud(A) : "Beide";
      return delen.concat(el("p", {}, wie + " noemen elke competentie even vaak."));
    }
    return delen.concat(
      el("p", {}, "Competenties die in een verschillend aantal werkprocessen genoemd worden:"),
      tabel(["Competentie", tekst(nA), tekst(nB), "Verschil"], rijen));
  }

  function vakkennisItems(P) {
    const uit = new Map();
    for (const [categorie, item] of P.vakkennis) {
      const sleutel = W.normaliseerTitel(item);
      if (!uit.has(sleutel)) uit.set(sleutel, [categorie, item]);
    }
    return uit;
  }

  // vergelijk.vakkennisverschil: the vakkennis items one side has and the other not.
  function vakkennis(A, B, nA, nB, refA, refB) {
    const ia = vakkennisItems(A);
    const ib = vakkennisItems(B);
    const delen = [kop(2, "Vakkennis en vaardigheden", "vakkennis")];
    for (const [n, ref, eigen, ander] of [[nA, refA, ia, ib], [nB, refB, ib, ia]]) {
      delen.push(kop(3, "Alleen in " + n, "vakkennis-" + slug(ref)));
      const verschil = [...eigen].filter(function (paar) { return !ander.has(paar[0]); });
      delen.push(verschil.length ? lijst(verschil.map(function (paar) {
        return (paar[1][0] ? tekst(paar[1][0]) + ": " : "") + tekst(paar[1][1]);
      })) : el("p", {}, "Geen."));
    }
    return delen;
  }

  // Kerntaken and werkprocessen one side has and the other not, in the side's order.
  function alleenLijst(P, werkprocessen, kerntaken) {
    const items = [];
    for (const k of P.kerntaken) {
      if (kerntaken.has(k)) items.push(["Kerntaak ", link(k.code, k.url), " " + tekst(k.titel)]);
      for (const w of werkprocessen) {
        if (w.kerntaak === k.code) {
          items.push(["Werkproces ", link(w.code, w.url), " " + tekst(w.titel)]);
        }
      }
    }
    return items;
  }

  function vergelijking(A, B, refA, refB) {
    const nA = naam(A, B);
    const nB = naam(B, A);
    const zelfde = A.dossier.id === B.dossier.id;
    const perTitel = new Map();
    for (const w of B.werkprocessen) {
      const sleutel = W.normaliseerTitel(w.titel);
      if (!perTitel.has(sleutel)) perTitel.set(sleutel, []);
      perTitel.get(sleutel).push(w);
    }
    const paren = [];
    const gelijk = [];
    const gekoppeld = new Set();
    const alleenA = [];
    for (const wa of A.werkprocessen) {
      const partners = perTitel.get(W.normaliseerTitel(wa.titel)) || [];
      if (!partners.length) alleenA.push(wa);
      for (const wb of partners) {
        gekoppeld.add(wb);
        // One werkproces of one dossier version (the basisdeel's) with the same text for both.
        if (zelfde && wa.code === wb.code &&
            JSON.stringify(wa.velden) === JSON.stringify(wb.velden)) {
          gelijk.push(wa);
        } else {
          paren.push([wa, wb]);
        }
      }
    }
    const alleenB = B.werkprocessen.filter(function (w) { return !gekoppeld.has(w); });
    const kerntaakTitels = function (P) {
      return new Set(P.kerntaken.map(function (k) { return W.normaliseerTitel(k.titel); }));
    };
    const titelsA = kerntaakTitels(A);
    const titelsB = kerntaakTitels(B);
    const eigenKerntaken = function (P, anders) {
      return new Set(P.kerntaken.filter(function (k) {
        return !anders.has(W.normaliseerTitel(k.titel));
      }));
    };

    const delen = [
      uitleg(A, B, nA, nB),
      vasteLink(A, B, refA, refB),
      el("p", {}, "Tekst die alleen in " + tekst(nA) + " staat is ",
         el("del", {}, "doorgestreept"), ", tekst die alleen in " + tekst(nB) + " staat ",
         el("ins", {}, "onderstreept"), "."),
      tabel(["Werkprocessen", "Aantal"], [
        ...(gelijk.length ? [[zelfde && A.profiel.soort === "profiel"
          ? "Werkprocessen van het basisdeel (voor beide gelijk)"
          : "Werkprocessen die voor beide gelijk zijn", String(gelijk.length)]] : []),
        ["Gedeelde werkprocessen (met dezelfde titel)", String(paren.length)],
        ["Werkprocessen alleen in " + tekst(nA), String(alleenA.length)],
        ["Werkprocessen alleen in " + tekst(nB), String(alleenB.length)],
      ]),
      kop(2, "Gedeelde werkprocessen", "gedeeld"),
    ];
    if (!paren.length) {
      delen.push(el("p", {}, "Deze " + (meervoud(A) === meervoud(B) ? meervoud(A) : "twee") +
                    " hebben " + (gelijk.length ? "verder " : "") +
                    "geen werkproces met dezelfde titel."));
    }
    for (const [wa, wb] of paren) {
      const kolomA = wa.code + " (" + nA + ")";
      const kolomB = wb.code + " (" + nB + ")";
      delen.push(
        kop(3, wa.titel + " (" + wa.code + " en " + wb.code + ")",
            slug(wa.code) + "-" + slug(wb.code)),
        el("p", {}, "Naar de werkprocessen: ", link(kolomA, wa.url), " en ",
           link(kolomB, wb.url), "."),
        verschiltabel(kolomA, kolomB,
                      veldrijen(wa.velden, wb.velden, A.veldsoorten, B.veldsoorten)));
    }
    if (gelijk.length) {
      delen.push(kop(2, "Voor beide gelijk", "gelijk"), lijst(gelijk.map(function (w) {
        return [link(w.code, w.url), " " + tekst(w.titel)];
      })));
    }
    for (const [P, ander, n, ref, werkprocessen, kerntaken] of [
      [A, B, nA, refA, alleenA, eigenKerntaken(A, titelsB)],
      [B, A, nB, refB, alleenB, eigenKerntaken(B, titelsA)],
    ]) {
      delen.push(kop(2, "Alleen in " + opschrift(P, ander), "alleen-" + slug(ref)));
      const items = alleenLijst(P, werkprocessen, kerntaken);
      delen.push(items.length ? lijst(items) : el("p", {},
        "Alle kerntaken en werkprocessen van " + tekst(n) + " hebben een tegenhanger met " +
        "dezelfde titel."));
    }
    delen.push(...competenties(A, B, nA, nB), ...vakkennis(A, B, nA, nB, refA, refB));

    const verder = [];
    if (zelfde && A.paren[B.profiel.code]) {
      verder.push([link("Deze vergelijking als vaste pagina", A.paren[B.profiel.code])]);
    }
    for (const P of zelfde ? [A] : [A, B]) {
      if (P.dossier.vergelijken) {
        verder.push([link("De " + meervoud(P) + " van " + P.dossier.naam + " onderling",
                          P.dossier.vergelijken)]);
      }
    }
    if (verder.length) delen.push(kop(2, "Verder vergelijken", "verder"), lijst(verder));
    return { titel: opschrift(A, B) + " en " + opschrift(B, A), delen: delen };
  }

  // Loading ------------------------------------------------------------------------------------

  function haal(url) {
    return fetch(url).then(function (antwoord) {
      if (antwoord.status === 404) return null;
      if (!antwoord.ok) throw new Error("status " + antwoord.status);
      return antwoord.json();
    });
  }

  // A profiel by its ref; a current version's pinned ref (commercie/2023-08-01/p4) is looked up
  // in the index, since its data lives under the current ref (commercie/p4).
  let index = null;
  async function profiel(ref) {
    const gevonden = await haal(new URL("profielen/" + ref + ".json", api));
    if (gevonden) return gevonden;
    index = index || await haal(new URL("profielen.json", api));
    for (const dossier of (index && index.dossiers) || []) {
      for (const versie of dossier.versies) {
        if (!versie.huidig || !ref.startsWith(versie.id + "/" + versie.slug + "/")) continue;
        const huidig = versie.id + ref.slice(ref.lastIndexOf("/"));
        return haal(new URL("profielen/" + huidig + ".json", api));
      }
    }
    return null;
  }

  function fout(zin) {
    status.textContent = "";
    if (kiezen) kiezen.open = true;
    doel.replaceChildren(el("p", { class: "kd-kiezer__melding", role: "alert" }, zin));
  }

  async function toon() {
    const adres = new URLSearchParams(location.search);
    const refA = adres.get("a");
    const refB = adres.get("b");
    if (!refA && !refB) return;
    for (const ref of [refA, refB]) {
      if (!ref || !REF.test(ref)) {
        fout("Het adres noemt " + (ref ? "geen profiel dat hier bestaat: ‘" + ref + "’"
          : "maar één profiel") + ". Kies hierboven twee profielen.");
        return;
      }
    }
    status.textContent = "De profielen worden geladen…";
    let A;
    let B;
    try {
      [A, B] = await Promise.all([profiel(refA), profiel(refB)]);
    } catch {
      fout("De gegevens konden niet worden geladen. Controleer de verbinding en laad de pagina " +
           "opnieuw.");
      return;
    }
    const ontbreekt = [[refA, A], [refB, B]].filter(function (paar) { return !paar[1]; });
    if (ontbreekt.length) {
      fout("Op deze site staat geen profiel ‘" + ontbreekt.map(function (p) { return p[0]; })
        .join("’ of ‘") + "’. Misschien is het adres niet helemaal overgenomen, of bestaat de " +
        "versie niet meer. Kies hierboven twee profielen.");
      return;
    }
    if (A.dossier.id === B.dossier.id && A.profiel.code === B.profiel.code) {
      fout("Kies twee verschillende profielen.");
      return;
    }
    const uitkomst = vergelijking(A, B, refA, refB);
    const h1 = document.querySelector("article h1");
    if (h1 && h1.firstChild) h1.firstChild.nodeValue = tekst(uitkomst.titel);
    const site = document.title.lastIndexOf(" - ");
    document.title = tekst(uitkomst.titel) + " vergelijken" +
      (site < 0 ? "" : document.title.slice(site));
    doel.replaceChildren(...uitkomst.delen.filter(Boolean));
    status.textContent = "";
    if (kiezen) kiezen.open = false;
    if (location.hash) {
      const anker = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (anker) anker.scrollIntoView();
    }
  }

  toon();
})();
