"""The actor knowledge base: every data file loads, and the facts in it are consistent."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pycountry
import pytest

from eventwire.actors.kb import (
    COLLECTIVE_OFFICES,
    DATA_DIR,
    NON_ISO_CODES,
    OFFICES,
    SECTORS,
    SLUG,
    KnowledgeBase,
    duplicate_persons,
)
from eventwire.actors.names import NameIndex
from eventwire.errors import EventWireError


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_every_iso_3166_country_and_territory_is_present(kb: KnowledgeBase) -> None:
    missing = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in kb.countries)
    assert missing == []


def test_country_codes_are_iso_or_declared_exceptions(kb: KnowledgeBase) -> None:
    iso = {c.alpha_3 for c in pycountry.countries}
    assert set(kb.countries) - iso <= NON_ISO_CODES
    used = {e.country for e in kb.entities.values()}
    used |= {t.country for p in kb.persons.values() for t in p.terms}
    assert used <= iso | NON_ISO_CODES


def test_sectors_offices_and_ids_are_valid(kb: KnowledgeBase) -> None:
    assert {e.sector for e in kb.entities.values()} <= SECTORS
    assert {a.sector for a in kb.agents} <= SECTORS
    for person in kb.persons.values():
        assert SLUG.match(person.person_id)
        for term in person.terms:
            assert term.sector in SECTORS, term.source
            assert term.office in OFFICES, term.source
            if term.start and term.end:
                assert term.start < term.end, term.source
    assert all(SLUG.match(e.entity_id) for e in kb.entities.values())


def test_no_two_people_hold_one_single_office_at_once(kb: KnowledgeBase) -> None:
    """Terms of the same (non-collective) office in the same country never overlap;
    organisation leaders are told apart by the organisation their title names (two
    rebel groups of one country each have a leader), else by the title itself."""
    by_office: dict[tuple[str, str, str], list] = {}
    for person in kb.persons.values():
        for term in person.terms:
            if term.office in COLLECTIVE_OFFICES:
                continue
            organisation = kb.term_entities.get(term.source, "")
            if not organisation and term.country in NON_ISO_CODES:
                organisation = term.title
            by_office.setdefault((term.country, term.office, organisation), []).append(term)
    overlaps = []
    for terms in by_office.values():
        terms.sort(key=lambda t: t.start or date.min)
        for first, second in pairwise(terms):
            if first.end is None or (second.start and second.start < first.end):
                overlaps.append(f"{first.source} overlaps {second.source}")
    assert overlaps == []


def test_no_name_stands_for_two_different_records(kb: KnowledgeBase) -> None:
    """Apart from persons (told apart by date and context), a surface form names one
    country, region, organisation or group. "Congolese" is truly shared by both Congos."""
    index = NameIndex(kb)
    clashes = {}
    for term, targets in index.targets.items():
        records = {t.ref for t in targets if t.kind not in ("person", "surname")}
        if len(records) > 1 and term != "Congolese":
            clashes[term] = sorted(records)
    assert clashes == {}


def test_the_seed_articles_actors_are_known(kb: KnowledgeBase) -> None:
    """Facts the acceptance examples rely on, as the data files state them."""
    assert kb.countries["RUS"].metonyms[:2] == ("Moscow", "the Kremlin")
    csto = kb.entities["org:csto"]
    assert (csto.country, "OTSC" in csto.aliases, "ODKB" in csto.aliases) == ("IGO", True, True)
    assert kb.entities["group:wagner"].country == "RUS"


def write_data(folder: Path, **replace: str) -> Path:
    """A copy of the package data with some files replaced, for error tests."""
    for name in sorted(path.stem for path in DATA_DIR.glob("*.tsv")):
        text = replace.get(name, (DATA_DIR / f"{name}.tsv").read_text(encoding="utf-8"))
        (folder / f"{name}.tsv").write_text(text, encoding="utf-8")
    (folder / "persons").mkdir()
    if "persons" in replace:
        (folder / "persons" / "test.tsv").write_text(replace["persons"], encoding="utf-8")
    return folder


HEADER = "person_id\tname\taliases\tcountry\tsector\toffice\ttitle\tstart\tend\tnote\n"


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("ana-b\tAna B\t\tXXX\tGOV\thead_of_state\tPresident\t2001-01-01\t\tnote", "XXX"),
        ("ana-b\tAna B\t\tAND\tBOSS\thead_of_state\tPresident\t2001-01-01\t\tnote", "BOSS"),
        ("ana-b\tAna B\t\tAND\tGOV\tqueen_bee\tPresident\t2001-01-01\t\tnote", "queen_bee"),
        ("ana-b\tAna B\t\tAND\tGOV\tother\tPresident\t2005-01-01\t2001-01-01\tnote", "not before"),
        ("ana-b\tAna B\t\tAND\tGOV\tother\tPresident\t1 May 2001\t\tnote", "ISO date"),
        ("Ana B\tAna B\t\tAND\tGOV\tother\tPresident\t\t\tnote", "slug"),
        ("ana-b\tAna B\tAND\tGOV\tother", "columns"),
    ],
)
def test_a_bad_person_row_names_file_line_and_problem(
    tmp_path: Path, row: str, problem: str
) -> None:
    folder = write_data(tmp_path, persons=HEADER + row + "\n")
    with pytest.raises(EventWireError, match=rf"test\.tsv:2: .*{problem}"):
        KnowledgeBase.load(folder)


def test_one_person_must_keep_one_name(tmp_path: Path) -> None:
    rows = (
        "ana-b\tAna B\t\tAND\tGOV\tother\tMinister\t2001-01-01\t2002-01-01\tnote\n"
        "ana-b\tAnna C\t\tAND\tGOV\tother\tMinister\t2003-01-01\t\tnote\n"
    )
    with pytest.raises(EventWireError, match="named 'Anna C' here but 'Ana B'"):
        KnowledgeBase.load(write_data(tmp_path, persons=HEADER + rows))


def test_a_bad_country_row_is_reported(tmp_path: Path) -> None:
    header = "code\tname\taliases\tadjectives\tpeople\tmetonyms\tleader\tnote\n"
    folder = write_data(tmp_path, countries=header + "ru\tRussia\t\t\t\t\thos\tnote\n")
    with pytest.raises(EventWireError, match=r"countries\.tsv:2: 'ru' is not an alpha-3"):
        KnowledgeBase.load(folder)


def test_a_missing_data_file_is_reported(tmp_path: Path) -> None:
    folder = write_data(tmp_path)
    (folder / "agents.tsv").unlink()
    with pytest.raises(EventWireError, match=r"agents\.tsv is missing"):
        KnowledgeBase.load(folder)


def test_plain_word_patterns_match_the_tokenizer(kb: KnowledgeBase) -> None:
    """Names of plain words skip the tokenizer when the matcher is built; that is only right
    if the tokenizer would have left them as they are."""
    index = NameIndex(kb)
    plain = [t for t in index.targets if all(w.isalpha() for w in t.split(" "))]
    differ = [
        term
        for term, doc in zip(plain, index.tokenizer.pipe(plain), strict=True)
        if [token.text for token in doc] != term.split(" ")
    ]
    assert differ == []


def test_an_unknown_agent_flag_is_reported(tmp_path: Path) -> None:
    header = "agent_id\twords\tsector\tflags\tnote\n"
    folder = write_data(tmp_path, agents=header + "police\tpolice\tCOP\talone|lokal\tnote\n")
    with pytest.raises(EventWireError, match=r"agents\.tsv:2: unknown flag.*lokal"):
        KnowledgeBase.load(folder)


def test_local_agent_words_never_name_visitors(kb: KnowledgeBase) -> None:
    local_words = {w for a in kb.agents if a.local for w in a.words}
    assert local_words.isdisjoint({"tourists", "migrants", "pilgrims", "troops", "sides"})
    assert {"police", "people", "government"} <= local_words


def test_words_for_one_person_are_weak_civilians_that_need_a_country_word(
    kb: KnowledgeBase,
) -> None:
    person_words = {"woman", "man", "teenager", "tourist", "boy", "girl"}
    agents = [a for a in kb.agents if person_words & set(a.words)]
    assert agents
    assert all(a.sector == "CVL" and not a.alone and not a.local for a in agents)
    assert all(a.weak for a in agents if "woman" in a.words)
    assert not any(w in a.words for a in kb.agents if a.sector == "GOV" for w in person_words)


# ---- coverage and hygiene of the person data ------------------------------------------

# Years with no head of state on 1 July, as the public record has it.
HEAD_OF_STATE_VACANCIES = {
    ("SOM", 2000): "no national government from 1991 until the Transitional National "
    "Government of August 2000",
}
# Collective offices the KB records as an organisation, not holder by holder (decision in
# organisations.tsv: San Marino's two captains regent change every six months).
COLLECTIVE_HEADS_OF_STATE = {"SMR": "org:smr-captains-regent"}


def last_term_before(kb: KnowledgeBase, code: str, day: date):
    terms = [
        t
        for p in kb.persons.values()
        for t in p.terms
        if t.country == code
        and t.office in ("head_of_state", "collective_head_of_state")
        and t.end is not None
        and t.end <= day
    ]
    return max(terms, key=lambda t: t.end, default=None)


def test_every_un_member_has_a_head_of_state_on_1_july_of_every_year(kb: KnowledgeBase) -> None:
    """2000-2026, from independence on; a gap is allowed only where the record is a known
    vacancy, or where the last holder's term ends at its last verified day (what follows
    is not known to the KB, and it says so rather than guessing)."""
    assert len(kb.un_members) == 193
    missing = []
    for code, since in sorted(kb.un_members.items()):
        if code in COLLECTIVE_HEADS_OF_STATE:
            office = kb.entities[COLLECTIVE_HEADS_OF_STATE[code]]
            assert (office.country, office.sector) == (code, "GOV")
            continue
        for year in range(2000, 2027):
            day = date(year, 7, 1)
            if day < since or (code, year) in HEAD_OF_STATE_VACANCIES:
                continue
            if kb.holders(code, "head_of_state", day):
                continue
            last = last_term_before(kb, code, day)
            if last is not None and last.unverified_after and (day - last.end).days < 366:
                continue
            missing.append(f"{code} {year}")
    assert missing == []


def test_commonwealth_realms_have_the_monarch_as_head_of_state(kb: KnowledgeBase) -> None:
    for code in ("AUS", "CAN", "BLZ", "JAM", "TUV"):
        before = [p.name for p, _ in kb.holders(code, "head_of_state", date(2015, 7, 1))]
        after = [p.name for p, _ in kb.holders(code, "head_of_state", date(2024, 7, 1))]
        assert (before, after) == (["Elizabeth II"], ["Charles III"]), code
    assert [p.name for p, _ in kb.holders("AUS", "other", date(2020, 1, 1))] == ["David Hurley"]
    # Barbados became a republic on 30 November 2021.
    assert [p.name for p, _ in kb.holders("BRB", "head_of_state", date(2022, 7, 1))] == [
        "Sandra Mason"
    ]


def test_no_person_is_listed_twice(kb: KnowledgeBase) -> None:
    assert duplicate_persons(kb) == []


def test_a_person_listed_twice_is_found(tmp_path: Path) -> None:
    """The check itself: a second id with a spelling variant and an overlapping term, and an
    international official listed again under a national id."""
    rows = [
        "sergei-shoigu-2\tSergei Shoigu\t\tRUS\tGOV\tother\tMinister\t2013-01-01\t2014-01-01\tn",
        "kofi-anan\tKofi Annan\t\tGHA\tGOV\tother\tDiplomat\t1990-01-01\t1991-01-01\tn",
    ]
    (tmp_path / "twice.tsv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    kb = KnowledgeBase.load(extra_person_dirs=(tmp_path,))
    found = duplicate_persons(kb)
    assert "sergei-shoigu and sergei-shoigu-2" in found
    assert "kofi-anan and kofi-annan" in found


def test_two_people_of_one_name_at_different_times_are_not_one(kb: KnowledgeBase) -> None:
    assert {"andris-berzins", "andris-berzins-2"} <= set(kb.persons)


def test_an_unverified_open_term_ends_at_its_last_verified_day(kb: KnowledgeBase) -> None:
    orban = kb.persons["viktor-orban"]
    term = orban.term_at(date(2025, 6, 1))
    assert term is not None and term.unverified_after and term.end == date(2026, 4, 1)
    assert orban.term_at(date(2026, 6, 1)) is None  # not returned as current after it
    assert kb.holders("HUN", "head_of_government", date(2026, 6, 1)) == []


def test_an_unverified_note_without_a_verified_day_is_refused(tmp_path: Path) -> None:
    row = "ana-b\tAna B\t\tAND\tGOV\tother\tPresident\t2021-01-01\t\tre-election not verified"
    folder = write_data(tmp_path, persons=HEADER + row + "\n")
    with pytest.raises(EventWireError, match=r"test\.tsv:2: .*verified to YYYY-MM-DD"):
        KnowledgeBase.load(folder)


def test_a_term_whose_start_is_unverified_never_counts(tmp_path: Path) -> None:
    row = "ana-b\tAna B\t\tAND\tGOV\tother\tPresident\t2026-01-01\t\tto verify; verified to 2025-12-31"
    (tmp_path / "unverified.tsv").write_text(HEADER + row + "\n", encoding="utf-8")
    kb = KnowledgeBase.load(extra_person_dirs=(tmp_path,))
    assert kb.persons["ana-b"].terms == []


def test_the_kb_counts_its_non_state_leaders(kb: KnowledgeBase) -> None:
    counts = kb.counts()
    assert counts["non_state_leaders"] >= 300
    groups = {kb.term_entities.get(t.source) for p in kb.persons.values() for t in p.terms}
    assert {"group:hezbollah", "group:hamas", "group:wagner", "group:rsf", "group:lna"} <= groups


def test_every_leader_of_an_organisation_names_it_in_the_title(kb: KnowledgeBase) -> None:
    """head_of_organisation terms are reached through the organisation their title names."""
    unlinked = [
        t.source
        for p in kb.persons.values()
        for t in p.terms
        if t.office == "head_of_organisation" and t.source not in kb.term_entities
    ]
    assert unlinked == []


def test_non_state_terms_use_their_organisations_sector_family(kb: KnowledgeBase) -> None:
    """A rebel group's leader is not coded as a government, nor a party leader as a rebel."""
    allowed = {  # GOV: a movement in power (the Taliban from 2021); REB: the RSF at war
        "REB": {"REB", "OPP", "GOV"},
        "UAF": {"UAF", "MIL"},
        "MIL": {"MIL", "REB"},
        "OPP": {"OPP"},
        "PTY": {"OPP", "PTY", "GOV"},
        "CRM": {"CRM"},
    }
    wrong = []
    for person in kb.persons.values():
        for term in person.terms:
            entity = kb.entities.get(kb.term_entities.get(term.source, ""))
            if entity is None or entity.country in NON_ISO_CODES:
                continue  # international officials are coded IGO, whatever the body's sector
            if entity.sector in allowed and term.sector not in allowed[entity.sector]:
                wrong.append(f"{term.source}: {term.sector} for {entity.name} ({entity.sector})")
    assert wrong == []


def test_a_title_word_reads_each_name_order(kb: KnowledgeBase) -> None:
    assert kb.persons["xi-jinping"].name_order == "family_first"
    assert kb.persons["nguyen-phu-trong"].name_order == "family_first_given_used"
    orban = kb.persons["viktor-orban"]
    assert orban.name_order == "native_alias" and "Orbán Viktor" in orban.native_names
