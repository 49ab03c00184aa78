//! An operator's accent colour, made readable. The accent is the colour of links, of the header
//! behind white text and of pressed buttons, so it must reach WCAG AA contrast (4.5:1 for normal
//! text) against every background it meets. A colour that does not is darkened until it does.

/// The app's backgrounds behind accent-coloured text, and the white text on accent backgrounds
/// (`style/main.css`: `--ak-bg`, `--ak-surface`, the open row's tint).
pub const BACKGROUNDS: [Rgb; 3] = [
    Rgb(0xff, 0xff, 0xff),
    Rgb(0xf3, 0xf5, 0xf7),
    Rgb(0xe6, 0xf2, 0xf4),
];

/// WCAG 2.1 AA for normal text (success criterion 1.4.3).
pub const AA_CONTRAST: f64 = 4.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#0b5d6b`, `0b5d6b`, `#abc` or `abc`, in either case.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim();
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    /// `#rrggbb`, lower case.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance as WCAG defines it.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The colour scaled towards black by `factor` (1 keeps it, 0 is black): hue and
    /// saturation stay, so the operator's colour is still recognisably theirs.
    fn darker(self, factor: f64) -> Rgb {
        let scale = |c: u8| (c as f64 * factor).floor() as u8;
        Rgb(scale(self.0), scale(self.1), scale(self.2))
    }
}

/// The accent to use for `wanted`: itself when it reaches AA against every background, else
/// the lightest darker shade of it that does. The second value says whether it was darkened.
pub fn readable_accent(wanted: Rgb) -> (Rgb, bool) {
    let passes = |c: Rgb| BACKGROUNDS.iter().all(|bg| c.contrast(*bg) >= AA_CONTRAST);
    if passes(wanted) {
        return (wanted, false);
    }
    // Darkening only raises contrast against light backgrounds, so the first passing step is
    // the lightest; black always passes, so the loop ends.
    let shade = (1..=100)
        .map(|step| wanted.darker(1.0 - step as f64 / 100.0))
        .find(|c| passes(*c))
        .unwrap_or(Rgb(0, 0, 0));
    (shade, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_in_the_forms_web_editors_type() {
        assert_eq!(Rgb::parse("#0B5D6B"), Some(Rgb(0x0b, 0x5d, 0x6b)));
        assert_eq!(Rgb::parse("0b5d6b"), Some(Rgb(0x0b, 0x5d, 0x6b)));
        assert_eq!(Rgb::parse("#fc0"), Some(Rgb(0xff, 0xcc, 0x00)));
        for bad in [
            "", "#", "red", "#12345", "#1234567", "#gg0000", "#ÿÿÿ", "#+1+2+3",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(0x0b, 0x5d, 0x6b).to_hex(), "#0b5d6b");
    }

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        let (white, black) = (Rgb(255, 255, 255), Rgb(0, 0, 0));
        assert!((white.contrast(black) - 21.0).abs() < 1e-9);
        // #767676 on white is the well-known lightest grey that passes AA: 4.54:1.
        assert!((Rgb(0x76, 0x76, 0x76).contrast(white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn a_readable_accent_is_kept_as_it_is() {
        let teal = Rgb(0x0b, 0x5d, 0x6b);
        assert_eq!(readable_accent(teal), (teal, false));
    }

    #[test]
    fn a_light_accent_is_darkened_just_enough_to_pass_on_every_background() {
        for wanted in [
            Rgb(0xff, 0xcc, 0x00),
            Rgb(0xff, 0xff, 0xff),
            Rgb(0x3f, 0xa9, 0xf5),
            Rgb(0xe3, 0x00, 0x0f),
        ] {
            let (shade, darkened) = readable_accent(wanted);
            assert!(darkened, "{wanted:?}");
            for bg in BACKGROUNDS {
                assert!(shade.contrast(bg) >= AA_CONTRAST, "{wanted:?} → {shade:?}");
            }
            // One step lighter would fail: the shade is not darker than it needs to be.
            let lighter = Rgb(
                shade.0.saturating_add(3),
                shade.1.saturating_add(3),
                shade.2.saturating_add(3),
            );
            assert!(BACKGROUNDS
                .iter()
                .any(|bg| lighter.contrast(*bg) < AA_CONTRAST + 0.3));
        }
    }
}
