//! File names every platform can hold. Project files travel between Linux, macOS and Windows
//! (OneDrive, SharePoint, a USB stick), so Kompas writes no file under a name that Windows or
//! OneDrive cannot hold, on every platform: a device name (`CON.ron`, `aux.html`), a name that
//! ends in a dot or a space (Windows drops them, so `regio.ron.` would land on `regio.ron`),
//! a character Windows forbids (`<>:"/\|?*` and control characters), or a name too long to
//! keep its backup beside it. The rules are plain functions, tested on every platform.

use std::path::Path;

/// The longest file name Kompas writes, in bytes of UTF-8: file systems allow 255 (bytes on
/// Linux, UTF-16 units on Windows), and the backup (`NAME.bak`) must fit too.
pub const MAX_NAME_BYTES: usize = 240;

/// What is wrong with a file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// A device name on Windows (`CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9`), with
    /// any extension.
    Reserved,
    /// Ends in a dot or a space.
    TrailingDotOrSpace,
    /// A character Windows does not allow in a name.
    Character(char),
    /// Longer than [`MAX_NAME_BYTES`].
    TooLong,
}

/// Whether `path`'s file name is a device on Windows (`CON.ron`, `aux.html`, `Nul`, `COM1.csv`,
/// `lpt9.md`, `CONIN$`): such a file cannot exist on Windows or in OneDrive, and on Windows
/// writing to it writes to the device.
pub fn reserved_windows_name(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| is_reserved(&n.to_string_lossy()))
}

fn is_reserved(name: &str) -> bool {
    // Windows looks at the part before the first dot, without trailing spaces
    let stem = name.split('.').next().unwrap_or("").trim_end_matches(' ');
    let upper = stem.to_ascii_uppercase();
    if matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) {
        return true;
    }
    let mut chars = upper.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let rest: String = chars.collect();
    (prefix == "COM" || prefix == "LPT")
        && (matches!(rest.as_str(), "¹" | "²" | "³")
            || rest.len() == 1 && rest.chars().all(|c| c.is_ascii_digit()))
}

/// What keeps `name` from being a file name on every platform, if anything.
pub fn name_problem(name: &str) -> Option<NameProblem> {
    if is_reserved(name) {
        return Some(NameProblem::Reserved);
    }
    if let Some(c) = name.chars().find(|c| {
        matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*') || c.is_control()
    }) {
        return Some(NameProblem::Character(c));
    }
    if name.ends_with(['.', ' ']) {
        return Some(NameProblem::TrailingDotOrSpace);
    }
    (name.len() > MAX_NAME_BYTES).then_some(NameProblem::TooLong)
}

/// [`name_problem`] of the file name of `path` (a path without one, such as `..`, has none
/// to check: writing to it fails on its own).
pub fn path_name_problem(path: &Path) -> Option<NameProblem> {
    name_problem(&path.file_name()?.to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_names_are_reserved_with_any_extension_and_case() {
        for name in [
            "CON.ron",
            "con.ron",
            "aux.ron",
            "Nul",
            "NUL.html",
            "prn.tar.gz",
            "COM1.csv",
            "com0.ron",
            "LPT9.md",
            "COM¹.ron",
            "lpt³",
            "con .ron",
            "CONIN$",
            "conout$.txt",
        ] {
            assert!(reserved_windows_name(Path::new(name)), "{name}");
            assert_eq!(name_problem(name), Some(NameProblem::Reserved), "{name}");
        }
        for name in [
            "console.ron",
            "con-regio.ron",
            "regio.con.ron",
            "COM10.ron",
            "LPT.ron",
            "comx.ron",
            "aux_1.html",
            "regio.ron",
            ".con",
        ] {
            assert!(!reserved_windows_name(Path::new(name)), "{name}");
        }
        assert!(reserved_windows_name(Path::new("map/sub/AUX.ron")));
    }

    #[test]
    fn names_windows_and_onedrive_cannot_hold_are_found() {
        assert_eq!(name_problem("regio.ron"), None);
        assert_eq!(
            name_problem("Regio Noord (andere versie 2026-01-02 14.05.09).ron"),
            None
        );
        assert_eq!(name_problem("één loket – verslag.html"), None);
        assert_eq!(
            name_problem("regio.ron."),
            Some(NameProblem::TrailingDotOrSpace)
        );
        assert_eq!(
            name_problem("verslag.html "),
            Some(NameProblem::TrailingDotOrSpace)
        );
        assert_eq!(
            name_problem("regio 14:05.ron"),
            Some(NameProblem::Character(':'))
        );
        for c in ['<', '>', '"', '|', '?', '*', '\\', '\u{1}'] {
            assert_eq!(
                name_problem(&format!("a{c}b.ron")),
                Some(NameProblem::Character(c))
            );
        }
        let long = format!("{}.ron", "a".repeat(MAX_NAME_BYTES - 4));
        assert_eq!(name_problem(&long), None);
        assert_eq!(
            name_problem(&format!("a{long}")),
            Some(NameProblem::TooLong)
        );
        // bytes, not characters: 'é' is two
        assert_eq!(
            name_problem(&format!("{}.ron", "é".repeat(MAX_NAME_BYTES / 2))),
            Some(NameProblem::TooLong)
        );
        assert_eq!(path_name_problem(Path::new("/tmp/x/regio.ron")), None);
        assert_eq!(
            path_name_problem(Path::new("/tmp/x/LPT1.ron")),
            Some(NameProblem::Reserved)
        );
    }
}
