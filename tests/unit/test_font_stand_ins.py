"""The stand-ins for the official 公文 fonts (issue 19): which face draws a missing font,
decided once in the core (spec) and switched on in LibreOffice's replacement table only
where the font is missing (gongwen.writer.fonts)."""

from __future__ import annotations

from gongwen import spec
from gongwen.writer import fonts

STOCK = {"Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN", "DejaVu Sans"}
WINDOWS = {"仿宋", "楷体", "黑体", "宋体", "SimHei", "SimSun", "FangSong", "KaiTi"}


def lowered(names):
    return {name.lower() for name in names}


def test_each_official_font_has_a_free_stand_in_of_its_kind():
    assert spec.font_stand_in("方正小标宋简体") == "Noto Serif CJK SC"  # a serif CJK face
    assert spec.font_stand_in("仿宋_GB2312") == "Noto Serif CJK SC"
    assert spec.font_stand_in("楷体_GB2312") == "AR PL UKai CN"  # a Kai face
    assert spec.font_stand_in("黑体") == "Noto Sans CJK SC"  # a sans CJK face
    assert spec.font_stand_in("宋体") == "Noto Serif CJK SC"
    assert spec.font_stand_in("Times New Roman") == "Liberation Serif"
    assert spec.font_stand_in("Arial") == ""  # not ours


def test_the_best_installed_stand_in_comes_first():
    assert spec.font_stand_in("仿宋_GB2312", lowered(WINDOWS)) == "仿宋"
    assert spec.font_stand_in("黑体", lowered(WINDOWS)) == "SimHei"
    assert spec.font_stand_in("宋体", lowered(STOCK)) == "Noto Serif CJK SC"
    assert spec.font_stand_in("楷体_GB2312", lowered({"Noto Serif CJK SC"})) == ""


def test_the_table_is_switched_on_only_for_fonts_missing_here():
    stock = fonts.wanted(STOCK)
    assert stock["方正小标宋简体"] == "Noto Serif CJK SC"
    assert stock["楷体_GB2312"] == "AR PL UKai CN" and stock["黑体"] == "Noto Sans CJK SC"
    office = fonts.wanted(STOCK | {"方正小标宋简体", "仿宋_GB2312"})
    assert office["方正小标宋简体"] is None and office["仿宋_GB2312"] is None  # kept
    windows = fonts.wanted(WINDOWS)
    assert windows["仿宋_GB2312"] == "仿宋" and windows["黑体"] is None
    assert fonts.wanted({"Noto Serif CJK SC"})["楷体_GB2312"] is None  # nothing better


def test_the_checker_names_the_face_that_draws_it():
    applied = {"方正小标宋简体": "Noto Serif CJK SC", "楷体_GB2312": "AR PL UKai CN"}
    judge = fonts.stand_in_judge(STOCK, applied, {"黑体": "Noto Sans CJK SC"}, "zh-CN")
    assert judge("Noto Serif CJK SC") is None
    assert judge("方正小标宋简体") == "Noto Serif CJK SC"
    assert judge("楷体_GB2312") == "AR PL UKai CN"
    assert judge("黑体") == "Noto Sans CJK SC（重启 LibreOffice 后生效）"  # switched on just now
    assert judge("没有这个字体") == ""  # the system's choice: not known here
    assert fonts.stand_in_judge(WINDOWS, {})("仿宋_GB2312") == "仿宋"


def test_the_clis_soffice_profile_carries_the_same_table(tmp_path):
    from gongwen.soffice import office

    table = office.font_replacements(STOCK | {"方正小标宋简体"})
    assert "方正小标宋简体" not in table  # it is here: no entry hides it
    assert set(table) == set(spec.REPLACED_FONT_NAMES) - {"方正小标宋简体"}
    assert table["方正小标宋_GBK"] == table["仿宋_GB2312"] == "Noto Serif CJK SC"
    assert table["楷体_GB2312"] == table["方正楷体_GBK"] == "AR PL UKai CN"
    assert table["黑体"] == table["方正黑体_GBK"] == "Noto Sans CJK SC"
    office.seed_profile(tmp_path / "profile", STOCK)
    text = (tmp_path / "profile" / "user" / "registrymodifications.xcu").read_text("utf-8")
    assert text.count('<value>true</value></prop><prop oor:name="OnScreenOnly"') == \
        len(spec.REPLACED_FONT_NAMES)
    assert "<value>方正小标宋简体</value>" in text and "<value>AR PL UKai CN</value>" in text
    office.seed_profile(tmp_path / "none", set())  # fonts unknown: no table
    assert not (tmp_path / "none").exists()


def test_times_new_roman_is_named_with_its_metric_twin():
    assert spec.font_stand_in("Times New Roman", lowered(STOCK | {"Liberation Serif"})) == \
        "Liberation Serif"
    assert "Times New Roman" not in spec.REPLACED_FONT_NAMES  # LibreOffice's own table
    assert fonts.stand_in_judge(STOCK | {"Liberation Serif"}, {})("Times New Roman") == \
        "Liberation Serif"
