"""Provenance: the version and data hashes of what coded an article."""

from __future__ import annotations

from eventwire import __version__
from eventwire.provenance import current_provenance, hash_files, pipeline_provenance


def test_hashes_are_stable_and_cover_different_files() -> None:
    first = current_provenance("en_core_web_sm@3.8.0", "tok2vec,parser")
    assert first == current_provenance("en_core_web_sm@3.8.0", "tok2vec,parser")
    assert first.eventwire_version == __version__
    assert len({first.lexicon_hash, first.kb_hash, first.models_hash}) == 3
    assert all(len(h) == 12 for h in (first.lexicon_hash, first.kb_hash, first.models_hash))


def test_another_spacy_model_or_component_set_changes_only_the_models_hash() -> None:
    base = current_provenance("en_core_web_sm@3.8.0", "tok2vec,parser")
    other_model = current_provenance("en_core_web_trf@3.8.0", "tok2vec,parser")
    fewer_parts = current_provenance("en_core_web_sm@3.8.0", "parser")
    assert other_model.models_hash != base.models_hash != fewer_parts.models_hash
    assert (other_model.lexicon_hash, other_model.kb_hash) == (base.lexicon_hash, base.kb_hash)


def test_hash_follows_file_contents(tmp_path, monkeypatch) -> None:
    import eventwire.provenance as provenance

    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "a.yaml").write_text("meet: CONSULT\n")
    monkeypatch.setattr(provenance, "PACKAGE", tmp_path)
    before = hash_files(("lexicon",))
    (tmp_path / "lexicon" / "a.yaml").write_text("meet: CONSULT\nvisit: CONSULT\n")
    assert hash_files(("lexicon",)) != before


def test_loaded_pipeline_names_its_model(pipeline) -> None:
    found = pipeline_provenance(pipeline.nlp)
    assert found == pipeline.provenance
    coded = next(pipeline.code([_article()]))
    assert coded.provenance == found.to_dict()
    assert coded.to_dict()["provenance"]["models_hash"] == found.models_hash


def _article():
    from eventwire.model import Article

    return Article(
        text="The foreign minister of Kenya met the foreign minister of Ethiopia in Nairobi.",
        source="meeting.txt",
    )
