//! The privacy guard: what does not belong in a cycle file. Free text is scanned for a citizen
//! service number (nine digits that pass the eleven-test), e-mail addresses, Dutch phone
//! numbers, and a postcode with a house number. Small counts (below a threshold, default 5)
//! can identify a child: exports show them as "< 5". No egui here.
//!
//! - `fold.rs`: the text as the patterns read it (NFKC as far as they can tell, spaces,
//!   dashes, invisible characters), with where each byte came from;
//! - `text.rs`: [`scan_text`], the patterns (BSN with the eleven-test, e-mail, phone, address);
//! - `birth.rs`: a date of birth (after "geboren", or next to an age);
//! - `project.rs`: [`scan_project`], every string of the document with its path ([`Finding`],
//!   [`Seg`]), where a finding is (cycle, step, field);
//! - `walk.rs`: the serde serializer that walks the document for its strings;
//! - `counts.rs`: small counts of people ([`unit_counts_people`], [`suppress`]).

mod birth;
mod counts;
mod fold;
mod project;
mod text;
mod walk;

pub use counts::{DEFAULT_SMALL_NUMBERS, suppress, unit_counts_people};
pub use project::{
    Finding, Seg, mask, path_text, scan_project, strings, visit_strings, visit_value,
};
pub use text::{passes_eleven_test, scan_text};

/// What was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Bsn,
    Email,
    Phone,
    Address,
    /// A date of birth (after "geboren", or next to an age): a warning.
    BirthDate,
}

/// What a finding is, as a warning ("Mogelijk een BSN"): the texts are named here, so the
/// translation layer below does not know the privacy guard.
impl crate::i18n::Label for Kind {
    fn key(self) -> crate::i18n::Key {
        match self {
            Kind::Bsn => crate::i18n::key!("privacy.bsn"),
            Kind::Email => crate::i18n::key!("privacy.email"),
            Kind::Phone => crate::i18n::key!("privacy.phone"),
            Kind::Address => crate::i18n::key!("privacy.address"),
            Kind::BirthDate => crate::i18n::key!("privacy.birth_date"),
        }
    }
}

/// One match in a text: its kind and byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}
