"""Fonts as a stock Debian resolves them (issue 19): without the project's fontconfig file,
the extension's replacement table gives the official names distinct free faces — a serif
CJK face for 小标宋 and 仿宋, a sans for 黑体, a Kai face for 楷体 — from LibreOffice's next
start, and 检查格式 names the faces the PDF really uses."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gongwen.writer import checkformat

NOTICE = ["青山县人民政府关于做好防汛工作的通知", "各乡镇人民政府：", "一、提高思想认识",
          "（一）压实责任", "各单位要高度重视防汛工作。", "青山县人民政府", "2024年5月10日"]


def _families() -> str:
    return subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                          check=False).stdout if shutil.which("fc-list") else ""


pytestmark = pytest.mark.skipif(
    not all(name in _families() for name in ("Noto Serif CJK SC", "Noto Sans CJK SC",
                                             "AR PL UKai CN")) or not shutil.which("pdffonts"),
    reason="needs fonts-noto-cjk, fonts-arphic-ukai and poppler-utils")


def _pdf_faces(pdf: Path) -> set:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    # "BAAAAA+NotoSerifCJKjp-Regular-VKana" → "notoserifcjk"; "DAAAAA+UKaiCN" → "ukaicn"
    names = [line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()]
    return {re.sub(r"(jp|sc|kr|tc|hk)?(-.*)?$", "", name).lower() for name in names}


def _face_key(family: str) -> str:
    """How pdffonts writes a family: "Noto Serif CJK SC" → "notoserifcjk", "AR PL UKai CN"
    → "ukaicn"."""
    compact = family.replace(" ", "").lower()
    return compact[4:] if compact.startswith("arpl") else re.sub(r"sc$", "", compact)


def _format_and_export(office, folder: Path, tag: str):
    source = folder / f"notice-{tag}.txt"
    source.write_text("\n".join(NOTICE), encoding="utf-8")
    document = office.load_text(source)
    try:
        assert office.dispatch(document, "vnd.gongwen:Format").ok
        pdf = office.export_pdf(document, folder / f"notice-{tag}.pdf")
        missing = [p for p in checkformat.format_problems(document, None, "en-US",
                                                          ctx=office.ctx).problems
                   if p.code == "font-missing"]
        return _pdf_faces(pdf), missing
    finally:
        office.close(document)


def test_the_official_names_get_distinct_free_faces_and_the_checker_names_them(oxt,
                                                                             tmp_path: Path):
    from rig.office import Office

    office = Office(oxt, tmp_path / "office", own_fonts=False).start()
    try:
        before, _ = _format_and_export(office, tmp_path, "before")
        office.stop()  # LibreOffice reads the replacement table when it starts
        office._launch()
        after, missing = _format_and_export(office, tmp_path, "after")
    finally:
        office.stop()
    cjk = {face for face in after if "cjk" in face or "kai" in face}
    assert {"notoserifcjk", "notosanscjk", "ukaicn"} <= cjk, after
    assert len({face for face in before if "cjk" in face or "kai" in face}) < len(cjk)
    named = {re.search(r"font (.+?) is not installed; (.+?) will stand in", p.message).groups()
             for p in missing}
    official = {font: stand_in for font, stand_in in named if not font.isascii()}
    assert official == {"方正小标宋简体": "Noto Serif CJK SC", "仿宋_GB2312": "Noto Serif CJK SC",
                        "黑体": "Noto Sans CJK SC", "楷体_GB2312": "AR PL UKai CN"}, named
    assert {_face_key(stand_in) for stand_in in official.values()} <= after


def test_the_clis_pdf_uses_the_same_stand_ins(tmp_path: Path, monkeypatch):
    """The CLI's own soffice gets the same replacement table in its throwaway profile
    (soffice/office.py): format --pdf draws the official names with the same free faces,
    and lint names them as Writer's 检查格式 does."""
    from gongwen import cli
    from gongwen.cli.lint import lint_document

    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    source = tmp_path / "notice.txt"
    source.write_text("\n".join(NOTICE), encoding="utf-8")
    out = tmp_path / "notice.docx"
    assert cli.main(["format", str(source), "-o", str(out), "--pdf"]) == 0
    faces = _pdf_faces(out.with_suffix(".pdf"))
    assert {"notoserifcjk", "notosanscjk", "ukaicn"} <= faces, faces
    missing = {p.message for p in lint_document(out) if p.code == "font-missing"}
    assert any("方正小标宋简体" in m and "Noto Serif CJK SC" in m for m in missing), missing
    assert any("楷体_GB2312" in m and "AR PL UKai CN" in m for m in missing), missing
