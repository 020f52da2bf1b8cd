//! Prints the embedded gazetteer's load time and the process's resident memory after loading
//! (VmRSS, Linux), before and after resolving a document.
//!
//! `cargo run --release -p tessera-geo --example geo_memory`

use std::time::Instant;
use tessera_geo::{Gazetteer, GeoContext, Geocoder, PlaceMention};

fn resident_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(|l| l.trim().to_string())
        })
        .unwrap_or_else(|| "VmRSS: unavailable on this system".to_string())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("before loading: {}", resident_memory());
    let started = Instant::now();
    let gazetteer = Gazetteer::embedded()?;
    println!(
        "loaded {} places under {} names in {:.3} s",
        gazetteer.len(),
        gazetteer.name_count(),
        started.elapsed().as_secs_f64()
    );
    println!("after loading: {}", resident_memory());
    let text = "Clashes in Jalisco and Michoacán after the operation in Tapalpa, Jalisco.";
    let mentions = PlaceMention::every_occurrence(text, &["Jalisco", "Michoacán", "Tapalpa"]);
    let resolved = Geocoder::new(&gazetteer).resolve_document(&GeoContext::new(text), &mentions);
    println!(
        "resolved {} mentions; {}",
        resolved.len(),
        resident_memory()
    );
    Ok(())
}
