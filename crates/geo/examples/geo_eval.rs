//! Scores the geocoder on a TR-News-format file with gold spans, until the CLI's
//! `tessera eval geo` exists.
//!
//! `cargo run --release -p tessera-geo --example geo_eval -- FILE [--errors]`

use std::path::PathBuf;
use std::time::Instant;
use tessera_geo::eval::{evaluate_gold_spans, read_tr_news};
use tessera_geo::{Gazetteer, GeoContext, Geocoder, haversine_km};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().ok_or("usage: geo_eval FILE [--errors]")?);
    let show_errors = args.any(|a| a == "--errors");
    let started = Instant::now();
    let gazetteer = Gazetteer::embedded()?;
    eprintln!(
        "gazetteer: {} places loaded in {:.2?}",
        gazetteer.len(),
        started.elapsed()
    );
    let documents = read_tr_news(&path)?.documents;
    let geocoder = Geocoder::new(&gazetteer);
    let started = Instant::now();
    let scores = evaluate_gold_spans(&geocoder, &documents);
    eprintln!("resolved in {:.2?}", started.elapsed());
    println!("{scores}");
    if show_errors {
        for document in &documents {
            let country = document.publication_country();
            let ctx = GeoContext::new(&document.text).with_publication_country(country.as_deref());
            let resolved = geocoder.resolve_document(&ctx, &document.gold_mentions());
            for (gold, got) in document.toponyms.iter().zip(resolved) {
                let (Some(id), Some(lat), Some(lon)) = (gold.geonames_id, gold.lat, gold.lon)
                else {
                    continue;
                };
                match got {
                    Some(r) if r.geonames_id == id => {}
                    Some(r) => println!(
                        "MISS\t{}\t{}\tgold {}\tgot {} {} {:?} {}\t{:.0} km",
                        document.id,
                        gold.text,
                        id,
                        r.geonames_id,
                        r.name,
                        r.feature,
                        r.country,
                        haversine_km(r.lat, r.lon, lat, lon)
                    ),
                    None => println!("NONE\t{}\t{}\tgold {}", document.id, gold.text, id),
                }
            }
        }
    }
    Ok(())
}
