"""Entry point of the frozen bundle (PyInstaller runs this file as ``__main__``).

It only hands over to the same ``main`` as the ``losslab`` command and ``python -m losslab``,
so the bundle understands exactly the same command line (GUI, ``export``, ``params``).
"""

import sys

from losslab.cli import main

if __name__ == "__main__":
    sys.exit(main())
