//! Full-text search over entries: case, umlauts and accents folded ("Lüdenscheid",
//! "luedenscheid" and "ludenscheid" are the same word), prefix matching, synonyms from
//! `data/synonyms.txt`, and a score that puts matches in names before matches in descriptions.

use crate::catalog::{Entry, Region};
use crate::pack::{Decoded, Reader, Writer};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Folds text for matching. Both sides of a comparison are folded the same way, so folding
/// "ue" to "u" is safe even in words like "Feuer". One pass, no intermediate strings: this
/// runs over every text of the catalogue.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appended to `out`: indexing a catalogue reuses one buffer for all its texts.
pub fn fold_into(text: &str, out: &mut String) {
    let mut previous = ' ';
    let mut push = |folded: char, out: &mut String| {
        // "ae", "oe", "ue" are how umlauts are typed without them.
        if folded == 'e' && matches!(previous, 'a' | 'o' | 'u') {
            previous = 'e';
            return;
        }
        out.push(folded);
        previous = folded;
    };
    for ch in text.chars() {
        // Most catalogue text is ASCII: no Unicode case tables for it.
        if ch.is_ascii() {
            let folded = if ch.is_ascii_alphanumeric() {
                ch.to_ascii_lowercase()
            } else {
                ' '
            };
            push(folded, out);
            continue;
        }
        for ch in ch.to_lowercase() {
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
                    push('s', out);
                    's'
                }
                c if c.is_alphanumeric() => c,
                _ => ' ',
            };
            push(folded, out);
        }
    }
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

    /// The words of the multi-word terms ("general practitioner"): the only words whose
    /// positions a search ever compares, since a query's words form a phrase only where they
    /// are one of these terms.
    pub fn phrase_words(&self) -> Vec<&str> {
        let mut words: Vec<&str> = self
            .groups
            .iter()
            .flatten()
            .filter(|term| term.len() > 1)
            .flatten()
            .map(String::as_str)
            .collect();
        words.sort_unstable();
        words.dedup();
        words
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

/// Every distinct folded word of a chunk of entries, sorted, so that all words starting with
/// a prefix are one contiguous range of ids. Documents store ids; a query compares integers.
///
/// Built once, when a catalogue is published (`publish.rs`), and read by the app from the
/// chunk's index file: the browser never folds the catalogue's texts. All documents share a
/// few flat arrays (no allocation per entry), and a chunk has at most [`MAX_WORDS`] words, so
/// an id is two bytes: the word ids in text order are the index's largest part. The file
/// holds the same arrays, little-endian, so reading it is copying them.
#[derive(Debug, Default, PartialEq)]
pub struct Index {
    words: Vec<String>,
    /// Word ids in text order, every document's fields one after the other, for phrases:
    /// only the words that can be part of one ([`Synonyms::phrase_words`]); each run of other
    /// words is one [`GAP`], so two words are neighbours here exactly where they are in the
    /// text.
    text: Vec<u16>,
    /// Where each field of each document starts in `text`: `FIELDS.len()` per document, then
    /// the end.
    field_starts: Vec<u32>,
    /// Each document's distinct word ids, each once, in groups by the highest weight the
    /// word has in the document ([`WEIGHTS`], heaviest first), each group sorted: a single
    /// word (the common case) is a binary search per group, a prefix a short range walk. The
    /// weight is the group's, so no word carries one.
    distinct: Vec<u16>,
    /// Where each group of each document starts in `distinct`: `WEIGHTS.len()` per document,
    /// then the end.
    distinct_starts: Vec<u32>,
}

/// The field weights, heaviest first: the groups of a document's words.
const WEIGHTS: [u32; 4] = [NAME, TAGS, PLACE, DESCRIPTION];
const _: () = {
    let mut f = 0;
    while f < FIELDS.len() {
        let mut known = false;
        let mut w = 0;
        while w < WEIGHTS.len() {
            known |= FIELDS[f].1 == WEIGHTS[w];
            w += 1;
        }
        assert!(known, "every field weight is one of WEIGHTS");
        f += 1;
    }
};

/// The most distinct words one chunk's index may have (its ids are `u16`, one of them the
/// [`GAP`]); the publisher splits a chunk whose texts have more.
pub const MAX_WORDS: usize = u16::MAX as usize;

/// Stands in the phrase text for a run of words that are in no phrase.
pub const GAP: u16 = u16::MAX;

/// One document's view of the index.
#[derive(Clone, Copy)]
struct Document<'a> {
    /// Each field's weight and word ids, in [`FIELDS`] order.
    fields: [(u32, &'a [u16]); FIELDS.len()],
    /// Its distinct word ids by weight group, heaviest first, each group sorted.
    groups: [&'a [u16]; WEIGHTS.len()],
}

/// The texts of a chunk have more distinct words than an index can number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyWords;

impl Index {
    /// Folds the texts of `entries` (the chunk's documents, in order) into word ids: each
    /// text once, the category and place texts once per distinct text, since they repeat.
    pub fn build<'a>(
        entries: impl IntoIterator<Item = &'a Entry>,
        region: &Region,
    ) -> Result<Index, TooManyWords> {
        let mut index = Index::default();
        // Words get ids in order of appearance first...
        let mut vocabulary = Vocabulary::default();
        let mut text: Vec<u32> = Vec::new();
        let mut repeated: FxHashMap<String, std::ops::Range<usize>> = FxHashMap::default();
        let mut field = String::new();
        for entry in entries {
            for (kind, _, repeats) in FIELDS {
                index.field_starts.push(text.len() as u32);
                field.clear();
                write_field(kind, entry, region, &mut field);
                if !repeats {
                    vocabulary.append_ids(&field, &mut text);
                } else if let Some(earlier) = repeated.get(&field) {
                    text.extend_from_within(earlier.clone());
                } else {
                    let start = text.len();
                    vocabulary.append_ids(&field, &mut text);
                    repeated.insert(field.clone(), start..text.len());
                }
            }
        }
        index.field_starts.push(text.len() as u32);
        if vocabulary.ids.len() > MAX_WORDS {
            return Err(TooManyWords);
        }
        // ...then are renumbered in sorted order, so that a prefix is a range of ids.
        let mut words: Vec<(String, u32)> = vocabulary.ids.into_iter().collect();
        words.sort_unstable();
        let mut rank = vec![0u16; words.len()];
        for (new, (_, old)) in words.iter().enumerate() {
            rank[*old as usize] = new as u16;
        }
        index.text = text.iter().map(|id| rank[*id as usize]).collect();
        index.words = words.into_iter().map(|(w, _)| w).collect();
        let phrase_words = Synonyms::bundled().phrase_words();
        // A word counts for phrases when a phrase word is it or begins it (the last word of a
        // phrase may match as a prefix).
        let in_phrases: Vec<bool> = index
            .words
            .iter()
            .map(|w| {
                let at = phrase_words.partition_point(|p| *p <= w.as_str());
                phrase_words[..at].iter().rev().any(|p| w.starts_with(p))
            })
            .collect();
        let mut packed: Vec<(u16, u8)> = Vec::new();
        for number in 0..index.field_starts.len().saturating_sub(1) / FIELDS.len() {
            packed.clear();
            for (f, (_, weight, _)) in FIELDS.iter().enumerate() {
                let ids = index.field(number, f);
                packed.extend(ids.iter().map(|id| (*id, *weight as u8)));
            }
            // Ascending: within an id the highest weight comes last, and is the one kept.
            packed.sort_unstable();
            packed.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    *kept = *later;
                }
                same
            });
            for weight in WEIGHTS {
                index.distinct_starts.push(index.distinct.len() as u32);
                let group = packed.iter().filter(|(_, w)| u32::from(*w) == weight);
                index.distinct.extend(group.map(|(id, _)| *id));
            }
        }
        index.distinct_starts.push(index.distinct.len() as u32);
        index.keep_phrase_words(&in_phrases);
        Ok(index)
    }

    /// Reduces the text to the words phrases can use, each run of others to one [`GAP`].
    fn keep_phrase_words(&mut self, in_phrases: &[bool]) {
        let mut text = Vec::new();
        let mut starts = Vec::with_capacity(self.field_starts.len());
        for pair in self.field_starts.windows(2) {
            starts.push(text.len() as u32);
            for &id in &self.text[pair[0] as usize..pair[1] as usize] {
                if in_phrases[usize::from(id)] {
                    text.push(id);
                } else if text.len() > *starts.last().unwrap_or(&0) as usize
                    && text.last() != Some(&GAP)
                {
                    text.push(GAP);
                }
            }
        }
        starts.push(text.len() as u32);
        self.text = text;
        self.field_starts = starts;
    }

    /// Writes the index's part of a chunk's index file (docs/published.md): the counts, the
    /// words, each field's length per document, the word ids in text order, each document's
    /// distinct words in each weight group, the word ids in text order, then the groups' ids
    /// (the group gives the weight: no word carries one).
    pub fn encode(&self, out: &mut Writer) {
        out.len(self.len());
        out.len(self.words.len());
        out.len(self.text.len());
        out.len(self.distinct.len());
        for word in &self.words {
            out.str(word);
        }
        for pair in self.field_starts.windows(2) {
            out.len((pair[1] - pair[0]) as usize);
        }
        for pair in self.distinct_starts.windows(2) {
            out.len((pair[1] - pair[0]) as usize);
        }
        for id in self.text.iter().chain(&self.distinct) {
            out.u16(*id);
        }
    }

    /// Reads what [`Index::encode`] wrote, checking everything a search relies on: words
    /// sorted and unique, ids within the vocabulary, each document's ids ascending, the
    /// counts adding up. Every array is sized from the counts only once the file is known
    /// to hold that many items.
    pub fn decode(r: &mut Reader) -> Decoded<Index> {
        let documents = r.count(FIELDS.len() + WEIGHTS.len())?;
        let word_count = r.count(1)?;
        let text_len = r.count(2)?;
        let distinct_len = r.count(2)?;
        if word_count > MAX_WORDS {
            return Err(r.error("more words than an index can hold"));
        }
        let mut words: Vec<String> = Vec::with_capacity(word_count);
        for _ in 0..word_count {
            let word = r.str()?;
            if words.last().is_some_and(|last| last.as_str() >= word) {
                return Err(r.error("index words out of order"));
            }
            words.push(word.to_owned());
        }
        let lengths = |r: &mut Reader, n: usize, total: usize| -> Decoded<Vec<u32>> {
            let mut starts = Vec::with_capacity(n + 1);
            let mut sum = 0usize;
            starts.push(0);
            for _ in 0..n {
                sum = sum.saturating_add(r.count(0)?);
                if sum > total {
                    return Err(r.error("lengths longer than their array"));
                }
                starts.push(sum as u32);
            }
            if sum != total {
                return Err(r.error("lengths that do not add up"));
            }
            Ok(starts)
        };
        let field_starts = lengths(r, documents * FIELDS.len(), text_len)?;
        let distinct_starts = lengths(r, documents * WEIGHTS.len(), distinct_len)?;
        let text = read_u16s(r, text_len)?;
        let distinct = read_u16s(r, distinct_len)?;
        let too_large = distinct.iter().any(|id| usize::from(*id) >= word_count)
            || text
                .iter()
                .any(|id| usize::from(*id) >= word_count && *id != GAP);
        if too_large {
            return Err(r.error("a word id outside the vocabulary"));
        }
        let ascending = distinct_starts.windows(2).all(|pair| {
            distinct[pair[0] as usize..pair[1] as usize]
                .windows(2)
                .all(|ids| ids[0] < ids[1])
        });
        if !ascending {
            return Err(r.error("a document's words out of order"));
        }
        Ok(Index {
            words,
            text,
            field_starts,
            distinct,
            distinct_starts,
        })
    }

    /// How many documents the index holds.
    pub fn len(&self) -> usize {
        self.distinct_starts.len().saturating_sub(1) / WEIGHTS.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes the index occupies in memory (for the benchmark's breakdown).
    pub fn heap_bytes(&self) -> usize {
        self.words.iter().map(|w| w.capacity() + 24).sum::<usize>()
            + (self.text.capacity() + self.distinct.capacity()) * 2
            + (self.field_starts.capacity() + self.distinct_starts.capacity()) * 4
    }
}

/// `n` little-endian `u16`s, in one pass over their bytes.
fn read_u16s(r: &mut Reader, n: usize) -> Decoded<Vec<u16>> {
    let bytes = r.take(
        n.checked_mul(2)
            .ok_or_else(|| r.error("an array too long"))?,
    )?;
    Ok(bytes
        .chunks_exact(2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .collect())
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
    /// Field `f` (in [`FIELDS`] order) of document `number`: its word ids in text order.
    fn field(&self, number: usize, f: usize) -> &[u16] {
        let at = number * FIELDS.len() + f;
        &self.text[self.field_starts[at] as usize..self.field_starts[at + 1] as usize]
    }

    fn document(&self, number: usize) -> Document<'_> {
        let at = number * WEIGHTS.len();
        Document {
            fields: std::array::from_fn(|f| (FIELDS[f].1, self.field(number, f))),
            groups: std::array::from_fn(|g| {
                &self.distinct[self.distinct_starts[at + g] as usize
                    ..self.distinct_starts[at + g + 1] as usize]
            }),
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

    /// Scores every document for `terms`: `None` where a term does not match, the sum of the
    /// best field match per term otherwise (an exact word counts double a prefix, a typed
    /// word double a synonym).
    pub fn scores(&self, terms: &[Term]) -> Vec<Option<u32>> {
        let mut out = Vec::with_capacity(self.len());
        self.append_scores(terms, &mut out);
        out
    }

    /// [`Index::scores`], appended to `out`: a search over many chunks fills one buffer.
    pub fn append_scores(&self, terms: &[Term], out: &mut Vec<Option<u32>>) {
        let resolved: Vec<Vec<(Vec<WordMatch>, u32, bool)>> = terms
            .iter()
            .map(|term| {
                std::iter::once((&term.typed, 2, true))
                    .chain(term.synonyms.iter().map(|s| (s, 1, false)))
                    .map(|(phrase, factor, typed)| {
                        (
                            phrase.iter().map(|w| self.resolve(w)).collect::<Vec<_>>(),
                            factor,
                            typed,
                        )
                    })
                    // An alternative whose words this chunk does not have matches nowhere in it.
                    .filter(|(phrase, _, typed)| can_match(phrase, *typed))
                    .collect()
            })
            .collect();
        if resolved.iter().any(Vec::is_empty) {
            out.extend(std::iter::repeat_n(None, self.len()));
            return;
        }
        out.extend((0..self.len()).map(|number| {
            let document = self.document(number);
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
                .sum::<Option<u32>>()
        }));
    }
}

/// False when no document can match `phrase`: a word before the last is not in the
/// vocabulary, or the last is neither a word nor (where allowed) a prefix of one.
fn can_match(phrase: &[WordMatch], typed: bool) -> bool {
    let Some((last, first)) = phrase.split_last() else {
        return false;
    };
    first.iter().all(|m| m.exact.is_some())
        && (last.exact.is_some() || ((typed || last.long) && !last.prefix.is_empty()))
}

impl Document<'_> {
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
                            .all(|(m, id)| m.exact == Some(u32::from(*id)))
                    })
                    .filter_map(|i| {
                        let id = u32::from(field[i + n]);
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

impl Document<'_> {
    /// One word: twice its weight where it stands exactly, its weight where it is a prefix.
    /// The groups go heaviest first, so the first group that has the word has its weight.
    fn word_score(&self, word: &WordMatch, prefix_ok: bool) -> Option<u32> {
        let exact = word.exact.and_then(|id| {
            let id = id as u16;
            WEIGHTS
                .iter()
                .zip(self.groups)
                .find(|(_, group)| group.binary_search(&id).is_ok())
                .map(|(weight, _)| weight * 2)
        });
        let prefix = prefix_ok
            .then(|| {
                WEIGHTS
                    .iter()
                    .zip(self.groups)
                    .find(|(_, group)| {
                        let start = group.partition_point(|w| u32::from(*w) < word.prefix.start);
                        group
                            .get(start)
                            .is_some_and(|w| u32::from(*w) < word.prefix.end)
                    })
                    .map(|(weight, _)| *weight)
            })
            .flatten();
        exact.into_iter().chain(prefix).max()
    }
}

/// The words of the catalogue, numbered in order of appearance while indexing.
#[derive(Default)]
struct Vocabulary {
    ids: FxHashMap<String, u32>,
    folded: String,
}

impl Vocabulary {
    /// Appends the ids of the folded words of `text` to `out`; a new word gets the next id.
    fn append_ids(&mut self, text: &str, out: &mut Vec<u32>) {
        self.folded.clear();
        fold_into(text, &mut self.folded);
        let ids = &mut self.ids;
        out.extend(
            self.folded
                .split_whitespace()
                .map(|word| match ids.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = ids.len() as u32;
                        ids.insert(word.to_owned(), id);
                        id
                    }
                }),
        );
    }
}

/// The texts search looks at.
#[derive(Clone, Copy)]
enum Field {
    /// Every language of the name.
    Name,
    Tags,
    /// The category's and kind's labels in German and English.
    Category,
    /// The town, the district and the address's city.
    Place,
    /// Every language of the description.
    Description,
}

/// Each field with its weight, and whether its text repeats across entries (so the index
/// folds each distinct one once).
const FIELDS: [(Field, u32, bool); 5] = [
    (Field::Name, NAME, false),
    (Field::Tags, TAGS, false),
    (Field::Category, CATEGORY, true),
    (Field::Place, PLACE, true),
    (Field::Description, DESCRIPTION, false),
];

/// Writes `field` of `entry` into `out` (nothing when the entry has no such field).
fn write_field(field: Field, entry: &Entry, region: &Region, out: &mut String) {
    let mut put = |text: &str| {
        out.push_str(text);
        out.push(' ');
    };
    match field {
        Field::Name => entry.name.texts().for_each(|(_, t)| put(t)),
        Field::Tags => entry.tags.iter().for_each(|t| put(t)),
        Field::Category => {
            put(entry.category.label("de"));
            put(entry.category.label("en"));
            put(entry.kind.label("de"));
            put(entry.kind.label("en"));
        }
        Field::Place => {
            let town = entry
                .municipality
                .as_ref()
                .and_then(|m| region.municipalities.get(m));
            if let Some(m) = town {
                put(&m.name);
            }
            if let Some(d) = region.districts.get(&entry.district) {
                put(d);
            }
            if let Some(city) = entry.address.as_ref().and_then(|a| a.city.as_deref()) {
                put(city);
            }
        }
        Field::Description => {
            if let Some(d) = &entry.description {
                d.texts().for_each(|(_, t)| put(t));
            }
        }
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
