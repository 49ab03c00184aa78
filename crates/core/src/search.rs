//! Full-text search over entries: case, umlauts and accents folded ("Lüdenscheid",
//! "luedenscheid" and "ludenscheid" are the same word), prefix matching, synonyms from
//! `data/synonyms.txt`, and a score that puts matches in names before matches in descriptions.

use crate::catalog::{Entry, Region};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Folds text for matching. Both sides of a comparison are folded the same way, so folding
/// "ue" to "u" is safe even in words like "Feuer".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars().flat_map(char::to_lowercase) {
        match ch {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' => out.push('a'),
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => out.push('o'),
            'ü' | 'ù' | 'ú' | 'û' => out.push('u'),
            'é' | 'è' | 'ê' | 'ë' | 'ę' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'ñ' | 'ń' => out.push('n'),
            'ł' => out.push('l'),
            'ś' | 'š' => out.push('s'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.replace("ae", "a").replace("oe", "o").replace("ue", "u")
}

/// The folded words of a text.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_owned).collect()
}

/// Groups of terms that find each other.
pub struct Synonyms {
    groups: Vec<Vec<Vec<String>>>,
    by_term: HashMap<Vec<String>, usize>,
}

impl Synonyms {
    /// Reads the synonyms format: one group per line, terms separated by commas, `#` comments.
    pub fn parse(text: &str) -> Synonyms {
        let mut groups = Vec::new();
        let mut by_term = HashMap::new();
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let terms: Vec<Vec<String>> = line
                .split(',')
                .map(words)
                .filter(|t| !t.is_empty())
                .collect();
            for term in &terms {
                by_term.entry(term.clone()).or_insert(groups.len());
            }
            groups.push(terms);
        }
        Synonyms { groups, by_term }
    }

    /// The synonyms shipped with Ankommen.
    pub fn bundled() -> &'static Synonyms {
        static CELL: OnceLock<Synonyms> = OnceLock::new();
        CELL.get_or_init(|| Synonyms::parse(include_str!("../data/synonyms.txt")))
    }

    fn group_of(&self, term: &[String]) -> Option<&[Vec<String>]> {
        self.by_term.get(term).map(|&g| self.groups[g].as_slice())
    }

    /// Splits a query into terms, each with its alternatives. Multi-word synonyms
    /// ("general practitioner") are taken as one term.
    pub fn terms(&self, query: &str) -> Vec<Term> {
        let tokens = words(query);
        let mut terms = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let longest = (1..=3.min(tokens.len() - i))
                .rev()
                .find_map(|n| self.group_of(&tokens[i..i + n]).map(|group| (n, group)));
            match longest {
                Some((n, group)) => {
                    terms.push(Term {
                        typed: tokens[i..i + n].to_vec(),
                        synonyms: group
                            .iter()
                            .filter(|t| **t != tokens[i..i + n])
                            .cloned()
                            .collect(),
                    });
                    i += n;
                }
                None => {
                    terms.push(Term {
                        typed: vec![tokens[i].clone()],
                        synonyms: Vec::new(),
                    });
                    i += 1;
                }
            }
        }
        terms
    }
}

/// One search term as typed (folded words) and its synonyms.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub typed: Vec<String>,
    pub synonyms: Vec<Vec<String>>,
}

/// The searchable words of one entry, by field, with the field's weight.
#[derive(Debug, Clone)]
pub struct Document {
    fields: Vec<(u32, Vec<String>)>,
}

/// Weights: a match in the name counts most, in the description least.
const NAME: u32 = 8;
const TAGS: u32 = 4;
const CATEGORY: u32 = 4;
const PLACE: u32 = 3;
const DESCRIPTION: u32 = 1;

impl Document {
    pub fn new(entry: &Entry, region: &Region) -> Document {
        let mut fields = Vec::with_capacity(5);
        let all =
            |text: &crate::Localized| text.texts().map(|(_, t)| t).collect::<Vec<_>>().join(" ");
        fields.push((NAME, words(&all(&entry.name))));
        fields.push((TAGS, words(&entry.tags.join(" "))));
        let category = format!(
            "{} {} {} {}",
            entry.category.label("de"),
            entry.category.label("en"),
            entry.kind.label("de"),
            entry.kind.label("en")
        );
        fields.push((CATEGORY, words(&category)));
        let mut place = String::new();
        if let Some(m) = entry
            .municipality
            .as_ref()
            .and_then(|m| region.municipalities.get(m))
        {
            place.push_str(&m.name);
        }
        if let Some(d) = region.districts.get(&entry.district) {
            place.push(' ');
            place.push_str(d);
        }
        if let Some(city) = entry.address.as_ref().and_then(|a| a.city.as_deref()) {
            place.push(' ');
            place.push_str(city);
        }
        fields.push((PLACE, words(&place)));
        if let Some(d) = &entry.description {
            fields.push((DESCRIPTION, words(&all(d))));
        }
        Document { fields }
    }

    /// The entry's score for all terms (every term must match), or `None`.
    pub fn score(&self, terms: &[Term]) -> Option<u32> {
        terms.iter().map(|term| self.term_score(term)).sum()
    }

    fn term_score(&self, term: &Term) -> Option<u32> {
        let typed = self.phrase_score(&term.typed, true).map(|s| s * 2);
        let synonym = term
            .synonyms
            .iter()
            .filter_map(|s| self.phrase_score(s, false))
            .max();
        typed.into_iter().chain(synonym).max()
    }

    /// Best weighted match of a phrase: its words in sequence, the last one as a prefix when
    /// `prefix` (typing "lüden" finds "Lüdenscheid"). An exact word counts double.
    fn phrase_score(&self, phrase: &[String], prefix: bool) -> Option<u32> {
        let (last, first) = phrase.split_last()?;
        self.fields
            .iter()
            .filter_map(|(weight, field)| {
                (0..field.len().saturating_sub(first.len()))
                    .filter(|&i| field[i..i + first.len()] == *first)
                    .filter_map(|i| {
                        let word = &field[i + first.len()];
                        if word == last {
                            Some(2)
                        } else if (prefix || last.len() >= 4) && word.starts_with(last.as_str()) {
                            Some(1)
                        } else {
                            None
                        }
                    })
                    .max()
                    .map(|quality| weight * quality)
            })
            .max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlaut_spellings_fold_to_one_word() {
        assert_eq!(fold("Lüdenscheid"), "ludenscheid");
        assert_eq!(fold("Luedenscheid"), "ludenscheid");
        assert_eq!(fold("LUDENSCHEID"), "ludenscheid");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Pflegefachkraft (m/w/d)"), "pflegefachkraft  m w d ");
        assert_eq!(
            words("Kita „Sonnenschein“, Olpe"),
            ["kita", "sonnenschein", "olpe"]
        );
    }

    #[test]
    fn multi_word_synonyms_are_one_term() {
        let s = Synonyms::parse("gp, hausarzt, general practitioner\n# comment\n");
        let terms = s.terms("General Practitioner Olpe");
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].typed, ["general", "practitioner"]);
        assert_eq!(
            terms[0].synonyms,
            [vec!["gp".to_string()], vec!["hausarzt".to_string()]]
        );
        assert!(terms[1].synonyms.is_empty());
    }
}
