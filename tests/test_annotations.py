"""The nlp layer's annotations: components in the pipeline, read by the extractors as
extensions, and carried with a Doc's bytes (as they come back from spaCy's processes)."""

from __future__ import annotations

import ast
from pathlib import Path

from spacy.tokens import Doc

from newsprism.nlp import annotations
from newsprism.nlp.annotations import QUANTITIES, QUOTES
from newsprism.nlp.attribution import quoted_speakers
from newsprism.nlp.quantities import find_quantities

EXTRACT = Path(annotations.__file__).resolve().parent.parent / "extract"
TEXT = (
    "More than 40 people were killed and about 130 injured on Friday, the mayor said.\n"
    'The governor said: "We counted 52 dead. Another 17 are missing in the river."\n'
)


def test_the_annotators_are_components_that_declare_what_they_assign(nlp) -> None:
    for name, assigned in ((QUANTITIES, "doc._.quantity_rows"), (QUOTES, "doc._.quote_rows")):
        assert name in nlp.pipe_names
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns == [assigned] and "token.dep" in meta.requires
    assert nlp.pipe_names.index(QUANTITIES) > nlp.pipe_names.index("parser")


def test_the_annotations_are_what_the_nlp_functions_find(nlp) -> None:
    doc = nlp(TEXT)
    assert doc._.quantity_rows is not None  # written by the component, not on demand
    assert [(q.value, q.op, q.start, q.end) for q in doc._.quantities] == [
        (q.value, q.op, q.start, q.end) for q in find_quantities(doc)
    ]
    assert {i: a.speaker.text for i, a in doc._.quoted_speakers.items()} == {
        i: a.speaker.text for i, a in quoted_speakers(doc).items()
    }
    assert [q.value for q in doc._.quantities] == [40, 130, 52, 17]


def test_the_annotations_travel_with_the_doc(nlp) -> None:
    doc = nlp(TEXT)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.quantity_rows == doc._.quantity_rows
    assert [(q.number.text, q.noun.text if q.noun else None) for q in back._.quantities] == [
        (q.number.text, q.noun.text if q.noun else None) for q in doc._.quantities
    ]
    assert {i: a.cue for i, a in back._.quoted_speakers.items()} == {
        i: a.cue for i, a in doc._.quoted_speakers.items()
    }


def test_a_pipeline_without_the_components_annotates_on_demand(nlp) -> None:
    with nlp.select_pipes(disable=[QUANTITIES, QUOTES]):
        doc = nlp(TEXT)
    assert doc._.quantity_rows is None
    assert [q.value for q in doc._.quantities] == [40, 130, 52, 17]


def test_extractors_read_annotations_and_call_no_annotator() -> None:
    """The functions behind the annotations (the components' and the getters') are never
    imported by an extractor: it reads `doc._`, `span._` and `token._` instead."""
    annotators = {
        getter.__name__
        for name in dir(annotations)
        if callable(getter := getattr(annotations, name))
        and getattr(getter, "__module__", "").startswith("newsprism.nlp.")
        and getter.__module__ != annotations.__name__
        and not isinstance(getter, type)
    }
    assert {"find_quantities", "find_attribution", "find_hedge", "owner_of"} <= annotators
    for path in EXTRACT.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsprism.nlp"):
                imported = {alias.name for alias in node.names}
                assert not imported & annotators, f"{path.name} imports {imported & annotators}"


def test_claims_get_their_ids_once_in_reading_order(analyzer) -> None:
    from newsprism.ingest.article_factory import make_article

    article = make_article(TEXT, source="t.txt", date="2024-05-03")
    (result,) = analyzer.analyze([article])
    ids = [c.id for c in result.claims]
    assert ids == [f"{article.id}-c{n:03d}" for n in range(1, len(ids) + 1)]
    starts = [c.value_start for c in result.claims]
    assert starts == sorted(starts) and len(ids) >= 4
