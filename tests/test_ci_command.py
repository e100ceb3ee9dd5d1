"""CI runs the README's test command, read from the README itself, in a fresh virtual env."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_block(heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"\*\*{re.escape(heading)}\*\*\s*```bash\n(.*?)\n```", text, re.S)
    assert match, f"README has no bash block under **{heading}**"
    return match.group(1).strip()


def test_ci_extracts_exactly_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    awk = re.search(r"command=\$\((awk .*?README\.md)\)", script).group(1)
    extracted = subprocess.run(["bash", "-c", awk], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout.strip()
    assert extracted == _readme_block("Install and run every test")
    assert "pytest" in extracted and "[test]" in extracted


def test_ci_uses_a_throwaway_venv_and_fails_when_no_test_ran():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m venv" in script and "system-site-packages" not in script
    assert re.search(r'"\$status" -eq 5', script)


def test_the_two_readme_commands_install_from_the_project_files():
    start = _readme_block("Install and start the app")
    test = _readme_block("Install and run every test")
    assert "pip install -e ." in start and "losslab" in start
    assert 'pip install -e ".[test]"' in test
