//! Turns a user's search words into an FTS5 expression that cannot be a syntax error.

/// Builds an FTS5 MATCH expression from a user query.
///
/// Supported: bare words (all must match), `"quoted phrases"`, `OR` between terms, `-word` to
/// exclude, and `word*` for a prefix. Everything else is quoted, so punctuation such as `U.S.` or
/// `JITF-CC` searches for the words it contains instead of failing. Returns `None` when nothing
/// searchable is left.
pub fn fts_expression(query: &str) -> Option<String> {
    let mut included: Vec<String> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    let mut pending_or = false;

    for raw in split_terms(query) {
        if raw.text == "OR" && !raw.quoted {
            pending_or = !included.is_empty();
            continue;
        }
        let (negated, body) = match raw.text.strip_prefix('-') {
            Some(rest) if !raw.quoted && !rest.is_empty() => (true, rest),
            _ => (false, raw.text.as_str()),
        };
        let (prefix, body) = match body.strip_suffix('*') {
            Some(rest) if !raw.quoted && !rest.is_empty() => (true, rest),
            _ => (false, body),
        };
        if !body.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut term = format!("\"{}\"", body.replace('"', "\"\""));
        if prefix {
            term.push('*');
        }
        if negated {
            excluded.push(term);
        } else if pending_or {
            if let Some(last) = included.last_mut() {
                *last = format!("({last} OR {term})");
            }
            pending_or = false;
        } else {
            included.push(term);
        }
    }
    if included.is_empty() {
        return None;
    }
    let mut expression = included.join(" AND ");
    for term in excluded {
        expression = format!("({expression}) NOT {term}");
    }
    Some(expression)
}

struct RawTerm {
    text: String,
    quoted: bool,
}

fn split_terms(query: &str) -> Vec<RawTerm> {
    let mut terms = Vec::new();
    let mut chars = query.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let text: String = chars.by_ref().take_while(|&c| c != '"').collect();
            terms.push(RawTerm { text, quoted: true });
        } else {
            let mut text = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                text.push(c);
                chars.next();
            }
            terms.push(RawTerm {
                text,
                quoted: false,
            });
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::fts_expression;

    #[test]
    fn words_phrases_or_not_and_prefix() {
        assert_eq!(fts_expression("cocoa"), Some("\"cocoa\"".into()));
        assert_eq!(
            fts_expression("cocoa \"Bahia crop\""),
            Some("\"cocoa\" AND \"Bahia crop\"".into())
        );
        assert_eq!(
            fts_expression("cocoa OR coffee prices"),
            Some("(\"cocoa\" OR \"coffee\") AND \"prices\"".into())
        );
        assert_eq!(
            fts_expression("oil -opec"),
            Some("(\"oil\") NOT \"opec\"".into())
        );
        assert_eq!(fts_expression("carte*"), Some("\"carte\"*".into()));
    }

    #[test]
    fn punctuation_cannot_break_the_expression() {
        assert_eq!(fts_expression("U.S."), Some("\"U.S.\"".into()));
        assert_eq!(
            fts_expression("say \"hi"),
            Some("\"say\" AND \"hi\"".into())
        );
        assert_eq!(fts_expression("-- ( ) * OR"), None);
        assert_eq!(fts_expression("   "), None);
        assert_eq!(fts_expression("-only"), None);
    }
}
