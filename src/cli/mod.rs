//! Argument parsing and the commands. Each command calls the library, renders, and returns the
//! exit code of the contract: 0 success, 1 fell short, 2 unusable input or command line.

mod check;
mod output;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// tieuchi — criteria for appraising key, complex areas for social order.
#[derive(Parser)]
#[command(name = "tieuchi", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output formats.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and check rules files.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

/// Parses the command line and runs the command; returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Check { files, format } => check::run(&files, format),
    }
}
