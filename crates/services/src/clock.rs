//! The members' "today". Normally the real date in the member's time zone; tests move it
//! forward to live through an experiment of several weeks in a few requests ("time travel").
//! Only code that holds the `Services` (the web layer's `AppState`) can move it: there is no
//! route or setting for it.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use std::sync::atomic::{AtomicI64, Ordering};

#[derive(Debug, Default)]
pub struct Clock {
    offset_days: AtomicI64,
}

impl Clock {
    /// Today's date where the member lives.
    pub fn today(&self, time_zone: Tz) -> NaiveDate {
        crate::diary::today(time_zone) + Duration::days(self.offset_days.load(Ordering::Relaxed))
    }

    /// Now, on the same clock.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::days(self.offset_days.load(Ordering::Relaxed))
    }

    /// Moves every member's today by `days` (for tests).
    pub fn travel(&self, days: i64) {
        self.offset_days.fetch_add(days, Ordering::Relaxed);
    }
}
