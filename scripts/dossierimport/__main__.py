"""``python -m dossierimport``: the importer (see :mod:`dossierimport.cli`)."""

import sys

from dossierimport.cli import main

sys.exit(main())
