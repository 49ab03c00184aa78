//! The closed vocabularies the filters are built on: kinds, categories and professions.
//!
//! Each value has a stable identifier (used in JSON, URLs, spreadsheets and CSS) and German
//! and English labels. Adding a value is adding one line to one table.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal, $de:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum $name {
            $(#[serde(rename = $id)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The identifier used in JSON, URLs, spreadsheets and CSS classes.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $id,)* }
            }

            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)* _ => None }
            }

            /// The label in `lang` (German for `de`, English otherwise).
            pub fn label(self, lang: &str) -> &'static str {
                match (self, lang == "de") {
                    $(($name::$variant, true) => $de, ($name::$variant, false) => $en,)*
                }
            }

            pub fn ids() -> impl Iterator<Item = &'static str> {
                Self::ALL.iter().map(|v| v.as_str())
            }
        }
    };
}

vocabulary! {
    /// What an entry is; the filters, legend and map icons are organised by it.
    Kind {
        Employer = "employer", "Arbeitgeber", "Employer";
        Opportunity = "opportunity", "Stelle, Praxis, Ausbildung", "Job, practice, training";
        Support = "support", "Unterstützung", "Support";
        Contact = "contact", "Ansprechpartner", "Contact";
        Event = "event", "Veranstaltung", "Event";
    }
}

vocabulary! {
    /// The finer classification of an entry; each category belongs to exactly one kind.
    Category {
        Hospital = "hospital", "Krankenhaus", "Hospital";
        RehabClinic = "rehab_clinic", "Reha-Klinik", "Rehabilitation clinic";
        CareHome = "care_home", "Pflegeheim", "Care home";
        CareService = "care_service", "Ambulanter Pflegedienst", "Home care service";
        MedicalPractice = "medical_practice", "Arztpraxis / MVZ", "Medical practice / MVZ";
        TherapyPractice = "therapy_practice", "Therapiepraxis", "Therapy practice";
        Pharmacy = "pharmacy", "Apotheke", "Pharmacy";
        Job = "job", "Stellenangebot", "Job opening";
        PracticeTakeover = "practice_takeover", "Praxisübernahme / freier Sitz", "Practice takeover / open seat";
        PracticePremises = "practice_premises", "Praxisräume", "Practice premises";
        ClinicalElective = "clinical_elective", "Famulatur", "Clinical elective (Famulatur)";
        PracticalYear = "practical_year", "Praktisches Jahr (PJ)", "Practical year (PJ)";
        SpecialistTraining = "specialist_training", "Weiterbildung", "Specialist training";
        Apprenticeship = "apprenticeship", "Ausbildung", "Apprenticeship";
        GapYear = "gap_year", "Gap Year / FSJ", "Gap year";
        Childcare = "childcare", "Kinderbetreuung", "Childcare";
        Housing = "housing", "Wohnen", "Housing";
        Mobility = "mobility", "Mobilität", "Mobility";
        Mentoring = "mentoring", "Mentoring", "Mentoring";
        WelcomeCentre = "welcome_centre", "Willkommenszentrum / Anerkennung", "Welcome centre / recognition advice";
        RelocationPackage = "relocation_package", "Rundum-Sorglos-Paket", "All-in-one relocation package";
        Funding = "funding", "Förderung", "Funding";
        ServicePoint = "service_point", "Servicestelle", "Service point";
        Network = "network", "Netzwerk / Initiative", "Network / initiative";
        JobFair = "job_fair", "Jobmesse", "Job fair";
        ActionDay = "action_day", "Aktionstag", "Action day";
        Conference = "conference", "Konferenz / Infoveranstaltung", "Conference / information event";
    }
}

vocabulary! {
    /// Who an entry is for.
    Profession {
        Doctor = "doctor", "Ärztinnen und Ärzte", "Doctors";
        Nurse = "nurse", "Pflegefachkräfte", "Nurses";
        Therapist = "therapist", "Therapeutinnen und Therapeuten", "Therapists";
        Pharmacist = "pharmacist", "Apothekerinnen und Apotheker", "Pharmacists";
        MedicalAssistant = "medical_assistant", "Medizinische Fachangestellte", "Medical assistants";
        Student = "student", "Studierende und Auszubildende", "Students and trainees";
    }
}

impl Category {
    /// The one kind this category belongs to.
    pub fn kind(self) -> Kind {
        use Category::*;
        match self {
            Hospital | RehabClinic | CareHome | CareService | MedicalPractice | TherapyPractice
            | Pharmacy => Kind::Employer,
            Job | PracticeTakeover | PracticePremises | ClinicalElective | PracticalYear
            | SpecialistTraining | Apprenticeship | GapYear => Kind::Opportunity,
            Childcare | Housing | Mobility | Mentoring | WelcomeCentre | RelocationPackage
            | Funding => Kind::Support,
            ServicePoint | Network => Kind::Contact,
            JobFair | ActionDay | Conference => Kind::Event,
        }
    }
}

/// The candidate closest to `input` by edit distance, if it is close enough to be a typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.trim().to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&input, c), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_a_kind_and_every_kind_a_category() {
        for kind in Kind::ALL {
            assert!(Category::ALL.iter().any(|c| c.kind() == *kind), "{kind:?}");
        }
    }

    #[test]
    fn ids_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_id(c.as_str()), Some(*c));
        }
    }

    #[test]
    fn typos_find_their_value_and_nonsense_finds_nothing() {
        assert_eq!(closest("hospitl", Category::ids()), Some("hospital"));
        assert_eq!(closest("Nurce", Profession::ids()), Some("nurse"));
        assert_eq!(closest("childcar", Category::ids()), Some("childcare"));
        assert_eq!(closest("xyzzy", Category::ids()), None);
    }
}
