//! Export and import of the diary over HTTP: downloads, the upload form with its check-only
//! preview, and all-or-nothing imports.

use crate::common::{apps, browser, config, csrf_token};
use reqwest::multipart::{Form, Part};
use serde_json::Value;

const PW: &str = "a calm long passphrase";
const CSV: &str = "date,pain,peg_pain,peg_enjoyment,peg_activity,mood,sleep,control,flare,strategies,note\n\
    2026-10-01,6,5,4,6,5,7,3,,walk;Warm bath,\"Slow start, better later\"\n\
    2026-10-02,8,,,,3,,5,Yes,heat,\n";

fn upload(csv: &str, mode: &str) -> Form {
    Form::new()
        .part(
            "file",
            Part::bytes(csv.as_bytes().to_vec()).file_name("diary.csv").mime_str("text/csv").unwrap(),
        )
        .text("mode", mode.to_owned())
}

#[tokio::test]
async fn a_diary_is_checked_imported_once_and_exported_again() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Mover", PW).await;
        let page = app.get(&c, "/diary").await.text().await.unwrap();
        let token = csrf_token(&page).to_owned();
        let import = |csv: &'static str, mode: &'static str| {
            c.post(app.url(&format!("/diary/import?csrf={token}"))).multipart(upload(csv, mode)).send()
        };

        let check = import(CSV, "check").await.unwrap();
        assert_eq!(check.status(), 200);
        let html = check.text().await.unwrap();
        assert!(html.contains("The file looks fine: 2 rows") && html.contains("Warm bath"), "{html}");
        let days: Value = c.get(app.url("/api/v1/diary.json")).send().await.unwrap().json().await.unwrap();
        assert_eq!(days.as_array().unwrap().len(), 0, "checking wrote nothing");

        let done = import(CSV, "import").await.unwrap().text().await.unwrap();
        assert!(done.contains("Imported 2 rows: 2 new days"), "{done}");
        let again = import(CSV, "import").await.unwrap().text().await.unwrap();
        assert!(again.contains("0 new days, 0 changed, 2 unchanged"), "{again}");

        let bad = import("date,pain\n2026-10-03,12\n2026-10-03,1\n", "import").await.unwrap();
        assert_eq!(bad.status(), 422);
        let bad = bad.text().await.unwrap();
        assert!(
            bad.contains("Nothing was imported")
                && bad.contains("<td>2</td><td>pain</td>")
                && bad.contains("more than once")
        );

        let csv = c.get(app.url("/api/v1/diary.csv")).send().await.unwrap();
        assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
        assert!(csv.headers()["content-disposition"].to_str().unwrap().starts_with("attachment;"));
        let text = csv.text().await.unwrap();
        assert!(text.starts_with("date,pain,peg_pain"), "{text}");
        assert!(
            text.contains("2026-10-01,6,5,4,6,5,7,3,,walk;Warm bath,\"Slow start, better later\""),
            "{text}"
        );
        assert!(text.contains("2026-10-02,8,,,,3,,5,yes,heat,"), "the flare day: {text}");
        let days: Value = c.get(app.url("/api/v1/diary.json")).send().await.unwrap().json().await.unwrap();
        assert_eq!((days[0]["flare"].as_bool(), days[1]["flare"].as_bool()), (Some(false), Some(true)));
        assert!(!text.contains("2026-10-03"), "the bad file changed nothing");
    }
}

#[tokio::test]
async fn uploads_need_the_csrf_token_and_a_login() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Guarded", PW).await;
        let r = c.post(app.url("/diary/import")).multipart(upload(CSV, "import")).send().await.unwrap();
        assert_eq!(r.status(), 403);
        let anonymous = browser();
        assert_eq!(anonymous.get(app.url("/api/v1/diary.csv")).send().await.unwrap().status(), 401);
        let days: Value = c.get(app.url("/api/v1/diary.json")).send().await.unwrap().json().await.unwrap();
        assert!(days.as_array().unwrap().is_empty());
    }
}
