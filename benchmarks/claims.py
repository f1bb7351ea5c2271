"""Score newsprism's claims and verdicts on the gold event sets with the official scorer.

    python benchmarks/claims.py [--events NAME ...] [--errors] [--json OUT] [--keep DIR]
    python benchmarks/claims.py --events examples --gold benchmarks/gold/examples.json \\
        --articles examples

For each chosen event newsprism analyses the articles as a user does (the Python API behind
`newsprism analyze DIR --db TMP.db --json TMP.json`: `analyze_paths` into a fresh store,
`load_analysis`, the contract serializer), one temporary folder per event, and the official
scorer `../shared/eval/score_claims.py PRED.json GOLD_DIR` prints its figures: per-slot
slot+value precision, recall and F1, core F1, hedged and attributed_to accuracy on matched
claims, pair verdict accuracy and contradiction F1.

Events: `seeds` (the two seed articles, `../shared/seeds`, gold `../shared/gold/seeds.json`)
and every folder of `../shared/data/events/`. The seed gold is in an older format (keys about,
claims, pairs, the contract's slot names); it is converted into a temporary gold folder in the
event format (gold.json, pairs.json, aliases.json) so that the same scorer reads it. Its alias
groups, written here, list the names the two seed texts give the actors of the seed gold.

Then a pooled line over the events worked on (core tp/fp/fn summed over the core slots;
hedged and attributed_to accuracy weighted by matched claims; pair accuracy by pairs), and the
final-check event `flour-massacre` on its own line, outside the pool. Its error listing
(`--errors`) is printed only when it is named: `--events flour-massacre --errors`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.analyzer import Analyzer
from newsprism.api import analyze_paths, load_analysis
from newsprism.model import write_json
from newsprism.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVENTS_DIR = SHARED / "data" / "events"
SCORER = SHARED / "eval" / "score_claims.py"
SEEDS = "seeds"
SEEDS_GOLD = SHARED / "gold" / "seeds.json"
SEEDS_ARTICLES = SHARED / "seeds"
FINAL_CHECK = "flour-massacre"  # held out from error analysis: its errors are read at the end
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json")

# The actors of the seed gold and the names the seed texts give them (scorer alias groups).
SEED_ALIASES: list[dict[str, Any]] = [
    {
        "canonical": "Islamic State",
        "type": "organisation",
        "aliases": ["Islamic State", "ISIS", "Daesh", "IS"],
    },
    {
        "canonical": "ISIS-K",
        "type": "organisation",
        "aliases": ["ISIS-K", "ISIS Khorasan", "Islamic State Khorasan"],
    },
    {"canonical": "Vladimir Putin", "type": "person", "aliases": ["Vladimir Putin", "Putin"]},
    {"canonical": "Ukraine", "type": "country", "aliases": ["Ukraine", "Kiev regime"]},
    {
        "canonical": "Ukrainian intelligence",
        "type": "organisation",
        "aliases": ["Ukrainian intelligence", "Ukrainian intelligence organization"],
    },
    {
        "canonical": "Russian government",
        "type": "organisation",
        "aliases": ["Russian government", "Kremlin"],
    },
    {
        "canonical": "United States",
        "type": "country",
        "aliases": ["United States", "US", "USA", "U.S."],
    },
    {
        "canonical": "Israel",
        "type": "country",
        "aliases": ["Israel", "Zionists", "the Zionists", "Tel Aviv regime"],
    },
    {"canonical": "Moscow", "type": "city", "aliases": ["Moscow", "the Russian capital"]},
    {
        "canonical": "Crocus City Hall",
        "type": "venue",
        "aliases": ["Crocus City Hall", "Crocus Concert Hall"],
    },
    {
        "canonical": "Tajik nationals",
        "type": "group",
        "aliases": ["Tajik nationals", "Tajik terrorists"],
    },
]


def load_scorer() -> Any:
    """The official scorer as a module, for its slot table and core slots."""
    spec = importlib.util.spec_from_file_location("score_claims", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the scorer {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORE = load_scorer()
CORE: list[str] = list(SCORE.CORE)
TO_GOLD_SLOT: dict[str, str] = {contract: gold for gold, contract in SCORE.SLOT.items()}


@dataclass
class Event:
    """One gold set: its articles folder and either an event-format gold folder or an old
    (seeds-format) gold file to convert."""

    name: str
    articles: Path
    gold_dir: Path | None = None
    old_gold: Path | None = None


@dataclass
class Result:
    """What one event scored: the scorer's JSON figures and the count of matched claims."""

    name: str
    figures: dict[str, Any]
    matched: int
    seconds: float
    articles: int = 0
    notes: list[str] = field(default_factory=list)


def header_of(path: Path) -> dict[str, str]:
    """The `key: value` header block of an article file (outlet, date, ...), if it has one."""
    fields: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(outlet|url|date|title|author|partial):\s*(.*)$", line)
        if not m:
            break
        fields[m.group(1)] = m.group(2).strip()
    return fields


def gold_value(value: dict[str, Any]) -> dict[str, Any]:
    """An old-format value in the event format: strict bounds and ranges as the guide writes
    them ("over 130" is `>=` with `strict`, "two or three" `approx` with `min`/`max`)."""
    out = dict(value)
    op = value.get("op")
    if op in (">", "<"):
        out["op"], out["strict"] = op + "=", True
    elif op == "range":
        out.update(op="approx", value=None, min=value.get("value"), max=value.get("high"))
        out.pop("high", None)
    return out


def convert_old_gold(old_path: Path, articles: Path, out: Path, aliases: list[Any]) -> Path:
    """Write `out/{gold,pairs,aliases}.json` in the event format from an old gold file."""
    old = json.loads(old_path.read_text(encoding="utf-8"))
    files = sorted(p for p in articles.iterdir() if p.suffix in ARTICLE_SUFFIXES)
    dates = {}
    gold_articles = []
    claims: dict[str, dict[str, Any]] = {}
    for path in files:
        head = header_of(path)
        date = head.get("date") or "unknown"
        known = re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) is not None
        dates[path.name] = date if known else None
        mine = []
        for c in old["claims"]:
            if c["article"] != path.name:
                continue
            claim = {
                "id": c["id"],
                "article": c["article"],
                "quote": c["quote"],
                "offset": c.get("start"),
                "slot": TO_GOLD_SLOT.get(c["slot"], "other"),  # slots the scorer lacks: other
                "value": gold_value(c["value"]),
                "hedged": bool(c.get("hedged")),
                "attributed_to": c.get("attributed_to"),
            }
            if c.get("note"):
                claim["note"] = c["note"]
            mine.append(claim)
            claims[c["id"]] = claim
        gold_articles.append(
            {
                "article": path.name,
                "outlet": head.get("outlet"),
                "date": date,
                "pub_date_for_pairs": dates[path.name],
                "claims": mine,
            }
        )
    cross, intra = [], []
    for p in old.get("pairs", []):
        a, b = (claims[i] for i in p["claims"])
        sides = [
            {k: c[k] for k in ("id", "article", "quote", "value", "hedged", "attributed_to")}
            | {"pub_date": dates.get(c["article"])}
            for c in (a, b)
        ]
        pair = {
            "pair_id": p["id"],
            "slot": TO_GOLD_SLOT.get(p["slot"], "other"),
            "judgement": p["verdict"],
            "cause": p.get("cause", ""),
            "reason": p.get("reason", ""),
            "a": sides[0],
            "b": sides[1],
        }
        (cross if a["article"] != b["article"] else intra).append(pair)
    about = old.get("about", old_path.name)
    out.mkdir(parents=True, exist_ok=True)
    gold = {"event": about, "version": "converted", "articles": gold_articles}
    pairs = {"event": about, "cross_article_pairs": cross, "intra_article_pairs": intra}
    for name, data in (("gold", gold), ("pairs", pairs), ("aliases", {"groups": aliases})):
        (out / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1))
    return out


def known_events(old_gold: Path, old_articles: Path) -> dict[str, Event]:
    """The seeds (or the old-format set given, named after its file) first, then the event
    folders by name, the final-check event last."""
    name = SEEDS if old_gold.resolve() == SEEDS_GOLD.resolve() else old_gold.stem
    events = {name: Event(name, old_articles, old_gold=old_gold)}
    folders = sorted(EVENTS_DIR.iterdir()) if EVENTS_DIR.is_dir() else []
    for folder in sorted(folders, key=lambda f: (f.name == FINAL_CHECK, f.name)):
        if (folder / "gold.json").is_file() and (folder / "articles").is_dir():
            events[folder.name] = Event(folder.name, folder / "articles", gold_dir=folder)
    return events


def run_scorer(pred: Path, gold_dir: Path, *flags: str) -> str:
    """The official scorer's standard output."""
    done = subprocess.run(
        [sys.executable, str(SCORER), str(pred), str(gold_dir), *flags],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"the scorer failed on {gold_dir}:\n{done.stderr}")
    return done.stdout


def score_event(event: Event, analyzer: Analyzer, show_errors: bool, keep: Path | None) -> Result:
    """Analyse one event into a fresh store, print the scorer's output, return its figures."""
    with tempfile.TemporaryDirectory(prefix=f"bench-{event.name}-") as tmp_name:
        tmp = Path(tmp_name)
        started = time.perf_counter()
        summary = analyze_paths([event.articles], db=tmp / "store.db", analyzer=analyzer)
        analysis = load_analysis(summary.db, summary.article_ids)
        pred = (keep / f"{event.name}.json") if keep else tmp / "pred.json"
        write_json(analysis, pred)
        seconds = time.perf_counter() - started
        gold_dir = event.gold_dir
        if gold_dir is None:
            assert event.old_gold is not None
            aliases = SEED_ALIASES if event.old_gold.resolve() == SEEDS_GOLD.resolve() else []
            gold_dir = convert_old_gold(event.old_gold, event.articles, tmp / "gold", aliases)
        text = run_scorer(pred, gold_dir, *(["--errors"] if show_errors else []))
        raw = run_scorer(pred, gold_dir, "--json")
    figures = json.loads(raw[: raw.rindex("}") + 1])
    found = re.search(r"on (\d+) matched claims", text)
    title = f"{event.name}: {len(summary.article_ids)} articles, analysed in {seconds:.1f} s"
    print(f"\n=== {title} ===")
    print(text.rstrip())
    notes = [f"{len(summary.problems)} input problems"] if summary.problems else []
    return Result(
        event.name,
        figures,
        int(found.group(1)) if found else 0,
        seconds,
        len(summary.article_ids),
        notes,
    )


def pool(results: list[Result]) -> dict[str, Any]:
    """Core P/R/F1 from summed tp/fp/fn, accuracies weighted by matched claims and pairs."""
    tp = fp = fn = 0
    for r in results:
        for slot in CORE:
            row = r.figures["slots"][slot]
            tp += row["tp"]
            fp += row["pred"] - row["tp"]
            fn += row["gold"] - row["tp"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    matched = sum(r.matched for r in results)
    pairs = sum(r.figures["pairs"] for r in results)

    def weighted(key: str, weight: str) -> float:
        total = matched if weight == "matched" else pairs
        if not total:
            return 0.0
        return (
            sum(
                r.figures[key] * (r.matched if weight == "matched" else r.figures["pairs"])
                for r in results
            )
            / total
        )

    return {
        "events": [r.name for r in results],
        "core": {"P": precision, "R": recall, "F1": f1, "tp": tp, "fp": fp, "fn": fn},
        "matched": matched,
        "hedged_acc": weighted("hedged_acc", "matched"),
        "attributed_acc": weighted("attributed_acc", "matched"),
        "pairs": pairs,
        "pair_acc": weighted("pair_acc", "pairs"),
    }


def counts_of(result: Result) -> dict[str, Any]:
    """One event's figures in the pooled shape (a pool of one)."""
    return pool([result])


def line(label: str, figures: dict[str, Any]) -> str:
    """A one-line summary: core F1 (P, R, counts), marks on matched claims, pair accuracy."""
    core = figures["core"]
    return (
        f"{label}: core F1 {core['F1']:.3f} (P {core['P']:.2f} R {core['R']:.2f}; "
        f"tp {core['tp']} fp {core['fp']} fn {core['fn']}); hedged {figures['hedged_acc']:.2f}, "
        f"attributed_to {figures['attributed_acc']:.2f} on {figures['matched']} matched; "
        f"pair accuracy {figures['pair_acc']:.3f} on {figures['pairs']} pairs"
    )


def main() -> None:
    """Parse the options, score each chosen event, print the pooled and final-check lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", nargs="+", metavar="NAME", help="a subset (default: all)")
    parser.add_argument(
        "--errors",
        action="store_true",
        help=f"print the scorer's --errors listing ({FINAL_CHECK} only when named in --events)",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="write all figures here")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep each contract JSON here")
    parser.add_argument(
        "--gold", type=Path, default=SEEDS_GOLD, help="an old-format gold file (default: the seeds)"
    )
    parser.add_argument(
        "--articles", type=Path, default=SEEDS_ARTICLES, help="the articles of --gold"
    )
    args = parser.parse_args()
    if not SCORER.is_file():
        sys.exit(f"no scorer at {SCORER} (it lives in ../shared beside the project)")
    events = known_events(args.gold, args.articles)
    chosen = args.events or list(events)
    unknown = [n for n in chosen if n not in events]
    if unknown:
        sys.exit(f"unknown events {unknown}; known: {', '.join(events)}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    named_final = bool(args.events) and FINAL_CHECK in args.events
    settings = Settings.from_env()  # as `newsprism analyze` sets it with its default options
    settings.n_process, settings.alias_files = 1, []
    analyzer = Analyzer(settings)
    results = []
    for name in chosen:
        errors = args.errors and (name != FINAL_CHECK or named_final)
        results.append(score_event(events[name], analyzer, errors, args.keep))
    # The pool is the dev events worked on; the seeds' gold predates the cause slot (every
    # cause claim there counts as an error), so they are shown but not pooled.
    worked = [r for r in results if r.name not in (FINAL_CHECK, SEEDS)]
    final = [r for r in results if r.name == FINAL_CHECK]
    print("\n=== summary ===")
    for r in results:
        if r.name != FINAL_CHECK:
            print(line(f"{r.name:17}", counts_of(r)))
    out: dict[str, Any] = {
        "events": {
            r.name: r.figures | {"matched": r.matched, "seconds": r.seconds, "notes": r.notes}
            for r in results
        }
    }
    if worked:
        out["pooled"] = pool(worked)
        print(line(f"POOLED ({', '.join(r.name for r in worked)})", out["pooled"]))
    if final:
        out["final_check"] = counts_of(final[0])
        print(line(f"FINAL CHECK {FINAL_CHECK} (held out, not pooled)", out["final_check"]))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
