//! The community over HTTP on both databases: groups, threads and replies through the HTML
//! forms and the API, crisis routing, the Markdown path against an XSS corpus, new-account
//! limits, keyset paging, and the authorization matrix of every community route.

use crate::common::{apps, browser, config, crisis_config, TestApp};
use foothold_core::community::access::{allowed, Action, Relation};
use foothold_core::community::{Role, Standing, Visibility};
use foothold_store::{Membership, UserId};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

const PW: &str = "a calm long passphrase";

/// A member signed in through the API: their cookie client and CSRF header.
pub(crate) struct Who {
    pub c: Client,
    pub csrf: String,
    pub id: UserId,
}

impl Who {
    pub(crate) async fn new(app: &TestApp, handle: &str) -> Who {
        let c = browser();
        let csrf = app.api_login(&c, handle, PW).await;
        let me: Value = c.get(app.url("/api/v1/me")).send().await.unwrap().json().await.unwrap();
        Who { c, csrf, id: UserId(me["id"].as_i64().unwrap()) }
    }

    /// A new member, registered and signed in through the API.
    pub(crate) async fn new_registered(app: &TestApp, handle: &str) -> Who {
        Who::new(app, handle).await
    }

    pub(crate) async fn call(
        &self,
        app: &TestApp,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut r = self.c.request(method, app.url(path)).header("x-csrf-token", &self.csrf);
        if let Some(b) = body {
            r = r.json(&b);
        }
        r.send().await.unwrap()
    }

    pub(crate) async fn json(&self, app: &TestApp, method: Method, path: &str, body: Option<Value>) -> Value {
        let r = self.call(app, method, path, body).await;
        assert!(r.status().is_success(), "{path}: {} {}", r.status(), r.text().await.unwrap());
        r.json().await.unwrap_or(Value::Null)
    }
}

/// Makes an account old enough, with enough posts, to be trusted (links, many posts a day).
pub(crate) async fn age(app: &TestApp, who: &Who) {
    let slug = group(app, who, "Warm-up", "public", "").await;
    for i in 0..foothold_core::community::NEW_ACCOUNT_POSTS {
        let post = json!({"title": format!("Hello {i}"), "body": "ok"});
        who.json(app, Method::POST, &format!("/api/v1/groups/{slug}/threads"), Some(post)).await;
    }
    let days = foothold_core::community::NEW_ACCOUNT_DAYS + 1;
    app.store.backdate_user(who.id, chrono::Duration::days(days)).await.unwrap();
}

async fn group(app: &TestApp, host: &Who, name: &str, visibility: &str, rules: &str) -> String {
    let body = json!({"name": name, "kind": "support", "visibility": visibility, "rules": rules});
    let g = host.json(app, Method::POST, "/api/v1/groups", Some(body)).await;
    g["slug"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn members_join_post_reply_and_say_me_too_through_the_pages() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "host", PW).await;
        let r = app
            .submit(
                &c,
                "/groups/new",
                "/groups",
                &[("name", "ab"), ("kind", "support"), ("visibility", "nope")],
            )
            .await;
        assert_eq!(r.status(), 422);
        let page = r.text().await.unwrap();
        assert!(page.contains("at least 3 characters") && page.contains(r#"value="ab""#), "{page}");
        let fields = [
            ("name", "Back pain, evenings"),
            ("kind", "support"),
            ("visibility", "public"),
            ("about", "For the hard hours."),
            ("rules", "Be gentle."),
        ];
        let r = app.submit(&c, "/groups/new", "/groups", &fields).await;
        assert_eq!(r.status(), 303);
        let at = r.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(at, "/groups/back-pain-evenings");

        // A preview shows the post and saves nothing.
        let thread_form = format!("{at}/new");
        let post = [
            ("title", "Evenings are the worst"),
            ("body", "**Heat** helps me a bit."),
            ("action", "preview"),
        ];
        let nonce = |html: &str| {
            let m = "name=\"nonce\" value=\"";
            let s = html.find(m).unwrap() + m.len();
            html[s..].split('"').next().unwrap().to_owned()
        };
        let form_page = app.get(&c, &thread_form).await.text().await.unwrap();
        let n = nonce(&form_page);
        let mut with_nonce = vec![("nonce", n.as_str())];
        with_nonce.extend_from_slice(&post);
        let r = app.submit(&c, &thread_form, &format!("{at}/threads"), &with_nonce).await;
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains("<strong>Heat</strong> helps me a bit."));
        with_nonce.pop();
        with_nonce.push(("action", "post"));
        let r = app.submit(&c, &thread_form, &format!("{at}/threads"), &with_nonce).await;
        assert_eq!(r.status(), 303);
        let thread = r.headers()["location"].to_str().unwrap().split('?').next().unwrap().to_owned();
        // A double tap gives the same thread.
        let again = app.submit(&c, &thread_form, &format!("{at}/threads"), &with_nonce).await;
        assert_eq!(again.headers()["location"].to_str().unwrap().split('?').next().unwrap(), thread);

        // Another member must accept the rules to join, then replies and says "me too".
        let d = browser();
        app.register(&d, "dana", PW).await;
        let r = app.submit(&d, &at, &format!("{at}/join"), &[]).await;
        assert_eq!(r.status(), 422);
        let r = app.submit(&d, &at, &format!("{at}/join"), &[("accept_rules", "yes")]).await;
        assert_eq!(r.status(), 303);
        let page = app.get(&d, &thread).await.text().await.unwrap();
        let n = nonce(&page);
        let r = app.submit(&d, &thread, &format!("{thread}/reply"), &[("nonce", &n), ("body", "ok")]).await;
        assert_eq!(r.status(), 303, "a one-word reply is a reply");
        let page = app.get(&d, &thread).await.text().await.unwrap();
        let first_post = page.split("id=\"post-").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let r = app
            .submit(&d, &thread, &format!("/posts/{first_post}/react"), &[("kind", "me_too"), ("on", "yes")])
            .await;
        assert_eq!(r.status(), 303);
        let page = app.get(&c, &thread).await.text().await.unwrap();
        assert!(page.contains("Me too · 1") && page.contains("<p>ok</p>"), "{page}");
        // Quoting fills the reply with the post, marked as a quote.
        let page = app.get(&d, &format!("{thread}?quote={first_post}")).await.text().await.unwrap();
        assert!(page.contains("&gt; **Heat** helps me a bit."), "{page}");
        let dir = app.get(&d, "/groups").await.text().await.unwrap();
        assert!(dir.contains("Your groups") && dir.contains("2 members"), "{dir}");
    }
}

#[tokio::test]
async fn a_post_that_reads_like_a_crisis_is_published_and_routed() {
    let mut cfg = config();
    cfg.crisis = crisis_config();
    for app in apps(cfg).await {
        let host = Who::new(&app, "host").await;
        let ann = Who::new(&app, "ann").await;
        let slug = group(&app, &host, "Night owls", "public", "").await;
        ann.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/membership"), Some(json!({}))).await;
        let body = json!({"title": "Tonight", "body": "I don't want to wake up tomorrow."});
        let made = ann.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/threads"), Some(body)).await;
        assert_eq!(made["support"]["level"], "crisis", "{made}");
        assert!(made["support"]["resources"].to_string().contains("0800 123"));
        let thread = made["thread"].as_i64().unwrap();
        let post = made["post"].as_i64().unwrap();

        // Published: the host reads it, and sees no panel meant for its author.
        let host_page =
            host.c.get(app.url(&format!("/threads/{thread}?posted={post}"))).send().await.unwrap();
        let host_page = host_page.text().await.unwrap();
        assert!(host_page.contains("wake up tomorrow") && !host_page.contains("0800 123"), "{host_page}");
        // The author sees the panel first.
        let own = ann
            .c
            .get(app.url(&format!("/threads/{thread}?posted={post}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let panel = own.find("0800 123").expect("the author sees the support lines");
        assert!(panel < own.find("wake up tomorrow").unwrap(), "the panel comes before the post");
        // The moderators get an urgent report filed by Foothold.
        let queue = host.json(&app, Method::GET, &format!("/api/v1/groups/{slug}/reports"), None).await;
        assert_eq!(
            (queue[0]["reason"].as_str(), queue[0]["automatic"].as_bool()),
            (Some("at_risk"), Some(true)),
            "{queue}"
        );
        // The host wrote first in no thread here, so nobody is told of Ann's thread; her reply
        // mentioning the host is a notification, counted in the menu once jobs ran.
        ann.json(
            &app,
            Method::POST,
            &format!("/api/v1/threads/{thread}/posts"),
            Some(json!({"body": "thank you @host"})),
        )
        .await;
        app.settle_jobs().await;
        let list = host.json(&app, Method::GET, "/api/v1/notifications", None).await;
        assert_eq!(
            (list["unread"].as_i64(), list["notifications"][0]["kind"].as_str()),
            (Some(1), Some("mention")),
            "{list}"
        );
        let page = host.c.get(app.url("/notifications")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("ann mentioned you in") && page.contains("Notifications (1 new)"), "{page}");
        host.json(&app, Method::POST, "/api/v1/notifications/read", None).await;
        assert_eq!(
            host.json(&app, Method::GET, "/api/v1/notifications", None).await["unread"].as_i64(),
            Some(0)
        );
        // A one-word reply raises nothing.
        let ok = ann
            .json(&app, Method::POST, &format!("/api/v1/threads/{thread}/posts"), Some(json!({"body": "ok"})))
            .await;
        assert!(ok["support"].is_null(), "{ok}");
        assert_eq!(
            host.json(&app, Method::GET, &format!("/api/v1/groups/{slug}/reports"), None)
                .await
                .as_array()
                .unwrap()
                .len(),
            1
        );
    }
}

/// Where the operator chose to hold them, a reply or a thread that reads like a crisis waits
/// for a moderator: its author sees the support lines and what happens next, nobody else sees
/// it or hears of it, and a moderator's "show it" publishes it and tells the followers.
#[tokio::test]
async fn where_the_operator_chose_so_a_crisis_post_waits_for_a_moderator() {
    let mut cfg = config();
    cfg.crisis = crisis_config();
    cfg.hold_crisis_posts = true;
    for app in apps(cfg).await {
        let host = Who::new(&app, "host").await;
        let (ann, bob) = (Who::new(&app, "ann").await, Who::new(&app, "bob").await);
        let slug = group(&app, &host, "Night owls", "public", "").await;
        for who in [&ann, &bob] {
            who.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/membership"), Some(json!({}))).await;
        }
        let opening = json!({"title": "Evenings", "body": "How are your evenings?"});
        let made =
            host.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/threads"), Some(opening)).await;
        let thread = made["thread"].as_i64().unwrap();
        assert_eq!(made["held"], false, "an ordinary post is published: {made}");
        app.settle_jobs().await;

        // A reply through the page goes to the page that says it is held.
        let r = app
            .submit(
                &ann.c,
                &format!("/threads/{thread}"),
                &format!("/threads/{thread}/reply"),
                &[("body", "I don't want to wake up tomorrow."), ("nonce", "held-1")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let held_at = r.headers()["location"].to_str().unwrap().to_owned();
        assert!(held_at.starts_with("/posts/") && held_at.ends_with("/held"), "{held_at}");
        let post: i64 = held_at.trim_start_matches("/posts/").trim_end_matches("/held").parse().unwrap();
        let own = app.get(&ann.c, &held_at).await.text().await.unwrap();
        let panel = own.find("0800 123").expect("the author sees the support lines");
        assert!(panel < own.find("<h1>Your post is with the moderators").unwrap(), "{own}");
        assert!(own.contains("asked to read your post first") && !own.contains("Your post is in the group"));
        assert_eq!(app.get(&bob.c, &held_at).await.status(), 404, "only its author");

        // Nobody else sees it or hears of it; the thread does not move.
        let seen = bob.json(&app, Method::GET, &format!("/api/v1/threads/{thread}"), None).await;
        assert!(!seen.to_string().contains("wake up tomorrow"), "{seen}");
        assert_eq!(seen["thread"]["posts"], 1);
        let page = app.get(&bob.c, &format!("/threads/{thread}")).await.text().await.unwrap();
        assert!(!page.contains("wake up tomorrow"));
        app.settle_jobs().await;
        assert_eq!(host.json(&app, Method::GET, "/api/v1/notifications", None).await["unread"], 0);

        // The host's queue says it is held and offers to show it.
        let queue = app.get(&host.c, &format!("/groups/{slug}/moderation")).await.text().await.unwrap();
        assert!(
            queue.contains("Held for you to read first") && queue.contains("Show it in the group"),
            "{queue}"
        );
        let reports = host.json(&app, Method::GET, &format!("/api/v1/groups/{slug}/reports"), None).await;
        assert_eq!(
            (reports[0]["held"].as_bool(), reports[0]["automatic"].as_bool()),
            (Some(true), Some(true))
        );
        let show = json!({"action": "unhide", "target": "post", "id": post});
        host.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/moderation"), Some(show)).await;

        // Shown: it counts, it is read, and the thread's starter hears of it.
        let seen = bob.json(&app, Method::GET, &format!("/api/v1/threads/{thread}"), None).await;
        assert!(seen.to_string().contains("wake up tomorrow"), "{seen}");
        assert_eq!(seen["thread"]["posts"], 2);
        app.settle_jobs().await;
        let told = host.json(&app, Method::GET, "/api/v1/notifications", None).await;
        assert_eq!(
            (told["unread"].as_i64(), told["notifications"][0]["kind"].as_str()),
            (Some(1), Some("reply"))
        );
        let r = app.get(&ann.c, &held_at).await;
        assert_eq!(r.headers()["location"].to_str().unwrap(), format!("/threads/{thread}#post-{post}"));
        // Its author, told it waited, now hears it is shown — once, however often it is shown.
        let show = json!({"action": "unhide", "target": "post", "id": post});
        host.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/moderation"), Some(show)).await;
        let mine = ann.json(&app, Method::GET, "/api/v1/notifications", None).await;
        let shown: Vec<&Value> =
            mine["notifications"].as_array().unwrap().iter().filter(|n| n["kind"] == "shown").collect();
        assert_eq!(shown.len(), 1, "{mine}");
        assert_eq!((shown[0]["post"].as_i64(), shown[0]["thread"].as_i64()), (Some(post), Some(thread)));
        let page = app.get(&ann.c, "/notifications").await.text().await.unwrap();
        assert!(page.contains("Your post in &quot;Evenings&quot; is now shown in Night owls."), "{page}");

        // A new thread waits the same way, title and all, until its opening post is shown.
        let body = json!({"title": "Tonight is the night", "body": "I have the pills saved up and I am going to do it tonight."});
        let made = ann.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/threads"), Some(body)).await;
        assert_eq!((made["held"].as_bool(), made["support"].is_object()), (Some(true), true), "{made}");
        let list = || async { app.get(&bob.c, &format!("/groups/{slug}")).await.text().await.unwrap() };
        assert!(!list().await.contains("Tonight is the night"));
        let show = json!({"action": "unhide", "target": "post", "id": made["post"]});
        host.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/moderation"), Some(show)).await;
        assert!(list().await.contains("Tonight is the night"));

        // An edit is no way around the hold: a shown reply edited to read like a crisis goes
        // back to the moderators, leaves the count, and comes back when shown.
        let reply = json!({"body": "Mine are quiet.", "nonce": "quiet-1"});
        let r = bob.json(&app, Method::POST, &format!("/api/v1/threads/{thread}/posts"), Some(reply)).await;
        let quiet = r["post"].as_i64().unwrap();
        let count =
            || async { ann.json(&app, Method::GET, &format!("/api/v1/threads/{thread}"), None).await };
        assert_eq!(count().await["thread"]["posts"], 3);
        let edit = format!("/posts/{quiet}/edit");
        let words = "Quiet because I have decided to end my life this weekend.";
        let r = app.submit(&bob.c, &edit, &edit, &[("body", words), ("action", "save")]).await;
        assert_eq!(r.headers()["location"].to_str().unwrap(), format!("/posts/{quiet}/held"));
        let own = app.get(&bob.c, &format!("/posts/{quiet}/held")).await.text().await.unwrap();
        assert!(own.contains("0800 123") && own.contains("Your post is with the moderators"), "{own}");
        let seen = count().await;
        assert!(!seen.to_string().contains("end my life") && !seen.to_string().contains("Mine are quiet"));
        assert_eq!(seen["thread"]["posts"], 2, "held, it is not counted");
        let reports = host.json(&app, Method::GET, &format!("/api/v1/groups/{slug}/reports"), None).await;
        let held: Vec<&Value> =
            reports.as_array().unwrap().iter().filter(|r| r["post"] == quiet && r["held"] == true).collect();
        assert_eq!(held.len(), 1, "{reports}");
        let show = json!({"action": "unhide", "target": "post", "id": quiet});
        host.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/moderation"), Some(show)).await;
        let seen = count().await;
        assert!(seen.to_string().contains("end my life"), "{seen}");
        assert_eq!(seen["thread"]["posts"], 3, "counted once again, not twice");

        // Through the API too, which says so.
        let patch = json!({"body": "Actually I still have the pills and I will take them tonight."});
        let edited = ann.json(&app, Method::PATCH, &format!("/api/v1/posts/{post}"), Some(patch)).await;
        assert_eq!((edited["held"].as_bool(), edited["support"].is_object()), (Some(true), true), "{edited}");
        assert!(!bob
            .json(&app, Method::GET, &format!("/api/v1/threads/{thread}"), None)
            .await
            .to_string()
            .contains("still have the pills"));
    }
}

/// What must never come out of the Markdown path, whatever a member writes.
const XSS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<svg onload=alert(1)><circle/></svg>",
    "![x](https://tracker.example/pixel.gif)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<style>body{display:none}</style>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "[x](vbscript:msgbox(1))",
    "<details open ontoggle=alert(1)>",
    "`<script>`inline code stays text",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
    "[fine](https://ok.example \"a title\")",
];

/// The only tags a rendered post may contain.
const SAFE_TAGS: &[&str] = &[
    "p",
    "br",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
];

#[tokio::test]
async fn nothing_executable_comes_out_of_a_post() {
    for app in apps(config()).await {
        let host = Who::new(&app, "host").await;
        age(&app, &host).await;
        let slug = group(&app, &host, "Safe words", "public", "").await;
        let body = XSS.join("\n\n");
        let made = host
            .json(
                &app,
                Method::POST,
                &format!("/api/v1/groups/{slug}/threads"),
                Some(json!({"title": "Corpus", "body": body})),
            )
            .await;
        let thread = made["thread"].as_i64().unwrap();
        let page =
            host.c.get(app.url(&format!("/threads/{thread}"))).send().await.unwrap().text().await.unwrap();
        let json = host.json(&app, Method::GET, &format!("/api/v1/threads/{thread}"), None).await;
        let rendered = json["posts"][0]["html"].as_str().unwrap().to_lowercase();
        let original = json["posts"][0]["html"].as_str().unwrap();
        assert!(
            page.contains(&format!("<div class=\"post-body\">{original}</div>")),
            "the page shows the same HTML"
        );
        for html in [&rendered] {
            // Text is escaped, so every `<` left opens a real tag: each must be allowed, with
            // allowed attributes only, and links only to http, https or mailto.
            for tag in html.split('<').skip(1).map(|t| t.split('>').next().unwrap()) {
                let tag = tag.trim_start_matches('/');
                let name = tag.split_whitespace().next().unwrap_or_default();
                assert!(SAFE_TAGS.contains(&name), "<{tag}> in {html}");
                for attr in tag.split_whitespace().skip(1) {
                    let (key, value) = attr.split_once('=').unwrap_or((attr, ""));
                    assert!(
                        ["href", "rel", "start"].contains(&key)
                            || value.is_empty() && ["ugc", "noopener\""].contains(&key),
                        "{attr} in <{tag}>"
                    );
                    if key == "href" {
                        let url = value.trim_matches('"');
                        assert!(
                            ["http://", "https://", "mailto:"].iter().any(|s| url.starts_with(s)),
                            "href {url} in {html}"
                        );
                    }
                }
            }
        }
        assert!(rendered.contains("&lt;script&gt;"), "raw HTML is shown as text: {rendered}");
        // Search snippets are escaped too; only the match is marked.
        let hits = host.json(&app, Method::GET, "/api/v1/search?q=alert", None).await;
        let snippet = hits[0]["snippet_html"].as_str().unwrap();
        assert!(
            snippet.contains("<mark>alert</mark>")
                && !snippet.contains("<script")
                && !snippet.contains("<img"),
            "{snippet}"
        );
        let page = host.c.get(app.url("/search?q=onerror")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("<mark>onerror</mark>") && !page.contains("<img src"), "{page}");
        assert!(
            rendered.contains(r#"<a href="https://ok.example" rel="nofollow ugc noopener">"#),
            "{rendered}"
        );
    }
}

#[tokio::test]
async fn new_accounts_post_a_little_and_without_links() {
    for app in apps(config()).await {
        let host = Who::new(&app, "host").await;
        let slug = group(&app, &host, "New here", "public", "").await;
        let path = format!("/api/v1/groups/{slug}/threads");
        let r = host
            .call(
                &app,
                Method::POST,
                &path,
                Some(json!({"title": "Look", "body": "see https://spam.example"})),
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("links-not-yet"));
        for i in 0..foothold_core::community::Trust::NEW.posts_per_day {
            host.json(&app, Method::POST, &path, Some(json!({"title": format!("Post {i}"), "body": "ok"})))
                .await;
        }
        let r = host.call(&app, Method::POST, &path, Some(json!({"title": "One more", "body": "ok"}))).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("posting-limit"));
        // A member who has taken part for a while may link.
        let days = foothold_core::community::NEW_ACCOUNT_DAYS;
        app.store.backdate_user(host.id, chrono::Duration::days(days)).await.unwrap();
        host.json(
            &app,
            Method::POST,
            &path,
            Some(json!({"title": "Pacing guide", "body": "https://example.org/pacing"})),
        )
        .await;
    }
}

#[tokio::test]
async fn thread_pages_continue_by_cursor_without_repeats() {
    for app in apps(config()).await {
        let host = Who::new(&app, "host").await;
        age(&app, &host).await;
        let slug = group(&app, &host, "Busy", "public", "").await;
        let path = format!("/api/v1/groups/{slug}/threads");
        for i in 0..35 {
            host.json(&app, Method::POST, &path, Some(json!({"title": format!("Thread {i}"), "body": "ok"})))
                .await;
        }
        let first = host.json(&app, Method::GET, &path, None).await;
        assert_eq!(first["threads"].as_array().unwrap().len(), 30);
        let next = first["next"].as_str().unwrap();
        let second = host.json(&app, Method::GET, &format!("{path}?after={next}"), None).await;
        assert_eq!(second["threads"].as_array().unwrap().len(), 5);
        assert!(second["next"].is_null());
        let mut titles: Vec<String> = [&first, &second]
            .iter()
            .flat_map(|p| {
                p["threads"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap().to_owned())
            })
            .collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), 35);
        let r = host.call(&app, Method::GET, &format!("{path}?after=yesterday"), None).await;
        assert_eq!(r.status(), 400);
    }
}

/// Every community route for every relation to a group of every visibility: allowed exactly
/// when `access::allowed` says so (whose matrix is written out by hand in foothold-core), and
/// a refusal never says more than the asker may know.
#[tokio::test]
async fn every_route_follows_the_access_matrix() {
    for app in apps(config()).await {
        let host = Who::new(&app, "host").await;
        age(&app, &host).await;
        let anonymous = Who { c: browser(), csrf: String::new(), id: UserId(0) };
        let mut people: Vec<(Relation, Who)> = Vec::new();
        for (relation, handle) in [
            (Relation::Outsider, "outsider"),
            (Relation::Pending, "pending"),
            (Relation::Banned, "banned"),
            (Relation::Suspended, "paused"),
            (Relation::Member, "member"),
            (Relation::Moderator, "mod_mo"),
            (Relation::Staff, "site_sam"),
        ] {
            people.push((relation, Who::new(&app, handle).await));
        }
        let staff = people.iter().find(|(r, _)| *r == Relation::Staff).unwrap().1.id;
        app.store.set_role(staff, foothold_core::account::Role::Admin).await.unwrap();

        for visibility in Visibility::ALL {
            let slug =
                group(&app, &host, &format!("Matrix {}", visibility.as_str()), visibility.as_str(), "").await;
            let (g, _) = app.store.group(&slug, None).await.unwrap();
            for (relation, who) in &people {
                let m = |role, standing| Some(Membership::new(role, standing));
                let to = match relation {
                    Relation::Pending => m(Role::Member, Standing::Pending),
                    Relation::Banned => m(Role::Member, Standing::Banned),
                    Relation::Member | Relation::Suspended => m(Role::Member, Standing::Active),
                    Relation::Moderator => m(Role::Moderator, Standing::Active),
                    _ => None,
                };
                app.store.set_membership(g.id, who.id, to).await.unwrap();
                if *relation == Relation::Suspended {
                    let until = foothold_store::now() + chrono::Duration::days(1);
                    let pause = foothold_store::MemberNote::Pause(until);
                    app.store.note_member(g.id, host.id, who.id, pause, None, None).await.unwrap();
                }
            }
            let made = host
                .json(
                    &app,
                    Method::POST,
                    &format!("/api/v1/groups/{slug}/threads"),
                    Some(json!({"title": "Hello", "body": "ok"})),
                )
                .await;
            let (thread, post) = (made["thread"].as_i64().unwrap(), made["post"].as_i64().unwrap());

            let routes: Vec<(Action, Method, String, Option<Value>)> = vec![
                (Action::See, Method::GET, format!("/api/v1/groups/{slug}"), None),
                (Action::Read, Method::GET, format!("/api/v1/groups/{slug}/threads"), None),
                (Action::Read, Method::GET, format!("/api/v1/threads/{thread}"), None),
                (Action::Read, Method::GET, format!("/api/v1/groups/{slug}/log"), None),
                (Action::Read, Method::GET, format!("/threads/{thread}"), None),
                (Action::Read, Method::PUT, format!("/api/v1/groups/{slug}/follow"), None),
                (
                    Action::Post,
                    Method::POST,
                    format!("/api/v1/threads/{thread}/posts"),
                    Some(json!({"body": "ok"})),
                ),
                (Action::Post, Method::PUT, format!("/api/v1/posts/{post}/reactions/me_too"), None),
                (
                    Action::Report,
                    Method::POST,
                    format!("/api/v1/posts/{post}/reports"),
                    Some(json!({"reason": "other"})),
                ),
                (Action::Moderate, Method::GET, format!("/api/v1/groups/{slug}/reports"), None),
                (
                    Action::Moderate,
                    Method::POST,
                    format!("/api/v1/groups/{slug}/moderation"),
                    Some(json!({"action": "unlock", "target": "thread", "id": thread})),
                ),
                (Action::Moderate, Method::GET, format!("/groups/{slug}/moderation"), None),
                (Action::ManageRoles, Method::GET, format!("/groups/{slug}/topics"), None),
                (
                    Action::ManageRoles,
                    Method::PUT,
                    format!("/api/v1/groups/{slug}/tags"),
                    Some(json!({"tags": ["back"]})),
                ),
            ];
            let everyone = std::iter::once((Relation::Anonymous, &anonymous))
                .chain(people.iter().map(|(r, w)| (*r, w)))
                .chain(std::iter::once((Relation::Host, &host)));
            let everyone: Vec<(Relation, &Who)> = everyone.collect();
            for (action, method, path, body) in &routes {
                for (relation, who) in &everyone {
                    let r = who.call(&app, method.clone(), path, body.clone()).await;
                    let status = r.status();
                    let may = allowed(*relation, *visibility, *action);
                    let is_page = !path.starts_with("/api/");
                    if may {
                        assert!(
                            status.is_success(),
                            "{relation:?} may {action:?} at {path} ({visibility:?}): {status}"
                        );
                    } else if *relation == Relation::Anonymous {
                        let expected = if is_page { StatusCode::SEE_OTHER } else { StatusCode::UNAUTHORIZED };
                        assert_eq!(status, expected, "anonymous at {path}");
                    } else {
                        assert!(
                            [StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&status),
                            "{relation:?} may not {action:?} at {path} ({visibility:?}) but got {status}"
                        );
                        // Who may not even read a group is not told what is in it.
                        if !allowed(*relation, *visibility, Action::Read) && *action != Action::See {
                            assert_eq!(
                                status,
                                StatusCode::NOT_FOUND,
                                "{relation:?} at {path} ({visibility:?})"
                            );
                        }
                    }
                }
            }
        }
    }
}
