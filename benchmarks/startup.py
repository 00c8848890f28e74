"""Wall time of ``python -m build_docs build`` on the seeds, as a maintainer runs it (``docs/`` already current).

Median of 5 runs after a warm-up run, in fresh interpreters; the warm-up also fills the
cache of derived tables (``build_docs/cache.py``), and one more run with the cache turned
off shows what a first build on a new machine costs. With ``--readme`` the figures replace the
README's ``startup`` section.

    python benchmarks/startup.py [--runs 5] [--readme]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.readme_section import replace_section  # noqa: E402


def timed(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "build_docs", "build"], cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def stage_times() -> str:
    """Import time and the time of the stages, measured in one fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); import build_docs.cli; from build_docs.pipeline import BuildConfig, generate; "
        "from pathlib import Path; i = time.perf_counter(); generate(BuildConfig(Path('seeds'), Path('docs'))); "
        "print(f'{i - t:.2f} {time.perf_counter() - i:.2f}')"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    imports, work = done.stdout.split()
    return f"of which importing the package {imports} s and the stages {work} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--readme", action="store_true", help="write the figures into README.md")
    args = parser.parse_args()
    env = {**os.environ}
    timed(env)  # warm-up: disk cache, derived-table cache
    runs = [timed(env) for _ in range(args.runs)]
    cold = timed({**env, "BUILD_DOCS_CACHE": "off"})
    report = (
        f"`python -m build_docs build` on the seeds: median {statistics.median(runs):.2f} s of {args.runs} runs "
        f"({', '.join(f'{t:.2f}' for t in runs)}), {stage_times()}; "
        f"{cold:.2f} s with the cache of derived tables turned off (a first build on a new machine)."
    )
    print(report)
    if args.readme:
        replace_section("startup", report)


if __name__ == "__main__":
    main()
