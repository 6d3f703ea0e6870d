//! Closed sets of names: enums whose variants are stored and sent under one stable name.

/// An enum whose variants each have one stable name (stored, sent in the API, and the key of
/// its Fluent message), with `ALL`, `as_str` and `parse`.
macro_rules! named {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }

        impl $crate::named::Named for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }

            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    };
}
pub(crate) use named;

/// What every [`named!`] enum offers, for code that lists the names of any of them (the API
/// document's `enum`s, for one).
pub trait Named: Copy + 'static {
    fn all() -> &'static [Self];
    fn name(self) -> &'static str;

    /// Every name, in declaration order.
    fn names() -> impl Iterator<Item = &'static str> {
        Self::all().iter().map(|v| v.name())
    }
}
