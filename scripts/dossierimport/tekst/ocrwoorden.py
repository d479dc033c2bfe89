"""OCR damage in words: detected against the corpus vocabulary and the Dutch dictionary.

A word is suspect when neither the dossiers already in the output folder, the other sources of
the import, nor hunspell-nl know it. For a suspect word the repairs OCR typically needs are
tried: a letter it confuses (``commerciéle`` → ``commerciële``, ``rnet`` → ``met``,
``vestigingsbe1eid`` → ``vestigingsbeleid``), a lost space after or before a short function word
(``Deberoepsspecifieke`` → ``De beroepsspecifieke``, ``ondernemingin`` → ``onderneming in``)
and a space too many (``beroeps beoefenaar``). A word is changed only when exactly one repair
gives a known word; otherwise the candidates are a suggestion for the maintainer. Each change
and each suggestion is a :class:`~dossierimport.tekst.herstel.Melding` with its source line.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dossierimport.tekst.herstel import Melding
from dossierimport.tekst.stukken import Stuk
from dossierimport.woordenlijst import Woordenlijst

VERWISSELINGEN = (
    ("é", "ë"), ("è", "ë"), ("i", "ï"), ("í", "i"), ("ì", "i"), ("rn", "m"), ("m", "rn"),
    ("1", "l"), ("I", "l"), ("|", "l"), ("0", "o"), ("cl", "d"), ("vv", "w"),
)
"""(read, meant): letters OCR confuses in Dutch text."""
VOOR_GEPLAKT = frozenset({"de", "het", "een", "en", "of", "die", "dat", "is", "zijn", "van", "te",
                          "als"})
"""Function words OCR glues to the next word (``Deberoepsspecifieke``); none of them starts a
Dutch compound the way ``bij`` (``bijverkoop``) or ``in`` (``inkoop``) do."""
NA_GEPLAKT = frozenset({"in", "van", "op", "met", "voor", "aan", "bij", "uit", "naar", "het", "een",
                        "die", "dat", "of", "is", "zijn", "wordt", "worden", "kan", "heeft"})
"""Function words OCR glues to the word before (``ondernemingin``); no inflection ending
(``-en``, ``-de``, ``-te``) is among them."""
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ0-9|]+(?:[-'’][A-Za-zÀ-ÿ0-9|]+)*")
_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]")
_VREEMD = re.compile(r"[|\[\]{}~^¬]|[a-zà-ÿ][0-9][a-zà-ÿ]")
_OCR_SPOOR = re.compile(r"[éèíì]|[a-zà-ÿ]I[a-zà-ÿ]")
"""Letters OCR misreads (``é`` for ``ë``, ``I`` for ``l``) and Dutch hardly has inside an
unknown word: worth a look even when no repair gives a known word."""
_FREQUENT = 3
_LANG_WOORD = 4
"""A dictionary word this long next to a glued function word is evidence (``deaard``);
shorter dictionary hits (``tra``) are fragments too often."""


def _woorden(tekst: str) -> list[str]:
    return _TOKEN.findall(tekst)


@dataclass
class Woordenschat:
    """What counts as a known word in one import."""

    corpus: set[str] = field(default_factory=set)
    """Lower-case words of the dossiers in the output folder and of the clean sources."""
    frequent: set[str] = field(default_factory=set)
    """Lower-case words seen at least three times in the sources of this import."""
    lijst: Woordenlijst = field(default_factory=Woordenlijst)

    @classmethod
    def voor_import(cls, uit: Path, bronteksten: list[str], shas: set[str]) -> Woordenschat:
        """The dossiers in ``uit`` (not those whose text came from one of these sources) and
        the words the sources share."""
        corpus: set[str] = set()
        for dossier in sorted(uit.glob("*/dossier.yaml")):
            if _tekst_uit(dossier, shas):
                continue
            for pad in sorted(dossier.parent.rglob("*.yaml")):
                corpus |= {w.lower() for w in _woorden(pad.read_text(encoding="utf-8"))}
        tellingen = Counter(w.lower() for t in bronteksten for w in _woorden(t))
        return cls(corpus, {w for w, n in tellingen.items() if n >= _FREQUENT})

    def bekend(self, woorden: Iterable[str]) -> set[str]:
        """The words known to the corpus or the dictionary."""
        woorden = list(woorden)
        in_corpus = {w for w in woorden if w.lower() in self.corpus}
        return in_corpus | self.lijst.bekend(w for w in woorden if w not in in_corpus)


    def is_ocr_verschil(self, gebruikt: str, andere: str) -> bool:
        """Whether the other source's words are probably OCR damage of the used ones: they
        are not all known words, or they are the same letters with spaces moved."""
        if re.sub(r"\W", "", gebruikt.lower()) == re.sub(r"\W", "", andere.lower()):
            return True  # spaces or punctuation moved, or a letter read as a capital
        woorden = [w for w in _woorden(andere) if _LETTERS.search(w)]
        if not woorden:
            return True  # no word at all: specks read as characters
        return len(self.bekend(woorden)) < len(set(woorden))


def _tekst_uit(dossier: Path, shas: set[str]) -> bool:
    """Whether a dossier's text came from one of these sources (a previous import of them)."""
    try:
        data = yaml.safe_load(dossier.read_text(encoding="utf-8"))
        bronnen = data["herkomst"]["bronnen"]
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return False
    return any(isinstance(b, dict) and b.get("sha256") in shas
               and str(b.get("gebruikt_voor", "")).startswith("alle tekst") for b in bronnen)


def _varianten(woord: str) -> set[str]:
    """The word with one or two OCR confusions undone."""
    uit: set[str] = set()
    rand = {woord}
    for _ in range(2):
        nieuw = set()
        for w in rand:
            for fout, goed in VERWISSELINGEN:
                start = w.find(fout)
                while start >= 0:
                    nieuw.add(w[:start] + goed + w[start + len(fout):])
                    start = w.find(fout, start + 1)
        uit |= nieuw
        rand = nieuw
    return uit - {woord}


def _splitsingen(woord: str) -> set[str]:
    """The word split where a function word was glued on (``ondernemingin``)."""
    uit = set()
    for i in range(2, len(woord) - 1):
        links, rechts = woord[:i], woord[i:]
        if (links.lower() in VOOR_GEPLAKT and len(rechts) >= 3) or (
                rechts.lower() in NA_GEPLAKT and len(links) >= 3):
            uit.add(f"{links} {rechts}")
    return uit


def _met_hoofdletter_als(voorbeeld: str, woord: str) -> str:
    if voorbeeld[:1].isupper() and not woord[:1].isupper():
        return woord[:1].upper() + woord[1:]
    return woord


@dataclass
class _Oordeel:
    nieuw: str | None
    """The repair when it is certain."""
    kandidaten: list[str]


def herstel_woorden(stukken: list[Stuk], schat: Woordenschat
                    ) -> tuple[list[Stuk], list[Melding]]:
    """Repair OCR-damaged words on certain evidence; suggest the rest."""
    if not schat.lijst.beschikbaar and not schat.corpus:
        return stukken, []
    tokens = {w for s in stukken for w in _woorden(s.tekst)
              if len(_LETTERS.findall(w)) >= 3 and not w.isupper()}
    onbekend = tokens - schat.bekend(tokens)
    kandidaten = {w: _varianten(w) | _splitsingen(w) for w in onbekend}
    alle = {d for ks in kandidaten.values() for k in ks for d in k.split()}
    # The joins of a suspect word with its neighbour, asked in the same batch.
    for stuk in stukken:
        paren = itertools.pairwise(_woorden(stuk.tekst))
        alle |= {a + b for a, b in paren if a in onbekend or b in onbekend}
    bekend = schat.bekend(alle) | {w for w in alle
                                   if w.lower() in VOOR_GEPLAKT | NA_GEPLAKT | schat.frequent}
    oordelen = {w: _oordeel(w, ks, bekend, schat) for w, ks in kandidaten.items()}
    meldingen: list[Melding] = []
    uit = []
    for stuk in stukken:
        tekst = _voeg_splitsingen_samen(stuk, onbekend, schat, meldingen)
        for woord in dict.fromkeys(_woorden(tekst)):
            oordeel = oordelen.get(woord)
            if oordeel is None:
                continue
            if oordeel.nieuw is not None:
                tekst = re.sub(rf"(?<![\w|]){re.escape(woord)}(?![\w|])", oordeel.nieuw, tekst)
                meldingen.append(Melding(stuk.regel, f"woord {woord!r} gelezen als "
                                         f"{oordeel.nieuw!r} (OCR-fout, enige bekende vorm)"))
            elif oordeel.kandidaten:
                meldingen.append(Melding(stuk.regel, f"woord {woord!r} onbekend; misschien "
                                         f"{' of '.join(map(repr, oordeel.kandidaten))}",
                                         zeker=False))
            elif _VREEMD.search(woord) or _OCR_SPOOR.search(woord):
                meldingen.append(Melding(stuk.regel, f"woord {woord!r} onbekend, met tekens "
                                         "die OCR vaak verkeerd leest", zeker=False))
        uit.append(stuk.met(tekst=tekst) if tekst != stuk.tekst else stuk)
    return uit, meldingen


def _splitsing_past(kandidaat: str, schat: Woordenschat) -> bool:
    """A split is evidence when the word beside the function word is one of this text or of
    the corpus (hunspell alone accepts many fragments)."""
    links, rechts = kandidaat.split(" ", 1)
    woord = rechts if links.lower() in VOOR_GEPLAKT else links
    return woord.lower() in schat.corpus or woord.lower() in schat.frequent or (
        len(woord) >= _LANG_WOORD and bool(schat.lijst.bekend([woord])))


def _voeg_splitsingen_samen(stuk: Stuk, onbekend: set[str], schat: Woordenschat,
                            meldingen: list[Melding]) -> str:
    """Two pieces of one word (``beroeps beoefenaar``): joined when one piece is not a word
    and the whole is one of this text or of the corpus."""
    tekst = stuk.tekst
    woorden = _woorden(tekst)
    for links, rechts in itertools.pairwise(woorden):
        geheel = links + rechts
        los = [d for d in (links, rechts) if d in onbekend and d.lower() not in schat.frequent]
        gebruikelijk = geheel.lower() in schat.corpus or geheel.lower() in schat.frequent
        if {links.lower(), rechts.lower()} & (VOOR_GEPLAKT | NA_GEPLAKT):
            continue
        # Two words that are each Dutch (``Veel gebruikte``) stay apart: no evidence.
        if los and (gebruikelijk or schat.lijst.bekend([geheel])):
            nieuw = re.sub(rf"(?<![\w|]){re.escape(links)} {re.escape(rechts)}(?![\w|])",
                           geheel, tekst)
            if nieuw != tekst:
                meldingen.append(Melding(stuk.regel, f"woorden {links!r} en {rechts!r} "
                                         f"samengevoegd tot {geheel!r} (OCR-spatie)"))
                tekst = nieuw
    return tekst


def _oordeel(woord: str, kandidaten: set[str], bekend: set[str], schat: Woordenschat
             ) -> _Oordeel:
    goed = sorted(k for k in kandidaten if all(d in bekend for d in k.split())
                  and (" " not in k or _splitsing_past(k, schat)))
    goed = [_met_hoofdletter_als(woord, k) for k in goed]
    if len(goed) > 1:
        # Several repairs give Dutch words: one the corpus or the sources use settles it.
        gebruikt = [k for k in goed if k.lower() in schat.corpus or k.lower() in schat.frequent]
        if len(gebruikt) == 1:
            return _Oordeel(gebruikt[0], goed)
        return _Oordeel(None, goed)
    return _Oordeel(goed[0] if goed else None, goed)
