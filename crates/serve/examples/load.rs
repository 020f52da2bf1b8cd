//! A bounded load generator for `tessera serve`, on loopback: a fixed number of requests per
//! path (or a time limit, whichever comes first) from a few keep-alive clients, then requests per
//! second and latency percentiles per path. `benches/serve-load.sh` runs it against a server
//! on the Reuters and Spanish store.
//!
//! cargo run --release -p tessera-serve --example load -- \
//!     --url http://127.0.0.1:7800 --requests 2000 --clients 4 --seconds 60 \
//!     '/api/events?type=PROTEST&limit=50' '/api/entities/Reuters'

use std::time::{Duration, Instant};

struct Options {
    url: String,
    requests: usize,
    clients: usize,
    seconds: u64,
    paths: Vec<String>,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        url: "http://127.0.0.1:7800".into(),
        requests: 1000,
        clients: 4,
        seconds: 60,
        paths: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--url" => o.url = value("--url")?,
            "--requests" => {
                o.requests = value("--requests")?
                    .parse()
                    .map_err(|e| format!("--requests: {e}"))?
            }
            "--clients" => {
                o.clients = value("--clients")?
                    .parse()
                    .map_err(|e| format!("--clients: {e}"))?
            }
            "--seconds" => {
                o.seconds = value("--seconds")?
                    .parse()
                    .map_err(|e| format!("--seconds: {e}"))?
            }
            path if path.starts_with('/') => o.paths.push(path.to_string()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if !o.url.starts_with("http://127.") && !o.url.starts_with("http://localhost") {
        return Err(format!("{}: loopback only", o.url));
    }
    if o.paths.is_empty() || o.clients == 0 {
        return Err("give at least one path (/api/...) and one client".into());
    }
    Ok(o)
}

fn main() {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    println!("path\trequests\terrors\treq/s\tp50 ms\tp99 ms\tmax ms");
    let mut failed = false;
    for path in &o.paths {
        let deadline = Instant::now() + Duration::from_secs(o.seconds);
        let per_client = o.requests.div_ceil(o.clients);
        let started = Instant::now();
        let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..o.clients)
                .map(|_| {
                    let url = format!("{}{path}", o.url);
                    scope.spawn(move || run_client(&url, per_client, deadline))
                })
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        let elapsed = started.elapsed().as_secs_f64();
        let mut times: Vec<Duration> = results
            .iter()
            .flat_map(|(t, _)| t.iter().copied())
            .collect();
        let errors: usize = results.iter().map(|(_, e)| e).sum();
        times.sort();
        let pct = |p: f64| {
            times
                .get(((times.len() as f64 * p).ceil() as usize).saturating_sub(1))
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        println!(
            "{path}\t{}\t{errors}\t{:.0}\t{:.2}\t{:.2}\t{:.2}",
            times.len() + errors,
            (times.len() + errors) as f64 / elapsed,
            pct(0.5),
            pct(0.99),
            pct(1.0)
        );
        failed |= errors > 0;
    }
    if failed {
        eprintln!("error: some requests failed");
        std::process::exit(1);
    }
}

/// `n` requests in turn on one keep-alive connection, stopping at the deadline; the time of
/// each success and the number of failures (transport errors or non-200 answers).
fn run_client(url: &str, n: usize, deadline: Instant) -> (Vec<Duration>, usize) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let (mut times, mut errors) = (Vec::with_capacity(n), 0);
    for _ in 0..n {
        if Instant::now() > deadline {
            break;
        }
        let t = Instant::now();
        match agent.get(url).call() {
            Ok(mut r) if r.status() == 200 => {
                // The whole body, as a client would read it.
                if r.body_mut()
                    .with_config()
                    .limit(64 << 20)
                    .read_to_vec()
                    .is_ok()
                {
                    times.push(t.elapsed());
                } else {
                    errors += 1;
                }
            }
            _ => errors += 1,
        }
    }
    (times, errors)
}
