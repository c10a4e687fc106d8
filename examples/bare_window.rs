//! A bare eframe window from the same crates and options as Kompas: the baseline of the
//! start-up benchmark. It prints `first-frame` at its first frame and exits.

struct Bare;

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.label("Kompas");
        println!("first-frame");
        std::process::exit(0);
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native("bare", options, Box::new(|_| Ok(Box::new(Bare))))
}
