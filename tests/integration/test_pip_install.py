"""gongwen as a Python package: ``pip install .`` and the wheel into a fresh venv (no system
site-packages, so no ``uno``: soffice is driven by ``--convert-to``), then every subcommand
run from another folder, with nothing of the checkout on the path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASE_PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
NOT_SOURCES = shutil.ignore_patterns(".git", ".venv", "dist", "out", "build", "*.egg-info",
                                     "__pycache__", ".pytest_cache", ".ruff_cache")


def run(*args: object, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["LC_ALL"] = "en_US.UTF-8"
    return subprocess.run([str(a) for a in args], cwd=str(cwd), env=env, capture_output=True,
                          text=True, timeout=timeout)


def ok(done: subprocess.CompletedProcess, status: int = 0) -> subprocess.CompletedProcess:
    assert done.returncode == status, f"{done.args}\n{done.stdout}\n{done.stderr}"
    return done


def build_wheel(source: Path, out: Path) -> Path:
    """``python -m build --wheel`` where the build package is installed, else pip's own
    PEP 517 build (the same setuptools backend). Run from ``out``'s folder: a ``build/``
    folder the backend leaves in the source would pass for the package."""
    here = out.parent
    probe = "import importlib.util as u; print(u.find_spec('build') is not None)"
    if ok(run(sys.executable, "-c", probe, cwd=here)).stdout.strip() == "True":
        ok(run(sys.executable, "-m", "build", "--wheel", "--outdir", out, source, cwd=here))
    else:
        ok(run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", out, source, cwd=here))
    return next(out.glob("gongwen-*.whl"))


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("src") / "gongwen"
    shutil.copytree(str(ROOT), str(copy), ignore=NOT_SOURCES)
    return copy


def test_wheel_carries_templates_and_scaffolds(source: Path, tmp_path: Path):
    wheel = build_wheel(source, tmp_path / "dist")
    names = set(zipfile.ZipFile(wheel).namelist())
    for key in ("personal", "annual-summary", "integrity", "leadership", "party-building"):
        assert f"gongwen/templates/{key}.docx" in names
        assert f"gongwen/scaffolds/{key}.json" in names
    assert "gongwen/pdf/pdfmeasure.py" in names and "gongwen/soffice/office.py" in names


def test_pip_install_then_every_subcommand_from_another_folder(source: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    ok(run(BASE_PYTHON, "-m", "venv", venv, cwd=tmp_path))
    pip = [venv / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    ok(run(*pip, source, cwd=tmp_path))  # pip install .
    gongwen = venv / "bin" / "gongwen"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = ok(run(venv / "bin" / "python", "-c", "import gongwen; print(gongwen.__file__)",
                   cwd=elsewhere)).stdout
    assert where.startswith(str(venv)), where
    _every_subcommand(gongwen, elsewhere)
    # the wheel too, over the same dependencies
    wheel = build_wheel(source, tmp_path / "dist")
    ok(run(*pip, "--force-reinstall", "--no-deps", wheel, cwd=tmp_path))
    again = elsewhere / "again"
    again.mkdir()
    _every_subcommand(gongwen, again)


def _every_subcommand(gongwen: Path, folder: Path) -> None:
    assert "personal" in ok(run(gongwen, "types", cwd=folder)).stdout
    assert "gbt9704" in ok(run(gongwen, "presets", cwd=folder)).stdout
    ok(run(gongwen, "new", "personal", "-o", "report.docx", "--name", "张三", cwd=folder))
    assert "placeholder(s) in 1 file(s)" in ok(run(gongwen, "check", "report.docx", cwd=folder),
                                         1).stdout
    ok(run(gongwen, "format", "report.docx", "-o", "formatted.docx", "--pdf", cwd=folder))
    assert (folder / "formatted.docx").is_file() and (folder / "formatted.pdf").is_file()
    assert ok(run(gongwen, "lint", "formatted.pdf", cwd=folder)).stdout == \
        "no problems in 1 file(s)\n"
    (folder / "notes.txt").write_bytes("关于工作的报告\r\n一、情况\r\n正文。".encode("gbk"))
    ok(run(gongwen, "format", "notes.txt", "--out-dir", "out", cwd=folder))
    assert (folder / "out" / "notes.docx").is_file()
