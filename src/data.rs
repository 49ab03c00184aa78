//! A published set in the browser: its manifest, where its files come from (beside the
//! manifest on a server, or in memory when the worker or the operator preview published a
//! catalogue in this page), and loading what a view needs into the finder's store.
//!
//! Every file fetched from a server is checked against the hash in its name before it is
//! read; a file that fails gets a message naming it and its district, and the entries that
//! did load stay on screen.

use crate::schedule::next_task;
use ankommen_core::catalog::Entry;
use ankommen_core::manifest::{FileRef, Manifest};
use ankommen_core::pack::{DecodeError, FileKind};
use ankommen_core::store::DetailsAt;
use ankommen_core::{Finder, Problem};
use futures::stream::{FuturesUnordered, StreamExt};
use js_sys::{Object, Reflect, Uint8Array};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A published set and the way to its files. Cheap to clone.
#[derive(Clone)]
pub struct Dataset {
    pub manifest: Rc<Manifest>,
    files: Rc<Files>,
}

enum Files {
    /// Beside the manifest: `base` is its URL up to the last `/`; `fetcher` the script that
    /// fetches them off the main thread.
    Remote {
        base: String,
        timeout_ms: u32,
        fetcher: String,
    },
    /// Published in this page: an object of file name → `ArrayBuffer`.
    Memory(Object),
}

/// Why a file of the set could not be had.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    Http(u16),
    Unreachable,
    Timeout(u32),
    /// Its bytes do not have the hash its name carries: damaged, cut short, or a file of
    /// another publication under this name.
    Corrupt,
    Undecodable(DecodeError),
}

impl Fault {
    /// What went wrong with file `name`, in German and English.
    pub fn describe(&self, name: &str) -> (String, String) {
        match self {
            Fault::Http(status @ (404 | 410)) => (
                format!("die Datei „{name}“ fehlt auf dem Server (HTTP {status})."),
                format!("the file “{name}” is missing on the server (HTTP {status})."),
            ),
            Fault::Http(status) => (
                format!("der Server antwortet auf „{name}“ mit HTTP {status}."),
                format!("the server answers “{name}” with HTTP {status}."),
            ),
            Fault::Unreachable => (
                format!("keine Verbindung zum Server für „{name}“."),
                format!("no connection to the server for “{name}”."),
            ),
            Fault::Timeout(seconds) => (
                format!("„{name}“ kam nicht innerhalb von {seconds} Sekunden."),
                format!("“{name}” did not arrive within {seconds} seconds."),
            ),
            Fault::Corrupt => (
                format!("die Datei „{name}“ ist beschädigt oder unvollständig (ihre Prüfsumme stimmt nicht)."),
                format!("the file “{name}” is damaged or incomplete (its checksum does not match)."),
            ),
            Fault::Undecodable(e) => (
                format!("die Datei „{name}“ ist nicht lesbar ({e})."),
                format!("the file “{name}” cannot be read ({e})."),
            ),
        }
    }
}

impl Dataset {
    /// A set on a server, its manifest read from `manifest_url`; `fetcher` is the address of
    /// `fetcher.js` (beside the app's page).
    pub fn remote(
        manifest: Manifest,
        manifest_url: &str,
        timeout_ms: u32,
        fetcher: &str,
    ) -> Dataset {
        let path = manifest_url.split(['?', '#']).next().unwrap_or_default();
        let base = path
            .rfind('/')
            .map_or("", |slash| &path[..=slash])
            .to_owned();
        Dataset {
            manifest: Rc::new(manifest),
            files: Rc::new(Files::Remote {
                base,
                timeout_ms,
                fetcher: fetcher.to_owned(),
            }),
        }
    }

    /// A set published in this page; `files` maps each file name to its `ArrayBuffer`.
    pub fn in_memory(manifest: Manifest, files: Object) -> Dataset {
        Dataset {
            manifest: Rc::new(manifest),
            files: Rc::new(Files::Memory(files)),
        }
    }

    /// True when the set was published in this page (from a JSON source).
    pub fn is_in_memory(&self) -> bool {
        matches!(*self.files, Files::Memory(_))
    }

    /// A file's bytes in the app's memory, its hash checked.
    pub async fn file(&self, file: &FileRef) -> Result<Vec<u8>, Fault> {
        match &*self.files {
            Files::Memory(files) => Reflect::get(files, &file.name.as_str().into())
                .ok()
                .filter(|b| b.is_instance_of::<js_sys::ArrayBuffer>())
                .map(|buffer| Uint8Array::new(&buffer).to_vec())
                .ok_or(Fault::Http(404)),
            Files::Remote {
                base,
                timeout_ms,
                fetcher,
            } => {
                let url = format!("{base}{}", file.name);
                let bytes = match crate::fetcher::fetch(fetcher, &url, file, *timeout_ms).await {
                    Some(fetched) => fetched?,
                    // No worker here: the same checks, on the main thread.
                    None => {
                        let bytes = fetch(&url, *timeout_ms, file.bytes).await?;
                        if u64::from(bytes.length()) != file.bytes
                            || !hash_matches(&bytes, file.hash().unwrap_or_default()).await
                        {
                            return Err(Fault::Corrupt);
                        }
                        bytes
                    }
                };
                crate::offline::keep(&url);
                Ok(bytes.to_vec())
            }
        }
    }

    /// Entry `id` at `at`, from its details file.
    pub async fn details(&self, at: &DetailsAt, id: &str) -> Result<Entry, Fault> {
        let bytes = self.file(&at.file).await?;
        let (_, entries) =
            ankommen_core::chunk::decode_details(&bytes).map_err(Fault::Undecodable)?;
        entries
            .into_iter()
            .nth(at.position)
            .filter(|entry| entry.id == id)
            .ok_or(Fault::Undecodable(DecodeError {
                at: 0,
                what: "details of other entries",
            }))
    }

    /// The districts a chunk holds, by name, for a message.
    fn district_names(&self, keys: &[String]) -> String {
        let name = |key: &String| {
            self.manifest
                .districts
                .iter()
                .find(|d| &d.key == key)
                .map_or_else(|| key.clone(), |d| d.name.clone())
        };
        keys.iter().map(name).collect::<Vec<_>>().join(", ")
    }
}

/// Chunks fetched at once (three files each).
const CHUNKS_IN_FLIGHT: usize = 16;

/// Fetches `url`, of `expected` bytes, within `timeout_ms`; a status other than 2xx is a
/// fault, and so is an answer announced as much larger (it is not read). The browser's
/// `fetch` directly: this runs for every file of a set.
async fn fetch(url: &str, timeout_ms: u32, expected: u64) -> Result<Uint8Array, Fault> {
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(timeout_ms)));
    let started = js_sys::Date::now();
    let late = || js_sys::Date::now() - started >= f64::from(timeout_ms);
    let fetched = JsFuture::from(window().fetch_with_str_and_init(url, &init)).await;
    let response: web_sys::Response = match fetched.map(JsCast::dyn_into) {
        Ok(Ok(response)) => response,
        _ if late() => return Err(Fault::Timeout(timeout_ms.div_ceil(1000))),
        _ => return Err(Fault::Unreachable),
    };
    if !(200..300).contains(&response.status()) {
        return Err(Fault::Http(response.status()));
    }
    // A compressed answer may be a little larger than its content, never much.
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.parse::<u64>().ok());
    if announced.is_some_and(|n| n > expected + expected / 8 + 1024) {
        return Err(Fault::Corrupt);
    }
    crate::offline::body(&response).await.map_err(|_| {
        if late() {
            Fault::Timeout(timeout_ms.div_ceil(1000))
        } else {
            Fault::Unreachable
        }
    })
}

/// True when the first 16 hex digits of the SHA-256 of `bytes` are `expected`. Hashed by the
/// browser (Web Crypto), off the main thread's wasm; where a page is not a secure context and
/// has no Web Crypto, files are read unchecked (their decoder refuses malformed bytes).
async fn hash_matches(bytes: &Uint8Array, expected: &str) -> bool {
    let Some(subtle) = window()
        .crypto()
        .ok()
        .and_then(|c| Reflect::get(&c, &"subtle".into()).ok())
        .filter(|s| !s.is_undefined())
        .map(JsCast::unchecked_into::<web_sys::SubtleCrypto>)
    else {
        return true;
    };
    let Ok(promise) = subtle.digest_with_str_and_buffer_source("SHA-256", bytes) else {
        return false;
    };
    let Ok(digest) = JsFuture::from(promise).await else {
        return false;
    };
    let head = Uint8Array::new(&digest).subarray(0, 8).to_vec();
    let hex: String = head.iter().map(|b| format!("{b:02x}")).collect();
    hex == expected
}

/// Where the finder lives: in the view (a `StoredValue`), or in a cell while the first screen
/// is loaded, before there is a view.
pub trait FinderCell {
    fn update<R>(&self, change: impl FnOnce(&mut Finder) -> R) -> Option<R>;
}

impl FinderCell for StoredValue<Finder> {
    fn update<R>(&self, change: impl FnOnce(&mut Finder) -> R) -> Option<R> {
        self.try_update_value(change)
    }
}

impl FinderCell for std::cell::RefCell<Finder> {
    fn update<R>(&self, change: impl FnOnce(&mut Finder) -> R) -> Option<R> {
        Some(change(&mut self.borrow_mut()))
    }
}

/// Loads `chunks` of `dataset` into the finder's store, with their texts in `lang`: all files
/// fetched at once, each chunk decoded in its own task as soon as its files are in, so the
/// page answers input meanwhile. Returns how many chunks were added, and each chunk that
/// could not be with its problem.
pub async fn load_chunks(
    dataset: &Dataset,
    finder: &impl FinderCell,
    chunks: Vec<u32>,
    lang: &str,
) -> (usize, Vec<(u32, Problem)>) {
    let manifest = dataset.manifest.clone();
    let lang = manifest.texts_language(lang).to_owned();
    let missing: Vec<u32> = chunks
        .into_iter()
        .filter(|n| (*n as usize) < manifest.chunks.len())
        .filter(|n| finder.update(|f| !f.store().is_loaded(*n)).unwrap_or(false))
        .collect();
    let load = |n: u32| {
        let chunk = &manifest.chunks[n as usize];
        let texts = chunk.texts.get(&lang).or_else(|| chunk.texts.get("de"));
        async move {
            let (entries, index, texts) = futures::join!(
                with_name(dataset, &chunk.entries_file),
                with_name(dataset, &chunk.index),
                async {
                    match texts {
                        Some(file) => with_name(dataset, file).await,
                        None => Err((String::new(), Fault::Http(404))),
                    }
                }
            );
            (n, entries.and_then(|e| Ok((e, index?, texts?))))
        }
    };
    // A few chunks at a time: starting a fetch costs the main thread a millisecond or more,
    // and a hundred at once would hold it for a long task; the connections are busy anyway.
    let mut waiting = missing.into_iter();
    let mut pending: FuturesUnordered<_> =
        waiting.by_ref().take(CHUNKS_IN_FLIGHT).map(load).collect();
    let mut problems = Vec::new();
    let mut added_chunks = 0;
    while let Some((n, files)) = pending.next().await {
        if let Some(next) = waiting.next() {
            pending.push(load(next));
        }
        let districts = manifest.chunks[n as usize].districts.clone();
        let added = files.and_then(|(entries, index, texts)| {
            finder
                .update(|f| {
                    // The three files are read together: a chunk is added whole or not at all.
                    f.store_mut()
                        .add(n, &districts, &entries.1, &index.1, &texts.1)
                        .map_err(|e| {
                            let name = match e.file {
                                FileKind::Index => &index.0,
                                FileKind::Texts => &texts.0,
                                _ => &entries.0,
                            };
                            (name.clone(), Fault::Undecodable(e.error))
                        })
                })
                .unwrap_or(Ok(()))
        });
        match added {
            Ok(()) => added_chunks += 1,
            Err((name, fault)) => problems.push((
                n,
                chunk_problem(&dataset.district_names(&districts), &name, &fault),
            )),
        }
        // One chunk per task: decoding a chunk takes a few milliseconds.
        next_task().await;
    }
    (added_chunks, problems)
}

async fn with_name(
    dataset: &Dataset,
    file: &FileRef,
) -> Result<(String, Vec<u8>), (String, Fault)> {
    match dataset.file(file).await {
        Ok(bytes) => Ok((file.name.clone(), bytes)),
        Err(fault) => Err((file.name.clone(), fault)),
    }
}

/// The texts in `lang` of the loaded chunks that have none yet (after a language switch).
pub async fn load_texts(dataset: &Dataset, finder: &impl FinderCell, lang: &str) -> Vec<Problem> {
    let manifest = dataset.manifest.clone();
    let lang = manifest.texts_language(lang);
    let missing = finder
        .update(|f| f.store().missing_texts(lang))
        .unwrap_or_default();
    let mut problems = Vec::new();
    for n in missing {
        let chunk = &manifest.chunks[n as usize];
        let Some(file) = chunk.texts.get(lang) else {
            continue;
        };
        let added = match dataset.file(file).await {
            Ok(bytes) => finder
                .update(|f| f.store_mut().add_texts(n, &bytes))
                .unwrap_or(Ok(()))
                .map_err(Fault::Undecodable),
            Err(fault) => Err(fault),
        };
        if let Err(fault) = added {
            problems.push(chunk_problem(
                &dataset.district_names(&chunk.districts),
                &file.name,
                &fault,
            ));
        }
    }
    problems
}

/// Fetches the excerpts file `file` of chunk `chunk` for the rows that show it, once however
/// many rows ask; `excerpts` changes when it is in. A file that cannot be had leaves its
/// rows' two description lines empty for the visit (the details still have the text), with
/// a console warning.
pub fn want_excerpts(discovery: crate::app::Discovery, file: FileRef, chunk: u32) {
    let asked = discovery
        .excerpts_asked
        .try_update_value(|asked| asked.insert(file.name.clone()))
        .unwrap_or(false);
    if !asked {
        return;
    }
    leptos::task::spawn_local(async move {
        let dataset = discovery.dataset.get_value();
        let added = match dataset.file(&file).await {
            Ok(bytes) => discovery
                .finder
                .try_update_value(|f| f.store_mut().add_excerpts(chunk, &bytes))
                .unwrap_or(Ok(()))
                .map_err(Fault::Undecodable),
            Err(fault) => Err(fault),
        };
        match added {
            Ok(()) => discovery.excerpts.update(|n| *n += 1),
            Err(fault) => leptos::logging::warn!("{}", fault.describe(&file.name).1),
        }
    });
}

/// The region's municipalities, for "near a place" (once).
pub async fn load_places(dataset: &Dataset, finder: &impl FinderCell) -> Option<Problem> {
    let file = &dataset.manifest.places;
    let added = match dataset.file(file).await {
        Ok(bytes) => finder
            .update(|f| f.store_mut().add_places(&bytes))
            .unwrap_or(Ok(()))
            .map_err(Fault::Undecodable),
        Err(fault) => Err(fault),
    };
    added.err().map(|fault| {
        let (de, en) = fault.describe(&file.name);
        Problem::warning(
            "",
            "",
            format!("Die Orte für „in der Nähe von“ fehlen: {de}"),
            format!("The places for “near” are missing: {en}"),
        )
    })
}

fn chunk_problem(district: &str, name: &str, fault: &Fault) -> Problem {
    let (de, en) = fault.describe(name);
    Problem::error(
        "",
        "",
        format!("Die Einträge aus {district} konnten nicht geladen werden: {de}"),
        format!("The entries of {district} could not be loaded: {en}"),
    )
}

/// A published set's manifest from the bytes of `manifest.json`, when they are one: `None` for
/// anything else (a catalogue document), `Some(Err)` for a manifest this app cannot use.
pub fn read_manifest(bytes: &[u8]) -> Option<Result<Manifest, Problem>> {
    /// A manifest is small; a larger document is a catalogue and goes to the worker unparsed.
    const MANIFEST_MAX: usize = 8_000_000;
    if bytes.len() > MANIFEST_MAX {
        return None;
    }
    let text = ankommen_core::text::decode(bytes);
    let value = js_sys::JSON::parse(&text).ok()?;
    if !value.is_object() || !Reflect::has(&value, &"published".into()).unwrap_or(false) {
        return None;
    }
    let refused = |(de, en): (String, String)| {
        Problem::error(
            "",
            "/published",
            format!("Das Manifest ist nicht verwendbar: {de}"),
            format!("The manifest cannot be used: {en}"),
        )
    };
    // The version first, so a newer format is named as such rather than as broken fields.
    let version = Reflect::get(&value, &"published".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let newer = version
        .split('.')
        .next()
        .and_then(|major| major.parse::<u32>().ok())
        .is_some_and(|major| major > u32::from(ankommen_core::manifest::PUBLISHED_MAJOR));
    if newer {
        return Some(Err(refused(
            ankommen_core::manifest::ManifestError::Newer(version).messages(),
        )));
    }
    let manifest: Manifest = match serde_wasm_bindgen::from_value(value) {
        Ok(manifest) => manifest,
        Err(e) => {
            let e = e.to_string();
            return Some(Err(refused((e.clone(), e))));
        }
    };
    Some(
        manifest
            .check()
            .map(|()| manifest)
            .map_err(|e| refused(e.messages())),
    )
}

/// `JsValue` of a JavaScript error, as text for the console.
pub fn describe_js(e: &JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}
