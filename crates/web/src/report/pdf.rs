//! Draws the visit summary with krilla: A4, DejaVu Sans embedded (subset) from
//! `content/fonts`, text wrapped by the font's own advances (ttf-parser). Laid out first as
//! positioned items on at most two pages, then drawn, so a page break never splits a line.
//!
//! The PDF is tagged for screen readers and checked by krilla's PDF/UA-1 validator on every
//! export: each item belongs to a block (title, heading, paragraph, list item, table row,
//! the chart as a figure with a text alternative), and the blocks become the tag tree in
//! reading order. The footer is marked as an artifact.

use super::Summary;
use crate::i18n::Tr;
use chrono::{Duration, NaiveDate};
use foothold_core::agency::Outcome;
use foothold_core::questionnaire::Trend;
use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};
use std::num::NonZeroU16;

static REGULAR: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/fonts/DejaVuSans.ttf"));
static BOLD: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/fonts/DejaVuSans-Bold.ttf"));

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const LEFT: f32 = 50.0;
const RIGHT: f32 = WIDTH - 50.0;
const TOP: f32 = 56.0;
const BOTTOM: f32 = HEIGHT - 60.0;
const PAGES: usize = 2;
const CHART_HEIGHT: f32 = 130.0;
const INK: (u8, u8, u8) = (34, 34, 34);
const SOFT: (u8, u8, u8) = (110, 110, 110);
const ACCENT: (u8, u8, u8) = (30, 94, 78);
const SECOND: (u8, u8, u8) = (40, 90, 170);

#[derive(Clone, Copy)]
enum Weight {
    Regular,
    Bold,
}

/// What a run of items is to a reader: one node of the tag tree.
#[derive(Clone, PartialEq)]
enum Block {
    /// The title and each heading carry their text: PDF/UA wants it on the tag, and the
    /// headings become the document outline.
    Title(String),
    Heading(String),
    Para,
    /// One entry of list number `list`.
    Entry {
        list: usize,
        numbered: bool,
    },
    /// One row of table number `table`, its cells by column.
    Row {
        table: usize,
        header: bool,
    },
    Chart,
}

/// The columns of the questionnaire table.
const COLUMNS: usize = 4;

enum Item {
    /// One line of text, in `block` (and column `cell` of a table row).
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: (u8, u8, u8),
        text: String,
        block: usize,
        cell: usize,
    },
    Chart {
        top: f32,
        block: usize,
    },
}

/// Text measured with the font's advance widths.
struct Measure {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Measure {
    fn width(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let face = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        let units: f32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0.6 * f32::from(face.units_per_em()), f32::from)
            })
            .sum();
        units / f32::from(face.units_per_em()) * size
    }

    /// Lines of at most `width`, broken at spaces (a word longer than a line stands alone).
    fn wrap(&self, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if self.width(&candidate, size, weight) > width && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// Items placed page by page; what does not fit on the last page is left out, with a note.
struct Layout {
    measure: Measure,
    pages: Vec<Vec<Item>>,
    blocks: Vec<Block>,
    /// Lists and tables started so far, to number the next one.
    groups: usize,
    y: f32,
    full: bool,
}

impl Layout {
    /// Makes room for `height`, on a new page if needed; false when the pages are used up.
    fn room(&mut self, height: f32) -> bool {
        if self.full {
            return false;
        }
        if self.y + height > BOTTOM {
            if self.pages.len() >= PAGES {
                self.full = true;
                return false;
            }
            self.pages.push(Vec::new());
            self.y = TOP;
        }
        true
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    fn block(&mut self, block: Block) -> usize {
        self.blocks.push(block);
        self.blocks.len() - 1
    }

    /// A number for a new list or table.
    fn group(&mut self) -> usize {
        self.groups += 1;
        self.groups
    }

    /// A paragraph (or title, heading, list entry) of its own, wrapped to the page.
    fn text(&mut self, kind: Block, text: &str, size: f32, weight: Weight, color: (u8, u8, u8), indent: f32) {
        let block = self.block(kind);
        let lead = size * 1.35;
        for line in self.measure.wrap(text, size, weight, RIGHT - LEFT - indent) {
            if !self.room(lead) {
                return;
            }
            self.y += lead;
            let y = self.y;
            self.push(Item::Text { x: LEFT + indent, y, size, weight, color, text: line, block, cell: 0 });
        }
    }

    fn heading(&mut self, text: &str) {
        // Keep a heading with at least two lines of what follows.
        if !self.room(16.0 + 14.0 * 1.35 + 2.0 * 13.5) {
            return;
        }
        self.y += 16.0;
        self.text(Block::Heading(text.to_string()), text, 13.0, Weight::Bold, ACCENT, 0.0);
        self.y += 2.0;
    }

    /// A row of cells at fixed columns; each cell wraps within its column.
    fn row(&mut self, table: usize, cells: &[(f32, f32, &str)], weight: Weight) {
        let header = matches!(weight, Weight::Bold);
        let block = self.block(Block::Row { table, header });
        let size = 9.5;
        let lead = size * 1.35;
        let wrapped: Vec<Vec<String>> =
            cells.iter().map(|(_, w, t)| self.measure.wrap(t, size, weight, *w - 6.0)).collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        if !self.room(lead * lines as f32 + 3.0) {
            return;
        }
        for (cell, ((x, _, _), lines)) in cells.iter().zip(&wrapped).enumerate() {
            for (n, line) in lines.iter().enumerate() {
                let y = self.y + lead * (n + 1) as f32;
                let text = line.clone();
                self.push(Item::Text { x: LEFT + x, y, size, weight, color: INK, text, block, cell });
            }
        }
        self.y += lead * lines as f32 + 3.0;
    }
}

fn color((r, g, b): (u8, u8, u8)) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

fn one(x: f64) -> String {
    format!("{x:.1}")
}

/// Mean of the values on days `first..=last` of the period, when at least three were given.
fn mean_between(days: &[(NaiveDate, f64)], first: NaiveDate, last: NaiveDate) -> Option<f64> {
    let v: Vec<f64> = days.iter().filter(|(d, _)| (first..=last).contains(d)).map(|(_, v)| *v).collect();
    (v.len() >= 3).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

pub fn render(s: &Summary<'_>, tr: &Tr) -> Result<Vec<u8>, String> {
    let face = |data: &'static [u8]| ttf_parser::Face::parse(data, 0).map_err(|e| e.to_string());
    let measure = Measure { regular: face(REGULAR)?, bold: face(BOLD)? };
    let mut l = Layout {
        measure,
        pages: vec![Vec::new()],
        blocks: Vec::new(),
        groups: 0,
        y: TOP - 14.0,
        full: false,
    };

    let title = tr.ta("summary-title", &[("handle", &s.handle)]);
    l.text(Block::Title(title.clone()), &title, 18.0, Weight::Bold, INK, 0.0);
    let period = tr.ta(
        "summary-period",
        &[("from", &s.from.to_string()), ("to", &s.to.to_string()), ("made", &s.made.to_string())],
    );
    l.text(Block::Para, &period, 10.0, Weight::Regular, SOFT, 0.0);

    // Pain and PEG.
    l.heading(&tr.t("summary-pain"));
    let pain: Vec<(NaiveDate, f64)> =
        s.days.iter().filter_map(|(d, r)| r.pain.map(|p| (*d, f64::from(p.value())))).collect();
    let peg: Vec<(NaiveDate, f64)> = s.days.iter().filter_map(|(d, r)| r.peg().map(|p| (*d, p))).collect();
    let days = tr.ta("summary-days", &[("count", &s.days.len().to_string())]);
    l.text(Block::Para, &days, 10.0, Weight::Regular, INK, 0.0);
    if s.flares > 0 {
        let flares = tr.ta("summary-flares", &[("count", &s.flares.to_string())]);
        l.text(Block::Para, &flares, 10.0, Weight::Regular, INK, 0.0);
    }
    let early = (s.from, s.from + Duration::days(13));
    let late = (s.to - Duration::days(13), s.to);
    for (key, values) in [("summary-pain-change", &pain), ("summary-peg-change", &peg)] {
        if let (Some(a), Some(b), true) = (
            mean_between(values, early.0, early.1),
            mean_between(values, late.0, late.1),
            s.to - s.from >= Duration::days(27),
        ) {
            let change = tr.ta(key, &[("first", &one(a)), ("last", &one(b))]);
            l.text(Block::Para, &change, 10.0, Weight::Regular, INK, 0.0);
        }
    }
    if !pain.is_empty() && l.room(CHART_HEIGHT + 30.0) {
        let top = l.y + 10.0;
        let block = l.block(Block::Chart);
        l.push(Item::Chart { top, block });
        l.y = top + CHART_HEIGHT + 14.0;
        l.text(Block::Para, &tr.t("summary-chart-legend"), 8.5, Weight::Regular, SOFT, 0.0);
    }

    // Questionnaires.
    if !s.scores.is_empty() {
        l.heading(&tr.t("summary-questionnaires"));
        let columns: [(f32, f32); COLUMNS] = [(0.0, 200.0), (200.0, 90.0), (290.0, 80.0), (370.0, 125.0)];
        let table = l.group();
        let head = [
            tr.t("summary-col-questionnaire"),
            tr.t("summary-col-score"),
            tr.t("q-col-band"),
            tr.t("summary-col-change"),
        ];
        let cells: Vec<(f32, f32, &str)> =
            columns.iter().zip(&head).map(|((x, w), t)| (*x, *w, t.as_str())).collect();
        l.row(table, &cells, Weight::Bold);
        for (q, points) in &s.scores {
            let Some(last) = points.last() else { continue };
            let score =
                format!("{} ({})", q.format_score(last.score), last.response.authored.format("%Y-%m-%d"));
            let change = match (points.len().checked_sub(2).and_then(|i| points.get(i)), last.trend) {
                (Some(before), Some(t)) => {
                    let word = match t {
                        Trend::Better => "q-change-better",
                        Trend::Worse => "q-change-worse",
                        Trend::Steady => "q-change-steady",
                    };
                    tr.ta(
                        "summary-change",
                        &[("change", &tr.t(word)), ("score", &q.format_score(before.score))],
                    )
                }
                _ => tr.t("summary-change-first"),
            };
            // A cell is never empty, so a screen reader keeps its place in the row.
            let band = last.band.clone().unwrap_or_else(|| "–".into());
            let texts = [q.title.as_str(), score.as_str(), band.as_str(), change.as_str()];
            let cells: Vec<(f32, f32, &str)> =
                columns.iter().zip(texts).map(|((x, w), t)| (*x, *w, t)).collect();
            l.row(table, &cells, Weight::Regular);
        }
        l.text(Block::Para, &tr.t("summary-questionnaires-note"), 8.5, Weight::Regular, SOFT, 0.0);
    }

    // What goes with better days, and experiments.
    l.heading(&tr.t("summary-helps"));
    if s.helps.is_empty() {
        l.text(Block::Para, &tr.t("summary-helps-none"), 10.0, Weight::Regular, INK, 0.0);
    }
    let list = l.group();
    for (strategy, outcome, estimate) in &s.helps {
        let line = tr.ta(
            "summary-helps-line",
            &[
                ("strategy", strategy),
                ("outcome", &outcome_name(tr, *outcome)),
                ("points", &one(estimate.abs())),
            ],
        );
        let entry = Block::Entry { list, numbered: false };
        l.text(entry, &format!("• {line}"), 10.0, Weight::Regular, INK, 8.0);
    }
    if !s.experiments.is_empty() {
        l.heading(&tr.t("summary-experiments"));
        let list = l.group();
        for (a, b, outcome, estimate, [low, high], helps) in &s.experiments {
            let args = [
                ("a", a.clone()),
                ("b", b.clone()),
                ("outcome", outcome_name(tr, *outcome)),
                ("estimate", one(*estimate)),
                ("low", one(*low)),
                ("high", one(*high)),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let verdict = if *helps {
                tr.ta("summary-experiment-helps", &[("a", a)])
            } else {
                tr.t("summary-experiment-unclear")
            };
            l.text(
                Block::Entry { list, numbered: false },
                &format!("• {} {verdict}", tr.ta("summary-experiment", &args)),
                10.0,
                Weight::Regular,
                INK,
                8.0,
            );
        }
    }

    if !s.goals.is_empty() {
        l.heading(&tr.t("summary-goals"));
        let list = l.group();
        for line in &s.goals {
            let entry = Block::Entry { list, numbered: false };
            l.text(entry, &format!("• {line}"), 10.0, Weight::Regular, INK, 8.0);
        }
    }

    // The member's questions.
    l.heading(&tr.t("summary-questions"));
    if s.questions.is_empty() {
        l.text(Block::Para, &tr.t("summary-questions-none"), 10.0, Weight::Regular, SOFT, 0.0);
    }
    let list = l.group();
    for (n, q) in s.questions.iter().enumerate() {
        l.text(
            Block::Entry { list, numbered: true },
            &format!("{}. {q}", n + 1),
            10.5,
            Weight::Regular,
            INK,
            8.0,
        );
    }
    if l.full {
        // The last lines make room for the note that something was left out.
        let block = l.block(Block::Para);
        if let Some(page) = l.pages.last_mut() {
            page.push(Item::Text {
                x: LEFT,
                y: BOTTOM + 14.0,
                size: 9.0,
                weight: Weight::Bold,
                color: INK,
                text: tr.t("summary-truncated"),
                block,
                cell: 0,
            });
        }
    }
    draw(&l.pages, &l.blocks, s, tr, &pain, &peg)
}

fn outcome_name(tr: &Tr, outcome: Outcome) -> String {
    tr.t(&format!("insights-outcome-{}", outcome.as_str()))
}

fn draw(
    pages: &[Vec<Item>],
    blocks: &[Block],
    s: &Summary<'_>,
    tr: &Tr,
    pain: &[(NaiveDate, f64)],
    peg: &[(NaiveDate, f64)],
) -> Result<Vec<u8>, String> {
    let regular = Font::new(REGULAR.into(), 0).ok_or("the regular font does not load")?;
    let bold = Font::new(BOLD.into(), 0).ok_or("the bold font does not load")?;
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| format!("{e:?}"))?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    });
    document.set_metadata(
        Metadata::new()
            .title(tr.ta("summary-title", &[("handle", &s.handle)]))
            .language(tr.lang())
            .creator("Foothold".into()),
    );
    let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or("page size")?;
    let footer = tr.ta("summary-footer", &[("made", &s.made.to_string())]);
    // The marked content of each block, with its table column.
    let mut marked: Vec<Vec<(usize, Identifier)>> = blocks.iter().map(|_| Vec::new()).collect();
    let mut mark = |block: usize, cell: usize, id: Identifier| {
        if let Some(m) = marked.get_mut(block) {
            m.push((cell, id));
        }
    };
    let mut outline = Outline::new();
    let mut outlined = None;
    for (n, items) in pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for item in items {
            match item {
                Item::Text { x, y, size, weight, color: c, text, block, cell } => {
                    let font = match weight {
                        Weight::Regular => regular.clone(),
                        Weight::Bold => bold.clone(),
                    };
                    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                    surface.set_fill(Some(Fill { paint: color(*c).into(), ..Fill::default() }));
                    surface.draw_text(Point::from_xy(*x, *y), font, *size, text, false, TextDirection::Auto);
                    surface.end_tagged();
                    mark(*block, *cell, id);
                    if let (Some(Block::Heading(heading)), false) =
                        (blocks.get(*block), outlined == Some(*block))
                    {
                        let to = XyzDestination::new(n, Point::from_xy(LEFT, y - size));
                        outline.push_child(OutlineNode::new(heading.clone(), to));
                        outlined = Some(*block);
                    }
                }
                Item::Chart { top, block } => {
                    let id = surface.start_tagged(ContentTag::Other);
                    chart(&mut surface, &regular, *top, s.from, s.to, pain, peg);
                    surface.end_tagged();
                    mark(*block, 0, id);
                }
            }
        }
        surface.start_tagged(ContentTag::Artifact(Artifact::new(ArtifactType::Footer, None)));
        surface.set_fill(Some(Fill { paint: color(SOFT).into(), ..Fill::default() }));
        let footer = format!("{footer} · {}/{}", n + 1, pages.len());
        surface.draw_text(
            Point::from_xy(LEFT, HEIGHT - 30.0),
            regular.clone(),
            8.0,
            &footer,
            false,
            TextDirection::Auto,
        );
        surface.end_tagged();
        surface.finish();
        page.finish();
    }
    let alt = tr.ta("summary-chart-alt", &[("from", &s.from.to_string()), ("to", &s.to.to_string())]);
    document.set_tag_tree(tag_tree(blocks, marked, tr.lang(), &alt));
    document.set_outline(outline);
    document.finish().map_err(|e| format!("{e:?}"))
}

/// The blocks in reading order as a tag tree: consecutive entries of one list become one
/// list, consecutive rows of one table one table (its first row the column headers).
fn tag_tree(blocks: &[Block], marked: Vec<Vec<(usize, Identifier)>>, lang: String, alt: &str) -> TagTree {
    let leaves = |ids: Vec<(usize, Identifier)>| ids.into_iter().map(|(_, id)| Node::Leaf(id)).collect();
    let mut tree = TagTree::new().with_lang(Some(lang));
    // The list or table being filled, with the block kind that opened it.
    let mut open: Option<(Block, TagGroup)> = None;
    for (block, ids) in blocks.iter().zip(marked) {
        let (container, node) = match block {
            Block::Title(title) => {
                let tag = Tag::Hn(NonZeroU16::MIN, Some(title.clone()));
                (None, TagGroup::with_children(tag, leaves(ids)))
            }
            Block::Heading(heading) => {
                let tag = Tag::Hn(NonZeroU16::MIN.saturating_add(1), Some(heading.clone()));
                (None, TagGroup::with_children(tag, leaves(ids)))
            }
            Block::Para => (None, TagGroup::with_children(Tag::P, leaves(ids))),
            Block::Chart => (None, TagGroup::with_children(Tag::Figure(Some(alt.to_string())), leaves(ids))),
            &Block::Entry { numbered, .. } => {
                let body = TagGroup::with_children(Tag::LBody, leaves(ids));
                let numbering = if numbered { ListNumbering::Decimal } else { ListNumbering::Disc };
                (Some(TagGroup::new(Tag::L(numbering))), TagGroup::with_children(Tag::LI, vec![body.into()]))
            }
            &Block::Row { header, .. } => {
                let cells = (0..COLUMNS)
                    .map(|column| {
                        let mine = ids.iter().filter(|(c, _)| *c == column).map(|(_, id)| Node::Leaf(*id));
                        let tag: TagKind =
                            if header { Tag::TH(TableHeaderScope::Column).into() } else { Tag::TD.into() };
                        TagGroup::with_children(tag, mine.collect()).into()
                    })
                    .collect();
                (Some(TagGroup::new(Tag::Table)), TagGroup::with_children(Tag::TR, cells))
            }
        };
        let same = |(b, _): &(Block, TagGroup)| match (b, block) {
            (Block::Entry { list: a, .. }, Block::Entry { list: c, .. }) => a == c,
            (Block::Row { table: a, .. }, Block::Row { table: c, .. }) => a == c,
            _ => false,
        };
        if !open.as_ref().is_some_and(same) {
            if let Some((_, group)) = open.take() {
                tree.push(group);
            }
            open = container.map(|group| (block.clone(), group));
        }
        match open.as_mut() {
            Some((_, group)) => group.push(node),
            None => tree.push(node),
        }
    }
    if let Some((_, group)) = open {
        tree.push(group);
    }
    tree
}

fn line(
    surface: &mut krilla::surface::Surface<'_>,
    points: &[(f32, f32)],
    c: (u8, u8, u8),
    width: f32,
    dashed: bool,
) {
    let mut pb = PathBuilder::new();
    for (i, (x, y)) in points.iter().enumerate() {
        if i == 0 {
            pb.move_to(*x, *y);
        } else {
            pb.line_to(*x, *y);
        }
    }
    let Some(path) = pb.finish() else { return };
    let dash = dashed.then(|| StrokeDash { array: vec![4.0, 3.0], offset: 0.0 });
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke { paint: color(c).into(), width, dash, ..Stroke::default() }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

/// Seven-day means ending on each day that has a value.
fn rolling(values: &[(NaiveDate, f64)]) -> Vec<(NaiveDate, f64)> {
    values
        .iter()
        .map(|(d, _)| {
            let week: Vec<f64> = values
                .iter()
                .filter(|(e, _)| *e <= *d && *d - *e < Duration::days(7))
                .map(|(_, v)| *v)
                .collect();
            (*d, week.iter().sum::<f64>() / week.len().max(1) as f64)
        })
        .collect()
}

/// Pain each day as dots, and seven-day means of pain (solid) and PEG (dashed), on 0–10.
fn chart(
    surface: &mut krilla::surface::Surface<'_>,
    font: &Font,
    top: f32,
    from: NaiveDate,
    to: NaiveDate,
    pain: &[(NaiveDate, f64)],
    peg: &[(NaiveDate, f64)],
) {
    let left = LEFT + 18.0;
    let span = ((to - from).num_days().max(1)) as f32;
    let x = |d: NaiveDate| left + (RIGHT - left) * ((d - from).num_days() as f32 / span);
    let y = |v: f64| top + CHART_HEIGHT * (1.0 - (v as f32 / 10.0));
    for v in [0.0, 5.0, 10.0] {
        line(surface, &[(left, y(v)), (RIGHT, y(v))], (200, 200, 200), 0.5, false);
        surface.set_fill(Some(Fill { paint: color(SOFT).into(), ..Fill::default() }));
        surface.draw_text(
            Point::from_xy(LEFT, y(v) + 3.0),
            font.clone(),
            8.0,
            &format!("{v:.0}"),
            false,
            TextDirection::Auto,
        );
    }
    for (d, v) in pain {
        let (cx, cy) = (x(*d), y(*v));
        let mut pb = PathBuilder::new();
        if let Some(rect) = krilla::geom::Rect::from_xywh(cx - 1.2, cy - 1.2, 2.4, 2.4) {
            pb.push_rect(rect);
        }
        if let Some(dot) = pb.finish() {
            surface.set_fill(Some(Fill {
                paint: color((150, 150, 150)).into(),
                opacity: NormalizedF32::ONE,
                ..Fill::default()
            }));
            surface.draw_path(&dot);
        }
    }
    let points = |values: &[(NaiveDate, f64)]| {
        rolling(values).into_iter().map(|(d, v)| (x(d), y(v))).collect::<Vec<_>>()
    };
    line(surface, &points(pain), ACCENT, 1.6, false);
    line(surface, &points(peg), SECOND, 1.4, true);
    surface.set_fill(Some(Fill { paint: color(SOFT).into(), ..Fill::default() }));
    surface.draw_text(
        Point::from_xy(left, top + CHART_HEIGHT + 11.0),
        font.clone(),
        8.0,
        &from.to_string(),
        false,
        TextDirection::Auto,
    );
    surface.draw_text(
        Point::from_xy(RIGHT - 44.0, top + CHART_HEIGHT + 11.0),
        font.clone(),
        8.0,
        &to.to_string(),
        false,
        TextDirection::Auto,
    );
}
