"""Per-article results kept between builds: an edit re-extracts only what it changed, and the output never differs."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import time
from functools import partial
from pathlib import Path

import pytest

from build_docs.diagnostics import BuildError
from build_docs.packs import PACK, Pack
from build_docs.pipeline import BuildConfig, build
from build_docs.render.templating import RenderedPage
from build_docs.results import Blob, Kept, folder_for
from tests.conftest import FIXTURE, edit_closing, tree


def seeds_folder(tmp_path: Path, files: dict[str, str]) -> Path:
    """``tmp_path/seeds`` holding ``files`` (name -> text)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in files.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def run(seeds: Path, docs: Path, results: Path | None) -> dict[str, bytes]:
    build(BuildConfig(seeds=seeds, docs=docs, results=results))
    return tree(docs)


def test_a_cached_build_is_byte_identical_and_extracts_nothing_again(tmp_path: Path, counted: list[str]):
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    cold = run(seeds, tmp_path / "cold", None)
    counted.clear()
    first = run(seeds, tmp_path / "first", cache)
    assert first == cold and len(counted) == 3
    counted.clear()
    again = run(seeds, tmp_path / "again", cache)
    assert again == cold and counted == []


def test_an_edit_re_extracts_only_its_article(tmp_path: Path, counted: list[str]):
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    run(seeds, tmp_path / "first", cache)
    edit_closing(seeds)
    counted.clear()
    cached = run(seeds, tmp_path / "cached", cache)
    assert counted == ["a-markdown-article-with-front-matter"]
    assert cached == run(seeds, tmp_path / "cold", None)


def test_a_broken_result_file_is_computed_again(tmp_path: Path, counted: list[str]):
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    cold = run(seeds, tmp_path / "first", cache)
    for kept in (cache / "extract").glob("*.pickle"):
        kept.write_bytes(b"not a pickle")
    counted.clear()
    assert run(seeds, tmp_path / "again", cache) == cold and len(counted) == 3


def test_the_command_keeps_results_beside_the_seeds_unless_told_not_to(tmp_path: Path):
    from tests.conftest import run_cli

    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    assert run_cli("build", "--no-cache", "--seeds", seeds, "--docs", tmp_path / "docs").returncode == 0
    assert not (tmp_path / ".build_docs-results").exists()
    assert run_cli("build", "--seeds", seeds, "--docs", tmp_path / "docs2").returncode == 0
    assert len(list((tmp_path / ".build_docs-results" / "extract").glob("*.pickle"))) == 3


def test_an_edit_cleans_links_and_renders_again_only_what_it_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Drafts, finished articles, mentions and article pages are kept per article: an edit to one file
    that adds no name redoes that article's, and the output is the cold build's."""
    from build_docs.clean import cleaner
    from build_docs.link import mentions
    from build_docs.render import pages

    calls: dict[str, list[str]] = {"draft": [], "finish": [], "mentions": [], "page": []}

    def spy(module, name, record):  # type: ignore[no-untyped-def]
        real = getattr(module, name)

        def counting(*args):  # type: ignore[no-untyped-def]
            calls[record].append(args)
            return real(*args)

        monkeypatch.setattr(module, name, counting)

    spy(cleaner, "_draft_one", "draft")
    spy(cleaner, "_finish", "finish")
    spy(mentions, "_mentions", "mentions")
    spy(pages, "_article_pages", "page")
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    run(seeds, tmp_path / "first", cache)
    assert all(calls.values())  # a first build does all of it
    edit_closing(seeds)
    for made in calls.values():
        made.clear()
    cached = run(seeds, tmp_path / "cached", cache)
    assert [source[0].name for _, source in calls["draft"]] == ["gamma.md"]
    assert [[d.doc.name for d in unit] for _, unit in calls["finish"]] == [["gamma.md"]]
    assert [article.id for _, article, *_ in calls["mentions"]] == ["a-markdown-article-with-front-matter"]
    assert [article.id for _, article, *_ in calls["page"]] == ["a-markdown-article-with-front-matter"]
    assert cached == run(seeds, tmp_path / "cold", None)


def test_results_this_build_did_not_use_are_removed(tmp_path: Path):
    """The folder holds one build's results: an edit's old results go, the unchanged ones stay."""
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    stray = cache / "extract" / ("0" * 40 + ".pickle")
    stray_bytes = cache / "pages" / ("0" * 40 + ".blobs")
    run(seeds, tmp_path / "first", cache)
    stray.write_bytes(b"left by another version of the code")
    stray_bytes.write_bytes(b"a page's bytes left by another version of the code")
    before = {p.relative_to(cache) for p in cache.rglob("*.pickle")}
    edit_closing(seeds)
    run(seeds, tmp_path / "second", cache)
    after = {p.relative_to(cache) for p in cache.rglob("*.pickle")}
    assert not stray.exists() and not stray_bytes.exists()
    assert before & after and before - after and after - before  # some kept, the edited article's replaced
    assert len(after) == len(before) - 1  # the same number of results per stage, less the stray one
    blobs = list(cache.rglob("*.blobs"))
    assert blobs and all(p.with_suffix(".pickle").exists() for p in blobs)  # a page's bytes stay with its result


def test_a_new_acronym_reaches_every_kept_page_that_uses_it(tmp_path: Path):
    """Pages end with the abbreviations they use (render/abbreviations.py): an edit that defines an acronym
    another article already uses changes that article's entity, timeline and report pages too."""
    seeds = seeds_folder(
        tmp_path,
        {
            "one.txt": "Talks in Beijing\n\nOn 12 March 2015 the XQZ delegation met officials in Beijing and Moscow for talks.\n\n"
            "The XQZ delegation met officials in Beijing again on 3 May 2016, and Moscow sent a second team.\n",
            "two.txt": "A second report\n\nOfficials in Beijing and Moscow spoke of trade on 4 June 2017.\n\nThe closing paragraph ends here.\n",
        },
    )
    cache = folder_for(seeds)
    run(seeds, tmp_path / "first", cache)
    edited = seeds / "two.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("The closing paragraph ends here.", "The Xenon Quartz Zone (XQZ) was named in the talks."),
        encoding="utf-8",
    )
    cached = run(seeds, tmp_path / "cached", cache)
    cold = run(seeds, tmp_path / "cold", None)
    assert any(b"XQZ" in content and b"Xenon Quartz Zone" in content for path, content in cold.items() if path.startswith("entities/"))
    assert {path for path in cold if cached.get(path) != cold[path]} == set()


def test_a_rebuild_reads_no_draft_of_an_article_it_does_not_finish_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Drafts are read only to finish an article again: with every other draft's file made unreadable,
    an edit still builds what a cold build does, and the unread drafts stay kept for a later build."""
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    run(seeds, tmp_path / "first", cache)
    drafts = sorted((cache / "draft").glob("*.pickle"))
    assert len(drafts) == 3  # one per source
    for path in drafts:
        path.write_bytes(b"not a pickle")  # read back, each would be made again
    from build_docs.clean import cleaner

    made: list[str] = []
    draft_one = cleaner._draft_one
    monkeypatch.setattr(cleaner, "_draft_one", lambda context, item: made.append(item[0].name) or draft_one(context, item))
    edit_closing(seeds)
    cached = run(seeds, tmp_path / "cached", cache)
    assert made == ["gamma.md"]
    assert cached == run(seeds, tmp_path / "cold", None)
    assert sum(p.read_bytes() == b"not a pickle" for p in (cache / "draft").glob("*.pickle")) == 2  # held, not swept


def test_a_file_read_before_is_read_back_with_what_was_said_of_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A source's reading is kept by its bytes: an unchanged file is not decoded again, and its warnings
    (here, a hidden character taken out) are given on every build, as a cold build gives them."""
    from build_docs.sources import read

    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    (seeds / "hidden.txt").write_text("A Note On Rivers\n\nThe river\u202e flows north in spring and south in autumn.\n", encoding="utf-8")
    cache = folder_for(seeds)
    first = build(BuildConfig(seeds=seeds, docs=tmp_path / "first", results=cache))
    decoded: list[str] = []
    real = read.read_source
    monkeypatch.setattr(read, "read_source", lambda raw, name, *rest: decoded.append(name) or real(raw, name, *rest))
    again = build(BuildConfig(seeds=seeds, docs=tmp_path / "again", results=cache))
    assert decoded == []
    hidden = [d for d in first.diagnostics if d.path.endswith("hidden.txt")]
    assert hidden and [d for d in again.diagnostics if d.path.endswith("hidden.txt")] == hidden
    (seeds / "hidden.txt").write_text("A Note On Rivers\n\nThe river flows north in spring.\n", encoding="utf-8")
    build(BuildConfig(seeds=seeds, docs=tmp_path / "edited", results=cache))
    assert decoded == ["hidden.txt"]


def test_a_first_build_reads_back_no_mentions_it_has_just_linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Pass 2 of linking first finds which entries some article links, then the mentions; a first build links each
    article once and keeps its mentions in memory for the second step, instead of reading back what it just wrote."""
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    read: list[str] = []
    get = Kept.get

    def reading(self: Kept, stage: str, key: str) -> tuple[object] | None:
        found = get(self, stage, key)
        if stage == "mentions" and found is not None:
            read.append(key)
        return found

    monkeypatch.setattr(Kept, "get", reading)
    first = run(seeds, tmp_path / "first", folder_for(seeds))
    assert read == []
    assert first == run(seeds, tmp_path / "again", folder_for(seeds)) and len(read) == 3  # a second build reads them back


def test_an_entity_page_is_rendered_again_only_when_its_mentions_in_the_edited_article_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An entity's pages are kept by what they show of each article naming it: its mentions there and the article's
    title and date. A paragraph that names nothing renders no entity page again; a sentence edited around one name renders
    that entity's pages, not those of every entity the article names; and the output is the cold build's."""
    from build_docs.render import knowledge_pages

    seeds = seeds_folder(
        tmp_path,
        {
            "entities.yml": "entities:\n  moscow: {name: Moscow, kind: place}\n  beijing: {name: Beijing, kind: place}\n"
            "  ada-quill: {name: Ada Quill, kind: person}\n",
            "one.txt": "A First Report\n\nOfficials in Moscow met a delegation from Beijing on Monday. Ada Quill spoke at length about trade.\n\n"
            "The talks ended in the evening.\n",
            "two.txt": "A Second Report\n\nTrains between Moscow and Beijing will run daily from next year, Ada Quill said.\n",
        },
    )
    rendered: list[str] = []
    real = knowledge_pages._entity_pages

    def counting(site, links, entity, *rest):  # type: ignore[no-untyped-def]
        rendered.append(entity.id)
        return real(site, links, entity, *rest)

    monkeypatch.setattr(knowledge_pages, "_entity_pages", counting)
    cache = folder_for(seeds)
    run(seeds, tmp_path / "first", cache)
    assert sorted(rendered) == ["ada-quill", "beijing", "moscow"]
    one = seeds / "one.txt"
    one.write_text(one.read_text(encoding="utf-8") + "\nA last paragraph that names nobody.\n", encoding="utf-8")
    rendered.clear()
    run(seeds, tmp_path / "second", cache)
    assert rendered == []
    one.write_text(one.read_text(encoding="utf-8").replace("spoke at length", "spoke briefly"), encoding="utf-8")
    cached = run(seeds, tmp_path / "third", cache)
    assert rendered == ["ada-quill"]
    assert b"spoke briefly" in cached["entities/ada-quill.md"] and cached == run(seeds, tmp_path / "cold", None)


def test_an_entity_record_is_kept_beside_its_pages_not_in_the_result_a_rebuild_reads(tmp_path: Path):
    """``data/entities.json`` is kept whole, so its records are read only to make it again: each entity's record is kept
    as the bytes of its pages are, in a file beside its result, and reading the result back reads none of it."""
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    first = run(seeds, tmp_path / "first", cache)
    folder = cache / "pages"
    pack = Pack.open(str(folder / PACK))
    keys = [*(pack.index if pack is not None else ()), *(p.stem for p in folder.glob("*.pickle"))]
    kept = Kept(cache)
    kept_all = [found[0][0] for found in map(partial(kept.get, "pages"), keys) if found is not None and len(found[0]) == 2]  # type: ignore[arg-type, index]
    records = [made[1] for made in kept_all if isinstance(made, tuple) and not isinstance(made[1], tuple)]  # an entity's: (pages, record)
    assert len(records) == len(json.loads(first["data/entities.json"])) >= 3  # one per entity
    assert all(isinstance(record, Blob) and record._data is None for record in records)
    assert all(record.data() in first["data/entities.json"] for record in records)


def test_a_kept_blob_is_read_only_when_asked_for_and_travels_as_where_it_is(tmp_path: Path):
    kept = Kept(tmp_path / "kept")
    text = b"a page's bytes " * 1000
    kept.put("pages", "k", ("other parts", Blob(text), [Blob(b"")]), blobs=True)
    found = kept.get("pages", "k")
    assert found is not None
    label, blob, [empty] = found[0]  # type: ignore[misc]
    assert label == "other parts" and blob._data is None  # nothing read yet
    travelled = pickle.dumps(blob)
    assert len(travelled) < 500  # where it is, not its 15,000 bytes
    assert pickle.loads(travelled).data() == text and blob.data() == text and empty.data() == b""
    kept.put("plain", "k", Blob(b"inline"))  # without blobs=True the bytes stay in the pickle
    plain = kept.get("plain", "k")
    assert plain is not None and plain[0]._data == b"inline"  # type: ignore[attr-defined]
    # the bytes in a file of their own: a build reading the result back from a cold disk reads no block of them
    kept.close()  # the results kept while building become files of their own
    assert (tmp_path / "kept" / "pages" / "k.pickle").stat().st_size < 500 and (tmp_path / "kept" / "pages" / "k.blobs").read_bytes() == text


def test_a_kept_page_that_changed_under_the_build_is_an_error_not_wrong_output(tmp_path: Path):
    kept = Kept(tmp_path / "kept")
    page = RenderedPage("entities/x.md", b"[Putin](../articles/a.md#p3) and [more](b.md#p1) [x](/c.md) d.md#e")
    kept.put("pages", "k", [page], blobs=True)
    found = kept.get("pages", "k")
    assert found is not None
    [back] = found[0]  # type: ignore[misc]
    assert back.linked() == {"a", "b", "d"} == page.linked()  # known unread: recorded with the page
    assert isinstance(back._body, Blob) and back == page and isinstance(back._body, bytes)  # read on first use, then held
    kept.put("pages", "k", [page], blobs=True)
    path = tmp_path / "kept" / "pages" / "k.blobs"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Putin", b"Pewin"))  # same size, other bytes: another build's result
    found = kept.get("pages", "k")
    assert found is not None
    [changed] = found[0]  # type: ignore[misc]
    with pytest.raises(BuildError) as raised:
        assert changed.content
    assert "entities/x.md" in str(raised.value.diagnostics[0]) and "run the build again" in raised.value.diagnostics[0].message
    found = kept.get("pages", "k")
    assert found is not None
    path.unlink()  # swept by another build before this one read the page
    with pytest.raises(BuildError):
        assert found[0][0].content  # type: ignore[index]


def test_a_rebuild_reads_kept_pages_only_to_compare_or_write_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    config = BuildConfig(seeds=seeds, docs=tmp_path / "docs", results=cache)
    build(config)
    read: list[int] = []
    data = Blob.data

    def counting(blob: Blob) -> bytes:
        read.append(blob._data is None)
        return data(blob)

    monkeypatch.setattr(Blob, "data", counting)
    again = build(config)
    unread = [p for p in again.held[0] if isinstance(p, RenderedPage) and isinstance(p._body, Blob)]  # type: ignore[union-attr]
    assert len(unread) > 10  # the kept pages, never read
    assert {"data/entities.json", "data/timeline.json"} <= {p.path for p in unread}  # files made of the whole corpus, kept whole
    assert sum(read) <= again.plan.read + len(again.plan.writes)


def test_a_seed_whose_size_and_time_are_as_recorded_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    past = time.time() - 3600
    for path in seeds.iterdir():
        os.utime(path, (past, past))
    config = BuildConfig(seeds=seeds, docs=tmp_path / "docs", results=folder_for(seeds))
    build(config)
    opened: list[str] = []
    read_bytes = Path.read_bytes

    def counting(path: Path) -> bytes:
        if path.parent == seeds and path.suffix != ".yml":  # the catalog and registries are read each time (small)
            opened.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    build(config)
    articles = sorted(p.name for p in seeds.iterdir() if p.suffix in (".md", ".txt", ".html"))
    assert articles and opened == []  # every seed's bytes known by its recorded size and time
    edited = seeds / "gamma.md"
    text = edited.read_text(encoding="utf-8")
    changed = text.replace("the", "THE", 1)
    assert len(changed) == len(text)
    edited.write_text(changed, encoding="utf-8")  # the same size, a new time
    os.utime(edited, (past + 60, past + 60))  # new, but older than the clock: trusted once recorded (whatever the build's speed)
    future = time.time() + 3600
    os.utime(seeds / "alpha.txt", (future, future))  # a time not older than the clock: never trusted
    again = build(config)
    assert sorted(opened) == ["alpha.txt", "gamma.md"]
    opened.clear()
    build(config)
    assert opened == ["alpha.txt"]  # still not older than the clock at recording
    monkeypatch.undo()
    cold = build(BuildConfig(seeds=seeds, docs=tmp_path / "cold"))
    assert again.plan.manifest == cold.plan.manifest  # the edit is in: the same site as a build that keeps nothing


def test_the_timeline_is_merged_again_only_when_an_edit_changes_its_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from build_docs.timeline import events

    merged: list[int] = []
    merge = events._merge
    monkeypatch.setattr(events, "_merge", lambda found: merged.append(1) or merge(found))
    read: list[str] = []  # the stages whose kept results were read
    get = Kept.get
    monkeypatch.setattr(Kept, "get", lambda kept, stage, key: read.append(stage) or get(kept, stage, key))
    seeds = Path(shutil.copytree(FIXTURE, tmp_path / "seeds"))
    cache = folder_for(seeds)
    original = (seeds / "gamma.md").read_bytes()
    run(seeds, tmp_path / "first", cache)
    edit_closing(seeds)
    merged.clear()
    read.clear()
    assert run(seeds, tmp_path / "undated", cache) == run(seeds, tmp_path / "undated-cold", None) and merged == [1]  # the cold build's
    assert "timeline-merge" in read and "events" not in read  # the merge read back, and no article's events: their digests
    (seeds / "gamma.md").write_bytes(original)
    edit_closing(seeds, "The treaty was signed on 12 March 1997.")
    merged.clear()
    read.clear()
    cached = run(seeds, tmp_path / "dated", cache)
    assert merged == [1] and read.count("events") >= 2  # a new event: merged again, with the other articles' events read back
    assert b"1997-03-12" in cached["data/timeline.json"] and cached == run(seeds, tmp_path / "dated-cold", None)
