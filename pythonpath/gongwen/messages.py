"""Every sentence the product shows a user, in zh-CN and en-US.

Keys are stable; ``text(key, locale, **values)`` picks the language by the
LibreOffice UI locale (anything not English gets Chinese, the users' language).
"""

from __future__ import annotations

from typing import Dict

MESSAGES: Dict[str, Dict[str, str]] = {
    # --- scaffolds (gongwen.scaffolds) and `new` (gongwen.cli.new) ---
    "scaffold_file_fields": {
        "zh": "{file}：\"fields\" 必须是对象",
        "en": "{file}: \"fields\" must be an object",
    },
    "scaffold_file_field_name": {
        "zh": "{file}：字段名 {name!r} 不合规",
        "en": "{file}: bad field name {name!r}",
    },
    "scaffold_file_field_blank": {
        "zh": "{file}：字段 {name!r} 缺少 \"blank\" 文字",
        "en": "{file}: field {name!r} needs a \"blank\" text",
    },
    "scaffold_file_field_kind": {
        "zh": "{file}：字段 {name!r} 的类型 {kind!r} 未知",
        "en": "{file}: field {name!r} has unknown kind {kind!r}",
    },
    "scaffold_file_paragraphs": {
        "zh": "{file}：\"paragraphs\" 必须是非空列表",
        "en": "{file}: \"paragraphs\" must be a non-empty list",
    },
    "scaffold_file_paragraph": {
        "zh": "{where} 必须是含 \"role\" 和 \"text\" 的对象",
        "en": "{where} must be an object with \"role\" and \"text\"",
    },
    "scaffold_file_role": {
        "zh": "{where} 的角色 {role!r} 未知",
        "en": "{where} has unknown role {role!r}",
    },
    "scaffold_file_text": {
        "zh": "{where} 缺少文字",
        "en": "{where} needs a text",
    },
    "scaffold_file_markup": {
        "zh": "{where} 含有模板标记",
        "en": "{where} contains template markup",
    },
    "scaffold_file_undeclared": {
        "zh": "{where} 用了未声明的字段 {{{name}}}",
        "en": "{where} uses undeclared field {{{name}}}",
    },
    "scaffold_file_brace": {
        "zh": "{where} 有多余的花括号",
        "en": "{where} has a stray brace",
    },
    "scaffold_file_json": {
        "zh": "{file}：{error}",
        "en": "{file}: {error}",
    },
    "scaffold_file_object": {
        "zh": "{file}：必须是 JSON 对象",
        "en": "{file}: must hold a JSON object",
    },
    "scaffold_file_name": {
        "zh": "{file}：缺少 \"name\"",
        "en": "{file}: needs a \"name\"",
    },
    "scaffold_file_order": {
        "zh": "{file}：\"order\" 必须是整数",
        "en": "{file}: \"order\" must be an integer",
    },
    "scaffold_unknown_key": {
        "zh": "未知的框架类型 {given!r}（可选：{known}）",
        "en": "unknown report type {given!r} (known: {known})",
    },
    "scaffold_year_type": {
        "zh": "年度应为 2025 这样的数字，而不是 {kind}",
        "en": "year must be a number like 2025, not {kind}",
    },
    "scaffold_year_digits": {
        "zh": "年度应为 2025 这样的四位数字，而不是 {given!r}",
        "en": "year must be four digits like 2025, not {given!r}",
    },
    "scaffold_date_type": {
        "zh": "日期应为 2026-01-09 这样的文字，而不是 {kind}",
        "en": "date must be text like 2026-01-09, not {kind}",
    },
    "scaffold_date_value": {
        "zh": "日期应为 2026-01-09 或 2026年1月9日，而不是 {given!r}",
        "en": "date must be a date like 2026-01-09 or 2026年1月9日, not {given!r}",
    },
    "scaffold_value_type": {
        "zh": "{name} 应为文字，而不是 {kind}",
        "en": "{name} must be text, not {kind}",
    },
    "scaffold_value_lines": {
        "zh": "{name} 只能是一行",
        "en": "{name} must be one line",
    },
    "scaffold_unknown_field": {
        "zh": "未知字段 {name!r}（可用：{known}）",
        "en": "unknown field {name!r} (known: {known})",
    },
    "cli_new_no_template": {
        "zh": "找不到模板 {template}（请运行 make templates，或设置 {env}）",
        "en": "template {template} not found (run `make templates`, or set {env})",
    },
    "cli_new_broken_scaffold": {
        "zh": "框架数据有误：{error}",
        "en": "broken scaffold data: {error}",
    },
    "cli_new_cannot_read": {
        "zh": "无法读取 {path}：{reason}",
        "en": "cannot read {path}: {reason}",
    },
    "cli_new_bad_json": {
        "zh": "{path} 不是合法的 JSON：{reason}",
        "en": "{path} is not valid JSON: {reason}",
    },
    "cli_new_bad_yaml": {
        "zh": "{path} 不是合法的 YAML：{reason}",
        "en": "{path} is not valid YAML: {reason}",
    },
    "cli_new_data_suffix": {
        "zh": "{path}：数据文件须为 .json、.yaml 或 .yml",
        "en": "{path}: data must be a .json, .yaml or .yml file",
    },
    "cli_new_data_mapping": {
        "zh": "{path} 须是“字段名: 值”的映射，而不是 {kind}",
        "en": "{path} must hold a mapping of field names to values, not {kind}",
    },
    "cli_new_field_twice": {
        "zh": "数据中字段 {name!r} 给了两次",
        "en": "field {name!r} given twice in the data",
    },
    "cli_new_not_docx": {
        "zh": "{out}：输出须为 .docx 文件",
        "en": "{out}: the output must be a .docx file",
    },
    "cli_new_is_folder": {
        "zh": "{out} 是文件夹",
        "en": "{out} is a folder",
    },
    "cli_new_exists": {
        "zh": "{out} 已存在；要覆盖请加 --force",
        "en": "{out} exists; use --force to overwrite it",
    },
    "cli_new_no_folder": {
        "zh": "文件夹 {folder} 不存在",
        "en": "folder {folder} does not exist",
    },
    "cli_new_cannot_write": {
        "zh": "无法写入 {out}：{reason}",
        "en": "cannot write {out}: {reason}",
    },
    "not_text_document": {
        "zh": "公文助手只能用于 Writer 文本文档。",
        "en": "Gongwen Assistant works on Writer text documents only.",
    },
    "read_only": {
        "zh": "文档为只读，未作任何修改。请先“编辑文档”或另存后再试。",
        "en": "The document is read-only; nothing was changed.",
    },
    "internal_error": {
        "zh": "公文助手出错：{error}",
        "en": "Gongwen Assistant failed: {error}",
    },
    # --- the CLI's input files (gongwen.batch: every file; gongwen.ooxml.docxtext: .docx) ---
    "cli_file_missing": {"zh": "文件不存在", "en": "no such file"},
    "cli_file_directory": {
        "zh": "是文件夹，不是文件（加 --recursive 处理其中的文档）",
        "en": "is a directory (add --recursive for the documents in it)",
    },
    "cli_file_not_regular": {
        "zh": "不是普通文件（是管道或设备）", "en": "not a regular file (a pipe or device)",
    },
    "cli_file_unreadable": {"zh": "无法读取：{error}", "en": "cannot read: {error}"},
    "docx_empty": {"zh": "文件为空（0 字节）", "en": "empty file (0 bytes)"},
    "docx_encrypted": {
        "zh": "文件已加密（设有打开密码），请先在 Word/WPS 中取消密码",
        "en": "encrypted (password-protected) document; remove the password first",
    },
    "docx_legacy_doc": {
        "zh": "这是旧版 .doc（Word 97-2003）文件，请先另存为 .docx",
        "en": "a Word 97-2003 .doc file, not .docx; save it as .docx first",
    },
    "docx_not_docx": {"zh": "不是 .docx 文件", "en": "not a .docx file"},
    "docx_macro_enabled": {
        "zh": "这是启用宏的 Word 文档（.docm），请在 Word 中另存为 .docx 后再试",
        "en": "a macro-enabled Word document (.docm); save it as .docx in Word and retry",
    },
    "docx_template": {
        "zh": "这是 Word 模板（.dotx），请在 Word 中另存为 .docx 后再试",
        "en": "a Word template (.dotx); save it as .docx in Word and retry",
    },
    "docx_doctype": {
        "zh": ".docx 文件中含有 DTD 实体定义，不是 Word 或 WPS 保存的文件，请在 Word 中另存后再试",
        "en": "the .docx holds a DTD with entities (not saved by Word or WPS); save it again "
              "in Word and retry",
    },
    "docx_not_word_zip": {
        "zh": "不是 .docx 文件：是压缩包，但其中没有 Word 正文（word/document.xml）",
        "en": "not a .docx file: a zip archive with no Word document in it (word/document.xml)",
    },
    "docx_truncated": {
        "zh": ".docx 文件已损坏：文件不完整（下载或复制可能中断了）",
        "en": "corrupt .docx: the file is cut off (an interrupted download or copy?)",
    },
    "docx_damaged_member": {
        "zh": ".docx 文件已损坏：其中的 {member} 无法读出",
        "en": "corrupt .docx: {member} in it is damaged",
    },
    "docx_corrupt": {"zh": ".docx 文件已损坏：{error}", "en": "corrupt .docx: {error}"},
    # --- python -m gongwen format (the .docx CLI) ---
    # --- LibreOffice for the other input formats and PDF (gongwen.soffice.office, inputs) ---
    "office_missing": {
        "zh": "未找到 LibreOffice（soffice），无法读取此格式；.docx 文件无需 LibreOffice",
        "en": "LibreOffice (soffice) not found: this format needs it; .docx files do not",
    },
    "office_start_failed": {
        "zh": "LibreOffice 无法启动", "en": "LibreOffice did not start",
    },
    "office_unreadable": {
        "zh": "LibreOffice 无法读取此文件（已损坏或不是所称的格式）",
        "en": "LibreOffice cannot read this file (corrupt, or not the format it claims)",
    },
    "office_password": {
        "zh": "文件设有打开密码，请先在 Word/WPS 中取消密码",
        "en": "password-protected document; remove the password first",
    },
    "office_not_text": {
        "zh": "不是文字文档（是表格、演示文稿或图形）",
        "en": "not a text document (a spreadsheet, presentation or drawing)",
    },
    "office_timeout": {
        "zh": "LibreOffice 处理超过 {seconds:g} 秒，已中止",
        "en": "LibreOffice took longer than {seconds:g} s; stopped",
    },
    "office_crashed": {
        "zh": "LibreOffice 读取此文件时崩溃", "en": "LibreOffice crashed reading this file",
    },
    "input_unsupported": {
        "zh": "不支持的文件类型 {suffix}（支持 {accepted}）",
        "en": "unsupported file type {suffix} (accepted: {accepted})",
    },
    "input_mislabelled": {
        "zh": "扩展名 {suffix} 与内容不符（内容像是 {actual}）",
        "en": "the extension {suffix} does not match the content (it looks like {actual})",
    },
    "input_text_undecodable": {
        "zh": "无法识别文本编码（第 {offset} 字节 0x{byte}；支持 UTF-8、UTF-16、GB18030/GBK）",
        "en": "unknown text encoding (byte 0x{byte} at {offset}; "
              "UTF-8, UTF-16 and GB18030/GBK are read)",
    },
    "format_in_place_docx_only": {
        "zh": "--in-place 只用于 .docx 文件（{suffix} 请用 -o 或 --out-dir）",
        "en": "--in-place is for .docx files only (use -o or --out-dir for {suffix})",
    },
    # --- lint of a PDF (gongwen.pdf.pdfmeasure; English as the layout tests read it) ---
    "pdf_no_pages": {"zh": "PDF 没有页面", "en": "the PDF has no pages"},
    "pdf_no_full_line": {
        "zh": "找不到排满的中文行，无法数每行字数",
        "en": "no full CJK line found to count characters on",
    },
    "pdf_line_chars": {
        "zh": "第 {page} 页：满行 {count} 字，应为 {expected} 字：{text}",
        "en": "page {page}: full line has {count} characters, not {expected}: {text}",
    },
    "pdf_page_lines": {
        "zh": "第 {page} 页：{count} 行，应为 {expected} 行",
        "en": "page {page}: {count} lines, not {expected}",
    },
    "pdf_line_outside": {
        "zh": "第 {page} 页：文字超出版心（x {left:.1f}–{right:.1f} mm，"
              "y {top:.1f}–{bottom:.1f} mm）：{text}",
        "en": "page {page}: line outside the type area (x {left:.1f}–{right:.1f} mm, "
              "y {top:.1f}–{bottom:.1f} mm): {text}",
    },
    "pdf_full_line_edge": {
        "zh": "第 {page} 页：满行止于 {end:.1f} mm，未到版心右边 {edge:.1f} mm",
        "en": "page {page}: full line ends at {end:.1f} mm, "
              "not at the type area's edge {edge:.1f} mm",
    },
    "pdf_page_number_missing": {
        "zh": "第 {page} 页：版心下方没有页码“{shown}”",
        "en": "page {page}: no page number '{shown}' below the type area",
    },
    "pdf_page_number_centre": {
        "zh": "第 {page} 页：页码中心在 {at:.1f} mm，应为 {expected:.1f} mm（居中）",
        "en": "page {page}: page number centred at {at:.1f} mm, expected {expected:.1f} mm",
    },
    "pdf_page_number_reads": {
        "zh": "第 {page} 页：页码为 {number}", "en": "page {page}: page number reads {number}",
    },
    "pdf_page_number_odd": {
        "zh": "第 {page} 页（单页）：页码止于 {at:.1f} mm，应为 {expected:.1f} mm（居右空一字）",
        "en": "page {page} (odd): page number ends at {at:.1f} mm, "
              "expected {expected:.1f} mm (right, one character in)",
    },
    "pdf_page_number_even": {
        "zh": "第 {page} 页（双页）：页码始于 {at:.1f} mm，应为 {expected:.1f} mm（居左空一字）",
        "en": "page {page} (even): page number starts at {at:.1f} mm, "
              "expected {expected:.1f} mm (left, one character in)",
    },
    "pdf_page_number_top": {
        "zh": "第 {page} 页：页码上沿在 {at:.1f} mm，应为 {expected:.1f} mm（版心下 {below:g} mm）",
        "en": "page {page}: page number top at {at:.1f} mm, "
              "expected {expected:.1f} mm ({below:g} mm below the type area)",
    },
    "pdf_paper": {
        "zh": "第 {page} 页：纸张 {width:.1f} × {height:.1f} mm，"
              "应为 {expected_width:g} × {expected_height:g} mm",
        "en": "page {page}: paper is {width:.1f} × {height:.1f} mm, "
              "not {expected_width:g} × {expected_height:g} mm",
    },
    "pdf_size_body": {
        "zh": "正文字号为{size}，应为{expected}",
        "en": "body text is {size}, not {expected}",
    },
    "pdf_size_title": {
        "zh": "标题字号为{size}，应为{expected}",
        "en": "the title is {size}, not {expected}",
    },
    "pdf_size_page_number": {
        "zh": "第 {page} 页：页码字号为{size}，应为{expected}",
        "en": "page {page}: page number is {size}, not {expected}",
    },
    "pdf_fix": {
        "zh": "用 gongwen format --pdf 或 Writer 的“一键公文格式”重排原文档后重新导出",
        "en": "format the source document (gongwen format --pdf, or 一键公文格式 in Writer) "
              "and export it again",
    },
    "pdf_unreadable": {
        "zh": "无法读取 PDF：{error}", "en": "cannot read the PDF: {error}",
    },
    "pdf_tools_missing": {
        "zh": "未找到 pdftotext/pdftohtml（Debian 软件包 poppler-utils）",
        "en": "pdftotext/pdftohtml not found (the Debian package poppler-utils)",
    },
    # --- the format checker (gongwen.formatcheck): "lint_KEY" and its fix "lint_fix_KEY" ---
    "lint_place": {"zh": "第 {paragraph} 段", "en": "paragraph {paragraph}"},
    "lint_found": {"zh": "发现 {count} 处格式问题", "en": "{count} format problem(s) found"},
    "lint_clean": {"zh": "未发现格式问题", "en": "No format problems found"},
    "lint_page_size": {
        "zh": "纸张 {width:.1f} × {height:.1f} mm，"
              "应为 {expected_width:g} × {expected_height:g} mm",
        "en": "paper is {width:.1f} × {height:.1f} mm, not {expected_width:g} × "
              "{expected_height:g} mm",
    },
    "lint_fix_page_size": {"zh": "页面设置改为 A4 纸", "en": "set the paper to A4"},
    "lint_page_margins": {
        "zh": "页边距（上/下/左/右）{margins} mm，应为 {expected} mm",
        "en": "margins (top/bottom/left/right) are {margins} mm, not {expected} mm",
    },
    "lint_fix_page_margins": {
        "zh": "页边距改为 {expected} mm（或一键公文格式）",
        "en": "set the margins to {expected} mm (or run 一键公文格式)",
    },
    "lint_page_no_grid": {
        "zh": "没有文档网格，应为每页 {lines} 行",
        "en": "no line grid; {lines} lines a page expected",
    },
    "lint_fix_page_no_grid": {
        "zh": "开启文档网格（每页 {lines} 行），或一键公文格式",
        "en": "turn on the line grid ({lines} lines a page), or run 一键公文格式",
    },
    "lint_page_grid": {
        "zh": "用了文档网格，本版式为固定值 {pitch:g} 磅行距",
        "en": "a line grid is on; this preset uses fixed {pitch:g} pt line spacing",
    },
    "lint_fix_page_grid": {
        "zh": "关闭文档网格，行距设为固定值 {pitch:g} 磅",
        "en": "turn the grid off, fixed {pitch:g} pt lines",
    },
    "lint_page_lines": {
        "zh": "每页 {lines} 行，应为 {expected} 行", "en": "{lines} lines a page, not {expected}",
    },
    "lint_fix_page_lines": {
        "zh": "文档网格改为每页 {expected} 行", "en": "set the grid to {expected} lines a page",
    },
    "lint_page_line_pitch": {
        "zh": "行距 {pitch:g} 磅，应为固定值 {expected:g} 磅",
        "en": "line spacing is {pitch:g} pt, not fixed {expected:g} pt",
    },
    "lint_fix_page_line_pitch": {
        "zh": "行距设为固定值 {expected:g} 磅", "en": "set fixed {expected:g} pt line spacing",
    },
    "lint_font": {
        "zh": "{role}用了“{font}”，应为“{expected}”",
        "en": "{role} is set in {font}, not {expected}",
    },
    "lint_fix_font": {"zh": "字体改为“{expected}”", "en": "set the font to {expected}"},
    "lint_font_latin": {
        "zh": "{role}的数字和字母用了“{font}”，应为“{expected}”",
        "en": "{role}: digits and letters are set in {font}, not {expected}",
    },
    "lint_fix_font_latin": {
        "zh": "西文字体改为“{expected}”", "en": "set the Western font to {expected}",
    },
    "lint_bold": {"zh": "{role}加粗了，不应加粗", "en": "{role} is bold; it should not be"},
    "lint_fix_bold": {"zh": "取消加粗", "en": "remove the bold"},
    "lint_not_bold": {"zh": "{role}应加粗", "en": "{role} should be bold"},
    "lint_fix_not_bold": {"zh": "设为加粗", "en": "make it bold"},
    "lint_size": {
        "zh": "{role}字号为{size}，应为{expected}",
        "en": "{role} is {size}, not {expected}",
    },
    "lint_fix_size": {"zh": "字号改为{expected}", "en": "set the size to {expected}"},
    "lint_indent_first_line": {
        "zh": "{role}首行缩进 {chars:g} 字，应为 {expected:g} 字",
        "en": "{role}: first-line indent {chars:g} characters, not {expected:g}",
    },
    "lint_fix_indent_first_line": {
        "zh": "首行缩进改为 {expected:g} 字符",
        "en": "set the first-line indent to {expected:g} characters",
    },
    "lint_indent_left": {
        "zh": "{role}左缩进 {chars:g} 字，应为 {expected:g} 字",
        "en": "{role}: left indent {chars:g} characters, not {expected:g}",
    },
    "lint_fix_indent_left": {
        "zh": "左缩进改为 {expected:g} 字符",
        "en": "set the left indent to {expected:g} characters",
    },
    "lint_indent_right": {
        "zh": "{role}右缩进 {chars:g} 字，应为 {expected:g} 字",
        "en": "{role}: right indent {chars:g} characters, not {expected:g}",
    },
    "lint_fix_indent_right": {
        "zh": "右缩进改为 {expected:g} 字符（或一键公文格式）",
        "en": "set the right indent to {expected:g} characters (or run 一键公文格式)",
    },
    "lint_align": {"zh": "{role}{align}，应{expected}", "en": "{role} is {align}, not {expected}"},
    "lint_fix_align": {"zh": "对齐方式改为{expected}", "en": "align it {expected}"},
    "lint_align_left": {"zh": "左对齐", "en": "left"},
    "lint_align_center": {"zh": "居中", "en": "centred"},
    "lint_align_right": {"zh": "右对齐", "en": "right"},
    "lint_font_missing": {
        "zh": "未安装字体“{font}”，将以“{stand_in}”代替",
        "en": "font {font} is not installed; {stand_in} will stand in for it",
    },
    "lint_stand_in_unknown": {"zh": "系统默认字体", "en": "the system's default font"},
    "lint_fix_font_missing": {
        "zh": "安装“{font}”字体后再排版、打印", "en": "install the font {font} before printing",
    },
    "lint_colour": {
        "zh": "整段文字设了颜色 {colour}",
        "en": "the whole paragraph is coloured {colour}",
    },
    "lint_fix_colour": {"zh": "字体颜色改为“自动”", "en": "set the font colour to automatic"},
    "lint_underline": {"zh": "整段加了下划线", "en": "the whole paragraph is underlined"},
    "lint_fix_underline": {"zh": "取消下划线", "en": "remove the underline"},
    "lint_highlight": {
        "zh": "整段加了突出显示（底色）",
        "en": "the whole paragraph is highlighted",
    },
    "lint_fix_highlight": {"zh": "取消突出显示和底纹", "en": "remove the highlighting"},
    "lint_punctuation": {
        "zh": "中文句中用了半角标点“{mark}”", "en": "half-width '{mark}' in a Chinese sentence",
    },
    "lint_fix_punctuation": {"zh": "改为全角“{full}”", "en": "use the full-width {full}"},
    "lint_punctuation_space": {
        "zh": "中文之间或全角标点旁多了空格",
        "en": "a space between Chinese characters or beside a full-width mark",
    },
    "lint_fix_punctuation_space": {"zh": "删除空格", "en": "remove the space"},
    "lint_punctuation_width": {
        "zh": "全角数字或字母“{mark}”", "en": "full-width digits or letters '{mark}'",
    },
    "lint_fix_punctuation_width": {"zh": "改为半角“{full}”", "en": "use the half-width {full}"},
    "lint_punctuation_doubt": {
        "zh": "中文句中的半角“{mark}”用途不明，未自动改",
        "en": "half-width '{mark}' in a Chinese sentence, left as typed (its use is not clear)",
    },
    "lint_fix_punctuation_doubt": {
        "zh": "按语境改为全角“{full}”或保留",
        "en": "use the full-width {full} if it is Chinese punctuation",
    },
    "lint_date": {
        "zh": "成文日期“{date}”应写作“{expected}”",
        "en": "the date '{date}' should read {expected}",
    },
    "lint_fix_date": {
        "zh": "改为“{expected}”（阿拉伯数字，不编虚位）",
        "en": "write {expected} (Arabic numerals, no leading zeros)",
    },
    "lint_no_title": {"zh": "没有公文标题", "en": "no title"},
    "lint_fix_no_title": {
        "zh": "在正文前加一行标题（发文机关＋事由＋文种）",
        "en": "add a title line before the text (issuer, subject, document type)",
    },
    "lint_no_signature": {"zh": "没有署名（发文机关或个人）", "en": "no signature (署名)"},
    "lint_fix_no_signature": {"zh": "在正文后加署名", "en": "add the signature after the text"},
    "lint_no_date": {"zh": "没有成文日期", "en": "no date (成文日期)"},
    "lint_fix_no_date": {
        "zh": "在署名下一行加成文日期，如 2021年12月31日",
        "en": "add the date under the signature, e.g. 2021年12月31日",
    },
    "lint_numbering_form": {
        "zh": "标题序号“{label}”写法不规范",
        "en": "heading number '{label}' is not a standard form",
    },
    "lint_fix_numbering_form": {"zh": "写作“{expected}”", "en": "write {expected}"},
    "lint_numbering_mixed": {
        "zh": "同级标题序号写法不一：“{label}”与“{other}”",
        "en": "headings of one level numbered two ways: '{label}' and '{other}'",
    },
    "lint_fix_numbering_mixed": {
        "zh": "同级统一写法（一、（一）1.（1））",
        "en": "use one form per level: 一、 （一） 1. （1）",
    },
    "lint_numbering_skipped": {
        "zh": "“{label}”是第 {level} 级标题，但上面没有第 {missing} 级",
        "en": "'{label}' is a level-{level} heading with no level-{missing} heading above it",
    },
    "lint_fix_numbering_skipped": {
        "zh": "按 一、→（一）→1.→（1） 逐级使用",
        "en": "go down one level at a time: 一、 （一） 1. （1）",
    },
    "lint_numbering_gap": {
        "zh": "序号“{label}”不连续，应为第 {expected} 个",
        "en": "'{label}' breaks the sequence: number {expected} expected",
    },
    "lint_fix_numbering_gap": {
        "zh": "检查序号，按顺序编号",
        "en": "renumber the headings in order",
    },
    "lint_placeholder": {"zh": "待填占位符“{text}”", "en": "unfilled placeholder '{text}'"},
    "lint_fix_placeholder": {"zh": "填写实际内容", "en": "fill it in"},
    "checkformat_title": {"zh": "检查格式", "en": "Check Format"},
    "checkformat_close": {"zh": "关闭", "en": "Close"},
    "checkformat_recheck": {"zh": "重新检查", "en": "Check Again"},
    "checkformat_hint": {
        "zh": "单击一行即在文档中选中该处", "en": "Click a row to select its place in the document",
    },
    "lint_total": {
        "zh": "{files} 个文件共 {count} 处问题", "en": "{count} problem(s) in {files} file(s)",
    },
    "lint_none": {
        "zh": "{files} 个文件未发现问题", "en": "no problems in {files} file(s)",
    },
    "cli_format_output_is_input": {
        "zh": "输出文件就是输入文件；要覆盖原文件请用 --in-place",
        "en": "the output is the input; use --in-place to replace it",
    },
    "cli_format_output_twice": {
        "zh": "与 {other} 写到同一个输出文件", "en": "same output file as {other}",
    },
    "cli_format_output_exists": {
        "zh": "{output} 已存在；要覆盖请加 --force",
        "en": "{output} exists; add --force to replace it",
    },
    "cli_format_output_one_input": {
        "zh": "-o 只能用于一个输入文件；多个文件请用 --out-dir 或 --in-place",
        "en": "-o takes one input file; use --out-dir or --in-place for several",
    },
    "cli_format_text_changed": {
        "zh": "内部错误：排版会改变文字（{parts}），未写入",
        "en": "internal error: formatting would change the text ({parts}); nothing written",
    },
    # --- 版式预设 (gongwen.presets; one line: where, then the problem) ---
    "preset_error": {"zh": "{where}：{problem}", "en": "{where}: {problem}"},
    "preset_unknown": {
        "zh": "没有名为“{name}”的版式；可用的版式：{names}，或给出 .json 文件的路径",
        "en": "no preset named “{name}”; available: {names}, or the path of a .json file",
    },
    "preset_cannot_read": {"zh": "无法读取：{error}", "en": "cannot read: {error}"},
    "preset_bad_json": {
        "zh": "不是有效的 JSON（第 {line} 行第 {column} 列：{error}）",
        "en": "not valid JSON (line {line}, column {column}: {error})",
    },
    "preset_cycle": {
        "zh": "extends 绕成了圈：{chain}", "en": "extends goes round in a circle: {chain}",
    },
    "preset_unknown_key": {
        "zh": "未知的键“{name}”；可用的键：{allowed}",
        "en": "unknown key “{name}”; allowed keys: {allowed}",
    },
    "preset_wrong_type": {
        "zh": "应为{expected}，而不是 {given}", "en": "expected {expected}, not {given}",
    },
    "preset_expect_object": {"zh": "对象 {{…}}", "en": "an object {{…}}"},
    "preset_expect_text": {"zh": "文字（带引号的字符串）", "en": "text (a quoted string)"},
    "preset_expect_font": {
        "zh": "字体名（非空的字符串）", "en": "a font name (a non-empty string)",
    },
    "preset_expect_bool": {"zh": " true 或 false", "en": "true or false"},
    "preset_expect_mm": {"zh": "毫米数（≥ 0 的数字）", "en": "millimetres (a number ≥ 0)"},
    "preset_expect_paper_mm": {"zh": "毫米数（> 0 的数字）", "en": "millimetres (a number > 0)"},
    "preset_expect_count": {"zh": " ≥ 1 的整数", "en": "a whole number ≥ 1"},
    "preset_expect_points": {"zh": "磅数（> 0 的数字）", "en": "points (a number > 0)"},
    "preset_bad_size": {
        "zh": "应为字号（{names}）或磅数（> 0 的数字），而不是 {given}",
        "en": "expected a 字号 ({names}) or points (a number > 0), not {given}",
    },
    "preset_size_twice": {
        "zh": "size 与 size_pt 只能给一个", "en": "give size or size_pt, not both",
    },
    "preset_bad_position": {
        "zh": "应为 outside（单页居右、双页居左）、center（居中）或 right（居右），而不是 {given}",
        "en": "expected outside (odd pages right, even left), center or right, not {given}",
    },
    "preset_bad_format": {
        "zh": "页码格式应含且只含一个 {{n}}（页码数字所在处），如 \"— {{n}} —\"，而不是 {given}",
        "en": "the page-number format needs exactly one {{n}} (where the number goes), "
              "such as \"— {{n}} —\", not {given}",
    },
    "preset_bad_line_spacing": {
        "zh": "应为 \"grid\"（文档网格）或 {{\"fixed_pt\": 28}}（固定值，磅数 > 0），"
              "而不是 {given}",
        "en": "expected \"grid\" (the document grid) or {{\"fixed_pt\": 28}} (fixed, points > 0), "
              "not {given}",
    },
    "preset_no_type_width": {
        "zh": "页边距不留版心：纸宽 {width} mm 减去左 {left} mm、右 {right} mm，"
              "容不下一个正文字（{need} mm）",
        "en": "the margins leave no type area: {width} mm paper width minus {left} mm left and "
              "{right} mm right does not hold one body character ({need} mm)",
    },
    "preset_no_type_height": {
        "zh": "页边距不留版心：纸高 {height} mm 减去上 {top} mm、下 {bottom} mm，"
              "容不下一行（{need} mm）",
        "en": "the margins leave no type area: {height} mm paper height minus {top} mm top and "
              "{bottom} mm bottom does not hold one line ({need} mm)",
    },
    "cli_presets_invalid": {"zh": "（无效，见下）", "en": "(invalid, see below)"},
    "preset_no_dialog": {
        "zh": "此处不能显示文件对话框，未作任何修改。请用 ?preset= 指定版式：{names}，"
              "或 .json 文件的路径。",
        "en": "No file dialog can be shown here; nothing was changed. Add ?preset= with one "
              "of {names}, or the path of a .json file.",
    },
    "preset_picker_title": {"zh": "选择版式预设文件", "en": "Choose a Layout Preset File"},
    "preset_picker_filter": {"zh": "版式预设 (*.json)", "en": "Layout presets (*.json)"},
    # --- 插入述职框架 (writer/scaffold.py, writer/scaffold_dialog.py) ---
    "scaffold_inserted": {
        "zh": "已插入“{name}”框架，含 {count} 处待填占位符。",
        "en": "Inserted the “{name}” scaffold with {count} placeholders to fill in.",
    },
    "scaffold_page_hint": {
        "zh": "可再点“一键公文格式”完成页面设置。",
        "en": " Run “Format as 公文” to set up the page as well.",
    },
    "scaffold_unknown_type": {
        "zh": "没有“{given}”这种述职框架。可用的类型：{types}。",
        "en": "There is no scaffold type “{given}”. Valid types: {types}.",
    },
    "scaffold_bad_year": {
        "zh": "年度应为四位数字，如 2025，而不是“{year}”。",
        "en": "The year must be four digits, such as 2025, not “{year}”.",
    },
    "scaffold_bad_value": {
        "zh": "填入框架的内容有误：{error}",
        "en": "A value for the scaffold is not usable: {error}",
    },
    "scaffold_undo_title": {
        "zh": "插入述职框架：{name}",
        "en": "Insert scaffold: {name}",
    },
    "scaffold_no_dialog": {
        "zh": "此处不能显示对话框，未作任何修改。请用 ?type= 指定框架类型：{types}。",
        "en": "No dialog can be shown here; nothing was changed. Add ?type= with one of: {types}.",
    },
    "scaffold_dialog_title": {
        "zh": "插入述职框架",
        "en": "Insert a Report Scaffold",
    },
    "scaffold_dialog_types": {
        "zh": "报告类型",
        "en": "Report type",
    },
    "scaffold_dialog_preview": {
        "zh": "框架包含的部分",
        "en": "Sections",
    },
    "scaffold_dialog_org": {
        "zh": "单位",
        "en": "Unit",
    },
    "scaffold_dialog_name": {
        "zh": "姓名",
        "en": "Name",
    },
    "scaffold_dialog_year": {
        "zh": "年度",
        "en": "Year",
    },
    "scaffold_dialog_hint": {
        "zh": "以上三项均可不填，不填处保留 X 占位符，插入后可用“检查占位符”逐项补全。",
        "en": "All three are optional; what is left blank stays an X placeholder to fill in later.",
    },
    "scaffold_dialog_pick_type": {
        "zh": "请先在左侧选择一种报告类型。",
        "en": "Choose a report type on the left first.",
    },
    "scaffold_dialog_insert": {
        "zh": "插入",
        "en": "Insert",
    },
    "scaffold_dialog_cancel": {
        "zh": "取消",
        "en": "Cancel",
    },
    # --- python -m gongwen check (the placeholder CLI) ---
    "cli_check_unsupported": {
        "zh": "不支持的文件类型 {suffix}：只能检查 .docx .doc .wps .wpt .dot .odt .rtf 和 .txt",
        "en": "unsupported file type {suffix}: expected .docx .doc .wps .wpt .dot .odt .rtf "
              "or .txt",
    },
    "cli_check_undecodable": {
        "zh": "无法识别文本编码（第 {offset} 字节为 0x{byte}）：支持 UTF-8、UTF-16、GB18030/GBK，"
              "请另存为 UTF-8",
        "en": "not UTF-8, UTF-16 or GB18030/GBK text (byte 0x{byte} at offset {offset}); "
              "save it as UTF-8",
    },
    "cli_check_total": {
        "zh": "共 {count} 处待填占位符（{files} 个文件）",
        "en": "{count} placeholder(s) in {files} file(s)",
    },
    "cli_check_none": {
        "zh": "未发现待填占位符（{files} 个文件）",
        "en": "no placeholders in {files} file(s)",
    },
    # --- Format (一键公文格式) ---
    "format_done": {
        "zh": "已按 GB/T 9704 排版：{counts}。",
        "en": "Formatted to GB/T 9704: {counts}.",
    },
    # 规范写法 (gongwen.normalize), appended to format_done when the user asked for it
    "format_normalized": {
        "zh": "已规范：{counts}。",
        "en": " Normalised: {counts}.",
    },
    # the 版式 used, when it is not GB/T 9704's own (after format_done)
    "format_preset_used": {"zh": "版式：{name}。", "en": " Preset: {name}."},
    "preset_label_fixed-28pt": {"zh": "固定值 28 磅行距", "en": "fixed 28 pt line spacing"},
    "normalized_dates": {"zh": "成文日期 {count} 处", "en": "{count} date(s)"},
    "normalized_numbering": {"zh": "标题编号 {count} 处", "en": "{count} heading number(s)"},
    "normalized_spaces": {"zh": "段首空格 {count} 段",
                          "en": "leading spaces in {count} paragraph(s)"},
    # a one-line 落款 split into 署名 and 成文日期 counts under spaces; this is blank-lines
    "normalized_blank-lines": {"zh": "空行 {count} 个",
                               "en": "{count} blank line(s) removed"},
    "normalized_punctuation": {"zh": "标点 {count} 处", "en": "{count} punctuation mark(s)"},
    "format_layout_unknown": {
        "zh": "未知的版式“{layout}”，可选：{choices}",
        "en": "unknown layout “{layout}”; choose from {choices}",
    },
    "format_normalize_unknown": {
        "zh": "未知的规范选项“{kind}”，可选：{choices}",
        "en": "unknown normalisation “{kind}”; choose from {choices}",
    },
    # what of the author's header/footer text stayed (gongwen.headfoot), appended likewise
    "format_kept_header": {"zh": "页眉中的文字已保留。", "en": " Header text kept."},
    "format_kept_footer": {
        "zh": "页脚中的其他文字已保留。", "en": " Other footer text kept.",
    },
    "format_empty": {
        "zh": "文档是空的，没有可排版的内容。请先输入或粘贴正文。",
        "en": "The document is empty; there is nothing to format.",
    },
    "format_undo_title": {
        "zh": "公文排版",
        "en": "Format as 公文",
    },
    "format_count": {
        "zh": "{role} {count}",
        "en": "{role} {count}",
    },
    "format_count_separator": {
        "zh": "，",
        "en": ", ",
    },
    "role_title": {"zh": "标题", "en": "title"},
    "role_addressee": {"zh": "主送", "en": "addressee"},
    "role_body": {"zh": "正文", "en": "body"},
    "role_heading1": {"zh": "一级标题", "en": "level-1 headings"},
    "role_heading2": {"zh": "二级标题", "en": "level-2 headings"},
    "role_heading3": {"zh": "三级标题", "en": "level-3 headings"},
    "role_heading4": {"zh": "四级标题", "en": "level-4 headings"},
    "role_closing": {"zh": "结束语", "en": "closing"},
    "role_attachment": {"zh": "附件说明", "en": "attachment notes"},
    "role_signature": {"zh": "署名", "en": "signature"},
    "role_date": {"zh": "成文日期", "en": "date"},
    "role_copy_number": {"zh": "份号", "en": "copy number"},
    "role_secrecy": {"zh": "密级", "en": "classification"},
    "role_urgency": {"zh": "紧急程度", "en": "urgency"},
    "role_issuer": {"zh": "发文机关标志", "en": "issuing authority"},
    "role_doc_number": {"zh": "发文字号", "en": "document number"},
    "role_signer": {"zh": "签发人", "en": "approver"},
    "role_note": {"zh": "附注", "en": "notes"},
    "role_attachment_mark": {"zh": "附件标识", "en": "attachment labels"},
    "role_attachment_title": {"zh": "附件标题", "en": "attachment titles"},
    "role_signature_date": {"zh": "署名和日期", "en": "signature with date"},
    "role_cc": {"zh": "抄送", "en": "copied to"},
    "role_imprint": {"zh": "印发", "en": "printing line"},
    "role_minutes_mark": {"zh": "纪要标志", "en": "minutes mark"},
    "role_attendance": {"zh": "出席", "en": "attendance"},
    "role_subtitle": {"zh": "副标题", "en": "subtitle"},
    "placeholder_found": {
        "zh": "发现 {count} 处待填占位符",
        "en": "{count} unfilled placeholders found",
    },
    "placeholder_none": {
        "zh": "未发现待填占位符",
        "en": "No unfilled placeholders found",
    },
    "placeholder_none_on_pages": {
        "zh": "剩余 {count} 处待填占位符都在没有页面使用的页眉、页脚或文本框里，无法定位。",
        "en": "The {count} placeholders left are in headers, footers or frames that no page "
              "shows; there is nothing to select.",
    },
    "placeholder_position": {
        "zh": "第 {index} 处，共 {count} 处待填占位符：{text}",
        "en": "Placeholder {index} of {count}: {text}",
    },
    "placeholder_marks_cleared": {
        "zh": "已清除占位符标记",
        "en": "Placeholder marks removed",
    },
    "placeholder_check_undo": {"zh": "检查占位符", "en": "Check placeholders"},
    "placeholder_clear_undo": {"zh": "清除占位符标记", "en": "Clear placeholder marks"},
    # --- 交稿前的提醒 (gongwen.guard, writer/guard.py): asked before Save/Export/Print ---
    "guard_title": {"zh": "公文助手", "en": "Gongwen Assistant"},
    "guard_question_save": {
        "zh": "还有 {count} 处待填占位符，仍要保存吗？",
        "en": "{count} placeholder(s) are still unfilled. Save anyway?",
    },
    "guard_question_export": {
        "zh": "还有 {count} 处待填占位符，仍要导出吗？",
        "en": "{count} placeholder(s) are still unfilled. Export anyway?",
    },
    "guard_question_print": {
        "zh": "还有 {count} 处待填占位符，仍要打印吗？",
        "en": "{count} placeholder(s) are still unfilled. Print anyway?",
    },
    "guard_view_first": {"zh": "查看第一处(&V)", "en": "&View the First"},
    "guard_ahead_save": {"zh": "仍然保存(&S)", "en": "&Save Anyway"},
    "guard_ahead_export": {"zh": "仍然导出(&E)", "en": "&Export Anyway"},
    "guard_ahead_print": {"zh": "仍然打印(&P)", "en": "&Print Anyway"},
    "guard_switched_on": {
        "zh": "已开启：保存、导出、打印前提醒待填占位符",
        "en": "On: warn about unfilled placeholders before saving, exporting, printing",
    },
    "guard_switched_off": {
        "zh": "已关闭：保存、导出、打印前不再提醒待填占位符",
        "en": "Off: no warning about placeholders before saving, exporting, printing",
    },    # --- folders as inputs (cli/walk.py) ---
    "cli_walk_skipped": {
        "zh": "跳过了 {count} 个不是文档的文件：{named}{more}",
        "en": "skipped {count} files that are not documents: {named}{more}",
    },
    "cli_walk_more": {"zh": " 等（另有 {count} 个）", "en": " and {count} more"},
    # --- 检查格式 in a user's words (issue 19): the category a row starts with (the codes
    # stay as they are in lint --json), a size as its 字号 ---
    "lint_category_page": {"zh": "页面", "en": "page"},
    "lint_category_font": {"zh": "字体", "en": "font"},
    "lint_category_size": {"zh": "字号", "en": "size"},
    "lint_category_indent": {"zh": "缩进", "en": "indent"},
    "lint_category_numbering": {"zh": "编号", "en": "numbering"},
    "lint_category_punctuation": {"zh": "标点", "en": "punctuation"},
    "lint_category_date": {"zh": "日期", "en": "date"},
    "lint_category_structure": {"zh": "结构", "en": "structure"},
    "lint_category_placeholder": {"zh": "占位符", "en": "placeholder"},
    "lint_category_font_missing": {"zh": "缺少字体", "en": "missing font"},
    "lint_category_direct_format": {"zh": "直接格式", "en": "direct formatting"},
    "lint_size_named": {"zh": "{name}", "en": "{size:g} pt ({name})"},
    "lint_size_points": {"zh": "{size:g} 磅", "en": "{size:g} pt"},
    # --- the stand-ins for missing official fonts (writer/fonts.py): a replacement switched
    # on in this session counts from LibreOffice's next start ---
    "font_stand_in_after_restart": {
        "zh": "{font}（重启 LibreOffice 后生效）", "en": "{font} (once LibreOffice restarts)",
    },
    # --- 落款 with a seal (GB/T 9704 §7.3.5) ---
    "preset_bad_seal": {
        "zh": "应为 none（不加盖印章）、stamp（加盖印章）或 signature（加盖签发人签名章），"
              "而不是 {given}",
        "en": "expected none (no seal), stamp (the agency's seal) or signature "
              "(the signer's seal), not {given}",
    },
    "format_seal_unknown": {
        "zh": "未知的落款方式“{seal}”，可选：{choices}",
        "en": "unknown 落款 “{seal}”; choose from {choices}",
    },
    # --- 边写边查, the grammar checker (gongwen.proofing, gongwen.writer.proofreader) ---
    "proof_service_name": {"zh": "公文助手（边写边查）", "en": "Gongwen (check as you type)"},
    "proof_full_placeholder": {
        "zh": "模板留下的待填内容（X、××、○○、某某、XXXX年XX月XX日、【待补】、[姓名] 等）"
              "须在成文前填写；与“检查占位符”同一规则。",
        "en": "A blank left by the template (X, ××, ○○, 某某, XXXX年XX月XX日, 【待补】, [name] …) "
              "must be filled in before the document goes out; the rule of Check Placeholders.",
    },
    "proof_full_punctuation": {
        "zh": "GB/T 15834—2011《标点符号用法》第4章：中文文本使用全角标点；数字、网址、"
              "电子邮箱、文件名中的半角符号不在此列。",
        "en": "GB/T 15834-2011 (Use of punctuation marks), chapter 4: Chinese text takes "
              "full-width marks; numbers, web and e-mail addresses and file names keep theirs.",
    },
    "proof_full_punctuation_width": {
        "zh": "GB/T 15835—2011《出版物上数字用法》：数字和拉丁字母用半角。",
        "en": "GB/T 15835-2011 (Use of numbers in publications): digits and Latin letters are "
              "half-width.",
    },
    "proof_full_numbering": {
        "zh": "GB/T 9704—2012 第7.3.3条：文中结构层次序数依次用“一、”“（一）”“1.”“（1）”标注。",
        "en": "GB/T 9704-2012 §7.3.3: the levels of a text are numbered 一、, （一）, 1. and "
              "（1）.",
    },
    "proof_full_date": {
        "zh": "GB/T 9704—2012 第7.3.5.1条：成文日期用阿拉伯数字将年、月、日标全，"
              "年份应标全称，月、日不编虚位（即1不编为01）。",
        "en": "GB/T 9704-2012 §7.3.5.1: the date in Arabic numerals with year, month and day "
              "in full, and no leading zero (1, not 01).",
    },
    "proof_switched_on": {
        "zh": "已开启输入时检查：占位符、半角标点、标题序号、成文日期下会显示波浪线",
        "en": "Check as you type is on: placeholders, half-width marks, heading numbers and "
              "dates are underlined",
    },
    "proof_switched_off": {
        "zh": "已关闭输入时检查",
        "en": "Check as you type is off",
    },
    # ---- reports without a modal box (issue 19): the infobar's buttons ----
    "infobar_view_first": {"zh": "查看第一处", "en": "View the First"},
    "infobar_undo": {"zh": "撤销", "en": "Undo"},
    "preset_remembered_gone": {
        "zh": "记住的版式“{preset}”已找不到，已改用 GB/T 9704 标准版式",
        "en": "The remembered layout preset \u201c{preset}\u201d is gone; "
              "using GB/T 9704 instead",
    },
    # ---- lint FILE.pdf on a letter (信函格式, GB/T 9704 §10.1) ----
    "pdf_page_number_letter": {
        "zh": "第 {page} 页：信函格式的首页不显示页码，这里有“{shown}”",
        "en": "page {page}: a letter's first page shows no page number, this one shows "
              "'{shown}'",
    },
    "pdf_page_number_record": {
        "zh": "第 {page} 页：版记页不显示页码，这里有“{shown}”",
        "en": "page {page}: the 版记's own page shows no page number, this one shows '{shown}'",
    },
}


def language(locale: str) -> str:
    return "en" if locale.lower().startswith("en") else "zh"


def text(key: str, locale: str = "zh-CN", **values: object) -> str:
    return MESSAGES[key][language(locale)].format(**values)


class MessageError(ValueError):
    """An error a user reads: a message key and its values, in their language by
    ``text(locale)``; ``str()`` is the English, for logs and tracebacks."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def text(self, locale: str = "zh-CN") -> str:
        return text(self.key, locale, **self.values)

    def __str__(self) -> str:
        return self.text("en-US")
