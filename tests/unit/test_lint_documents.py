"""``gongwen lint`` on documents (issue 13 part 2): every code found on a crafted document,
none on a clean one, effective properties through the style chain, the preset judged
against, and the formatter and the checker agreeing on the samples."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from gongwen import cli, fontconfig, formatcheck, layout, normalize, presets
from gongwen.cli.inputs import read_text, text_document
from gongwen.formatcheck import Problem
from gongwen.ooxml import docxfacts
from gongwen.ooxml.docxrender import format_document

ROOT = Path(__file__).resolve().parents[2]
# Every font a formatted document names: "installed" so that font-missing, a fact about
# the machine, stays out of the tests that are about the document.
OFFICIAL_FONTS = frozenset({"方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体",
                            "Times New Roman"})
CLEAN = ["青山县人民政府关于做好2024年防汛工作的通知",
         "各乡镇人民政府，县直各单位：",
         "为切实做好今年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下。",
         "一、提高思想认识",
         "各单位要高度重视防汛工作，克服麻痹思想和侥幸心理。",
         "二、落实工作责任",
         "（一）压实属地责任",
         "各乡镇要落实防汛主体责任，主要负责同志要靠前指挥。",
         "（二）强化部门协同",
         "1.水利部门负责雨情水情监测，每日10:30报送一次，降雨量超过3.5毫米时加密报送。",
         "2.应急部门负责统筹调度，详情见www.example.gov.cn网站，Hello, world.",
         "特此通知。",
         "青山县人民政府",
         "2024年5月10日"]
BODY = 2  # CLEAN[BODY] is a body paragraph


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")


def settings_of(name: Optional[str] = None) -> layout.Settings:
    return layout.settings_from(presets.resolve(name).data)


def formatted(texts: List[str] = CLEAN, preset: Optional[str] = None):
    document = text_document("\n".join(texts))
    format_document(document, settings=settings_of(preset))
    return document


def problems(document, preset: Optional[str] = None,
             installed=OFFICIAL_FONTS, locale: str = "en-US") -> List[Problem]:
    facts = docxfacts.document_facts(document, installed=installed)
    return formatcheck.check(facts, settings_of(preset), locale)


def codes(found: List[Problem]) -> List[str]:
    return [problem.code for problem in found]


def text_problems(texts: List[str]) -> List[Problem]:
    return formatcheck.check(docxfacts.text_facts(texts), None, "en-US")


def body_paragraphs(document) -> list:
    return document.element.body.findall(qn("w:p"))


def run_rpr(paragraph) -> etree._Element:
    """The w:rPr of the paragraph's (only) run, made if missing."""
    run = paragraph.find(qn("w:r"))
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(run, qn("w:rPr"))
        run.insert(0, rpr)
    return rpr


def add(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, qn("w:" + tag))
    for key, value in attrs.items():
        element.set(qn("w:" + key), value)
    return element


# --- clean -----------------------------------------------------------------------------------

def test_a_formatted_clean_document_has_no_problems():
    assert problems(formatted()) == []


def test_what_the_formatter_makes_of_text_as_typed_is_clean():
    """Paragraphs indented with typed spaces, a run-in heading whose heading sentence is
    most of the paragraph, 附件说明 numbers after the colon, aligned by hand."""
    texts = ["青山县人民政府关于做好2024年防汛工作的通知",
             "各乡镇人民政府，县直各单位：",
             "\u3000\u3000为切实做好今年防汛工作，现将有关事项通知如下。",
             "\u3000\u3000一、提高思想认识",
             "\u3000\u3000（一）落实各乡镇的属地防汛主体责任。抓紧部署。",
             "    各单位要高度重视防汛工作。",
             "\u3000\u3000附件：1.防汛责任清单",
             "\u3000\u3000\u3000\u3000\u30002.值班人员安排表",
             "青山县人民政府",
             "2024年5月10日"]
    assert problems(formatted(texts)) == []


def test_the_clean_text_has_no_problems_either():
    assert text_problems(CLEAN) == []


def test_a_fixed_28pt_document_is_clean_by_its_own_preset_and_not_by_the_standard():
    document = formatted(preset="fixed-28pt")
    assert problems(document, "fixed-28pt") == []
    found = problems(document)
    assert codes(found) == ["page"]
    assert "no line grid" in found[0].message


def test_an_unformatted_document_is_all_off():
    document = text_document("\n".join(CLEAN))
    found = set(codes(problems(document)))
    assert {"page", "font", "size", "indent"} <= found


# --- page, font, size, indent ----------------------------------------------------------------

def test_page_margins_and_size():
    document = formatted()
    sect = document.element.body.find(qn("w:sectPr"))
    sect.find(qn("w:pgMar")).set(qn("w:top"), "1440")
    sect.find(qn("w:pgSz")).set(qn("w:h"), "15840")
    found = problems(document)
    assert codes(found) == ["page", "page", "page"]  # size, margins, and now 21 lines
    assert found[0].paragraph == 0 and found[0].label == ""
    assert "279.4" in found[0].message


def test_a_font_set_on_a_run():
    document = formatted()
    add(run_rpr(body_paragraphs(document)[BODY]), "rFonts", eastAsia="宋体")
    found = problems(document)
    assert [(p.code, p.paragraph) for p in found] == [("font", BODY)]
    assert "宋体" in found[0].message and "仿宋_GB2312" in found[0].fix


def test_a_wrong_latin_font_is_named_as_the_digits_and_letters_font():
    """"公文正文用了“宋体”，应为“Times New Roman”" read as if the Chinese were wrong."""
    document = formatted()
    add(run_rpr(body_paragraphs(document)[9]), "rFonts", ascii="宋体", hAnsi="宋体")
    found = problems(document, locale="zh-CN")
    assert [(p.code, p.paragraph) for p in found] == [("font", 9)]
    assert found[0].message == "公文三级标题的数字和字母用了“宋体”，应为“Times New Roman”"
    assert found[0].fix == "西文字体改为“Times New Roman”"


def test_bold_is_a_font_problem():
    document = formatted()
    add(run_rpr(body_paragraphs(document)[BODY]), "b")
    assert [(p.code, p.paragraph) for p in problems(document)] == [("font", BODY)]


def test_a_size_set_on_a_run():
    document = formatted()
    add(run_rpr(body_paragraphs(document)[BODY]), "sz", val="28")
    found = problems(document)
    assert [(p.code, p.paragraph) for p in found] == [("size", BODY)]
    assert "14 pt" in found[0].message


def test_a_direct_first_line_indent():
    document = formatted()
    ppr = body_paragraphs(document)[BODY].find(qn("w:pPr"))
    add(ppr, "ind", firstLine="0", firstLineChars="0")
    found = problems(document)
    assert [(p.code, p.paragraph) for p in found] == [("indent", BODY)]
    assert "first-line indent 0" in found[0].message


def test_a_hanging_indent_in_characters_supersedes_twips():
    document = formatted()
    ppr = body_paragraphs(document)[BODY].find(qn("w:pPr"))
    add(ppr, "ind", hanging="0", hangingChars="200")
    assert codes(problems(document)) == ["indent"]


def test_a_title_not_centred():
    document = formatted()
    ppr = body_paragraphs(document)[0].find(qn("w:pPr"))
    ppr.find(qn("w:jc")).set(qn("w:val"), "left") if ppr.find(qn("w:jc")) is not None \
        else add(ppr, "jc", val="left")
    found = problems(document)
    assert [(p.code, p.paragraph) for p in found] == [("indent", 0)]
    assert "centred" in found[0].message


# --- the style chain ------------------------------------------------------------------------

def _style(document, style_id: str) -> etree._Element:
    return next(s for s in document.styles.element.findall(qn("w:style"))
                if s.get(qn("w:styleId")) == style_id)


def _body_style_id(document) -> str:
    return body_paragraphs(document)[BODY].find(qn("w:pPr")).find(qn("w:pStyle")).get(
        qn("w:val"))


def test_a_style_based_on_the_body_style_inherits_its_look():
    document = formatted()
    base = _body_style_id(document)
    child = add(document.styles.element, "style", type="paragraph", styleId="MyBody")
    add(child, "name", val="My body")
    add(child, "basedOn", val=base)
    body_paragraphs(document)[BODY].find(qn("w:pPr")).find(qn("w:pStyle")).set(
        qn("w:val"), "MyBody")
    assert problems(document) == []  # everything comes through basedOn
    rpr = add(child, "rPr")
    add(rpr, "rFonts", eastAsia="楷体_GB2312")
    add(rpr, "sz", val="30")
    found = problems(document)
    assert [(p.code, p.paragraph) for p in found] == [("font", BODY), ("size", BODY)]


def test_a_changed_style_is_a_problem_for_every_paragraph_in_it():
    document = formatted()
    rpr = _style(document, _body_style_id(document)).find(qn("w:rPr"))
    rpr.find(qn("w:sz")).set(qn("w:val"), "24")
    sizes = [p.paragraph for p in problems(document) if p.code == "size"]
    assert BODY in sizes and len(sizes) >= 3


def test_document_defaults_give_the_size_when_nothing_else_does():
    document = text_document("\n".join(CLEAN))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for old in rpr.findall(qn("w:sz")):
        rpr.remove(old)
    add(rpr, "sz", val="32")  # 16 pt: the body's size
    facts = docxfacts.document_facts(document, installed=OFFICIAL_FONTS)
    assert facts.paragraphs[BODY].size_pt == 16.0


def test_theme_fonts_are_looked_up_in_the_theme():
    document = text_document("\n".join(CLEAN))  # python-docx's template names theme fonts
    theme = docxfacts._theme_fonts(document)
    title = docxfacts.document_facts(document, check_fonts=False).paragraphs[0]
    assert title.latin_font and title.latin_font == theme["minorHAnsi"]
    assert title.east_asian_font and title.east_asian_font == theme["minorEastAsia"]


# --- text rules -------------------------------------------------------------------------------

@pytest.mark.parametrize("headings, message", [
    (["一、甲", "三、乙"], "'三、' breaks the sequence: number 2 expected"),
    (["一、甲", "1.乙"], "'1.' is a level-3 heading with no level-2 heading above it"),
    (["一、甲", "（一）乙", "1.丙", "2、丁"], "numbered two ways"),
    (["一.甲"], "'一.' is not a standard form"),
    (["一、甲", "（一）乙", "（1、丙"], None),  # （1、 is no heading number: nothing to judge
])
def test_numbering(headings, message):
    texts = [CLEAN[0]] + [part for h in headings for part in (h, "正文内容。")] + CLEAN[-3:]
    found = [p for p in text_problems(texts) if p.code == "numbering"]
    if message is None:
        assert found == []
    else:
        assert any(message in p.message for p in found), [p.message for p in found]


def test_wrong_forms_that_are_still_headings():
    texts = [CLEAN[0], "一、甲", "（一）乙", "1．丙", "正文。"] + CLEAN[-3:]
    assert [p.message for p in text_problems(texts) if p.code == "numbering"] == [
        "heading number '1．' is not a standard form"]


def test_punctuation_half_width_in_chinese():
    texts = list(CLEAN)
    texts[BODY] = "为切实做好工作,现将有关事项通知如下:一是\"加强\"领导(试行)。"
    found = [p for p in text_problems(texts) if p.code == "punctuation"]
    marks = [texts[BODY][p.start:p.end] for p in found]
    assert marks == [",", ":", "\"", "\"", "(", ")"]
    assert found[0].fix == "use the full-width ，"


@pytest.mark.parametrize("text", [
    "详见https://www.gov.cn/zhengce/2024.html的通知。",
    "增长3.5个百分点，每日10:30报送。",
    "Hello, world. This is English (mostly).",
    "联系邮箱：office@example.gov.cn，文件名report.docx。",
])
def test_punctuation_not_flagged(text):
    texts = list(CLEAN)
    texts[BODY] = text
    assert [p for p in text_problems(texts) if p.code == "punctuation"] == []


def test_punctuation_problems_are_the_fixes_and_the_doubts():
    """lint reports what 规范写法 would change, and a mark it leaves in doubt; after the
    change only the doubt is left."""
    texts = list(CLEAN)
    texts[BODY] = '各单位要高度重视 ,认真组织(详见附件)...请于２０２５年前报送;他说"好'
    found = [p for p in text_problems(texts) if p.code == "punctuation"]
    assert [(texts[BODY][p.start:p.end], p.fix) for p in found] == [
        (" ", "remove the space"), (",", "use the full-width ，"), ("(", "use the full-width （"),
        (")", "use the full-width ）"), ("...", "use the full-width ……"),
        ("２０２５", "use the half-width 2025"), (";", "use the full-width ；"),
        ('"', "use the full-width “ if it is Chinese punctuation")]
    texts[BODY] = normalize.rewrite(texts[BODY], "body", normalize.Normalization(punctuation=True))
    assert texts[BODY] == '各单位要高度重视，认真组织（详见附件）……请于2025年前报送；他说"好'
    left = [p for p in text_problems(texts) if p.code == "punctuation"]
    assert [(p.start, p.message) for p in left] == [
        (len(texts[BODY]) - 2, "half-width '\"' in a Chinese sentence, left as typed "
                               "(its use is not clear)")]


@pytest.mark.parametrize("date", ["2024年05月10日", "二〇二四年五月十日", "2024.5.10"])
def test_date_not_in_the_standard_form(date):
    texts = CLEAN[:-1] + [date]
    found = [p for p in text_problems(texts) if p.code == "date"]
    assert len(found) == 1 and found[0].paragraph == len(texts) - 1
    assert "2024年5月10日" in found[0].fix


@pytest.mark.parametrize("date, problems_", [("2024.5.10", 1), ("2024年5月10日", 0)])
def test_the_date_of_a_one_line_closing(date, problems_):
    """署名 and 成文日期 typed on one line: the date part is judged, at its place."""
    line = "青山县人民政府        " + date
    texts = CLEAN[:-2] + [line]
    found = [p for p in text_problems(texts) if p.code == "date"]
    assert len(found) == problems_
    if found:
        assert line[found[0].start:found[0].end] == date
    formatted_lines = formatted(texts)  # and what the formatter makes of it is clean
    assert [p.code for p in problems(formatted_lines)] == ["date"] * problems_


def test_structure_no_title():
    found = text_problems(CLEAN[1:])
    assert [(p.code, p.paragraph) for p in found if p.code == "structure"] == [("structure", 0)]
    assert found[0].message == "no title"


def test_structure_a_minutes_mark_is_the_title():
    texts = ["XX县人民政府常务会议纪要", "2024年3月1日，县长XX主持召开县政府常务会议。",
             "会议研究了防汛工作。"]
    assert [p for p in text_problems(texts) if p.code == "structure"] == []


def test_structure_a_notice_without_signature_and_date():
    found = [p.message for p in text_problems(CLEAN[:-2]) if p.code == "structure"]
    assert found == ["no signature (署名)", "no date (成文日期)"]


def test_a_placeholder():
    texts = list(CLEAN)
    texts[BODY] = "全年完成XX项任务。"
    found = text_problems(texts)
    assert [(p.code, p.paragraph, p.start, p.end) for p in found] == [
        ("placeholder", BODY, 4, 6)]


def test_an_underlined_blank_in_a_docx_is_a_placeholder():
    document = formatted()
    paragraph = body_paragraphs(document)[BODY]
    run = copy.deepcopy(paragraph.find(qn("w:r")))
    run.find(qn("w:t")).text = "    "
    run.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    add(run_rpr_of(run), "u", val="single")
    paragraph.append(run)
    found = problems(document)
    assert [(p.code, p.paragraph) for p in found] == [("placeholder", BODY)]


def run_rpr_of(run) -> etree._Element:
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.Element(qn("w:rPr"))
        run.insert(0, rpr)
    return rpr


# --- fonts installed, direct formatting ---------------------------------------------------------

def test_font_missing_names_the_stand_in():
    found = problems(formatted(), installed=OFFICIAL_FONTS - {"楷体_GB2312"} | {"KaiTi"})
    assert [p.code for p in found] == ["font-missing"]
    assert "楷体_GB2312" in found[0].message
    assert CLEAN[found[0].paragraph] == "（一）压实属地责任"  # where it is used first


@pytest.mark.skipif(not fontconfig.families(), reason="no fontconfig")
def test_font_missing_through_fontconfig():
    document = formatted()
    add(run_rpr(body_paragraphs(document)[BODY]), "rFonts", eastAsia="没有这个字体")
    found = [p for p in problems(document, installed=None) if p.code == "font-missing"]
    missing = [p for p in found if "没有这个字体" in p.message]
    assert len(missing) == 1
    stand_in = fontconfig.match("没有这个字体")
    assert stand_in and stand_in in missing[0].message


@pytest.mark.parametrize("tag, attrs, word", [
    ("color", {"val": "FF0000"}, "coloured #FF0000"),
    ("u", {"val": "single"}, "underlined"),
    ("highlight", {"val": "yellow"}, "highlighted"),
])
def test_direct_format_of_a_whole_paragraph(tag, attrs, word):
    document = formatted()
    add(run_rpr(body_paragraphs(document)[BODY]), tag, **attrs)
    found = problems(document)
    assert [(p.code, p.paragraph) for p in found] == [("direct-format", BODY)]
    assert word in found[0].message


@pytest.mark.parametrize("tag, attrs", [("color", {"val": "0563C1"}), ("u", {"val": "single"}),
                                         ("shd", {"val": "clear", "fill": "F9F9F5"})])
def test_a_paragraph_that_is_a_link_has_the_link_s_look(tag, attrs):
    """Format leaves a real hyperlink's look (docxrender._clean_paragraph); 检查格式 does not
    ask for it to go (a real file's URL paragraph: 整段加了突出显示 after Format)."""
    document = formatted()
    paragraph = body_paragraphs(document)[BODY]
    add(run_rpr(paragraph), tag, **attrs)
    link = OxmlElement("w:hyperlink")
    for run in paragraph.findall(qn("w:r")):
        link.append(run)
    paragraph.append(link)
    assert [p for p in problems(document) if p.code == "direct-format"] == []


def test_one_red_word_is_no_direct_format_problem():
    document = formatted()
    paragraph = body_paragraphs(document)[BODY]
    run = copy.deepcopy(paragraph.find(qn("w:r")))
    run.find(qn("w:t")).text = "重要"
    add(run_rpr_of(run), "color", val="FF0000")
    paragraph.append(run)
    assert problems(formatted()) == [] and \
        [p for p in problems(document) if p.code == "direct-format"] == []


# --- the command ----------------------------------------------------------------------------

def lint_cli(capsys, *argv: str):
    status = cli.main(["lint", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_json_shape_and_exit_codes(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(fontconfig, "families", lambda: OFFICIAL_FONTS)
    clean = tmp_path / "clean.docx"
    formatted().save(str(clean))
    assert lint_cli(capsys, str(clean))[0] == 0
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("\n".join(CLEAN[1:]), encoding="utf-8")
    status, out, _ = lint_cli(capsys, "--json", str(clean), str(dirty))
    assert status == 1
    report = json.loads(out)
    assert report["total"] == 1
    assert [f["path"] for f in report["files"]] == [str(clean), str(dirty)]
    assert report["files"][1]["problems"] == [{
        "code": "structure", "message": "no title", "paragraph": 0, "start": 0, "end": 0,
        "context": CLEAN[1], "fix": "add a title line before the text (issuer, subject, "
                                    "document type)"}]
    status, _, err = lint_cli(capsys, str(tmp_path / "missing.docx"), str(clean))
    assert status == 2 and "missing.docx" in err


def test_cli_preset(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(fontconfig, "families", lambda: OFFICIAL_FONTS)
    path = tmp_path / "fixed.docx"
    formatted(preset="fixed-28pt").save(str(path))
    status, out, _ = lint_cli(capsys, str(path))
    assert status == 1 and ": page: no line grid" in out
    assert lint_cli(capsys, "--preset", "fixed-28pt", str(path))[0] == 0
    with pytest.raises(SystemExit) as stopped:  # before any file is read
        lint_cli(capsys, "--preset", "nonesuch", str(path))
    assert stopped.value.code == 2 and "nonesuch" in capsys.readouterr().err


def test_subprocess_python_m_gongwen_lint(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(CLEAN), encoding="gb18030")
    env = dict(os.environ, LC_ALL="en_US.UTF-8", PYTHONPATH=str(ROOT / "pythonpath"))
    done = subprocess.run([sys.executable, "-m", "gongwen", "lint", str(path)],
                          capture_output=True, env=env, timeout=120, text=True)
    assert done.returncode == 0, done.stderr
    assert "no problems in 1 file(s)" in done.stdout


# --- the formatter and the checker agree ------------------------------------------------------

SAMPLES = ["xian-jiaoyuju-niandu-zongjie", "xiangzhen-dangwei-shuji-shuzhi"]
FORMATTER_CODES = {"page", "font", "size", "indent", "direct-format"}


@pytest.mark.parametrize("preset", [None, "fixed-28pt"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_after_format_only_what_is_in_the_text_is_left(samples_dir, sample, preset):
    """After 一键公文格式 (the CLI's path) nothing of the layout is left: the problems are
    placeholders, and the text's own punctuation and missing title that formatting, which
    never changes text, is not there to fix: exactly those the text alone has."""
    texts = read_text(samples_dir / f"{sample}.txt")[0]
    document = text_document(texts)
    format_document(document, settings=settings_of(preset))
    found = problems(document, preset)
    assert not FORMATTER_CODES & set(codes(found))
    from gongwen.cli.inputs import text_paragraphs

    assert found == text_problems(text_paragraphs(texts))
    assert "placeholder" in codes(found)
    assert set(codes(found)) <= {"placeholder", "punctuation", "structure"}


# --- automatic numbering --------------------------------------------------------------------

def test_list_labels_are_judged_as_the_formatter_will_type_them(tmp_path):
    """A heading numbered by Word's 编号 is a heading (its label counts), not body text in
    the wrong font; and the numbering rule sees the labels."""
    import docx

    from gongwen.ooxml import numbering
    from tests import listdocs

    document = docx.Document(str(listdocs.build("word_four_levels", tmp_path)))
    facts = docxfacts.document_facts(document, check_fonts=False)
    labelled = set(numbering.labelled_texts(document).values())
    assert labelled and labelled <= {p.text for p in facts.paragraphs}
    assert "numbering" not in codes(problems(document))  # 一、 二、 （一） （二） 1. 2. in order
    format_document(document)
    assert set(codes(problems(document))) == {"placeholder"}  # 关于XX项目的请示, XX工程


def test_an_attached_text_numbers_its_headings_afresh():
    texts = CLEAN[:6] + ["附件", "防汛工作责任清单", "一、县级责任", "各单位落实。", "二、乡级责任",
                         "各乡镇落实。"]
    assert [p for p in text_problems(texts) if p.code == "numbering"] == []


def test_lint_judges_the_closing_by_the_document_s_seal(tmp_path, capsys, monkeypatch):
    """A document formatted with a seal (and keeping the choice) is clean; the same layout
    in a document that keeps no seal has its 署名/成文日期 where §7.3.5.2 does not put them."""
    from gongwen.ooxml import docxprops

    monkeypatch.setattr(fontconfig, "families", lambda: OFFICIAL_FONTS)
    texts = CLEAN[:3] + ["青山县人民政府", "2024年5月6日"]
    sealed = text_document("\n".join(texts))
    format_document(sealed, seal="stamp")
    path = tmp_path / "sealed.docx"
    sealed.save(str(path))
    status, out, _ = lint_cli(capsys, "--json", str(path))
    assert status == 0, out
    docxprops.write_text(sealed, layout.SEAL_PROPERTY, "none")
    sealed.save(str(path))
    status, out, _ = lint_cli(capsys, "--json", str(path))
    found = json.loads(out)["files"][0]["problems"]
    assert status == 1 and {p["code"] for p in found} == {"indent"}, found
