// The word difference of woordverschil.py, for the compare page that runs in the browser
// (/vergelijken/): the same words, the same matching and the same pairing of list items, so a
// pair of texts gets exactly the marks a generated compare page gives it.
//
// - Words: Python's \w+ or one other character that is not whitespace; \w is a Unicode letter,
//   digit or "_" (categories L and N), whitespace is what Python's str.isspace() calls so.
// - Matching: difflib's SequenceMatcher (no junk, autojunk off) while its work stays below
//   KOSTENGRENS; above it the bounded way (equal ends, words once in each text as anchors).
// - Lists: equal items first, then the most similar pairs above GELIJKENIS_DREMPEL.
//
// tests/test_woordverschil_js.py runs this and woordverschil.py on the real dossier texts, on
// repetitive and on hostile text, and asserts the same output.
(function () {
  "use strict";

  const WOORDTEKEN = "\\p{L}\\p{N}_";
  const SPATIE = "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029" +
    "\\u202f\\u205f\\u3000";
  const TOKEN = new RegExp("[" + WOORDTEKEN + "]+|[^" + WOORDTEKEN + SPATIE + "]", "gu");
  const WOORD = new RegExp("[" + WOORDTEKEN + "]+", "gu");
  const WITRUIMTE = new RegExp("[" + SPATIE + "]+", "u");
  const BEGINRUIMTE = new RegExp("^[" + SPATIE + "]+", "u");

  const KOSTENGRENS = 10000;
  const WERK_PER_WOORD = 20;
  const GELIJKENIS_DREMPEL = 0.5;

  // [word, the whitespace before it ("" or " ")] pairs.
  function tokens(tekst) {
    const uit = [];
    let vorige = 0;
    for (const gevonden of tekst.matchAll(TOKEN)) {
      uit.push([gevonden[0], gevonden.index > vorige ? " " : ""]);
      vorige = gevonden.index + gevonden[0].length;
    }
    return uit;
  }

  function woorden(tekst) {
    return tokens(tekst).map(function (t) { return t[0]; });
  }

  // index.normaliseer_titel: case, punctuation and spacing ignored.
  function normaliseerTitel(titel) {
    return (titel.toLowerCase().match(WOORD) || []).join(" ");
  }

  // Data text on one line, as opmaak.esc shows it (runs of whitespace are one space).
  function eenRegel(tekst) {
    return tekst.split(WITRUIMTE).filter(Boolean).join(" ");
  }

  function telling(lijst) {
    const uit = new Map();
    for (const woord of lijst) uit.set(woord, (uit.get(woord) || 0) + 1);
    return uit;
  }

  function kosten(a, b) {
    const inB = telling(b);
    let som = 0;
    for (const woord of a) som += inB.get(woord) || 0;
    return som;
  }

  // Tuples in Python's order: element by element.
  function tupelvolgorde(x, y) {
    for (let k = 0; k < x.length; k++) {
      if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
    }
    return 0;
  }

  // Runs that touch merged into one (woordverschil._aaneen, and the last step of
  // SequenceMatcher.get_matching_blocks: the same for runs that are never empty).
  function aaneen(blokken) {
    const uit = [];
    for (const [i, j, n] of blokken) {
      const laatste = uit[uit.length - 1];
      if (laatste && laatste[0] + laatste[2] === i && laatste[1] + laatste[2] === j) {
        laatste[2] += n;
      } else {
        uit.push([i, j, n]);
      }
    }
    return uit;
  }

  // difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() without its
  // closing empty block. Without junk and popular words, find_longest_match never extends a
  // match over junk, so those steps of difflib have no counterpart here.
  function matchingBlocks(a, b) {
    const b2j = new Map();
    b.forEach(function (woord, j) {
      if (!b2j.has(woord)) b2j.set(woord, []);
      b2j.get(woord).push(j);
    });
    const niets = [];

    function langste(alo, ahi, blo, bhi) {
      let besti = alo;
      let bestj = blo;
      let bestsize = 0;
      let j2len = new Map();
      for (let i = alo; i < ahi; i++) {
        const nieuw = new Map();
        for (const j of b2j.get(a[i]) || niets) {
          if (j < blo) continue;
          if (j >= bhi) break;
          const k = (j2len.get(j - 1) || 0) + 1;
          nieuw.set(j, k);
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
        j2len = nieuw;
      }
      return [besti, bestj, bestsize];
    }

    const wachtrij = [[0, a.length, 0, b.length]];
    const blokken = [];
    while (wachtrij.length) {
      const [alo, ahi, blo, bhi] = wachtrij.pop();
      const blok = langste(alo, ahi, blo, bhi);
      const [i, j, k] = blok;
      if (k) {
        blokken.push(blok);
        if (alo < i && blo < j) wachtrij.push([alo, i, blo, j]);
        if (i + k < ahi && j + k < bhi) wachtrij.push([i + k, ahi, j + k, bhi]);
      }
    }
    return aaneen(blokken.sort(tupelvolgorde));
  }

  // The runs of equal words of two word lists, in order.
  function overeenkomsten(a, b) {
    return kosten(a, b) <= KOSTENGRENS ? matchingBlocks(a, b) : begrensd(a, b);
  }

  // Matching runs of two long, repetitive word lists at a bounded amount of work.
  function begrensd(a, b) {
    const blokken = [];
    const stukken = [[0, a.length, 0, b.length]];
    let werk = WERK_PER_WOORD * (a.length + b.length);
    while (stukken.length && werk > 0) {
      let [alo, ahi, blo, bhi] = stukken.pop();
      werk -= (ahi - alo) + (bhi - blo);
      let begin = 0;
      while (alo + begin < ahi && blo + begin < bhi && a[alo + begin] === b[blo + begin]) begin++;
      let eind = 0;
      while (ahi - eind > alo + begin && bhi - eind > blo + begin &&
             a[ahi - 1 - eind] === b[bhi - 1 - eind]) eind++;
      for (const blok of [[alo, blo, begin], [ahi - eind, bhi - eind, eind]]) {
        if (blok[2]) blokken.push(blok);
      }
      alo += begin;
      blo += begin;
      ahi -= eind;
      bhi -= eind;
      const deelA = a.slice(alo, ahi);
      const deelB = b.slice(blo, bhi);
      if (!deelA.length || !deelB.length) continue;
      if (kosten(deelA, deelB) <= KOSTENGRENS) {
        for (const [i, j, n] of overeenkomsten(deelA, deelB)) blokken.push([alo + i, blo + j, n]);
        continue;
      }
      // Words once in each stretch anchor it; what lies between anchors is matched in turn.
      let vorige = [alo, blo];
      for (const [i, j] of ankers(deelA, deelB)) {
        blokken.push([alo + i, blo + j, 1]);
        stukken.push([vorige[0], alo + i, vorige[1], blo + j]);
        vorige = [alo + i + 1, blo + j + 1];
      }
      if (vorige[0] !== alo || vorige[1] !== blo) stukken.push([vorige[0], ahi, vorige[1], bhi]);
    }
    return aaneen(blokken.sort(tupelvolgorde));
  }

  // The longest series of words once in a and once in b, in the same order in both.
  function ankers(a, b) {
    const inA = telling(a);
    const inB = telling(b);
    const plekB = new Map();
    b.forEach(function (woord, j) { if (inB.get(woord) === 1) plekB.set(woord, j); });
    const paren = [];
    a.forEach(function (woord, i) {
      if (inA.get(woord) === 1 && plekB.has(woord)) paren.push([i, plekB.get(woord)]);
    });
    // Longest increasing subsequence of the positions in b (patience sorting).
    const toppen = [];
    const topPaar = [];
    const voorganger = [];
    paren.forEach(function (paar, k) {
      const j = paar[1];
      let laag = 0;
      let hoog = toppen.length;
      while (laag < hoog) {  // bisect_left
        const midden = (laag + hoog) >> 1;
        if (toppen[midden] < j) laag = midden + 1; else hoog = midden;
      }
      voorganger.push(laag ? topPaar[laag - 1] : -1);
      if (laag === toppen.length) {
        toppen.push(j);
        topPaar.push(k);
      } else {
        toppen[laag] = j;
        topPaar[laag] = k;
      }
    });
    const reeks = [];
    let k = topPaar.length ? topPaar[topPaar.length - 1] : -1;
    while (k >= 0) {
      reeks.push(paren[k]);
      k = voorganger[k];
    }
    return reeks.reverse();
  }

  function samenvoegen(stukken) {
    const uit = [];
    for (const stuk of stukken) {
      const laatste = uit[uit.length - 1];
      if (laatste && laatste.soort === stuk.soort) laatste.tekst += stuk.tekst;
      else uit.push({ soort: stuk.soort, tekst: stuk.tekst });
    }
    return uit;
  }

  // The difference between two texts, word by word: [{soort: "gelijk" | "weg" | "erbij", tekst}].
  function woordverschil(a, b) {
    const ta = tokens(a);
    const tb = tokens(b);
    const tekst = function (deel) {
      return deel.map(function (t) { return t[1] + t[0]; }).join("");
    };
    const stukken = [];
    let i = 0;
    let j = 0;
    const blokken = overeenkomsten(ta.map(function (t) { return t[0]; }),
                                   tb.map(function (t) { return t[0]; }));
    for (const [ai, bj, n] of [...blokken, [ta.length, tb.length, 0]]) {
      if (ai > i) stukken.push({ soort: "weg", tekst: tekst(ta.slice(i, ai)) });
      if (bj > j) stukken.push({ soort: "erbij", tekst: tekst(tb.slice(j, bj)) });
      if (n) stukken.push({ soort: "gelijk", tekst: tekst(tb.slice(bj, bj + n)) });
      i = ai + n;
      j = bj + n;
    }
    const uit = samenvoegen(stukken);
    if (uit.length) uit[0].tekst = uit[0].tekst.replace(BEGINRUIMTE, "");
    return uit;
  }

  function gelijkeLijsten(x, y) {
    return x.length === y.length && x.every(function (woord, k) { return woord === y[k]; });
  }

  // SequenceMatcher.quick_ratio: an upper bound of the ratio, from the words both have.
  function snelleRatio(a, b) {
    const inB = telling(b);
    const over = new Map();
    let gedeeld = 0;
    for (const woord of a) {
      const aantal = over.has(woord) ? over.get(woord) : (inB.get(woord) || 0);
      over.set(woord, aantal - 1);
      if (aantal > 0) gedeeld++;
    }
    const lengte = a.length + b.length;
    return lengte ? 2 * gedeeld / lengte : 1;
  }

  function gelijkenis(a, b) {
    const totaal = a.length + b.length;
    if (!totaal) return 1;
    let gelijk = 0;
    for (const blok of overeenkomsten(a, b)) gelijk += blok[2];
    return 2 * gelijk / totaal;
  }

  // Match the items of two lists (equal first, then most similar) and diff each pair:
  // [{a, b, stukken}] in the order of b, an item only in a after the item it followed in a
  // (a or b null: only in the other list).
  function itemverschil(a, b) {
    const woordenA = a.map(woorden);
    const woordenB = b.map(woorden);
    const vrijA = a.map(function (_, i) { return i; });
    const paren = new Map();  // index in b → index in a
    woordenB.forEach(function (lijst, j) {
      const i = vrijA.find(function (k) { return gelijkeLijsten(woordenA[k], lijst); });
      if (i !== undefined) {
        paren.set(j, i);
        vrijA.splice(vrijA.indexOf(i), 1);
      }
    });
    const kandidaten = [];
    for (let j = 0; j < b.length; j++) {
      if (paren.has(j)) continue;
      for (const i of vrijA) {
        if (snelleRatio(woordenA[i], woordenB[j]) >= GELIJKENIS_DREMPEL) {
          kandidaten.push([gelijkenis(woordenA[i], woordenB[j]), -j, -i]);
        }
      }
    }
    kandidaten.sort(function (x, y) { return tupelvolgorde(y, x); });
    for (const [ratio, minJ, minI] of kandidaten) {
      const j = -minJ;
      const i = -minI;
      if (ratio < GELIJKENIS_DREMPEL) break;
      if (paren.has(j) || !vrijA.includes(i)) continue;
      paren.set(j, i);
      vrijA.splice(vrijA.indexOf(i), 1);
    }

    const uit = [];
    const geplaatst = new Set();
    const alleenA = function (k) {
      return { a: a[k], b: null, stukken: [{ soort: "weg", tekst: a[k] }] };
    };
    b.forEach(function (item, j) {
      const partner = paren.get(j);
      if (partner === undefined) {
        uit.push({ a: null, b: item, stukken: [{ soort: "erbij", tekst: item }] });
        return;
      }
      // Items only in a that came before this one's partner go first.
      for (let k = 0; k < partner; k++) {
        if (vrijA.includes(k) && !geplaatst.has(k)) {
          uit.push(alleenA(k));
          geplaatst.add(k);
        }
      }
      uit.push({ a: a[partner], b: item, stukken: woordverschil(a[partner], item) });
    });
    for (const k of vrijA) if (!geplaatst.has(k)) uit.push(alleenA(k));
    return uit;
  }

  window.kdWoordverschil = {
    tokens: tokens,
    normaliseerTitel: normaliseerTitel,
    eenRegel: eenRegel,
    overeenkomsten: overeenkomsten,
    woordverschil: woordverschil,
    itemverschil: itemverschil,
  };
})();
