//! `kompas [FILE]` opens the window; `kompas check FILE` validates a file.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = kompas::cli::Args::parse();
    match args.command {
        Some(cmd) => {
            // the command line tells its user on the terminal
            kompas::logging::init_stderr();
            kompas::cli::run(cmd)
        }
        None => {
            // the window has no terminal to tell: a log file in the data folder
            match kompas::logging::default_path() {
                Some(path) => kompas::logging::init_file(&path),
                None => kompas::logging::init_stderr(),
            };
            match kompas::run_window(args.file) {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(e) => {
                    if kompas::logging::log_path().is_some() {
                        log::error!("the window could not start: {e}");
                    }
                    eprintln!("Kompas: {e}");
                    std::process::ExitCode::FAILURE
                }
            }
        }
    }
}
