// The picker of two profielen for the compare in the browser (/vergelijken/): on that page for
// both sides, on a profiel or uitstroom page for the other side. It fills the selects (dossier,
// version when there are several, profiel or uitstroom) from api/profielen.json, fetched only
// on pages with a picker, and opens the compare page at an address that names both profielen:
// ?a=commercie/p4&b=pedagogisch-werk/p1 (the path of each profiel's page). The form stays
// hidden without this script or without the index: the compare page needs both.
(function () {
  "use strict";

  const REF = /^[a-z0-9-]+(\/[a-z0-9-]+)+$/;

  function optie(waarde, tekst) {
    const element = document.createElement("option");
    element.value = waarde;
    element.textContent = tekst;
    return element;
  }

  // Every profiel by its ref; a current version also answers to its pinned address
  // (commercie/2023-08-01/p4 is commercie/p4 while that version is current).
  function opzoeken(index) {
    const refs = new Map();
    for (const dossier of index.dossiers) {
      for (const versie of dossier.versies) {
        for (const profiel of versie.profielen) {
          const plek = { dossier: dossier, versie: versie, profiel: profiel };
          refs.set(profiel.ref, plek);
          if (versie.huidig && versie.slug) {
            const code = profiel.ref.slice(profiel.ref.lastIndexOf("/") + 1);
            refs.set(versie.id + "/" + versie.slug + "/" + code, plek);
          }
        }
      }
    }
    return refs;
  }

  function kant(formulier, index, naam) {
    const vak = formulier.querySelector('[data-kd-kant="' + naam + '"]');
    if (!vak) return null;
    const veld = function (deel) { return vak.querySelector('[data-kd-veld="' + deel + '"]'); };
    const dossiers = veld("dossier").querySelector("select");
    const versies = veld("versie").querySelector("select");
    const profielen = veld("profiel").querySelector("select");

    function dossier() {
      return index.dossiers.find(function (d) { return d.id === dossiers.value; });
    }
    function versie() {
      return dossier().versies.find(function (v) { return v.id === versies.value; });
    }
    function vulVersies(gekozen) {
      const d = dossier();
      versies.replaceChildren(...d.versies.map(function (v) {
        return optie(v.id, (v.versie || v.slug || v.id) + (v.huidig ? " (huidige versie)" : ""));
      }));
      const huidig = d.versies.find(function (v) { return v.huidig; }) || d.versies[0];
      versies.value = gekozen || huidig.id;
      veld("versie").hidden = d.versies.length < 2;
      veld("profiel").querySelector("label").textContent =
        d.variant === "uitstroom" ? "Uitstroom" : "Profiel";
    }
    function vulProfielen(code) {
      const v = versie();
      const woord = dossier().variant === "uitstroom" ? "uitstroom" : "profiel";
      profielen.replaceChildren(optie("", "Kies een " + woord), ...v.profielen.map(function (p) {
        const element = optie(p.ref, p.code + " " + p.titel + " (niveau " + p.niveau + ")");
        element.dataset.code = p.code;
        return element;
      }));
      const zelfde = v.profielen.find(function (p) { return p.code === code; });
      profielen.value = zelfde ? zelfde.ref : "";
    }
    function kies(plek, code) {
      dossiers.value = plek.dossier.id;
      vulVersies(plek.versie && plek.versie.id);
      vulProfielen(code);
    }

    dossiers.replaceChildren(...index.dossiers.map(function (d) { return optie(d.id, d.naam); }));
    dossiers.addEventListener("change", function () {
      vulVersies(null);
      vulProfielen(null);
    });
    // Another version of the same dossier keeps the profiel chosen, when it has that code.
    versies.addEventListener("change", function () {
      const gekozen = profielen.selectedOptions[0];
      vulProfielen(gekozen ? gekozen.dataset.code : null);
    });
    kies({ dossier: index.dossiers[0], versie: null }, null);
    return { kies: kies, waarde: function () { return profielen.value; },
             focus: function () { profielen.focus(); } };
  }

  function vul(formulier, index) {
    const refs = opzoeken(index);
    const vast = formulier.querySelector('input[name="a"]');
    const a = kant(formulier, index, "a");
    const b = kant(formulier, index, "b");
    const code = function (ref) { return refs.get(ref).profiel.code; };
    if (vast) {
      // On a profiel's own page: the other side starts in the same dossier version, at the
      // next profiel (none when the dossier has one).
      const eigen = refs.get(vast.value);
      if (eigen) {
        const ander = eigen.versie.profielen.find(function (p) { return p.ref !== vast.value; });
        b.kies(eigen, ander ? ander.code : null);
      }
    } else {
      const adres = new URLSearchParams(location.search);
      for (const [naam, zijde] of [["a", a], ["b", b]]) {
        const ref = adres.get(naam);
        if (ref && refs.has(ref)) zijde.kies(refs.get(ref), code(ref));
      }
    }
    formulier.addEventListener("submit", function (gebeurtenis) {
      gebeurtenis.preventDefault();
      const eerste = vast ? vast.value : a.waarde();
      const tweede = b.waarde();
      if (!REF.test(eerste) || !REF.test(tweede)) return;
      if (refs.get(eerste) === refs.get(tweede)) {
        // The message of the compare pages' pair selector (vergelijk.js, on every page).
        window.kdKiezerMelding(formulier).textContent = formulier.dataset.kdMelding;
        b.focus();
        return;
      }
      // The refs are paths of letters, digits and hyphens: readable in the address as they are.
      location.href = new URL(formulier.getAttribute("action"), location.href).href.split("?")[0] +
        "?a=" + eerste + "&b=" + tweede;
    });
    formulier.hidden = false;
  }

  function laad(formulier) {
    const api = new URL(formulier.dataset.kdApi, location.href);
    fetch(new URL("profielen.json", api))
      .then(function (antwoord) { return antwoord.ok ? antwoord.json() : null; })
      .then(function (index) { if (index && index.dossiers.length) vul(formulier, index); })
      .catch(function () {});
  }

  // The index grows with the corpus: a profiel page, whose picker is at its end, fetches it
  // only when the reader comes near (what stands just above the form); the compare page at once.
  for (const formulier of document.querySelectorAll("form[data-kd-profielkiezer]")) {
    const erboven = formulier.closest("details") ? null : formulier.previousElementSibling;
    if (!erboven || !("IntersectionObserver" in window)) {
      laad(formulier);
      continue;
    }
    const waarnemer = new IntersectionObserver(function (zichtbaar) {
      if (!zichtbaar.some(function (z) { return z.isIntersecting; })) return;
      waarnemer.disconnect();
      laad(formulier);
    }, { rootMargin: "600px 0px" });
    waarnemer.observe(erboven);
  }
})();
