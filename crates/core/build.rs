//! Compiles the Fluent translations in `i18n/*.ftl` into static Rust data (`$OUT_DIR/messages.rs`,
//! included by `src/i18n.rs`), so the app carries the texts but no Fluent parser.
//!
//! The build fails, naming file and key, on a syntax error, on a Fluent feature the runtime does
//! not implement, on a reference to an unknown message, on a reference cycle, and when a key is
//! in one language file but not in another (`de.ftl` is the reference and must exist).
//!
//! `tests/i18n.rs` includes this file as a module to test these checks; hence the `pub(crate)`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

/// The language every other one is checked against, and the fallback at run time.
pub(crate) const REFERENCE: &str = "de";

fn main() {
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest_dir).join("i18n");
    println!("cargo:rerun-if-changed={}", dir.display());

    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("i18n: cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("i18n: cannot list a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .map(|path| (file_name(&path), path))
        .collect();
    files.sort();

    let mut languages = Vec::new();
    let mut errors = Vec::new();
    for (name, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("i18n: cannot read {}: {e}", path.display()));
        match compile(name, &source) {
            Ok(language) => languages.push(language),
            Err(mut more) => errors.append(&mut more),
        }
    }
    fail_on(&errors);

    let key_sets: BTreeMap<&str, BTreeSet<&str>> = languages
        .iter()
        .map(|l| {
            (
                l.code.as_str(),
                l.messages.keys().map(String::as_str).collect(),
            )
        })
        .collect();
    if let Err(message) = check_keys(&key_sets) {
        panic!("{message}");
    }
    fail_on(&check_references(&languages));

    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir).join("messages.rs");
    std::fs::write(&out, generate(&languages))
        .unwrap_or_else(|e| panic!("i18n: cannot write {}: {e}", out.display()));
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn fail_on(errors: &[String]) {
    if !errors.is_empty() {
        panic!(
            "i18n: {} error(s) in the translations:\n  - {}",
            errors.len(),
            errors.join("\n  - ")
        );
    }
}

/// One language file, compiled: message and term ids (terms keep their leading `-`), sorted.
#[derive(Debug)]
pub(crate) struct Language {
    pub(crate) code: String,
    pub(crate) file: String,
    pub(crate) messages: BTreeMap<String, Vec<Piece>>,
}

/// A compiled pattern element; mirrors `Piece` in `src/i18n.rs`.
#[derive(Debug, PartialEq)]
pub(crate) enum Piece {
    Text(String),
    Var(String),
    Message(String),
    Select {
        var: String,
        variants: Vec<(Key, Vec<Piece>)>,
        default: usize,
    },
}

/// A select variant's key; mirrors `VariantKey` in `src/i18n.rs`.
#[derive(Debug, PartialEq)]
pub(crate) enum Key {
    /// `[0]`, `[1]`: matches exactly that number.
    Number(f64),
    /// `[one]`, `[other]`: a plural category, or a text argument's value.
    Name(String),
}

/// Parses and compiles one `.ftl` file named `file` (`<language code>.ftl`).
/// Every problem is returned, each naming the file and, where there is one, the key.
pub(crate) fn compile(file: &str, source: &str) -> Result<Language, Vec<String>> {
    let code = file.strip_suffix(".ftl").unwrap_or(file);
    let valid_code = !code.is_empty()
        && !code.starts_with('-')
        && !code.ends_with('-')
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !valid_code {
        return Err(vec![format!(
            "{file}: the file name must be a language code, like `en.ftl` or `pt-BR.ftl`"
        )]);
    }

    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((_, parse_errors)) => {
            return Err(parse_errors
                .iter()
                .map(|e| {
                    let (line, column) = line_column(source, e.pos.start);
                    let entry = e
                        .slice
                        .as_ref()
                        .and_then(|s| source.get(s.clone()))
                        .and_then(|s| s.lines().next())
                        .map(|s| format!(" (in `{}`)", s.trim()))
                        .unwrap_or_default();
                    format!("{file}:{line}:{column}: syntax error: {}{entry}", e.kind)
                })
                .collect())
        }
    };

    let mut errors = Vec::new();
    let mut messages = BTreeMap::new();
    for entry in &resource.body {
        let (key, value, has_attributes) = match entry {
            ast::Entry::Message(m) => (
                m.id.name.to_string(),
                m.value.as_ref(),
                !m.attributes.is_empty(),
            ),
            ast::Entry::Term(t) => (
                format!("-{}", t.id.name),
                Some(&t.value),
                !t.attributes.is_empty(),
            ),
            _ => continue,
        };
        let mut cx = Context {
            file,
            key: &key,
            term: key.starts_with('-'),
            errors: Vec::new(),
        };
        if has_attributes {
            cx.error("attributes (`.name = …`) are not supported");
        }
        let pieces = match value {
            Some(pattern) => cx.pattern(pattern),
            None => {
                cx.error("the message has no value");
                Vec::new()
            }
        };
        errors.append(&mut cx.errors);
        if messages.insert(key.clone(), pieces).is_some() {
            errors.push(format!("{file}: `{key}` is defined twice"));
        }
    }

    if errors.is_empty() {
        Ok(Language {
            code: code.to_string(),
            file: file.to_string(),
            messages,
        })
    } else {
        Err(errors)
    }
}

/// 1-based line and column (in characters) of byte offset `pos`.
fn line_column(source: &str, pos: usize) -> (usize, usize) {
    let before = source.get(..pos).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// Where the compiler is, for error messages.
struct Context<'a> {
    file: &'a str,
    key: &'a str,
    term: bool,
    errors: Vec<String>,
}

impl Context<'_> {
    fn error(&mut self, what: &str) {
        self.errors
            .push(format!("{}: `{}`: {what}", self.file, self.key));
    }

    fn pattern(&mut self, pattern: &ast::Pattern<&str>) -> Vec<Piece> {
        let mut pieces = Vec::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    push(&mut pieces, Piece::Text(value.to_string()))
                }
                ast::PatternElement::Placeable { expression } => {
                    self.expression(expression, &mut pieces)
                }
            }
        }
        pieces
    }

    fn expression(&mut self, expression: &ast::Expression<&str>, out: &mut Vec<Piece>) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline, out),
            ast::Expression::Select { selector, variants } => {
                let ast::InlineExpression::VariableReference { id } = selector else {
                    self.error(
                        "a select expression must select on a variable, like `{ $count -> … }`",
                    );
                    return;
                };
                if self.term {
                    self.error(
                        "variables in terms are not supported (they would need term arguments)",
                    );
                }
                let mut compiled = Vec::new();
                let mut default = 0;
                for (index, variant) in variants.iter().enumerate() {
                    let key = match &variant.key {
                        ast::VariantKey::Identifier { name } => Key::Name(name.to_string()),
                        ast::VariantKey::NumberLiteral { value } => match value.parse::<f64>() {
                            Ok(number) if number.is_finite() => Key::Number(number),
                            _ => {
                                self.error(&format!(
                                    "the variant key `[{value}]` is not a usable number"
                                ));
                                continue;
                            }
                        },
                    };
                    if variant.default {
                        default = index;
                    }
                    compiled.push((key, self.pattern(&variant.value)));
                }
                out.push(Piece::Select {
                    var: id.name.to_string(),
                    variants: compiled,
                    default,
                });
            }
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>, out: &mut Vec<Piece>) {
        match inline {
            ast::InlineExpression::StringLiteral { value } => {
                let text = fluent_syntax::unicode::unescape_unicode_to_string(value);
                push(out, Piece::Text(text.into_owned()));
            }
            ast::InlineExpression::VariableReference { id } => {
                if self.term {
                    self.error(
                        "variables in terms are not supported (they would need term arguments)",
                    );
                }
                out.push(Piece::Var(id.name.to_string()));
            }
            ast::InlineExpression::MessageReference {
                id,
                attribute: None,
            } => {
                out.push(Piece::Message(id.name.to_string()));
            }
            ast::InlineExpression::TermReference {
                id,
                attribute: None,
                arguments: None,
            } => out.push(Piece::Message(format!("-{}", id.name))),
            ast::InlineExpression::Placeable { expression } => self.expression(expression, out),
            ast::InlineExpression::MessageReference { id, .. } => {
                self.error(&format!(
                    "attribute references like `{{ {}.attr }}` are not supported",
                    id.name
                ));
            }
            ast::InlineExpression::TermReference { id, .. } => {
                self.error(&format!(
                    "term attributes and arguments like `{{ -{}(case: \"…\") }}` are not supported",
                    id.name
                ));
            }
            ast::InlineExpression::FunctionReference { id, .. } => {
                self.error(&format!("functions like `{}()` are not supported", id.name));
            }
            ast::InlineExpression::NumberLiteral { value } => {
                self.error(&format!(
                    "number literals like `{{ {value} }}` are not supported; write the number as text"
                ));
            }
        }
    }
}

/// Appends `piece`, merging adjacent texts (the parser splits text at line ends).
fn push(pieces: &mut Vec<Piece>, piece: Piece) {
    if let (Some(Piece::Text(last)), Piece::Text(text)) = (pieces.last_mut(), &piece) {
        last.push_str(text);
    } else if piece != Piece::Text(String::new()) {
        pieces.push(piece);
    }
}

/// Checks that every language has exactly the reference language's keys (messages and terms).
/// `keys` maps a language code to its keys. The error lists every missing and every extra key.
pub(crate) fn check_keys(keys: &BTreeMap<&str, BTreeSet<&str>>) -> Result<(), String> {
    let Some(reference) = keys.get(REFERENCE) else {
        return Err(format!(
            "i18n: {REFERENCE}.ftl is missing; it is the reference language every other file is checked against"
        ));
    };
    let mut problems = Vec::new();
    for (&code, own) in keys {
        for key in reference.difference(own) {
            problems.push(format!(
                "`{key}` is missing in {code}.ftl (it is in {REFERENCE}.ftl)"
            ));
        }
        for key in own.difference(reference) {
            problems.push(format!(
                "`{key}` is in {code}.ftl but not in {REFERENCE}.ftl"
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "i18n: the language files do not have the same keys:\n  - {}",
            problems.join("\n  - ")
        ))
    }
}

/// Checks that every `{ message }` and `{ -term }` reference exists in the same file, and that no
/// message reaches itself through references (which would never finish rendering).
pub(crate) fn check_references(languages: &[Language]) -> Vec<String> {
    let mut errors = Vec::new();
    for language in languages {
        for (key, pieces) in &language.messages {
            let mut refs = Vec::new();
            references(pieces, &mut refs);
            for target in refs {
                if !language.messages.contains_key(target) {
                    errors.push(format!(
                        "{}: `{key}` refers to `{target}`, which does not exist",
                        language.file
                    ));
                }
            }
            if let Some(cycle) = cycle_from(language, key, &mut vec![key.as_str()]) {
                errors.push(format!(
                    "{}: `{key}` refers to itself: {}",
                    language.file,
                    cycle.join(" → ")
                ));
            }
        }
    }
    errors
}

fn references<'a>(pieces: &'a [Piece], out: &mut Vec<&'a str>) {
    for piece in pieces {
        match piece {
            Piece::Message(key) => out.push(key),
            Piece::Select { variants, .. } => variants.iter().for_each(|(_, p)| references(p, out)),
            Piece::Text(_) | Piece::Var(_) => {}
        }
    }
}

/// Depth-first search for a path of references from the last key of `path` back to its first.
fn cycle_from<'a>(
    language: &'a Language,
    key: &str,
    path: &mut Vec<&'a str>,
) -> Option<Vec<&'a str>> {
    let mut refs = Vec::new();
    references(language.messages.get(key)?, &mut refs);
    for target in refs {
        if target == path[0] {
            let mut cycle = path.clone();
            cycle.push(target);
            return Some(cycle);
        }
        if path.contains(&target) {
            continue; // a cycle, but not through path[0]; reported for its own key
        }
        path.push(target);
        if let Some(cycle) = cycle_from(language, target, path) {
            return Some(cycle);
        }
        path.pop();
    }
    None
}

/// The Rust source of `messages.rs`: the language list (reference first) and, per language in the
/// same order, its messages sorted by key for binary search.
pub(crate) fn generate(languages: &[Language]) -> String {
    let mut ordered: Vec<&Language> = languages.iter().filter(|l| l.code == REFERENCE).collect();
    ordered.extend(languages.iter().filter(|l| l.code != REFERENCE));

    let mut out =
        String::from("// @generated by build.rs from i18n/*.ftl; edit those files instead.\n\n");
    out.push_str("/// Supported languages, `de` (the reference and fallback) first.\n");
    out.push_str("pub const LANGUAGES: &[&str] = &[");
    for language in &ordered {
        let _ = write!(out, "{:?}, ", language.code);
    }
    out.push_str("];\n\n");
    out.push_str("/// Per language (in `LANGUAGES` order): `(key, pattern)`, sorted by key.\n");
    out.push_str("pub(super) static TABLES: &[&[(&str, &[Piece])]] = &[\n");
    for language in &ordered {
        let _ = writeln!(out, "    // {}", language.file);
        out.push_str("    &[\n");
        for (key, pieces) in &language.messages {
            let _ = write!(out, "        ({key:?}, ");
            write_pieces(&mut out, pieces);
            out.push_str("),\n");
        }
        out.push_str("    ],\n");
    }
    out.push_str("];\n");
    out
}

fn write_pieces(out: &mut String, pieces: &[Piece]) {
    out.push_str("&[");
    for piece in pieces {
        match piece {
            Piece::Text(text) => _ = write!(out, "Piece::Text({text:?}), "),
            Piece::Var(name) => _ = write!(out, "Piece::Var({name:?}), "),
            Piece::Message(key) => _ = write!(out, "Piece::Message({key:?}), "),
            Piece::Select {
                var,
                variants,
                default,
            } => {
                let _ = write!(out, "Piece::Select {{ var: {var:?}, variants: &[");
                for (key, pieces) in variants {
                    match key {
                        Key::Number(n) => _ = write!(out, "(VariantKey::Number({n:?}), "),
                        Key::Name(name) => _ = write!(out, "(VariantKey::Name({name:?}), "),
                    }
                    write_pieces(out, pieces);
                    out.push_str("), ");
                }
                let _ = write!(out, "], default: {default} }}, ");
            }
        }
    }
    out.push(']');
}
