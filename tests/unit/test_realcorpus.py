"""The corpus of real documents (tests/data/realcorpus): its files, its reader and its floor.

The documents were written by real offices, not here, and labelled by hand (see the
corpus README); a third is held out and never used to tune ``roles``. The floors below are
the core classifier's accuracy on the day each part was measured, so a change that makes
it worse on real documents fails here instead of passing unnoticed. Raise them as the
classifier improves; the held-out part is the one that says whether it generalises.
"""

from __future__ import annotations

import hashlib

import pytest

import labelled
from gongwen.spec import Align, Role
from labelled import Look, Paragraph

# Percent of non-blank labelled paragraphs the core gets right (measured with
# `python -m bench role_accuracy`; the floor sits just under the measured figure). Lowered
# when 41 real Word files and GBK .txt came in (工作总结, 转正申请, 纪要, 倡议书, a university
# 通知 for red-head paper, a 章程, attachment files): 87.5 % of 1 611 on tune, 89.4 % of 596
# on held-out, 146 documents, texts only (before them: 92.6 % of 856, 93.6 % of 454).
# Raised with the looks and the rules for real Word files (issue #20, second pass): 99.4 % of
# 1 611 on tune, 97.0 % of 596 on held-out (core = CLI = Writer; 94.1 % / 92.8 % before).
# Twenty-six more Word files of firms, offices, teams and persons (调薪申请报告, 年终/实习总结,
# 工作汇报, 转正述职报告, 转正申请, university 通知 and an attachment file, an army unit's 证明,
# 项目总结报告, 入党申请书, 思想汇报) and the rules they asked for (！/？ end a numbered sentence,
# a colon inside brackets does not, a ； after a clause joins one heading sentence, 申请日期：
# and an empty 日期： date a 落款, （待定） after a heading's colon is an aside, 请党组织考验我！
# closes): 99.0 % of 1 999 on tune, 97.7 % of 745 on held-out, 172 documents (core = CLI =
# Writer; gap 1.3 points, 2.4 before; tune fell as its new files brought misses the rules do
# not reach).
# Fourth pass: thirteen more real documents of the kinds still missing (township 政府工作报告,
# a village secretary's 述职报告, county and district notices, a 批复, a task group's 文件 with
# its 版头 typed, a city's 条例 .doc), measured first as an unseen set on the unchanged
# classifier (80.6 % of 180, bench/role_accuracy_unseen.md); with them the corpus stood at
# 97.8 % / 97.0 %, and the rules their tune misses asked for (a speech's occasion and speaker
# under its title, a 发文字号 in brackets under a long title, a regulation's long 题注, the
# items of an article with its text, a notice that 印发 a text named in its first sentence)
# bring it to 99.0 % of 2 136 on tune, 97.1 % of 788 on held-out, 185 documents (gap 1.9).
# Then four more, measured first as a second unseen set (80.4 % of 56): three listed firms'
# 董事会决议公告 and a province's 检察院工作报告; two fell in held-out with 8 misses of 25 (a
# speaker's line with no space before the name, an unnumbered part line over 一、), and the
# two rules the tune ones asked for (a title that named its kind has ended; a line above a
# 署名 is another 署名 only if it reads as one) cost one old held-out paragraph: 99.0 % of
# 2 167 on tune, 96.1 % of 813 on held-out, 189 documents (gap 2.9).
# A third unseen document (a university 通知, 72.7 % of 11) asked for one more rule (a day of a
# month right after 1. is the item's text): 99.0 % of 2 178 on tune, 190 documents.
# Fifth pass: nineteen government documents (county, township/街道, district, city; 94.2 % of
# 275 unseen, before any rule) bring 5 held-out files with 8 misses of 78, so held-out lowers
# to 95.5 % of 891 with no old held-out paragraph lost (781 of 813 right before and after);
# the four rules their tune misses asked for (a 发文字号 without 号, a typed 版头 over a title
# naming its agency, 公开属性 as 附注, a contact line under running text is text) give 99.1 %
# of 2 375 on tune and 95.7 % of 891 on held-out, 209 documents (core = CLI = Writer). A
# second unseen set of seven (96.0 % of 75 on those rules) and one rule from its tune part (a
# 印发 notice's 署名 and date with the sent text going on under them, its title dropped by the
# page): 99.1 % of 2 417 on tune, 95.8 % of 924 on held-out, 216 documents. A third set of
# three (98.6 % of 70 unseen) and its rule (a title line that names no kind goes on to a short
# line that names it) — it also mends a held-out title never tuned on: 99.1 % of 2 487 on
# tune, 95.9 % of 924 on held-out, 219 documents.
# The fifth pass's 21 documents (personal and unit 述职 / 总结, firms' 董事会工作报告, a
# college's 纪要; 95.5 % of 155 as an unseen set) took the corpus to 98.8 % of 2 252 on tune
# and 96.1 % of 894 on held-out, 211 documents; three rules (a 纪要 known by its opening
# ……现纪要如下：, a byline 王明刚老师 under a title, the later titles of a numbered series of
# 纪要) bring it to 99.1 % on tune and 96.3 % on held-out (gap 2.8). A second unseen set of
# three (85.7 % of 14) put a 述职报告's head in held-out with two misses (a post and a name run
# together, the 称谓 under it): 99.1 % of 2 262 on tune, 96.1 % of 898 on held-out, 214
# documents. A 落款 inside the text (项目组长：邱云中 over a date alone, then the next part):
# 99.2 % of 2 262 on tune.
# Both fifth passes together, with the looks past the head (roles.looks_wanted): 99.3 % of
# 2 587 on tune, 96.0 % of 1 017 on held-out, 246 documents (core = CLI = Writer).
# Sixth pass, speeches / 请示 / 纪要 (helper C): nineteen web documents (89.8 % of 128 unseen,
# bench/role_accuracy_unseen.md), every miss in tune: 98.9 % of 2 681 on tune, 96.1 % of
# 1 051 on held-out, 265 documents, before the rules they ask for. The four rules their tune
# misses asked for (a speaker under the occasion: a whole office before the post, the post and
# the name run together, a name alone over the 称谓; a Chinese-numeral date with its year
# masked; the 1 / 1.1 outline typed without spaces; a report's unnumbered part line under a
# 称谓) mend 8 held-out paragraphs of the same families never tuned on (甘肃省人民检察院,
# 河津 常务副市长) and lose none: 99.4 % of 2 681 on tune, 96.9 % of 1 051 on held-out
# (core = CLI = Writer; old held-out paragraphs 984 of 1 017 right, 976 before).
# A second unseen set of five on those rules (a township's 报告 with its 版头 typed, a 校长's
# 工作报告, three 倡议书): 100 % of 40; 99.4 % of 2 707 on tune, 96.9 % of 1 065 on held-out,
# 270 documents. A third unseen document (a 请示 whose 结束语 has no punctuation): 3 of 3.
# A 政府工作报告's lead sentence (一年来，我们……, two tune misses of the fourth pass): 99.45 %
# of 2 710 on tune (2 695), 96.9 % of 1 065 on held-out (1 032), 271 documents.
# The sixth pass's 13 real Word files (85.8 % of 302 as an unseen set; tune part 81.1 %, a
# 项目总结 whose three levels of bold headings only sizes tell apart) took the corpus to 98.0 %
# of 2 799 on tune and 96.0 % of 1 107 on held-out, 259 documents; its rules (bold headings'
# levels by size and by Word's heading styles, a label's colon, a 署名 set right, an
# attachment file's title going on in its look, an aside after a heading's ；, a 、 in a bold
# phrase) bring it to 99.3 % on tune and 96.1 % on held-out (core = CLI = Writer). A second
# unseen set of two, both held-out (95.5 % of 22): 99.3 % of 2 799, 96.1 % of 1 129, 261
# documents.
# Both sixth passes together (speeches / 请示 / 纪要 and real Word files), the looks past the
# head for every line that may head a part above the text's last line: 99.4 % of 2 922 on
# tune, 96.9 % of 1 177 on held-out, 286 documents (core = CLI = Writer).
# Seventh pass, 13 pasted plain texts (96.9 % of 129 as an unseen set; tune part 95.1 %,
# held-out 100 %): 99.3 % of 3 003 on tune, 97.1 % of 1 225 on held-out, 299 documents; its
# three rules (未尽事宜，另行通知。 as a 结束语; a sentence ending in a colon — opening with 由于 or
# a greeting run into more words — is no 称谓; 写于…日晚 is a date) bring tune to 99.43 %
# (2 986 of 3 003), held-out unchanged at 97.06 % (1 189 of 1 225) (core = CLI = Writer).
FLOORS = {"tune": 99.3, "heldout": 96.9}
MIN_DOCUMENTS = 299
MIN_PARAGRAPHS = 4220

ALL_FILES = [path for part in labelled.PARTS for path in labelled.corpus(part)]


# --- the files ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ALL_FILES, ids=[p.name for p in ALL_FILES])
def test_every_file_says_where_it_comes_from_and_reads(path):
    notes = labelled.comments(path)
    assert notes.get("source") and notes.get("format"), f"{path.name}: no # source/# format"
    paragraphs = labelled.read_labelled(path)
    assert any(p.role != Role.BLANK for p in paragraphs)


def test_the_held_out_part_is_the_one_the_fixed_rule_chose():
    for part in labelled.PARTS:
        for path in labelled.corpus(part):
            digest = hashlib.sha256(("gongwen-realcorpus:" + path.name).encode()).digest()
            assert ("heldout" if digest[0] % 3 == 0 else "tune") == part, path.name


def test_the_corpus_is_big_enough():
    paragraphs = sum(1 for path in ALL_FILES for p in labelled.read_labelled(path)
                     if p.role != Role.BLANK)
    assert len(ALL_FILES) >= MIN_DOCUMENTS and paragraphs >= MIN_PARAGRAPHS


# --- the reader ---------------------------------------------------------------------------

def test_a_line_carries_role_look_and_text():
    line = "issuer@size=34,color=FF0000,align=center,bold\t中共XX县委组织部 "
    assert labelled.parse_line(line) == Paragraph(
        Role.ISSUER, "中共XX县委组织部 ", Look(34.0, 0xFF0000, Align.CENTER, True))
    assert labelled.parse_line("blank\t") == Paragraph(Role.BLANK, "", Look())
    assert labelled.format_look(Look(34.0, 0xFF0000, Align.CENTER, True)) == \
        "size=34,color=FF0000,align=center,bold"


@pytest.mark.parametrize("line", ["heading9\t一、", "body", "body@size=big\tx",
                                  "body@colour=red\tx", "body@align=middle\tx"])
def test_a_bad_line_is_refused(line):
    with pytest.raises(labelled.LabelError):
        labelled.parse_line(line)


def test_comments_and_cuts_are_skipped(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("# source: somewhere\n# format: txt (GBK)\ntitle\t关于X的通知\n# ...\n"
                    "date\t2024年1月1日\n", encoding="utf-8")
    assert [p.role for p in labelled.read_labelled(path)] == [Role.TITLE, Role.DATE]
    assert labelled.source_format(path) == "txt"


# --- the .docx builder (the CLI and Writer paths start from it) ----------------------------

def test_the_built_docx_carries_the_looks_as_direct_formatting(tmp_path):
    import docx

    from gongwen.ooxml.docxfacts import document_facts

    red = Look(36.0, 0xFF0000, Align.CENTER, True)
    paragraphs = [Paragraph(Role.ISSUER, "XX县人民政府文件", red),
                  Paragraph(Role.BLANK, "", Look(align=Align.CENTER)),
                  Paragraph(Role.TITLE, "关于X的通知", Look(22.0, None, Align.CENTER)),
                  Paragraph(Role.BODY, "正文。")]
    path = labelled.build_docx(paragraphs, tmp_path / "built.docx")
    facts = document_facts(docx.Document(str(path)), check_fonts=False).paragraphs
    assert [f.text for f in facts] == [p.text for p in paragraphs]
    issuer, _, title, body = facts
    assert (issuer.size_pt, issuer.color_rgb, issuer.align, issuer.bold) == \
        (36.0, 0xFF0000, Align.CENTER, True)
    assert (title.size_pt, title.align, title.bold) == (22.0, Align.CENTER, False)
    assert body.color_rgb is None and not body.bold


def test_styles_read_back_are_matched_to_their_paragraphs_despite_retyping():
    paragraphs = [Paragraph(Role.TITLE, "关于X的通知"), Paragraph(Role.BLANK, ""),
                  Paragraph(Role.ADDRESSEE, "各单位:"), Paragraph(Role.BODY, "现通知如下。"),
                  Paragraph(Role.DATE, "2024年1月1日")]
    styled = [("关于X的通知", "公文标题"), ("各单位：", "公文主送"), ("现通知如下。", "公文正文"),
              ("", "公文正文"), ("2024年1月1日", "公文正文")]
    results = labelled.style_results("x.txt", paragraphs, styled)
    assert [(r.expected, r.got) for r in results] == [
        (Role.TITLE, Role.TITLE), (Role.ADDRESSEE, Role.ADDRESSEE), (Role.BODY, Role.BODY),
        (Role.DATE, Role.BODY)]


# --- the floor ------------------------------------------------------------------------------

def _results(part: str):
    return labelled.core_results(labelled.corpus(part))


@pytest.mark.parametrize("part", labelled.PARTS)
def test_core_accuracy_stays_at_or_above_its_floor(part):
    results = _results(part)
    measured = labelled.accuracy(results)
    assert measured >= FLOORS[part], \
        f"{part}: {measured:.1f} % < floor {FLOORS[part]} %\n" + labelled.report(results)


def test_held_out_versus_tune_gap_is_reported(record_property):
    tune, held = (labelled.accuracy(_results(part)) for part in labelled.PARTS)
    gap = tune - held
    record_property("tune_percent", round(tune, 1))
    record_property("heldout_percent", round(held, 1))
    record_property("gap_points", round(gap, 1))
    print(f"core: tune {tune:.1f} %, held-out {held:.1f} %, gap {gap:+.1f} points")
    # A held-out part far below the tuned one means rules fitted to the tune files.
    assert gap <= 10.0, f"held-out {held:.1f} % is {gap:.1f} points under tune {tune:.1f} %"


# --- the CLI path of the bench ----------------------------------------------------------------

def test_the_cli_path_loses_no_paragraph_and_agrees_with_the_core(tmp_path):
    """A real file built as .docx, through `format`, read back by style: every labelled
    paragraph is found again, and the styles say what the core said."""
    import contextlib
    import io

    from docx import Document

    from gongwen import cli

    source = next(path for path in ALL_FILES if path.name == "govcn-5354222.txt")
    paragraphs = labelled.read_labelled(source)
    built = labelled.build_docx(paragraphs, tmp_path / "in.docx")
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main(["format", str(built), "-o", str(tmp_path / "out.docx")]) == 0
    styled = [(p.text, p.style.name) for p in Document(str(tmp_path / "out.docx")).paragraphs]
    results = labelled.style_results(source.name, paragraphs, styled)
    assert all(r.got is not None for r in results), labelled.report(results)
    core = labelled.core_results([source])
    assert [r.got for r in results] == [r.got for r in core]
