//! The UI language: the URL's `lang`, else the choice stored on this device, else the first
//! of the browser's languages that Ankommen speaks, else German. The strings themselves live
//! in Fluent files (`crates/core/i18n/*.ftl`), compiled into the core at build time.

use crate::choices;
use crate::history::{Address, Step};
use ankommen_core::i18n::{self, Arg};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Language {
    code: Memo<&'static str>,
    address: Address,
}

impl Language {
    pub fn new(address: Address) -> Language {
        let fallback = choices::get(choices::LANGUAGE)
            .and_then(|code| supported(&code))
            .unwrap_or_else(browser_language);
        let code = Memo::new(move |_| {
            address
                .state()
                .with(|s| s.lang.as_deref().and_then(supported))
                .unwrap_or(fallback)
        });
        Effect::new(move |_| {
            let code = code.get();
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", code);
            }
            document().set_title(&i18n::text(code, "page-title"));
        });
        Language { code, address }
    }

    /// The current language code (tracked).
    pub fn code(&self) -> &'static str {
        self.code.get()
    }

    pub fn code_untracked(&self) -> &'static str {
        self.code.get_untracked()
    }

    /// A UI string in the current language (tracked).
    pub fn t(&self, key: &str) -> String {
        i18n::text(self.code.get(), key)
    }

    pub fn t_with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        i18n::text_args(self.code.get(), key, args)
    }

    /// Switches language: one history step, and remembered on this device.
    pub fn switch(&self, code: &'static str) {
        choices::set(choices::LANGUAGE, Some(code));
        self.address
            .update(Step::Push, |s| s.lang = Some(code.to_owned()));
    }
}

pub fn use_language() -> Language {
    expect_context()
}

fn supported(code: &str) -> Option<&'static str> {
    i18n::LANGUAGES.iter().copied().find(|l| *l == code)
}

fn browser_language() -> &'static str {
    let languages = window().navigator().languages();
    let preferred: Vec<String> = languages.iter().filter_map(|l| l.as_string()).collect();
    i18n::negotiate(preferred.iter().map(String::as_str))
}
