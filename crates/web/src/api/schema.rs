//! Schemas the derive cannot write: closed sets of names as JSON Schema `enum`s, taken from the
//! same lists the parsers use, so the document cannot drift from what the server accepts.
//! Each is used as `#[schema(schema_with = …)]` or `#[param(schema_with = …)]`.

use foothold_core::named::Named;
use utoipa::openapi::schema::{ArrayBuilder, Object, ObjectBuilder, SchemaType, Type};
use utoipa::openapi::Array;

/// A string that is one of `names`.
pub fn choice<'a>(names: impl IntoIterator<Item = &'a str>) -> Object {
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(names)).build()
}

/// A string that is one of the names of `T`.
pub fn one_of<T: Named>() -> Object {
    choice(T::names())
}

/// Names of `T`; a repeated one is kept once.
pub fn some_of<T: Named>() -> Array {
    ArrayBuilder::new().items(one_of::<T>()).build()
}

/// A group's topics: at most five names.
pub fn group_topics() -> Array {
    ArrayBuilder::new()
        .items(one_of::<foothold_core::hacks::Tag>())
        .max_items(Some(foothold_core::community::GROUP_TAGS_MAX))
        .build()
}

/// `schema`, or `null` (for an optional field that may be sent as `null`).
pub fn or_null(mut schema: Object) -> Object {
    if let SchemaType::Type(only) = schema.schema_type {
        schema.schema_type = SchemaType::from_iter([only, Type::Null]);
    }
    if let Some(values) = schema.enum_values.as_mut() {
        values.push(serde_json::Value::Null);
    }
    schema
}
