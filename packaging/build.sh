#!/usr/bin/env bash
# Build LossLab's one-folder bundle with PyInstaller:  bash packaging/build.sh
#
# Result: dist/losslab/ at the repository root; run dist/losslab/losslab.  Intermediate files go
# to build/pyinstaller/.  Both are git-ignored.  Uses $PYTHON (default: python3, or python if
# there is no python3), which must already have LossLab and its dependencies installed
# (python3 -m pip install -e .); PyInstaller is installed into it with pip if missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
if [[ -z "${PYTHON:-}" ]]; then
    if command -v python3 >/dev/null 2>&1; then PYTHON=python3; else PYTHON=python; fi
fi

if ! "$PYTHON" -c "import losslab, PySide6, pyqtgraph, numpy, PIL" 2>/dev/null; then
    echo "build.sh: $PYTHON cannot import LossLab and its dependencies;" \
         "run: $PYTHON -m pip install -e \"$root\"" >&2
    exit 1
fi
if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    echo "build.sh: installing PyInstaller into $PYTHON" >&2
    "$PYTHON" -m pip install "pyinstaller>=6.10"
fi

cd "$root"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$root/dist" --workpath "$root/build/pyinstaller" \
    "$here/losslab.spec"

echo "Built $root/dist/losslab/losslab"
