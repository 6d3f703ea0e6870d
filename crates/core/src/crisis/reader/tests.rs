use super::*;

#[test]
fn the_built_in_weights_load() {
    assert!(READER.is_some());
    let p = probability("Pain 4 today, walked to the shop.");
    assert!(p.is_some_and(|p| (0.0..=1.0).contains(&p)), "{p:?}");
}

#[test]
fn splits_text_as_the_original_tokenizer_does() {
    // Ids as printed by the `tokenizers` library for the same model (`tokenizer.json`).
    let cases: [(&str, &[u32]); 2] = [
        (
            "I can’t sleep… naïve café, unaffable!! 😭 tired😭",
            &[1045, 2064, 1521, 1056, 3637, 1529, 15743, 7668, 1010, 14477, 20961, 3468, 999, 999, 100, 100],
        ),
        ("ＦＵＬＬ width，and 中文 kms", &[100, 9381, 1989, 1998, 1746, 1861, 2463, 2015]),
    ];
    for (text, ids) in cases {
        assert_eq!(pieces(text).as_deref(), Some(ids), "{text}");
    }
    assert_eq!(pieces("").as_deref(), Some(&[][..]));
}

/// The training script writes every 100th training line with the unquantised model's
/// probability; the port, with 8-bit weights, must agree closely and on the same side of the
/// threshold wherever the original is not right at it.
#[test]
fn agrees_with_the_model_it_was_exported_from() {
    let check = include_str!("../../../../../content/models/crisis-reader-check.tsv");
    let mut n = 0;
    for line in check.lines() {
        let (expected, text) = line.split_once('\t').unwrap_or_default();
        let expected: f32 = expected.parse().unwrap_or(f32::NAN);
        let got = probability(text).unwrap_or(f32::NAN);
        assert!((got - expected).abs() < 0.08, "{got} vs {expected}: {text}");
        if (expected - crate::crisis::READER_ALONE).abs() > 0.08 {
            assert_eq!(got >= crate::crisis::READER_ALONE, expected >= crate::crisis::READER_ALONE, "{text}");
        }
        n += 1;
    }
    assert!(n >= 30, "{n} lines");
}

#[test]
fn reads_every_window_of_a_long_text() {
    let calm = "Pain was about a four today and I did some gentle stretching before lunch. ".repeat(40);
    let p_calm = probability(&calm).unwrap_or(1.0);
    let late = format!("{calm}I have decided to end my life tonight, I have the pills ready.");
    let p_late = probability(&late).unwrap_or(0.0);
    assert!(p_calm < 0.3 && p_late > 0.7, "{p_calm} {p_late}");
}

#[test]
fn any_unicode_is_read_without_panic() {
    for text in [
        "\u{0}\u{fffd}\u{200d}",
        "مرحبا بالعالم",
        "e\u{301}\u{301}\u{301}",
        &"🙂".repeat(300),
        &"x".repeat(5000),
    ] {
        assert!(probability(text).is_some_and(|p| p.is_finite()));
    }
}
