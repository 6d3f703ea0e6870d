//! Ids of community things the store hands out, one type each, so that a post's number cannot
//! be passed where a thread's is meant (a hack is a thread; a report is about a post). Each is
//! the database's plain number: it binds, decodes, serialises and prints as that number.

/// Lets an id type bind to SQL and decode from it as the plain number it is.
macro_rules! sql_number {
    ($name:ident) => {
        impl<DB: sqlx::Database> sqlx::Type<DB> for $name
        where
            i64: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <i64 as sqlx::Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <i64 as sqlx::Type<DB>>::compatible(ty)
            }
        }

        impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for $name
        where
            i64: sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <i64 as sqlx::Encode<'q, DB>>::encode_by_ref(&self.0, buf)
            }
        }

        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $name
        where
            i64: sqlx::Decode<'r, DB>,
        {
            fn decode(value: <DB as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                <i64 as sqlx::Decode<'r, DB>>::decode(value).map(Self)
            }
        }
    };
}

foothold_core::id_type!(
    /// A group's id.
    GroupId
);
foothold_core::id_type!(
    /// A thread's id; a hack is a thread, so it is also a hack's.
    ThreadId
);
foothold_core::id_type!(
    /// A post's id.
    PostId
);
foothold_core::id_type!(
    /// A group session's id (one session, however often it repeats).
    GroupSessionId
);

sql_number!(GroupId);
sql_number!(GroupSessionId);
sql_number!(ThreadId);
sql_number!(PostId);
