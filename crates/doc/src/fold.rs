//! Comparing words as readers do: case and the accents of Latin scripts aside ("Michoacán" =
//! "michoacan", "Cártel" = "cartel"), with the typographic apostrophe as the plain one.

/// The plain form of a lowercase character: accents removed, `’` as `'`.
pub fn fold_char(lower: char) -> char {
    match lower {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        '’' => '\'',
        other => other,
    }
}

/// `text` in lowercase without accents.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents_aside() {
        assert_eq!(fold("Michoacán"), "michoacan");
        assert_eq!(fold("CÁRTEL Año"), "cartel ano");
        assert_eq!(fold("Cervantes’"), "cervantes'");
    }
}
