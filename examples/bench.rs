//! The benchmark: `cargo run --release --example bench [-- --quick]`. Prints, per figure, the
//! median and p99 over repeated runs and, where there is one, the ratio against a baseline
//! measured in the same run. Documents come from `kompas::stress` (deterministic).

// A measuring tool: a failure to serialise the generated document should stop it loudly.
#![allow(clippy::expect_used)]

use kompas::KompasApp;
use kompas::app::{FileDialogs, FileKind, OpenDoc, Prefs, View};
use kompas::model::{Project, Step};
use std::path::PathBuf;
use std::time::{Duration, Instant};

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_open(&mut self, _: FileKind) -> Option<PathBuf> {
        None
    }
    fn pick_save(&mut self, _: FileKind, _: &str) -> Option<PathBuf> {
        None
    }
}

/// Median and 99th percentile of some durations, in milliseconds.
fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(v[v.len() / 2]);
    let p99 = ms(v[((v.len() as f64 * 0.99).ceil() as usize)
        .saturating_sub(1)
        .min(v.len() - 1)]);
    (median, p99)
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect()
}

/// A CBS open-data table ("typed dataset") of about `size` bytes: a row per region and period,
/// codes padded to ten characters, "." for a missing value, one indicator in a column per year.
fn typed_dataset(size: usize) -> String {
    let mut out = String::from(
        "\"ID\";\"WijkenEnBuurten\";\"Gemeentenaam_1\";\"SoortRegio_2\";\"Codering_3\";\"Perioden\";\"Thuiszitters_4\";\"Thuiszitters_5\";\"Vrijstellingen_6\"\n",
    );
    let mut id = 0u32;
    'fill: for gm in 0..400u32 {
        let name = format!("Gemeente {gm}");
        for wk in 0..=12u32 {
            let (code, kind) = if wk == 0 {
                (format!("GM{gm:04}"), "Gemeente")
            } else {
                (format!("WK{gm:04}{wk:02}"), "Wijk")
            };
            for (year, col) in [(2024, 0), (2025, 1)] {
                let v = (gm * 7 + wk * 3 + year) % 90;
                let (a, b) = if col == 0 {
                    (v.to_string(), ".".to_owned())
                } else {
                    (".".to_owned(), v.to_string())
                };
                out.push_str(&format!(
                    "\"{id}\";\"{code:<10}\";\"{name:<40}\";\"{kind:<10}\";\"{code:<10}\";\"1-1-{year}\";\"{a:>9}\";\"{b:>9}\";\"{:>8}\"\n",
                    v / 3
                ));
                id += 1;
                if out.len() >= size {
                    break 'fill;
                }
            }
        }
    }
    out
}

fn row(name: &str, (median, p99): (f64, f64), baseline: Option<(f64, f64)>, goal: &str) {
    let ratio = baseline.map_or(String::new(), |b| format!("{:>6.2}×", median / b.0));
    println!("{name:<44} {median:>10.2} {p99:>10.2} {ratio:>8}   {goal}");
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn frames(app: &mut KompasApp, ctx: &egui::Context, view: View, n: usize) -> Vec<Duration> {
    frames_with(app, ctx, view, n, Input::Idle)
}

/// What happens in each measured frame.
#[derive(Clone, Copy, PartialEq)]
enum Input {
    /// Nothing (a repaint, a pointer move).
    Idle,
    /// A key press that edits nothing (the document must still be checked).
    Key,
    /// A key press that types a character into the shown cycle, 0.1 s after the previous one:
    /// the document changes, undo follows it, and the screen recomputes what it shows.
    Typing,
}

/// Frames of a screen with the given input in every frame.
fn frames_with(
    app: &mut KompasApp,
    ctx: &egui::Context,
    view: View,
    n: usize,
    what: Input,
) -> Vec<Duration> {
    if let Some(doc) = &mut app.state.doc {
        doc.view = view;
    }
    let mut clock = ctx.input(|i| i.time);
    let mut input = |app: &mut KompasApp| {
        clock += 0.1;
        if what == Input::Typing
            && let Some(doc) = &mut app.state.doc
        {
            let c = doc.cycle;
            doc.project.cycles[c].name.push('x');
        }
        egui::RawInput {
            time: Some(clock),
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            events: if what != Input::Idle {
                vec![egui::Event::Key {
                    key: egui::Key::F20,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                }]
            } else {
                Vec::new()
            },
            ..Default::default()
        }
    };
    // a few frames to settle layout, then measure
    for _ in 0..3 {
        let raw = input(app);
        let _ = ctx.run_ui(raw, |ui| {
            app.logic(ui.ctx());
            kompas::ui::show(&mut app.state, ui);
        });
    }
    (0..n)
        .map(|_| {
            let raw = input(app);
            let t = Instant::now();
            let _ = ctx.run_ui(raw, |ui| {
                app.logic(ui.ctx());
                kompas::ui::show(&mut app.state, ui);
            });
            t.elapsed()
        })
        .collect()
}

/// Start to the first frame with a sample open, against a bare eframe window from the same
/// crates, launched alternately. Both are this benchmark's own executable started again
/// (`--window FILE` runs `kompas::run_window` as `kompas FILE` does; `--bare-window` the bare
/// window), so no other binary has to be built first, and both load the same executable.
/// Needs a display (run the benchmark under `xvfb-run -a`).
fn startup() {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        println!("start-up: not measured (no display; run under xvfb-run -a)");
        return;
    }
    let me = std::env::current_exe().expect("own path");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-projects/utrecht-voorbeeld.ron"
    );
    let tmp = std::env::temp_dir().join("kompas-bench-home");
    let run = |args: &[&str]| -> Result<Duration, String> {
        let t = Instant::now();
        let out = std::process::Command::new(&me)
            .args(args)
            .env("XDG_DATA_HOME", &tmp)
            .env(kompas::app::FIRST_FRAME_ENV, "1")
            .output()
            .map_err(|e| e.to_string())?;
        if String::from_utf8_lossy(&out.stdout).contains("first-frame") {
            Ok(t.elapsed())
        } else {
            let err = String::from_utf8_lossy(&out.stderr);
            Err(format!(
                "{}: {}",
                out.status,
                err.lines().last().unwrap_or("")
            ))
        }
    };
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut failed = None;
    for _ in 0..10 {
        match run(&["--bare-window"]) {
            Ok(d) => b.push(d),
            Err(e) => failed = Some(format!("the bare window: {e}")),
        }
        match run(&["--window", sample]) {
            Ok(d) => a.push(d),
            Err(e) => failed = Some(format!("kompas: {e}")),
        }
    }
    if a.is_empty() || b.is_empty() {
        println!(
            "start-up: not measured (no first frame reported; {})",
            failed.unwrap_or_default()
        );
        return;
    }
    let base = stats(b);
    row("start-up: bare eframe window (baseline)", base, None, "");
    row(
        "start-up: kompas with a sample",
        stats(a),
        Some(base),
        "≤ 1.2×",
    );
}

/// The baseline of the start-up row: a bare eframe window from the same crates and options as
/// Kompas (as `examples/bare_window.rs`); prints `first-frame` at its first frame and exits.
fn bare_window() -> eframe::Result {
    struct Bare;
    impl eframe::App for Bare {
        fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
            ui.label("Kompas");
            println!("first-frame");
            std::process::exit(0);
        }
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native("bare", options, Box::new(|_| Ok(Box::new(Bare))))
}

/// The screens measured, with their names: every view of the one list.
fn screens() -> Vec<(String, View)> {
    View::ALL
        .into_iter()
        .map(|v| {
            let name = match v {
                View::Region => "region".to_owned(),
                View::Step(s) => format!("step {}", s.number()),
                View::Dashboard => "dashboard".to_owned(),
                View::Chain => "results chain".to_owned(),
                View::Meetings => "meetings".to_owned(),
                View::Intervision => "intervision".to_owned(),
            };
            (name, v)
        })
        .collect()
}

/// The results chain: laying out the last cycle of the stress project (model only, heights
/// estimated), and frames of the laid-out diagram on the stress project and both samples.
fn chain_rows(project: &Project, runs: usize, frames_per_screen: usize) {
    use kompas::model::chain::{Chain, Kind, Metrics};
    let c = project.cycles.last().expect("a cycle");
    let layout = stats(time(runs.max(5), || {
        let chain = Chain::of(c);
        let heights: Vec<f32> = chain
            .nodes
            .iter()
            .map(|n| match n.kind {
                Kind::Outcome => {
                    48.0 + 22.0 * c.outcome(n.id).map_or(0, |o| o.indicators.len()) as f32
                }
                _ => 60.0,
            })
            .collect();
        chain.place(&heights, Metrics::default()).rects.len()
    }));
    row(
        &format!(
            "chain: layout, stress cycle ({} boxes)",
            c.interventions.len() + c.outcomes.len() + c.ambitions.len()
        ),
        layout,
        None,
        "≤ 50",
    );
    let ctx = egui::Context::default();
    let mut app = KompasApp::with_dialogs(Prefs::default(), Box::new(NoDialogs));
    let mut doc = OpenDoc::new(project.clone(), None, "stress.ron".into(), project.clone());
    doc.cycle = project.cycles.len() - 1;
    app.state.doc = Some(doc);
    let st = stats(frames(&mut app, &ctx, View::Chain, frames_per_screen));
    row("frame: results chain, stress", st, None, "median ≤ 4");
    let st = stats(frames_with(
        &mut app,
        &ctx,
        View::Chain,
        frames_per_screen,
        Input::Typing,
    ));
    row(
        "first frame after an edit: results chain, stress",
        st,
        None,
        "",
    );
    for sample in kompas::samples::SAMPLES {
        let p = sample.project().expect("the sample reads");
        let ctx = egui::Context::default();
        let mut app = KompasApp::with_dialogs(Prefs::default(), Box::new(NoDialogs));
        app.state.doc = Some(OpenDoc::new(
            p.clone(),
            None,
            sample.file_name.into(),
            p.clone(),
        ));
        let st = stats(frames(&mut app, &ctx, View::Chain, frames_per_screen));
        row(
            &format!("frame: results chain, {}", sample.file_name),
            st,
            None,
            "≤ 1",
        );
    }
}

/// In a process of its own: open `file` as the app does, draw every screen, print the peak
/// resident memory in MB.
fn memory_probe(file: &str) {
    let loaded = kompas::storage::load(std::path::Path::new(file)).expect("the stress file loads");
    let project = loaded.project;
    let ctx = egui::Context::default();
    let mut app = KompasApp::with_dialogs(Prefs::default(), Box::new(NoDialogs));
    let mut doc = OpenDoc::new(project.clone(), Some(file.into()), String::new(), project);
    doc.cycle = doc.project.cycles.len() - 1;
    app.state.doc = Some(doc);
    for (_, view) in screens() {
        frames(&mut app, &ctx, view, 2);
    }
    println!("{:.1}", peak_rss_mb().unwrap_or(0.0));
}

/// For `perf record`: draws one screen (`step5`, `dashboard`, `region`, …) of the stress
/// project 300 times, idle or with `typing`.
fn profile_screen(name: &str, mode: Option<&str>) {
    let project: Project = kompas::stress::stress(42);
    let ctx = egui::Context::default();
    let mut app = KompasApp::with_dialogs(Prefs::default(), Box::new(NoDialogs));
    let mut doc = OpenDoc::new(project.clone(), None, "stress.ron".into(), project);
    doc.cycle = doc.project.cycles.len() - 1;
    app.state.doc = Some(doc);
    let view = screens()
        .into_iter()
        .find(|(n, _)| n.replace(' ', "") == name)
        .map_or(View::Dashboard, |(_, v)| v);
    let what = if mode == Some("typing") {
        Input::Typing
    } else {
        Input::Idle
    };
    let st = stats(frames_with(&mut app, &ctx, view, 300, what));
    row(&format!("frame: {name}"), st, None, "");
}

/// The import rows: a 50 MB CSV against the `csv` crate, and a 1 MB CBS typed dataset.
fn import_rows(quick: bool, runs: usize) {
    // a CSV of about 50 MB (2.5 million rows) read into a preview, against the `csv` crate
    // reading the same bytes into records: line numbers are counted once, so reading is linear
    let mut csv = String::from("datum;waarde;bron\n");
    let mut k = 0u32;
    while csv.len() < 50 * 1024 * 1024 {
        csv.push_str(&format!(
            "{:02}-{:02}-2024;{},{};CBS\n",
            k % 28 + 1,
            k % 12 + 1,
            k % 997,
            k % 10
        ));
        k += 1;
    }
    let csv_runs = if quick { 2 } else { 5 };
    let csv_baseline = stats(time(csv_runs, || {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(csv.as_bytes());
        reader.records().filter(Result::is_ok).count()
    }));
    row(
        &format!(
            "import: csv crate, {} MB into records (baseline)",
            csv.len() >> 20
        ),
        csv_baseline,
        None,
        "",
    );
    let csv_read = stats(time(csv_runs, || {
        kompas::import::read_table(csv.as_bytes()).map(|t| {
            let d = kompas::import::detect(&t);
            kompas::import::apply(&t, &d.mapping).rows.len()
        })
    }));
    row(
        &format!("import: {} MB CSV ({k} rows) to a preview", csv.len() >> 20),
        csv_read,
        Some(csv_baseline),
        "≤ 2000",
    );
    drop(csv);

    // a CBS typed dataset of about 1 MB: padded region codes, a name column, one indicator in
    // columns per year, missing values as "." ; read, recognised and previewed for one gemeente
    let typed = typed_dataset(1024 * 1024);
    let typed_preview = stats(time(runs, || {
        kompas::import::read_table(typed.as_bytes()).map(|t| {
            let mut d = kompas::import::detect(&t);
            let series = d.series.first().cloned();
            if let Some(s) = series {
                d.mapping.choose_series(&s);
            }
            d.mapping.region = d.regions.first().cloned();
            kompas::import::apply(&t, &d.mapping).rows.len()
        })
    }));
    row(
        &format!(
            "import: CBS typed dataset, {} kB, preview",
            typed.len() >> 10
        ),
        typed_preview,
        None,
        "",
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(k) = args.iter().position(|a| a == "--window") {
        // the start-up row's Kompas: as `kompas FILE`, reporting its first frame
        kompas::run_window(args.get(k + 1).map(PathBuf::from)).expect("the window runs");
        return;
    }
    if args.iter().any(|a| a == "--bare-window") {
        bare_window().expect("the window runs");
        return;
    }
    if let Some(k) = args.iter().position(|a| a == "--memory-probe") {
        memory_probe(&args[k + 1]);
        return;
    }
    if let Some(k) = args.iter().position(|a| a == "--read") {
        // for trying file layouts: how long reading a given project file takes
        let bytes = std::fs::read(&args[k + 1]).expect("the file reads");
        let st = stats(time(5, || kompas::storage::parse(&bytes).map(|_| ())));
        row(&format!("read: {}", args[k + 1]), st, None, "");
        return;
    }
    if let Some(k) = args.iter().position(|a| a == "--profile") {
        profile_screen(&args[k + 1], args.get(k + 2).map(String::as_str));
        return;
    }
    let quick = std::env::args().any(|a| a == "--quick");
    let runs = if quick { 3 } else { 7 };
    if args.iter().any(|a| a == "--startup") {
        startup();
        return;
    }
    if args.iter().any(|a| a == "--chain") {
        // only the results chain's rows
        chain_rows(
            &kompas::stress::stress(42),
            runs,
            if quick { 5 } else { 30 },
        );
        return;
    }
    if args.iter().any(|a| a == "--merge") {
        // only reading and writing with session ids, merging and comparing
        merge_rows(&kompas::stress::stress(42), runs);
        return;
    }
    if args.iter().any(|a| a == "--import") {
        // for `perf record`: only the import rows
        import_rows(quick, runs);
        return;
    }
    let frames_per_screen = if quick { 5 } else { 30 };
    println!(
        "Kompas benchmark ({} mode), {}",
        if quick { "quick" } else { "full" },
        chrono::Local::now().format("%Y-%m-%d %H:%M")
    );
    println!(
        "{:<44} {:>10} {:>10} {:>8}   goal",
        "figure", "median ms", "p99 ms", "ratio"
    );

    let project: Project = kompas::stress::stress(42);
    let measurements: usize = project
        .cycles
        .iter()
        .map(|c| c.evaluation.measurements.len())
        .sum();
    let ron_text = kompas::storage::to_ron_string(&project).expect("serialises");
    let json_text = serde_json::to_string_pretty(&project).expect("serialises");
    println!(
        "stress project: {} cycles, {} indicators per cycle, {measurements} measurements; RON {:.1} MB, JSON {:.1} MB",
        project.cycles.len(),
        project.cycles[0].indicators().count(),
        ron_text.len() as f64 / 1e6,
        json_text.len() as f64 / 1e6
    );

    let json_read = stats(time(runs, || {
        serde_json::from_str::<Project>(&json_text).map(|_| ())
    }));
    let ron_read = stats(time(runs, || {
        kompas::storage::parse(ron_text.as_bytes()).map(|_| ())
    }));
    row("read: serde_json (baseline)", json_read, None, "");
    row(
        "read: RON (storage::parse)",
        ron_read,
        Some(json_read),
        "≤ 2×",
    );
    let json_write = stats(time(runs, || {
        serde_json::to_string_pretty(&project).map(|s| s.len())
    }));
    let ron_write = stats(time(runs, || {
        kompas::storage::to_ron_string(&project).map(|s| s.len())
    }));
    row("write: serde_json (baseline)", json_write, None, "");
    row(
        "write: RON (to_ron_string)",
        ron_write,
        Some(json_write),
        "≤ 2×",
    );

    merge_rows(&project, runs);

    // the figures of the last cycle as an Excel workbook (five sheets, a chart per indicator)
    let last = project.cycles.len() - 1;
    let mut size = 0;
    let xlsx = stats(time(runs, || {
        let bytes =
            kompas::export::cycle_xlsx(&project, last, kompas::i18n::Lang::Nl).expect("a workbook");
        size = bytes.len();
    }));
    row(
        &format!("export: .xlsx, last stress cycle ({} kB)", size >> 10),
        xlsx,
        None,
        "",
    );

    // the report of the last cycle as HTML (baseline) and as a Word document (a PNG per chart)
    let last_cycle = project.cycles.len() - 1;
    let all = kompas::report::SectionKind::ALL;
    let export = |f| {
        kompas::export::export_sections(&project, last_cycle, f, kompas::i18n::Lang::Nl, &all)
            .expect("the report exports")
            .len()
    };
    let html = stats(time(runs, || export(kompas::export::Format::Html)));
    let docx = stats(time(runs, || export(kompas::export::Format::Docx)));
    row("export: report .html, stress last cycle", html, None, "");
    row(
        "export: report .docx, stress last cycle",
        docx,
        Some(html),
        "",
    );

    // frames of every screen with the stress project open, headless
    let ctx = egui::Context::default();
    let mut app = KompasApp::with_dialogs(Prefs::default(), Box::new(NoDialogs));
    let last = project.cycles.len() - 1;
    let mut doc = OpenDoc::new(project.clone(), None, "stress.ron".into(), project.clone());
    doc.cycle = last;
    app.state.doc = Some(doc);
    for (name, view) in screens() {
        let st = stats(frames(&mut app, &ctx, view, frames_per_screen));
        row(&format!("frame: {name}"), st, None, "median ≤ 2, p99 ≤ 8");
    }
    for (name, view) in [
        ("step 5", View::Step(Step::Evaluation)),
        ("dashboard", View::Dashboard),
    ] {
        let st = stats(frames_with(
            &mut app,
            &ctx,
            view,
            frames_per_screen,
            Input::Key,
        ));
        row(
            &format!("frame with a key press: {name}"),
            st,
            None,
            "median ≤ 2, p99 ≤ 8",
        );
    }
    for (name, view) in [
        ("region", View::Region),
        ("step 3", View::Step(Step::Outcomes)),
        ("step 5", View::Step(Step::Evaluation)),
    ] {
        let st = stats(frames_with(
            &mut app,
            &ctx,
            view,
            frames_per_screen,
            Input::Typing,
        ));
        row(
            &format!("frame typing a character: {name}"),
            st,
            None,
            "median ≤ 2, p99 ≤ 8",
        );
    }
    // the dashboard has nothing to type in: this is its first frame after an edit elsewhere
    let st = stats(frames_with(
        &mut app,
        &ctx,
        View::Dashboard,
        frames_per_screen,
        Input::Typing,
    ));
    row(
        "first frame after an edit: dashboard",
        st,
        None,
        "p99 ≤ 8 (moonshot ≤ 2)",
    );

    chain_rows(&project, runs, frames_per_screen);

    // the overview of 151 region files, from files on disk to a complete table
    let dir = std::env::temp_dir().join(format!("kompas-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, p) in kompas::stress::regions(42, 151) {
        kompas::storage::save(&dir.join(name), &p).expect("writes");
    }
    let overview = stats(time(runs, || {
        kompas::overview::load_folder(&dir, kompas::i18n::Lang::Nl).map(|o| o.rows.len())
    }));
    row("overview: 151 region files", overview, None, "≤ 1000");
    let _ = std::fs::remove_dir_all(&dir);

    import_rows(quick, runs);

    // memory: in a fresh process that only opens the stress file and draws every screen
    let file = std::env::temp_dir().join(format!("kompas-bench-{}.ron", std::process::id()));
    std::fs::write(&file, &ron_text).expect("writes the stress file");
    let probe = std::process::Command::new(std::env::current_exe().expect("own path"))
        .arg("--memory-probe")
        .arg(&file)
        .output()
        .expect("runs the memory probe");
    let _ = std::fs::remove_file(&file);
    let rss = String::from_utf8_lossy(&probe.stdout).trim().to_owned();
    println!(
        "{:<44} {rss:>10} MB peak RSS: stress file opened, every screen drawn   goal ≤ 150 MB",
        "memory"
    );
    startup();
}

/// Reading and writing with the ids of format version 5 (19 digits), and merging two copies
/// of the stress project (issue 23).
fn merge_rows(project: &Project, runs: usize) {
    let session = kompas::stress::stress_with_session_ids(42);
    let ron_text = kompas::storage::to_ron_string(&session).expect("serialises");
    let json_text = serde_json::to_string_pretty(&session).expect("serialises");
    let json_read = stats(time(runs, || {
        serde_json::from_str::<Project>(&json_text).map(|_| ())
    }));
    let ron_read = stats(time(runs, || {
        kompas::storage::parse(ron_text.as_bytes()).map(|_| ())
    }));
    let small_text = kompas::storage::to_ron_string(project).expect("serialises");
    let small_read = stats(time(runs, || {
        kompas::storage::parse(small_text.as_bytes()).map(|_| ())
    }));
    row(
        "read: serde_json, session ids (baseline)",
        json_read,
        None,
        "",
    );
    row(
        "read: RON, counter ids (before v5)",
        small_read,
        Some(json_read),
        "",
    );
    row("read: RON, session ids", ron_read, Some(json_read), "≤ 2×");
    let json_write = stats(time(runs, || {
        serde_json::to_string_pretty(&session).map(|s| s.len())
    }));
    let ron_write = stats(time(runs, || {
        kompas::storage::to_ron_string(&session).map(|s| s.len())
    }));
    row(
        "write: serde_json, session ids (baseline)",
        json_write,
        None,
        "",
    );
    row(
        "write: RON, session ids",
        ron_write,
        Some(json_write),
        "≤ 2×",
    );

    // two partners' copies: one changes budgets and titles, the other adds a year of
    // measurements and removes an ambition
    let mut ours = project.clone();
    let mut theirs = project.clone();
    theirs.ids = kompas::model::IdSource::starting_at((0x1234_5678_u64 << 32) | 1);
    let last = ours.cycles.len() - 1;
    for (k, iv) in ours.cycles[last].interventions.iter_mut().enumerate() {
        iv.budget_eur = Some(10_000 * k as u64);
        iv.title.push_str(" (bijgesteld)");
    }
    let indicators: Vec<_> = theirs.cycles[last].indicators().map(|i| i.id).collect();
    for (k, ind) in indicators.iter().enumerate() {
        let id = theirs.new_id();
        theirs.cycles[last]
            .evaluation
            .measurements
            .push(kompas::model::Measurement {
                id,
                indicator: *ind,
                date: chrono::NaiveDate::from_ymd_opt(2040, 1, 1 + (k % 28) as u32),
                value: Some(k as f64),
                source: "Gemeente".into(),
                note: String::new(),
            });
    }
    let gone = theirs.cycles[last].ambitions[0].id;
    theirs.remove(gone);
    let mut conflicts = 0;
    let merged = stats(time(runs, || {
        let m = kompas::model::merge::merge(Some(project), &ours, &theirs).expect("merges");
        conflicts = m.conflicts.len();
    }));
    row(
        &format!("merge: two copies of stress ({conflicts} conflicts)"),
        merged,
        Some(json_read),
        "≤ 1,000 ms",
    );
    let two_way = stats(time(runs, || {
        kompas::model::merge::merge(None, &ours, &theirs).map(|m| m.conflicts.len())
    }));
    row(
        "merge: the same without a base",
        two_way,
        Some(json_read),
        "",
    );
    let compared = stats(time(runs, || {
        kompas::model::merge::compare(project, &theirs).map(|c| c.len())
    }));
    row(
        "compare: stress with its copy",
        compared,
        Some(json_read),
        "",
    );
}
