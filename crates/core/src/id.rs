//! Ids of a member's things, one type each, so that one kind of number cannot be passed
//! for another (a strategy's for an experiment's, say). Each is the database's plain
//! number: it serialises, deserialises and prints as that number.

/// Declares an id type (the store declares its own ids with it too).
#[macro_export]
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}
