//! Reads the inputs given on the command line and prints how many records and errors they
//! yield, each distinct error, and how long reading took.
//!
//! `cargo run --release -p tessera-read --example count_records -- INPUT...`

use std::time::Instant;
use tessera_read::{ReadOptions, read_inputs};

fn main() {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    if inputs.is_empty() {
        eprintln!("usage: count_records INPUT...");
        std::process::exit(2);
    }
    let started = Instant::now();
    let (mut records, mut errors, mut text_bytes) = (0u64, 0u64, 0u64);
    let mut without_date = 0u64;
    for result in read_inputs(inputs, ReadOptions::default()) {
        match result {
            Ok(record) => {
                records += 1;
                text_bytes += record.text.len() as u64;
                without_date += u64::from(record.meta.published.is_none());
            }
            Err(error) => {
                errors += 1;
                println!("error: {error}");
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} items: {records} records, {errors} errors; {without_date} records without a date; \
         {text_bytes} text bytes; {seconds:.3} s ({:.0} records/s)",
        records + errors,
        records as f64 / seconds
    );
}
