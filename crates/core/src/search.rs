//! Full-text search over entries: case, umlauts and accents folded ("Lüdenscheid",
//! "luedenscheid" and "ludenscheid" are the same word), prefix matching, synonyms from
//! `data/synonyms.txt`, and a score that puts matches in names before matches in descriptions.

use crate::catalog::{Entry, Region};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Folds text for matching. Both sides of a comparison are folded the same way, so folding
/// "ue" to "u" is safe even in words like "Feuer". One pass, no intermediate strings: this
/// runs over every text of the catalogue.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    for ch in text.chars().flat_map(char::to_lowercase) {
        let folded = match ch {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' => 'a',
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => 'o',
            'ü' | 'ù' | 'ú' | 'û' => 'u',
            'é' | 'è' | 'ê' | 'ë' | 'ę' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ç' | 'ć' | 'č' => 'c',
            'ñ' | 'ń' => 'n',
            'ł' => 'l',
            'ś' | 'š' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'ß' => {
                out.push('s');
                's'
            }
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        // "ae", "oe", "ue" are how umlauts are typed without them.
        if folded == 'e' && matches!(previous, 'a' | 'o' | 'u') {
            previous = 'e';
            continue;
        }
        out.push(folded);
        previous = folded;
    }
    out
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

/// Weights: a match in the name counts most, in the description least.
const NAME: u32 = 8;
const TAGS: u32 = 4;
const CATEGORY: u32 = 4;
const PLACE: u32 = 3;
const DESCRIPTION: u32 = 1;

/// Every distinct folded word of a catalogue, sorted, so that all words starting with a
/// prefix are one contiguous range of ids. Documents store ids; a query compares integers.
#[derive(Debug, Default)]
pub struct Index {
    words: Vec<String>,
    documents: Vec<Document>,
}

/// The word ids of one entry, by field, with the field's weight.
#[derive(Debug, Clone)]
struct Document {
    /// Word ids in text order, per field, for phrases.
    fields: Vec<(u32, Vec<u32>)>,
    /// Each distinct word id once, with the highest weight it has in this entry, sorted by
    /// id: a single word (the common case) is a binary search, a prefix a short range walk.
    words: Vec<(u32, u32)>,
}

impl Document {
    fn new(fields: Vec<(u32, Vec<u32>)>) -> Document {
        let mut words: Vec<(u32, u32)> = fields
            .iter()
            .flat_map(|(weight, ids)| ids.iter().map(move |id| (*id, *weight)))
            .collect();
        // Highest weight first within an id, then keep the first of each id.
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        words.dedup_by_key(|w| w.0);
        Document { fields, words }
    }
}

/// A query word resolved against the vocabulary: ids that match it exactly, and ids that
/// match it as a prefix.
#[derive(Debug, Clone)]
struct WordMatch {
    exact: Option<u32>,
    prefix: std::ops::Range<u32>,
    /// Long enough (4+ characters) to match as a prefix even when it is a synonym.
    long: bool,
}

impl Index {
    /// Folds and indexes the searchable texts of `entries`.
    pub fn new(entries: &[Entry], region: &Region) -> Index {
        // Words get ids in order of appearance first...
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut intern = |word: &str| match ids.get(word) {
            Some(&id) => id,
            None => {
                let id = ids.len() as u32;
                ids.insert(word.to_owned(), id);
                id
            }
        };
        let fields: Vec<Vec<(u32, Vec<u32>)>> = entries
            .iter()
            .map(|entry| {
                searchable_fields(entry, region)
                    .into_iter()
                    .map(|(weight, text)| {
                        (
                            weight,
                            fold(&text).split_whitespace().map(&mut intern).collect(),
                        )
                    })
                    .collect()
            })
            .collect();
        // ...then are renumbered in sorted order, so that a prefix is a range of ids.
        let mut words: Vec<(String, u32)> = ids.into_iter().collect();
        words.sort_unstable();
        let mut rank = vec![0u32; words.len()];
        for (new, (_, old)) in words.iter().enumerate() {
            rank[*old as usize] = new as u32;
        }
        let documents = fields
            .into_iter()
            .map(|mut fields| {
                for id in fields.iter_mut().flat_map(|(_, ids)| ids.iter_mut()) {
                    *id = rank[*id as usize];
                }
                Document::new(fields)
            })
            .collect();
        Index {
            words: words.into_iter().map(|(w, _)| w).collect(),
            documents,
        }
    }

    fn resolve(&self, word: &str) -> WordMatch {
        let start = self.words.partition_point(|w| w.as_str() < word);
        let end = start + self.words[start..].partition_point(|w| w.starts_with(word));
        let exact = self
            .words
            .get(start)
            .filter(|w| *w == word)
            .map(|_| start as u32);
        WordMatch {
            exact,
            prefix: start as u32..end as u32,
            long: word.chars().count() >= 4,
        }
    }

    /// Scores every entry for `terms`: `None` where a term does not match, the sum of the
    /// best field match per term otherwise (an exact word counts double a prefix, a typed
    /// word double a synonym).
    pub fn scores(&self, terms: &[Term]) -> Vec<Option<u32>> {
        if terms.is_empty() {
            return vec![Some(0); self.documents.len()];
        }
        let resolved: Vec<Vec<(Vec<WordMatch>, u32, bool)>> = terms
            .iter()
            .map(|term| {
                std::iter::once((&term.typed, 2, true))
                    .chain(term.synonyms.iter().map(|s| (s, 1, false)))
                    .map(|(phrase, factor, typed)| {
                        (
                            phrase.iter().map(|w| self.resolve(w)).collect(),
                            factor,
                            typed,
                        )
                    })
                    .collect()
            })
            .collect();
        self.documents
            .iter()
            .map(|document| {
                resolved
                    .iter()
                    .map(|alternatives| {
                        alternatives
                            .iter()
                            .filter_map(|(phrase, factor, typed)| {
                                document.phrase_score(phrase, *typed).map(|s| s * factor)
                            })
                            .max()
                    })
                    .sum()
            })
            .collect()
    }
}

impl Document {
    /// Best weighted match of a phrase: its words in sequence, the last one also as a prefix
    /// when typed (typing "lüden" finds "Lüdenscheid") or when it is long enough to stand for
    /// a word family (synonym "hausarzt" finds "Hausarztpraxis").
    fn phrase_score(&self, phrase: &[WordMatch], typed: bool) -> Option<u32> {
        let (last, first) = phrase.split_last()?;
        let prefix_ok = typed || last.long;
        if first.is_empty() {
            return self.word_score(last, prefix_ok);
        }
        self.fields
            .iter()
            .filter_map(|(weight, field)| {
                let n = first.len();
                (0..field.len().saturating_sub(n))
                    .filter(|&i| {
                        first
                            .iter()
                            .zip(&field[i..i + n])
                            .all(|(m, id)| m.exact == Some(*id))
                    })
                    .filter_map(|i| {
                        let id = field[i + n];
                        if last.exact == Some(id) {
                            Some(2)
                        } else if prefix_ok && last.prefix.contains(&id) {
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

impl Document {
    /// One word: twice its weight where it stands exactly, its weight where it is a prefix.
    fn word_score(&self, word: &WordMatch, prefix_ok: bool) -> Option<u32> {
        let exact = word.exact.and_then(|id| {
            self.words
                .binary_search_by_key(&id, |w| w.0)
                .ok()
                .map(|i| self.words[i].1 * 2)
        });
        let prefix = prefix_ok.then(|| {
            let start = self.words.partition_point(|w| w.0 < word.prefix.start);
            self.words[start..]
                .iter()
                .take_while(|w| w.0 < word.prefix.end)
                .map(|w| w.1)
                .max()
        });
        exact.into_iter().chain(prefix.flatten()).max()
    }
}

/// The texts search looks at, with their weights.
fn searchable_fields(entry: &Entry, region: &Region) -> Vec<(u32, String)> {
    let all = |text: &crate::Localized| text.texts().map(|(_, t)| t).collect::<Vec<_>>().join(" ");
    let mut fields = vec![
        (NAME, all(&entry.name)),
        (TAGS, entry.tags.join(" ")),
        (
            CATEGORY,
            format!(
                "{} {} {} {}",
                entry.category.label("de"),
                entry.category.label("en"),
                entry.kind.label("de"),
                entry.kind.label("en")
            ),
        ),
    ];
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
    fields.push((PLACE, place));
    if let Some(d) = &entry.description {
        fields.push((DESCRIPTION, all(d)));
    }
    fields
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
