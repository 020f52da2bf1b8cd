//! Arguments of the commands across documents: resolve, entities, entity, events, path,
//! timeline, source, and `stats events`.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct ResolveArgs {
    /// Throw away every resolved entity and cluster and resolve the whole store again; merges,
    /// splits and source grades made by hand are kept and applied again.
    #[arg(long)]
    pub full: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Words of a name, an alias or an acronym (accents and case are ignored; a word's start is
    /// enough).
    #[arg(required = true, value_name = "WORDS")]
    pub query: Vec<String>,
    /// Only this kind: PER, ORG, LOC, MISC.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// One JSON object a line: {id, kind, name, documents, first_seen, last_seen}.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct EntityArgs {
    #[command(subcommand)]
    pub edit: Option<EntityEdit>,
    /// An entity id (E12) or name.
    #[arg(value_name = "NAME|ID")]
    pub entity: Option<String>,
    /// Also say, for each document, why its mention was linked here, and any merge or split
    /// made by hand.
    #[arg(long)]
    pub why: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum EntityEdit {
    /// Merge entity B into entity A (recorded: it outlives re-resolution and new ingests).
    Merge {
        #[arg(value_name = "A")]
        a: String,
        #[arg(value_name = "B")]
        b: String,
    },
    /// Split the mentions of an entity in one document off into an entity of their own
    /// (recorded: they are kept apart from then on).
    Split {
        #[arg(value_name = "ID")]
        entity: String,
        /// The document (its id or a unique prefix).
        #[arg(long, value_name = "DOC")]
        document: String,
    },
}

/// The filters of `tessera events`, shared by `tessera export`.
#[derive(Debug, Args)]
pub struct EventFilterArgs {
    /// PLOVER type: ASSAULT, COERCE, PROTEST, ...
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// PLOVER mode: firearms, arrest, demo, ...
    #[arg(long)]
    pub mode: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[arg(long)]
    pub country: Option<String>,
    /// A state or province, by name (as the documents name it) or gazetteer code.
    #[arg(long)]
    pub admin1: Option<String>,
    /// Within --km of a point.
    #[arg(long, value_name = "LAT,LON", value_parser = parse_point)]
    pub near: Option<(f64, f64)>,
    #[arg(long, default_value_t = 25.0)]
    pub km: f64,
    /// On or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<chrono::NaiveDate>,
    /// On or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<chrono::NaiveDate>,
    /// An entity (name or id) that is an actor of the event.
    #[arg(long, value_name = "NAME|ID")]
    pub actor: Option<String>,
    /// confirmed, reported, alleged or denied: keep this and anything surer.
    #[arg(long, value_name = "CERTAINTY")]
    pub min_certainty: Option<String>,
    /// At least this many independent sources.
    #[arg(long, value_name = "N")]
    pub min_corroboration: Option<u32>,
    /// Words the reports' documents contain (the syntax of `tessera search`).
    #[arg(long, value_name = "WORDS")]
    pub query: Option<String>,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub filter: EventFilterArgs,
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// JSON Lines, one cluster a line.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// acled (CSV), geojson, graphml, gexf, ftm (FollowTheMoney JSON lines), parquet (a folder)
    /// or jsonl.
    #[arg(value_name = "FORMAT")]
    pub format: String,
    #[command(flatten)]
    pub filter: EventFilterArgs,
    /// Write here instead of standard output; written whole or not at all. Parquet needs a
    /// folder here.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<std::path::PathBuf>,
    /// GeoJSON: also a point for each place among the entities.
    #[arg(long)]
    pub entities: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("subject").required(true).args(["place", "entity", "query"])))]
pub struct ReportArgs {
    /// A place (name or id): the events in it (a state or country) or around it (a town), and
    /// the events elsewhere that the same reports tie to them.
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// An entity (name or id): the events it acts in or is the target of.
    #[arg(long, value_name = "NAME|ID")]
    pub entity: Option<String>,
    /// Words in the reports (the syntax of `tessera search`).
    #[arg(long, value_name = "WORDS")]
    pub query: Option<String>,
    /// Only events on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<chrono::NaiveDate>,
    /// Only events on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<chrono::NaiveDate>,
    /// Radius around a town or a point given with --place.
    #[arg(long, default_value_t = 25.0)]
    pub km: f64,
    /// The most events listed, the latest first (all are counted).
    #[arg(long, default_value_t = 200)]
    pub limit: usize,
    /// The HTML file to write; written whole or not at all.
    #[arg(short, long, value_name = "FILE", default_value = "brief.html")]
    pub output: std::path::PathBuf,
    /// Also print the brief to this PDF through headless Chromium (`chromium`,
    /// `chromium-browser` or `google-chrome` on the PATH, or the program in TESSERA_CHROMIUM).
    #[arg(long, value_name = "FILE")]
    pub pdf: Option<std::path::PathBuf>,
}

fn parse_point(text: &str) -> Result<(f64, f64), String> {
    let (lat, lon) = text
        .split_once(',')
        .ok_or_else(|| format!("{text:?} is not LAT,LON (e.g. 24.8,-107.4)"))?;
    let lat: f64 = lat
        .trim()
        .parse()
        .map_err(|_| format!("latitude {lat:?} is not a number"))?;
    let lon: f64 = lon
        .trim()
        .parse()
        .map_err(|_| format!("longitude {lon:?} is not a number"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("{text:?} is outside -90..90, -180..180"));
    }
    Ok((lat, lon))
}

#[derive(Debug, Args)]
pub struct PathArgs {
    #[arg(value_name = "A")]
    pub a: String,
    #[arg(value_name = "B")]
    pub b: String,
    /// The longest chain to look for.
    #[arg(long, default_value_t = 4)]
    pub max_hops: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// An entity (name or id); or give --place.
    #[arg(value_name = "NAME|ID", required_unless_present = "place")]
    pub entity: Option<String>,
    /// A place (name or id): the events there (in it, for a state or country).
    #[arg(long, value_name = "PLACE", conflicts_with = "entity")]
    pub place: Option<String>,
    /// Radius around a town or city.
    #[arg(long, default_value_t = 25.0)]
    pub km: f64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Set an outlet's or wire's Admiralty reliability grade, A (completely reliable) to F
    /// (cannot be judged).
    Set {
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(long, value_name = "A-F")]
        grade: char,
    },
    /// Every outlet and wire with its documents and grade.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum StatsCommand {
    /// Event clusters counted by groups, for charts.
    Events {
        /// Comma-separated: type, mode, country, admin1, day, week, month, year, certainty,
        /// credibility.
        #[arg(long, value_delimiter = ',', value_name = "DIM,...")]
        by: Vec<String>,
        #[arg(long)]
        json: bool,
    },
}
