//! Command-line arguments, with the help text and examples users see.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use tessera_engine::doc::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "tessera",
    version,
    about = "Turn news reports into sourced evidence: who did what to whom, where, when, and who says so.",
    long_about = None,
    after_help = "Examples:\n  \
        tessera ingest articles/                     # every article under a folder\n  \
        tessera ingest news.jsonl --map text=body     # JSON Lines with a field mapping\n  \
        tessera search \"cartel OR cártel\" --lang es --since 2026-01-01\n  \
        tessera show 3f2a9c                           # a document by id prefix\n  \
        tessera stats\n\n\
        The store is one SQLite file: ./tessera.db unless --db or TESSERA_DB says otherwise.\n\
        Exit status: 0 success, 1 error, 2 usage error, 3 finished but some inputs were refused."
)]
pub struct Cli {
    /// The store file.
    #[arg(long, global = true, env = "TESSERA_DB", default_value = "tessera.db")]
    pub db: PathBuf,
    /// More log output (-v info, -vv debug); TESSERA_LOG takes a tracing filter.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Only errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles from files, folders, feeds, URLs or stdin and store them.
    #[command(after_help = "Examples:\n  \
        tessera ingest article.txt                          # text; an optional first line 'date YYYY-MM-DD Title'\n  \
        tessera ingest ./archive --include '*.html' --exclude 'drafts/**'\n  \
        tessera ingest reuters.jsonl                        # keys title/body/date are found by default\n  \
        tessera ingest news.jsonl --map title=Headline,text=Text,source=Source\n  \
        tessera ingest https://example.org/feed.xml         # RSS or Atom, one document per item\n  \
        cat story.txt | tessera ingest - --format text\n\n\
        Re-running an ingest stores nothing twice: a document's id is a hash of its source and content.\n\
        Inputs that cannot be read are listed with file and line; the rest still go in (exit status 3).")]
    Ingest(IngestArgs),
    /// Full-text search over stored titles and texts, best match first.
    #[command(
        after_help = "Query syntax: words (all must match), \"exact phrases\", OR between terms,\n\
        -word to exclude, word* for a prefix. Accents are ignored (michoacan finds Michoacán).\n\n\
        Examples:\n  \
        tessera search cocoa\n  \
        tessera search '\"armed clashes\" Jalisco' --since 2026-02-01\n  \
        tessera search 'oil OR crude -opec' --source Reuters --limit 5 --json"
    )]
    Search(SearchArgs),
    /// Print one stored document: metadata, text, then its entities (kind, aliases, roles,
    /// place), relations and events (type, mode, place, date, actors -> recipients, certainty,
    /// attribution).
    #[command(
        after_help = "Examples:\n  tessera show 3f2a9c\n  tessera show 3f2a9c --sentences\n  tessera show 3f2a9c --json | jq .document.title\n  tessera show 3f2a9c --json | jq '.events[] | {type, place, date}'"
    )]
    Show(ShowArgs),
    /// Extract entities, relations and events from articles and print them as JSON, one object
    /// per document (JSON Lines when there are several).
    #[command(after_help = "Examples:\n  \
        tessera extract article.txt --format json\n  \
        tessera extract ./articles --format pretty\n  \
        tessera extract news.jsonl --input-format jsonl --map text=body | jq '.entities[].name'\n  \
        tessera extract article.txt --format geojson > article.geojson\n  \
        tessera extract ./articles --format ftm > articles.ftm.json\n\n\
        Output fields (stable; new ones may be added):\n  \
        document  {id, title, published, lang, source, url}\n  \
        entities  [{id, kind, name, aliases, alias_evidence, roles, unnamed, country?, place?, mentions}]\n  \
        relations [{subject, predicate, object, role?, evidence, certainty, attribution}]\n  \
        events    [{id, type, mode, contexts, actors, recipients, place, date, fatalities?,\n             \
        certainty, attribution, trigger, evidence}]\n  \
        values    [{kind, start, end, text}]  (dates and numbers)\n  \
        place_references [{start, end, text, kind, place}]  (\"Russian\", \"Ohio State Highway Patrol\")\n\
        Spans are byte offsets into the document text, end-exclusive.")]
    Extract(ExtractArgs),
    /// Tag a CoNLL file: each line back with one predicted IOB2 tag column appended.
    #[command(after_help = "Examples:\n  \
        tessera ner --conll conll2003-en.dev --lang en > predicted.conll   # score with any conlleval\n  \
        tessera ner --conll my.conll --lang es --model es-custom.model.gz")]
    Ner(NerArgs),
    /// Train a model.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Measure Tessera against annotated data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Counts of what is stored: documents, languages, sources, dates, size, and the entities,
    /// relations, events and places found in them.
    #[command(
        after_help = "Examples:\n  tessera stats\n  tessera --db team.db stats --json\n  tessera stats events --by admin1,week,type --json"
    )]
    Stats(StatsArgs),
    /// Link stored documents across the store (entities, event clusters); ingest does this as
    /// it goes, so this finishes a stopped run or, with --full, rebuilds everything.
    #[command(
        after_help = "Examples:\n  tessera resolve\n  tessera resolve --full   # after changing the rules; merges and splits made by hand are kept"
    )]
    Resolve(crate::graph_args::ResolveArgs),
    /// Entities (across documents) whose name, alias or acronym matches.
    #[command(
        after_help = "Examples:\n  tessera entities perez\n  tessera entities FGE --kind ORG --json"
    )]
    Entities(crate::graph_args::EntitiesArgs),
    /// One entity's profile: names, roles, relations, events and documents, each fact with its
    /// document and words; or merge and split entities by hand.
    #[command(after_help = "Examples:\n  \
        tessera entity \"María Pérez Ruiz\"\n  \
        tessera entity E12 --why          # why each document's mention was linked\n  \
        tessera entity merge E12 E40      # E40 becomes part of E12, for good\n  \
        tessera entity split E12 --document 3f2a9c\n\n\
        Merges and splits are recorded by document and survive new ingests and `tessera resolve --full`.")]
    Entity(crate::graph_args::EntityArgs),
    /// Event clusters (one real-world event, all its reports), filtered; latest first.
    #[command(after_help = "Examples:\n  \
        tessera events --type ASSAULT --country MX --since 2026-03-01\n  \
        tessera events --admin1 Sinaloa --min-corroboration 2 --json\n  \
        tessera events --near 24.8,-107.4 --km 30 --actor \"Cártel de Sinaloa\"\n\n\
        --json prints one cluster a line: {id, type, mode, contexts, place, date, actors, recipients,\n\
        fatalities: {best, values}, contradictions, documents, reports, corroboration, credibility, certainty}.")]
    Events(crate::graph_args::EventsArgs),
    /// The shortest connections between two entities through relations, roles and shared
    /// events, each step with its evidence.
    #[command(
        after_help = "Examples:\n  tessera path \"Ricardo Trevilla Trejo\" CJNG\n  tessera path E3 E17 --max-hops 3 --json"
    )]
    Path(crate::graph_args::PathArgs),
    /// An entity's or a place's dated events and facts, in order.
    #[command(
        after_help = "Examples:\n  tessera timeline \"Claudia Sheinbaum\"\n  tessera timeline --place Sinaloa --json\n  tessera timeline --place Culiacán --km 40"
    )]
    Timeline(crate::graph_args::TimelineArgs),
    /// Event clusters and their entities for other tools: ACLED-style CSV (R, pandas, DuckDB),
    /// GeoJSON (QGIS, geopandas), GraphML and GEXF (Gephi, networkx), FollowTheMoney (Aleph),
    /// Parquet (DuckDB, pandas), JSON Lines.
    #[command(after_help = "Examples:\n  \
        tessera export acled --country MX --since 2026-01-01 -o events.csv\n  \
        tessera export geojson --type PROTEST --entities -o protests.geojson\n  \
        tessera export graphml -o network.graphml     # every entity, relation and shared event\n  \
        tessera export gexf --admin1 Sinaloa -o sinaloa.gexf\n  \
        tessera export ftm -o entities.ftm.json        # load into Aleph: ftm, alephclient\n  \
        tessera export parquet -o tables/              # tables/events.parquet, tables/entities.parquet\n  \
        tessera export jsonl > everything.jsonl\n\n\
        Takes the filters of `tessera events`; with none, exports the whole store. ACLED's columns and\n\
        the mapping from PLOVER types are documented in the README.")]
    Export(crate::graph_args::ExportArgs),
    /// A situation brief as one self-contained HTML page: headline counts, a map, a timeline,
    /// key actors, each event with its certainty, corroboration, contradictions and evidence,
    /// and the sources. It opens offline; nothing on it runs.
    #[command(after_help = "Examples:\n  \
        tessera report --place Jalisco -o jalisco.html\n  \
        tessera report --place Culiacán --km 40 --since 2026-03-01\n  \
        tessera report --entity \"Cártel de Sinaloa\" --pdf cds.pdf\n  \
        tessera report --query '\"toma de casetas\" OR bloqueo' --limit 50\n\n\
        For a state or country, the brief covers the events in it and the events elsewhere that the\n\
        same reports describe with the same actors (marked as linked). --pdf needs Chromium.")]
    Report(crate::graph_args::ReportArgs),
    /// Open the store in a browser: an HTTP API and the web app (map, graph, timeline, reader).
    #[command(after_help = "Examples:\n  \
        tessera serve                                   # http://127.0.0.1:7800, this machine only\n  \
        tessera --db team.db serve --bind 127.0.0.1:9000\n  \
        TESSERA_TOKEN=s3cret tessera serve --bind 0.0.0.0:7800   # others may connect, with the token\n  \
        curl -H 'Authorization: Bearer s3cret' 'http://host:7800/api/events?type=ASSAULT&country=MX'\n\n\
        Listening on any address but loopback needs --token (or TESSERA_TOKEN); every request must then\n\
        carry it (Authorization: Bearer TOKEN, or open the app once with ?token=TOKEN). The API is\n\
        described at /api/openapi.json. Ctrl-C stops the server.")]
    Serve(ServeArgs),
    /// Outlets and wires: list them, or set one's reliability grade.
    #[command(
        subcommand,
        after_help = "Examples:\n  tessera source list\n  tessera source set Reuters --grade B"
    )]
    Source(crate::graph_args::SourceCommand),
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders (recursive), http(s) URLs, or - for stdin.
    #[arg(required = true, value_name = "PATH|URL")]
    pub inputs: Vec<String>,
    /// Force the input format: text, markdown, jsonl, html, feed. Default: by extension, then by content.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// JSON Lines field mapping, e.g. title=headline,text=body,date=date,source=Source,url=link.
    #[arg(long, value_name = "FIELD=KEY,...")]
    pub map: Option<String>,
    /// Source (outlet) to record for documents that do not name one.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Only files matching this glob inside folders (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip files matching this glob inside folders (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Refuse any single document, file or line larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_doc_bytes: u64,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 512)]
    pub batch_size: usize,
    /// Worker threads for analysis (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Only segment: skip name recognition and geocoding (faster; no mentions are stored).
    #[arg(long)]
    pub segment_only: bool,
    /// Store without linking across documents (entities, event clusters); run `tessera
    /// resolve` later. For bulk loads.
    #[arg(long)]
    pub no_resolve: bool,
    /// Also list each duplicate (already stored) with where it was first read.
    #[arg(long)]
    pub list_duplicates: bool,
    /// Print the summary, failures and duplicates as one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to search for (several words are joined).
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only documents in this language (ISO code: en, es, ...).
    #[arg(long)]
    pub lang: Option<String>,
    /// Only documents published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<chrono::NaiveDate>,
    /// Only documents published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<chrono::NaiveDate>,
    /// Only documents from this source (case-insensitive).
    #[arg(long)]
    pub source: Option<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// One JSON object per line: id, title, published, source, lang, snippet, highlights, score.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A document id, or a unique prefix of one (as printed by search and ingest).
    #[arg(value_name = "DOC_ID")]
    pub id: String,
    /// List the sentences with their byte spans instead of the running text.
    #[arg(long)]
    pub sentences: bool,
    /// The document and its layers as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, folders, http(s) URLs, or - for stdin.
    #[arg(required = true, value_name = "PATH|URL")]
    pub inputs: Vec<String>,
    /// Output format: json and jsonl print one compact object per line (JSON Lines), pretty
    /// indents each object; acled, geojson, graphml, gexf and ftm write what `tessera export`
    /// would for a store holding only these articles.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,
    /// The same as --format pretty.
    #[arg(long)]
    pub pretty: bool,
    /// Force the input format: text, markdown, jsonl, html, feed.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<String>,
    /// JSON Lines field mapping, as for ingest.
    #[arg(long, value_name = "FIELD=KEY,...")]
    pub map: Option<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum OutputFormat {
    Json,
    Jsonl,
    Pretty,
    Acled,
    Geojson,
    Graphml,
    Gexf,
    Ftm,
}

impl OutputFormat {
    /// The export format this is, when it is one.
    pub fn export(self) -> Option<tessera_export::Format> {
        use tessera_export::Format;
        match self {
            OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Pretty => None,
            OutputFormat::Acled => Some(Format::Acled),
            OutputFormat::Geojson => Some(Format::Geojson),
            OutputFormat::Graphml => Some(Format::Graphml),
            OutputFormat::Gexf => Some(Format::Gexf),
            OutputFormat::Ftm => Some(Format::Ftm),
        }
    }
}

#[derive(Debug, Args)]
pub struct NerArgs {
    /// A CoNLL file: one token per line (token first), blank lines between sentences.
    #[arg(long, value_name = "FILE")]
    pub conll: std::path::PathBuf,
    /// Which shipped model to use: en or es.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Lang,
    /// Use this model file instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<std::path::PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train a named-entity model (averaged perceptron) on CoNLL data; prints dev F1 after each epoch.
    #[command(after_help = "Examples:\n  \
        tessera train ner --lang en --train conll2003-en.train --dev conll2003-en.dev --out en.model.gz\n  \
        tessera train ner --lang es --train conll2002-es.train --dev conll2002-es.dev --out es.model.gz --epochs 25\n\n\
        Training is deterministic for a given --seed. The shipped models were trained with the defaults\n\
        and --gazetteer assets/geo/gazetteer.tsv.gz (the English one also with --raw-text reuters21578.jsonl\n\
        and --clusters assets/ner/en.clusters.gz, made by `tessera train clusters` with its defaults from\n\
        reuters21578.jsonl, conll2003-en.train and en_ewt-ud-train.conllu).")]
    Ner(TrainNerArgs),
    /// Train a part-of-speech tagger, dependency parser and relation labeller on a CoNLL-U treebank.
    #[command(after_help = "Examples:\n  \
        tessera train parse --lang en --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu --out en.model.gz \\\n      --extra-tags conll2003-en.train --clusters assets/ner/en.clusters.gz\n  \
        tessera train parse --lang es --train es_gsd-ud-train.conllu --out es.model.gz --parser-epochs 15 \\\n      --min-updates 1 --clusters es.clusters.gz\n\n\
        Training is deterministic for a given --seed. The shipped models (assets/parse/) were trained\n\
        as above on the English EWT and Spanish GSD treebanks of Universal Dependencies, the English\n\
        one with --extra-tags conll2003-en.train (newswire with Penn Treebank tags); the Spanish\n\
        clusters come from `tessera train clusters` with its defaults over spanish-news-mx.train.jsonl,\n\
        spanish-news-mx.dev.jsonl, conll2002-es.train and es_gsd-ud-train.conllu.")]
    Parse(TrainParseArgs),
    /// Learn word clusters from unlabelled text (bit paths, like Brown clusters) for `train ner --clusters`.
    #[command(after_help = "Examples:\n  \
        tessera train clusters --text reuters21578.jsonl --text conll2003-en.train --out en.clusters.gz\n  \
        tessera train clusters --text spanish-news-mx.train.jsonl --text conll2002-es.train --out es.clusters.gz\n\n\
        Words are described by their left and right neighbours (positive PMI over the most frequent\n\
        words) and split in two again and again by spherical 2-means; a word's cluster is its path\n\
        down that tree. Deterministic. The shipped clusters are in assets/ner/ (see the README).")]
    Clusters(TrainClustersArgs),
}

#[derive(Debug, Args)]
pub struct TrainParseArgs {
    #[command(flatten)]
    pub files: TrainFiles,
    /// Passes of the tagger over the training data.
    #[arg(long, default_value_t = 8)]
    pub tagger_epochs: usize,
    /// Passes of the parser over the training data.
    #[arg(long, default_value_t = 12)]
    pub parser_epochs: usize,
    /// Passes of the relation labeller over the training data.
    #[arg(long, default_value_t = 8)]
    pub labeller_epochs: usize,
    /// More tagger training text, in the CoNLL-2003 format (word, Penn Treebank tag, ...),
    /// mapped to universal tags (repeatable). News text here teaches news vocabulary.
    #[arg(long, value_name = "FILE")]
    pub extra_tags: Vec<std::path::PathBuf>,
    /// Word clusters from `tessera train clusters`, for the tagger's cluster features; they are
    /// kept in the model.
    #[arg(long, value_name = "FILE")]
    pub clusters: Option<std::path::PathBuf>,
    /// Features updated fewer times than this in training are left out of the model.
    #[arg(long, default_value_t = 2)]
    pub min_updates: u32,
    /// Seed for the order of training sentences.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct EvalParseArgs {
    /// Gold CoNLL-U treebank.
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "tagged",
        conflicts_with = "tagged"
    )]
    pub conllu: Option<std::path::PathBuf>,
    /// Score tags only, against text in the CoNLL-2003 format with Penn Treebank tags mapped to
    /// universal ones (newswire: how the tagger does on news).
    #[arg(long, value_name = "FILE")]
    pub tagged: Option<std::path::PathBuf>,
    /// Language of the shipped model to score.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Lang,
    /// Score this model file instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<std::path::PathBuf>,
}

/// The files every `train` command takes.
#[derive(Debug, Args)]
pub struct TrainFiles {
    /// Language: en or es (selects the default settings).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Lang,
    /// Training data (CoNLL for ner, CoNLL-U for parse).
    #[arg(long, value_name = "FILE")]
    pub train: std::path::PathBuf,
    /// Held-out data in the same format, scored during or after training.
    #[arg(long, value_name = "FILE")]
    pub dev: Option<std::path::PathBuf>,
    /// Where to write the model (gzip-compressed).
    #[arg(long, value_name = "FILE")]
    pub out: std::path::PathBuf,
}

#[derive(Debug, Args)]
pub struct TrainNerArgs {
    #[command(flatten)]
    pub files: TrainFiles,
    /// Passes over the training data (default: the language's shipped setting).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Seed for the order of training documents.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Tessera's gazetteer file, whose place names become word features.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<std::path::PathBuf>,
    /// Raw news text (JSON Lines or plain text) for capitalisation statistics (repeatable).
    #[arg(long, value_name = "FILE")]
    pub raw_text: Vec<std::path::PathBuf>,
    /// Word clusters from `tessera train clusters`, for cluster features.
    #[arg(long, value_name = "FILE")]
    pub clusters: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct TrainClustersArgs {
    /// Raw text: JSON Lines news (text fields title, body, text, Text, headline, content), CoNLL
    /// or CoNLL-U files (first column; `.conll`, `.conllu`, `.train`, `.dev`), or plain text, one
    /// paragraph a line (repeatable).
    #[arg(long, value_name = "FILE", required = true)]
    pub text: Vec<std::path::PathBuf>,
    /// Where to write the clusters (gzip-compressed `path<TAB>word<TAB>count` lines).
    #[arg(long, value_name = "FILE")]
    pub out: std::path::PathBuf,
    /// Words seen fewer times get no cluster.
    #[arg(long, default_value_t = 2)]
    pub min_count: u32,
    /// Most words clustered (the most frequent).
    #[arg(long, default_value_t = 80_000)]
    pub max_words: usize,
    /// Context words (the most frequent), as left and right neighbours.
    #[arg(long, default_value_t = 8_000)]
    pub contexts: usize,
    /// Deepest cluster path, in bits.
    #[arg(long, default_value_t = 20)]
    pub depth: u32,
    /// Neighbours on each side that describe a word.
    #[arg(long, default_value_t = 1)]
    pub window: usize,
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Named-entity recognition: exact-span precision, recall and F1 per type (conlleval semantics).
    #[command(
        after_help = "Examples:\n  tessera eval ner --conll conll2003-en.dev --lang en\n  tessera eval ner --conll conll2002-es.dev --lang es"
    )]
    Ner(NerArgs),
    /// Geocoding against gold toponyms in the TR-News JSON Lines format.
    #[command(after_help = "Examples:\n  \
        tessera eval geo --jsonl tr_news.jsonl --gold-spans   # resolution of the gold place spans\n  \
        tessera eval geo --jsonl tr_news.jsonl                # recognition and resolution\n  \
        tessera eval geo --jsonl tr_news.jsonl --gold-spans --misses   # and each wrong resolution\n\n\
        Reports the share of gold toponyms resolved to the exact GeoNames id, to the right country,\n\
        and within 161 km of the gold point; end to end, also recognition precision/recall/F1.")]
    Geo(EvalGeoArgs),
    /// Event coding against PLOVER gold sentences: type accuracy per type, actors, confusions.
    #[command(after_help = "Examples:\n  \
        tessera eval events --plover plover-gsr.jsonl\n\n\
        Gold records use the older 18 PLOVER categories; DEMAND is scored as REQUEST, DISAPPROVE as\n\
        ACCUSE, FIGHT as ASSAULT. INVESTIGATE has no successor among the 16 types and is reported apart.")]
    Events(EvalEventsArgs),
    /// Syntax against a gold CoNLL-U treebank: UPOS accuracy, UAS and LAS over every word.
    #[command(after_help = "Examples:\n  \
        tessera eval parse --conllu en_ewt-ud-dev.conllu --lang en\n  \
        tessera eval parse --conllu es_gsd-ud-dev.conllu --lang es --model es-custom.model.gz\n  \
        tessera eval parse --tagged conll2003-en.dev --lang en     # tags on news, Penn tags mapped\n\n\
        Words are the treebank's syntactic words (contractions split); punctuation is counted, as in\n\
        the CoNLL 2018 shared task.")]
    Parse(EvalParseArgs),
    /// Entity merges and event clusters across documents, against multi-article stories
    /// (folders of articles with a gold.json each).
    #[command(after_help = "Examples:\n  \
        tessera eval stories --dir fixtures/stories\n  \
        tessera eval stories --dir fixtures/stories --keep-db stories.db --misses\n\n\
        Every article goes into one fresh store; merges and clusters are scored by pairs.")]
    Stories(EvalStoriesArgs),
}

#[derive(Debug, Args)]
pub struct EvalStoriesArgs {
    /// A folder of story folders, each with articles (*.txt) and gold.json.
    #[arg(long, value_name = "DIR")]
    pub dir: std::path::PathBuf,
    /// Keep the store built for scoring here (it must not exist), to query it afterwards.
    #[arg(long, value_name = "FILE")]
    pub keep_db: Option<std::path::PathBuf>,
    /// Also list every miss: names and reports not found, wrong merges and clusters.
    #[arg(long)]
    pub misses: bool,
}

#[derive(Debug, Args)]
pub struct EvalEventsArgs {
    /// Gold data: one PLOVER record per line (sentence, event type, source and target actors).
    #[arg(long, value_name = "FILE")]
    pub plover: std::path::PathBuf,
}

#[derive(Debug, Args)]
pub struct EvalGeoArgs {
    /// Gold data: one article per line with its toponyms (TR-News format).
    #[arg(long, value_name = "FILE")]
    pub jsonl: std::path::PathBuf,
    /// Resolve the gold spans instead of the recogniser's (measures resolution alone).
    #[arg(long)]
    pub gold_spans: bool,
    /// Also list every toponym resolved to another place or not at all, one a line
    /// (document, offset, text, gold id, chosen id, chosen name, distance).
    #[arg(long)]
    pub misses: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(subcommand)]
    pub what: Option<crate::graph_args::StatsCommand>,
    #[arg(long)]
    pub json: bool,
}

/// A language code from the command line (`en`, `es`, or any ISO 639 code).
fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::parse(code).ok_or_else(|| {
        format!("{code:?} is not a language code (two or three lowercase letters: en, es)")
    })
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7800")]
    pub bind: std::net::SocketAddr,
    /// A secret every request must carry; required to listen beyond this machine.
    #[arg(long, env = "TESSERA_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Largest request body accepted, in bytes (an ingested article).
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_body: usize,
    /// An origin (https://host:port) whose pages may call the API; CORS is off without it.
    #[arg(long, value_name = "ORIGIN")]
    pub cors_origin: Option<String>,
}
