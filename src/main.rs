//! The `lovefund` binary: everything lives in the library; this only runs it and
//! turns the outcome into an exit status.

fn main() {
    std::process::exit(lovefund::cli::run(lovefund::web::serve));
}
