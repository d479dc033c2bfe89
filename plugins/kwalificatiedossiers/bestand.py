"""Reading one input file safely: only a regular file, limited in size, never blocking.

A path that a maintainer, a glob or a hostile repository hands over can be a folder (named
``p9.yaml``), a FIFO (reading it waits forever), a device, a socket, a dangling link or a file
too large to hold in memory. The file is opened without blocking and checked through its own
descriptor (so it cannot be swapped between check and read); everything else is refused with
a sentence a maintainer understands.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class BestandFout(Exception):
    """A path that cannot be read as an input file; the message says why, in a sentence."""


_SOORTEN = (
    (stat.S_ISDIR, "een map"),
    (stat.S_ISFIFO, "een FIFO (named pipe)"),
    (stat.S_ISSOCK, "een socket"),
    (stat.S_ISCHR, "een apparaat"),
    (stat.S_ISBLK, "een apparaat"),
)


def soort(modus: int) -> str:
    """What a path with this ``st_mode`` is, for a message (``een map``)."""
    return next((naam for test, naam in _SOORTEN if test(modus)), "geen gewoon bestand")


def lees_bytes(pad: Path, maximum: int) -> bytes:
    """The bytes of a regular file of at most ``maximum`` bytes; raise :class:`BestandFout`."""
    try:
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
        fd = os.open(pad, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise BestandFout("bestaat niet") from exc
    except OSError as exc:
        raise BestandFout(f"kan niet worden geopend: {exc.strerror}") from exc
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise BestandFout(f"is {soort(status.st_mode)}, geen gewoon bestand")
        if status.st_size > maximum:
            raise BestandFout(f"bestand is {status.st_size:,} bytes; het maximum is "
                              f"{maximum:,} bytes")
        with os.fdopen(fd, "rb", closefd=False) as bestand:
            inhoud = bestand.read(maximum + 1)
    except OSError as exc:
        raise BestandFout(f"kan niet worden gelezen: {exc.strerror}") from exc
    finally:
        os.close(fd)
    if len(inhoud) > maximum:  # it grew after the check
        raise BestandFout(f"bestand is meer dan {maximum:,} bytes; het maximum is "
                          f"{maximum:,} bytes")
    return inhoud
