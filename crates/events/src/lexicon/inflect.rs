//! Inflected forms of trigger words, generated once when the lexicon is built: English verbs
//! (-s, -ed, -ing, with e-dropping, y→i and consonant doubling) and nouns (plurals), Spanish
//! verbs of the three conjugations (the third-person, participle, gerund, future, conditional
//! and subjunctive forms news prose uses, with c→qu, g→gu, z→c before e) and nouns.
//!
//! A rule may overgenerate a form no one writes ("visitted"): it then never matches, which is
//! harmless. Irregular forms are listed beside the lemma in the lexicon.

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Whether an English word ends consonant-vowel-consonant, so its last letter may double
/// ("ban" → "banned", "kidnap" → "kidnapped").
fn ends_cvc(word: &str) -> bool {
    let chars: Vec<char> = word.chars().rev().take(3).collect();
    matches!(chars.as_slice(), [c, v, p] if !is_vowel(*c) && !matches!(c, 'w' | 'x' | 'y')
        && is_vowel(*v) && !is_vowel(*p))
}

pub(crate) fn english_verb(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_string()];
    let stem_y = lemma
        .strip_suffix('y')
        .filter(|s| s.chars().last().is_some_and(|c| !is_vowel(c)));
    // Third person.
    forms.push(if let Some(stem) = stem_y {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    });
    // Past.
    if let Some(stem) = stem_y {
        forms.push(format!("{stem}ied"));
    } else if lemma.ends_with('e') {
        forms.push(format!("{lemma}d"));
    } else {
        forms.push(format!("{lemma}ed"));
    }
    // Present participle.
    if let Some(stem) = lemma.strip_suffix("ie") {
        forms.push(format!("{stem}ying"));
    } else if lemma.ends_with('e') && !lemma.ends_with("ee") {
        forms.push(format!("{}ing", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}ing"));
    }
    if ends_cvc(lemma)
        && let Some(last) = lemma.chars().last()
    {
        forms.push(format!("{lemma}{last}ed"));
        forms.push(format!("{lemma}{last}ing"));
    }
    forms
}

pub(crate) fn english_noun(lemma: &str) -> Vec<String> {
    let plural = if let Some(stem) = lemma
        .strip_suffix('y')
        .filter(|s| s.chars().last().is_some_and(|c| !is_vowel(c)))
    {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    vec![lemma.to_string(), plural]
}

/// The stem before a Spanish ending that starts with `e`: c→qu, g→gu, z→c ("atacar" →
/// "ataqu-e", "negar" → "negu-e", "lanzar" → "lanc-e").
fn spanish_soft_stem(stem: &str) -> String {
    if let Some(s) = stem.strip_suffix('c') {
        format!("{s}qu")
    } else if let Some(s) = stem.strip_suffix('g') {
        format!("{s}gu")
    } else if let Some(s) = stem.strip_suffix('z') {
        format!("{s}c")
    } else {
        stem.to_string()
    }
}

pub(crate) fn spanish_verb(lemma: &str) -> Vec<String> {
    // Reflexive infinitives ("enfrentarse") inflect as their base.
    let base = lemma.strip_suffix("se").unwrap_or(lemma);
    let Some(stem) = base
        .strip_suffix("ar")
        .or_else(|| base.strip_suffix("er"))
        .or_else(|| base.strip_suffix("ir"))
    else {
        return vec![lemma.to_string()];
    };
    let mut forms: Vec<String> = vec![base.to_string(), format!("{base}se")];
    let future = ["á", "án", "ía", "ían"];
    forms.extend(future.iter().map(|e| format!("{base}{e}")));
    if base.ends_with("ar") {
        let soft = spanish_soft_stem(stem);
        let endings = [
            "a", "an", "ó", "aron", "aba", "aban", "ado", "ada", "ados", "adas", "ando", "amos",
        ];
        forms.extend(endings.iter().map(|e| format!("{stem}{e}")));
        forms.extend(["e", "en", "é"].iter().map(|e| format!("{soft}{e}")));
    } else {
        let endings = [
            "e", "en", "ió", "ieron", "ía", "ían", "ido", "ida", "idos", "idas", "iendo", "a",
            "an", "imos", "emos",
        ];
        forms.extend(endings.iter().map(|e| format!("{stem}{e}")));
    }
    forms
}

pub(crate) fn spanish_noun(lemma: &str) -> Vec<String> {
    let plural = if let Some(stem) = lemma.strip_suffix("ón") {
        format!("{stem}ones")
    } else if let Some(stem) = lemma.strip_suffix('z') {
        format!("{stem}ces")
    } else if lemma.chars().last().is_some_and(is_vowel) || lemma.ends_with('é') {
        format!("{lemma}s")
    } else {
        format!("{lemma}es")
    };
    vec![lemma.to_string(), plural]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_verbs_inflect() {
        let has = |lemma: &str, form: &str| english_verb(lemma).iter().any(|f| f == form);
        assert!(
            has("attack", "attacked") && has("attack", "attacking") && has("attack", "attacks")
        );
        assert!(has("seize", "seized") && has("seize", "seizing"));
        assert!(has("kidnap", "kidnapped") && has("ban", "banned"));
        assert!(has("deny", "denied") && has("deny", "denies"));
        assert!(has("die", "dying") && has("die", "died"));
        assert!(has("clash", "clashes"));
    }

    #[test]
    fn english_nouns_pluralise() {
        assert_eq!(english_noun("clash"), ["clash", "clashes"]);
        assert_eq!(english_noun("casualty"), ["casualty", "casualties"]);
    }

    #[test]
    fn spanish_verbs_inflect() {
        let has = |lemma: &str, form: &str| spanish_verb(lemma).iter().any(|f| f == form);
        assert!(has("atacar", "atacaron") && has("atacar", "ataquen") && has("atacar", "atacó"));
        assert!(has("detener", "detenido") && has("exigir", "exigieron"));
        assert!(has("enfrentarse", "enfrentaron") && has("bloquear", "bloquearán"));
        assert!(has("lanzar", "lancen"));
    }

    #[test]
    fn spanish_nouns_pluralise() {
        assert_eq!(spanish_noun("detención"), ["detención", "detenciones"]);
        assert_eq!(spanish_noun("ataque"), ["ataque", "ataques"]);
        assert_eq!(spanish_noun("arma"), ["arma", "armas"]);
    }
}
