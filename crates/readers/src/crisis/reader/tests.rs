use super::*;

#[test]
fn the_built_in_weights_load() {
    assert!(READER.is_ok(), "{:?}", READER.as_ref().err());
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

/// x·Φ(x), computed with Python's `math.erf` in double precision.
#[test]
fn gelu_matches_the_normal_distribution() {
    let expected: [(f64, f64); 12] = [
        (-4.0, -0.000_126_684_967_332_479_9),
        (-3.0, -0.004_049_694_094_890_31),
        (-2.0, -0.045_500_263_896_358_42),
        (-1.0, -0.158_655_253_931_457_07),
        (-0.5, -0.154_268_769_362_993_44),
        (0.0, 0.0),
        (0.5, 0.345_731_230_637_006_56),
        (1.0, 0.841_344_746_068_542_9),
        (2.0, 1.954_499_736_103_641_6),
        (3.0, 2.995_950_305_905_11),
        (4.0, 3.999_873_315_032_667_5),
        (6.0, 6.0),
    ];
    for (x, gx) in expected {
        let got = f64::from(encoder::gelu(x as f32));
        assert!((got - gx).abs() < 1e-6 * (1.0 + x.abs()), "gelu({x}) = {got}, not {gx}");
    }
}

/// The built-in file with its header changed by `edit` (tensors by name), or its data cut.
fn altered(edit: impl Fn(&mut serde_json::Map<String, serde_json::Value>), keep: usize) -> Vec<u8> {
    let length = WEIGHTS.first_chunk::<8>().map_or(0, |b| u64::from_le_bytes(*b)) as usize;
    let header = WEIGHTS.get(8..8 + length).unwrap_or_default();
    let mut header: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(header).unwrap_or_default();
    edit(&mut header);
    let header = serde_json::to_vec(&header).unwrap_or_default();
    let data = WEIGHTS.get(8 + length..).unwrap_or_default();
    let mut out = (header.len() as u64).to_le_bytes().to_vec();
    out.extend(header);
    out.extend(data.get(..data.len().min(keep)).unwrap_or_default());
    out
}

#[test]
fn a_file_not_as_expected_refuses_to_load_and_says_why() {
    let error =
        |bytes: Vec<u8>| encoder::Encoder::parse(&bytes).err().map(|e| e.to_string()).unwrap_or_default();
    let query = "encoder.layer.2.attention.self.query.weight";
    let key = "encoder.layer.2.attention.self.key.weight";
    assert!(encoder::Encoder::parse(&altered(|_| {}, usize::MAX)).is_ok());
    // Two tensors of the same shape swapped by name: read by position, this would load.
    let swapped = altered(
        |h| {
            let (q, k) = (h.remove(query), h.remove(key));
            h.insert(format!("{query}.old"), q.unwrap_or_default());
            h.insert(key.to_owned(), k.unwrap_or_default());
        },
        usize::MAX,
    );
    assert_eq!(error(swapped), format!("tensor `{query}` is missing from the weights file"));
    let reshaped = altered(
        |h| {
            if let Some(shape) = h.get_mut(key).and_then(|t| t.get_mut("shape")) {
                *shape = serde_json::json!([192, 768]);
            }
        },
        usize::MAX,
    );
    assert_eq!(error(reshaped), format!("tensor `{key}` is I8 [192, 768], expected I8 [384, 384]"));
    let truncated = altered(|_| {}, WEIGHTS.len() / 2);
    assert!(error(truncated).ends_with("points outside the weights file"));
    let extra = altered(
        |h| _ = h.insert("head.extra".into(), h.get("head.bias").cloned().unwrap_or_default()),
        usize::MAX,
    );
    assert_eq!(error(extra), "the weights file holds tensors the encoder does not use: head.extra");
    assert!(error(b"FHCR1\0\0\0".to_vec()).starts_with("the weights file has no readable safetensors header"));
}
