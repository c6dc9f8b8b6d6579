//! A QR code's modules, the same as `qrcode::QrCode::with_error_correction_level`
//! gives, but with the choice among the eight masks scored here.
//!
//! The crate tries all eight masks and keeps the one with the lowest penalty (the four
//! rules of ISO/IEC 18004 §7.8.3, as the crate counts them): that choice is what keeps a
//! dense code readable on a phone, so it must stay exactly the crate's. Its scoring
//! walks the modules through bounds-checked look-ups and allocates a boxed closure at
//! every position of the finder-like-pattern rule, which made it about a third of a
//! receipt's time once the QR code held the signed payload (version 8–10). Here each
//! masked candidate is flattened to one byte per module (and once transposed, so that
//! columns are rows too) and the same four rules are counted in plain loops. The unit
//! tests compare every module with the crate's own result over many payloads.

use qrcode::bits::encode_auto;
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::ec::construct_codewords;
use qrcode::{Color, EcLevel, Version};

/// The eight masks in the crate's order: on a tie the crate keeps the first.
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The modules of `data` as a QR code at `ec_level`, row by row (dark is `true`), and
/// the number of modules per side.
pub fn qr_modules(data: &[u8], ec_level: EcLevel) -> Result<(usize, Vec<bool>), String> {
    let describe = |error: qrcode::types::QrError| {
        format!("cannot encode the verification code as a QR code: {error}")
    };
    let bits = encode_auto(data, ec_level).map_err(describe)?;
    let version = bits.version();
    if let Version::Micro(_) = version {
        // Not reached (encode_auto never picks a Micro QR version); the crate's own path.
        let code = qrcode::QrCode::with_error_correction_level(data, ec_level).map_err(describe)?;
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        return Ok((code.width(), dark));
    }
    let (encoded, ec) =
        construct_codewords(&bits.into_bytes(), version, ec_level).map_err(describe)?;
    let mut canvas = Canvas::new(version, ec_level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&encoded, &ec);
    let width = version.width() as usize;
    // Every score is far below u32::MAX, so the first mask always replaces this.
    let mut best: (u32, Vec<Color>) = (u32::MAX, Vec::new());
    let mut transposed = vec![false; width * width];
    let mut dark = vec![false; width * width];
    for mask in MASKS {
        let mut candidate = canvas.clone();
        candidate.apply_mask(mask);
        let colors = candidate.into_colors();
        let raw = if width <= 64 {
            raw_penalty_of_rows(&colors, width)
        } else {
            for (d, c) in dark.iter_mut().zip(&colors) {
                *d = *c == Color::Dark;
            }
            raw_penalty(&dark, &mut transposed, width)
        };
        // The crate subtracts the three finder patterns' own 9 rows and 9 columns.
        let score = raw - 720;
        if score < best.0 {
            best = (score, colors);
        }
    }
    let dark = best.1.into_iter().map(|c| c == Color::Dark).collect();
    Ok((width, dark))
}

/// `raw_penalty` for a code at most 64 modules wide (version 11 and below, every
/// receipt's): each row and column is one `u64`, bit x for module x, and each rule is
/// counted a line at a time with shifts and population counts.
fn raw_penalty_of_rows(colors: &[Color], width: usize) -> u32 {
    debug_assert!(width <= 64 && colors.len() == width * width);
    let mut rows = [0u64; 64];
    let mut columns = [0u64; 64];
    for (y, line) in colors.chunks_exact(width).enumerate() {
        for (x, color) in line.iter().enumerate() {
            if *color == Color::Dark {
                rows[y] |= 1 << x;
                columns[x] |= 1 << y;
            }
        }
    }
    let (rows, columns) = (&rows[..width], &columns[..width]);
    let mut score = 0;
    for lines in [rows, columns] {
        for &line in lines {
            score += runs_penalty_bits(line, width) + finder_penalty_bits(line, width);
        }
    }
    let inner = low_bits(width - 1);
    for pair in rows.windows(2) {
        let (top, bottom) = (pair[0], pair[1]);
        // Module x equals x + 1 in the top row, and each of x, x + 1 equals the one
        // below it: the 2 × 2 block at x is of one colour.
        let across = !(top ^ (top >> 1));
        let down = !(top ^ bottom);
        score += 3 * (across & down & (down >> 1) & inner).count_ones();
    }
    let count: u32 = rows.iter().map(|row| row.count_ones()).sum();
    let ratio = count as usize * 200 / (width * width);
    score + ratio.abs_diff(100) as u32
}

/// The lowest `n` bits set (n ≤ 64).
fn low_bits(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1 << n) - 1 }
}

/// Rule 1 on a line of bits: a run of 5 + N modules is 4 + N neighbours in a row
/// that are equal, and scores 3 + N, one less than that count.
fn runs_penalty_bits(line: u64, width: usize) -> u32 {
    let equal = !(line ^ (line >> 1)) & low_bits(width - 1);
    let long = equal & (equal >> 1) & (equal >> 2) & (equal >> 3);
    let covered = long | (long << 1) | (long << 2) | (long << 3);
    let starts = long & !(long << 1);
    covered.count_ones() - starts.count_ones()
}

/// Rule 3 on a line of bits, with `finder_penalty`'s edges: `#.###.#` starting at x
/// with four light modules (or fewer, up to the edge) before it or after it.
fn finder_penalty_bits(line: u64, width: usize) -> u32 {
    if width < 7 {
        return 0;
    }
    let light = !line;
    let mut found = line
        & (light >> 1)
        & (line >> 2)
        & (line >> 3)
        & (line >> 4)
        & (light >> 5)
        & (line >> 6)
        & low_bits(width - 6);
    let mut score = 0;
    while found != 0 {
        let start = found.trailing_zeros() as usize;
        found &= found - 1;
        let from = start.saturating_sub(4);
        let before = line & (low_bits(start) & !low_bits(from)) == 0;
        let end = (start + 11).min(width);
        let after = line & (low_bits(end) & !low_bits(start + 7)) == 0;
        if before || after {
            score += 40;
        }
    }
    score
}

/// The crate's total penalty of a normal QR code (`compute_total_penalty_scores`),
/// before it subtracts the finder patterns' own 720.
fn raw_penalty(dark: &[bool], transposed: &mut [bool], width: usize) -> u32 {
    for y in 0..width {
        for x in 0..width {
            transposed[x * width + y] = dark[y * width + x];
        }
    }
    let mut score = 0;
    for lines in [dark, &*transposed] {
        for line in lines.chunks_exact(width) {
            score += runs_penalty(line) + finder_penalty(line);
        }
    }
    score + blocks_penalty(dark, width) + balance_penalty(dark)
}

/// Rule 1: each run of 5 + N modules of one colour scores 3 + N.
fn runs_penalty(line: &[bool]) -> u32 {
    let mut score = 0;
    let mut run = 1;
    for pair in line.windows(2) {
        if pair[0] == pair[1] {
            run += 1;
        } else {
            if run >= 5 {
                score += run - 2;
            }
            run = 1;
        }
    }
    if run >= 5 {
        score += run - 2;
    }
    score
}

/// Rule 3 as the crate counts it: each `#.###.#` with four light modules (or the
/// edge) on at least one side scores 40.
fn finder_penalty(line: &[bool]) -> u32 {
    const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
    let width = line.len();
    let light = |range: std::ops::Range<usize>| line[range].iter().all(|&d| !d);
    let mut score = 0;
    for start in 0..width.saturating_sub(6) {
        if line[start..start + 7] != PATTERN {
            continue;
        }
        let before = light(start.saturating_sub(4)..start);
        let after = light(start + 7..(start + 11).min(width));
        if before || after {
            score += 40;
        }
    }
    score
}

/// Rule 2: each 2 × 2 block of one colour (overlapping) scores 3.
fn blocks_penalty(dark: &[bool], width: usize) -> u32 {
    let mut score = 0;
    for y in 0..width - 1 {
        let top = &dark[y * width..(y + 1) * width];
        let bottom = &dark[(y + 1) * width..(y + 2) * width];
        for x in 0..width - 1 {
            let c = top[x];
            if top[x + 1] == c && bottom[x] == c && bottom[x + 1] == c {
                score += 3;
            }
        }
    }
    score
}

/// Rule 4 as the crate counts it: the distance of the dark share from 50 %, in half
/// per cents, unrounded.
fn balance_penalty(dark: &[bool]) -> u32 {
    let count = dark.iter().filter(|&&d| d).count();
    let ratio = count * 200 / dark.len();
    ratio.abs_diff(100) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crate_modules(data: &[u8], ec_level: EcLevel) -> (usize, Vec<bool>) {
        let code = qrcode::QrCode::with_error_correction_level(data, ec_level).unwrap();
        (
            code.width(),
            code.to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        )
    }

    /// A small deterministic generator, so the payloads are the same on every run.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn same_modules_and_mask_as_the_crate() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let alphabet =
            b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:abcdefghijklmnopqrstuvwxyz#_~";
        let mut checked = 0;
        for round in 0..300 {
            let len = 1 + (next(&mut state) % 260) as usize;
            let data: Vec<u8> = match round % 3 {
                // Byte mode, any byte.
                0 => (0..len).map(|_| next(&mut state) as u8).collect(),
                // Mixed modes, like a verify address with a base64url payload.
                1 => (0..len)
                    .map(|_| alphabet[(next(&mut state) % alphabet.len() as u64) as usize])
                    .collect(),
                // Digits only (numeric mode).
                _ => (0..len)
                    .map(|_| b'0' + (next(&mut state) % 10) as u8)
                    .collect(),
            };
            for ec_level in [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H] {
                if qrcode::QrCode::with_error_correction_level(&data, ec_level).is_err() {
                    continue;
                }
                assert_eq!(
                    qr_modules(&data, ec_level).unwrap(),
                    crate_modules(&data, ec_level)
                );
                checked += 1;
            }
        }
        assert!(checked > 1000, "only {checked} codes compared");
    }

    #[test]
    fn a_receipt_payload_matches_the_crate() {
        let payload = "https://fund.example.org/verify.html#LF1.a1b2c3d4.2018-000123.20180304.500000.\
                       %E7%88%B1%E5%BF%83.%E5%BC%A0**.Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4";
        assert_eq!(
            qr_modules(payload.as_bytes(), EcLevel::M).unwrap(),
            crate_modules(payload.as_bytes(), EcLevel::M)
        );
    }

    #[test]
    fn the_penalty_in_bits_is_the_penalty_in_bytes() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for round in 0..2_000 {
            let width = [21, 25, 45, 57, 61, 7, 8, 64][round % 8];
            // Sparse, even and dense matrices, so that long runs and finder-like
            // patterns turn up.
            let density = [2, 4, 6][round % 3];
            let colors: Vec<Color> = (0..width * width)
                .map(|_| match next(&mut state) % 8 < density {
                    true => Color::Dark,
                    false => Color::Light,
                })
                .collect();
            let dark: Vec<bool> = colors.iter().map(|c| *c == Color::Dark).collect();
            let mut transposed = vec![false; width * width];
            assert_eq!(
                raw_penalty_of_rows(&colors, width),
                raw_penalty(&dark, &mut transposed, width),
                "width {width}, round {round}"
            );
        }
    }

    #[test]
    fn too_long_is_an_error() {
        assert!(qr_modules(&vec![0xff; 4000], EcLevel::H).is_err());
    }
}
