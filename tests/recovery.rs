//! Nothing lost: autosave writes a recovery file in the background; after a crash (a real
//! SIGKILL of a child process) the next start offers it, and restoring brings the work back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{click, harness_recovering, icon, nl, settle};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kompas::KompasApp;
use kompas::app::recovery::{self, Autosaver, Header};
use kompas::app::{Command as Cmd, Dialog, FileDialogs, FileKind, Pending, Prefs, Request};
use kompas::i18n::key;
use kompas::model::Snapshot;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The app with autosave into `dir` and dialogs that answer nothing.
fn harness(dir: &Path) -> Harness<'static, KompasApp> {
    harness_recovering(dir)
}

fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    recovery::list(dir).into_iter().map(|f| f.path).collect()
}

/// Opens a sample, edits it through the form, and lets the window lose focus, which autosaves;
/// waits until the recovery file is written.
fn fill_in_and_autosave(dir: &Path) -> Harness<'static, KompasApp> {
    let mut h = harness(dir);
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    click(&mut h, &icon("🏠  ", key!("view.region")));
    let label = nl(key!("region.name"));
    let field = h.get_by_role_and_label(Role::TextInput, &label);
    field.focus();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, &nl(key!("region.name")))
        .type_text(" na de stroomstoring");
    h.run_steps(2);
    assert!(h.state().is_dirty());
    h.event(egui::Event::WindowFocused(false));
    let start = Instant::now();
    loop {
        h.run_steps(1);
        if !h.state().autosave.busy() && !recovery_files(dir).is_empty() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "autosave never finished"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    h
}

const CHILD_ENV: &str = "KOMPAS_RECOVERY_CHILD_DIR";

/// Fills in work and autosaves it. Run by the crash test as a child process (with the
/// environment variable set), it then waits to be killed; run on its own it checks the
/// recovery file.
#[test]
fn autosave_writes_a_private_recovery_file_in_the_background() {
    if let Ok(dir) = std::env::var(CHILD_ENV) {
        let _h = fill_in_and_autosave(Path::new(&dir));
        println!("READY");
        loop {
            std::thread::sleep(Duration::from_secs(1));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let h = fill_in_and_autosave(dir.path());
    let files = recovery::list(dir.path());
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].header.name, "utrecht-voorbeeld.ron");
    assert_eq!(files[0].header.original, None);
    let loaded = kompas::storage::load(&files[0].path).unwrap().project;
    assert_eq!(loaded, h.state().state.doc.as_ref().unwrap().project);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0].path)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn after_a_kill_the_next_start_restores_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "autosave_writes_a_private_recovery_file_in_the_background",
            "--nocapture",
        ])
        .env(CHILD_ENV, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|l| l.contains("READY"));
    assert!(ready, "the child did not get to autosave");
    child.kill().unwrap(); // SIGKILL: no cleanup, no save
    child.wait().unwrap();
    assert_eq!(recovery_files(dir.path()).len(), 1);

    let mut h = harness(dir.path());
    assert!(h.query_by_label(&nl(key!("recover.title"))).is_some());
    assert!(h.query_by_label_contains("utrecht-voorbeeld.ron").is_some());
    click(&mut h, &nl(key!("recover.restore")));
    let doc = h.state().state.doc.as_ref().expect("restored");
    assert!(doc.project.region.name.ends_with(" na de stroomstoring"));
    assert!(h.state().is_dirty(), "restored work is unsaved work");
    // it stays until the work is saved or closed
    assert_eq!(recovery_files(dir.path()).len(), 1);
}

#[test]
fn not_now_keeps_the_file_and_throwing_away_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    drop(fill_in_and_autosave(dir.path()));
    let mut h = harness(dir.path());
    click(&mut h, &nl(key!("recover.later")));
    assert!(h.state().state.doc.is_none());
    drop(h);
    assert_eq!(
        recovery_files(dir.path()).len(),
        1,
        "kept for a later start"
    );
    let mut h = harness(dir.path());
    click(&mut h, &nl(key!("recover.discard")));
    // first it says what would be lost, and asks once
    assert!(
        h.query_by_label(&nl(key!("recover.discard_title")))
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Regio: Utrecht (voorbeeld) na de stroomstoring")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("sinds het laatst is opgeslagen")
            .is_some()
    );
    assert_eq!(recovery_files(dir.path()).len(), 1, "not yet");
    click(&mut h, &nl(key!("recover.discard_confirm")));
    assert!(recovery_files(dir.path()).is_empty());
    drop(h);
    let h = harness(dir.path());
    assert!(
        h.state().state.dialog.is_none(),
        "nothing to offer any more"
    );
}

#[test]
fn saving_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = fill_in_and_autosave(dir.path());
    let file = dir.path().join("opgeslagen").join("utrecht.ron");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let now = 0.0;
    {
        let app = h.state_mut();
        app.state.doc.as_mut().unwrap().path = Some(file.clone());
        app.save_then(now, None);
        assert!(app.state.job.is_some(), "saving runs in the background");
    }
    settle(&mut h);
    assert!(recovery_files(dir.path()).is_empty());
    assert!(file.exists());
}

fn header() -> Header {
    Header {
        original: None,
        name: "r.ron".into(),
        written: 0,
        base: None,
        region: "R".into(),
        cycle: String::new(),
        changes: 0,
    }
}

/// Waits (real time, no frames) until `f` holds, at most `secs` seconds.
fn wait_for(secs: u64, mut f: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    f()
}

#[test]
fn the_autosaver_writes_only_when_due_dirty_and_changed() {
    let dir = tempfile::tempdir().unwrap();
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut p = kompas::model::Project::new("R", d(2024, 1, 1), d(2024, 12, 31));
    let mut a = Autosaver::with_dir(Some(dir.path().to_path_buf()));
    a.set_delay(Duration::from_millis(300));
    a.start(None);
    a.update(&Snapshot::of(&p), 1, false, header);
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(a.writes(), 0, "nothing unsaved: nothing written");
    a.update(&Snapshot::of(&p), 2, true, header);
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(a.writes(), 0, "not due yet");
    // (generous limits: a loaded machine's fsync can take seconds)
    assert!(wait_for(30, || a.writes() == 1), "due after the delay");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(a.writes(), 1, "unchanged since: not written again");
    // with a long delay, a focus loss still writes at once
    a.set_delay(Duration::from_secs(600));
    p.region.name = "R2".into();
    a.update(&Snapshot::of(&p), 3, true, header);
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(a.writes(), 1, "not due for ten minutes");
    a.save_now();
    assert!(wait_for(30, || a.writes() == 2), "focus lost: at once");
    assert_eq!(recovery_files(dir.path()).len(), 1, "one file per session");
    let found = recovery::list(dir.path());
    assert_eq!(
        kompas::storage::load(&found[0].path)
            .unwrap()
            .project
            .region
            .name,
        "R2"
    );
    assert!(found[0].header.written > 1_700_000_000);
    assert_eq!(found[0].header.changes, 2, "two edits since it was saved");
    a.remove();
    assert!(recovery_files(dir.path()).is_empty());
    // a second session, even on the same document, writes a file of its own
    let mut b = Autosaver::with_dir(Some(dir.path().to_path_buf()));
    b.start(None);
    assert_ne!(a.path(), b.path());
    // a folder that cannot be written reports, never panics
    let blocked = dir.path().join("bestand");
    std::fs::write(&blocked, "x").unwrap();
    let mut c = Autosaver::with_dir(Some(blocked.join("sub")));
    c.set_delay(Duration::from_millis(10));
    c.start(None);
    c.update(&Snapshot::of(&p), 1, true, header);
    assert!(wait_for(30, || {
        c.poll();
        c.error.is_some()
    }));
}

// ---- Issue 15: recovery never loses work, whatever the user clicked -----------------------
//
// Each test below runs the app in child processes (this test binary, with `SCENARIO_ENV`
// set), kills them with SIGKILL at the moment in question, and starts again to see what is
// offered.

const SCENARIO_ENV: &str = "KOMPAS_RECOVERY_SCENARIO";
const FILE_ENV: &str = "KOMPAS_RECOVERY_FILE";
const TEXT_ENV: &str = "KOMPAS_RECOVERY_TEXT";

/// A project file to work on (the Utrecht sample, saved).
fn project_file(dir: &Path) -> PathBuf {
    let file = dir.join("projecten").join("utrecht.ron");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let sample = kompas::samples::SAMPLES[0].content;
    std::fs::write(&file, sample).unwrap();
    file
}

/// Opens `file` as a double-click (a file given at start) would.
fn open_file(h: &mut Harness<'_, KompasApp>, file: &Path) {
    h.state_mut()
        .state
        .pending
        .push(kompas::app::Message::OpenPath(file.to_path_buf()));
    h.run_steps(1);
    settle(h);
}

/// Appends `text` to the region's name through the form.
fn type_region(h: &mut Harness<'_, KompasApp>, text: &str) {
    if h.query_by_role_and_label(Role::TextInput, &nl(key!("region.name")))
        .is_none()
    {
        click(h, &icon("🏠  ", key!("view.region")));
    }
    h.get_by_role_and_label(Role::TextInput, &nl(key!("region.name")))
        .focus();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, &nl(key!("region.name")))
        .type_text(text);
    h.run_steps(2);
    assert!(h.state().is_dirty());
}

/// Loses focus (which writes the recovery file at once) and waits for the write.
fn autosave_now(h: &mut Harness<'_, KompasApp>) {
    let before = h.state().autosave.writes();
    h.event(egui::Event::WindowFocused(false));
    h.run_steps(1);
    h.event(egui::Event::WindowFocused(true));
    let start = Instant::now();
    while h.state().autosave.writes() == before || h.state().autosave.busy() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "autosave never finished"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.run_steps(1);
    }
}

/// Clicks `label` if it is there; says whether it was.
fn click_if_there(h: &mut Harness<'_, KompasApp>, label: &str) -> bool {
    if h.query_by_label(label).is_some() {
        click(h, label);
        true
    } else {
        false
    }
}

/// File dialogs that never answer: the Save-as dialog stays open.
#[derive(Default)]
struct OpenForever {
    answer_later: Vec<std::sync::mpsc::Sender<Option<PathBuf>>>,
}

impl FileDialogs for OpenForever {
    fn pick_open(&mut self, _: FileKind) -> Option<PathBuf> {
        println!("READY");
        loop {
            std::thread::sleep(Duration::from_secs(1));
        }
    }
    fn pick_save(&mut self, _: FileKind, _: &str) -> Option<PathBuf> {
        println!("READY");
        loop {
            std::thread::sleep(Duration::from_secs(1));
        }
    }
    fn ask(&mut self, _: Request, _: &egui::Context) -> Pending {
        println!("READY");
        let (tx, pending) = Pending::channel();
        self.answer_later.push(tx);
        pending
    }
}

/// The scenarios the child processes run; each prints READY at the moment to kill it, and
/// gives back the window to keep it open meanwhile.
fn run_scenario(scenario: &str, dir: &Path) -> Harness<'static, KompasApp> {
    let file = std::env::var(FILE_ENV).ok().map(PathBuf::from);
    let text = std::env::var(TEXT_ENV).unwrap_or_default();
    match scenario {
        // opens the file, edits it, autosaves
        "edit" => {
            let mut h = harness(dir);
            click_if_there(&mut h, "Niet nu");
            open_file(&mut h, file.as_deref().unwrap());
            type_region(&mut h, &text);
            autosave_now(&mut h);
            println!("READY");
            h
        }
        // the sample, edited and autosaved
        "edit_sample" => {
            let mut h = harness(dir);
            click_if_there(&mut h, "Niet nu");
            click(&mut h, &icon("📘 ", key!("sample.utrecht")));
            type_region(&mut h, &text);
            autosave_now(&mut h);
            println!("READY");
            h
        }
        // started with the file (a double-click), then "Herstellen"
        "restore" => {
            let mut h = harness(dir);
            open_file(&mut h, file.as_deref().unwrap());
            click(&mut h, &nl(key!("recover.restore")));
            settle(&mut h);
            assert!(h.state().is_dirty());
            println!("READY");
            h
        }
        // "Niet nu", then new work on the same file
        "not_now_then_edit" => {
            let mut h = harness(dir);
            click(&mut h, &nl(key!("recover.later")));
            open_file(&mut h, file.as_deref().unwrap());
            // opening the file offers the work set aside on it again: not now either
            click(&mut h, &nl(key!("recover.later")));
            type_region(&mut h, &text);
            autosave_now(&mut h);
            println!("READY");
            h
        }
        // restores the first recovery, then the second (setting the first aside if asked)
        "two_restores" => {
            let mut h = harness(dir);
            click(&mut h, &nl(key!("recover.restore")));
            settle(&mut h);
            assert!(
                h.query_by_label(&nl(key!("recover.restore"))).is_some(),
                "the second is offered"
            );
            click(&mut h, &nl(key!("recover.restore")));
            click_if_there(&mut h, "Opzij zetten");
            settle(&mut h);
            println!("READY");
            h
        }
        // edits, then opens the Save-as dialog and leaves it open
        "file_dialog" => {
            let mut h = Harness::builder()
                .with_size(egui::vec2(1400.0, 2600.0))
                .build_eframe({
                    let dir = dir.to_path_buf();
                    move |_| {
                        KompasApp::with_dialogs(Prefs::default(), Box::new(OpenForever::default()))
                            .with_recovery_dir(Some(dir))
                    }
                });
            h.run_steps(2);
            click(&mut h, &icon("📘 ", key!("sample.utrecht")));
            type_region(&mut h, &text);
            h.state_mut().state.pending.push(Cmd::SaveAs);
            h.run_steps(1); // prints READY once the dialog is open
            h
        }
        other => panic!("unknown scenario {other}"),
    }
}

/// The child's side: run the scenario, then wait to be killed (the window still drawing).
/// Not a test of its own: [`run_and_kill`] runs it with `--ignored` in a child process.
#[test]
#[ignore = "the entry point of a child process, run by the crash tests"]
fn child_scenario() {
    let (Ok(scenario), Ok(dir)) = (std::env::var(SCENARIO_ENV), std::env::var(CHILD_ENV)) else {
        panic!("child_scenario runs only as a child process of a crash test (run_and_kill)");
    };
    let mut h = run_scenario(&scenario, Path::new(&dir));
    loop {
        // the window goes on drawing (idle) until it is killed
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs `scenario` in a child process and SIGKILLs it once it prints READY (and `after` has
/// passed, or held).
fn run_and_kill(dir: &Path, scenario: &str, env: &[(&str, &str)], after: impl FnOnce() -> bool) {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "child_scenario",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_ENV, dir)
    .env(SCENARIO_ENV, scenario)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|l| l.contains("READY"));
    let waited = ready && after();
    child.kill().unwrap(); // SIGKILL: no cleanup, no save
    child.wait().unwrap();
    assert!(ready, "the child {scenario} did not get to its moment");
    assert!(
        waited,
        "the child {scenario}: what was waited for never happened"
    );
}

/// The region names in the recovery files of `dir`.
fn recovered_regions(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = recovery::list(dir)
        .iter()
        .map(|f| kompas::storage::load(&f.path).unwrap().project.region.name)
        .collect();
    names.sort();
    names
}

#[test]
fn killed_after_a_restore_the_work_is_offered_again() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    let file = project_file(dir.path());
    let f = file.to_str().unwrap();
    run_and_kill(
        &rec,
        "edit",
        &[(FILE_ENV, f), (TEXT_ENV, " met de middag")],
        || true,
    );
    // started with the file, "Herstellen", killed before any autosave: nothing may be gone
    run_and_kill(&rec, "restore", &[(FILE_ENV, f)], || true);
    assert_eq!(
        recovered_regions(&rec),
        ["Utrecht (voorbeeld) met de middag"],
        "the restored work is still in its recovery file"
    );
    let mut h = harness(&rec);
    assert!(h.query_by_label(&nl(key!("recover.title"))).is_some());
    click(&mut h, &nl(key!("recover.restore")));
    let doc = h.state().state.doc.as_ref().expect("restored");
    assert_eq!(doc.project.region.name, "Utrecht (voorbeeld) met de middag");
}

#[test]
fn killed_after_not_now_and_new_edits_both_works_are_offered() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    let file = project_file(dir.path());
    let f = file.to_str().unwrap();
    run_and_kill(
        &rec,
        "edit",
        &[(FILE_ENV, f), (TEXT_ENV, " ochtend")],
        || true,
    );
    run_and_kill(
        &rec,
        "not_now_then_edit",
        &[(FILE_ENV, f), (TEXT_ENV, " middag")],
        || true,
    );
    assert_eq!(
        recovered_regions(&rec),
        ["Utrecht (voorbeeld) middag", "Utrecht (voorbeeld) ochtend"],
        "the work set aside was not overwritten by the new work"
    );
    let h = harness(&rec);
    assert!(
        h.query_by_label("Niet-opgeslagen werk gevonden (1 van 2)")
            .is_some(),
        "both are offered, one by one"
    );
}

#[test]
fn killed_between_two_restores_neither_work_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    let file = project_file(dir.path());
    let f = file.to_str().unwrap();
    run_and_kill(
        &rec,
        "edit",
        &[(FILE_ENV, f), (TEXT_ENV, " bestand")],
        || true,
    );
    run_and_kill(&rec, "edit_sample", &[(TEXT_ENV, " voorbeeld")], || true);
    assert_eq!(recovered_regions(&rec).len(), 2);
    run_and_kill(&rec, "two_restores", &[], || true);
    assert_eq!(
        recovered_regions(&rec),
        [
            "Utrecht (voorbeeld) bestand",
            "Utrecht (voorbeeld) voorbeeld"
        ],
        "restoring the second did not throw the first away"
    );
}

#[test]
fn killed_while_a_file_dialog_is_open_the_edit_is_offered() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    // the Save-as dialog stays open; autosave writes the edit meanwhile, on its own clock
    run_and_kill(
        &rec,
        "file_dialog",
        &[(TEXT_ENV, " tijdens het venster")],
        || wait_for(20, || !recovery_files(&rec).is_empty()),
    );
    assert_eq!(
        recovered_regions(&rec),
        ["Utrecht (voorbeeld) tijdens het venster"]
    );
}

#[test]
fn a_menu_edit_is_written_within_seconds_without_frames() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    let cycles = h.state().state.doc.as_ref().unwrap().project.cycles.len();
    // Cyclus › Volgende cyclus starten, through the menu: no typing, no focus change
    h.get_by_role_and_label(Role::Button, "Cyclus").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, &nl(key!("cmd.next_cycle")))
        .click();
    // it asks first, saying what is carried over (the dialog shows from the second frame)
    h.run_steps(4);
    click(&mut h, &nl(key!("next_cycle.start")));
    assert!(h.state().is_dirty());
    // no more frames: the window is idle; the recovery file comes anyway, within seconds
    assert!(
        wait_for(20, || !recovery_files(dir.path()).is_empty()),
        "the menu edit was not written"
    );
    std::thread::sleep(Duration::from_millis(200));
    let found = recovery::list(dir.path());
    let p = kompas::storage::load(&found[0].path).unwrap().project;
    assert_eq!(p.cycles.len(), cycles + 1);
}

#[test]
fn after_a_restore_a_change_synced_in_meanwhile_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    let file = project_file(dir.path());
    let f = file.to_str().unwrap();
    run_and_kill(
        &rec,
        "edit",
        &[(FILE_ENV, f), (TEXT_ENV, " van mij")],
        || true,
    );
    // while Kompas was down, a colleague's version came in through OneDrive
    let theirs = kompas::samples::SAMPLES[0].content.replacen(
        "name: \"Utrecht (voorbeeld)\"",
        "name: \"Utrecht (voorbeeld) van de collega\"",
        1,
    );
    assert_ne!(theirs, kompas::samples::SAMPLES[0].content);
    std::fs::write(&file, &theirs).unwrap();
    let mut h = harness(&rec);
    click(&mut h, &nl(key!("recover.restore")));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(1);
    settle(&mut h);
    assert!(
        matches!(h.state().state.dialog, Some(Dialog::ChangedOnDisk { .. })),
        "saving asks first"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs, "untouched");
    assert_eq!(recovery_files(&rec).len(), 1, "the work is still safe");
}

#[test]
fn dont_save_on_quit_is_not_offered_as_lost_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = fill_in_and_autosave(dir.path());
    assert_eq!(recovery_files(dir.path()).len(), 1);
    h.state_mut().state.pending.push(Cmd::Quit);
    h.run_steps(2);
    assert!(
        h.query_by_label(&nl(key!("dialog.unsaved_title")))
            .is_some()
    );
    click(&mut h, &nl(key!("dialog.discard")));
    assert!(
        recovery_files(dir.path()).is_empty(),
        "thrown away on purpose"
    );
    drop(h);
    let h = harness(dir.path());
    assert!(
        h.state().state.dialog.is_none(),
        "nothing offered at the next start"
    );
}

/// File dialogs that note what they were asked, and answer "cancelled".
#[derive(Clone, Default)]
struct Noting(std::sync::Arc<std::sync::Mutex<Vec<Request>>>);

impl FileDialogs for Noting {
    fn pick_open(&mut self, _: FileKind) -> Option<PathBuf> {
        None
    }
    fn pick_save(&mut self, _: FileKind, _: &str) -> Option<PathBuf> {
        None
    }
    fn ask(&mut self, request: Request, _: &egui::Context) -> Pending {
        self.0.lock().unwrap().push(request);
        Pending::answered(None)
    }
}

#[test]
fn file_dialogs_start_in_the_projects_folder_or_the_last_used() {
    let dir = tempfile::tempdir().unwrap();
    let file = project_file(dir.path());
    let noting = Noting::default();
    let asked = noting.0.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 2600.0))
        .build_eframe(move |_| KompasApp::with_dialogs(Prefs::default(), Box::new(noting)));
    h.run_steps(2);
    open_file(&mut h, &file);
    h.state_mut().state.pending.push(Cmd::SaveAs);
    h.run_steps(2);
    h.state_mut().state.pending.push(Cmd::CloseProject);
    h.run_steps(2);
    assert!(h.state().state.doc.is_none());
    h.state_mut().state.pending.push(Cmd::Open);
    h.run_steps(2);
    let asked = asked.lock().unwrap();
    assert_eq!(asked.len(), 2);
    assert!(asked[0].save && asked[0].kind == FileKind::Project);
    assert_eq!(
        asked[0].start_dir.as_deref(),
        file.parent(),
        "the project's folder"
    );
    assert!(!asked[1].save);
    assert_eq!(
        asked[1].start_dir.as_deref(),
        file.parent(),
        "the last used"
    );
}

#[test]
fn work_set_aside_is_found_again_in_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    drop(fill_in_and_autosave(dir.path()));
    let mut h = harness(dir.path());
    click(&mut h, &nl(key!("recover.later")));
    assert!(h.state().state.dialog.is_none());
    h.get_by_role_and_label(Role::Button, &nl(key!("menu.file")))
        .click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, &nl(key!("cmd.recover_set_aside")))
        .click();
    h.run_steps(3);
    assert!(h.query_by_label(&nl(key!("recover.title"))).is_some());
    click(&mut h, &nl(key!("recover.restore")));
    let doc = h.state().state.doc.as_ref().expect("restored");
    assert!(doc.project.region.name.ends_with(" na de stroomstoring"));
}

#[test]
fn work_a_running_kompas_is_writing_is_not_offered_as_lost() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    // while the child runs (its work autosaved), a second Kompas starts: nothing to offer
    run_and_kill(&rec, "edit_sample", &[(TEXT_ENV, " nog open")], || {
        let files = recovery::list(&rec);
        let h = harness(&rec);
        files.len() == 1
            && recovery::in_use(&files[0].path)
            && h.state().state.dialog.is_none()
            && h.query_by_label(&nl(key!("recover.title"))).is_none()
    });
    // killed, it is lost work: now it is offered
    let mut h = harness(&rec);
    assert!(h.query_by_label(&nl(key!("recover.title"))).is_some());
    click(&mut h, &nl(key!("recover.restore")));
    let doc = h.state().state.doc.as_ref().expect("restored");
    assert_eq!(doc.project.region.name, "Utrecht (voorbeeld) nog open");
}

#[test]
fn dont_save_then_a_cancelled_open_keeps_the_work_autosaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = fill_in_and_autosave(dir.path());
    // Bestand › Openen, "Niet opslaan", and then the file dialog is cancelled
    h.state_mut().state.pending.push(Cmd::Open);
    h.run_steps(2);
    click(&mut h, &nl(key!("dialog.discard")));
    assert!(h.state().is_dirty(), "the work is still open");
    assert_eq!(recovery_files(dir.path()).len(), 1, "and still safe");
    type_region(&mut h, " en verder");
    autosave_now(&mut h);
    let names = recovered_regions(dir.path());
    assert_eq!(names, ["Utrecht (voorbeeld) na de stroomstoring en verder"]);
}

// ---- Recovery tells what it holds (issue 19) ----

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Seconds since 1970 of a local date and time.
fn local_secs(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> u64 {
    use chrono::TimeZone;
    chrono::Local
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .unwrap()
        .timestamp() as u64
}

/// Writes a recovery file into `rec` with work on `original` whose region is `region`.
fn set_aside_work(
    rec: &Path,
    original: Option<&Path>,
    region: &str,
    cycle: &str,
    changes: usize,
    written: u64,
) {
    let sample = kompas::samples::SAMPLES[0].content;
    let mut project = kompas::storage::parse(sample.as_bytes()).unwrap().project;
    project.region.name = region.to_owned();
    let header = Header {
        original: original.map(Path::to_path_buf),
        name: "utrecht.ron".to_owned(),
        written,
        base: None,
        region: region.to_owned(),
        cycle: cycle.to_owned(),
        changes,
    };
    recovery::write(&rec.join(recovery::new_file_name()), &header, &project).unwrap();
}

#[test]
fn two_recoveries_of_one_file_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    let file = project_file(dir.path());
    let early = local_secs(2026, 3, 12, 14, 5);
    let late = local_secs(2026, 3, 14, 9, 30);
    set_aside_work(&rec, Some(&file), "Regio Vroeg", "2025-2026", 3, early);
    set_aside_work(&rec, Some(&file), "Regio Laat", "2026-2027", 12, late);
    let mut h = harness(&rec);
    // the newest first, each with when, region, cycle and how many changes
    for (region, cycle, changes, when) in [
        (
            "Regio Laat",
            "2026-2027",
            "12 wijzigingen",
            "14-03-2026 09:30",
        ),
        (
            "Regio Vroeg",
            "2025-2026",
            "3 wijzigingen",
            "12-03-2026 14:05",
        ),
    ] {
        assert!(
            h.query_by_label_contains(&nl(key!("recover.title")))
                .is_some()
        );
        for what in [region, cycle, changes, when] {
            assert!(
                h.query_by_label_contains(what).is_some(),
                "the offer says {what}"
            );
        }
        click(&mut h, &nl(key!("recover.later")));
    }
    assert!(h.state().state.dialog.is_none());
}

#[test]
fn after_a_failed_save_first_the_offers_stay_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    let file = project_file(dir.path());
    let mut h = harness(&rec);
    open_file(&mut h, &file);
    type_region(&mut h, " bewerkt");
    let now = now_secs();
    set_aside_work(&rec, None, "Werk een", "2025-2026", 2, now - 50);
    set_aside_work(&rec, None, "Werk twee", "2025-2026", 4, now - 100);
    // the project's folder is gone: saving it fails
    std::fs::remove_dir_all(file.parent().unwrap()).unwrap();
    h.state_mut().state.pending.push(Cmd::RecoverSetAside);
    h.run_steps(3);
    assert!(h.query_by_label_contains("Werk een").is_some());
    click(&mut h, &nl(key!("recover.restore")));
    click(&mut h, &nl(key!("recover.save_first")));
    settle(&mut h);
    assert!(
        matches!(h.state().state.dialog, Some(Dialog::SaveFailed { .. })),
        "the save failed and says so"
    );
    click(&mut h, &nl(key!("dialog.ok")));
    h.run_steps(3);
    // the offer it was for is back, and the one after it still waits
    assert!(matches!(h.state().state.dialog, Some(Dialog::Recover(_))));
    assert!(h.query_by_label_contains("Werk een").is_some());
    click(&mut h, &nl(key!("recover.later")));
    assert!(h.query_by_label_contains("Werk twee").is_some());
    assert!(h.state().is_dirty(), "the open work is still there");
}

#[test]
fn opening_a_file_with_work_set_aside_says_so_and_offers_it() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    let file = project_file(dir.path());
    let now = now_secs();
    set_aside_work(&rec, Some(&file), "Utrecht opzij", "2025-2026", 5, now);
    let mut h = harness(&rec);
    click(&mut h, &nl(key!("recover.later")));
    assert!(h.state().state.dialog.is_none());
    let said = "eerder werk opzijgezet";
    // opened (as from the Open dialog): the work set aside is offered, saying it is this file's
    open_file(&mut h, &file);
    assert!(
        h.query_by_label_contains(said).is_some(),
        "the offer says so"
    );
    assert!(h.query_by_label_contains("Utrecht opzij").is_some());
    click(&mut h, &nl(key!("recover.later")));
    // opened again from the recent list: offered again
    h.state_mut().state.pending.push(Cmd::CloseProject);
    h.run_steps(3);
    h.get_by_label_contains(&file.display().to_string()).click();
    h.run_steps(2);
    settle(&mut h);
    assert!(
        h.query_by_label_contains(said).is_some(),
        "from the recent list too"
    );
    click(&mut h, &nl(key!("recover.restore")));
    settle(&mut h);
    assert_eq!(project_region(&h), "Utrecht opzij");
}

fn project_region(h: &Harness<'_, KompasApp>) -> String {
    h.state()
        .state
        .doc
        .as_ref()
        .unwrap()
        .project
        .region
        .name
        .clone()
}

/// eframe's storage as a test sees it: what was set, and how often it was flushed.
#[derive(Clone, Default)]
struct Memory(std::sync::Arc<std::sync::Mutex<(std::collections::HashMap<String, String>, usize)>>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.lock().unwrap().0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.lock().unwrap().0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.lock().unwrap().0.remove(key);
    }
    fn flush(&mut self) {
        self.0.lock().unwrap().1 += 1;
    }
}

#[test]
fn the_recent_files_are_written_when_a_file_is_opened_or_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = project_file(dir.path());
    let copy = dir.path().join("kopie.ron");
    let memory = Memory::default();
    let storage = memory.clone();
    let answer = common::Answer {
        open: None,
        save: Some(copy.clone()),
        csv_open: None,
        csv_save: None,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1000.0))
        .build_eframe(move |_| {
            KompasApp::with_dialogs(Prefs::default(), Box::new(answer))
                .with_storage(Box::new(storage))
        });
    h.run_steps(2);
    let written = || -> (Option<Prefs>, usize) {
        let m = memory.0.lock().unwrap();
        let prefs =
            m.0.get(kompas::app::STORAGE_KEY)
                .map(|text| ron::from_str(text).unwrap());
        (prefs, m.1)
    };
    open_file(&mut h, &file);
    let (prefs, flushed) = written();
    let prefs = prefs.expect("the preferences are written on opening");
    assert_eq!(prefs.recent[0].path, file);
    assert!(flushed >= 1, "and flushed to disk");
    // saved under another name: written again
    h.state_mut().state.pending.push(Cmd::SaveAs);
    h.run_steps(2);
    settle(&mut h);
    let (prefs, _) = written();
    let recent: Vec<PathBuf> = prefs.unwrap().recent.into_iter().map(|r| r.path).collect();
    assert_eq!(recent, [copy, file]);
}

// ---- Two Kompas at once (issue 24: a double-click on a second file starts a second Kompas) ----

/// Starts a child Kompas per `(scenario, file, text)`, one after the other, each only once the
/// one before it has printed READY (its work autosaved), so each starts while the others run;
/// calls `check` while all run, then kills them all.
fn run_together(dir: &Path, children: &[(&str, &Path, &str)], check: impl FnOnce()) {
    let mut running = Vec::new();
    for (scenario, file, text) in children {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "child_scenario",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir)
            .env(SCENARIO_ENV, scenario)
            .env(FILE_ENV, file)
            .env(TEXT_ENV, text)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let ready = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map_while(Result::ok)
            .any(|l| l.contains("READY"));
        running.push(child);
        if !ready {
            for mut c in running {
                let _ = c.kill();
                let _ = c.wait();
            }
            panic!("the child {scenario} on {text:?} did not get to its moment");
        }
    }
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(check));
    for mut c in running {
        c.kill().unwrap();
        c.wait().unwrap();
    }
    if let Err(e) = checked {
        std::panic::resume_unwind(e);
    }
}

#[test]
fn two_kompas_on_two_files_and_on_one_file_each_keep_their_own_work() {
    let dir = tempfile::tempdir().unwrap();
    let rec = dir.path().join("herstel");
    let a = project_file(dir.path());
    let b = a.with_file_name("tweede-regio.ron");
    std::fs::copy(&a, &b).unwrap();
    let original = std::fs::read(&a).unwrap();
    run_together(
        &rec,
        &[
            ("edit", &a, " in het eerste venster"),
            ("edit", &b, " in het tweede venster"),
            // the same file a second time: its own recovery file beside the first's
            ("edit", &a, " in het derde venster"),
        ],
        || {
            // each writes its own recovery file and holds its lock; none took another's work
            let files = recovery::list(&rec);
            assert_eq!(files.len(), 3, "one recovery file per running Kompas");
            assert!(files.iter().all(|f| recovery::in_use(&f.path)));
            assert_eq!(
                recovered_regions(&rec),
                [
                    "Utrecht (voorbeeld) in het derde venster",
                    "Utrecht (voorbeeld) in het eerste venster",
                    "Utrecht (voorbeeld) in het tweede venster",
                ]
            );
            let originals: Vec<_> = files
                .iter()
                .map(|f| f.header.original.clone().unwrap())
                .collect();
            assert_eq!(originals.iter().filter(|p| **p == a).count(), 2);
            assert_eq!(originals.iter().filter(|p| **p == b).count(), 1);
            // a fourth Kompas started meanwhile offers none of that live work as lost
            let h = harness(&rec);
            assert!(h.query_by_label(&nl(key!("recover.title"))).is_none());
            // and nobody wrote the project file: unsaved work lives in the recovery files
            assert_eq!(std::fs::read(&a).unwrap(), original);
        },
    );
    // all three killed: all three works are offered, none overwrote another
    assert_eq!(recovery::scan(&rec).len(), 3);
}
