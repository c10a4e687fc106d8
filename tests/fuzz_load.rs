//! Loading never panics: at least 10,000 mutated, truncated and garbled variants of the sample
//! files (and the old-format fixture) go through the loader. Every variant either loads, or
//! fails with an error; errors about the text carry a line and column inside the file.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::storage::{self, LoadError};

use kompas::stress::Rng;

/// Characters that matter to RON's grammar, and some that are trouble in general.
const NASTY: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b":",
    b"\"",
    b"\\",
    b"'",
    b"/*",
    b"*/",
    b"//",
    b"r#\"",
    b"Some(",
    b"None",
    b"-",
    b"1e999",
    b"\n",
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"format_version: 99,",
    b"format_version: 0,",
    b"true",
    b"9999999999999999999999",
];

fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut v = original.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = v.len().max(1);
        match rng.below(7) {
            // truncate
            0 => v.truncate(rng.below(len)),
            // flip a bit
            1 => {
                if !v.is_empty() {
                    let i = rng.below(v.len());
                    v[i] ^= 1 << rng.below(8);
                }
            }
            // insert grammar characters
            2 => {
                let at = rng.below(len).min(v.len());
                let piece = NASTY[rng.below(NASTY.len())];
                v.splice(at..at, piece.iter().copied());
            }
            // delete a range
            3 => {
                let a = rng.below(len).min(v.len());
                let b = (a + rng.below(200)).min(v.len());
                v.drain(a..b);
            }
            // duplicate a range elsewhere
            4 => {
                let a = rng.below(len).min(v.len());
                let b = (a + rng.below(300)).min(v.len());
                let piece: Vec<u8> = v[a..b].to_vec();
                let at = rng.below(len).min(v.len());
                v.splice(at..at, piece);
            }
            // random garbage
            5 => {
                let at = rng.below(len).min(v.len());
                let garbage: Vec<u8> = (0..rng.below(16)).map(|_| rng.next_u64() as u8).collect();
                v.splice(at..at, garbage);
            }
            // swap two bytes
            _ => {
                if v.len() > 1 {
                    let (a, b) = (rng.below(v.len()), rng.below(v.len()));
                    v.swap(a, b);
                }
            }
        }
    }
    v
}

fn lines_and_last_col(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes).split('\n').count()
}

#[test]
fn ten_thousand_garbled_files_never_panic() {
    let mut sources: Vec<Vec<u8>> = kompas::samples::SAMPLES
        .iter()
        .map(|s| s.content.as_bytes().to_vec())
        .collect();
    sources.push(
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/format/v1-utrecht.ron"
        ))
        .unwrap(),
    );
    let mut rng = Rng::new(0x5eed_c0ff_ee00_1234);
    let (mut loaded, mut located, mut other) = (0, 0, 0);
    let mut split_agreed = 0;
    let total = 10_000;
    for case in 0..total {
        let source = &sources[case % sources.len()];
        let variant = mutate(&mut rng, source);
        let result = std::panic::catch_unwind(|| storage::parse(&variant));
        let Ok(result) = result else {
            let path = std::env::temp_dir().join(format!("kompas-fuzz-case-{case}.ron"));
            std::fs::write(&path, &variant).unwrap();
            panic!("case {case} panicked; the input is in {}", path.display());
        };
        // reading in pieces either declines or gives what a whole-text parse gives
        if let Ok(text) = std::str::from_utf8(&variant)
            && let Some(p) = storage::split::read_any_size(text)
        {
            let whole = ron::from_str::<kompas::model::Project>(text);
            assert_eq!(
                whole.ok(),
                Some(p),
                "case {case}: pieces differ from the whole"
            );
            split_agreed += 1;
        }
        match result {
            Ok(_) => loaded += 1,
            Err(LoadError::Malformed { line, col, .. } | LoadError::NotUtf8 { line, col }) => {
                let lines = lines_and_last_col(&variant);
                assert!(
                    line >= 1 && line <= lines + 1 && col >= 1,
                    "case {case}: location {line}:{col} outside a file of {lines} lines"
                );
                located += 1;
            }
            Err(LoadError::Empty) => {
                assert!(String::from_utf8_lossy(&variant).trim().is_empty());
                other += 1;
            }
            // whole-file judgements: not a Kompas file, or one from a newer version
            Err(LoadError::NotAProject | LoadError::NewerVersion { .. }) => other += 1,
            Err(
                e @ (LoadError::Read { .. } | LoadError::NotAFile | LoadError::TooLarge { .. }),
            ) => {
                panic!("case {case}: a read error from bytes: {e:?}")
            }
        }
    }
    println!(
        "{total} variants: {loaded} loaded, {located} errors with line and column, {other} whole-file errors; {split_agreed} read in pieces, each equal to the whole"
    );
    assert!(split_agreed > 0, "some variants are read in pieces");
    assert_eq!(loaded + located + other, total);
    assert!(
        located > total / 2,
        "most variants should be located errors"
    );
}
