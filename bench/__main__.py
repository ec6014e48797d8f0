"""``python -m bench [NAME...]`` (``make bench``): runs the benchmarks, saves the figures.

Every ``bench/bench_<name>.py`` has a ``main()`` that prints its own lines and returns a dict
of figures; this runner collects them into ``out/bench.json`` for ``bench/README.md``.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "pythonpath"), str(ROOT / "tools")]


def available() -> list[str]:
    return sorted(p.stem[len("bench_"):] for p in (ROOT / "bench").glob("bench_*.py"))


def main(names: list[str]) -> int:
    results = {}
    for name in names or available():
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"bench.bench_{name}")
        results[name] = module.main()
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    out = ROOT / "out" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"figures saved to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
