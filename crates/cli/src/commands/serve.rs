//! `tessera serve`: the HTTP API and the web app over the store.

use super::Outcome;
use crate::args::ServeArgs;
use std::io::Write;
use std::path::Path;

pub fn run(db: &Path, args: ServeArgs) -> anyhow::Result<Outcome> {
    let config = tessera_serve::ServeConfig {
        bind: args.bind,
        token: args.token.filter(|t| !t.is_empty()),
        max_body_bytes: args.max_body,
        cors_origin: args.cors_origin,
        ..tessera_serve::ServeConfig::new(db)
    };
    tessera_serve::run(config, |addr| {
        // On standard output, flushed: scripts and tests wait for this line to know the port.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{addr}");
        let _ = out.flush();
        eprintln!("serving {} (Ctrl-C stops)", db.display());
    })?;
    Ok(Outcome::Success)
}
