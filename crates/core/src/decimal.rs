//! Decimal numbers in addresses (a point's coordinates, a widget's map bounds), read without
//! the standard library's float parser: its exact algorithm for any length of input brings a
//! 10 KB table of powers of five into the app's wasm (BENCHMARKS.md, "A smaller wasm").
//! Addresses carry a handful of decimals, which this reads exactly as the standard parser does.

/// Significant digits that fit a `u64` whatever they are.
const MAX_DIGITS: u32 = 19;
/// The powers of ten an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads `[+-]digits[.digits]`, with digits on at least one side of the point; no exponent,
/// no `inf` or `NaN`, no spaces. `None` for anything else, or more than 19 digits before the
/// point. The value is the standard parser's, bit for bit, for up to 15 significant digits
/// and 22 decimals: an integer below 2^53 and 10^22 are both exact in an `f64`, so their
/// quotient is rounded once, correctly (Clinger's fast path). Longer inputs are rounded a
/// few times more (digits after the 19th are cut off), within 10^-15 of the value (0 for
/// values below about 10^-300).
pub fn parse(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > MAX_DIGITS as usize {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    let mut decimals: i32 = 0;
    for (b, in_fraction) in whole
        .bytes()
        .map(|b| (b, false))
        .chain(fraction.bytes().map(|b| (b, true)))
    {
        if significant == MAX_DIGITS {
            break;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
        if mantissa > 0 {
            significant += 1;
        }
        if in_fraction {
            decimals += 1;
        }
    }
    let value = match EXACT_POWERS.get(decimals as usize) {
        Some(power) => mantissa as f64 / power,
        None => mantissa as f64 / EXACT_POWERS[22] / 10f64.powi(decimals - 22),
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_what_the_standard_parser_reads_bit_for_bit() {
        // Coordinates as addresses write them, and their neighbours.
        let mut seed = 12_345u64;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let whole = (seed >> 33) % 181;
            let places = ((seed >> 20) % 9) as usize;
            let fraction = (seed >> 5) % 10u64.pow(places as u32);
            let sign = if seed & 1 == 0 { "" } else { "-" };
            let text = if places == 0 {
                format!("{sign}{whole}")
            } else {
                format!("{sign}{whole}.{fraction:0places$}")
            };
            let expected: f64 = text.parse().unwrap();
            assert_eq!(
                parse(&text).map(f64::to_bits),
                Some(expected.to_bits()),
                "{text}"
            );
        }
        for text in [
            "0",
            "-0",
            "+7",
            "0.1",
            ".5",
            "5.",
            "00012.5000",
            "51.51234",
            "179.99999",
        ] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(
                parse(text).map(f64::to_bits),
                Some(expected.to_bits()),
                "{text}"
            );
        }
    }

    #[test]
    fn reads_back_what_the_addresses_write() {
        // `url.rs` and `embed.rs` write coordinates with `{:.5}`.
        let mut seed = 99u64;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let value = ((seed >> 11) as f64 / (1u64 << 53) as f64) * 360.0 - 180.0;
            for written in [format!("{value:.5}"), format!("{:.5}", value / 1e6)] {
                let expected: f64 = written.parse().unwrap();
                assert_eq!(
                    parse(&written).map(f64::to_bits),
                    Some(expected.to_bits()),
                    "{written}"
                );
            }
        }
    }

    #[test]
    fn long_inputs_are_cut_off_below_a_part_in_ten_to_the_fifteen() {
        for text in [
            "51.123456789012345678901234",
            "0.000000000000000000000000012",
            "9999999999999999999.5",
        ] {
            let expected: f64 = text.parse().unwrap();
            let read = parse(text).unwrap();
            assert!(
                (read - expected).abs() <= expected.abs() * 1e-15,
                "{text}: {read} against {expected}"
            );
        }
    }

    #[test]
    fn refuses_what_is_not_a_plain_decimal() {
        for text in [
            "",
            "-",
            "+",
            ".",
            "-.",
            "1e5",
            "1E5",
            "inf",
            "NaN",
            "1.2.3",
            " 1",
            "1 ",
            "1,5",
            "0x10",
            "--1",
            "12345678901234567890",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
