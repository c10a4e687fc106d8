//! Errors and warnings of loading and saving, with messages a policy maker understands.

use crate::i18n::{Lang, lang, t, tf};

/// Why a file could not be opened. The file itself is never changed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("could not read the file: {detail}")]
    Read {
        kind: std::io::ErrorKind,
        detail: String,
    },
    #[error("the file is empty")]
    Empty,
    #[error("the file is not text (UTF-8) at line {line}, column {col}")]
    NotUtf8 { line: usize, col: usize },
    #[error("line {line}, column {col}: {detail}")]
    Malformed {
        line: usize,
        col: usize,
        /// The file ends where more was expected: it was probably cut off.
        truncated: bool,
        detail: String,
    },
    #[error("this is not a Kompas project file (no format_version)")]
    NotAProject,
    #[error(
        "the file was made by a newer Kompas (format {found}; this version reads up to {supported})"
    )]
    NewerVersion { found: u32, supported: u32 },
    #[error("not a regular file (a folder, device or pipe)")]
    NotAFile,
    #[error("the file is larger than {limit_mb} MB")]
    TooLarge { limit_mb: u64 },
}

impl LoadError {
    /// A RON error in `text`. The file counts as cut off when RON ran out of input, or when
    /// the error is on the last line of the text (a value that never got its closing bracket).
    pub(super) fn from_ron_in(e: &ron::error::SpannedError, text: &str) -> Self {
        let end_line = text.trim_end().lines().count().max(1);
        let at_end = e.span.start.line >= end_line && end_line > 1;
        let mut err = Self::from_ron(e);
        if let Self::Malformed { truncated, .. } = &mut err {
            *truncated |= at_end;
        }
        err
    }

    pub(super) fn from_ron(e: &ron::error::SpannedError) -> Self {
        let truncated = matches!(e.code, ron::Error::Eof);
        Self::Malformed {
            line: e.span.start.line,
            col: e.span.start.col,
            truncated,
            detail: e.code.to_string(),
        }
    }

    /// The message in this thread's interface language (the UI thread's).
    pub fn message(&self) -> String {
        self.message_in(lang())
    }

    /// The message in `lang`: what happened and what to do.
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            Self::Read { kind, detail } => match kind {
                std::io::ErrorKind::NotFound => t!(lang, "err.load.not_found").to_owned(),
                std::io::ErrorKind::PermissionDenied => t!(lang, "err.load.permission").to_owned(),
                _ => tf!(lang, "err.load.read", detail = detail),
            },
            Self::Empty => t!(lang, "err.load.empty").to_owned(),
            Self::NotUtf8 { line, col } => tf!(
                lang,
                "err.load.not_utf8",
                line = &line.to_string(),
                col = &col.to_string()
            ),
            Self::Malformed {
                line,
                col,
                truncated,
                detail,
            } => {
                if *truncated {
                    tf!(
                        lang,
                        "err.load.truncated",
                        line = line,
                        col = col,
                        detail = detail
                    )
                } else {
                    tf!(
                        lang,
                        "err.load.malformed",
                        line = line,
                        col = col,
                        detail = detail
                    )
                }
            }
            Self::NotAProject => t!(lang, "err.load.not_project").to_owned(),
            Self::NotAFile => t!(lang, "err.load.not_a_file").to_owned(),
            Self::TooLarge { limit_mb } => {
                tf!(lang, "err.load.too_large", mb = &limit_mb.to_string())
            }
            Self::NewerVersion { found, supported } => tf!(
                lang,
                "err.load.newer",
                found = &found.to_string(),
                supported = &supported.to_string()
            ),
        }
    }
}

/// Something odd in a file that was repaired while loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadWarning {
    DanglingLinksRemoved(usize),
    DuplicateIds(usize),
    /// `n` scan scores outside 1–5 (the first was `value`) were taken out.
    ScoresOutOfRange {
        n: usize,
        value: u8,
    },
    /// The file was written in an older format; saving writes the current one.
    Migrated {
        from: u32,
    },
}

impl LoadWarning {
    /// The message in this thread's interface language (the UI thread's).
    pub fn message(&self) -> String {
        self.message_in(lang())
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            Self::DanglingLinksRemoved(n) => tf!(lang, "warn.load.dangling", n = n),
            Self::DuplicateIds(n) => tf!(lang, "warn.load.duplicates", n = n),
            Self::ScoresOutOfRange { n, value } => {
                tf!(lang, "warn.load.scores", n = n, value = value)
            }
            Self::Migrated { from } => tf!(
                lang,
                "warn.load.migrated",
                from = &from.to_string(),
                to = &crate::model::FORMAT_VERSION.to_string()
            ),
        }
    }
}

/// Why a save failed. The document stays in memory; the file on disk is the old version, whole.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("could not write the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not convert the project to text: {0}")]
    Serialize(String),
    /// An export that would destroy something: nothing was written.
    #[error("refused to write an export to {path}: {why:?}")]
    Refused {
        path: std::path::PathBuf,
        why: super::guard::Refusal,
    },
    /// A name no file may have on Windows or in OneDrive (see [`super::names`]): nothing was
    /// written, on any platform.
    #[error("refused to write {path}: its name cannot exist on Windows ({problem:?})")]
    Name {
        path: std::path::PathBuf,
        problem: super::names::NameProblem,
    },
    /// The file there is read-only (the attribute on Windows, no write permission on Unix):
    /// it is not replaced, on any platform.
    #[error("refused to write {path}: the file is read-only")]
    ReadOnly { path: std::path::PathBuf },
}

impl SaveError {
    pub(super) fn io(e: std::io::Error) -> Self {
        Self::Io(e)
    }

    /// The message in this thread's interface language (the UI thread's).
    pub fn message(&self) -> String {
        self.message_in(lang())
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            Self::Io(e) => match e.kind() {
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    t!(lang, "err.save.permission").to_owned()
                }
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                    t!(lang, "err.save.full").to_owned()
                }
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory => {
                    t!(lang, "err.save.not_found").to_owned()
                }
                std::io::ErrorKind::ResourceBusy => t!(lang, "err.save.busy").to_owned(),
                _ => tf!(lang, "err.save.io", detail = &e.to_string()),
            },
            Self::Serialize(detail) => tf!(lang, "err.save.io", detail = detail),
            Self::Name { path, problem } => {
                let file = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                let file = file.as_str();
                match problem {
                    super::names::NameProblem::Reserved => {
                        tf!(lang, "err.save.name_reserved", file = file)
                    }
                    super::names::NameProblem::TrailingDotOrSpace => {
                        tf!(lang, "err.save.name_end", file = file)
                    }
                    super::names::NameProblem::Character(c) => {
                        let c = if c.is_control() {
                            format!("U+{:04X}", u32::from(*c))
                        } else {
                            c.to_string()
                        };
                        tf!(lang, "err.save.name_char", file = file, sign = &c)
                    }
                    super::names::NameProblem::TooLong => t!(lang, "err.save.name_long").to_owned(),
                }
            }
            Self::ReadOnly { path } => {
                tf!(
                    lang,
                    "err.save.read_only",
                    file = &path.display().to_string()
                )
            }
            Self::Refused { path, why } => {
                let file = path.display();
                match why {
                    super::guard::Refusal::NotAFile => {
                        tf!(lang, "err.export.not_a_file", file = file)
                    }
                    super::guard::Refusal::ProjectFile => {
                        tf!(lang, "err.export.project_file", file = file)
                    }
                    super::guard::Refusal::SameAsInput => {
                        tf!(lang, "err.export.same_as_input", file = file)
                    }
                    super::guard::Refusal::OtherFormat => {
                        tf!(lang, "err.export.other_format", file = file)
                    }
                }
            }
        }
    }
}
