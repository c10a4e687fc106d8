//! The icon and the packages (issue 24): the rendered icon files are there in their sizes, the
//! window's icon decodes, and the pieces that must name the same thing do — the file type of
//! project files in the Linux desktop entry, the MIME type, the Windows installer and the macOS
//! bundle; the desktop file and the app id; the files the Debian package takes. The packages
//! themselves are built and installed by scripts/package-*.sh (too slow for a test).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use clap::Parser;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The value of `key=` in the desktop file's main group.
fn desktop_value(key: &str) -> String {
    let desktop = read("packaging/linux/kompas.desktop");
    desktop
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{key}=")))
        .unwrap_or_else(|| panic!("no {key}= in kompas.desktop"))
        .to_owned()
}

#[test]
fn the_window_icon_decodes_as_a_round_compass() {
    let icon = kompas::icon().expect("the embedded icon decodes");
    assert_eq!((icon.width, icon.height), (256, 256));
    let alpha = |x: u32, y: u32| icon.rgba[((y * icon.width + x) * 4 + 3) as usize];
    // round: the corners are transparent, the middle and the bezel are not
    assert_eq!(alpha(0, 0), 0);
    assert_eq!(alpha(255, 255), 0);
    assert_eq!(alpha(128, 128), 255);
    assert_eq!(alpha(128, 12), 255);
}

#[test]
fn every_rendered_icon_is_there_in_its_size() {
    for size in [16u32, 24, 32, 48, 64, 128, 256, 512] {
        let path = format!("assets/icon/kompas-{size}.png");
        let bytes = std::fs::read(root().join(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let icon = eframe::icon_data::from_png_bytes(&bytes).unwrap();
        assert_eq!((icon.width, icon.height), (size, size), "{path}");
    }
    // the 256 px file is the one in the window
    assert_eq!(
        std::fs::read(root().join("assets/icon/kompas-256.png")).unwrap(),
        kompas::ICON_PNG
    );
    // ICO: reserved 0, type 1 (icon), 7 images (16..256); ICNS: its magic and its own length
    let ico = std::fs::read(root().join("assets/icon/kompas.ico")).unwrap();
    assert_eq!(&ico[..6], &[0, 0, 1, 0, 7, 0]);
    let icns = std::fs::read(root().join("assets/icon/kompas.icns")).unwrap();
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(
        u32::from_be_bytes(icns[4..8].try_into().unwrap()) as usize,
        icns.len()
    );
}

#[test]
fn the_desktop_entry_opens_files_with_the_app_id_and_icon() {
    assert_eq!(desktop_value("Exec"), "kompas %f", "one file per Kompas");
    assert_eq!(desktop_value("Icon"), kompas::APP_ID);
    assert_eq!(desktop_value("StartupWMClass"), kompas::APP_ID);
    assert_eq!(desktop_value("Type"), "Application");
}

/// What the file managers hand over (`kompas %f`, Explorer's `"kompas.exe" "%1"`, a path with
/// spaces) opens that file in the window, and is no command.
#[test]
fn a_file_given_on_the_command_line_is_opened() {
    for path in [
        "/home/anne/Documenten/Regio Utrecht.ron",
        r"C:\Users\anne\OneDrive - Gemeente\regio.ron",
        "regio.ron",
    ] {
        let args = kompas::cli::Args::try_parse_from(["kompas", path]).unwrap();
        assert!(args.command.is_none(), "{path}");
        assert_eq!(args.file, Some(PathBuf::from(path)));
    }
}

#[test]
fn the_mime_type_matches_what_kompas_writes() {
    let xml = read("packaging/linux/kompas-mime.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let ty = doc
        .descendants()
        .find(|n| n.has_tag_name("mime-type"))
        .unwrap();
    let name = ty.attribute("type").unwrap();
    assert_eq!(
        desktop_value("MimeType"),
        format!("{name};"),
        "the desktop entry opens the type the MIME file defines"
    );
    let glob = ty.descendants().find(|n| n.has_tag_name("glob")).unwrap();
    assert_eq!(glob.attribute("pattern"), Some("*.ron"));
    let icon = ty.descendants().find(|n| n.has_tag_name("icon")).unwrap();
    assert_eq!(icon.attribute("name"), Some(kompas::APP_ID));
    // the magic finds what a saved project has near its start
    let matched = ty.descendants().find(|n| n.has_tag_name("match")).unwrap();
    let value = matched.attribute("value").unwrap();
    let (from, to) = matched
        .attribute("offset")
        .unwrap()
        .split_once(':')
        .unwrap();
    let (from, to): (usize, usize) = (from.parse().unwrap(), to.parse().unwrap());
    let project = kompas::model::Project::default();
    let text = kompas::storage::to_ron_string(&project).unwrap();
    let at = text.find(value).expect("a saved project has the magic");
    assert!((from..=to).contains(&at), "{value} at byte {at}");
    for sample in kompas::samples::SAMPLES {
        let at = sample.content.find(value).unwrap();
        assert!(
            (from..=to).contains(&at),
            "{}: {value} at {at}",
            sample.file_name
        );
    }
}

/// The keys and values of a plist `<dict>` element.
fn plist_dict<'a, 'i>(dict: roxmltree::Node<'a, 'i>) -> Vec<(&'a str, roxmltree::Node<'a, 'i>)> {
    let children: Vec<_> = dict.children().filter(|n| n.is_element()).collect();
    children
        .chunks(2)
        .map(|kv| (kv[0].text().unwrap(), kv[1]))
        .collect()
}

fn plist_get<'a, 'i>(dict: roxmltree::Node<'a, 'i>, key: &str) -> roxmltree::Node<'a, 'i> {
    plist_dict(dict)
        .into_iter()
        .find(|(k, _)| *k == key)
        .unwrap_or_else(|| panic!("no {key} in Info.plist"))
        .1
}

fn strings<'a>(array: roxmltree::Node<'a, '_>) -> Vec<&'a str> {
    array
        .children()
        .filter(|n| n.has_tag_name("string"))
        .map(|n| n.text().unwrap())
        .collect()
}

#[test]
fn the_macos_bundle_opens_project_files_and_names_its_parts() {
    let xml = read("packaging/macos/Info.plist");
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&xml, opts).unwrap();
    let top = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("dict"))
        .unwrap();
    assert_eq!(plist_get(top, "CFBundleExecutable").text(), Some("kompas"));
    let icon = plist_get(top, "CFBundleIconFile").text().unwrap();
    assert!(root().join("assets/icon").join(icon).is_file(), "{icon}");
    assert_eq!(
        plist_get(top, "CFBundleShortVersionString").text(),
        Some("@VERSION@"),
        "the version is filled in from Cargo.toml by scripts/package-macos.sh"
    );
    let doc_type = plist_get(top, "CFBundleDocumentTypes")
        .children()
        .find(|n| n.has_tag_name("dict"))
        .unwrap();
    let types = strings(plist_get(doc_type, "LSItemContentTypes"));
    let declared = plist_get(top, "UTImportedTypeDeclarations")
        .children()
        .find(|n| n.has_tag_name("dict"))
        .unwrap();
    let uti = plist_get(declared, "UTTypeIdentifier").text().unwrap();
    assert_eq!(types, [uti], "the document type is the declared type");
    let tags = plist_get(declared, "UTTypeTagSpecification");
    assert_eq!(
        strings(plist_get(tags, "public.filename-extension")),
        ["ron"]
    );
}

#[test]
fn the_windows_installer_associates_ron_and_undoes_it() {
    let nsi = read("packaging/windows/kompas.nsi");
    assert!(
        nsi.contains("RequestExecutionLevel user"),
        "no admin rights"
    );
    assert!(nsi.contains(r#"InstallDir "$LOCALAPPDATA\Programs\Kompas""#));
    // the open command hands over the file quoted, as the window's command line takes it
    assert!(nsi.contains(r#"shell\open\command" "" '"$INSTDIR\kompas.exe" "%1"'"#));
    assert!(nsi.contains(r#"Software\Classes\.ron\OpenWithProgids" "${PROGID}""#));
    // everything the installer writes under HKCU, the uninstaller removes
    let (install, uninstall) = nsi.split_once(r#"Section "Uninstall""#).unwrap();
    for line in install.lines().map(str::trim) {
        let Some(rest) = line
            .strip_prefix("WriteRegStr HKCU ")
            .or_else(|| line.strip_prefix("WriteRegDWORD HKCU "))
        else {
            continue;
        };
        let key = rest.split('"').nth(1).unwrap();
        let removed = uninstall.lines().map(str::trim).any(|l| {
            (l.starts_with("DeleteRegKey") || l.starts_with("DeleteRegValue"))
                && l.split('"')
                    .nth(1)
                    .is_some_and(|k| key == k || key.starts_with(&format!("{k}\\")))
        });
        assert!(removed, "the uninstaller leaves {key}");
    }
    for file in ["kompas.exe", "README.md", "uninstall.exe"] {
        assert!(
            uninstall.contains(&format!(r#"Delete "$INSTDIR\{file}""#)),
            "{file}"
        );
    }
    assert!(uninstall.contains(r#"Delete "$SMPROGRAMS\Kompas.lnk""#));
}

#[test]
fn the_debian_package_takes_files_that_exist() {
    let cargo = read("Cargo.toml");
    let deb = cargo
        .split_once("[package.metadata.deb]")
        .expect("Debian package metadata")
        .1;
    let assets = deb.split_once("assets = [").unwrap().1;
    let assets = assets.split_once("\n]").unwrap().0;
    let mut count = 0;
    for line in assets.lines().filter(|l| l.trim_start().starts_with('[')) {
        let source = line.split('"').nth(1).unwrap();
        count += 1;
        if source.starts_with("target/") {
            continue;
        }
        if let Some(dir) = source.strip_suffix("/*.ron") {
            assert!(root().join(dir).is_dir(), "{source}");
        } else {
            assert!(root().join(source).is_file(), "{source}");
        }
    }
    assert!(
        count >= 12,
        "the program, desktop entry, MIME type and icons"
    );
    assert!(deb.contains(r#""usr/share/mime/packages/kompas.xml""#));
    assert!(deb.contains(r#""usr/share/icons/hicolor/scalable/apps/kompas.svg""#));
}
