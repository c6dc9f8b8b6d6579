//! The output guard: every file lovefund writes (a PDF, an export, a backup, the demo's
//! files) goes through a `Guard`. It refuses the ledger itself, its -wal, -shm and
//! -journal, and any symbolic or hard link to them — compared by device and inode, and
//! by folder and name for a companion that does not exist yet, never by the spelling
//! of a path. It writes a temporary file (mode 0600: outputs name donors) in the
//! target's folder and renames it into place, so a killed write leaves the target as
//! it was. An existing file is replaced only with `force` (or when the caller lists it
//! as its own, as the demo does for the files of its manifest); without `force` the
//! file is put in place with a hard link, which fails if another process made the
//! target meanwhile.
//!
//! Not here: what is written (the renderers and exporters; every CSV cell goes through
//! `csv`), or which word names the output on a front end (the guard's refusals carry a
//! `Field`).

pub mod csv;
pub mod encode;
pub mod xlsx;
pub mod zip;

use crate::error::message::OutputMessage;
use crate::error::{Error, Field, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The files SQLite keeps beside a ledger.
const COMPANION_SUFFIXES: [&str; 4] = ["", "-wal", "-shm", "-journal"];

/// Temporary files made by this process so far, so two never share a name.
static TEMPORARIES: AtomicU32 = AtomicU32::new(0);

/// Where a command may write: never over `ledger`'s files, over an existing file only
/// with `force` or when it is listed as `replaceable`.
#[derive(Clone, Debug)]
pub struct Guard {
    ledger: PathBuf,
    field: Field,
    force: bool,
    replaceable: Vec<PathBuf>,
}

/// The device and inode of a file, following links.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<(u64, u64)> {
    let _ = path;
    None
}

/// The folder a path names a file in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

impl Guard {
    /// A guard for outputs named by `field`, protecting the ledger at `ledger`.
    pub fn new(ledger: &Path, field: Field, force: bool) -> Guard {
        Guard {
            ledger: ledger.to_path_buf(),
            field,
            force,
            replaceable: Vec::new(),
        }
    }

    /// Also lets these files be replaced without `force` (a caller's own earlier output).
    pub fn replacing(mut self, files: Vec<PathBuf>) -> Guard {
        self.replaceable = files;
        self
    }

    pub fn force(&self) -> bool {
        self.force
    }

    /// The ledger's files as paths: as given and with links resolved, each with its
    /// companions (SQLite names the WAL after the resolved file).
    fn ledger_paths(&self) -> Vec<PathBuf> {
        let mut bases = vec![self.ledger.clone()];
        if let Ok(resolved) = std::fs::canonicalize(&self.ledger) {
            bases.push(resolved);
        }
        let mut paths = Vec::new();
        for base in &bases {
            for suffix in COMPANION_SUFFIXES {
                let mut name = base.as_os_str().to_owned();
                name.push(suffix);
                paths.push(PathBuf::from(name));
            }
        }
        paths
    }

    /// Whether `target` is one of the ledger's files: the same file (a link or a hard
    /// link included), or the same name in the same folder (a companion not made yet).
    pub fn is_ledger(&self, target: &Path) -> bool {
        let target_identity = identity(target);
        let target_folder = identity(folder_of(target));
        self.ledger_paths().iter().any(|ledger_file| {
            let same_file = target_identity.is_some() && identity(ledger_file) == target_identity;
            let same_name = target.file_name().is_some()
                && target.file_name() == ledger_file.file_name()
                && target_folder.is_some()
                && identity(folder_of(ledger_file)) == target_folder;
            same_file || same_name
        })
    }

    fn may_replace(&self, target: &Path) -> bool {
        self.force || self.replaceable.iter().any(|p| p == target)
    }

    /// Refuses `target` before anything is made: a file of the ledger, a folder, no
    /// file name, or an existing file this guard may not replace.
    pub fn check(&self, target: &Path) -> Result<()> {
        if self.is_ledger(target) {
            return Err(Error::conflict_in(
                self.field.clone(),
                OutputMessage::IsTheLedger {
                    path: target.display().to_string(),
                },
            ));
        }
        if target.file_name().is_none() {
            return Err(Error::input_in(
                self.field.clone(),
                OutputMessage::NoFileName {
                    path: target.display().to_string(),
                },
            ));
        }
        let Ok(meta) = std::fs::symlink_metadata(target) else {
            return Ok(());
        };
        if meta.is_dir() || std::fs::metadata(target).is_ok_and(|m| m.is_dir()) {
            return Err(Error::input_in(
                self.field.clone(),
                OutputMessage::IsAFolder {
                    path: target.display().to_string(),
                },
            ));
        }
        if self.may_replace(target) {
            return Ok(());
        }
        Err(exists(target))
    }

    /// A new temporary file beside `target` (mode 0600), removed again unless placed.
    pub fn temporary_for(&self, target: &Path) -> Result<(Temporary, File)> {
        self.check(target)?;
        let name = target.file_name().unwrap_or_default();
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        let n = TEMPORARIES.fetch_add(1, Ordering::Relaxed);
        temporary_name.push(format!(".{}.{n}.tmp", std::process::id()));
        let path = target.with_file_name(temporary_name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path).map_err(|e| cannot_write(target, e))?;
        Ok((
            Temporary {
                path,
                placed: false,
            },
            file,
        ))
    }

    /// Puts a finished temporary file at `target`, checking the target again: renamed
    /// over it when it may be replaced, else hard-linked so that a file made meanwhile
    /// is never overwritten.
    pub fn place(&self, temporary: Temporary, target: &Path) -> Result<()> {
        self.place_unsynced(temporary, target)?;
        sync_folder(target);
        Ok(())
    }

    /// `place` without syncing the folder (a `Batch` syncs it once for many files).
    fn place_unsynced(&self, mut temporary: Temporary, target: &Path) -> Result<()> {
        self.check(target)?;
        if !self.may_replace(target) {
            match std::fs::hard_link(&temporary.path, target) {
                Ok(()) => {
                    temporary.placed = true;
                    let _ = std::fs::remove_file(&temporary.path);
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(exists(target));
                }
                // A file system without hard links: the check above has to do.
                Err(_) => {}
            }
        }
        std::fs::rename(&temporary.path, target).map_err(|e| cannot_write(target, e))?;
        temporary.placed = true;
        Ok(())
    }

    /// Starts writing many files that are made durable together (`Batch`).
    pub fn batch(&self) -> Batch<'_> {
        Batch {
            guard: self,
            pending: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Syncs the temporaries of `files`, puts each in place, then syncs their folders.
    fn settle(&self, files: Vec<Pending>) -> Result<()> {
        sync_files(&files)?;
        let mut folders: Vec<PathBuf> = Vec::new();
        for pending in files {
            self.place_unsynced(pending.temporary, &pending.target)?;
            let folder = folder_of(&pending.target);
            if !folders.iter().any(|f| f == folder) {
                folders.push(folder.to_path_buf());
            }
        }
        for folder in folders {
            if let Ok(folder) = File::open(folder) {
                let _ = folder.sync_all();
            }
        }
        Ok(())
    }

    /// Starts writing `target` through a temporary file.
    pub fn create(&self, target: &Path) -> Result<AtomicFile<'_>> {
        let (temporary, file) = self.temporary_for(target)?;
        Ok(AtomicFile {
            guard: self,
            target: target.to_path_buf(),
            temporary,
            file: BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// Writes `bytes` to `target` through a temporary file.
    pub fn write(&self, target: &Path, bytes: &[u8]) -> Result<()> {
        let mut file = self.create(target)?;
        file.writer()
            .write_all(bytes)
            .map_err(|e| cannot_write(target, e))?;
        file.commit()
    }
}

fn exists(target: &Path) -> Error {
    Error::conflict_in(
        Field::Force,
        OutputMessage::Exists {
            path: target.display().to_string(),
        },
    )
}

fn cannot_write(path: &Path, e: std::io::Error) -> Error {
    Error::io(
        crate::error::message::IoMessage::Write {
            path: path.display().to_string(),
        },
        e,
    )
}

/// How many files a `Batch` writes before it makes them durable and puts them in place.
const BATCH_FILES: usize = 256;

/// Files written as one batch (a year's receipts), from one thread or several: each
/// through its temporary file as `Guard::write` does, but made durable together —
/// the temporaries of up to `BATCH_FILES` files are synced at once (one `syncfs` on
/// Linux), then put in place, then their folder is synced once — instead of two syncs
/// for every file, which left a print of ten thousand receipts waiting on the disk
/// for most of its time. A file is still whole at its name or not there; a file is
/// in place only once its batch is, and those of a batch not finished are removed
/// (a crash may leave their temporaries, `.NAME.PID.N.tmp`).
pub struct Batch<'g> {
    guard: &'g Guard,
    pending: std::sync::Mutex<Vec<Pending>>,
}

/// A file of a batch written to its temporary file, not yet synced nor in place.
struct Pending {
    temporary: Temporary,
    file: File,
    target: PathBuf,
}

impl Batch<'_> {
    /// Writes `bytes` for `target` (checked as `Guard::write` checks it); the file is
    /// in place once its batch is settled, at the latest by `finish`.
    pub fn write(&self, target: &Path, bytes: &[u8]) -> Result<()> {
        let (temporary, mut file) = self.guard.temporary_for(target)?;
        file.write_all(bytes).map_err(|e| cannot_write(target, e))?;
        let full = {
            let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            pending.push(Pending {
                temporary,
                file,
                target: target.to_path_buf(),
            });
            match pending.len() >= BATCH_FILES {
                true => std::mem::take(&mut *pending),
                false => Vec::new(),
            }
        };
        self.guard.settle(full)
    }

    /// Settles the files written since the last full batch.
    pub fn finish(self) -> Result<()> {
        let pending = self.pending.into_inner().unwrap_or_else(|e| e.into_inner());
        self.guard.settle(pending)
    }
}

/// Makes the temporaries' contents durable: one `syncfs` of their file system on
/// Linux (falling back to each file), each file elsewhere.
fn sync_files(files: &[Pending]) -> Result<()> {
    let Some(first) = files.first() else {
        return Ok(());
    };
    #[cfg(target_os = "linux")]
    if rustix::fs::syncfs(&first.file).is_ok() {
        return Ok(());
    }
    let _ = first;
    for pending in files {
        pending
            .file
            .sync_all()
            .map_err(|e| cannot_write(&pending.target, e))?;
    }
    Ok(())
}

/// Makes a rename durable; a folder that cannot be opened or synced is no reason to fail.
fn sync_folder(target: &Path) {
    if let Ok(folder) = File::open(folder_of(target)) {
        let _ = folder.sync_all();
    }
}

/// A temporary file beside its target; removed when dropped unless it was placed.
#[derive(Debug)]
pub struct Temporary {
    path: PathBuf,
    placed: bool,
}

impl Temporary {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// A file being written through a temporary file; `commit` puts it in place, dropping
/// it uncommitted removes the temporary file.
pub struct AtomicFile<'g> {
    guard: &'g Guard,
    target: PathBuf,
    temporary: Temporary,
    file: BufWriter<File>,
}

impl AtomicFile<'_> {
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.file
    }

    /// Flushes and syncs the temporary file, then puts it in place.
    pub fn commit(mut self) -> Result<()> {
        self.file
            .flush()
            .and_then(|()| self.file.get_ref().sync_all())
            .map_err(|e| cannot_write(&self.target, e))?;
        self.guard.place(self.temporary, &self.target)
    }
}

/// The file itself, for a writer that seeks back over what it wrote (the zip writer
/// fills in each member's sizes and the central directory).
impl Write for AtomicFile<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.file.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl std::io::Seek for AtomicFile<'_> {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        self.file.seek(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger_in(dir: &Path) -> PathBuf {
        let ledger = dir.join("fund.db");
        std::fs::write(&ledger, b"ledger").unwrap();
        ledger
    }

    #[test]
    fn the_ledger_its_companions_and_links_to_them_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = ledger_in(dir.path());
        let guard = Guard::new(&ledger, Field::Out, true);
        std::os::unix::fs::symlink(&ledger, dir.path().join("link")).unwrap();
        std::fs::hard_link(&ledger, dir.path().join("hard")).unwrap();
        for name in [
            "fund.db",
            "fund.db-wal",
            "fund.db-shm",
            "fund.db-journal",
            "link",
            "hard",
        ] {
            let target = dir.path().join(name);
            assert!(guard.is_ledger(&target), "{name}");
            assert!(guard.write(&target, b"pdf").is_err(), "{name}");
        }
        // Another spelling of the same folder is the same folder.
        let dotted = dir.path().join(".").join("fund.db-wal");
        assert!(guard.is_ledger(&dotted));
        assert_eq!(std::fs::read(&ledger).unwrap(), b"ledger");
        assert!(!guard.is_ledger(&dir.path().join("fund.pdf")));
    }

    /// The files of a batch, written from two threads across several full batches:
    /// each is in place with its own bytes once the batch is finished, none before
    /// its batch settles, and no temporary file is left; a batch dropped unfinished
    /// (a print that failed) leaves nothing of its unsettled files.
    #[test]
    fn a_batch_puts_every_file_in_place_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = ledger_in(dir.path());
        let guard = Guard::new(&ledger, Field::Out, false);
        let files = BATCH_FILES * 2 + 10;
        let batch = guard.batch();
        std::thread::scope(|scope| {
            for half in 0..2 {
                let batch = &batch;
                let dir = dir.path();
                scope.spawn(move || {
                    for n in (half..files).step_by(2) {
                        let target = dir.join(format!("{n}.pdf"));
                        batch.write(&target, n.to_string().as_bytes()).unwrap();
                    }
                });
            }
        });
        // The last, partial batch is not in place yet.
        let placed = |dir: &Path| {
            std::fs::read_dir(dir)
                .unwrap()
                .filter(|e| e.as_ref().unwrap().path().extension() == Some("pdf".as_ref()))
                .count()
        };
        assert_eq!(placed(dir.path()), BATCH_FILES * 2);
        batch.finish().unwrap();
        assert_eq!(placed(dir.path()), files);
        for n in 0..files {
            let bytes = std::fs::read(dir.path().join(format!("{n}.pdf"))).unwrap();
            assert_eq!(bytes, n.to_string().as_bytes());
        }
        let unfinished = guard.batch();
        unfinished
            .write(&dir.path().join("late.pdf"), b"late")
            .unwrap();
        drop(unfinished);
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), files + 1, "the ledger and the receipts only");
        assert!(
            names
                .iter()
                .all(|n| !n.ends_with(".tmp") && n != "late.pdf")
        );
    }

    #[test]
    fn an_existing_file_is_replaced_only_with_force_or_when_listed() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = ledger_in(dir.path());
        let target = dir.path().join("out.csv");
        let guard = Guard::new(&ledger, Field::Out, false);
        guard.write(&target, b"one").unwrap();
        let refused = guard.write(&target, b"two").unwrap_err();
        assert_eq!(
            refused.refusal().and_then(|r| r.field.clone()),
            Some(Field::Force)
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"one");
        let listed = guard.clone().replacing(vec![target.clone()]);
        listed.write(&target, b"two").unwrap();
        Guard::new(&ledger, Field::Out, true)
            .write(&target, b"three")
            .unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"three");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file is left: {left:?}");
    }

    #[test]
    fn a_file_made_between_the_check_and_the_placing_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = ledger_in(dir.path());
        let target = dir.path().join("out.pdf");
        let guard = Guard::new(&ledger, Field::Out, false);
        let mut file = guard.create(&target).unwrap();
        file.writer().write_all(b"new").unwrap();
        std::fs::write(&target, b"theirs").unwrap();
        assert!(file.commit().is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"theirs");
    }
}
