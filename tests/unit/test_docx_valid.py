""".docx that Word reads as written: the validator itself, the repairs ``format`` makes, and
page numbers as real files carry them (text boxes, frames, sections), at the XML level.

The PDFs of the page-number files are measured through both paths in
tests/integration/test_page_numbers.py; every .docx any test makes the CLI write is
validated at the end of the session (tests/conftest.py).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import List

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.section import CT_SectPr
from docx.oxml.styles import CT_Style
from docx.oxml.table import CT_TblPr, CT_TcPr
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.parfmt import CT_PPr
from docx.oxml.xmlchemy import BaseOxmlElement, ZeroOrOne
from lxml import etree

from gongwen import cli
from gongwen.ooxml import docxrepair
from tests import corpus, docxvalid, pagenumdocs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = {"w": W, "wp": WP, "v": "urn:schemas-microsoft-com:vml",
      "o": "urn:schemas-microsoft-com:office:office"}


def _format(source: Path, tmp_path: Path) -> Path:
    out = tmp_path / ("out-" + source.name)
    assert cli.main(["format", str(source), "-o", str(out), "--force"]) == 0
    return out


def _root(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def _parts(path: Path, prefix: str) -> List[str]:
    with zipfile.ZipFile(path) as archive:
        return sorted(n for n in archive.namelist() if n.startswith(prefix))


def _with_run_xml(tmp_path: Path, name: str, rpr: str, style: str = "") -> Path:
    document = docx.Document()
    document.add_paragraph("关于做好安全生产工作的通知")
    run = document.add_paragraph().add_run("各单位要认真贯彻落实安全生产责任制。")
    run._r.insert(0, parse_xml(f'<w:rPr xmlns:w="{W}">{rpr}</w:rPr>'))
    if style:
        document.styles.element.append(parse_xml(style))
    path = tmp_path / name
    document.save(str(path))
    return path


# --- the validator catches what Word refuses ---------------------------------------------

def test_the_validator_finds_rpr_children_out_of_order_and_doubled(tmp_path: Path):
    path = _with_run_xml(tmp_path, "bad.docx", '<w:sz w:val="20"/><w:b/><w:b/>')
    found = docxvalid.problems(path)
    assert any("rPr" in line and "Unexpected element" in line for line in found), found


def test_the_validator_finds_a_drawing_id_used_twice(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("正文")
    for section_part in (document.sections[0].header, document.sections[0].footer):
        section_part.is_linked_to_previous = False
        section_part.paragraphs[0]._p.append(parse_xml(pagenumdocs.text_box(
            "<w:r><w:t>某某公司</w:t></w:r>", 7, "文本框 7", 2055, 0)))
    path = tmp_path / "ids.docx"
    document.save(str(path))
    found = docxvalid.problems(path)
    assert any("wp:docPr id 7" in line for line in found), found
    assert any("v:shape id 文本框 7" in line for line in found), found


def test_markup_compatibility_is_read_as_a_transitional_consumer_would():
    """A Choice needing wps is skipped for the VML Fallback; an ignorable namespace's
    element goes; a non-ignorable unknown one is a problem."""
    run = etree.fromstring(pagenumdocs.text_box("<w:r><w:t>1</w:t></w:r>", 1, "s1", 1025, 0))
    problems: List[str] = []
    docxvalid.as_transitional_consumer(run, "part", problems)
    assert run.find(".//w:drawing", NS) is None and run.find(".//w:pict", NS) is not None
    assert problems == []
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    mc = docxvalid.MC
    paragraph = etree.fromstring(
        f'<w:p xmlns:w="{W}" xmlns:w14="{w14}" xmlns:mc="{mc}" mc:Ignorable="w14" '
        f'w14:paraId="1A2B3C4D"><w14:foo/><w:r><w:t>x</w:t></w:r></w:p>')
    docxvalid.as_transitional_consumer(paragraph, "part", problems)
    assert problems == [] and len(paragraph) == 1 and not paragraph.attrib
    strict = etree.fromstring(f'<w:p xmlns:w="{W}" xmlns:w14="{w14}"><w14:foo/></w:p>')
    docxvalid.as_transitional_consumer(strict, "part", problems)
    assert len(problems) == 1


# --- what format repairs ------------------------------------------------------------------

WPS_STYLE = (f'<w:style xmlns:w="{W}" w:type="paragraph" w:customStyle="1" '
             'w:styleId="WpsBody"><w:rPr><w:sz w:val="32"/><w:rFonts w:ascii="Times"/></w:rPr>'
             '<w:pPr><w:jc w:val="both"/><w:spacing w:line="360" w:lineRule="auto"/></w:pPr>'
             '<w:basedOn w:val="Normal"/><w:name w:val="WPS 正文"/><w:qFormat/></w:style>')


def test_slips_that_come_with_a_file_come_out_repaired(tmp_path: Path):
    """WPS's w:style children out of order; LibreOffice's doubled w:b and w:rPr out of
    Office's order (in a text box too)."""
    source = _with_run_xml(tmp_path, "slips.docx",
                           '<w:sz w:val="32"/><w:b w:val="0"/><w:color w:val="FF0000"/>'
                           '<w:b/><w:rFonts w:ascii="Times"/>', WPS_STYLE)
    document = docx.Document(str(source))
    box = pagenumdocs.text_box('<w:r><w:rPr><w:sz w:val="24"/><w:b/><w:b/></w:rPr>'
                               '<w:t>说明</w:t></w:r>', 3, "文本框 3", 2051, 0)
    document.paragraphs[1]._p.append(parse_xml(box))
    document.save(str(source))
    assert docxvalid.problems(source)  # the input has the slips
    out = _format(source, tmp_path)
    assert docxvalid.problems(out) == []
    style = _root(out, "word/styles.xml").find(".//w:style[@w:styleId='WpsBody']", NS)
    assert [etree.QName(c).localname for c in style] == ["name", "basedOn", "qFormat",
                                                         "pPr", "rPr"]


def test_order_children_keeps_the_last_of_a_doubled_property():
    rpr = etree.fromstring(f'<w:rPr xmlns:w="{W}"><w:sz w:val="32"/><w:b w:val="0"/>'
                           f'<w:b/><w:rFonts w:ascii="Times"/></w:rPr>')
    assert docxrepair.order_children(rpr)
    assert [etree.QName(c).localname for c in rpr] == ["rFonts", "b", "sz"]
    assert rpr.find("w:b", NS).get(f"{{{W}}}val") is None
    assert not docxrepair.order_children(rpr)  # in order: untouched


# The children's order as ISO/IEC 29500-1 Transitional gives it (EG_RPrBase as Office writes
# it), for the part of each element docxrepair takes from python-docx.
SCHEMA = {
    "rPr": ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
            "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
            "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
            "specVanish oMath"),
    "pPr": ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
            "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
            "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid "
            "spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
            "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"),
    "style": ("name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
              "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr "
              "rPr tblPr trPr tcPr tblStylePr"),
    "sectPr": ("footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType "
               "cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
               "printerSettings sectPrChange"),
    "tblPr": ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
              "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook "
              "tblCaption tblDescription tblPrChange"),
    "tcPr": ("tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
             "vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"),
}
# What docxrepair adds of its own before and after python-docx's part (the module says why).
OWN = {"rPr": (("ins", "del", "moveFrom", "moveTo"), ("rPrChange",)), "pPr": ((), ()),
       "style": ((), ()), "sectPr": (("headerReference", "footerReference"), ()),
       "tblPr": ((), ()), "tcPr": (("cnfStyle",), ())}
PY_DOCX = {"rPr": CT_RPr, "pPr": CT_PPr, "style": CT_Style, "sectPr": CT_SectPr,
           "tblPr": CT_TblPr, "tcPr": CT_TcPr}


@pytest.mark.parametrize("parent", sorted(SCHEMA))
def test_the_child_order_is_python_docxs_where_it_declares_one(parent: str):
    """python-docx's order is the schema's, and docxrepair uses it, with its own additions
    only around it."""
    declared = docxrepair.declared_order(PY_DOCX[parent], SCHEMA[parent].split()[0])
    assert declared == tuple(SCHEMA[parent].split())
    before, after = OWN[parent]
    assert docxrepair.ORDER[parent] == before + declared + after


def test_python_docx_still_declares_the_children_we_take_from_it():
    """Each class places its first child before all the rest; w:sectPr places both
    references before all of its (they are a choice: no order between them)."""
    for parent, cls in PY_DOCX.items():
        names = tuple(SCHEMA[parent].split())
        heads, after = ((OWN[parent][0], names) if parent == "sectPr" else
                        (names[:1], names[1:]))
        successors = docxrepair.declared_successors(cls)
        assert {head: successors.get(head) for head in heads} == dict.fromkeys(heads, after)


def test_a_new_child_goes_where_the_schema_puts_it():
    ppr = etree.fromstring(f'<w:pPr xmlns:w="{W}"><w:pStyle w:val="a"/><w:jc w:val="left"/>'
                           f'<w:sectPr/></w:pPr>')
    for name in ("spacing", "pPrChange", "keepNext"):
        docxrepair.insert_in_order(ppr, etree.Element(f"{{{W}}}{name}"))
    assert [etree.QName(c).localname for c in ppr] == [
        "pStyle", "keepNext", "spacing", "jc", "sectPr", "pPrChange"]
    assert [etree.QName(tag).localname for tag in docxrepair.earlier("pPr", "numPr")] == [
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl"]


class CT_Mixed(BaseOxmlElement):
    a = ZeroOrOne("w:a", successors=("w:c",))
    b = ZeroOrOne("w:b", successors=("w:c", "w:d"))


class CT_Bare(BaseOxmlElement):
    def _insert_a(self, child):
        self.append(child)


@pytest.mark.parametrize("cls, first", [(CT_Mixed, "b"), (CT_Bare, "a"), (CT_Style, "rsid"),
                                        (BaseOxmlElement, "a")])
def test_reading_python_docxs_order_fails_loudly_when_it_cannot(cls: type, first: str):
    """Declarations that disagree, an ``_insert_`` method that no longer names successors,
    a first child python-docx no longer declares first, or none at all."""
    with pytest.raises(RuntimeError):
        docxrepair.declared_order(cls, first)


def test_an_even_page_copy_of_a_footer_with_a_text_box_gets_ids_of_its_own(tmp_path: Path):
    out = _format(pagenumdocs.build("textbox_footer", tmp_path), tmp_path)
    ids, shapes = [], []
    for name in ["word/document.xml"] + _parts(out, "word/header") + _parts(out, "word/footer"):
        root = _root(out, name)
        ids += [e.get("id") for e in root.iter(f"{{{WP}}}docPr")]
        shapes += [e.get("id") for e in root.iterfind(".//v:shape", NS)]
    assert len(ids) >= 2 and len(set(ids)) == len(ids)
    assert len(set(shapes)) == len(shapes) >= 2
    assert docxvalid.problems(out) == []


def test_a_picture_in_the_header_copied_to_even_pages_validates(tmp_path: Path):
    out = _format(corpus.build("image_in_header", tmp_path), tmp_path)
    assert docxvalid.problems(out) == []


def test_the_shipped_templates_validate():
    from gongwen.cli.new import templates_dir

    templates = sorted(templates_dir().glob("*.docx"))
    assert len(templates) >= 10, templates_dir()
    assert {path.name: docxvalid.problems(path) for path in templates} == {
        path.name: [] for path in templates}


# --- page numbers as they really come ----------------------------------------------------

def _footer_texts(path: Path) -> List[str]:
    texts = []
    for name in _parts(path, "word/footer"):
        texts.append("".join(t.text or "" for t in _root(path, name).iter(f"{{{W}}}t")))
    return texts


def test_a_text_box_page_number_in_the_footer_gives_way(tmp_path: Path):
    out = _format(pagenumdocs.build("textbox_footer", tmp_path), tmp_path)
    for name in _parts(out, "word/footer"):
        root = _root(out, name)
        boxes = root.findall(".//w:txbxContent", NS)
        # the company's box stays (both copies), the number's box went
        assert boxes and all("某某集团" in "".join(t.text for t in box.iter(f"{{{W}}}t"))
                             for box in boxes), name


def test_a_framed_page_number_in_the_footer_gives_way(tmp_path: Path):
    out = _format(pagenumdocs.build("frame_footer", tmp_path), tmp_path)
    for name in _parts(out, "word/footer"):
        assert _root(out, name).find(".//w:framePr", NS) is None, name


def test_numbers_typed_in_body_frames_and_text_boxes_go(tmp_path: Path):
    source = pagenumdocs.build("body_numbers", tmp_path)
    out = _format(source, tmp_path)
    body = _root(out, "word/document.xml")
    assert body.find(".//w:framePr", NS) is None
    assert body.find(".//w:txbxContent", NS) is None
    texts = ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in body.iter(f"{{{W}}}p")]
    assert not [t for t in texts if t.strip() in ("1", "2", "3")]
    assert sum(pagenumdocs.BODY in t for t in texts) == 70  # the text is all there


def test_a_framed_year_in_the_body_is_text(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("关于做好安全生产工作的通知")
    document.add_paragraph("各单位：")._p.addnext(parse_xml(
        f'<w:p xmlns:w="{W}"><w:pPr><w:framePr w:w="1200" w:wrap="around"/></w:pPr>'
        f'<w:r><w:t>2024</w:t></w:r></w:p>'))
    source = tmp_path / "year.docx"
    document.save(str(source))
    out = _format(source, tmp_path)
    body = _root(out, "word/document.xml")
    assert "2024" in "".join(t.text or "" for t in body.iter(f"{{{W}}}t"))


def test_the_last_sections_own_footer_shows_on_its_even_pages_too(tmp_path: Path):
    """Its even pages had the previous section's footer (no author's line), so the number
    sat 13.7 mm under the type area there; now both parities carry the author's line."""
    out = _format(pagenumdocs.build("last_section", tmp_path), tmp_path)
    assert sum("内部资料" in text for text in _footer_texts(out)) == 2
    root = _root(out, "word/document.xml")
    last = root.findall(".//w:sectPr", NS)[-1]
    kinds = {ref.get(f"{{{W}}}type") for ref in last.findall("w:footerReference", NS)}
    assert {"default", "even"} <= kinds


def test_every_page_number_file_validates(tmp_path: Path):
    for name in pagenumdocs.BUILDERS:
        out = _format(pagenumdocs.build(name, tmp_path), tmp_path)
        assert docxvalid.problems(out) == [], name


def test_numbers_shown_counts_every_form():
    assert pagenumdocs.numbers_shown(["某某集团有限—2—", "— 2 —"]) == 2
    assert pagenumdocs.numbers_shown(["2", "第3页", "正文2024年"]) == 2


def test_a_numbering_level_in_libreoffices_order_is_put_in_the_schemas():
    level = etree.fromstring(f'<w:lvl xmlns:w="{W}" w:ilvl="0"><w:start w:val="1"/>'
                             f'<w:pStyle w:val="Heading1"/><w:numFmt w:val="none"/>'
                             f'<w:suff w:val="nothing"/><w:lvlText w:val=""/></w:lvl>')
    assert docxrepair.order_children(level)
    assert [etree.QName(c).localname for c in level] == ["start", "numFmt", "pStyle", "suff",
                                                         "lvlText"]


def test_a_later_sections_empty_first_page_is_an_ordinary_page(tmp_path: Path):
    """Its first page may fall on an even page: the odd number would sit on the wrong side
    (measured 163 mm in on page 6). The first section keeps its own first page."""
    out = _format(pagenumdocs.build("title_page_later", tmp_path), tmp_path)
    sections = _root(out, "word/document.xml").findall(".//w:sectPr", NS)
    assert [s.find("w:titlePg", NS) is not None and
            s.find("w:titlePg", NS).get(f"{{{W}}}val") not in ("0", "false")
            for s in sections] == [False, False]
    out = _format(pagenumdocs.build("title_page", tmp_path), tmp_path)
    first = _root(out, "word/document.xml").find(".//w:sectPr", NS)
    assert first.find("w:titlePg", NS) is not None


def test_the_headfoot_examples_hold():
    import doctest

    from gongwen import headfoot

    result = doctest.testmod(headfoot)
    assert result.attempted >= 8 and result.failed == 0


def test_page_numbers_typed_in_the_body_go_and_a_typed_page_break_stays(tmp_path: Path):
    out = _format(pagenumdocs.build("typed_numbers", tmp_path), tmp_path)
    body = _root(out, "word/document.xml")
    texts = ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in body.iter(f"{{{W}}}p")]
    assert not [t for t in texts if t.strip() in ("1", "- 2 -", "3")]
    assert sum(pagenumdocs.BODY in t for t in texts) == 60
    assert len(body.findall(".//w:br[@w:type='page']", NS)) == 1


@pytest.mark.parametrize("texts", [
    ["标题", "1", "2", "3"],                                    # a list of bare numbers
    ["标题"] + ["正文"] * 5 + ["1"] + ["正文"] * 5 + ["5"],      # not a sequence
    ["标题"] + ["正文"] * 5 + ["2024"] + ["正文"] * 5 + ["2025"],  # years
])
def test_numbers_that_are_not_a_pages_sequence_stay(texts):
    from gongwen import headfoot

    assert headfoot.typed_page_numbers(texts) == []


def test_a_renamed_vml_shape_keeps_its_embedded_object():
    vml, office = NS["v"], NS["o"]
    parts = [etree.fromstring(
        f'<w:hdr xmlns:w="{W}" xmlns:v="{vml}" xmlns:o="{office}"><w:p><w:r><w:object>'
        f'<v:shape id="_x0000_i1025" o:spid="_x0000_s1025"/>'
        f'<o:OLEObject ShapeID="_x0000_i1025"/></w:object></w:r></w:p></w:hdr>')
        for _ in range(2)]
    assert docxrepair.unique_ids(parts) == 2
    shape = parts[1].find(".//v:shape", NS)
    assert shape.get("id") != "_x0000_i1025"
    assert parts[1].find(".//o:OLEObject", NS).get("ShapeID") == shape.get("id")
    assert shape.get(f"{{{office}}}spid") != "_x0000_s1025"


def test_must_understand_of_a_later_namespace_is_refused():
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    root = etree.fromstring(f'<w:document xmlns:w="{W}" xmlns:w14="{w14}" '
                            f'xmlns:mc="{docxvalid.MC}" mc:MustUnderstand="w14"/>')
    problems: List[str] = []
    docxvalid.as_transitional_consumer(root, "part", problems)
    assert len(problems) == 1 and "MustUnderstand" in problems[0]
