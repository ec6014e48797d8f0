# 公文助手 — the two commands a user needs are `make demo` and `make test`;
# both set everything up first on a fresh Debian machine.
PY := .venv/bin/python
OXT := dist/gongwen.oxt

.PHONY: setup oxt test unit lint demo templates bench screenshot clean

setup:
	@bash tools/setup.sh

oxt: setup
	@$(PY) tools/build_oxt.py $(OXT)

test: oxt
	$(PY) -m ruff check pythonpath tests tools bench extension
	$(PY) -m pytest -q

unit: setup
	$(PY) -m pytest -q tests/unit

lint: setup
	$(PY) -m ruff check pythonpath tests tools bench extension

demo: oxt
	$(PY) tools/demo.py

templates: setup
	$(PY) tools/build_templates.py

bench: oxt
	$(PY) -m bench

# The README's picture: the demo's report after 检查占位符 and 一键公文格式, in zh-CN Writer,
# drawn as a user's machine draws it (no project font mapping: the extension's stand-ins).
screenshot: demo
	$(PY) tools/screenshot.py --stock-fonts docs/toolbar.png out/demo/report-formatted.docx

clean:
	rm -rf dist out .pytest_cache
