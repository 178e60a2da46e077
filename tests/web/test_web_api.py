"""The JSON API over real HTTP: every endpoint, every filter, and bad values as 4xx."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import duckdb
import httpx
import pyarrow.parquet as pq
import pytest
from serve_helpers import start_server, stop_server

PUTIN = "person:vladimir-putin"
ENDPOINTS = [
    "/api/events",
    "/api/merged",
    "/api/actors",
    "/api/dyads",
    "/api/timeline",
    "/api/places",
    "/api/articles",
    "/api/stats",
    "/api/export.csv",
]


@pytest.fixture(scope="module")
def client(base_url: str):
    with httpx.Client(base_url=base_url, timeout=30) as session:
        yield session


def get(client: httpx.Client, path: str, **params) -> dict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def all_events(client: httpx.Client, **params) -> list[dict]:
    return get(client, "/api/events", limit=500, **params)["items"]


def stored(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as connection:
        return connection.execute(sql, params or []).fetchall()


# -- events and their filters ------------------------------------------------------


def test_events_page_matches_the_stored_mentions(client, web_db: Path) -> None:
    body = get(client, "/api/events", limit=5)
    (count,) = stored(web_db, "SELECT count(*) FROM events WHERE NOT negated")[0]
    assert body["total"] == count > 5
    assert len(body["items"]) == 5
    first = body["items"][0]
    assert {"id", "date", "event_type", "evidence", "sentence", "source_key", "quad"} <= set(first)
    dates = [item["date"] for item in body["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first by default


def test_paging_walks_every_event_once(client) -> None:
    total = get(client, "/api/events", limit=1)["total"]
    seen = []
    for offset in range(0, total, 7):
        seen += [item["id"] for item in get(client, "/api/events", limit=7, offset=offset)["items"]]
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize("sort", ["-date", "date", "-confidence", "confidence", "type"])
def test_every_sort_order_returns_every_event(client, sort: str) -> None:
    body = get(client, "/api/events", limit=500, sort=sort)
    assert len(body["items"]) == body["total"]
    if sort == "type":
        types = [item["event_type"] for item in body["items"]]
        assert types == sorted(types)


def test_actor_filter_matches_names_without_accents_and_kb_ids(client) -> None:
    by_name = all_events(client, actor="Erdogan")  # stored as "Recep Tayyip Erdoğan"
    assert by_name and all(
        "Erdoğan" in (e["source_name"] or "") + (e["target_name"] or "") for e in by_name
    )
    by_kb = all_events(client, actor=PUTIN)
    assert by_kb and all(PUTIN in (e["source_key"], e["target_key"]) for e in by_kb)


def test_country_filter_takes_codes_and_names(client) -> None:
    by_code = all_events(client, country="KEN")
    assert by_code == all_events(client, country="Kenya")
    assert by_code and all("KEN" in (e["source_country"], e["target_country"]) for e in by_code)


def test_type_and_mode_filters(client) -> None:
    consult = all_events(client, type="consult")
    assert consult and {e["event_type"] for e in consult} == {"CONSULT"}
    phone = all_events(client, type="CONSULT", mode="phone")
    assert phone and {e["mode"] for e in phone} == {"phone"}
    assert len(phone) < len(consult)
    assert {e["mode"] for e in all_events(client, mode="phone")} == {"phone"}


def test_date_filters_are_inclusive(client) -> None:
    day = all_events(client, since="2023-06-24", until="2023-06-24")
    assert day and {e["date"] for e in day} == {"2023-06-24"}
    later = all_events(client, since="2024-01-01")
    assert later and all(e["date"] >= "2024-01-01" for e in later)
    assert not set(e["id"] for e in day) & set(e["id"] for e in later)


def test_text_filter_reads_sentence_and_title(client) -> None:
    gas = all_events(client, text="tear gas")
    assert gas and all(
        "tear gas" in (e["sentence"] + " " + e["article_title"]).lower() for e in gas
    )
    assert any("tear gas" in e["sentence"] for e in gas)
    by_title = all_events(client, text="grain corridor")  # words of a title only
    assert by_title and all(
        e["article_title"] == "Putin and Erdogan discuss grain corridor" for e in by_title
    )


def test_min_confidence_keeps_the_surer_events(client) -> None:
    every = all_events(client)
    cut = sorted(e["confidence"] for e in every)[len(every) // 2]
    kept = all_events(client, min_confidence=str(cut))
    assert 0 < len(kept) < len(every) and all(e["confidence"] >= cut for e in kept)
    assert client.get("/api/events", params={"min_confidence": "2"}).status_code == 400
    assert client.get("/api/events", params={"min_confidence": "high"}).status_code == 400


def test_negated_events_are_left_out_unless_asked_for(client, web_db: Path) -> None:
    (negated,) = stored(web_db, "SELECT count(*) FROM events WHERE negated")[0]
    assert negated >= 1  # "Indian troops did not attack ..."
    default = get(client, "/api/events", limit=1)["total"]
    assert get(client, "/api/events", limit=1, negated="include")["total"] == default + negated
    only = all_events(client, negated="only")
    assert len(only) == negated and all(e["negated"] for e in only)


def test_background_filter_splits_the_stored_events(client, web_db: Path) -> None:
    (background,) = stored(web_db, "SELECT count(*) FROM events WHERE background AND NOT negated")[
        0
    ]
    total = get(client, "/api/events", limit=1)["total"]
    only = all_events(client, background="only")
    assert len(only) == background and all(e["background"] for e in only)
    assert get(client, "/api/events", limit=1, background="exclude")["total"] == total - background


def test_background_filter_follows_the_column(web_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "with-background.duckdb"
    shutil.copy(web_db, copy)
    with duckdb.connect(str(copy)) as connection:
        connection.execute("UPDATE events SET background = (event_type = 'PROTEST')")
        (protests,) = connection.execute(
            "SELECT count(*) FROM events WHERE background AND NOT negated"
        ).fetchone()
    url, server, thread = start_server(copy)
    try:
        with httpx.Client(base_url=url) as session:
            total = get(session, "/api/events", limit=1)["total"]
            only = get(session, "/api/events", limit=500, background="only")
            assert only["total"] == protests >= 1
            assert all(e["background"] and e["event_type"] == "PROTEST" for e in only["items"])
            excluded = get(session, "/api/events", limit=1, background="exclude")["total"]
            assert excluded == total - protests
    finally:
        stop_server(server, thread)


# -- one event, merged events -------------------------------------------------------


def test_one_event_has_sentence_explanation_article_and_merge(client) -> None:
    some = all_events(client, actor=PUTIN, type="CONSULT", mode="phone", country="TUR")
    event = get(client, f"/api/events/{some[0]['id']}")
    assert event["evidence"] in event["sentence"]
    assert event["explanation"].startswith("CONSULT by pattern")
    assert event["article"]["title"]
    assert event["merged"]["mention_count"] == len(event["merged"]["mentions"]) >= 3
    assert event["id"] in [m["id"] for m in event["merged"]["mentions"]]


def test_merged_events_carry_all_their_mentions(client) -> None:
    body = get(client, "/api/merged", actor="Erdogan", type="CONSULT")
    top = body["items"][0]
    assert top["mention_count"] == len(top["mentions"]) >= 3
    assert top["source_count"] >= 3  # three outlets reported the Putin-Erdogan call
    assert len({m["article_id"] for m in top["mentions"]}) == len(top["article_ids"])
    one = get(client, f"/api/merged/{top['id']}")
    assert one["event_ids"] == top["event_ids"]


# -- actors, dyads, timeline, places ------------------------------------------------


def test_actors_count_given_and_received(client) -> None:
    actors = {a["key"]: a for a in get(client, "/api/actors", limit=500)["items"]}
    putin = actors[PUTIN]
    calls = all_events(client, actor=PUTIN)
    assert putin["given"] == sum(e["source_key"] == PUTIN for e in calls)
    assert putin["received"] == sum(e["target_key"] == PUTIN for e in calls)
    assert putin["total"] == putin["given"] + putin["received"]
    assert get(client, "/api/actors", limit=2, sort="-given")["items"][0]["given"] >= putin["given"]


def test_one_actor_has_timeline_partners_and_offices(client) -> None:
    putin = get(client, f"/api/actors/{PUTIN}")
    assert putin["name"] == "Vladimir Putin" and putin["given"] >= 4
    assert "President of Russia" in [role["role"] for role in putin["roles"]]
    partners = {p["name"]: p for p in putin["partners"]}
    assert partners["Recep Tayyip Erdoğan"]["cooperative"] >= 4
    assert sum(row["mentions"] for row in putin["timeline"]) == putin["total"]
    generic = get(client, "/api/actors/Kenya police")  # a generic agent, keyed by name
    assert generic["country"] == "KEN" and generic["given"] >= 1
    assert client.get("/api/actors/nobody-at-all").status_code == 404


def test_dyads_strongest_first_with_cooperation_and_conflict(client) -> None:
    dyads = get(client, "/api/dyads", limit=10)["items"]
    assert dyads[0]["source_key"] == PUTIN and dyads[0]["target_name"] == "Recep Tayyip Erdoğan"
    assert [d["mentions"] for d in dyads] == sorted((d["mentions"] for d in dyads), reverse=True)
    assert all(d["cooperative"] + d["conflictual"] <= d["mentions"] for d in dyads)
    conflict = get(client, "/api/dyads", type="COERCE")["items"]
    assert conflict and all(d["conflictual"] == d["mentions"] for d in conflict)


@pytest.mark.parametrize("interval", ["day", "week"])
@pytest.mark.parametrize("by", ["type", "quad"])
def test_timeline_counts_add_up(client, interval: str, by: str) -> None:
    body = get(client, "/api/timeline", interval=interval, by=by)
    total = get(client, "/api/events", limit=1)["total"]
    assert sum(sum(counts) for counts in body["series"].values()) == total
    assert all(len(counts) == len(body["periods"]) for counts in body["series"].values())
    if by == "quad":
        assert set(body["series"]) <= {
            "VERBAL COOPERATION",
            "MATERIAL COOPERATION",
            "VERBAL CONFLICT",
            "MATERIAL CONFLICT",
            "UNSCORED",
        }
    if interval == "week":
        from datetime import date

        assert all(date.fromisoformat(p).weekday() == 0 for p in body["periods"])


def test_places_group_located_events(client) -> None:
    places = {p["name"]: p for p in get(client, "/api/places")["items"]}
    nairobi = places["Nairobi"]
    assert nairobi["mentions"] >= 2 and -2 < nairobi["latitude"] < 0
    assert get(client, "/api/places", type="AID")["items"] != get(client, "/api/places")["items"]


# -- articles and stats --------------------------------------------------------------


def test_articles_list_and_filter(client, web_db: Path) -> None:
    (stored_articles,) = stored(web_db, "SELECT count(*) FROM articles")[0]
    assert get(client, "/api/articles", limit=500)["total"] == stored_articles
    protests = get(client, "/api/articles", type="PROTEST")["items"]
    assert protests and all(a["events"] >= 1 for a in protests)
    assert len(protests) < stored_articles


def test_article_has_text_with_event_spans_flags_and_boilerplate(client) -> None:
    listing = get(client, "/api/articles", text="tear gas")["items"]
    article = get(client, f"/api/articles/{listing[0]['id']}")
    assert article["events"]
    for event in article["events"]:
        assert article["text"][event["span_start"] : event["span_end"]] == event["evidence"]
    assert "See also: Kenya's finance bill explained" in article["removed"]
    assert article["credits"] and isinstance(article["repairs"], dict)
    assert isinstance(article["flags"], list) and isinstance(article["quotes"], list)


def test_stats_totals_and_groups(client, web_db: Path) -> None:
    body = get(client, "/api/stats")
    (events,) = stored(web_db, "SELECT count(*) FROM events")[0]
    assert body["store"]["events"] == events
    assert body["matching"]["mentions"] == get(client, "/api/events", limit=1)["total"]
    assert sum(row["mentions"] for row in body["by_type"]) == body["matching"]["mentions"]
    narrowed = get(client, "/api/stats", country="KEN")
    assert narrowed["matching"]["mentions"] < body["matching"]["mentions"]
    assert {row["event_type"] for row in narrowed["by_type"]} >= {"PROTEST"}


# -- downloads ---------------------------------------------------------------------------


def test_csv_download_is_the_current_filter(client) -> None:
    response = client.get("/api/export.csv", params={"type": "CONSULT"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = {e["id"] for e in all_events(client, type="CONSULT")}
    assert {row["id"] for row in rows} == expected
    assert {row["event_type"] for row in rows} == {"CONSULT"}


def test_parquet_download_is_the_current_filter(client, tmp_path: Path) -> None:
    response = client.get("/api/export.parquet", params={"country": "KEN"})
    assert response.status_code == 200
    path = tmp_path / "events.parquet"
    path.write_bytes(response.content)
    table = pq.read_table(path)
    assert set(table.column("id").to_pylist()) == {
        e["id"] for e in all_events(client, country="KEN")
    }
    assert "explanation" in table.column_names


# -- bad values --------------------------------------------------------------------------

BAD_VALUES = [
    ({"type": "FLY"}, "type: 'FLY' is not a PLOVER event type"),
    ({"type": "CONSULT", "mode": "arrest"}, "mode: 'arrest' is not a mode of CONSULT"),
    ({"mode": "teleport"}, "is not a mode of any PLOVER type"),
    ({"since": "2024-13-01"}, "since: '2024-13-01' is not a date in YYYY-MM-DD form"),
    ({"until": "yesterday"}, "until: 'yesterday' is not a date"),
    ({"since": "2024-03-01", "until": "2024-01-01"}, "is after until"),
    ({"limit": "100000"}, "limit: Input should be less than or equal to 500"),
    ({"limit": "0"}, "limit: Input should be greater than or equal to 1"),
    ({"limit": "ten"}, "limit: Input should be a valid integer"),
    ({"offset": "-1"}, "offset: Input should be greater than or equal to 0"),
    ({"country": "Atlantis"}, "country: 'Atlantis' is not a country name"),
    ({"text": "x'; DROP TABLE events; --"}, "text: "),
    ({"actor": "Putin' OR 1=1 --"}, "actor: "),
    ({"text": "a" * 201}, "text: at most 200 characters"),
    ({"background": "maybe"}, "background: 'maybe' is not one of include, exclude, only"),
    ({"negated": "yes"}, "negated: 'yes' is not one of"),
]


PAGED = {"/api/events", "/api/merged", "/api/actors", "/api/articles"}
LIMITED = PAGED | {"/api/dyads", "/api/places"}


def applies(path: str, params: dict) -> bool:
    """Paging values only go to the endpoints that page (or take a limit)."""
    if "offset" in params:
        return path in PAGED
    if "limit" in params:
        return path in LIMITED
    return True


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        (path, params, message)
        for path in ENDPOINTS
        for params, message in BAD_VALUES
        if applies(path, params)
    ],
)
def test_bad_values_get_400_with_a_message(client, path: str, params: dict, message: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    assert message in response.json()["error"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/events", {"sort": "id; DROP TABLE events"}),
        ("/api/merged", {"sort": "name"}),
        ("/api/actors", {"sort": "1"}),
        ("/api/timeline", {"interval": "month"}),
        ("/api/timeline", {"by": "colour"}),
    ],
)
def test_choices_outside_the_list_get_400(client, path: str, params: dict) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400
    assert "is not one of" in response.json()["error"]


def test_sql_looking_words_are_matched_as_words_and_change_nothing(client, web_db: Path) -> None:
    before = stored(web_db, "SELECT count(*) FROM events")
    body = get(client, "/api/events", text="' OR '1'='1")
    assert body["total"] == 0  # bound as a parameter: no sentence holds these characters
    assert get(client, "/api/events", actor="x' OR 'x'='x")["total"] == 0
    assert stored(web_db, "SELECT count(*) FROM events") == before


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/events/0000000000000000", 404),
        ("/api/events/not-an-id", 400),
        ("/api/events/..%2F..%2Fetc%2Fpasswd", 404),
        ("/api/merged/ffffffffffffffff", 404),
        ("/api/articles/abc'def", 400),
        ("/api/articles/0123456789abcdef", 404),
        ("/api/nothing", 404),
    ],
)
def test_unknown_or_malformed_ids_get_4xx_json(client, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["error"]


# -- the server's own promises ------------------------------------------------------------


def test_openapi_lists_every_endpoint_and_docs_are_local(client) -> None:
    schema = get(client, "/openapi.json")
    paths = set(schema["paths"])
    assert {p for p in ENDPOINTS} | {"/api/export.parquet", "/api/events/{event_id}"} <= paths
    assert {"/api/articles/{article_id}", "/api/merged/{merged_id}", "/api/actors/{key}"} <= paths
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert params >= {
        "actor",
        "country",
        "type",
        "mode",
        "since",
        "until",
        "text",
        "background",
        "negated",
        "limit",
        "offset",
    }
    docs = client.get("/docs").text
    assert "/assets/swagger-ui-bundle.js" in docs and "http" not in docs.replace("http-equiv", "")


def test_no_cors_and_security_headers(client) -> None:
    response = client.get("/api/events", headers={"Origin": "http://example.org"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/events",
        headers={"Origin": "http://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_assets_are_served_by_name_only(client) -> None:
    plotly = client.get("/assets/plotly.min.js")
    assert plotly.status_code == 200 and b"plotly.js v" in plotly.content[:200]
    assert client.get("/assets/..%2F..%2Fapp.py").status_code == 404
    assert client.get("/assets/app.py").status_code == 404
    outline = client.get("/assets/world_outline.json").json()
    assert len(outline["rings"]) > 100 and "Natural Earth" in outline["source"]
