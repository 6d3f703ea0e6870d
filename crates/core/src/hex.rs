//! Lower-case hexadecimal, the one way Foothold writes bytes as text (tokens, digests,
//! checksums, test database names).

/// `bytes` as lower-case hex, two characters a byte.
pub fn encode(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}"); // writing to a String cannot fail
        s
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn two_lower_case_characters_a_byte() {
        assert_eq!(super::encode(&[0, 15, 16, 255]), "000f10ff");
        assert_eq!(super::encode(&[]), "");
    }
}
