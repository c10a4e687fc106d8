//! Kompas never talks to the network: no crate that does networking is in the dependency tree
//! of the program (for this platform, normal and build dependencies).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

/// Crates whose purpose is network access (HTTP clients and servers, TLS, sockets, websockets).
const NETWORKING: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "h3",
    "quinn",
    "rustls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "tokio-rustls",
    "tokio-native-tls",
    "tungstenite",
    "tokio-tungstenite",
    "socket2",
    "trust-dns-resolver",
    "hickory-resolver",
    "mio",
    "tiny_http",
    "axum",
    "actix-web",
];

#[test]
fn no_networking_crate_in_the_dependency_tree() {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--locked",
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8(out.stdout).unwrap();
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(
        crates.len() > 100,
        "the tree looks too small: {}",
        crates.len()
    );
    assert!(crates.contains(&"eframe") && crates.contains(&"ron"));
    let found: Vec<&&str> = crates.iter().filter(|c| NETWORKING.contains(c)).collect();
    assert!(found.is_empty(), "networking crates in the tree: {found:?}");
    // tokio is allowed only without its networking feature; it is not in the tree at all now
    assert!(
        !crates.contains(&"tokio"),
        "tokio appeared in the tree: check its features"
    );
}
