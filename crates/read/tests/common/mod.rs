//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use tessera_read::{ReadError, ReadOptions, SourceRecord, read_inputs};

pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

pub fn read(inputs: &[String], options: ReadOptions) -> Vec<Result<SourceRecord, ReadError>> {
    read_inputs(inputs.to_vec(), options).collect()
}

pub fn read_one_input(input: &str) -> Vec<Result<SourceRecord, ReadError>> {
    read(&[input.to_string()], ReadOptions::default())
}

pub fn only_record(input: &str) -> SourceRecord {
    let mut results = read_one_input(input);
    assert_eq!(results.len(), 1, "{results:?}");
    results.remove(0).expect("one record")
}

pub fn only_error(input: &str, options: ReadOptions) -> ReadError {
    let mut results = read(&[input.to_string()], options);
    assert_eq!(results.len(), 1, "{results:?}");
    results.remove(0).expect_err("one error")
}
