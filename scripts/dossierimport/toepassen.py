"""Writing planned imports into the data folder: complete and validated before anything changes.

Flow: a working folder next to the data folder (same file system, outside it) → per dossier the
new folder is written there, every file flushed to disk, with the maintainer's own files of the
folder it replaces → the data folder as it would become (links to everything in it plus the new
folders) is validated with the site's own loader → only then each new folder takes the place of
the old one in one rename, an atomic exchange where the system has one, with signals held back
→ the working folder, which now holds the old folders, is removed.

On any error, and on Ctrl-C, SIGTERM or SIGHUP, nothing in the data folder has changed and the
working folder is gone. A killed import (SIGKILL, power loss) cannot clean up: it leaves its
working folder outside the data folder, and the next import removes it.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import functools
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from types import FrameType

from dossierimport.plan import Dossierplan, huidige_editie
from kwalificatiedossiers.laden import COMPETENTIES_BESTAND, DOSSIER_BESTAND, laad_corpus
from kwalificatiedossiers.problemen import DataFout, toon_bestand
from kwalificatiedossiers.urls import VERSIES, versie_slug

VOORVOEGSEL = ".dossier-import-"
"""Name of a working folder: hidden, so that nothing takes it for data."""
_SLOT = ".slot"
"""The lock file an import holds in its working folder while it runs."""
_OUD_ZONDER_SLOT = 60.0
"""Seconds after which a working folder without a lock file (killed right after creating
it) counts as left behind."""


class SchrijfFout(Exception):
    """Writing an import failed; the data folder is as it was."""


def voer_uit(plannen: list[Dossierplan], uit: Path) -> list[Path]:
    """Write every plan that changes something into ``uit``; return the folders written.

    Raises :class:`~kwalificatiedossiers.problemen.DataFout` when the data folder would become
    invalid (checked when it holds ``competenties.yaml``) and :class:`SchrijfFout` when the file
    system refuses; in both cases nothing in ``uit`` changed.
    """
    te_schrijven = [plan for plan in plannen if plan.verandert]
    _vervang_mappen(uit, {plan.doel: functools.partial(_schrijf_map, plan=plan)
                          for plan in te_schrijven})
    return [plan.doel for plan in te_schrijven]


def maak_huidig(uit: Path, versie_id: str) -> tuple[Path, Path]:
    """Make version ``<id>/<versie>`` of a dossier its current version: its folder becomes
    ``<uit>/<id>`` and the current one becomes a version of its own, ``<id>/versies/<versie>``
    named after its edition (with the maintainer's own files that were beside it). The other
    versions stay. Return where the two went (new current, old current).

    Checked and applied as an import is: the data folder is validated as it would be and the
    dossier folder is replaced in one atomic exchange; on any error nothing changed.
    """
    dossier_id, _, slug = versie_id.partition("/")
    huidig = uit / dossier_id
    versie = huidig / VERSIES / slug
    if not slug or "/" in slug or not versie.is_dir() or versie.is_symlink():
        raise SchrijfFout(f"{toon_bestand(versie)}: geen versie van dossier '{dossier_id}'; "
                          f"noem er een als <dossier>/<versie>, zoals in {toon_bestand(huidig)}"
                          f"/{VERSIES}/")
    editie = huidige_editie(huidig)
    oude_slug = versie_slug(editie.label, editie.datum) if editie else None
    if oude_slug is None:
        raise SchrijfFout(f"{toon_bestand(huidig / DOSSIER_BESTAND)}: de huidige versie noemt "
                          "geen versie of datum; zo kan ze geen versie van haar eigen worden")
    if oude_slug == slug or (huidig / VERSIES / oude_slug).exists():
        raise SchrijfFout(f"{toon_bestand(huidig / VERSIES / oude_slug)}: de huidige versie "
                          "zou daar komen, maar die versie bestaat al")

    def schrijf(map_: Path) -> None:
        shutil.copytree(versie, map_, symlinks=True)
        for ingang in sorted(huidig.iterdir()):
            if ingang.name != VERSIES:
                _kopieer(ingang, map_ / VERSIES / oude_slug / ingang.name)
            else:
                for andere in sorted(ingang.iterdir()):
                    if andere.name != slug:
                        _kopieer(andere, map_ / VERSIES / andere.name)
        for wortel, _, namen in os.walk(map_):
            for pad in (Path(wortel) / naam for naam in namen):
                if not pad.is_symlink():
                    _schijf(pad)
            _schijf(Path(wortel))

    _vervang_mappen(uit, {huidig: schrijf})
    return huidig, huidig / VERSIES / oude_slug


def _kopieer(bron: Path, doel: Path) -> None:
    doel.parent.mkdir(parents=True, exist_ok=True)
    if bron.is_dir() and not bron.is_symlink():
        shutil.copytree(bron, doel, symlinks=True)
    else:
        shutil.copy2(bron, doel, follow_symlinks=False)


def _vervang_mappen(uit: Path, nieuw: dict[Path, Callable[[Path], None]]) -> None:
    """Replace (or create) each folder below ``uit`` by what its writer puts in a fresh one:
    written in a working folder, the data folder validated as it would become, then swapped
    into place. Raise :class:`DataFout` or :class:`SchrijfFout`; then nothing in ``uit``
    changed."""
    if not nieuw:
        return
    basis = _werkplek(uit)
    ruim_op(basis)
    try:
        with _signalen_als_afbreken(), _werkmap(basis) as werk:
            data = werk / "data"
            _spiegel(uit, data, {doel.relative_to(uit).parts for doel in nieuw})
            for doel, schrijf in nieuw.items():
                schrijf(data / doel.relative_to(uit))
            if (data / COMPETENTIES_BESTAND).exists():
                _valideer(data, uit)
            _zet_op_hun_plek(list(nieuw), data, uit)
    except OSError as exc:
        raise SchrijfFout(f"{exc.filename or uit}: {exc.strerror}; er is niets veranderd"
                          ) from exc


def _werkplek(uit: Path) -> Path:
    """Where the working folder goes: next to ``uit``, on the same file system (a rename
    cannot cross file systems); inside ``uit`` when ``uit`` is a mount point of its own."""
    uit = uit.absolute()
    basis = uit.parent
    basis.mkdir(parents=True, exist_ok=True)
    if uit.exists() and uit.stat().st_dev != basis.stat().st_dev:
        return uit
    return basis


def ruim_op(basis: Path) -> None:
    """Remove the working folders that killed imports left in ``basis`` (never one that a
    running import holds locked)."""
    for map_ in sorted(basis.glob(VOORVOEGSEL + "*")):
        if not map_.is_dir() or map_.is_symlink():
            continue
        try:
            fd = os.open(map_ / _SLOT, os.O_RDWR)
        except FileNotFoundError:
            if time.time() - map_.stat().st_mtime > _OUD_ZONDER_SLOT:
                shutil.rmtree(map_, ignore_errors=True)
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # another import is running
        finally:
            os.close(fd)
        shutil.rmtree(map_, ignore_errors=True)


@contextlib.contextmanager
def _werkmap(basis: Path) -> Iterator[Path]:
    """A fresh, locked working folder in ``basis``, removed afterwards whatever happens."""
    werk = Path(tempfile.mkdtemp(prefix=VOORVOEGSEL, dir=basis))
    try:
        with (werk / _SLOT).open("w") as slot:
            fcntl.flock(slot, fcntl.LOCK_EX)
            yield werk
    finally:
        shutil.rmtree(werk, ignore_errors=True)


@contextlib.contextmanager
def _signalen_als_afbreken() -> Iterator[None]:
    """SIGTERM and SIGHUP stop the import the way Ctrl-C does: by an exception, so that every
    ``finally`` runs and the working folder is removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def afbreken(nummer: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + nummer)

    vorige = {s: signal.signal(s, afbreken) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for nummer, handler in vorige.items():
            signal.signal(nummer, handler)


@contextlib.contextmanager
def _signalen_uitgesteld() -> Iterator[None]:
    """Hold back Ctrl-C, SIGTERM and SIGHUP (delivered afterwards) while folders are swapped."""
    vorige = signal.pthread_sigmask(signal.SIG_BLOCK,
                                    {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, vorige)


def _spiegel(uit: Path, data: Path, vervangen: set[tuple[str, ...]]) -> None:
    """``data``: the data folder as it will be, with a link to each entry of ``uit`` that the
    import leaves alone. ``vervangen`` are the folders the import writes (as path parts): a
    folder on the way to one (``commercie`` for a new version ``commercie/versies/2025-08-01``)
    becomes a folder of its own, mirrored in turn."""
    data.mkdir()
    if not uit.is_dir():
        return
    for ingang in sorted(uit.iterdir()):
        verder = {pad[1:] for pad in vervangen if pad[0] == ingang.name}
        if not verder:
            (data / ingang.name).symlink_to(ingang.absolute())
        elif () not in verder:  # not replaced whole: something below it is
            _spiegel(ingang, data / ingang.name, verder)


def _schrijf_map(map_: Path, *, plan: Dossierplan) -> None:
    """The new dossier folder: the import's files and the maintainer's own, on disk."""
    for pad, tekst in sorted(plan.bestanden.items()):
        _schrijf(map_ / pad, tekst)
    for pad in plan.eigen():
        doel = map_ / pad
        doel.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(plan.doel / pad, doel)
        _schijf(doel)
    for wortel, _, _ in os.walk(map_):
        _schijf(Path(wortel))


def _schrijf(pad: Path, tekst: str) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    with pad.open("w", encoding="utf-8", newline="") as bestand:
        bestand.write(tekst)
        bestand.flush()
        os.fsync(bestand.fileno())


def _schijf(pad: Path) -> None:
    """Flush a file or folder to disk, so that a rename never publishes an empty file."""
    fd = os.open(pad, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _valideer(data: Path, uit: Path) -> None:
    """Load the data folder as it would be; problems name the files as they will be in ``uit``."""
    try:
        laad_corpus(data)
    except DataFout as exc:
        werk, echt = toon_bestand(data), toon_bestand(uit.absolute())
        raise DataFout(
            [replace(p, bestand=echt + p.bestand[len(werk):]) if p.bestand.startswith(werk)
             else p for p in exc.problemen], exc.meldingen) from None


def _zet_op_hun_plek(doelen: list[Path], data: Path, uit: Path) -> None:
    """Swap each new folder into place; undo the swaps done so far if one fails."""
    uit.mkdir(parents=True, exist_ok=True)
    gedaan: list[tuple[Path, Path, bool]] = []
    with _signalen_uitgesteld():
        try:
            for doel in doelen:
                nieuw = data / doel.relative_to(uit)
                bestond = doel.exists() or doel.is_symlink()
                if bestond:
                    wissel(nieuw, doel)
                else:
                    doel.parent.mkdir(parents=True, exist_ok=True)
                    nieuw.rename(doel)
                gedaan.append((nieuw, doel, bestond))
        except OSError:
            for nieuw, doel, bestond in reversed(gedaan):
                if bestond:
                    wissel(nieuw, doel)
                else:
                    doel.rename(nieuw)
            raise
        _schijf(uit)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@functools.cache
def _renameat2() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    """Linux's ``renameat2`` from the C library, when there is one."""
    try:
        functie = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    functie.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                        ctypes.c_uint]
    return functie


def wissel(a: Path, b: Path) -> None:
    """Exchange two folders: in one step where the system can (``RENAME_EXCHANGE``), otherwise
    by three renames (signals are held back meanwhile; only a kill can come between)."""
    renameat2 = _renameat2()
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
        fout = ctypes.get_errno()
        if fout not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(fout, os.strerror(fout), str(b))
    tussen = a.with_name(a.name + ".wissel")
    b.rename(tussen)
    a.rename(b)
    tussen.rename(a)
