"""Compare pages: two profielen of a dossier side by side, down to the word.

For every pair: the shared werkprocessen with a word-level difference of omschrijving,
resultaat and gedrag (``<del>`` only in the first, ``<ins>`` only in the second — struck through
and underlined, so visible without colour, and announced to screen readers), the kerntaken and
werkprocessen only one has, and the differences in competences and vakkennis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from kwalificatiedossiers import urls
from kwalificatiedossiers.index import Index, normaliseer_titel
from kwalificatiedossiers.matrix import Cel, Rij, kerntaken_van, matrix_rijen
from kwalificatiedossiers.model import Aanvulling, Dossier, Profiel, Werkproces
from kwalificatiedossiers.model.tekst import platte_tekst
from kwalificatiedossiers.opmaak import alinea, css_tekst, esc, kop, lijst, link, samen, tabel
from kwalificatiedossiers.paginas.basis import (
    Kruimel,
    Pagina,
    kruimels_dossier,
    vergelijkingspagina,
)
from kwalificatiedossiers.paginas.entiteiten import profielparen
from kwalificatiedossiers.woordverschil import ItemVerschil, Stuk, itemverschil


def paginas(index: Index, dossier: Dossier) -> Iterator[Pagina]:
    """A compare page per pair of profielen of a dossier."""
    rijen = matrix_rijen(dossier)
    for a, b in profielparen(dossier):
        yield vergelijk_pagina(index, dossier, a, b, rijen)


def stukken_html(stukken: Sequence[Stuk]) -> str:
    """Words of a difference: equal as is, removed in ``<del>``, added in ``<ins>`` (site.css
    tells screen readers "alleen in" and the column's name before each, from the table's
    ``--kd-a`` and ``--kd-b``: a compare page has hundreds of them)."""
    uit = []
    for stuk in stukken:
        tekst = esc(stuk.tekst) if stuk.tekst.strip() else ""
        spatie = " " if stuk.tekst[:1].isspace() else ""
        if not tekst:
            continue
        if stuk.soort == "gelijk":
            uit.append(spatie + tekst)
        elif stuk.soort == "weg":
            uit.append(f"{spatie}<del>{tekst}</del>")
        else:
            uit.append(f"{spatie}<ins>{tekst}</ins>")
    return "".join(uit)


def _kant(verschillen: Sequence[ItemVerschil], kant: str, tag: str) -> str:
    """One column of an item difference: the items of one side with their marks."""
    items = []
    for v in verschillen:
        eigen = v.a if kant == "a" else v.b
        if eigen is None:
            continue
        zichtbaar = [s for s in v.stukken if s.soort == "gelijk"
                     or (s.soort == "weg") == (kant == "a")]
        items.append(f"<{tag}>{stukken_html(zichtbaar)}</{tag}>" if tag == "li"
                     else f"<p>{stukken_html(zichtbaar)}</p>")
    if tag == "li":
        return "<ul>" + "".join(items) + "</ul>"
    return "".join(items)


def verschilrij(label: str, a_items: list[str], b_items: list[str], lijstvorm: bool) -> str:
    """One row of a :func:`verschiltabel`: the items of both sides with word differences, as
    paragraphs or (``lijstvorm``) as list items. When nothing differs the text is shown once,
    across both columns, marked "(gelijk in beide)"."""
    return verschilrij_van(label, itemverschil(a_items, b_items), lijstvorm)


def verschilrij_van(label: str, verschil: Sequence[ItemVerschil], lijstvorm: bool) -> str:
    """:func:`verschilrij` of an item difference made beforehand."""
    tag = "li" if lijstvorm else "p"
    gelijk = all(v.a is not None and v.b is not None
                 and all(s.soort == "gelijk" for s in v.stukken) for v in verschil)
    if gelijk:
        return (f'<tr><th scope="row">{esc(label)} '
                '<span class="kd-verschil__gelijk">(gelijk in beide)</span></th>'
                f'<td colspan="2">{_kant(verschil, "b", tag)}</td></tr>')
    return (f'<tr><th scope="row">{esc(label)}</th>'
            f"<td>{_kant(verschil, 'a', tag)}</td>"
            f"<td>{_kant(verschil, 'b', tag)}</td></tr>")


def verschiltabel(naam_a: str, naam_b: str, rijen: Sequence[str]) -> str:
    """A side-by-side table of two versions of one thing (rows from :func:`verschilrij`),
    ``naam_a`` and ``naam_b`` heading the columns. It never scrolls: on a narrow screen the two
    texts of a row stack, each under its column's name (``--kd-a``, ``--kd-b``)."""
    regels = [
        '<div class="kd-tabel kd-tabel--verschil">',
        (f'<table class="kd-verschil" style="--kd-a:{css_tekst(naam_a)};'
         f'--kd-b:{css_tekst(naam_b)}">'),
        f"<caption>{esc(naam_a)} naast {esc(naam_b)}</caption>",
        ('<thead><tr><th scope="col">Onderdeel</th>'
        f'<th scope="col">{esc(naam_a)}</th>'
        f'<th scope="col">{esc(naam_b)}</th></tr></thead>'),
        "<tbody>",
        *rijen,
        "</tbody>",
        "</table>",
        "</div>",
    ]
    return "\n".join(r for r in regels if r)


@dataclass(frozen=True)
class Veld:
    """One row of a werkproces compared: its text as items, under a key that pairs it with the
    same row of the other werkproces (of this dossier, another, or another generation: the
    in-browser compare pairs them by the same rule, see :func:`veldrijen`)."""

    sleutel: str
    label: str
    items: tuple[str, ...]
    lijstvorm: bool
    """Items as a list (gedrag, competences) rather than as paragraphs."""
    optioneel: bool = False
    """The row is left out when neither side has text for it."""


def competentienamen(index: Index, namen: Sequence[str]) -> tuple[str, ...]:
    """Competences as a compare row names them: letter and name (``B Aansturen``), so that
    rows of both generations name them alike."""
    return tuple(f"{index.competentie_op_naam[naam].code} {naam}" for naam in namen)


def werkprocesvelden(index: Index, w: Werkproces, aanvulling: Aanvulling | None = None
                     ) -> list[Veld]:
    """The rows of a werkproces in a compare table; with the ``aanvulling`` a profiel has to a
    basisdeel werkproces, its rows too."""
    def extra(veld: str) -> tuple[str, ...]:
        return tuple(platte_tekst(getattr(aanvulling, veld))) if aanvulling else ()

    return [
        Veld("titel", "Titel", (w.titel,), False),
        Veld("omschrijving", "Omschrijving", tuple(platte_tekst(w.omschrijving)), False),
        Veld("resultaat", "Resultaat", tuple(platte_tekst(w.resultaat)), False),
        Veld("gedrag-inleiding", "Gedrag (inleiding)",
             (w.gedrag.intro,) if w.gedrag.intro else (), False, optioneel=True),
        Veld("gedrag", "Gedrag", tuple(w.gedrag.items), True),
        Veld("gedrag-vervolg", "Gedrag (vervolg)", tuple(platte_tekst(w.gedrag.slot)), False,
             optioneel=True),
        Veld("competenties", "Competenties", competentienamen(index, w.competenties), True),
        # Every werkproces has these rows, empty without an aanvulling: a basisdeel werkproces
        # with one is compared with the same werkproces without (of another profiel).
        Veld("aanvulling-omschrijving", "Aanvulling op de omschrijving", extra("omschrijving"),
             False, optioneel=True),
        Veld("aanvulling-resultaat", "Aanvulling op het resultaat", extra("resultaat"), False,
             optioneel=True),
        Veld("aanvulling-gedrag", "Aanvulling op het gedrag", extra("gedrag"), True,
             optioneel=True),
        Veld("aanvulling-competenties", "Aanvullende competenties",
             competentienamen(index, aanvulling.competenties) if aanvulling else (), True,
             optioneel=True),
    ]


def veldrijen(a: Sequence[Veld], b: Sequence[Veld]) -> list[str]:
    """The rows of a compare table of two werkprocessen: every field of ``a`` that ``b`` has too
    (by key), in the order of ``a``; a field only one side's generation has is not compared,
    an optional one is left out when both are empty."""
    van_b = {veld.sleutel: veld for veld in b}
    rijen = []
    for veld in a:
        ander = van_b.get(veld.sleutel)
        if ander is None or (veld.optioneel and not veld.items and not ander.items):
            continue
        label = veld.label if veld.label == ander.label else f"{veld.label} / {ander.label}"
        rijen.append(verschilrij(label, list(veld.items), list(ander.items), veld.lijstvorm))
    return rijen


def vergelijkdata(index: Index, dossier: Dossier, code: str) -> dict[str, Any]:
    """What the in-browser compare reads of profiel ``code``: its kerntaken and werkprocessen,
    the basisdeel's first (with the profiel's aanvullingen), each werkproces with its compare
    rows (:func:`werkprocesvelden`) and the competences it names, and the vakkennis of its
    kerntaken (category, item)."""
    profiel = next(p for p in dossier.profielen if p.code == code)
    kerntaken: list[dict[str, Any]] = []
    werkprocessen: list[dict[str, Any]] = []
    vakkennis: dict[tuple[str, str], None] = {}
    uit_basisdeel = {k.code for k in dossier.basisdeel.kerntaken}
    for kerntaak in kerntaken_van(dossier, profiel):
        basisdeel = kerntaak.code in uit_basisdeel
        kerntaken.append({"code": kerntaak.code, "titel": kerntaak.titel,
                          "url": index.entiteit(dossier.id, kerntaak.code).url,
                          "basisdeel": basisdeel})
        extra = next((a.vakkennis for a in kerntaak.aanvullingen if a.profiel == code), None)
        for deel in (kerntaak.vakkennis, extra):
            for categorie in deel.categorieen if deel else []:
                vakkennis.update(((categorie.naam or "", item), None) for item in categorie.items)
        for w in kerntaak.werkprocessen:
            aanvulling = next((a for a in w.aanvullingen if a.profiel == code), None)
            namen = [*w.competenties, *(aanvulling.competenties if aanvulling else [])]
            werkprocessen.append({
                "code": w.code, "titel": w.titel, "kerntaak": kerntaak.code,
                "url": index.entiteit(dossier.id, w.code).url, "basisdeel": basisdeel,
                "competenties": list(dict.fromkeys(
                    index.competentie_op_naam[naam].code for naam in namen)),
                "velden": werkprocesvelden(index, w, aanvulling),
            })
    return {"kerntaken": kerntaken, "werkprocessen": werkprocessen,
            "vakkennis": [list(paar) for paar in vakkennis]}


def werkproces_verschil(index: Index, wa: Werkproces, wb: Werkproces, a: Profiel, b: Profiel
                        ) -> str:
    """A side-by-side table of two equivalent werkprocessen with word differences."""
    return verschiltabel(f"{wa.code} ({a.code})", f"{wb.code} ({b.code})",
                         veldrijen(werkprocesvelden(index, wa), werkprocesvelden(index, wb)))


def _cellen(rij: Rij, code: str) -> list[Cel]:
    return rij.cellen.get(code, [])


def vergelijk_pagina(
    index: Index, dossier: Dossier, a: Profiel, b: Profiel, rijen: list[Rij]
) -> Pagina:
    """The page comparing profielen ``a`` and ``b``."""
    src = urls.vergelijk_src(dossier.id, a.code, b.code)
    gedeeld = [r for r in rijen if r.soort == "werkproces" and not r.basisdeel
               and _cellen(r, a.code) and _cellen(r, b.code)]
    alleen: dict[str, list[Rij]] = {
        p.code: [r for r in rijen if not r.basisdeel and _cellen(r, p.code)
                 and not _cellen(r, q.code)]
        for p, q in ((a, b), (b, a))
    }
    basis = [r for r in rijen if r.basisdeel and r.soort == "werkproces"]
    delen = [
        kop(1, f"{a.code} {a.titel} en {b.code} {b.titel}"),
        keuzeformulier([(p.code, p.titel) for p in dossier.profielen], a.code, b.code),
        legenda(a.code, b.code),
        tabel(["Werkprocessen", "Aantal"], [
            ["Werkprocessen van het basisdeel (voor beide gelijk)", str(len(basis))],
            ["Gedeelde werkprocessen in het profieldeel", str(len(gedeeld))],
            [f"Werkprocessen alleen in {esc(a.code)}",
             str(sum(r.soort == "werkproces" for r in alleen[a.code]))],
            [f"Werkprocessen alleen in {esc(b.code)}",
             str(sum(r.soort == "werkproces" for r in alleen[b.code]))],
        ]),
        kop(2, "Gedeelde werkprocessen", "gedeeld"),
    ]
    if not gedeeld:
        delen.append(alinea("Buiten het basisdeel hebben deze profielen geen werkproces met "
                            "dezelfde titel."))
    for rij in gedeeld:
        for ca in _cellen(rij, a.code):
            for cb in _cellen(rij, b.code):
                wa = index.entiteit(dossier.id, ca.code).object
                wb = index.entiteit(dossier.id, cb.code).object
                delen.append(kop(3, f"{rij.titel} ({ca.code} en {cb.code})",
                                 f"{urls.code_slug(ca.code)}-{urls.code_slug(cb.code)}"))
                delen.append(werkproces_verschil(index, wa, wb, a, b))
    for p in (a, b):
        delen.append(kop(2, f"Alleen in {p.code} {p.titel}", f"alleen-{p.code.lower()}"))
        eigen = alleen[p.code]
        if not eigen:
            delen.append(alinea(f"Alle kerntaken en werkprocessen van {esc(p.code)} komen ook in "
                                "het andere profiel voor."))
            continue
        delen.append(lijst(
            ("Kerntaak " if r.soort == "kerntaak" else "Werkproces ")
            + ", ".join(link(f"{c.code}", src, c.src) for c in _cellen(r, p.code))
            + f" {esc(r.titel)}"
            for r in eigen
        ))
    delen += competentieverschil(index, dossier, a, b, src)
    delen += vakkennisverschil(dossier, a, b)
    delen += andere_paren(dossier.id, src, [(x.code, y.code) for x, y in profielparen(dossier)],
                          (a.code, b.code))
    return vergelijkingspagina(
        src, f"{a.code} en {b.code} vergelijken: {dossier.titel}",
        (*kruimels_dossier(dossier),
         Kruimel("Profielen vergelijken", urls.matrix_src(dossier.id)),
         Kruimel(f"{a.code} en {b.code}", None)),
        samen(delen), "vergelijking",
        f"{a.code} {a.titel} en {b.code} {b.titel} ({dossier.titel}) woord voor woord "
        "vergeleken.",
        met_inhoudsopgave=True,
    )


def legenda(a: str, b: str) -> str:
    """How a compare page marks what only one side has."""
    return alinea(f"Tekst die alleen in {esc(a)} staat is <del>doorgestreept</del>, tekst die "
                  f"alleen in {esc(b)} staat <ins>onderstreept</ins>.")


def andere_paren(dossier_id: str, src: str, paren: list[tuple[str, str]],
                 huidig: tuple[str, str]) -> list[str]:
    """The section linking every other pair (the selector's fallback without script)."""
    return [
        kop(2, "Andere paren", "paren"),
        lijst(
            link(f"{a} en {b}", src, urls.vergelijk_src(dossier_id, a, b))
            for a, b in paren if (a, b) != huidig
        ),
    ]


def keuzeformulier(keuzes: Sequence[tuple[str, str]], a: str, b: str,
                   soort: str = "profielen") -> str:
    """Two selects to switch to another pair of ``keuzes`` (code, titel); the page lists every
    pair without script too."""

    def opties(gekozen: str) -> str:
        return "".join(
            f'<option value="{urls.code_slug(code)}"'
            + (" selected" if code == gekozen else "")
            + f">{esc(code)} {esc(titel)}</option>"
            for code, titel in keuzes
        )

    volgorde = ",".join(urls.code_slug(code) for code, _ in keuzes)
    return "\n".join([
        (f'<form class="kd-kiezer" data-kd-vergelijk data-kd-volgorde="{volgorde}" '
         f'data-kd-melding="Kies twee verschillende {soort}.">'),
        '<label for="kd-profiel-a">Vergelijk</label>',
        f'<select id="kd-profiel-a" name="a">{opties(a)}</select>',
        '<label for="kd-profiel-b">met</label>',
        f'<select id="kd-profiel-b" name="b">{opties(b)}</select>',
        '<button type="submit">Toon</button>',
        "</form>",
    ])


def competentieverschil(
    index: Index, dossier: Dossier, a: Profiel, b: Profiel, src: str
) -> list[str]:
    """Competences whose number of werkprocessen differs between the two profielen."""
    return tellingverschil(index, src, index.competentie_telling(dossier, a),
                           index.competentie_telling(dossier, b), a.code, b.code, "profielen")


def tellingverschil(index: Index, src: str, ta: Counter[str], tb: Counter[str], a: str, b: str,
                    soort: str) -> list[str]:
    """The section "Competenties" of a compare page: the competences whose number of
    werkprocessen differs between ``a`` and ``b`` (two profielen or uitstromen)."""
    codes = sorted(set(ta) | set(tb))
    rijen = [
        [link(f"{c} {index.competenties[c].naam}", src, urls.competentie_src(c)),
         str(ta[c]), str(tb[c]), f"{tb[c] - ta[c]:+d}"]
        for c in codes if ta[c] != tb[c]
    ]
    if not rijen:
        return [kop(2, "Competenties", "competenties"),
                alinea(f"Beide {soort} noemen elke competentie even vaak.")]
    return [
        kop(2, "Competenties", "competenties"),
        alinea("Competenties die in een verschillend aantal werkprocessen genoemd worden:"),
        tabel(["Competentie", esc(a), esc(b), "Verschil"], rijen),
    ]


def _vakkennis_items(dossier: Dossier, profiel: Profiel) -> dict[str, tuple[str, str]]:
    """Normalised item → (category, item) over a profiel's kerntaken."""
    items: dict[str, tuple[str, str]] = {}
    for kerntaak in kerntaken_van(dossier, profiel):
        if kerntaak.vakkennis is None:
            continue
        for categorie in kerntaak.vakkennis.categorieen:
            for item in categorie.items:
                items.setdefault(normaliseer_titel(item), (categorie.naam or "", item))
    return items


def vakkennisverschil(dossier: Dossier, a: Profiel, b: Profiel) -> list[str]:
    """Vakkennis items one profiel has and the other not, by category."""
    ia, ib = _vakkennis_items(dossier, a), _vakkennis_items(dossier, b)
    delen = [kop(2, "Vakkennis en vaardigheden", "vakkennis")]
    for p, eigen, ander in ((a, ia, ib), (b, ib, ia)):
        verschil = [eigen[k] for k in eigen if k not in ander]
        delen.append(kop(3, f"Alleen in {p.code}", f"vakkennis-{p.code.lower()}"))
        if not verschil:
            delen.append(alinea("Geen."))
            continue
        delen.append(lijst(
            (f"{esc(categorie)}: " if categorie else "") + esc(item)
            for categorie, item in verschil
        ))
    return delen
