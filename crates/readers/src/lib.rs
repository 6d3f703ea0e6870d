//! Foothold's text readers: the explanatory-style reader and the crisis detector (its rule
//! layers and the transformer reader), on a shared word and sentence model (`text`) and
//! pattern language (`pattern`). Pure like `foothold-core`, and apart from it so that the
//! readers — 23 MB of weights and thousands of rules — build, test and benchmark alone, and
//! a change to the domain does not rebuild them.

pub mod crisis;
mod pattern;
pub mod style;
#[cfg(test)]
mod testing;
mod text;
