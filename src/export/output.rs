//! `export --out FILE`: the export is written to a temporary file beside FILE
//! (mode 0600: it names donors and beneficiaries), synced, then renamed over FILE,
//! so FILE is either what it was or the whole new export — never half of one. An
//! existing FILE is replaced, as a rerun of a monthly export expects, except the
//! ledger itself (or its WAL), which is refused. A failed or interrupted export
//! removes its temporary file.

use crate::error::{Error, Field, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub struct AtomicFile {
    target: PathBuf,
    temporary: PathBuf,
    file: BufWriter<File>,
    committed: bool,
}

fn cannot_write(path: &Path, e: std::io::Error) -> Error {
    Error::io(format!("cannot write {}", path.display()), e)
}

/// Refuses a target that is a folder or the ledger file (or one of its companions).
fn check_target(target: &Path, ledger: &Path) -> Result<()> {
    let Ok(meta) = std::fs::metadata(target) else {
        return Ok(());
    };
    if meta.is_dir() {
        return Err(Error::input_in(
            Field::Out,
            format!(
                "{{field}} {} is a folder; give the name of the file to write",
                target.display()
            ),
        ));
    }
    let canonical = std::fs::canonicalize(target).ok();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut companion = ledger.as_os_str().to_owned();
        companion.push(suffix);
        if canonical.is_some() && std::fs::canonicalize(&companion).ok() == canonical {
            return Err(Error::conflict_in(
                Field::Out,
                format!(
                    "{{field}} {} is the ledger file itself; write the export to another file",
                    target.display()
                ),
            ));
        }
    }
    Ok(())
}

impl AtomicFile {
    pub fn create(target: &Path, ledger: &Path) -> Result<AtomicFile> {
        check_target(target, ledger)?;
        let name = target.file_name().ok_or_else(|| {
            Error::input_in(
                Field::Out,
                format!(
                    "{{field}} {} does not name a file; give a file name",
                    target.display()
                ),
            )
        })?;
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".{}.tmp", std::process::id()));
        let temporary = target.with_file_name(temporary_name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options
            .open(&temporary)
            .map_err(|e| cannot_write(target, e))?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temporary,
            file: BufWriter::with_capacity(1 << 16, file),
            committed: false,
        })
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.file
    }

    /// Flushes and syncs the temporary file, then renames it over the target.
    pub fn commit(mut self) -> Result<()> {
        self.file
            .flush()
            .and_then(|()| self.file.get_ref().sync_all())
            .map_err(|e| cannot_write(&self.target, e))?;
        std::fs::rename(&self.temporary, &self.target)
            .map_err(|e| cannot_write(&self.target, e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}
