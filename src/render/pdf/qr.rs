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
    let mut best: (u32, Vec<bool>) = (u32::MAX, Vec::new());
    let mut transposed = vec![false; width * width];
    for mask in MASKS {
        let mut candidate = canvas.clone();
        candidate.apply_mask(mask);
        let dark: Vec<bool> = candidate
            .into_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        let score = penalty(&dark, &mut transposed, width);
        if score < best.0 {
            best = (score, dark);
        }
    }
    Ok((width, best.1))
}

/// The crate's total penalty of a normal QR code (`compute_total_penalty_scores`).
fn penalty(dark: &[bool], transposed: &mut [bool], width: usize) -> u32 {
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
        // The crate subtracts the three finder patterns' own 9 rows (or columns).
        score -= 360;
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
    fn too_long_is_an_error() {
        assert!(qr_modules(&vec![0xff; 4000], EcLevel::H).is_err());
    }
}
