//! `kompas [FILE]` opens the window; `kompas check FILE` validates a file.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = kompas::cli::Args::parse();
    match args.command {
        Some(cmd) => kompas::cli::run(cmd),
        None => match kompas::run_window(args.file) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("Kompas: {e}");
                std::process::ExitCode::FAILURE
            }
        },
    }
}
