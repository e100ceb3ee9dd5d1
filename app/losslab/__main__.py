"""``python -m losslab``: same as the ``losslab`` command."""

import sys

from losslab.cli import main

sys.exit(main())
