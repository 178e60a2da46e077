"""Actor resolution on sentences written for these tests, and the ``actors`` CLI."""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eventwire.actors import ActorResolver
from eventwire.cli import app
from eventwire.model import Article, Mention

SEED_DAY = date(2023, 6, 24)


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver.load()


@pytest.fixture(scope="module")
def mentions(nlp, resolver):
    """Parse a text and resolve its actors on a date."""

    def run(text: str, when: date = SEED_DAY) -> list[Mention]:
        found = resolver.find_mentions(nlp(text), when)
        starts = [m.start for m in found]
        assert starts == sorted(starts)
        assert all(a.end <= b.start for a, b in pairwise(found))
        return found

    return run


def summary(found: list[Mention]) -> list[tuple[str, str, str]]:
    return [(m.text, m.actor.code, m.basis) for m in found]


def test_load_is_cached(resolver: ActorResolver) -> None:
    assert ActorResolver.load() is resolver


def test_title_with_country_gives_the_office_holder_on_the_date(mentions) -> None:
    found = mentions("The Belarusian president called the Kremlin on Friday.")
    assert summary(found) == [
        ("Belarusian president", "BLR GOV", "title"),
        ("Kremlin", "RUS GOV", "metonym"),
    ]
    assert found[0].actor.name == "Alexander Lukashenko"
    assert found[0].actor.role == "President of Belarus"


@pytest.mark.parametrize(
    ("when", "name", "role"),
    [
        (date(2010, 5, 1), "Dmitry Medvedev", "President of Russia"),
        (date(2015, 5, 1), "Vladimir Putin", "President of Russia"),
    ],
)
def test_the_same_title_names_whoever_held_it_then(mentions, when, name, role) -> None:
    found = mentions("The Russian president warned Georgia.", when)
    assert (found[0].actor.name, found[0].actor.role) == (name, role)


def test_a_person_gets_the_role_held_on_the_date(mentions) -> None:
    text = "Dmitry Medvedev visited Minsk."
    assert mentions(text, date(2010, 5, 1))[0].actor.role == "President of Russia"
    assert mentions(text, date(2015, 5, 1))[0].actor.role == "Prime Minister of Russia"


def test_possessive_country_and_leader(mentions) -> None:
    found = mentions("Kazakhstan's leader thanked the Turkish foreign minister.")
    assert found[0].actor.name == "Kassym-Jomart Tokayev"
    assert found[0].text == "Kazakhstan's leader"
    minister = found[1]
    assert (minister.actor.code, minister.basis) == ("TUR GOV", "title")
    assert "Foreign" in (minister.actor.role or "")


def test_counterparts_resolve_to_one_mention_per_country(mentions) -> None:
    found = mentions(
        "Vladimir Putin spoke by phone with his counterparts from Belarus, Uzbekistan "
        "and Kazakhstan, as well as Turkey."
    )
    counterparts = [m for m in found if m.basis == "counterpart"]
    assert [(m.text, m.actor.name) for m in counterparts] == [
        ("Belarus", "Alexander Lukashenko"),
        ("Uzbekistan", "Shavkat Mirziyoyev"),
        ("Kazakhstan", "Kassym-Jomart Tokayev"),
        ("Turkey", "Recep Tayyip Erdoğan"),
    ]
    assert {m.actor.sector for m in counterparts} == {"GOV"}


def test_a_counterpart_holds_the_speakers_office(mentions) -> None:
    found = mentions("Sergey Lavrov met his Chinese counterpart in Beijing.", date(2023, 3, 1))
    chinese = next(m for m in found if m.text == "Chinese counterpart")
    assert chinese.actor.code == "CHN GOV"
    assert "Foreign" in (chinese.actor.role or "")


def test_coordinated_country_words_share_the_agent(mentions) -> None:
    found = mentions("Russian and Belarusian troops held joint drills.")
    assert [(m.actor.code, m.basis) for m in found] == [
        ("RUS MIL", "demonym"),
        ("BLR MIL", "demonym"),
    ]


def test_demonym_and_agent_words(mentions) -> None:
    found = mentions("Sudanese troops clashed with Kenyan riot police, and rebels fled.")
    assert summary(found) == [
        ("Sudanese troops", "SDN MIL", "demonym"),
        ("Kenyan riot police", "KEN COP", "demonym"),
        ("rebels", "REB", "agent"),
    ]


def test_unnamed_people_get_country_and_sector(mentions) -> None:
    found = mentions("A Syrian army officer and a Jordanian official were arrested.")
    assert [m.actor.code for m in found] == ["SYR MIL", "JOR GOV"]


def test_unknown_named_person_with_a_title_keeps_country_and_name(mentions) -> None:
    found = mentions("Nigerian Foreign Minister Obiageli Nwankwo-Testfield arrived.")
    actor = found[0].actor
    assert (actor.name, actor.code, actor.kb_id) == ("Obiageli Nwankwo-Testfield", "NGA GOV", None)
    assert actor.role == "Foreign minister of Nigeria"


def test_capitals_and_seats_of_government_stand_for_governments(mentions) -> None:
    found = mentions("Washington and Moscow traded accusations while Downing Street stayed silent.")
    assert summary(found) == [
        ("Washington", "USA GOV", "metonym"),
        ("Moscow", "RUS GOV", "metonym"),
        ("Downing Street", "GBR GOV", "metonym"),
    ]


def test_case_keeps_us_the_pronoun_apart_from_the_us(mentions) -> None:
    found = mentions("The US told us that the WHO knew who did it.")
    assert summary(found) == [("US", "USA GOV", "alias"), ("WHO", "IGO HLH", "alias")]


def test_organisations_and_armed_groups(mentions) -> None:
    found = mentions("The OTSC, NATO, Hamas and the Houthis issued statements.")
    assert [m.actor.code for m in found] == ["IGO MIL", "IGO MIL", "PSE REB", "YEM REB"]
    assert found[0].actor.name == "Collective Security Treaty Organization"


def test_coreference_by_surname_title_and_pronoun(mentions) -> None:
    found = mentions(
        "Alexander Lukashenko received Vladimir Putin in Minsk. Lukashenko praised the talks. "
        "The president said he would travel to Moscow."
    )
    by_text = {m.text: m for m in found}
    assert by_text["Lukashenko"].basis == "coref"
    assert by_text["Lukashenko"].actor.name == "Alexander Lukashenko"
    assert by_text["president"].actor.name == "Alexander Lukashenko"
    assert by_text["he"].actor.name == "Alexander Lukashenko"
    assert by_text["he"].basis == "coref"


def test_spelling_variants_of_known_names_resolve_fuzzily(mentions) -> None:
    found = mentions("Kasim-Jomart Tokayev met Zelenskyi and Erdogan.")
    assert [(m.actor.name, m.basis) for m in found] == [
        ("Kassym-Jomart Tokayev", "fuzzy"),
        ("Volodymyr Zelenskyy", "fuzzy"),
        ("Recep Tayyip Erdoğan", "alias"),
    ]


def test_similar_but_different_names_are_not_matched(mentions) -> None:
    found = mentions("Robert Putnam and Maria Lukas wrote the report.")
    assert found == []


def test_a_first_name_alone_never_picks_a_person(mentions) -> None:
    """ "Omar" is a known surname (Mullah Omar) and "Hassan" one of a minister in office in
    2019, but neither names the people below."""
    found = mentions("President Omar Testfield met Hassan Hassan and Beirut.", date(2019, 5, 1))
    assert [m.text for m in found] == ["President Omar Testfield", "Beirut"]
    # the title makes an unknown person a government actor, never a KB person
    assert (found[0].actor.kb_id, found[0].actor.country, found[0].actor.sector) == (
        None,
        None,
        "GOV",
    )


def test_name_words_hold_name_parts_only(resolver: ActorResolver) -> None:
    words = resolver.name_words
    assert {"putin", "lukashenko", "tokayev", "belarus"} <= words
    assert not {"the", "of", "and", "gro"} & words


def test_pipeline_repairs_glued_names_with_the_kb(pipeline) -> None:
    article = Article(text="Vladimir Putinby phone spoke with Alexander Lukashenko on Friday.")
    coded = next(pipeline.code([article]))
    assert coded.article.repairs.get("Putinby") == "Putin by"


def test_lookup_explains_itself(resolver: ActorResolver) -> None:
    resolution = resolver.lookup("the Kremlin", SEED_DAY)
    assert resolution.actor is not None and resolution.actor.code == "RUS GOV"
    assert any("seat of government" in line for line in resolution.explanation)
    missing = resolver.lookup("Zorblax Quuxington", SEED_DAY)
    assert missing.actor is None and missing.explanation


runner = CliRunner()


def lookup_json(*args: str) -> dict:
    result = runner.invoke(app, ["actors", "lookup", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("day", "role"),
    [("2010-05-01", "President of Russia"), ("2015-05-01", "Prime Minister of Russia")],
)
def test_cli_lookup_medvedev_by_date(day: str, role: str) -> None:
    actor = lookup_json("Dmitry Medvedev", "--date", day)["actor"]
    assert (actor["country"], actor["sector"], actor["role"]) == ("RUS", "GOV", role)


def test_cli_lookup_transliterated_tokayev() -> None:
    data = lookup_json("Kasim-Jomart Tokayev", "--date", "2023-06-24")
    assert data["actor"]["name"] == "Kassym-Jomart Tokayev"
    assert (data["actor"]["country"], data["actor"]["sector"]) == ("KAZ", "GOV")
    assert data["basis"] == "fuzzy"


def test_cli_lookup_other_language_acronym() -> None:
    actor = lookup_json("OTSC")["actor"]
    assert (actor["kb_id"], actor["country"]) == ("org:csto", "IGO")


def test_cli_lookup_unknown_name_fails_cleanly() -> None:
    result = runner.invoke(app, ["actors", "lookup", "Zorblax Quuxington"])
    assert result.exit_code == 1
    assert "not in the knowledge base" in result.stdout


def test_cli_lookup_rejects_a_bad_date() -> None:
    result = runner.invoke(app, ["actors", "lookup", "Putin", "--date", "May 2010"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_cli_stats_counts_every_kind() -> None:
    result = runner.invoke(app, ["actors", "stats", "--format", "json"])
    counts = json.loads(result.stdout)
    assert counts["countries"] >= 249
    assert counts["organisations"] > 50 and counts["armed_groups"] > 30
    assert counts["persons"] > 0 and counts["agents"] > 10


WORDS = [
    "Russian",
    "president",
    "President",
    "of",
    "the",
    "Belarus",
    "and",
    ",",
    "as",
    "well",
    "counterparts",
    "from",
    "his",
    "Putin",
    "Vladimir",
    "'s",
    "troops",
    "police",
    "he",
    "Kremlin",
    "leader",
    "Kasim-Jomart",
    "Tokayev",
    "al",
    "-",
    "Bashir",
    "Omar",
    "US",
    "us",
    "riot",
    "army",
    "officer",
    "Bosnian",
    "Serbs",
    "Hamas",
    "fighters",
    ".",
    "Moscow",
    "former",
    "ex",
    "in",
    "Darfur",
    "rebels",
    "Chechen",
    "spokesman",
    "Peskov",
    "she",
    "Assad",
    "Jordan",
    "Michael",
    "attorney",
    "general",
    "commander",
]


@given(st.lists(st.sampled_from(WORDS), max_size=14))
@settings(max_examples=300, deadline=None)
def test_any_word_sequence_gives_ordered_non_overlapping_mentions(words: list[str]) -> None:
    resolver = ActorResolver.load()
    doc = resolver.names.tokenizer(" ".join(words))
    found = resolver.find_mentions(doc, SEED_DAY)
    assert all(0 <= a.start < a.end <= len(doc) for a in found)
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_regions_give_their_country_and_never_a_national_office(mentions) -> None:
    found = mentions("Darfur rebels fled while the Chechen leader sent troops to Crimea.")
    assert [(m.text, m.actor.code, m.basis) for m in found] == [
        ("Darfur rebels", "SDN REB", "region"),
        ("Chechen leader", "RUS GOV", "title"),
        ("troops", "MIL", "agent"),
        ("Crimea", "UKR", "region"),
    ]
    assert found[1].actor.name == "Leader of Chechnya"


def test_a_lone_surname_of_someone_out_of_office_is_not_matched(mentions) -> None:
    """Rosario Green was Mexico's foreign minister in 1998-2000; "Green" in 2019 is not her."""
    found = mentions("Green said the plan would fail, and Trump agreed.", date(2019, 5, 1))
    assert [(m.text, m.actor.name) for m in found] == [("Trump", "Donald Trump")]


def test_pronouns_do_not_jump_over_an_unknown_person(mentions) -> None:
    found = mentions(
        "Vladimir Putin spoke on Monday. Maria Testova, a local teacher, criticised the plan. "
        "She said it would fail."
    )
    assert [m.text for m in found] == ["Vladimir Putin"]


def test_a_title_word_picks_the_holder_with_that_title(mentions) -> None:
    """Iran's head of state is the Supreme Leader; "Iran's president" is the President."""
    found = mentions("Iran's president met the supreme leader.", date(2019, 5, 1))
    assert found[0].actor.name == "Hassan Rouhani"


def test_a_presidents_counterpart_in_a_parliamentary_state_is_its_leader(mentions) -> None:
    found = mentions("Donald Trump called his British counterpart.", date(2019, 5, 1))
    assert found[-1].actor.name == "Theresa May"


@pytest.mark.shared
def test_seed_article_actors(pipeline, shared_dir) -> None:
    """The seed article's expected repairs and aliases come out of the real pipeline."""
    from eventwire.ingest import read_articles

    expected = json.loads((shared_dir / "seed" / "expected_article.json").read_text())
    article = next(read_articles([shared_dir / "seed" / expected["article"]]))
    coded = next(pipeline.code([article]))
    assert coded.article.repairs == expected["repairs"]
    doc = pipeline.nlp(coded.article.text)
    found = pipeline.resolver.find_mentions(doc, coded.article.published)
    names = {m.text: m.actor.name for m in found}
    for text, name in expected["aliases"].items():
        assert name.startswith(names[text]) or names[text] in name, text
    counterparts = [m.actor.name for m in found if m.basis == "counterpart"]
    assert counterparts == [
        "Alexander Lukashenko",
        "Shavkat Mirziyoyev",
        "Kassym-Jomart Tokayev",
        "Recep Tayyip Erdoğan",
    ]


def test_a_surname_without_its_arabic_article_is_known(mentions) -> None:
    found = mentions("Protesters denounced Assad on Friday.", date(2019, 5, 1))
    assert [(m.text, m.actor.name) for m in found] == [
        ("Protesters", "protesters"),
        ("Assad", "Bashar al-Assad"),
    ]


def test_former_office_holders_are_not_todays(mentions) -> None:
    found = mentions("The former Russian president met the Kenyan president.", date(2023, 6, 24))
    assert [(m.text, m.actor.code) for m in found] == [
        ("Russian president", "RUS ELI"),
        ("Kenyan president", "KEN GOV"),
    ]
    assert found[0].actor.kb_id == "country:RUS"
    assert found[1].actor.name == "William Ruto"


def test_people_out_of_office_are_elites(mentions) -> None:
    found = mentions("Dmitry Medvedev spoke.", date(2005, 1, 1))
    assert (found[0].actor.code, found[0].actor.role) == (
        "RUS ELI",
        "President of Russia (from 2008)",
    )


def test_an_agent_phrase_takes_the_name_after_it(mentions) -> None:
    found = mentions("Russian opposition leader Olga Testova-Nova was detained.")
    assert (found[0].text, found[0].actor.name, found[0].actor.code) == (
        "Russian opposition leader Olga Testova-Nova",
        "Olga Testova-Nova",
        "RUS OPP",
    )


def test_a_title_in_the_text_outweighs_the_date(mentions) -> None:
    """An undated text (or a wrong date) that says "President X" means X acts as president."""
    found = mentions("President Kagame visited Kampala.", date(1995, 1, 1))
    assert (found[0].actor.name, found[0].actor.code) == ("Paul Kagame", "RWA GOV")
    assert found[0].actor.role == "President of Rwanda"


def test_a_country_word_only_heads_an_agent_phrase_it_belongs_to(mentions) -> None:
    found = mentions("If Iran gains full force, the US attorney general will act.")
    assert [(m.text, m.actor.code) for m in found] == [
        ("Iran", "IRN GOV"),
        ("US attorney general", "USA JUD"),
    ]


def test_a_persons_possessive_title_is_that_countrys_office(mentions) -> None:
    found = mentions(
        "Putin's spokesman Dmitry Peskov denied it, and Erdogan's foreign minister agreed."
    )
    assert [(m.text, m.actor.name) for m in found] == [
        ("Putin's spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("Erdogan's foreign minister", "Hakan Fidan"),
    ]


@given(st.lists(st.sampled_from(WORDS), max_size=14))
@settings(max_examples=80, deadline=None)
def test_any_parsed_word_sequence_gives_ordered_non_overlapping_mentions(
    nlp, words: list[str]
) -> None:
    doc = nlp(" ".join(words))
    found = ActorResolver.load().find_mentions(doc, SEED_DAY)
    assert all(0 <= a.start < a.end <= len(doc) for a in found)
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_a_named_opposition_leader_is_opposition(mentions) -> None:
    found = mentions("Opposition leader Raila Odinga accused the police.", date(2024, 6, 25))
    assert (found[0].text, found[0].actor.name, found[0].actor.code) == (
        "Opposition leader Raila Odinga",
        "Raila Odinga",
        "KEN OPP",
    )


def test_a_list_of_countries_ends_at_a_new_clause(mentions) -> None:
    found = mentions("Putin called the leaders of Belarus and Uzbekistan, the Kremlin said.")
    assert [(m.text, m.basis) for m in found][1:] == [
        ("leaders of Belarus", "title"),
        ("Uzbekistan", "title"),
        ("Kremlin", "metonym"),
    ]


def test_the_president_is_the_one_from_the_sentences_country(mentions) -> None:
    found = mentions(
        "Vladimir Putin phoned Kassym-Jomart Tokayev. Tokayev told Putin it was an internal "
        "matter. Kremlin spokesman Dmitry Peskov said the president was working."
    )
    president = next(m for m in found if m.text == "president")
    assert (president.actor.name, president.basis) == ("Vladimir Putin", "coref")


def test_led_forces_belong_to_the_leading_country(mentions) -> None:
    found = mentions("Vietnamese-led forces shelled the camps while the jets flew over.")
    assert [(m.text, m.actor.code) for m in found] == [("Vietnamese-led forces", "VNM MIL")]


def test_a_name_after_a_title_must_fit_its_country_and_office(mentions) -> None:
    found = mentions(
        "Israeli Prime Minister Benjamin arrived. President Benjamin left.", date(2019, 1, 1)
    )
    assert [(m.text, m.actor.name, m.actor.kb_id) for m in found] == [
        ("Israeli Prime Minister Benjamin", "Benjamin", None),
        ("President Benjamin", "President Benjamin", None),  # a president, not a KB person
    ]


def test_fuzzy_names_keep_initials_and_ignore_honorifics(mentions) -> None:
    found = mentions("George HW Bush met Mr Robinson.", date(2019, 1, 1))
    assert found == []


def test_the_seat_of_government_picks_among_several_spokespeople(mentions) -> None:
    found = mentions("A Kremlin spokesman denied the report.", date(2019, 1, 1))
    assert found[0].actor.name == "Dmitry Peskov"


def test_a_datetime_or_no_date_is_accepted(nlp, resolver: ActorResolver) -> None:
    from datetime import datetime

    doc = nlp("The Russian president spoke.")
    at_noon = resolver.find_mentions(doc, datetime(2010, 5, 1, 12, 0))
    assert at_noon[0].actor.name == "Dmitry Medvedev"
    assert resolver.find_mentions(doc, None)[0].actor.country == "RUS"


def test_plural_titles(mentions) -> None:
    found = mentions("Turkish leaders met the Russian and Belarusian presidents.")
    assert [(m.text, m.actor.name) for m in found] == [
        ("Turkish leaders", "Turkey"),
        ("Russian", "Vladimir Putin"),
        ("Belarusian presidents", "Alexander Lukashenko"),
    ]


def test_agent_words_used_as_verbs_are_no_actors(mentions) -> None:
    found = mentions("Ministers vowed to press Russia on the matter.")
    assert [(m.text, m.actor.code) for m in found] == [("Russia", "RUS GOV")]


def test_agents_with_a_place_and_possessive_agent_words(mentions) -> None:
    found = mentions("Students across Indonesia and the Serbian workers' union marched.")
    assert [(m.text, m.actor.code) for m in found] == [
        ("Students across Indonesia", "IDN EDU"),
        ("Serbian workers' union", "SRB LAB"),
    ]


def test_an_ethnic_group_takes_its_country_of_residence(mentions) -> None:
    found = mentions("Ethnic Greeks in southern Albania rallied, and Greeks cheered.")
    assert [(m.text, m.actor.code) for m in found] == [
        ("Ethnic Greeks in southern Albania", "ALB CVL"),
        ("Greeks", "GRC CVL"),
    ]
    found = mentions("Some 500 ethnic Hungarians marched in Romania on Sunday.")
    assert (found[0].text, found[0].actor.code) == ("ethnic Hungarians", "ROU CVL")
    found = mentions("The Russians of eastern Moldova want a referendum.")
    assert [(m.text, m.actor.code) for m in found] == [("Russians of eastern Moldova", "MDA CVL")]


def test_groups_without_a_state_take_the_country_word_or_place(mentions) -> None:
    found = mentions("Iraqi Kurds voted while Christians in Egypt prayed and Muslims fasted.")
    assert [(m.text, m.actor.code) for m in found] == [
        ("Iraqi Kurds", "IRQ CVL"),
        ("Christians in Egypt", "EGY CVL"),
    ]


def test_a_leaders_name_before_government_words_is_that_government(mentions) -> None:
    found = mentions("The Bush administration and the Obama administration disagreed.", SEED_DAY)
    assert [(m.text, m.actor.code) for m in found] == [
        ("Bush administration", "USA GOV"),
        ("Obama administration", "USA GOV"),
    ]
    assert mentions("Mr Bush retired.", SEED_DAY) == []


def test_a_hyphenated_compound_is_no_agent_word(mentions) -> None:
    found = mentions("Algeria's first multi-party elections were held.")
    assert [(m.text, m.actor.code) for m in found] == [("Algeria", "DZA GOV")]


def test_local_agent_words_take_the_country_their_clause_happens_in(mentions) -> None:
    found = mentions("Thousands of people blocked roads in northern Chile.")
    assert (found[0].text, found[0].actor.code, found[0].basis) == ("people", "CHL CVL", "place")
    found = mentions("The government declared a state of emergency in Peru.")
    assert (found[0].text, found[0].actor.code) == ("government", "PER GOV")
    found = mentions("Rebels in eastern Ukraine attacked.")
    assert (found[0].text, found[0].actor.code) == ("Rebels in eastern Ukraine", "UKR REB")


def test_visitors_capitals_and_other_clauses_give_no_local_country(mentions) -> None:
    assert mentions("Tourists were stranded in Portugal.")[0].text == "Portugal"
    assert [m.text for m in mentions("The two sides met in Moscow.")] == ["Moscow"]
    found = mentions("The government said that talks were held in Norway.")
    assert [m.text for m in found] == ["Norway"]
    for text in (
        "Foreign women live in Portugal.",
        "Many children arrived in Portugal.",
        "Children from 40 countries live in Portugal.",
    ):
        assert [m.text for m in mentions(text)] == ["Portugal"], text


def test_leaders_of_the_1980s_and_1990s_are_known(mentions) -> None:
    found = mentions("President Suharto met Mrs Thatcher.", date(1989, 3, 1))
    assert [(m.text, m.actor.code, m.actor.name) for m in found] == [
        ("President Suharto", "IDN GOV", "Suharto"),
        ("Mrs Thatcher", "GBR GOV", "Margaret Thatcher"),
    ]
    found = mentions("President Francois Mitterand spoke.", SEED_DAY)
    assert (found[0].actor.code, found[0].basis) == ("FRA GOV", "fuzzy")


def test_a_country_word_on_an_ordinary_person_is_a_civilian_of_that_country(mentions) -> None:
    found = mentions("The Dutch woman and a Canadian teenager were released on bail.")
    assert [(m.text, m.actor.code) for m in found] == [
        ("Dutch woman", "NLD CVL"),
        ("Canadian teenager", "CAN CVL"),
    ]
    found = mentions("A Japanese tourist was robbed, and a Kenyan journalist filmed it.")
    assert [(m.text, m.actor.code) for m in found] == [
        ("Japanese tourist", "JPN CVL"),
        ("Kenyan journalist", "KEN MED"),
    ]
    found = mentions("The US man was questioned.")
    assert [(m.text, m.actor.code) for m in found] == [("US man", "USA CVL")]


def test_a_person_word_never_outranks_a_stronger_agent_word(mentions) -> None:
    found = mentions("A Belgian army man and US armed forces were in the convoy.")
    assert [(m.text, m.actor.code) for m in found] == [
        ("Belgian army man", "BEL MIL"),
        ("US armed forces", "USA MIL"),
    ]


def test_a_backing_country_is_not_the_country_of_the_force_it_backs(mentions) -> None:
    found = mentions("Qatari-funded militias raided the depot.")
    assert [(m.text, m.actor.code) for m in found] == [("militias", "UAF")]
    found = mentions("French-backed forces and Egyptian-allied fighters retreated.")
    assert [(m.text, m.actor.code) for m in found] == [("forces", "MIL"), ("fighters", "UAF")]
    found = mentions("The Chinese backed militias were disbanded.")
    assert [m.actor.code for m in found] == ["UAF"]


def test_a_country_that_backs_something_as_a_verb_stays_the_actor(mentions) -> None:
    found = mentions("Norway backed the ceasefire plan.")
    assert [(m.text, m.actor.code) for m in found] == [("Norway", "NOR GOV")]


def test_a_common_surname_alone_names_no_office_holder_not_named_in_full(mentions) -> None:
    when = date(2019, 10, 20)
    assert mentions("Ahmed rejected the offer on Tuesday.", when) == []
    assert mentions("Khan rejected the offer on Tuesday.", when) == []
    found = mentions("Abiy Ahmed arrived on Monday. Ahmed rejected the offer.", when)
    assert [(m.text, m.actor.name) for m in found] == [
        ("Abiy Ahmed", "Abiy Ahmed"),
        ("Ahmed", "Abiy Ahmed"),
    ]


def test_a_rare_surname_alone_still_names_the_office_holder(mentions) -> None:
    found = mentions("Lukashenko rejected the offer.", SEED_DAY)
    assert [(m.text, m.actor.code) for m in found] == [("Lukashenko", "BLR GOV")]


def test_a_surname_points_back_to_the_unknown_person_named_in_full(mentions) -> None:
    when = date(2019, 10, 20)
    text = "Farida Ahmed, a local councillor, spoke first. Later Ahmed rejected the offer."
    assert [m.actor.name for m in mentions(text, when)] == []
    text = "Anna Lukashenko, a teacher, spoke first. Lukashenko rejected the offer."
    assert mentions(text, SEED_DAY) == []


def test_shared_surnames_are_judged_from_the_knowledge_base(resolver) -> None:
    shared = resolver.shared_surnames
    assert {"ahmed", "khan"} <= shared
    assert not {"lukashenko", "putin", "erdogan"} & shared


def test_an_ethnic_group_with_a_country_word_is_a_group_not_the_government(mentions) -> None:
    found = mentions("Turkish Kurds marched through the city.")
    assert [(m.text, m.actor.code) for m in found] == [("Turkish Kurds", "TUR CVL")]


def test_the_leader_of_a_group_is_the_groups_leader_not_the_head_of_state(mentions) -> None:
    text = "Recep Tayyip Erdogan spoke on Monday. The leader of the Iraqi Kurds replied."
    found = mentions(text)
    assert [(m.text, m.actor.code) for m in found] == [
        ("Recep Tayyip Erdogan", "TUR GOV"),
        ("leader of the Iraqi Kurds", "IRQ CVL"),
    ]
    found = mentions("The leader of the rebels replied.")
    assert [(m.text, m.actor.code) for m in found] == [("leader of the rebels", "REB")]


def test_a_person_word_without_a_country_word_is_no_actor(mentions) -> None:
    found = mentions("A woman was hurt in Syria.")
    assert [(m.text, m.actor.code) for m in found] == [("Syria", "SYR GOV")]


def test_a_backed_force_takes_the_country_of_its_place(mentions) -> None:
    found = mentions("Qatari-funded militias in Libya raided the depot.")
    assert [(m.text, m.actor.code) for m in found] == [("militias in Libya", "LBY UAF")]


def test_a_misspelt_common_surname_alone_names_no_office_holder(mentions) -> None:
    when = date(2019, 10, 20)
    found = mentions("On Monday Singhh told reporters that talks would go on.", when)
    assert [m.text for m in found] == ["reporters"]
    text = "Rajnath Singh arrived. On Monday Singhh told reporters that talks would go on."
    found = mentions(text, when)
    assert [(m.text, m.actor.name) for m in found][:2] == [
        ("Rajnath Singh", "Rajnath Singh"),
        ("Singhh", "Rajnath Singh"),
    ]


def test_a_persons_own_first_name_does_not_make_their_surname_common(mentions, resolver) -> None:
    assert "mahathir" not in resolver.shared_surnames
    found = mentions("Mahathir rejected the offer.", date(2019, 10, 20))
    assert [(m.text, m.actor.code) for m in found] == [("Mahathir", "MYS GOV")]


# -- actors the knowledge base does not name ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        (
            "The Lakeside Democratic Movement condemned the arrests.",
            "Lakeside Democratic Movement",
            "PTY",
        ),
        ("Peru's Andean Renewal Party rejected the plan.", "Andean Renewal Party", "PER PTY"),
        ("The Chilean Miners Federation called a strike.", "Chilean Miners Federation", "CHL LAB"),
        (
            "The Highland Liberation Army ambushed a convoy.",
            "Highland Liberation Army",
            "REB",
        ),
        ("The Ghana Defence Forces shelled the camp.", "Ghana Defence Forces", "GHA MIL"),
        (
            "The Chadian League for Human Rights counted the dead.",
            "Chadian League for Human Rights",
            "TCD NGO",
        ),
    ],
)
def test_an_unknown_named_organisation_takes_its_sector_from_its_last_word(
    mentions, text: str, phrase: str, code: str
) -> None:
    found = {m.text: m.actor for m in mentions(text)}
    assert found[phrase].code == code and found[phrase].kb_id is None


def test_people_held_or_living_somewhere_are_civilians_not_the_state(mentions) -> None:
    codes = {
        m.text: m.actor.code for m in mentions("Ugandan prisoners and inhabitants of Kenya spoke.")
    }
    assert codes == {"Ugandan prisoners": "UGA CVL", "inhabitants of Kenya": "KEN CVL"}


def test_rights_groups_with_no_country_are_ngos(mentions) -> None:
    [found] = mentions("Human rights groups condemned the verdict.")
    assert found.actor.code == "NGO NGO"
    located = mentions("A rights group based in Chile condemned the verdict.")
    assert [m.actor.code for m in located][:1] == ["CHL NGO"]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_names_match_with_either_apostrophe(mentions, apostrophe) -> None:
    found = mentions(f"The Kurdistan Workers{apostrophe} Party attacked an army post.")
    assert ("TUR", "REB") in {(m.actor.country, m.actor.sector) for m in found}
