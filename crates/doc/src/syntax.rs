//! The dependency-syntax layer: for each token of a parsed sentence, its part of speech, its
//! head and its relation to the head (Universal Dependencies names). Only the sentences a
//! later stage asked for are parsed; the others have no entry.

/// One token's syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dependency {
    /// The universal part-of-speech tag ("NOUN", "VERB", ...).
    pub tag: &'static str,
    /// The head's token index; `None` for the sentence's root.
    pub head: Option<u32>,
    /// The relation to the head ("nsubj", "obl:agent", ...), an index into [`Syntax::relations`].
    pub relation: u16,
}

/// The syntax of the parsed sentences of a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Syntax {
    /// Per token, when its sentence was parsed.
    pub tokens: Vec<Option<Dependency>>,
    /// Relation names, shared by every token.
    pub relations: std::sync::Arc<[String]>,
    /// Each token's dependents in text order: `children[child_start[i]..child_start[i + 1]]`.
    /// Built by [`Syntax::index_children`]; empty until then.
    child_start: Vec<u32>,
    children: Vec<u32>,
}

impl Syntax {
    /// An empty layer for `token_count` tokens with the relation names of a model.
    pub fn new(token_count: usize, relations: std::sync::Arc<[String]>) -> Syntax {
        Syntax {
            tokens: vec![None; token_count],
            relations,
            child_start: Vec::new(),
            children: Vec::new(),
        }
    }

    /// Indexes every token's dependents, once the tokens are filled in, so that
    /// [`Syntax::dependents`] does not scan the sentence on each call.
    pub fn index_children(&mut self) {
        let mut counts = vec![0u32; self.tokens.len() + 1];
        for head in self.tokens.iter().flatten().filter_map(|d| d.head) {
            if let Some(count) = counts.get_mut(head as usize + 1) {
                *count += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut next = counts.clone();
        let mut children = vec![0u32; counts.last().copied().unwrap_or(0) as usize];
        for (index, head) in self.tokens.iter().enumerate() {
            if let Some(head) = head.and_then(|d| d.head)
                && let Some(slot) = next.get_mut(head as usize)
            {
                children[*slot as usize] = index as u32;
                *slot += 1;
            }
        }
        self.child_start = counts;
        self.children = children;
    }

    /// The syntax of token `index`, if its sentence was parsed.
    pub fn get(&self, index: usize) -> Option<Dependency> {
        self.tokens.get(index).copied().flatten()
    }

    /// The relation name of token `index` ("" when unparsed).
    pub fn relation(&self, index: usize) -> &str {
        self.get(index)
            .and_then(|d| self.relations.get(usize::from(d.relation)))
            .map_or("", String::as_str)
    }

    /// The tokens whose head is `index`, in text order, within `range`.
    pub fn dependents(&self, index: usize, range: std::ops::Range<usize>) -> Vec<usize> {
        match (self.child_start.get(index), self.child_start.get(index + 1)) {
            (Some(&start), Some(&end)) => self.children[start as usize..end as usize]
                .iter()
                .map(|&c| c as usize)
                .filter(|c| range.contains(c))
                .collect(),
            // Not indexed (a layer built by hand): scan.
            _ => range
                .filter(|&i| self.get(i).and_then(|d| d.head) == Some(index as u32))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_dependents_match_a_scan() {
        // "the dog barked loudly": the→dog, dog→barked, loudly→barked.
        let mut syntax = Syntax::new(4, vec!["det".to_string()].into());
        for (token, head) in [(0, Some(1)), (1, Some(2)), (2, None), (3, Some(2))] {
            syntax.tokens[token] = Some(Dependency {
                tag: "X",
                head,
                relation: 0,
            });
        }
        let scanned: Vec<Vec<usize>> = (0..4).map(|i| syntax.dependents(i, 0..4)).collect();
        syntax.index_children();
        let indexed: Vec<Vec<usize>> = (0..4).map(|i| syntax.dependents(i, 0..4)).collect();
        assert_eq!(scanned, indexed);
        assert_eq!(indexed[2], [1, 3]);
        assert_eq!(syntax.dependents(2, 2..4), [3]);
    }
}
