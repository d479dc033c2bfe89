"""One measured build, run in its own process so that peak memory is this build's alone.

``python -m dossierbench.bouw <mkdocs.yml> <site>`` builds in-process and prints one JSON line:
wall seconds, peak RSS of this process and of its children (if any) and, when our plugin ran,
the seconds spent in each of its steps.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main(config_pad: str, site: str) -> dict[str, object]:
    """Build and return the measurements."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    begin = time.perf_counter()
    config = load_config(config_pad, site_dir=site)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    wand = time.perf_counter() - begin
    plugin = config.plugins.get("kwalificatiedossiers")
    return {
        "wand_s": wand,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_kinderen_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "eigen_code_s": dict(getattr(plugin, "duur", {})),
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
