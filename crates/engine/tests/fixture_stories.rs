//! Entities and event clusters across documents, against the multi-article stories of
//! `fixtures/stories` (scored by `tessera_engine::eval::stories`; see its documentation).
//!
//! The floors sit a little under what resolution reaches today, so that a regression fails.
//! Figures print with `--nocapture`; `FIXTURE_STORIES_VERBOSE=1` lists every miss.

use std::path::PathBuf;
use tessera_engine::Pipeline;

#[test]
fn stories_resolve_to_one_entity_and_one_cluster_each() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/stories");
    let pipeline = Pipeline::with_models().expect("models");
    let temp = tempfile::tempdir().expect("temp dir");
    let scores = tessera_engine::eval::stories(&pipeline, &dir, &temp.path().join("stories.db"))
        .expect("scoring the stories");
    println!("{scores}");
    if std::env::var_os("FIXTURE_STORIES_VERBOSE").is_some() {
        for miss in &scores.misses {
            println!("  {miss}");
        }
    }
    assert!(
        scores.stories >= 6 && scores.articles >= 20,
        "the stories are all read"
    );
    let floor = |what: &str, value: f64, floor: f64| {
        assert!(value >= floor, "{what} {value:.3} fell under {floor}");
    };
    let share = |(a, b): (usize, usize)| a as f64 / b.max(1) as f64;
    floor(
        "entity merge precision",
        scores.entity_pairs.precision(),
        0.95,
    );
    floor("entity merge recall", scores.entity_pairs.recall(), 0.60);
    let people = &scores.entity_pairs_by_kind["PER"];
    floor("person merge precision", people.precision(), 0.97);
    floor("person merge recall", people.recall(), 0.85);
    floor("names found", share(scores.names_found), 0.85);
    floor("entities whole", share(scores.entities_whole), 0.58);
    floor("cluster precision", scores.cluster_pairs.precision(), 0.68);
    floor("cluster recall", scores.cluster_pairs.recall(), 0.32);
    floor("reports found", share(scores.reports_found), 0.78);
    floor("clusters exact", share(scores.clusters_exact), 0.32);
    floor(
        "fatality values of exact clusters",
        share(scores.fatalities_right),
        0.72,
    );
    floor(
        "corroboration of exact clusters",
        share(scores.corroboration_right),
        0.84,
    );
}
