//! `tessera eval parse` scores the shipped syntax model on a treebank file, and a malformed
//! file is an error naming the file and line. The sentences are our own.

use std::process::Command;

fn tessera() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tessera"))
}

#[test]
fn scores_a_small_treebank() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.conllu");
    std::fs::write(
        &path,
        "# text = The soldiers arrested two men.\n\
         1\tThe\tthe\tDET\t_\t_\t2\tdet\t_\t_\n\
         2\tsoldiers\tsoldier\tNOUN\t_\t_\t3\tnsubj\t_\t_\n\
         3\tarrested\tarrest\tVERB\t_\t_\t0\troot\t_\t_\n\
         4\ttwo\ttwo\tNUM\t_\t_\t5\tnummod\t_\t_\n\
         5\tmen\tman\tNOUN\t_\t_\t3\tobj\t_\t_\n\
         6\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n",
    )
    .unwrap();
    let output = tessera()
        .args(["eval", "parse", "--lang", "en", "--conllu"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("words 6  UPOS "), "{stdout}");
    assert!(stdout.contains("UAS 1.0000"), "{stdout}");
}

#[test]
fn a_malformed_treebank_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.conllu");
    std::fs::write(&path, "# a comment\n1\tWord\tword\tNOUN\t_\t_\n").unwrap();
    let output = tessera()
        .args(["eval", "parse", "--lang", "en", "--conllu"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.conllu:2:"), "{stderr}");
    assert!(stderr.contains("10 tab-separated fields"), "{stderr}");
}
