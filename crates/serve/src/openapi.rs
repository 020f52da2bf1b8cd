//! The OpenAPI 3.1 description of the API, served at `/api/openapi.json`. Written from the same
//! parameter lists the handlers check, so the two cannot drift apart on names.

use crate::params::EVENT_FILTERS;
use serde_json::{Map, Value, json};

struct Endpoint {
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    query: &'static [&'static [&'static str]],
    body: Option<Value>,
}

fn describe(name: &str) -> (&'static str, &'static str) {
    match name {
        "q" => (
            "string",
            "words (search syntax: \"phrases\", OR, -word, prefix*)",
        ),
        "type" => ("string", "PLOVER event type, e.g. ASSAULT, PROTEST, COERCE"),
        "mode" => ("string", "PLOVER mode, e.g. firearms, arrest, demo"),
        "country" => ("string", "ISO 3166-1 alpha-2 code"),
        "admin1" => ("string", "a state or province, by name or gazetteer code"),
        "near" => ("string", "LAT,LON; with km"),
        "km" => ("number", "radius for near or a place (default 25)"),
        "since" | "until" => ("string", "YYYY-MM-DD, inclusive"),
        "actor" => ("string", "an entity (name or E id) acting in the event"),
        "min_certainty" => ("string", "confirmed, reported, alleged or denied"),
        "min_corroboration" => ("integer", "at least this many independent sources"),
        "limit" => ("integer", "results per page (1 to 1000)"),
        "offset" => ("integer", "results to skip"),
        "lang" => ("string", "ISO 639-1 language code"),
        "source" => ("string", "an outlet, exactly"),
        "kind" => ("string", "PER, ORG, LOC or MISC"),
        "why" => ("boolean", "say why each mention was linked"),
        "by" => ("string", "country, admin1, week, month or type"),
        "from" | "to" => ("string", "an entity, by name or E id"),
        "max_hops" => ("integer", "longest path searched (1 to 6, default 4)"),
        "entity" => ("string", "an entity's timeline (name or E id)"),
        "place" => ("string", "a place's timeline (name or E id)"),
        "entities" => ("boolean", "GeoJSON: add a feature per place entity"),
        _ => ("string", ""),
    }
}

fn endpoints() -> Vec<Endpoint> {
    const PAGE: &[&str] = &["limit", "offset"];
    let e = |method, path, summary, query| Endpoint {
        method,
        path,
        summary,
        query,
        body: None,
    };
    vec![
        e("get", "/api/stats", "Counts of what the store holds", &[]),
        e(
            "get",
            "/api/documents",
            "Full-text search (q), or the latest documents",
            &[&["q", "lang", "source", "since", "until", "limit", "offset"]],
        ),
        e(
            "get",
            "/api/documents/{id}",
            "One document (id or a prefix of 4+ hex digits): text and every annotation layer \
             (byte offsets into the UTF-8 text), with links to graph entities and clusters",
            &[],
        ),
        e(
            "get",
            "/api/entities",
            "Entities whose name, alias or acronym starts with q",
            &[&["q", "kind", "limit", "offset"]],
        ),
        e(
            "get",
            "/api/entities/{id}",
            "An entity's profile (id E12 or a name)",
            &[&["why"]],
        ),
        e(
            "get",
            "/api/entities/{id}/graph",
            "An entity's neighbours through relations, roles and shared events",
            &[&["limit"]],
        ),
        Endpoint {
            body: Some(json!({"a": "string", "b": "string"})),
            ..e(
                "post",
                "/api/entities/merge",
                "Merge entity b into a (recorded)",
                &[],
            )
        },
        Endpoint {
            body: Some(json!({"document": "string"})),
            ..e(
                "post",
                "/api/entities/{id}/split",
                "Split an entity's mentions in one document off (recorded)",
                &[],
            )
        },
        e(
            "get",
            "/api/events",
            "Event clusters, latest first",
            &[EVENT_FILTERS, PAGE],
        ),
        e(
            "get",
            "/api/events/aggregate",
            "Cluster, report and fatality counts by country, admin1, week, month or type",
            &[EVENT_FILTERS, &["by"]],
        ),
        e("get", "/api/events/{id}", "One event cluster (C12)", &[]),
        e(
            "get",
            "/api/path",
            "The shortest chain of evidence between two entities",
            &[&["from", "to", "max_hops"]],
        ),
        e(
            "get",
            "/api/timeline",
            "Dated items for an entity, a place, or the clusters the filters select",
            &[EVENT_FILTERS, &["entity", "place"]],
        ),
        e(
            "get",
            "/api/sources",
            "Outlets, their documents and grades",
            &[],
        ),
        Endpoint {
            body: Some(json!({"grade": "string"})),
            ..e(
                "post",
                "/api/sources/{name}/grade",
                "Set an outlet's reliability grade (A to F)",
                &[],
            )
        },
        Endpoint {
            body: Some(
                json!({"text": "string", "title": "string", "source": "string",
                              "published": "string", "byline": "string", "url": "string"}),
            ),
            ..e(
                "post",
                "/api/ingest",
                "Ingest an article (text and metadata) or a URL of a page or feed",
                &[],
            )
        },
        e(
            "get",
            "/api/export/{format}",
            "The selected clusters as acled, geojson, graphml, gexf, ftm or jsonl",
            &[EVENT_FILTERS, &["entities"]],
        ),
    ]
}

pub fn document() -> Value {
    let mut paths = Map::new();
    for endpoint in endpoints() {
        let mut parameters: Vec<Value> = endpoint
            .path
            .split('/')
            .filter_map(|part| part.strip_prefix('{')?.strip_suffix('}'))
            .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
            .collect();
        for name in endpoint.query.iter().flat_map(|list| list.iter()) {
            let (kind, description) = describe(name);
            parameters.push(json!({"name": name, "in": "query", "required": false,
                "description": description, "schema": {"type": kind}}));
        }
        let mut operation = json!({
            "summary": endpoint.summary,
            "parameters": parameters,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {}}},
                "400": {"$ref": "#/components/responses/Error"},
                "401": {"$ref": "#/components/responses/Error"},
                "404": {"$ref": "#/components/responses/Error"},
            },
        });
        if let Some(body) = endpoint.body {
            let properties: Map<String, Value> = body
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.clone(), json!({"type": v})))
                .collect();
            operation["requestBody"] = json!({"required": true, "content": {"application/json":
                {"schema": {"type": "object", "properties": properties,
                            "additionalProperties": false}}}});
            operation["responses"]["413"] = json!({"$ref": "#/components/responses/Error"});
        }
        let item = paths
            .entry(endpoint.path.to_string())
            .or_insert_with(|| json!({}));
        item[endpoint.method] = operation;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Tessera",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "News turned into sourced events, entities and relations. Lists \
                answer {items, limit, offset, next_offset}; errors answer {error: {code, message}}. \
                With a token set, send Authorization: Bearer TOKEN."
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "responses": {"Error": {"description": "An error", "content": {"application/json":
                {"schema": {"type": "object", "properties": {"error": {"type": "object",
                    "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
                    "required": ["code", "message"]}}}}}}},
        },
        "security": [{}, {"token": []}],
    })
}
