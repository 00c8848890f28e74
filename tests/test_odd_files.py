"""One odd file never sinks a corpus (issue 16, part 1): a file that cannot be read or makes no
article is skipped with a warning naming it, every other file builds, the exit status is 0, and
``--strict`` fails leaving ``docs/`` untouched. Text with a few control characters is text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import run_cli, tree
from tests.pdf_samples import journal_pdf

ODD = {
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4,
    "empty.txt": b"",
    "truncated.pdf": journal_pdf()[:900],
    "front.md": b"---\ntitle: [never closed\n---\n\nThe harbour board met on Monday and agreed the winter tariffs.\n",
    "nul.txt": b"A Note With a Stray Byte\n\nThe council met in Geneva\x00 on Monday and agreed to meet again in June.\n",
}


def test_odd_files_are_named_in_warnings_and_the_rest_builds(fixture_seeds: Path, tmp_path: Path):
    cold = run_cli("build", "--seeds", fixture_seeds, "--docs", tmp_path / "plain")
    assert cold.returncode == 0
    for name, raw in ODD.items():
        (fixture_seeds / name).write_bytes(raw)
    done = run_cli("build", "--seeds", fixture_seeds, "--docs", tmp_path / "docs")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    warned = {line.split(":", 1)[0].rsplit("/", 1)[-1] for line in done.stderr.splitlines() if ": warning: " in line}
    assert set(ODD) <= warned, done.stderr
    articles = {a["sources"][0] for a in json.loads((tmp_path / "docs" / "data" / "articles.json").read_text(encoding="utf-8"))}
    before = {a["sources"][0] for a in json.loads((tmp_path / "plain" / "data" / "articles.json").read_text(encoding="utf-8"))}
    assert before < articles  # every article still there
    assert {"nul.txt", "front.md"} <= articles and not articles & {"image.txt", "empty.txt", "truncated.pdf"}
    page = next((tmp_path / "docs" / "articles").glob("a-note-with-a-stray-byte.md")).read_text(encoding="utf-8")
    shown = re.sub(r"\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?", r"\1", page)  # the text as read, entity links taken out
    assert "met in Geneva on Monday" in shown and "\x00" not in page


def test_strict_fails_on_an_odd_file_and_leaves_docs_untouched(fixture_seeds: Path, tmp_path: Path):
    docs = tmp_path / "docs"
    assert run_cli("build", "--seeds", fixture_seeds, "--docs", docs).returncode == 0
    before = tree(docs)
    (fixture_seeds / "empty.txt").write_bytes(b"")
    strict = run_cli("build", "--strict", "--seeds", fixture_seeds, "--docs", docs)
    assert strict.returncode == 1 and "empty.txt:1: warning: empty file" in strict.stderr
    assert tree(docs) == before


def test_front_matter_that_expands_beyond_a_small_size_is_refused_quickly():
    """A YAML "billion laughs": nine lines that expand to 10⁹ values; and a self-referencing alias."""
    from build_docs.sources.frontmatter import split_front_matter
    from build_docs.sources.limits import MAX_YAML_VALUES as MAX_VALUES

    laughs = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    laughs += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "---\ntitle: Laughs\n" + "\n".join(laughs) + "\n---\n\nThe body of the post.\n"
    meta, body, _, problems = split_front_matter(text, "seeds/laughs.md")
    assert dict(meta) == {} and body.strip() == "The body of the post."
    assert [p.severity.value for p in problems] == ["warning"] and f"more than {MAX_VALUES:,} values" in problems[0].message
    meta, _, _, problems = split_front_matter("---\ntitle: T\nloop: &x [*x]\n---\nBody\n", "seeds/loop.md")
    assert dict(meta) == {} and "aliases" in problems[0].message
    deep = "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nBody\n"
    meta, _, _, problems = split_front_matter(deep, "seeds/deep.md")
    assert dict(meta) == {} and problems and problems[0].severity.value == "warning"
