"""``python -m kwalificatiedossiers``: the data checker (see :mod:`kwalificatiedossiers.cli`)."""

import sys

from kwalificatiedossiers.cli import main

sys.exit(main())
