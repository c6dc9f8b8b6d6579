//! What the file-reading targets share: the first input byte chooses the encoding
//! (detected, or one of the five forced), and the rest is written to a scratch file in memory.

use lovefund::import::Encoding;
use std::path::PathBuf;

/// Splits off the first byte as the encoding choice; None for an empty input.
pub fn encoding_and_rest(data: &[u8]) -> Option<(Option<Encoding>, u8, &[u8])> {
    let (&choice, rest) = data.split_first()?;
    let encoding = match choice % 6 {
        0 => None,
        1 => Some(Encoding::Utf8),
        2 => Some(Encoding::Gb18030),
        3 => Some(Encoding::Big5),
        4 => Some(Encoding::Utf16Le),
        _ => Some(Encoding::Utf16Be),
    };
    Some((encoding, choice, rest))
}

/// A directory of this fuzzing process, in /dev/shm where there is one.
pub fn scratch_dir() -> PathBuf {
    let base = PathBuf::from("/dev/shm");
    let base = if base.is_dir() {
        base
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("lovefund-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
