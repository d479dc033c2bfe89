// Search dialog with the Pagefind UI. Pagefind's script, styles and index chunks are loaded
// from this site on first use only, so pages stay light until someone searches.
(function () {
  "use strict";

  const dialoog = document.getElementById("kd-zoeken");
  if (!dialoog) return;
  // Resolve once, on the page that loaded this script: with instant navigation the header is
  // kept while the URL changes, so a relative path would go stale.
  const bundel = new URL(dialoog.dataset.kdPagefind, location.href).href;
  const wortel = new URL(dialoog.dataset.kdRoot, location.href).pathname;
  let geladen = null;

  function laad() {
    if (geladen) return geladen;
    const stijl = document.createElement("link");
    stijl.rel = "stylesheet";
    stijl.href = bundel + "pagefind-ui.css";
    document.head.appendChild(stijl);
    geladen = new Promise(function (klaar, mislukt) {
      const script = document.createElement("script");
      script.src = bundel + "pagefind-ui.js";
      script.onload = function () {
        new window.PagefindUI({
          element: "#kd-zoekvak",
          bundlePath: bundel,
          baseUrl: wortel,
          showSubResults: true,
          showImages: false,
          resetStyles: false,
          pageSize: 8,
          // Rank by where a word occurs (title, code, crebo weigh most), not how often: a
          // profiel page that lists B1-K1-W1..W5 must not outrank the kerntaak B1-K1 itself.
          ranking: { termFrequency: 0.0 },
          translations: { placeholder: "Zoek op woord, code of crebo" },
        });
        // Pagefind labels its field with a title only; name it by the dialog's visible
        // heading and describe it with the help text (WCAG 3.3.2, axe label-title-only).
        const veld = dialoog.querySelector("#kd-zoekvak input");
        if (veld) {
          veld.setAttribute("aria-labelledby", "kd-zoeken-titel");
          veld.setAttribute("aria-describedby", "kd-zoeken-hulp");
        }
        klaar();
      };
      script.onerror = mislukt;
      document.head.appendChild(script);
    });
    return geladen;
  }

  function open(zoekterm) {
    if (!dialoog.open) dialoog.showModal();
    laad().then(function () {
      const invoer = dialoog.querySelector("input");
      if (!invoer) return;
      if (zoekterm) {
        invoer.value = zoekterm;
        invoer.dispatchEvent(new Event("input", { bubbles: true }));
      }
      invoer.focus();
    });
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
    } else if (dialoog.open && doel.closest("#kd-zoekvak a")) {
      dialoog.close(); // following a result
    }
  });

  document.addEventListener("keydown", function (gebeurtenis) {
    const veld = gebeurtenis.target;
    const typt = veld instanceof HTMLElement &&
      (veld.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(veld.tagName));
    if (gebeurtenis.key === "/" && !typt && !dialoog.open) {
      gebeurtenis.preventDefault();
      open("");
    }
  });

  // `?zoek=...` in the address opens the search with that query (links from course material).
  const vraag = new URLSearchParams(location.search).get("zoek");
  if (vraag) open(vraag);
})();
