//! The shipped models load and read the core of a plain clause the way the events stage
//! needs: subject, object, passive subject and agent. The sentences are our own.

use tessera_doc::Lang;
use tessera_parse::SyntaxModel;

fn relation_of(model: &SyntaxModel, words: &[&str], word: &str) -> (String, Option<String>) {
    let analysis = model.analyse(words);
    let index = words
        .iter()
        .position(|w| *w == word)
        .expect("word in sentence");
    let head = analysis.heads[index].map(|h| words[h as usize].to_string());
    (
        model
            .relation_name(analysis.relation_ids[index])
            .to_string(),
        head,
    )
}

#[test]
fn english_subject_and_object() {
    let model = SyntaxModel::embedded(Lang::EN).expect("English model ships");
    let words = [
        "The", "soldiers", "arrested", "two", "men", "near", "the", "bridge", ".",
    ];
    assert_eq!(
        relation_of(&model, &words, "soldiers"),
        ("nsubj".into(), Some("arrested".into()))
    );
    assert_eq!(
        relation_of(&model, &words, "men"),
        ("obj".into(), Some("arrested".into()))
    );
    assert_eq!(relation_of(&model, &words, "arrested").0, "root");
}

#[test]
fn english_passive_with_agent() {
    let model = SyntaxModel::embedded(Lang::EN).expect("English model ships");
    let words = [
        "Three", "farmers", "were", "detained", "by", "the", "police", ".",
    ];
    assert_eq!(
        relation_of(&model, &words, "farmers"),
        ("nsubj:pass".into(), Some("detained".into()))
    );
    assert_eq!(
        relation_of(&model, &words, "police"),
        ("obl:agent".into(), Some("detained".into()))
    );
}

#[test]
fn spanish_subject_and_object() {
    let model = SyntaxModel::embedded(Lang::ES).expect("Spanish model ships");
    let words = [
        "La", "policía", "detuvo", "a", "cuatro", "hombres", "en", "la", "plaza", ".",
    ];
    assert_eq!(
        relation_of(&model, &words, "policía"),
        ("nsubj".into(), Some("detuvo".into()))
    );
    assert_eq!(
        relation_of(&model, &words, "hombres").1,
        Some("detuvo".into())
    );
}

#[test]
fn unsupported_languages_have_no_model() {
    assert!(SyntaxModel::embedded(Lang::parse("fr").expect("a code")).is_err());
}
