// Pair selector on compare pages: go to the page of the chosen pair. The pages of all pairs
// are also linked at the bottom, so nothing depends on this script. Its message in the page is
// also what the picker of the in-browser compare shows (profielkiezer.js: kdKiezerMelding).
(function () {
  "use strict";

  // The message stands in the page (a live region), not as the browser's validity bubble:
  // a custom validity left on a select would block every later submit.
  function melding(formulier) {
    let uitleg = formulier.querySelector(".kd-kiezer__melding");
    if (!uitleg) {
      uitleg = document.createElement("p");
      uitleg.className = "kd-kiezer__melding";
      uitleg.setAttribute("role", "alert");
      formulier.appendChild(uitleg);
    }
    return uitleg;
  }

  window.kdKiezerMelding = melding;

  document.addEventListener("change", function (gebeurtenis) {
    const formulier = gebeurtenis.target instanceof Element
      && gebeurtenis.target.closest("form.kd-kiezer");
    const uitleg = formulier && formulier.querySelector(".kd-kiezer__melding");
    if (uitleg) uitleg.textContent = "";
  });

  document.addEventListener("submit", function (gebeurtenis) {
    const formulier = gebeurtenis.target;
    if (!(formulier instanceof HTMLFormElement) || !formulier.hasAttribute("data-kd-vergelijk")) {
      return;
    }
    gebeurtenis.preventDefault();
    const volgorde = formulier.dataset.kdVolgorde.split(",");
    const a = formulier.elements.namedItem("a").value;
    const b = formulier.elements.namedItem("b").value;
    if (a === b) {
      melding(formulier).textContent = formulier.dataset.kdMelding || "Kies twee verschillende profielen.";
      formulier.elements.namedItem("b").focus();
      return;
    }
    melding(formulier).textContent = "";
    const paar = [a, b].sort(function (x, y) {
      return volgorde.indexOf(x) - volgorde.indexOf(y);
    });
    location.href = new URL("../" + paar.join("-") + "/", location.href).href;
  });
})();
