"""The `eventwire code` command as a user runs it: real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = (
    "Leaders discuss drought – Example Post – 07/02/2024\n\n"
    "The presidents of Kenya and Uganda met in Kampala on Monday to discuss the drought.\n"
)


def run_code(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "eventwire", "code", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": tmp_path / "good.txt",
        "latin1": tmp_path / "latin1.txt",
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "binary.txt",
        "french": tmp_path / "french.txt",
    }
    files["good"].write_text(GOOD, encoding="utf-8")
    files["latin1"].write_bytes(
        "Café talks - Example Post - 07/02/2024\n\nThe mayor of Montréal met the président of the "
        "café owners' union on Monday to discuss the rent rules for terraces in the old town.\n".encode(
            "latin-1"
        )
    )
    files["empty"].write_text("", encoding="utf-8")
    files["binary"].write_bytes(bytes(range(256)) * 4)
    files["french"].write_text(
        "Le président a rencontré mardi le premier ministre pour discuter de la réforme des "
        "retraites et des salaires des fonctionnaires dans tout le pays.\n",
        encoding="utf-8",
    )
    return files


def test_bad_files_are_reported_and_good_ones_coded(
    inputs: dict[str, Path], tmp_path: Path
) -> None:
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    missing = tmp_path / "missing.txt"
    result = run_code(
        *(str(p) for p in inputs.values()), str(empty_dir), str(missing), "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    articles = [json.loads(line)["article"] for line in result.stdout.splitlines()]
    assert sorted(a["source"] for a in articles) == sorted(
        [str(inputs["good"]), str(inputs["latin1"])]
    )
    latin = next(a for a in articles if a["source"] == str(inputs["latin1"]))
    assert latin["title"] == "Café talks"
    for path, problem in [
        (inputs["empty"], "empty file"),
        (inputs["binary"], "binary file"),
        (inputs["french"], "not in English"),
        (empty_dir, "holds no articles"),
        (missing, "no such file"),
    ]:
        line = next((ln for ln in result.stderr.splitlines() if str(path) in ln), "")
        assert problem in line, result.stderr


def test_nothing_coded_is_an_error_without_traceback(inputs: dict[str, Path]) -> None:
    result = run_code(str(inputs["empty"]), str(inputs["binary"]))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "no article could be coded" in result.stderr


def test_bad_date_option_is_a_usage_error(inputs: dict[str, Path]) -> None:
    result = run_code(str(inputs["good"]), "--date", "24/06/2023")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr
