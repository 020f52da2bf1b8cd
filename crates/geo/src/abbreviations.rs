//! Postal and press abbreviations of Mexican and US states and Canadian provinces ("Jal.",
//! "N.L.", "Calif.", "Tex.", "Ont."), as datelines and local news write them, with the names the
//! gazetteer knows.

/// The state an abbreviation stands for, and its country.
pub fn state_for_abbreviation(text: &str) -> Option<(&'static str, &'static str)> {
    let key: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let key = key.trim_end_matches('.');
    STATES
        .iter()
        .find(|(abbreviation, _, _)| abbreviation.trim_end_matches('.') == key)
        .map(|(_, name, country)| (*name, *country))
}

#[rustfmt::skip]
const STATES: &[(&str, &str, &str)] = &[
    ("Ags.", "Aguascalientes", "MX"), ("B.C.", "Baja California", "MX"),
    ("B.C.S.", "Baja California Sur", "MX"), ("Camp.", "Campeche", "MX"),
    ("Chis.", "Chiapas", "MX"), ("Chih.", "Chihuahua", "MX"), ("Coah.", "Coahuila", "MX"),
    ("Col.", "Colima", "MX"), ("Dgo.", "Durango", "MX"), ("Gto.", "Guanajuato", "MX"),
    ("Gro.", "Guerrero", "MX"), ("Hgo.", "Hidalgo", "MX"), ("Jal.", "Jalisco", "MX"),
    ("Edomex", "México", "MX"), ("Edo. Méx.", "México", "MX"), ("Mich.", "Michoacán", "MX"),
    ("Mor.", "Morelos", "MX"), ("Nay.", "Nayarit", "MX"), ("N.L.", "Nuevo León", "MX"),
    ("Oax.", "Oaxaca", "MX"), ("Pue.", "Puebla", "MX"), ("Qro.", "Querétaro", "MX"),
    ("Q.R.", "Quintana Roo", "MX"), ("Q. Roo", "Quintana Roo", "MX"),
    ("S.L.P.", "San Luis Potosí", "MX"), ("Sin.", "Sinaloa", "MX"), ("Son.", "Sonora", "MX"),
    ("Tab.", "Tabasco", "MX"), ("Tamps.", "Tamaulipas", "MX"), ("Tlax.", "Tlaxcala", "MX"),
    ("Ver.", "Veracruz", "MX"), ("Yuc.", "Yucatán", "MX"), ("Zac.", "Zacatecas", "MX"),
    ("Ala.", "Alabama", "US"), ("Ariz.", "Arizona", "US"), ("Ark.", "Arkansas", "US"),
    ("Calif.", "California", "US"), ("Colo.", "Colorado", "US"), ("Conn.", "Connecticut", "US"),
    ("Del.", "Delaware", "US"), ("Fla.", "Florida", "US"), ("Ga.", "Georgia", "US"),
    ("Ill.", "Illinois", "US"), ("Ind.", "Indiana", "US"), ("Kan.", "Kansas", "US"),
    ("Ky.", "Kentucky", "US"), ("La.", "Louisiana", "US"), ("Md.", "Maryland", "US"),
    ("Mass.", "Massachusetts", "US"), ("Minn.", "Minnesota", "US"), ("Miss.", "Mississippi", "US"),
    ("Mo.", "Missouri", "US"), ("Mont.", "Montana", "US"), ("Neb.", "Nebraska", "US"),
    ("Nev.", "Nevada", "US"), ("N.H.", "New Hampshire", "US"), ("N.J.", "New Jersey", "US"),
    ("N.M.", "New Mexico", "US"), ("N.Y.", "New York", "US"), ("N.C.", "North Carolina", "US"),
    ("N.D.", "North Dakota", "US"), ("Okla.", "Oklahoma", "US"), ("Ore.", "Oregon", "US"),
    ("Pa.", "Pennsylvania", "US"), ("R.I.", "Rhode Island", "US"), ("S.C.", "South Carolina", "US"),
    ("S.D.", "South Dakota", "US"), ("Tenn.", "Tennessee", "US"), ("Tex.", "Texas", "US"),
    ("Va.", "Virginia", "US"), ("Vt.", "Vermont", "US"), ("Wash.", "Washington", "US"),
    ("Wis.", "Wisconsin", "US"), ("W.Va.", "West Virginia", "US"), ("Wyo.", "Wyoming", "US"),
    ("Alta.", "Alberta", "CA"), ("Man.", "Manitoba", "CA"), ("N.B.", "New Brunswick", "CA"),
    ("Nfld.", "Newfoundland and Labrador", "CA"), ("N.S.", "Nova Scotia", "CA"),
    ("Ont.", "Ontario", "CA"), ("Que.", "Quebec", "CA"), ("Sask.", "Saskatchewan", "CA"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn press_abbreviations_name_their_states() {
        assert_eq!(state_for_abbreviation("Jal."), Some(("Jalisco", "MX")));
        assert_eq!(state_for_abbreviation("N.L."), Some(("Nuevo León", "MX")));
        assert_eq!(state_for_abbreviation("NL"), None);
        assert_eq!(state_for_abbreviation("Calif."), Some(("California", "US")));
        assert_eq!(state_for_abbreviation("Sinaloa"), None);
    }
}
