"""Reads every `tessera export` format with the tool an analyst would open it in, and checks
that it holds what Tessera says it wrote.

Usage: check_exports.py DIR, where DIR holds events.csv, events.geojson, network.graphml,
network.gexf, entities.ftm.json, a parquet/ folder (events.parquet, entities.parquet) and
counts.json ({format: {"clusters", "entities", "edges"}}) as
tools/check-exports.sh writes them. Exits non-zero, naming the file, on the first failure.
"""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import geojson
import networkx
import shapely.geometry
from followthemoney import model
from followthemoney.exc import InvalidData

# ACLED's codebook: event types, their sub-event types, and the disorder types they fall under.
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}
DISORDER_TYPES = {
    "Political violence", "Demonstrations", "Strategic developments",
    "Political violence; Demonstrations",
}
ACLED_COLUMNS = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type "
    "actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso "
    "region country admin1 admin2 admin3 location latitude longitude geo_precision source "
    "source_scale notes fatalities tags timestamp"
).split()
NUMERIC = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude",
           "longitude", "geo_precision", "fatalities", "timestamp"}


def fail(path, message):
    sys.exit(f"{path}: {message}")


def check_acled(path, expected):
    con = duckdb.connect()
    rel = con.sql(f"SELECT * FROM read_csv('{path}', header = true, all_varchar = true)")
    if rel.columns != ACLED_COLUMNS:
        fail(path, f"columns {rel.columns} are not ACLED's")
    rows = rel.fetchall()
    if len(rows) != expected["clusters"]:
        fail(path, f"{len(rows)} rows, Tessera wrote {expected['clusters']}")
    # Each typed column converts, in DuckDB, to the codebook's type.
    for column in NUMERIC:
        bad = con.execute(
            f"SELECT count(*) FROM read_csv('{path}', header = true, all_varchar = true) "
            f"WHERE \"{column}\" IS NOT NULL AND TRY_CAST(\"{column}\" AS DOUBLE) IS NULL"
        ).fetchone()[0]
        if bad:
            fail(path, f"{bad} values of {column} are not numbers")
    dates = con.execute(
        f"SELECT count(*) FROM read_csv('{path}', header = true, all_varchar = true) "
        "WHERE TRY_CAST(event_date AS DATE) IS NULL"
    ).fetchone()[0]
    if dates:
        fail(path, f"{dates} event dates are not dates")
    index = {c: i for i, c in enumerate(ACLED_COLUMNS)}
    for row in rows:
        event, sub, disorder = row[index["event_type"]], row[index["sub_event_type"]], row[index["disorder_type"]]
        if sub not in ACLED_TYPES.get(event, set()):
            fail(path, f"{event}/{sub} is not in ACLED's codebook")
        if disorder not in DISORDER_TYPES:
            fail(path, f"disorder type {disorder!r} is not ACLED's")
        if int(row[index["fatalities"]]) < 0 or row[index["time_precision"]] not in "123":
            fail(path, f"bad fatalities or time precision in {row[0]}")
    print(f"{path}: {len(rows)} rows with ACLED's columns and types (DuckDB)")


def check_geojson(path, expected):
    collection = geojson.loads(Path(path).read_text(encoding="utf-8"))
    if not collection.is_valid:
        fail(path, f"invalid GeoJSON: {collection.errors()}")
    features = collection["features"]
    events = [f for f in features if f["properties"]["kind"] == "event"]
    if len(events) != expected["clusters"]:
        fail(path, f"{len(events)} event features, Tessera wrote {expected['clusters']}")
    for feature in features:
        point = shapely.geometry.shape(feature["geometry"])
        if not point.is_valid or not (-180 <= point.x <= 180 and -90 <= point.y <= 90):
            fail(path, f"feature {feature.get('id')} is not a valid point")
    print(f"{path}: {len(features)} valid features (geojson, shapely)")


def check_network(path, expected, reader):
    graph = reader(path)
    if graph.number_of_nodes() != expected["entities"]:
        fail(path, f"{graph.number_of_nodes()} nodes, Tessera wrote {expected['entities']}")
    if graph.number_of_edges() != expected["edges"]:
        fail(path, f"{graph.number_of_edges()} edges, Tessera wrote {expected['edges']}")
    for node, data in graph.nodes(data=True):
        if "kind" not in data:
            fail(path, f"node {node} has no kind")
    print(f"{path}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges (networkx)")


# The FtM schemata Tessera writes for relations (interval entities linking two others).
FTM_LINKS = {"Occupancy", "Directorship", "Membership", "Family", "Associate", "UnknownLink"}


def check_ftm(path, expected):
    """Each line through followthemoney: a known schema, known properties, every value valid
    for its type (nothing dropped on cleaning), required properties present, and every entity
    reference pointing at an entity of the right schema in the same file."""
    entities = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        data = json.loads(line)
        try:
            proxy = model.get_proxy(data, cleaned=False)
            proxy.schema.validate(data)
        except InvalidData as error:
            fail(path, f"line {number}: {error}")
        for name, values in data["properties"].items():
            prop = proxy.schema.get(name)
            for value in values:
                if prop.type.clean(value) is None:
                    fail(path, f"line {number}: {name} value {value!r} is not a valid {prop.type.name}")
        missing = [p for p in proxy.schema.required if not proxy.get(p)]
        if missing:
            fail(path, f"line {number}: {proxy.schema.name} lacks {missing}")
        if proxy.id in entities:
            fail(path, f"line {number}: id {proxy.id} repeats")
        entities[proxy.id] = proxy
    for proxy in entities.values():
        for prop, value in proxy.itervalues():
            if prop.type.name != "entity":
                continue
            target = entities.get(value)
            if target is None:
                fail(path, f"{proxy.id}.{prop.name} points at {value}, not in the file")
            if prop.range is not None and not target.schema.is_a(prop.range):
                fail(path, f"{proxy.id}.{prop.name} is a {target.schema.name}, not a {prop.range.name}")
    schemata = Counter(p.schema.name for p in entities.values())
    wrote = {
        "clusters": schemata["Event"],
        "entities": schemata["Person"] + schemata["Organization"] + schemata["Address"],
        "edges": sum(schemata[s] for s in FTM_LINKS),
    }
    if wrote != expected:
        fail(path, f"holds {wrote}, Tessera wrote {expected}")
    # followthemoney's own command re-parses and re-validates the stream.
    ftm = Path(sys.executable).with_name("ftm")
    result = subprocess.run([str(ftm), "validate", "-i", str(path), "-o", "-"],
                            capture_output=True, text=True)
    if result.returncode != 0 or len(result.stdout.splitlines()) != len(entities):
        fail(path, f"ftm validate failed: {result.stderr.strip()[-500:]}")
    print(f"{path}: {len(entities)} FtM entities valid ({dict(sorted(schemata.items()))})")


PARQUET_SCHEMA = {
    "events.parquet": {
        "id": "VARCHAR", "type": "VARCHAR", "mode": "VARCHAR", "contexts": "VARCHAR",
        "event_date": "DATE", "date": "VARCHAR", "date_precision": "VARCHAR", "place": "VARCHAR",
        "country": "VARCHAR", "admin1": "VARCHAR", "geonames_id": "BIGINT", "latitude": "DOUBLE",
        "longitude": "DOUBLE", "geo_precision": "VARCHAR", "actors": "VARCHAR",
        "recipients": "VARCHAR", "fatalities": "BIGINT", "injured": "BIGINT", "arrested": "BIGINT",
        "certainty": "VARCHAR", "corroboration": "BIGINT", "credibility": "BIGINT",
        "contradictions": "BIGINT", "documents": "VARCHAR", "sources": "VARCHAR",
    },
    "entities.parquet": {
        "id": "VARCHAR", "kind": "VARCHAR", "name": "VARCHAR", "aliases": "VARCHAR",
        "country": "VARCHAR", "geonames_id": "BIGINT", "latitude": "DOUBLE", "longitude": "DOUBLE",
        "documents": "BIGINT", "first_seen": "DATE", "last_seen": "DATE",
    },
}


def check_parquet(folder, expected):
    con = duckdb.connect()
    for name, schema in PARQUET_SCHEMA.items():
        path = folder / name
        columns = dict(
            (row[0], row[1])
            for row in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
        )
        if columns != schema:
            fail(path, f"schema {columns} is not {schema}")
        rows = con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
        want = expected["clusters" if name == "events.parquet" else "entities"]
        if rows != want:
            fail(path, f"{rows} rows, Tessera wrote {want}")
        key = con.execute(
            f"SELECT count(*) - count(DISTINCT id), count(*) - count(id) FROM read_parquet('{path}')"
        ).fetchone()
        if key != (0, 0):
            fail(path, f"ids repeat or are missing: {key}")
        print(f"{path}: {rows} rows with the expected schema (DuckDB)")
    dated = con.execute(
        f"SELECT count(*) FROM read_parquet('{folder / 'events.parquet'}') "
        "WHERE date IS NOT NULL AND event_date IS NULL"
    ).fetchone()[0]
    if dated:
        fail(folder / "events.parquet", f"{dated} dated clusters have no event_date")


def main():
    folder = Path(sys.argv[1])
    counts = json.loads((folder / "counts.json").read_text())
    check_acled(folder / "events.csv", counts["acled"])
    check_geojson(folder / "events.geojson", counts["geojson"])
    check_network(folder / "network.graphml", counts["graphml"], networkx.read_graphml)
    check_network(folder / "network.gexf", counts["gexf"], networkx.read_gexf)
    check_ftm(folder / "entities.ftm.json", counts["ftm"])
    check_parquet(folder / "parquet", counts["parquet"])


if __name__ == "__main__":
    main()
