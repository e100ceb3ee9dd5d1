"""Guard against the PySide6 6.12.0 / CPython 3.11 refcount bug.

That combination lowers the reference count of ``None`` on every call of a Qt method that
returns nothing; after a few thousand calls the interpreter aborts with "Fatal Python error:
none_dealloc" (exit 134), even at the end of a passing run.  pyproject.toml excludes it; this
test proves the installed combination survives a million such calls.
"""

from __future__ import annotations

import subprocess
import sys

CALLS = 1_000_000

SCRIPT = f"""
import sys
from PySide6.QtCore import QPointF, QObject
point = QPointF()
obj = QObject()
before = sys.getrefcount(None)
for i in range({CALLS}):
    point.setX(1.0)          # void C++ method
    if i % 1000 == 0:
        obj.setObjectName("x")  # another void method, on a QObject
print("ok", sys.getrefcount(None) - before)
"""


def test_a_million_void_qt_calls_do_not_abort_the_interpreter():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert result.stdout.startswith("ok")
    # On the broken combination None's count drifts down by one per call.
    drift = int(result.stdout.split()[1])
    assert drift > -1000, f"None's reference count drifted by {drift}"
