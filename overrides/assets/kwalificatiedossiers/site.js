// Sharing and reading aids on every page: copy a link to a section or the page, keep a matrix's
// header row in view, make a scrolling table reachable by keyboard, follow a moved anchor.
// Everything works without this script too (permalinks are plain links, tables plain tables).
(function () {
  "use strict";

  // The toast that says what was copied (a live region, so screen readers hear it).
  const melding = document.createElement("p");
  melding.className = "kd-gekopieerd";
  melding.setAttribute("role", "status");
  document.body.appendChild(melding);
  let verberg = 0;

  function meld(tekst) {
    melding.textContent = tekst;
    clearTimeout(verberg);
    verberg = setTimeout(function () { melding.textContent = ""; }, 4000);
  }

  function kopieer(tekst, wat) {
    if (!navigator.clipboard) return Promise.resolve(false);
    return navigator.clipboard.writeText(tekst).then(function () {
      meld(wat + " gekopieerd");
      return true;
    }, function () { return false; });
  }

  function paginaUrl() {
    return location.href.split("#")[0];
  }

  // A section's permalink copies the link to the section; without clipboard it stays a link.
  document.addEventListener("click", function (gebeurtenis) {
    const doel = gebeurtenis.target;
    if (!(doel instanceof Element)) return;
    const permalink = doel.closest(".md-typeset .headerlink");
    if (permalink) {
      if (!navigator.clipboard) return;
      gebeurtenis.preventDefault();
      const anker = permalink.getAttribute("href");
      history.replaceState(null, "", anker);
      const kop = permalink.parentElement;
      const naam = kop ? kop.textContent.replace(/#\s*$/, "").trim() : "";
      kopieer(paginaUrl() + anker, "Link naar ‘" + naam + "’");
      return;
    }
    const knop = doel.closest("[data-kd-kopieer]");
    if (!knop) return;
    const soort = knop.getAttribute("data-kd-kopieer");
    if (soort === "pagina") {
      kopieer(paginaUrl(), "Link naar deze pagina");
    } else if (soort === "delen" && navigator.share) {
      navigator.share({ title: document.title, url: paginaUrl() }).catch(function () {});
    } else {
      const veld = document.getElementById(soort);
      if (veld) kopieer(veld.value, knop.getAttribute("data-kd-wat") || "Tekst");
    }
    const menu = knop.closest("details");
    if (menu) menu.open = false;
  });

  // The embed code holds the card's address relative to the page: make it absolute here.
  for (const veld of document.querySelectorAll("[data-kd-insluiten]")) {
    const kaart = new URL(veld.getAttribute("data-kd-insluiten"), location.href).href;
    veld.value = veld.value.replace("KAART", kaart);
  }
  if (!navigator.share) {
    for (const knop of document.querySelectorAll('[data-kd-kopieer="delen"]')) knop.hidden = true;
  }

  // A matrix scrolls sideways in its own box, which makes position: sticky stick to that box:
  // move its header row down by hand while the table passes under the site's header.
  const koppen = [];
  for (const tabel of document.querySelectorAll(".kd-tabel .kd-matrix")) {
    const kop = tabel.tHead;
    if (kop) koppen.push({ tabel: tabel, cellen: kop.querySelectorAll("th") });
  }
  let gepland = false;
  function schuif() {
    gepland = false;
    const kopregel = document.querySelector(".md-header");
    const boven = kopregel ? kopregel.getBoundingClientRect().bottom : 0;
    for (const { tabel, cellen } of koppen) {
      const vak = tabel.getBoundingClientRect();
      const hoogte = tabel.tHead.getBoundingClientRect().height;
      const kopBoven = tabel.caption ? tabel.caption.offsetHeight : 0;
      const verschuiving = Math.max(0, Math.min(boven - vak.top - kopBoven,
                                                vak.height - kopBoven - hoogte));
      const waarde = verschuiving ? "translateY(" + verschuiving + "px)" : "";
      for (const cel of cellen) cel.style.transform = waarde;
    }
  }
  if (koppen.length) {
    addEventListener("scroll", function () {
      if (!gepland) { gepland = true; requestAnimationFrame(schuif); }
    }, { passive: true });
    addEventListener("resize", schuif);
    schuif();
  }

  // A data table wider than the page scrolls in Material's wrapper: a region reachable by
  // keyboard, named after the table's caption or the heading above it.
  function maakBereikbaar() {
    for (const vak of document.querySelectorAll(".md-typeset__scrollwrap")) {
      if (vak.scrollWidth <= vak.clientWidth + 1) {
        vak.removeAttribute("tabindex");
        continue;
      }
      if (vak.hasAttribute("tabindex")) continue;
      let kop = vak.previousElementSibling;
      while (kop && !/^H[2-6]$/.test(kop.tagName)) kop = kop.previousElementSibling;
      vak.setAttribute("tabindex", "0");
      vak.setAttribute("role", "region");
      vak.setAttribute("aria-label", kop ? kop.textContent.replace(/#\s*$/, "").trim() : "Tabel");
    }
  }
  addEventListener("load", maakBereikbaar);
  addEventListener("resize", maakBereikbaar);

  // An anchor whose section moved to another page (data-kd-verhuisd holds the new address).
  function volgVerhuizing() {
    if (!location.hash) return;
    const oud = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    const naar = oud && oud.getAttribute("data-kd-verhuisd");
    if (naar) location.replace(new URL(naar, location.href).href);
  }
  volgVerhuizing();
  addEventListener("hashchange", volgVerhuizing);
})();
