// Pair selector on compare pages: go to the page of the chosen pair. The pages of all pairs
// are also linked at the bottom, so nothing depends on this script.
(function () {
  "use strict";

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
      formulier.elements.namedItem("b").setCustomValidity(
        formulier.dataset.kdMelding || "Kies twee verschillende profielen.");
      formulier.reportValidity();
      return;
    }
    formulier.elements.namedItem("b").setCustomValidity("");
    const paar = [a, b].sort(function (x, y) {
      return volgorde.indexOf(x) - volgorde.indexOf(y);
    });
    location.href = new URL("../" + paar.join("-") + "/", location.href).href;
  });
})();
