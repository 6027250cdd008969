//! One operation's part of a page → what it documents: parameters by place, request body
//! fields and encoding, response fields, examples, description.
//!
//! The reader walks the units in order. Section headings (or lines that are one) set where
//! the fields that follow go; each recogniser gets a chance at each unit; details on later
//! lines (`required`, `Default: 5`, a type line) attach to the field before them.

use super::segment::{Segment, title_like};
use super::units::Unit;
use crate::parse::blocks::{Definition, ListItem};
use crate::parse::recognise::endpoint::endpoint_in_line;
use crate::parse::recognise::example::{Json, described_params, parse as parse_json};
use crate::parse::recognise::field::{
    Detail, FieldDoc, badge, detail_line, field_line, glued_label, glued_name_type, is_name_line, leading_type, nest_by_depth,
};
use crate::parse::recognise::request::{Request, request_in_code};
use crate::parse::recognise::table::{columns, endpoint_rows, headerless_row, is_status_table, place_column, row_field, table_media};
use crate::parse::vocab::chrome::is_chrome;
use crate::parse::vocab::sections::{Place, Section, TypedLabel, is_model_part, section_of};
use crate::parse::vocab::type_words::{TypeWords, type_words};
use crate::schema::BodyKind;

/// Where fields read now go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Before any section heading.
    Unsectioned,
    Params(Option<Place>),
    Body,
    Response,
    /// Examples, other responses, unknown sub-headings, error lists without a status: not read.
    Skip,
    /// The body of a documented error response (index into `OpDoc::errors`).
    Error(usize),
    /// The fields of a model documented on the page (index into `OpDoc::models`).
    Model(usize),
}

/// A model the page documents on its own (`Schemas` / `Models` / `Definitions`).
#[derive(Debug, Default, Clone)]
pub struct ModelDoc {
    pub name: String,
    pub line: u32,
    pub fields: Vec<FieldDoc>,
    /// Fields read from the model's sample: used when no field is documented.
    pub sample: Vec<FieldDoc>,
    /// `oneOf` members: the model has the fields of each (none required).
    pub union_of: Vec<String>,
}

/// A documented error response as read: its status, what it means, and its body as
/// fields, a sample or a type name.
#[derive(Debug, Default)]
pub struct ErrorRead {
    /// As [`crate::schema::error_status`] spells it (`404`, `4XX`, `default`).
    pub status: String,
    pub line: u32,
    pub description: Option<String>,
    pub fields: Vec<FieldDoc>,
    pub sample: Option<(Json, u32)>,
    pub statement: Option<TypeWords>,
}

/// What one operation's part of the page says.
#[derive(Debug, Default)]
pub struct OpDoc {
    pub title: Option<(String, u32)>,
    /// Query names and example values from bare URLs of this operation's path
    /// (`https://host/v1/families?page=1` under `Query Strings`).
    pub url_query: Vec<(String, String)>,
    pub description: Vec<String>,
    pub deprecated: bool,
    /// Parameters with the place their section gave (`None`: the section did not say).
    pub params: Vec<(Option<Place>, FieldDoc)>,
    /// Fields listed before any section heading.
    pub unsectioned: Vec<FieldDoc>,
    pub body: Vec<FieldDoc>,
    pub body_kind: Option<BodyKind>,
    pub body_statement: Option<TypeWords>,
    pub response: Vec<FieldDoc>,
    pub response_array: bool,
    pub response_statement: Option<TypeWords>,
    /// The page says the success response has no body.
    pub response_empty: bool,
    pub response_example: Option<(Json, u32)>,
    pub request_example: Option<(Json, u32)>,
    pub requests: Vec<Request>,
    /// Section headings read.
    pub sections_seen: usize,
    pub models: Vec<ModelDoc>,
    /// Enumerations the page lists (`PetKind Enum:`, Microsoft Learn's `Enumeration`).
    pub enums: Vec<(String, Vec<String>)>,
    /// The response is another operation's (`same shape as Get one route`): its title or
    /// `METHOD /path`.
    pub response_like: Option<String>,
    /// Documented error responses, one per status, in page order.
    pub errors: Vec<ErrorRead>,
}

pub fn read(units: &[Unit<'_>], seg: &Segment) -> OpDoc {
    let mut r = Reader {
        units,
        doc: OpDoc { title: seg.title.clone(), ..OpDoc::default() },
        target: Target::Unsectioned,
        pending: None,
        response_code: None,
        label: String::new(),
        parents: Vec::new(),
        in_response: false,
        response_target: Target::Skip,
        status_tab: false,
        panel_tabs: None,
        cursor: 0,
        response_at: None,
        awaiting: None,
        models_level: None,
        models_flat: false,
        models_from: 0,
        media_stated: false,
        values_for: None,
        kv_list: false,
        glued_fields: false,
        spaced: None,
        type_first: false,
        resource: None,
        dto: None,
        answer_follows: false,
        body_follows: false,
        response_sampled: false,
        example_has_status: false,
        unmarked_required: false,
        bare_statement: false,
        dto_bases: false,
        enum_of: None,
        known: known_names(units, seg),
        anchor: seg.anchor.as_ref().map(|a| a.endpoint.clone()),
    };
    // A page that glues a badge to a name and type anywhere (`sitestringRequired`) glues
    // name and type everywhere (`idstring`).
    let strictly_glued = |t: &str| glued_name_type(t.lines().next().unwrap_or("").trim(), false).is_some_and(|(f, _)| f.required.is_some());
    r.glued_fields = units[seg.start..seg.end].iter().any(|u| match u {
        Unit::Line { text, .. } => strictly_glued(text),
        Unit::List { items, .. } => crate::parse::blocks::flatten(items).iter().any(|i| strictly_glued(&i.text)),
        _ => false,
    });
    let skip: std::ops::Range<usize> = seg.anchor.as_ref().map_or(0..0, |a| a.unit..a.unit + a.span);
    let title_line = seg.title.as_ref().map(|t| t.1);
    let mut k = seg.start;
    while k < seg.end {
        if k == skip.start && !skip.is_empty() {
            r.at_anchor();
            // Mintlify prints the response sample right after a GET's path: a sample there
            // answers the request (a GET sends no body).
            let bodiless = seg
                .anchor
                .as_ref()
                .is_some_and(|a| matches!(a.endpoint.method, crate::schema::Method::Get | crate::schema::Method::Delete | crate::schema::Method::Head));
            let sample_next = matches!(units.get(skip.end), Some(Unit::Code { .. }));
            r.answer_follows |= bodiless && sample_next;
            // A hand-written page's `POST /login` followed at once by JSON: the body sent.
            // (A request sample as the anchor is answered by the sample after it.)
            r.body_follows = !bodiless && sample_next && !matches!(units[skip.start], Unit::Code { .. });
        }
        // The anchor states the endpoint; a request sample that is the anchor still says how
        // the body is sent.
        if skip.contains(&k) && !matches!(units[k], Unit::Code { .. }) {
            k += 1;
            continue;
        }
        let unit = units[k];
        if let (Some(line), Unit::Heading { line: l, text, .. } | Unit::Line { line: l, text, .. }) = (title_line, unit) {
            if l == line && seg.title.as_ref().is_some_and(|t| text.contains(t.0.as_str()) || t.0.contains(text.trim())) {
                r.doc.deprecated |= matches!(unit, Unit::Heading { struck: true, .. });
                k += 1;
                continue;
            }
        }
        k = r.unit(k, seg.end);
    }
    r.close_parents();
    r.doc
}

struct Reader<'u, 'a> {
    units: &'u [Unit<'a>],
    doc: OpDoc,
    target: Target,
    pending: Option<(Target, FieldDoc)>,
    /// The status of the response section being read (first success wins).
    response_code: Option<u16>,
    /// The last short line before a code block (`Example response`, `Request body`).
    label: String,
    /// Fields whose nested fields are being read (`Array [` … `]` in Redoc's text).
    parents: Vec<(Target, FieldDoc)>,
    /// Inside a response (its headers and body are the response's, not the request's).
    in_response: bool,
    /// Where the current response's fields go (the first success response only).
    response_target: Target,
    /// A status tab was just opened: tabs printed in a row (`201` `400` `409`) are one choice.
    status_tab: bool,
    /// The media-type tab list that opened the success response's panel (`application/json`
    /// / `Schema` / `Example`): when it comes again, the next status's panel begins.
    panel_tabs: Option<String>,
    /// The unit being read, and the one that opened the current response section.
    cursor: usize,
    response_at: Option<usize>,
    /// A label whose value is on the next line (`Default:` / `60`).
    awaiting: Option<Awaiting>,
    /// The level of the `Models` / `Schemas` heading being read under.
    models_level: Option<u8>,
    /// Models are headed at the `Models` heading's own level (swagger-markdown's `### Models`,
    /// `### Pet`): set by the first such heading that follows it with no model in between.
    models_flat: bool,
    /// How many models the page had when the `Models` heading was read.
    models_from: usize,
    /// The page printed the request's media type.
    media_stated: bool,
    /// Under an `Enumerated Values` heading: where the fields it gives values for were read.
    values_for: Option<Target>,
    /// The current section is a key/value list (Postman: key, example value, description).
    kv_list: bool,
    /// The page glues names to types (`driverIdstring`).
    glued_fields: bool,
    /// The header of a table copied with spaces between its cells (`Name In Required Type
    /// Description`), while its rows are read.
    spaced: Option<Vec<String>>,
    /// The page prints fields type first (`string` / `orgId` / `Required`).
    type_first: bool,
    /// The API Blueprint resource being read (`Artifact` of `## Artifact [/artifacts/{id}]`).
    resource: Option<String>,
    /// The operation's request type, named by the first `<Type> Parameters:` caption.
    dto: Option<String>,
    /// A request sample was just read: a JSON sample next is its answer.
    answer_follows: bool,
    /// The anchor of a method that sends a body is followed at once by a sample.
    body_follows: bool,
    /// The success response's fields were read and its sample followed: fields after it in
    /// the same section belong to the next status's panel (Starlight prints them unlabelled).
    response_sampled: bool,
    /// The response sample kept was read under a stated success status.
    example_has_status: bool,
    /// Under a heading whose tables mark only optional fields (apidoc-markdown).
    unmarked_required: bool,
    /// The response type came from a bare model name on a line of its own.
    bare_statement: bool,
    /// The captions so far name the request type and its base classes.
    dto_bases: bool,
    /// Under `PetKind Enum:`: its values follow.
    enum_of: Option<String>,
    /// Names the endpoint itself shows (query keys of its URL, placeholders): on a line of
    /// their own under a parameters heading they start a parameter (Postman's key/value lists).
    known: Vec<String>,
    /// The endpoint the segment is anchored on.
    anchor: Option<crate::parse::recognise::endpoint::Endpoint>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Awaiting {
    Default,
    Values,
    /// A format refining the type (`Format` / `binary`).
    Format,
    /// The type of a row whose name line came first (`kind True` / `Kind`).
    Type,
    Example,
    Bound(&'static str),
}

impl<'a> Reader<'_, 'a> {
    /// At the endpoint line: a response section opened above it with nothing read (an
    /// `On this page` list ending in `Responses`) does not own what follows (the title,
    /// the tag name).
    fn at_anchor(&mut self) {
        if self.in_response && self.doc.response.is_empty() && self.doc.response_example.is_none() {
            self.flush();
            // A type read from a bare word there (the tag after the title) is not one.
            if self.bare_statement {
                self.doc.response_statement = None;
            }
            self.doc.response_empty = false;
            self.response_code = None;
            self.in_response = false;
            self.response_target = Target::Skip;
            self.target = Target::Unsectioned;
        }
    }

    /// Read unit `k`; returns the next unit to read.
    fn unit(&mut self, k: usize, end: usize) -> usize {
        self.cursor = k;
        match self.units[k] {
            Unit::Heading { text, level, line, .. } => {
                self.flush();
                // apidoc-markdown's group headings (`Parameters - `Parameter``): its tables
                // mark only optional fields; the rest are required.
                self.unmarked_required = text.split_once(" - ").is_some_and(|(group, name)| {
                    section_of(group).is_some() && !name.trim().is_empty() && name.split_whitespace().count() <= 3 && section_of(name).is_some()
                });
                if let Some(l) = self.models_level {
                    let sibling = level == l && l < 7 && section_of(text).is_none() && (self.models_flat || self.doc.models.len() == self.models_from);
                    if sibling {
                        self.models_flat = true;
                    } else if level <= l {
                        self.models_level = None;
                        self.models_flat = false;
                    }
                }
                self.values_for = None;
                // API Blueprint's resource heading (`Artifact [/artifacts/{id}]`) names the
                // resource model a `+ Model` section defines.
                if let Some((name, _)) = text.split_once(" [/").filter(|(n, rest)| rest.ends_with(']') && !n.trim().is_empty()) {
                    self.resource = Some(name.trim().to_string());
                }
                match section_of(text) {
                    // `Enumerated Values` below a parameter or property table: values of those fields.
                    Some(Section::Values) => self.values_for = Some(self.target),
                    // `Properties`, `Example` under a model heading: still the model's.
                    _ if matches!(self.target, Target::Model(_)) && self.models_level.is_some() && is_model_part(text) => {}
                    Some(Section::Models) => {
                        self.section(Section::Models, text);
                        self.models_level = Some(level);
                        self.models_from = self.doc.models.len();
                    }
                    // `Properties`, `Attributes` under a model heading: still the model's.
                    Some(s) if s != Section::Errors && matches!(self.target, Target::Model(_)) && self.models_level.is_some() => {}
                    Some(s) if s != Section::Errors || self.models_level.is_none() => self.section(s, text),
                    // Under `Models`, any other heading names a model (`Error` too).
                    _ if self.models_level.is_some() => {
                        self.close_parents();
                        self.doc.models.push(ModelDoc { name: model_name(text), line, ..ModelDoc::default() });
                        self.target = Target::Model(self.doc.models.len() - 1);
                    }
                    // A sub-heading of its own (`The Pet object`, `Example`): its content is not the operation's.
                    None if self.doc.sections_seen > 0 => self.target = Target::Skip,
                    _ => {}
                }
                self.label = text.to_string();
            }
            Unit::Line { text, line, link } => return self.line(k, end, &linked(text, link), line),
            Unit::Table { header, rows, line } => self.table(header, rows, line),
            Unit::List { items, line } => {
                self.flush();
                if self.next_panel(items) {
                    self.flush();
                    self.target = Target::Skip;
                    return k + 1;
                }
                // A JSON sample printed one member per bullet (scraped pages).
                if let Some(json) = list_as_json(items) {
                    self.code(None, &json, line);
                    return k + 1;
                }
                // Items that glue a badge to their name (`sitestringRequired`) mean the others
                // glue name and type too (`modelstring`).
                let first_line = |i: &ListItem| i.inline.text.lines().next().unwrap_or("").trim().to_string();
                self.glued_fields |= items.iter().any(|i| glued_name_type(&first_line(i), false).is_some_and(|(f, _)| f.required.is_some()));
                // So does a list whose items mostly read that way (`idstring`, `capacity_kwnumber`).
                let glued = items.iter().filter(|i| glued_name_type(&first_line(i), true).is_some()).count();
                self.glued_fields |= glued >= 3 && glued * 2 > items.len();
                for item in items {
                    self.item(item, self.target);
                }
            }
            Unit::Definitions { items, .. } => self.definitions(items),
            Unit::Code { lang, text, line } => self.code(lang, text, line),
        }
        k + 1
    }

    /// Docusaurus copies every status tab's panel one after another, each opened by the same
    /// media-type tabs: the second time they come, the success panel has ended.
    fn next_panel(&mut self, items: &[ListItem]) -> bool {
        let in_success = self.target == Target::Response || self.in_response && self.response_target == Target::Response;
        if !in_success || !items.iter().any(|i| crate::media::body_kind_in_text(i.inline.text.trim()).is_some()) {
            return false;
        }
        let signature: String = items.iter().map(|i| i.inline.text.trim()).collect::<Vec<_>>().join("\n");
        match &self.panel_tabs {
            Some(seen) => *seen == signature && (!self.doc.response.is_empty() || self.doc.response_example.is_some()),
            None => {
                self.panel_tabs = Some(signature);
                false
            }
        }
    }

    /// A bare URL of this operation's path with a query string: its names are query
    /// parameters (examples of filtering, paging and sorting).
    fn url_of_operation(&mut self, t: &str) -> bool {
        let Some(anchor) = self.anchor.as_ref() else { return false };
        if t.contains(char::is_whitespace) || !t.contains('?') || !(t.starts_with("http") || t.starts_with('/')) {
            return false;
        }
        let Some(e) = endpoint_in_line(&format!("{} {t}", anchor.method.as_str())) else { return false };
        if !super::segment::same_or_instance(anchor, &e) {
            return false;
        }
        for (k, v) in &e.query_values {
            if !self.doc.url_query.iter().any(|(q, _)| q == k) {
                self.doc.url_query.push((k.clone(), v.clone()));
            }
        }
        true
    }

    /// `string` / `orgId` / `Required`, `integer As int32 As int32` / `depth` / `Optional`:
    /// a field printed type first, its name and badge on the next lines.
    fn type_first_field(&self, k: usize, end: usize, t: &str) -> Option<FieldDoc> {
        let next = |j: usize| match self.units.get(j).filter(|_| j < end) {
            Some(Unit::Line { text, line, .. }) => Some((text.trim(), *line)),
            _ => None,
        };
        let (name, line) = next(k + 1)?;
        let required = match badge(next(k + 2)?.0)? {
            Detail::Required(r) => r,
            _ => return None,
        };
        // (A table header copied one cell per line, `Field` / `Type` / `Required`, is not one.)
        let header_word = crate::parse::recognise::table::is_header_word;
        if !crate::parse::recognise::field::is_name(name) || t.split_whitespace().count() > 6 || header_word(t) || header_word(name) {
            return None;
        }
        let spelled = match t.split_once(" As ") {
            Some((base, format)) => format!("{base} <{}>", format.split_whitespace().next().unwrap_or("")),
            None => t.to_string(),
        };
        let ty = type_words(&spelled, false).filter(|ty| !ty.loose)?;
        let mut f = FieldDoc::named(name, line);
        f.ty = Some(ty);
        f.required = Some(required);
        Some(f)
    }

    /// A glued row spread over units from `k`: its cells and where the next row starts.
    fn spread_glued_row(&self, words: &[String], k: usize, end: usize) -> Option<(Vec<String>, usize)> {
        use crate::parse::recognise::table::{spread_row_end, spread_row_start};
        let Unit::Line { text, .. } = self.units[k] else { return None };
        let (name, mut description) = spread_row_start(words, text)?;
        for j in k + 1..end.min(k + 12) {
            let more = match self.units[j] {
                Unit::Line { text, .. } => {
                    if let Some(tail) = spread_row_end(words, text) {
                        let mut cells = vec![name, description.trim().to_string()];
                        cells.extend(tail);
                        return Some((cells, j + 1));
                    }
                    text.to_string()
                }
                Unit::List { items, .. } => items.iter().map(|i| i.inline.text.as_str()).collect::<Vec<_>>().join(" "),
                _ => return None,
            };
            description.push(' ');
            description.push_str(more.trim());
        }
        None
    }

    /// The lines from `k` on, up to the first unit that is not a line.
    fn cell_lines(&self, k: usize, end: usize) -> Vec<(&'a str, u32)> {
        self.units[k..end]
            .iter()
            .map_while(|u| match u {
                Unit::Line { text, line, .. } => Some((text.trim(), *line)),
                _ => None,
            })
            .collect()
    }

    fn section(&mut self, s: Section, text: &str) {
        super::trace!("section {s:?} {text:?}");
        self.close_parents();
        self.response_sampled = false;
        self.spaced = None;
        self.kv_list = false;
        self.awaiting = None;
        self.doc.sections_seen += 1;
        // A `Definitions` line in a text copy: models until a heading (the heading branch
        // sets its own level).
        if s == Section::Models {
            self.models_level = Some(7);
        }
        let is_status = text.trim().trim_start_matches(['*', '#', ' ']).starts_with(|c: char| c.is_ascii_digit())
            && matches!(s, Section::Response(Some(_)) | Section::Errors);
        if is_status && self.status_tab {
            return;
        }
        self.status_tab = is_status;
        self.target = match s {
            // A response's own headers, and its body under a plain `Body` label.
            Section::Params(Some(Place::Header)) if self.in_response => Target::Skip,
            Section::Body(None) if self.in_response && !text.to_lowercase().contains("request") => self.response_target,
            // OpenStack's `Response` then, right under it, `Parameters`: the response's fields.
            Section::Params(None) if self.response_target == Target::Response && self.response_at.is_some_and(|r| r + 1 == self.cursor) => Target::Response,
            Section::Params(p) => {
                self.in_response = false;
                Target::Params(p)
            }
            Section::Body(kind) => {
                self.in_response = false;
                if kind.is_some() {
                    self.doc.body_kind = kind;
                }
                Target::Body
            }
            Section::Response(code) => {
                self.in_response = true;
                self.response_at = Some(self.cursor);
                let success = code.is_none_or(|c| (200..300).contains(&c));
                let first = self.response_code.is_none_or(|seen| Some(seen) == code) || code.is_none() && self.doc.response.is_empty();
                if let Some(c) = code.filter(|_| success && self.response_code.is_none()) {
                    self.response_code = Some(c);
                    if c == 204 {
                        self.doc.response_empty = true;
                    }
                }
                self.response_target = if success && first { Target::Response } else { Target::Skip };
                self.response_target
            }
            Section::Errors => {
                self.in_response = true;
                self.response_target = Target::Skip;
                // `404 Not Found`, `Response 422`: that status's body follows.
                match crate::parse::vocab::sections::error_heading(text) {
                    Some((status, description)) => {
                        let i = self.error_for(&status, self.cursor_line());
                        if let Some(d) = description {
                            self.doc.errors[i].description.get_or_insert(d);
                        }
                        Target::Error(i)
                    }
                    None => Target::Skip,
                }
            }
            Section::Ignored | Section::Models | Section::Endpoint | Section::Values => Target::Skip,
        };
        if let (Target::Body, Some(kind)) = (self.target, crate::media::body_kind_in_text(text)) {
            self.doc.body_kind = Some(kind);
        }
    }

    fn line(&mut self, k: usize, end: usize, text: &str, line: u32) -> usize {
        let t = text.trim();
        self.answer_follows &= is_chrome(t) || t.parse::<u16>().is_ok();
        super::trace!("{line} {t:?} target={:?} pending={:?} resp={}", self.target, self.pending.as_ref().map(|p| &p.1.name), self.in_response);
        // (Under parameters, `Content-Type` over its type line is a header's name.)
        // (Nor is `application/json` after `Example:`: the value awaited.)
        let awaited_value = self.awaiting.is_some() && t.contains('/');
        if is_chrome(t) && !awaited_value && !(matches!(self.target, Target::Params(_)) && !t.contains(' ') && self.type_follows(k, end)) {
            return k + 1;
        }
        // Oracle's REST references: `Root Schema : Error`, `Nested Schema : Http-method`,
        // then `Type:` / `Show Source` / `object` and the fields.
        if let Some((root, name)) = schema_caption(t) {
            self.close_parents();
            let success = self.target == Target::Response || self.in_response && self.response_target == Target::Response;
            if !(root && success) {
                self.doc.models.push(ModelDoc { name: name.to_string(), line, ..ModelDoc::default() });
                self.target = Target::Model(self.doc.models.len() - 1);
            }
            return k + 1;
        }
        if t == "Type:" {
            let mut j = k + 1;
            while let Some(Unit::Line { text, .. }) = self.units.get(j).filter(|_| j < end) {
                let next = text.trim();
                if !is_chrome(next) && type_words(next, false).is_none_or(|ty| next.contains(' ') || ty.named > 0) {
                    break;
                }
                j += 1;
            }
            return j.max(k + 1);
        }
        // A section word glued after an example value (GitBook: `YOUR_AUTH_KEYBody`,
        // `application/x-www-form-urlencodedBody`): the value, then the section.
        if let Some((head, tail, s)) = glued_section(t) {
            self.line(k, end, head, line);
            self.section(s, tail);
            self.label = tail.to_string();
            return k + 1;
        }
        // A list a copy glued into one line (`limit(optional): Page size.after(optional): …`):
        // each item on its own.
        let items = glued_items(t);
        if items.len() > 1 {
            for item in items {
                self.line(k, end, item, line);
            }
            return k + 1;
        }
        // The full stop of the previous description glued to the next name (`.contact`).
        let t = match t.strip_prefix('.') {
            Some(rest) if crate::parse::recognise::field::is_name(rest) && self.type_follows(k, end) => rest,
            _ => t,
        };
        // `{}` first among a response's samples (Fumadocs prints the success sample, then the
        // errors'): the success body is empty, the error samples are not it.
        if t == "{}" && (self.target == Target::Response || self.in_response && self.response_target == Target::Response) {
            self.doc.response_example.get_or_insert((Json::Object(Vec::new()), line));
            return k + 1;
        }
        // A JSON sample flattened into a line (scraped pages).
        if t.starts_with(['{', '[']) && matches!(parse_json(t), Some(Json::Object(f)) if !f.is_empty()) {
            self.code(None, t, line);
            return k + 1;
        }
        let a_value = !t.contains(' ') && section_of(t).is_none() && !(is_name_line(t).is_some() && self.type_follows(k, end));
        // A capitalised section word (`PARAMS`, `Body`) is never the value a label awaits.
        if self.awaiting.is_some() && t.starts_with(|c: char| c.is_uppercase()) && section_of(t).is_some() {
            self.awaiting = None;
        }
        if let (Some(awaiting), Some((_, f))) = (self.awaiting, self.pending.as_mut()) {
            match awaiting {
                Awaiting::Default => {
                    f.default = Some(t.trim_matches(['"', '`']).to_string());
                    self.awaiting = None;
                    return k + 1;
                }
                // GitBook prints the description between the label and the value.
                Awaiting::Example if t.split_whitespace().count() >= 3 && t.ends_with('.') => {
                    f.describe(t);
                    return k + 1;
                }
                // The value glued to the next field (`YOUR_BRAND_URLAuth-KeystringRequiredExample:`).
                Awaiting::Example if value_then_field(t, self.target == Target::Params(Some(Place::Header))).is_some() => {
                    let (_, next) = value_then_field(t, self.target == Target::Params(Some(Place::Header))).unwrap_or_default();
                    self.awaiting = None;
                    return self.line(k, end, next, line);
                }
                Awaiting::Example => {
                    // A `Content-Type` parameter's example names the request's media type.
                    if f.name.eq_ignore_ascii_case("content-type") && !self.in_response {
                        if let Some(kind) = crate::media::body_kind_in_text(t) {
                            self.doc.body_kind.get_or_insert(kind);
                        }
                    }
                    // The example value of an untyped key says what it is (`25`, `true`).
                    if f.ty.is_none() && !t.contains(' ') {
                        f.ty = Some(TypeWords::new(crate::parse::recognise::example::text_value_type(t.trim_matches(['"', '`'])), "example"));
                    }
                    self.awaiting = None;
                    return k + 1;
                }
                Awaiting::Type => {
                    self.awaiting = None;
                    if let Some(ty) = type_words(t, true) {
                        f.apply(Detail::Type(ty));
                        return k + 1;
                    }
                }
                Awaiting::Format => {
                    if let Some(ty) = crate::parse::recognise::field::format_type(t) {
                        f.apply(Detail::Type(ty));
                    }
                    self.awaiting = None;
                    return k + 1;
                }
                Awaiting::Bound(label) => {
                    f.constraints.push(format!("{label} {t}"));
                    self.awaiting = None;
                    return k + 1;
                }
                // `"customer" | "internal"`: the values on one line.
                Awaiting::Values if t.contains(" | ") => {
                    for v in t.split(" | ") {
                        f.values.push(crate::schema::EnumValue::new(v.trim().trim_matches(['"', '`'])));
                    }
                    self.awaiting = None;
                    return k + 1;
                }
                Awaiting::Values if a_value || value_token(t).is_some() => {
                    let v = value_token(t).unwrap_or(t);
                    f.values.push(crate::schema::EnumValue::new(v));
                    return k + 1;
                }
                Awaiting::Values => self.awaiting = None,
            }
        }
        if let Some((_, f)) = self.pending.as_mut() {
            // Scalar: `values` then one value per line; `min:` / `max:` then the bound.
            if t == "values" {
                self.awaiting = Some(Awaiting::Values);
                return k + 1;
            }
            if let Some(awaiting) = label_alone(t) {
                self.awaiting = Some(awaiting);
                return k + 1;
            }
            if let Some(d) = detail_line(t) {
                f.apply(d);
                return k + 1;
            }
            // Microsoft Learn copied without tabs: `query True`, `path`, under the name.
            let just_named = k > 0 && matches!(self.units[k - 1], Unit::Line { line: l, .. } if l == f.line);
            if let Some((p, required)) = place_line(t).filter(|_| just_named && f.place.is_none()) {
                f.place = Some(p);
                f.required = required.or(f.required);
                return k + 1;
            }
        }
        // Nested fields between `Array [` and `]`.
        if matches!(t, "Array [" | "array [" | "[") && self.pending.is_some() {
            if let Some(parent) = self.pending.take() {
                self.parents.push(parent);
            }
            return k + 1;
        }
        if t == "]" && !self.parents.is_empty() {
            self.flush();
            if let Some((target, parent)) = self.parents.pop() {
                self.push(target, parent);
            }
            return k + 1;
        }
        if self.typed_label(t, line) {
            return k + 1;
        }
        // `Server Status:` over a list of fields in a response: the fields of an object the
        // response holds (sphinx: `Each entry in servers is an object of …`), not its own.
        let list_next = matches!(self.units.get(k + 1), Some(Unit::List { .. })) && k + 1 < end;
        let title_case = t.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if self.target == Target::Response && list_next && t.ends_with(':') && title_case && section_of(t).is_none() && t.split_whitespace().count() <= 4 {
            let name = model_name(t.trim_end_matches(':'));
            if crate::parse::vocab::type_words::is_model_name(&name) {
                self.flush();
                self.close_parents();
                self.doc.models.push(ModelDoc { name, line, ..ModelDoc::default() });
                self.target = Target::Model(self.doc.models.len() - 1);
                return k + 1;
            }
        }
        // Type first (Broadcom's portal): `string`, then the name, then `Required` — unless
        // the line is the type of the field just named (`name` / `required` / `integer`).
        let pending_typed = self.pending.as_ref().is_none_or(|(_, f)| f.ty.is_some());
        if let Some(f) = self.type_first_field(k, end, t).filter(|_| pending_typed) {
            self.start(f);
            self.type_first = true;
            return k + 3;
        }
        // On such a page, a line before the next type-first field is a description, even
        // one word long (`depth`).
        if self.type_first && self.pending.is_some() && section_of(t).is_none() {
            let next = match self.units.get(k + 1).filter(|_| k + 1 < end) {
                Some(Unit::Line { text, .. }) => Some(text.trim()),
                _ => None,
            };
            if next.is_some_and(|n| self.type_first_field(k + 1, end, n).is_some()) {
                if let Some((_, f)) = self.pending.as_mut() {
                    f.describe(t);
                }
                return k + 1;
            }
        }
        // A table copied with spaces between its cells: the header, then its rows.
        if let Some(words) = crate::parse::recognise::table::spaced_header(t) {
            self.flush();
            self.spaced = Some(words);
            return k + 1;
        }
        if let Some(f) = self.spaced.as_deref().and_then(|h| crate::parse::recognise::table::spaced_row(h, t, line)) {
            self.start(f);
            return k + 1;
        }
        let type_next = || matches!(self.units.get(k + 1), Some(Unit::Line { text, .. }) if k + 1 < end && type_words(text.trim(), true).is_some());
        if let Some(f) = self.spaced.as_deref().and_then(|h| crate::parse::recognise::table::spaced_row_head(h, t, line)).filter(|_| type_next()) {
            self.start(f);
            self.awaiting = Some(Awaiting::Type);
            return k + 1;
        }
        // A table whose cells a crawler glued together.
        if let Some(words) = crate::parse::recognise::table::glued_header(t) {
            let mut rows = Vec::new();
            let mut j = k + 1;
            while let Some(Unit::Line { text, line, .. }) = self.units.get(j).filter(|_| j < end) {
                let cells = match crate::parse::recognise::table::glued_row(&words, text) {
                    Some(cells) => {
                        j += 1;
                        cells
                    }
                    None => match self.spread_glued_row(&words, j, end) {
                        Some((cells, next)) => {
                            j = next;
                            cells
                        }
                        None => break,
                    },
                };
                rows.push(crate::parse::blocks::Row { line: *line, cells: cells.iter().map(|c| crate::parse::blocks::Cell::plain(c)).collect() });
            }
            if !rows.is_empty() {
                let header: Vec<crate::parse::blocks::Cell> = words.iter().map(|w| crate::parse::blocks::Cell::plain(w)).collect();
                self.table(&header, &rows, line);
                return j;
            }
            // The header glued, the cells one per line (ASP.NET help pages as text).
            let mut lines: Vec<(&str, u32)> = words.iter().map(|w| (w.as_str(), line)).collect();
            lines.extend(self.cell_lines(k + 1, end));
            if let Some((header, rows, used)) = crate::parse::recognise::table::vertical_rows(&lines, words.len()) {
                self.table(&header, &rows, line);
                return k + 1 + used - words.len();
            }
        }
        // A table copied one cell per line.
        if crate::parse::recognise::table::is_header_word(t) {
            let lines = self.cell_lines(k, end);
            if let Some((header, rows, used)) = crate::parse::recognise::table::vertical_table(&lines) {
                self.table(&header, &rows, line);
                return k + used;
            }
        }
        // `PetKind Enum:` then one value per line.
        if let Some(name) = self.enum_of.clone() {
            if t == "Enumeration" {
                return k + 1;
            }
            if !t.contains(' ') && section_of(t).is_none() {
                self.enum_value(&name, t);
                return k + 1;
            }
            // Its description, then the table of values.
            if matches!(self.units.get(k + 1), Some(Unit::Table { .. })) {
                return k + 1;
            }
            self.enum_of = None;
        }
        // A field named like a section (`body`, `query`) is a field when a type follows; a
        // capitalised one (`Body`, `Headers`) is the section heading.
        let name_then_type =
            is_name_line(t).is_some() && self.type_follows(k, end) && !(t.starts_with(|c: char| c.is_ascii_uppercase()) && section_of(t).is_some());
        // `Auth-KeystringRequiredExample:` is a field, whatever words it starts with.
        let strictly_glued = t.split(" · ").next().is_some_and(|h| !h.contains(' '))
            && glued_name_type(t.strip_suffix("Example:").unwrap_or(t), false).is_some_and(|(f, _)| f.required.is_some());
        if !name_then_type && !strictly_glued {
            // `Attributes` under `The Inverter object`: still the model's.
            if matches!(self.target, Target::Model(_)) && is_model_part(t) {
                self.flush();
                return k + 1;
            }
            // `Possible enum values` below a field: values of the fields read, same place.
            if section_of(t) == Some(Section::Values) {
                self.flush();
                self.values_for = Some(self.target);
                return k + 1;
            }
            if let Some(s) = section_of(t) {
                // Tabs in a row (`Schema` / `Example (from schema)`): the first one is shown.
                let after_tab =
                    k > 0 && matches!(self.units[k - 1], Unit::Line { text, .. } if matches!(text.trim().to_ascii_lowercase().as_str(), "schema" | "model"));
                if s == Section::Ignored && after_tab {
                    return k + 1;
                }
                self.flush();
                self.section(s, t);
                self.label = t.to_string();
                return k + 1;
            }
        }
        self.status_tab = false;
        // `multipart/form-data`, `Upload as multipart/form-data (max 15 MB).`
        // (A bare `Content-Type` over its type line is a header's name, not a statement.)
        let bare_name = !t.contains([' ', ':', '/']) && self.type_follows(k, end);
        if let Some(kind) = crate::media::body_kind_in_text(t)
            .filter(|_| !bare_name && (t.split_whitespace().count() <= 4 || t.contains('/') && t.split_whitespace().count() <= 8))
        {
            if matches!(self.target, Target::Body | Target::Unsectioned | Target::Params(None)) || t.to_ascii_lowercase().starts_with("content-type") {
                self.stated_media(kind);
            }
            return k + 1;
        }
        // `{` opening a sample printed as a list labels nothing.
        if t.chars().any(char::is_alphanumeric) {
            self.label = t.to_string();
        }
        // GitBook's legacy tags: parameters, sections and responses as `{% … %}`.
        if let Some(tag) = crate::parse::recognise::tag::tag(t) {
            self.tag(&tag, line);
            return k + 1;
        }
        // reST field lists say where each field goes (`:query …:`, `:<json …:`), whatever
        // the heading above them (often `Example response`).
        if t.starts_with(':') {
            if let Some(mut f) = field_line(t).filter(|f| f.place.is_some() || f.in_body.is_some() || f.in_response) {
                f.line = line;
                self.start(f);
                return k + 1;
            }
        }
        if self.models_level.is_some() && self.definition_name(k, end, t, line) {
            return k + 1;
        }
        // Stripe: `The Inverter object`, then its attributes.
        if let Some(name) = t.strip_prefix("The ").and_then(|r| r.strip_suffix(" object")).filter(|n| crate::parse::vocab::type_words::is_model_name(n)) {
            let next_is_sample = matches!(self.units.get(k + 1), Some(Unit::Code { .. }));
            self.close_parents();
            self.flush();
            if !next_is_sample || !self.doc.models.iter().any(|m| m.name == name) {
                self.doc.models.push(ModelDoc { name: name.to_string(), line, ..ModelDoc::default() });
            }
            let at = self.doc.models.iter().rposition(|m| m.name == name).unwrap_or(0);
            self.target = Target::Model(at);
            self.models_level.get_or_insert(7);
            return k + 1;
        }
        if self.url_of_operation(t) {
            return k + 1;
        }
        if self.target == Target::Skip {
            return k + 1;
        }
        if let Target::Error(i) = self.target {
            self.error_line(i, t, line);
            return k + 1;
        }
        if self.statement(t) {
            return k + 1;
        }
        if self.reference_line(t) {
            return k + 1;
        }
        // `Return type` / `Plant`: a bare model name under a response heading is its type.
        if self.pending.is_none() && self.target == Target::Response && self.section_is_empty() && t.split_whitespace().count() <= 3 {
            if let Some(ty) = type_words(t, true).filter(|ty| ty.ty.ref_name().is_some()) {
                if self.doc.response_statement.is_none() {
                    self.doc.response_statement = Some(ty);
                    self.bare_statement = true;
                }
                return k + 1;
            }
        }
        // `array[object]` (`Type: array object[]`) right under a response or body heading:
        // the body is a list.
        if self.pending.is_none() && matches!(self.target, Target::Response | Target::Body) && self.section_is_empty() {
            let typed = match glued_label(t) {
                Some(("Type", value)) => value,
                _ => t,
            };
            if let Some(ty) = type_words(typed, false).filter(|ty| matches!(ty.ty, crate::schema::Type::Array { .. })) {
                let _ = ty;
                if self.target == Target::Response {
                    self.doc.response_array = true;
                }
                return k + 1;
            }
        }
        if let Some((_, f)) = self.pending.as_mut() {
            if let Some(d) = detail_line(t) {
                f.apply(d);
                return k + 1;
            }
            if f.ty.is_none() {
                if let Some(ty) = type_line(t, f) {
                    f.apply(Detail::Type(ty));
                    line_details(t, f);
                    return k + 1;
                }
                if let Some((ty, required, rest)) = paren_type_line(t) {
                    f.apply(Detail::Type(ty));
                    if let Some(r) = required {
                        f.required = Some(r);
                    }
                    f.describe(rest);
                    if ends_with_values_label(rest) {
                        self.awaiting = Some(Awaiting::Values);
                    }
                    return k + 1;
                }
                if let Some((ty, rest)) = type_then_prose(t) {
                    f.apply(Detail::Type(ty));
                    f.describe(&rest);
                    return k + 1;
                }
            }
        }
        // A label with its value (`Type: object`) where no field is open is not a field.
        if glued_label(t).is_some() {
            return k + 1;
        }
        // `seeingnumber · nullableOptional`: a glued line with its badge at the end is read by
        // its own rule before the general ones (which would split it elsewhere).
        let in_fields = matches!(self.target, Target::Params(_) | Target::Body | Target::Response | Target::Model(_));
        if in_fields && t.split(" · ").next().is_some_and(|h| !h.contains(' ')) {
            // GitBook glues the example's label too (`Brand-URLstringRequiredExample:`).
            let example = t.strip_suffix("Example:").filter(|r| r.ends_with(|c: char| c.is_ascii_alphanumeric()));
            if let Some((mut f, rest)) = glued_name_type(example.unwrap_or(t), false).filter(|(f, _)| f.required.is_some()) {
                self.glued_fields = true;
                f.line = line;
                line_details(rest, &mut f);
                self.start(f);
                if example.is_some() {
                    self.awaiting = Some(Awaiting::Example);
                }
                return k + 1;
            }
        }
        if let Some(mut f) = field_line(t) {
            f.line = line;
            self.start(f);
            return k + 1;
        }
        if in_fields {
            if let Some(mut f) = crate::parse::recognise::field::listed_field(t) {
                f.line = line;
                self.start(f);
                return k + 1;
            }
            if let Some((mut f, rest)) = glued_name_type(t, self.glued_fields) {
                self.glued_fields = true;
                f.line = line;
                line_details(rest, &mut f);
                self.start(f);
                return k + 1;
            }
        }
        if let Some((name, required)) = is_name_line(t).filter(|_| name_then_type) {
            let mut f = FieldDoc::named(&name, line);
            f.required = required;
            self.start(f);
            return k + 1;
        }
        // Key/value lists without types (Postman): a key the URL shows, or a header name
        // under a headers heading; the line after it is its example value.
        let key = matches!(self.target, Target::Params(_) | Target::Body) && self.known.iter().any(|n| n == t);
        let header = self.target == Target::Params(Some(Place::Header)) && !t.contains(' ') && badge(t).is_none() && header_line(t, line).is_some();
        // In such a list, a name after a described key and before a description is a key the
        // example URL leaves out (`mrn` / `Medical record number (exact match)`).
        let unlisted = self.kv_list
            && is_name_line(t).is_some()
            && !t.contains(' ')
            && self.pending.as_ref().is_some_and(|(_, f)| f.description.is_some())
            && self.units.get(k + 1).and_then(Unit::text).is_some_and(|n| n.split_whitespace().count() >= 3);
        if key || header || unlisted {
            self.kv_list = true;
            let mut f = FieldDoc::named(t, line);
            if header {
                f.ty = type_words("string", false);
            }
            self.start(f);
            self.awaiting = Some(Awaiting::Example);
            return k + 1;
        }
        match self.pending.as_mut() {
            Some((_, f)) => f.describe(t),
            None if self.doc.sections_seen == 0
                && self.target == Target::Unsectioned
                && endpoint_in_line(t).is_none()
                && (!title_like(t) || !self.doc.description.is_empty() || self.doc.title.is_some()) =>
            {
                self.doc.description.push(t.to_string());
            }
            None => {}
        }
        k + 1
    }

    /// Whether a type line follows line `k` within a few lines (one-line-per-part layouts).
    fn type_follows(&self, k: usize, end: usize) -> bool {
        let mut prose_seen = false;
        for j in k + 1..(k + 5).min(end) {
            let Unit::Line { text, link, .. } = self.units[j] else { return false };
            let linked = linked(text, link);
            let t = linked.trim();
            if crate::media::body_kind_in_text(t).is_some() {
                return false;
            }
            if is_chrome(t) && t.len() > 1 || place_line(t).is_some() {
                continue;
            }
            if type_line(t, &FieldDoc::default()).is_some() || type_then_prose(t).is_some() || paren_type_line(t).is_some() {
                return true;
            }
            // One line of description may sit between the name and a labelled type
            // (`X-Client-Id` / `*` / `Identifier of the app.` / `Typestring`).
            if badge(t).is_none() && detail_line(t).is_none() {
                // The labelled type may come after other labelled details (`read onlyTrue`).
                let labelled_type_next = (j + 1..(j + 4).min(end))
                    .map(|x| self.units[x])
                    .take_while(|u| matches!(u, Unit::Line { .. }))
                    .map(|u| u.text().unwrap_or("").trim())
                    .take_while(|l| matches!(glued_label(l), Some(("Type", _))) || detail_line(l).is_some() || badge(l).is_some())
                    .any(|l| matches!(glued_label(l), Some(("Type", _))))
                    // Starlight: the description, then the type alone on its line (`string`).
                    || (j + 1 < end).then(|| self.units[j + 1]).is_some_and(|u| matches!(u, Unit::Line { text, .. } if !text.trim().contains(' ') && type_words(text.trim(), false).is_some_and(|t| t.named == 0)));
                if prose_seen || !labelled_type_next || t.split_whitespace().count() < 3 {
                    return false;
                }
                prose_seen = true;
            }
        }
        false
    }

    /// `RecordReading Parameters:` / `RecordReadingResponse Parameters:` / `ResponseStatus
    /// Parameters:`: the operation's own type (the first one named), its response type, or
    /// a model the others use.
    fn typed_label(&mut self, t: &str, line: u32) -> bool {
        let Some(label) = crate::parse::vocab::sections::typed_label(t) else { return false };
        self.flush();
        self.enum_of = None;
        match label {
            TypedLabel::Enum(name) => {
                self.close_parents();
                self.dto_bases = false;
                self.target = Target::Skip;
                self.enum_of = Some(name.to_string());
                return true;
            }
            TypedLabel::Fields(name) if name.split('<').next().is_some_and(|base| base.ends_with("Response")) => {
                self.dto_bases = false;
                self.section(Section::Response(None), t);
            }
            // The request type comes before the response; a type after it is a model.
            TypedLabel::Fields(name) if self.dto.as_deref().is_none_or(|d| d == name) && !self.in_response => {
                self.dto = Some(name.to_string());
                self.dto_bases = true;
                self.section(Section::Params(None), t);
            }
            // Right after the request type, a type none of its fields uses is its base class
            // (`QueryDb<Permit>`): more parameters.
            TypedLabel::Fields(name) if self.dto_bases && !self.doc.params.iter().any(|(_, f)| f.ty.as_ref().is_some_and(|ty| ty.spelled.contains(name))) => {
                self.section(Section::Params(None), t);
            }
            TypedLabel::Fields(name) => {
                self.dto_bases = false;
                self.close_parents();
                self.doc.models.push(ModelDoc { name: name.to_string(), line, ..ModelDoc::default() });
                self.target = Target::Model(self.doc.models.len() - 1);
            }
        }
        true
    }

    /// API Blueprint's `[Artifact][]`: the body is the resource model of that name.
    fn reference_line(&mut self, t: &str) -> bool {
        let Some(name) = reference_name(t) else { return false };
        let ty = TypeWords::new(crate::schema::Type::reference(name), t);
        match self.target {
            Target::Response => {
                self.doc.response_statement.get_or_insert(ty);
            }
            Target::Body => self.doc.body_statement = Some(ty),
            _ => {}
        }
        true
    }

    /// Response and request statements: `This endpoint returns a list of objects.`,
    /// `Returns an array of Pet objects`, `No Content`, `204`.
    fn statement(&mut self, t: &str) -> bool {
        let lower = t.to_lowercase();
        if matches!(self.target, Target::Response)
            && (lower.contains("no content")
                || lower.contains("returns nothing")
                || lower.contains("no response body")
                || lower == "empty response"
                || lower == "empty")
        {
            self.doc.response_empty = true;
            return true;
        }
        // `Returns 201 with the new route (same shape as Get one route)`, `Same as GET /x`:
        // the response of another operation on the page.
        for marker in ["same shape as ", "same as ", "same format as ", "same response as "] {
            if let Some(at) = lower.find(marker) {
                let rest = t[at + marker.len()..].trim_end_matches(['.', ')']).trim().trim_matches(['*', '_', '`']).trim();
                if !rest.is_empty()
                    && rest.split_whitespace().count() <= 8
                    && (self.target == Target::Response || lower.starts_with("returns") || lower.contains("response"))
                {
                    self.doc.response_like = Some(rest.to_string());
                    return true;
                }
            }
        }
        // Stripe: `Returns the Inverter object if the registration succeeded.`, `Returns the
        // customer object`, glued in a copy: `Returnscustomer object`.
        let glued = t.strip_prefix("Returns").filter(|r| r.starts_with(|c: char| c.is_ascii_lowercase()) && r.ends_with(" object"));
        if let Some(rest) = t.strip_prefix("Returns the ").or_else(|| t.strip_prefix("Returns a ")).or_else(|| t.strip_prefix("Returns an ")).or(glued) {
            let name = rest.split(" object").next().filter(|_| rest.contains(" object")).map(heck::ToUpperCamelCase::to_upper_camel_case);
            if let Some(name) = name.filter(|n| crate::parse::vocab::type_words::is_model_name(n) && !rest.split(" object").next().unwrap_or("").contains(' '))
            {
                self.doc.response_statement = Some(TypeWords::new(crate::schema::Type::reference(name.clone()), &name));
                return true;
            }
        }
        for (prefix, response) in
            [("this endpoint returns ", true), ("this endpoint expects ", false), ("returns an array of ", true), ("returns a list of ", true)]
        {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let rest = rest.trim_end_matches('.');
                let spelled = if prefix.starts_with("returns a") { format!("list of {rest}") } else { rest.to_string() };
                let ty = crate::parse::vocab::field_line::parse_whole_type(&spelled).or_else(|| type_words(&spelled, false));
                if response {
                    self.doc.response_array |= spelled.starts_with("list of") || spelled.starts_with("a list of") || spelled.starts_with("an array");
                    self.doc.response_statement = ty;
                } else {
                    self.doc.body_statement = ty;
                }
                return true;
            }
        }
        false
    }

    /// A media type the page prints for the request body: it beats a guess from a section
    /// name (`Form parameters` may be multipart), and the first one printed wins.
    fn stated_media(&mut self, kind: BodyKind) {
        if !self.media_stated && !self.in_response {
            self.doc.body_kind = Some(kind);
            self.media_stated = true;
        }
    }

    /// One GitBook tag: `swagger-parameter` / `api-method-parameter` start a field, the
    /// `api-method-*-parameters` blocks and `swagger-response` / `api-method-response-example`
    /// set where fields and examples go; closing tags end a field.
    fn tag(&mut self, tag: &crate::parse::recognise::tag::Tag, line: u32) {
        let name = tag.name.as_str();
        if name.starts_with("end") {
            if name.ends_with("parameter") {
                self.flush();
            }
            return;
        }
        match name {
            "swagger-parameter" | "api-method-parameter" => {
                let Some(field_name) = tag.attr("name") else { return };
                let mut f = FieldDoc::named(field_name, line);
                f.ty = tag.attr("type").and_then(|t| type_words(t, true));
                f.required = tag.attr("required").map(|r| r.eq_ignore_ascii_case("true"));
                match tag.attr("in") {
                    Some("path") => f.place = Some(Place::Path),
                    Some("query") => f.place = Some(Place::Query),
                    Some("header") => f.place = Some(Place::Header),
                    Some("cookie") => f.place = Some(Place::Cookie),
                    Some("body") => f.in_body = Some(None),
                    Some("formData") | Some("form") => f.in_body = Some(Some(BodyKind::Form)),
                    _ => {}
                }
                self.start(f);
            }
            "api-method-path-parameters" => self.section(Section::Params(Some(Place::Path)), name),
            "api-method-query-parameters" => self.section(Section::Params(Some(Place::Query)), name),
            "api-method-headers" => self.section(Section::Params(Some(Place::Header)), name),
            "api-method-cookies" => self.section(Section::Params(Some(Place::Cookie)), name),
            "api-method-body-parameters" => self.section(Section::Body(None), name),
            "api-method-form-data-parameters" => self.section(Section::Body(Some(BodyKind::Form)), name),
            "swagger-response" | "api-method-response-example" => {
                let status = tag.attr("status").or_else(|| tag.attr("httpCode")).unwrap_or("");
                let code: Option<u16> = status.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok();
                let s = if code.is_some_and(|c| c >= 400) { Section::Errors } else { Section::Response(code) };
                self.section(s, status);
            }
            "swagger-description" | "api-method-description" | "api-method-summary" => {}
            _ => {}
        }
        self.status_tab = false;
    }

    /// The error read for `status`, added when the page has not documented it yet.
    fn error_for(&mut self, status: &str, line: u32) -> usize {
        if let Some(i) = self.doc.errors.iter().position(|e| e.status == status) {
            return i;
        }
        self.doc.errors.push(ErrorRead { status: status.to_string(), line, ..ErrorRead::default() });
        self.doc.errors.len() - 1
    }

    /// The error whose body is being read, if any.
    fn error_target(&mut self) -> Option<&mut ErrorRead> {
        match self.target {
            Target::Error(i) => self.doc.errors.get_mut(i),
            _ => None,
        }
    }

    /// The line of the unit being read.
    fn cursor_line(&self) -> u32 {
        self.units.get(self.cursor).map_or(0, Unit::line)
    }

    /// A line under an error status: a field, the body's model name alone on its line
    /// (`NotFoundError`, `Schema: Problem`, `[Problem][]`), or the first line of prose
    /// describing it.
    fn error_line(&mut self, i: usize, t: &str, line: u32) {
        if let Some(mut f) = field_line(t) {
            f.line = line;
            self.start(f);
            return;
        }
        let Some(e) = self.doc.errors.get_mut(i) else { return };
        // The reason phrase under its status (Redoc's `409` / `Conflict`) names no model.
        if t.split_whitespace().collect::<String>().eq_ignore_ascii_case(&crate::schema::status_name(&e.status)) {
            return;
        }
        let named = match glued_label(t) {
            Some(("Schema" | "Type" | "Model", value)) => value,
            _ => t,
        };
        let model = reference_name(t)
            .map(|n| TypeWords::new(crate::schema::Type::reference(n), t))
            .or_else(|| type_words(named, true).filter(|ty| ty.ty.ref_name().is_some() && named.split_whitespace().count() <= 3 && !named.ends_with('.')));
        match model {
            Some(ty) if e.fields.is_empty() && e.statement.is_none() => e.statement = Some(ty),
            Some(_) => {}
            None if e.description.is_none() && t.split_whitespace().count() >= 2 => e.description = Some(t.to_string()),
            None => {}
        }
    }

    /// Nothing read yet under the current response or body heading.
    fn section_is_empty(&self) -> bool {
        match self.target {
            Target::Response => self.doc.response.is_empty(),
            Target::Body => self.doc.body.is_empty(),
            _ => false,
        }
    }

    fn start(&mut self, f: FieldDoc) {
        self.flush();
        self.awaiting = None;
        self.pending = Some((self.target, f));
    }

    fn flush(&mut self) {
        if let Some((target, f)) = self.pending.take() {
            self.push(target, f);
        }
    }

    /// A section or structure ends every open nesting.
    fn close_parents(&mut self) {
        self.flush();
        while let Some((target, parent)) = self.parents.pop() {
            self.push(target, parent);
        }
    }

    /// A top-level table row. Widdershins documents an array or referenced schema as an
    /// `anonymous` row with the fields under it: those are the fields.
    fn push_top(&mut self, mut f: FieldDoc) {
        if f.name == "anonymous" && !f.children.is_empty() {
            if self.target == Target::Response && f.ty.as_ref().is_some_and(|t| matches!(t.ty, crate::schema::Type::Array { .. })) {
                self.doc.response_array = true;
            }
            for c in std::mem::take(&mut f.children) {
                self.push(self.target, c);
            }
            return;
        }
        self.push(self.target, f);
    }

    fn push(&mut self, target: Target, f: FieldDoc) {
        super::trace!("push {} {target:?} parents={} in_body={:?} in_response={}", f.name, self.parents.len(), f.in_body, f.in_response);
        if let Some((_, parent)) = self.parents.last_mut() {
            parent.children.push(f);
            return;
        }
        if target == Target::Response && self.response_sampled && f.depth == 0 {
            return;
        }
        let mut f = f;
        if self.unmarked_required && f.required.is_none() && matches!(target, Target::Params(_) | Target::Body) {
            f.required = Some(true);
        }
        // A field that states its place goes there, whatever section it sits in.
        let target = match (target, f.place) {
            (Target::Skip | Target::Unsectioned | Target::Body, Some(p)) => Target::Params(Some(p)),
            // A response's own headers (`ETag | header`) are not its body.
            (Target::Response, Some(_)) => Target::Skip,
            _ => target,
        };
        if f.in_response && !matches!(target, Target::Model(_) | Target::Error(_)) {
            self.doc.response.push(f);
            return;
        }
        // `form` on a response or model field (ServiceStack) says nothing about the request.
        if let Some(kind) = f.in_body.filter(|_| !matches!(target, Target::Response | Target::Model(_) | Target::Error(_))) {
            if let Some(kind) = kind {
                self.doc.body_kind.get_or_insert(kind);
            }
            self.doc.body.push(f);
            return;
        }
        match target {
            Target::Unsectioned => self.doc.unsectioned.push(f),
            Target::Params(p) => self.doc.params.push((p, f)),
            Target::Body => self.doc.body.push(f),
            Target::Response => self.doc.response.push(f),
            Target::Model(i) => {
                if let Some(m) = self.doc.models.get_mut(i) {
                    m.fields.push(f);
                }
            }
            Target::Error(i) => {
                if let Some(e) = self.doc.errors.get_mut(i) {
                    e.fields.push(f);
                }
            }
            Target::Skip => {}
        }
    }

    fn table(&mut self, header: &[crate::parse::blocks::Cell], rows: &[crate::parse::blocks::Row], _line: u32) {
        self.flush();
        self.status_tab = false;
        if let Some(kind) = table_media(rows).filter(|_| rows.len() <= 3) {
            self.doc.body_kind.get_or_insert(kind);
        }
        if self.label_table(header, rows) || self.values_table(header, rows) {
            return;
        }
        // The table under `PetKind Enum:`: names in the first column.
        if let Some(name) = self.enum_of.take() {
            let named = header.first().is_some_and(|h| h.text.trim().eq_ignore_ascii_case("name"));
            let first_cells = rows.iter().filter_map(|r| r.cells.first()).chain(header.first().filter(|_| !named));
            for c in first_cells {
                self.enum_value(&name, c.text.trim());
            }
            return;
        }
        if is_status_table(header, rows) {
            self.status_table(header, rows);
            return;
        }
        // `Code | Description` rows naming fields: a field table.
        if header.first().is_some_and(|h| h.text.trim().eq_ignore_ascii_case("code")) && crate::parse::recognise::table::codes_are_names(rows) {
            let mut named = header.to_vec();
            named[0] = crate::parse::blocks::Cell::plain("Name");
            return self.table(&named, rows, _line);
        }
        if self.target == Target::Skip || !endpoint_rows(header, rows).is_empty() {
            return;
        }
        if self.target == Target::Body && self.body_table(header, rows) {
            return;
        }
        if let Some(cols) = columns(header).map(|c| crate::parse::recognise::table::settle_columns(header, rows, c)) {
            // ServiceStack's response types carry `ResponseStatus`: a table with it is the
            // response's, caption or not.
            let response_dto = rows.iter().any(|r| r.cells.get(cols.name).is_some_and(|c| c.text.trim() == "ResponseStatus"));
            if response_dto && !matches!(self.target, Target::Response | Target::Model(_) | Target::Skip | Target::Error(_)) {
                self.section(Section::Response(None), "Response");
            }
            let place_col = place_column(header, rows, &cols);
            let fields = nest_by_depth(rows.iter().filter_map(|row| row_field(&cols, place_col, row)).collect());
            for f in nest_under_wrapper(fields) {
                self.push_top(f);
            }
            return;
        }
        // No header words: a header row that is data, then data rows.
        let all = std::iter::once((header, rows.first().map_or(0, |r| r.line.saturating_sub(1)))).chain(rows.iter().map(|r| (r.cells.as_slice(), r.line)));
        let fields: Vec<FieldDoc> = all.filter_map(|(cells, line)| headerless_row(cells, line)).collect();
        if fields.len() * 2 > rows.len() {
            for f in fields {
                self.push(self.target, f);
            }
        }
    }

    /// `Parameter | Value` rows under `Enumerated Values`: each row one allowed value of a
    /// field read above.
    fn values_table(&mut self, header: &[crate::parse::blocks::Cell], rows: &[crate::parse::blocks::Row]) -> bool {
        if self.values_for.is_none() || header.len() != 2 || !header[1].text.trim().to_lowercase().starts_with("value") {
            return false;
        }
        for row in rows {
            let [name, value] = row.cells.as_slice() else { continue };
            let (name, value) = (name.text.trim().trim_start_matches(['»', ' ']), value.text.trim());
            if name.is_empty() || value.is_empty() {
                continue;
            }
            self.each_field(&mut |f| {
                if f.name == name && !f.values.iter().any(|v| v.value == value) {
                    f.values.push(crate::schema::EnumValue::new(value));
                }
            });
        }
        true
    }

    /// Under `Definitions`, a model's name on a line of its own, its table soon after;
    /// Microsoft Learn puts `Object` or `Enumeration` and a description between (and keeps
    /// the spec's casing, `systemData`).
    fn definition_name(&mut self, k: usize, end: usize, t: &str, line: u32) -> bool {
        let next = self.units.get(k + 1).and_then(Unit::text).map(str::trim);
        let table_follows = (k + 1..(k + 5).min(end))
            .map(|j| &self.units[j])
            .take_while(|u| matches!(u, Unit::Line { .. } | Unit::Table { .. }))
            .any(|u| matches!(u, Unit::Table { .. }));
        let kind_line = matches!(next, Some("Object" | "Enumeration"));
        let named = if kind_line {
            crate::parse::recognise::field::is_name(t)
        } else {
            crate::parse::vocab::type_words::is_model_name(t) && !next.is_some_and(crate::parse::vocab::type_words::is_model_name)
        };
        if !table_follows || !named {
            return false;
        }
        self.close_parents();
        if next == Some("Enumeration") {
            self.target = Target::Skip;
            self.enum_of = Some(t.to_string());
            return true;
        }
        self.doc.models.push(ModelDoc { name: t.to_string(), line, ..ModelDoc::default() });
        self.target = Target::Model(self.doc.models.len() - 1);
        true
    }

    /// One value of the enumeration `name` (fields of that type get the values when the
    /// operation is assembled).
    fn enum_value(&mut self, name: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        match self.doc.enums.iter_mut().find(|(n, _)| n == name) {
            Some((_, values)) => values.push(value.to_string()),
            None => self.doc.enums.push((name.to_string(), vec![value.to_string()])),
        }
    }

    /// Every field read so far, nested ones too.
    fn each_field(&mut self, visit: &mut dyn FnMut(&mut FieldDoc)) {
        fn walk(fields: &mut [FieldDoc], visit: &mut dyn FnMut(&mut FieldDoc)) {
            for f in fields {
                visit(f);
                walk(&mut f.children, visit);
            }
        }
        let d = &mut self.doc;
        walk(&mut d.unsectioned, visit);
        walk(&mut d.body, visit);
        walk(&mut d.response, visit);
        for (_, f) in &mut d.params {
            visit(f);
        }
        for m in &mut d.models {
            walk(&mut m.fields, visit);
        }
    }

    /// Field lists rendered as tables (Sphinx 1.x): `Parameters:` | one field per line,
    /// `Json Parameters:` | …; a row without a label continues the one above.
    fn label_table(&mut self, header: &[crate::parse::blocks::Cell], rows: &[crate::parse::blocks::Row]) -> bool {
        // Labels end in a colon (`Parameters:`); a `Parameter | Type` header is a field table.
        let label = |cells: &[crate::parse::blocks::Cell]| cells.first().filter(|c| c.text.trim().ends_with(':')).and_then(|c| section_of(&c.text));
        if label(header).is_none() || columns(header).is_some() {
            return false;
        }
        let all = std::iter::once((header, rows.first().map_or(0, |r| r.line.saturating_sub(1)))).chain(rows.iter().map(|r| (r.cells.as_slice(), r.line)));
        for (cells, line) in all {
            if let Some(s) = label(cells) {
                let text = cells[0].text.clone();
                self.section(s, &text);
            }
            for cell in cells.iter().skip(1) {
                for l in cell.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    let f = field_from_lines(l, line)
                        .or_else(|| field_line(l))
                        .or_else(|| (self.target == Target::Params(Some(Place::Header))).then(|| header_line(l, line)).flatten())
                        .or_else(|| described_name(l, " – ", line));
                    if let Some(f) = f {
                        self.push(self.target, f);
                    }
                }
            }
        }
        true
    }

    /// `Code | Description | Schema`: the type of the first success response, and the
    /// documented errors.
    fn status_table(&mut self, header: &[crate::parse::blocks::Cell], rows: &[crate::parse::blocks::Row]) {
        let words: Vec<String> = header.iter().map(|c| c.line().to_lowercase()).collect();
        self.error_rows(&words, rows);
        let success = rows.iter().find(|r| r.cells.first().is_some_and(|c| c.text.trim().starts_with('2')));
        let Some(row) = success else { return };
        if row.cells.first().is_some_and(|c| c.text.trim().starts_with("204")) {
            self.doc.response_empty = true;
            return;
        }
        // An example inside the row (Swagger UI puts the sample value in the description cell).
        if let Some(json) = row.cells.iter().find_map(|c| c.text.find(['{', '[']).and_then(|i| parse_json(&c.text[i..]))) {
            self.doc.response_example.get_or_insert((json, row.line));
        }
        let Some(col) = words.iter().position(|w| SCHEMA_WORDS.contains(&w.as_str())) else { return };
        let cell = row.cells.get(col).map(|c| c.text.clone()).unwrap_or_default();
        if no_schema(&cell) {
            return;
        }
        let (_, shape) = body_shape(&cell);
        match shape {
            Some(Shape::Fields(fields)) if self.doc.response.is_empty() => self.doc.response = fields,
            Some(Shape::Type(t)) => {
                self.doc.response_statement.get_or_insert(t);
            }
            _ => {}
        }
    }

    /// The error rows of a status table: status, description, and the model its schema
    /// column names (`NotFound`, `[Problem](#problem)`) or the fields it lists inline.
    fn error_rows(&mut self, words: &[String], rows: &[crate::parse::blocks::Row]) {
        // Widdershins' `Status | Header | Type` table lists response headers, not bodies.
        if words.iter().any(|w| w == "header") {
            return;
        }
        let schema_col = words.iter().position(|w| SCHEMA_WORDS.contains(&w.as_str()));
        // Widdershins prints the reason phrase under `Meaning`, the docs' words under `Description`.
        let description_col =
            words.iter().position(|w| w.contains("description")).or_else(|| words.iter().position(|w| matches!(w.as_str(), "meaning" | "reason")));
        let cell = |row: &crate::parse::blocks::Row, col: Option<usize>| {
            col.and_then(|c| row.cells.get(c)).map(|c| c.text.trim().to_string()).filter(|t| !t.is_empty())
        };
        for row in rows {
            let Some(status) = row.cells.first().and_then(|c| crate::schema::error_status(&c.text)) else { continue };
            let i = self.error_for(&status, row.line);
            let schema = cell(row, schema_col).filter(|c| !no_schema(c));
            let (_, shape) = schema.map_or((None, None), |c| body_shape(&c));
            let e = &mut self.doc.errors[i];
            if e.description.is_none() {
                e.description = cell(row, description_col);
            }
            match shape {
                Some(Shape::Type(t)) if t.ty.ref_name().is_some() && e.statement.is_none() => e.statement = Some(t),
                Some(Shape::Fields(fields)) if e.fields.is_empty() => e.fields = fields,
                _ => {}
            }
        }
    }

    /// `Required | Schema` tables of a request body (swagger-markdown 2.x).
    fn body_table(&mut self, header: &[crate::parse::blocks::Cell], rows: &[crate::parse::blocks::Row]) -> bool {
        let words: Vec<String> = header.iter().map(|c| c.line().to_lowercase()).collect();
        let Some(col) = words.iter().position(|w| w == "schema") else { return false };
        if words.iter().any(|w| NAME_WORDS.contains(&w.as_str())) {
            return false;
        }
        for row in rows {
            let cell = row.cells.get(col).map(|c| c.text.clone()).unwrap_or_default();
            let (kind, shape) = body_shape(&cell);
            if let Some(k) = kind {
                self.doc.body_kind.get_or_insert(k);
            }
            match shape {
                Some(Shape::Fields(fields)) => self.doc.body.extend(fields),
                Some(Shape::Type(t)) => self.doc.body_statement = Some(t),
                None => {}
            }
        }
        true
    }

    /// A list item: a field (with nested fields or allowed values below it), or a section
    /// label with its fields below (API Blueprint `+ Parameters`).
    fn item(&mut self, item: &ListItem, target: Target) {
        let first = item.inline.text.lines().next().unwrap_or("").trim();
        super::trace!("item {} {first:?} target={target:?}", item.line);
        let more_lines = item.inline.text.lines().skip(1).any(|l| reference_name(l.trim()).is_some());
        let labels_response = matches!(section_of(first), Some(Section::Response(_) | Section::Errors));
        if let Some(s) = section_of(first).filter(|_| !item.children.is_empty() || !item.blocks.is_empty() || more_lines || labels_response) {
            let saved = (self.target, self.doc.sections_seen, self.in_response);
            self.section(s, first);
            self.label = first.to_string();
            let inner = self.target;
            // `+ Response 200` / `[Artifact][]`: lines of the item under its label.
            for l in item.inline.text.lines().skip(1).map(str::trim).filter(|l| !l.is_empty()) {
                self.reference_line(l);
            }
            // The item's own code and tables, and its nested items, in page order.
            let (mut blocks, mut children) = (item.blocks.iter().peekable(), item.children.iter().peekable());
            loop {
                let block_first = match (blocks.peek(), children.peek()) {
                    (Some(b), Some(c)) => b.line() <= c.line,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => break,
                };
                if block_first {
                    self.target = inner;
                    match blocks.next() {
                        Some(crate::parse::blocks::Block::Code { lang, text, line }) => self.code(lang.as_deref(), text, *line),
                        Some(crate::parse::blocks::Block::Table { header, rows, line }) => self.table(header, rows, *line),
                        _ => {}
                    }
                } else if let Some(child) = children.next() {
                    self.item(child, inner);
                }
            }
            self.flush();
            (self.target, self.doc.sections_seen, self.in_response) = saved;
            return;
        }
        // API Blueprint: `+ Model (application/json)` under a resource: the resource's model,
        // its body sample below.
        if (first == "Model" || first.starts_with("Model (")) && !item.blocks.is_empty() || !item.children.is_empty() && first.starts_with("Model (") {
            if let Some(name) = self.resource.clone() {
                let saved = (self.target, self.in_response);
                self.close_parents();
                self.doc.models.push(ModelDoc { name, line: item.line, ..ModelDoc::default() });
                let model = Target::Model(self.doc.models.len() - 1);
                self.target = model;
                for child in &item.children {
                    if child.inline.text.trim() == "Body" {
                        for b in &child.blocks {
                            if let crate::parse::blocks::Block::Code { lang, text, line } = b {
                                self.code(lang.as_deref(), text, *line);
                            }
                        }
                    }
                }
                for b in &item.blocks {
                    if let crate::parse::blocks::Block::Code { lang, text, line } = b {
                        self.code(lang.as_deref(), text, *line);
                    }
                }
                (self.target, self.in_response) = saved;
                return;
            }
        }
        // MSON: `+ Attributes (Loan)` under a request or response: the body is that model.
        if let (Some(Section::Body(_)), Some(ty)) = (section_of(first), parenthesised_model(first)) {
            match self.target {
                Target::Response => {
                    self.doc.response_statement.get_or_insert(ty);
                }
                Target::Body => self.doc.body_statement = Some(ty),
                _ => {}
            }
            return;
        }
        let header_item = || (target == Target::Params(Some(Place::Header))).then(|| header_line(first, item.line)).flatten();
        // `cuisine – filter by cuisine tag` for a name the page's query example shows.
        // …or any name so listed under a parameter, body or response heading (sphinx's
        // `size – The number of results`).
        let sectioned = matches!(target, Target::Params(_) | Target::Body | Target::Response | Target::Model(_));
        // Under a parameter heading, `page: Page number` too (a README's `` `page`: … ``
        // bullets); elsewhere such lines are as often notes as fields.
        // (Not a common word: `Note: …`.)
        let colon_item = || {
            let described = first.split_once(": ").is_some_and(|(_, d)| !d.trim().is_empty());
            let named = |f: &FieldDoc| described && crate::parse::recognise::field::is_name_line(&f.name).is_some();
            matches!(target, Target::Params(_)).then(|| described_name(first, ": ", item.line).filter(named)).flatten()
        };
        let known_item = || described_name(first, " – ", item.line).filter(|f| sectioned || self.known.contains(&f.name)).or_else(colon_item);
        let glued = self.glued_fields;
        let glued_item = || {
            glued_name_type(first, glued).map(|(mut f, rest)| {
                f.line = item.line;
                line_details(rest, &mut f);
                for l in item.inline.text.lines().skip(1) {
                    f.describe(l);
                }
                f
            })
        };
        // A glued item is read by its own rule first (`sitestringRequired`).
        let strict_glued = glued_name_type(first, false).filter(|(f, _)| f.required.is_some()).is_some() || glued && glued_name_type(first, true).is_some();
        let parsed = if strict_glued { glued_item() } else { None };
        let Some(mut f) = parsed.or_else(|| field_from_lines(&item.inline.text, item.line)).or_else(header_item).or_else(known_item).or_else(glued_item) else {
            // `Request (application/json)`, a `Consumes` list of media types.
            if let Some(kind) = crate::media::body_kind_in_text(first).filter(|_| first.split_whitespace().count() <= 4) {
                self.stated_media(kind);
            }
            return;
        };
        for child in &item.children {
            let text = child.inline.text.trim();
            match field_from_lines(text, child.line) {
                Some(c) if !looks_like_value(text) || !child.children.is_empty() => f.children.push(with_children(c, child)),
                _ => {
                    if let Some(v) = crate::parse::vocab::bullets::enum_bullet(text) {
                        f.values.push(v);
                    }
                }
            }
        }
        self.push(target, f);
    }

    fn definitions(&mut self, items: &[Definition]) {
        self.flush();
        for d in items {
            let term = d.term.text.trim();
            if let Some(s) = section_of(term) {
                self.section(s, term);
                // Sphinx renders a single field as the definition's text, not a list.
                for detail in &d.details {
                    if let Some(f) = field_from_lines(&detail.text, d.line) {
                        self.push(self.target, f);
                    }
                }
                continue;
            }
            if endpoint_in_line(term).is_some() {
                for detail in &d.details {
                    self.doc.description.push(detail.text.clone());
                    if let Some(kind) = crate::media::body_kind_in_text(&detail.text).filter(|k| *k != BodyKind::Json) {
                        self.stated_media(kind);
                    }
                }
                continue;
            }
            if self.target == Target::Skip {
                continue;
            }
            let text = std::iter::once(d.term.text.as_str()).chain(d.details.iter().map(|x| x.text.as_str())).collect::<Vec<_>>().join("\n");
            if let Some(mut f) = field_from_lines(&text, d.line) {
                f.line = d.line;
                self.push(self.target, f);
            }
        }
    }

    fn code(&mut self, lang: Option<&str>, text: &str, line: u32) {
        self.flush();
        // A sample escaped twice by its page (`{ &quot;code&quot;: 200 }` after decoding).
        let unescaped;
        let text = if text.contains("&quot;") && !text.contains('"') {
            unescaped = crate::parse::text::decode_entities(text);
            unescaped.as_str()
        } else {
            text
        };
        // JSON Schema a page script renders: a model definition, or the schema of the
        // body or response being read.
        if let Some(kind) = lang.filter(|l| *l == "schema" || l.starts_with("schema:")) {
            let Some(schema) = parse_json(text) else { return };
            let (fields, array) = crate::parse::recognise::json_schema::schema_fields(&schema, line);
            match kind.strip_prefix("schema:") {
                // `{"type": "string", "enum": [...]}`: an enumeration, not a model.
                Some(name) if fields.is_empty() && crate::parse::recognise::json_schema::enum_values(&schema).is_some() => {
                    let values = crate::parse::recognise::json_schema::enum_values(&schema).unwrap_or_default();
                    self.doc.enums.push((name.to_string(), values));
                }
                Some(name) => {
                    let union_of = crate::parse::recognise::json_schema::union_members(&schema);
                    self.doc.models.push(ModelDoc { name: name.to_string(), line, fields, union_of, ..ModelDoc::default() });
                }
                None if self.target == Target::Response && self.doc.response.is_empty() => {
                    self.doc.response = fields;
                    self.doc.response_array |= array;
                }
                None if self.target == Target::Body => self.doc.body.extend(fields),
                None => {
                    if let Some(e) = self.error_target() {
                        if e.fields.is_empty() {
                            e.fields = fields;
                        }
                    }
                }
            }
            return;
        }
        super::trace!("code-in {line} target={:?} kind={:?}", self.target, self.doc.body_kind);
        if let Some(r) = request_in_code(text) {
            super::trace!("request {line} {:?}", r.kind);
            // The media type a sample request sends beats a table's `form` place word
            // (ServiceStack marks every body property `form`, whatever the format).
            if let Some(kind) = r.kind.filter(|_| !self.media_stated) {
                self.doc.body_kind = Some(kind);
                self.media_stated = true;
            }
            // Hand-written `-d '…'` bodies often lose a closing bracket: the members before it.
            if let Some(body) = r.json_body.as_deref().and_then(crate::parse::recognise::example::parse_truncated) {
                self.doc.request_example.get_or_insert((body, line));
            }
            // A sample right after a request that carries no body (or has its body inline)
            // is the answer to it.
            self.answer_follows = r.json_body.is_some()
                || r.endpoint
                    .as_ref()
                    .is_some_and(|e| matches!(e.method, crate::schema::Method::Get | crate::schema::Method::Delete | crate::schema::Method::Head));
            self.doc.requests.push(r);
            // The answer printed in the same block after a blank line (swagger2markup's
            // example cURL requests).
            let command = text.trim_start().trim_start_matches(['$', '#', ' ']).starts_with("curl");
            let after =
                text.split_once("\n\n{").map(|(_, r)| format!("{{{r}")).or_else(|| text.split_once("\n\n[").map(|(_, r)| format!("[{r}"))).filter(|_| command);
            if let Some(json) = after.as_deref().and_then(crate::parse::recognise::example::parse_truncated) {
                self.doc.response_example.get_or_insert((json, line));
            }
            return;
        }
        // A raw HTTP response: `HTTP/1.1 200 OK`, headers, a blank line, the body.
        if let Some(status) = text.trim_start().strip_prefix("HTTP/").and_then(|r| r.split_whitespace().nth(1)) {
            // The body after a blank line, or from its first brace in a copy that lost it.
            let body =
                text.split_once("\n\n").map(|(_, b)| b).or_else(|| text.find("\n{").or_else(|| text.find("\n[")).map(|at| &text[at + 1..])).unwrap_or("");
            if status.starts_with('2') {
                if let Some(json) = parse_json(body.trim()) {
                    self.doc.response_example.get_or_insert((json, line));
                }
            }
            // `HTTP/1.1 404 Not Found` and its body: that error's sample.
            if let (Some(status), Some(json)) = (crate::schema::error_status(status), parse_json(body.trim())) {
                let i = self.error_for(&status, line);
                self.doc.errors[i].sample.get_or_insert((json, line));
            }
            return;
        }
        // Request headers as a sample (`X-Cancel-Reason: duplicate`): the headers sent.
        if self.target == Target::Params(Some(Place::Header)) && lang.is_none() {
            for (i, l) in text.lines().map(str::trim).enumerate().filter(|(_, l)| !l.is_empty()) {
                if let Some(f) = l.split_once(':').and_then(|(name, _)| header_line(name, line + 1 + i as u32)) {
                    self.push(self.target, f);
                }
            }
            return;
        }
        // A multipart body sample: its parts' names (`Content-Disposition: form-data; name="image"`).
        if self.target == Target::Body && text.contains("Content-Disposition: form-data") {
            let parts: Vec<(String, bool)> =
                text.lines().filter_map(|l| Some((l.split("name=\"").nth(1)?.split('"').next()?.to_string(), l.contains("filename=")))).collect();
            let files = parts.iter().filter(|p| p.1).map(|p| p.0.clone()).collect();
            self.doc.requests.push(Request {
                kind: Some(BodyKind::Multipart),
                form_fields: parts.into_iter().map(|p| p.0).collect(),
                files,
                ..Request::default()
            });
            self.doc.body_kind = Some(BodyKind::Multipart);
            return;
        }
        // A form-encoded request body sample (`a=1&b=two`).
        if self.target == Target::Body && lang.is_none() {
            let t = text.trim();
            if !t.contains(char::is_whitespace) && t.contains('=') && !t.starts_with(['{', '[']) {
                let fields = t
                    .split('&')
                    .filter_map(|kv| kv.split_once('=').map(|(k, _)| k.to_string()))
                    .filter(|k| crate::parse::recognise::field::is_name(k))
                    .collect();
                self.doc.requests.push(Request { kind: Some(BodyKind::Form), form_fields: fields, ..Request::default() });
                self.doc.body_kind.get_or_insert(BodyKind::Form);
                return;
            }
        }
        let json_like = lang.is_none_or(|l| l.eq_ignore_ascii_case("json") || l.is_empty() || l == "javascript" || l == "js");
        let json = json_like.then(|| crate::parse::recognise::example::parse_truncated(text)).flatten();
        // An XML sample stands for the same shape (older APIs answer in XML).
        let xml = || lang.is_none_or(|l| l.eq_ignore_ascii_case("xml")).then(|| crate::parse::recognise::xml_sample::parse(text)).flatten();
        let Some(json) = json.or_else(xml) else { return };
        let params = described_params(&json, line);
        if !params.is_empty() {
            for p in params {
                self.push(Target::Params(p.place), p);
            }
            return;
        }
        if std::mem::take(&mut self.body_follows) && matches!(self.target, Target::Unsectioned | Target::Skip) && !self.in_response {
            self.doc.request_example.get_or_insert((json, line));
            return;
        }
        let answer = std::mem::take(&mut self.answer_follows);
        if answer && !self.in_response && matches!(self.target, Target::Unsectioned | Target::Skip) {
            self.doc.response_example.get_or_insert((json, line));
            return;
        }
        let label = self.label.to_lowercase();
        super::trace!("code {line} label={label:?} target={:?} in_response={} rt={:?}", self.target, self.in_response, self.response_target);
        let says_response = ["response", "returns", "return", "output", "result", "above command", "200", "201", "success"].iter().any(|w| label.contains(w));
        let says_request = ["request", "body", "payload", "input"].iter().any(|w| label.contains(w)) && !says_response;
        match self.target {
            Target::Response => {
                self.response_sampled |= !self.doc.response.is_empty() && self.doc.response_example.is_none();
                // A sample under a stated success status beats one under `default` or none.
                if self.response_code.is_some() && !self.example_has_status {
                    self.doc.response_example = None;
                }
                if self.doc.response_example.is_none() {
                    self.example_has_status = self.response_code.is_some();
                    self.doc.response_example = Some((json, line));
                }
            }
            Target::Error(i) => {
                if let Some(e) = self.doc.errors.get_mut(i) {
                    e.sample.get_or_insert((json, line));
                }
            }
            // A model documented by its sample only (API Blueprint's `+ Model`).
            Target::Model(i) => {
                if let (Some(m), Some((fields, _))) = (self.doc.models.get_mut(i), crate::parse::recognise::example::example_fields(&json, line)) {
                    if m.sample.is_empty() {
                        m.sample = fields;
                    }
                }
            }
            // Under a success response's tabs (`Body` / `Headers (7)` / `json`).
            _ if self.in_response && self.response_target == Target::Response => {
                self.doc.response_example.get_or_insert((json, line));
            }
            // A sample under documented body fields that hardly shares their names is the
            // answer whose tab the copy lost (GitBook: the `200` tab's JSON after the body).
            Target::Body if !self.doc.body.is_empty() && !shares_names(&json, &self.doc.body) && !label.contains("example") && !label.contains("sample") => {
                self.doc.response_example.get_or_insert((json, line));
            }
            Target::Body => {
                self.doc.request_example.get_or_insert((json, line));
            }
            _ if says_response => {
                self.doc.response_example.get_or_insert((json, line));
            }
            // Swagger UI's `Example Value` of a body parameter, under `Parameters`.
            _ if says_request || matches!(self.target, Target::Params(_)) => {
                self.doc.request_example.get_or_insert((json, line));
            }
            _ => {}
        }
    }
}

/// A schema cell that names no type. Widdershins: `Inline` (the schema follows below),
/// `None` (no body).
fn no_schema(cell: &str) -> bool {
    matches!(cell.trim().to_lowercase().as_str(), "inline" | "none" | "n/a" | "-" | "–")
}

/// Header words of a status table's column naming the body's type.
const SCHEMA_WORDS: &[&str] = &["schema", "type", "model", "response type", "return type", "body"];

/// Header words of name columns (a table with one is a field table, not a schema table).
const NAME_WORDS: &[&str] = &["name", "parameter", "field", "property", "attribute"];

/// What a schema cell describes: a type, or inline fields.
enum Shape {
    Type(TypeWords),
    Fields(Vec<FieldDoc>),
}

/// A schema cell: `application/json: [ [Station](#station) ]`, `{ "observedAt": dateTime,
/// "levelCm": number }`, `Pet`; the first media type it names, if any.
fn body_shape(cell: &str) -> (Option<BodyKind>, Option<Shape>) {
    let first = cell.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let kind = crate::media::body_kind_in_text(first);
    // `application/json: …` — the shape is after the media type.
    let rest = match first.split_once(": ") {
        Some((media, rest)) if media.contains('/') => rest.trim(),
        _ => first,
    };
    if let Some(inner) = rest.strip_prefix('{').and_then(|r| r.trim_end().strip_suffix('}')) {
        let fields: Vec<FieldDoc> = split_top_level(inner)
            .into_iter()
            .filter_map(|member| {
                let (name, ty) = member.split_once(':')?;
                let name = name.trim().trim_matches(['"', '*', '`', ' ']);
                crate::parse::recognise::field::is_name(name).then(|| {
                    let mut f = FieldDoc::named(name, 0);
                    f.ty = type_words(ty.trim(), true);
                    f
                })
            })
            .collect();
        return (kind, (!fields.is_empty()).then_some(Shape::Fields(fields)));
    }
    (kind, type_words(rest.trim_end_matches(['<', ',']), true).map(Shape::Type))
}

/// `a: x, b: { c: y }, d: z` → the three members, commas inside brackets kept.
fn split_top_level(s: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' | '[' | '(' | '<' => depth += 1,
            '}' | ']' | ')' | '>' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out
}

/// `[Artifact][]` → `Artifact`.
fn reference_name(t: &str) -> Option<&str> {
    t.strip_prefix('[').and_then(|r| r.strip_suffix("][]")).filter(|n| crate::parse::vocab::type_words::is_model_name(n))
}

/// `Attributes (Loan)`, `Attributes (array[Loan])`: the model type in the parentheses.
fn parenthesised_model(text: &str) -> Option<TypeWords> {
    let inner = text.split_once('(')?.1.strip_suffix(')')?;
    type_words(inner.trim(), true).filter(|t| t.ty.ref_name().is_some())
}

/// A model heading's name: `Station Schema`, `The Pet object`, `Order model` → `Station`,
/// `Pet`, `Order`.
/// `Root Schema : Error` → (true, `Error`); `Nested Schema : Http-method` → (false, …).
fn schema_caption(t: &str) -> Option<(bool, &str)> {
    let (head, name) = t.split_once(" : ")?;
    let root = match head {
        "Root Schema" => true,
        "Nested Schema" => false,
        _ => return None,
    };
    let name = name.trim();
    (!name.is_empty() && !name.contains(' ')).then_some((root, name))
}

fn model_name(text: &str) -> String {
    let title = super::segment::clean_title(text);
    let mut t = title.trim_end_matches(" - Up").trim_end_matches(" Up");
    // MSON: `Loan (object)`, `Fine (Money)` — the name, then its base type.
    if let Some((name, _)) = t.split_once(" (").filter(|(_, rest)| rest.ends_with(')')) {
        t = name;
    }
    for suffix in [" Schema", " schema", " Model", " model", " object", " Object", " Data Structure"] {
        t = t.strip_suffix(suffix).unwrap_or(t);
    }
    let t = t.strip_prefix("The ").unwrap_or(t).trim();
    // An identifier is the model's own name, whatever its case (`updatePlant_request`).
    let identifier = t.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if identifier { t.to_string() } else { heck::ToUpperCamelCase::to_upper_camel_case(t) }
}

/// The names the segment's endpoint and sample requests show: query keys, placeholders,
/// form fields (`--data-urlencode 'grant_type=…'`), custom headers.
fn known_names(units: &[Unit<'_>], seg: &Segment) -> Vec<String> {
    let mut known: Vec<String> =
        seg.anchor.as_ref().map(|a| a.endpoint.query.iter().cloned().chain(crate::schema::path_placeholders(&a.endpoint.path)).collect()).unwrap_or_default();
    for u in &units[seg.start..seg.end] {
        // `Optional query string: ?cuisine=tacos&open_now=true`.
        if let Unit::Line { text, .. } = u {
            if let Some(q) = text.split_whitespace().find_map(|w| w.strip_prefix('?')).filter(|q| q.contains('=')) {
                known.extend(
                    q.split('&').filter_map(|kv| kv.split_once('=').map(|(k, _)| k.to_string())).filter(|k| crate::parse::recognise::field::is_name(k)),
                );
            }
        }
        if let Unit::Code { text, .. } = u {
            if let Some(r) = request_in_code(text) {
                known.extend(r.form_fields);
                known.extend(r.headers);
                if let Some(e) = r.endpoint {
                    known.extend(e.query);
                }
            }
        }
    }
    known
}

/// `Default:`, `Allowed values:`, `Example:` alone: the value follows on the next lines.
fn label_alone(t: &str) -> Option<Awaiting> {
    let l = t.trim().trim_end_matches(':').trim().to_lowercase();
    // Most renderers print the colon; Scalar prints `Example` and `default` bare, Fumadocs
    // `Format`, `Value in`, `Maximum length`.
    let bare = matches!(l.as_str(), "example" | "examples" | "default" | "example value")
        || t.starts_with(|c: char| c.is_ascii_uppercase())
            && matches!(l.as_str(), "format" | "value in" | "maximum length" | "minimum length" | "maximum" | "minimum" | "pattern");
    if !t.trim().ends_with(':') && !bare {
        return None;
    }
    Some(match l.as_str() {
        "default" | "default value" | "defaults to" => Awaiting::Default,
        "allowed values" | "possible values" | "enum" | "values" | "allowed" | "available options" | "enum values" | "one of" | "value in" => Awaiting::Values,
        "example" | "examples" | "example value" => Awaiting::Example,
        "min" | "minimum" => Awaiting::Bound(">="),
        "max" | "maximum" => Awaiting::Bound("<="),
        "format" => Awaiting::Format,
        "min length" | "minlength" | "minimum length" => Awaiting::Bound("min length"),
        "max length" | "maxlength" | "maximum length" => Awaiting::Bound("max length"),
        "pattern" => Awaiting::Bound("pattern"),
        _ => return None,
    })
}

/// The text of a list whose items are the members of a JSON sample (`"id": 1,`), put back
/// together, if it parses.
fn list_as_json(items: &[ListItem]) -> Option<String> {
    let members = items.iter().filter(|i| i.inline.text.trim_start().starts_with('"') && i.inline.text.contains("\":")).count();
    if members * 2 < items.len() || members == 0 {
        return None;
    }
    // Redoc's expanded samples (`-   "sets": [` … `],`): an item's closing bracket is part
    // of its own text, after its children; the outer braces are paragraphs around the list.
    fn nested(item: &ListItem, out: &mut Vec<String>) {
        let (head, tail) = item.inline.text.split_once('\n').unwrap_or((&item.inline.text, ""));
        out.push(head.to_string());
        for child in &item.children {
            nested(child, out);
        }
        out.extend((!tail.trim().is_empty()).then(|| tail.to_string()));
    }
    let mut lines = Vec::new();
    for item in items {
        nested(item, &mut lines);
    }
    let members = lines.join("\n");
    let wrapped = format!("{{{}}}", members.trim().trim_end_matches(','));
    if parse_json(&wrapped).is_some() {
        return Some(wrapped);
    }
    let all: String = crate::parse::blocks::flatten(items).iter().map(|i| i.text.as_str()).collect::<Vec<_>>().join("\n");
    let start = all.find(['{', '['])?;
    let end = all.rfind(['}', ']'])?;
    let text = all.get(start..=end)?.to_string();
    parse_json(&text).map(|_| text)
}

/// Under a header heading, `If-Match – ETag of the record` / `X-Trace-Id: id of the trace`:
/// a header (headers are text).
fn header_line(text: &str, line: u32) -> Option<FieldDoc> {
    let (name, desc) = text.split_once(" – ").or_else(|| text.split_once(" - ")).or_else(|| text.split_once(": ")).unwrap_or((text, ""));
    let name = name.trim();
    let header_shaped = name.split('-').all(|p| p.starts_with(|c: char| c.is_ascii_uppercase()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !header_shaped || name.is_empty() {
        return None;
    }
    let mut f = FieldDoc::named(name, line);
    f.ty = type_words("string", false);
    f.describe(desc);
    Some(f)
}

/// `query True`, `path`: a row's place and required flag on a line of their own (Microsoft
/// Learn copied without tabs).
fn place_line(t: &str) -> Option<(Place, Option<bool>)> {
    let (word, flag) = t.split_once(' ').unwrap_or((t, ""));
    let required = match flag {
        "" => None,
        "True" | "true" => Some(true),
        "False" | "false" => Some(false),
        _ => return None,
    };
    match crate::parse::recognise::table::place_word(word) {
        Some(crate::parse::recognise::table::InCell::Place(p)) if word.chars().all(|c| c.is_ascii_lowercase()) => Some((p, required)),
        _ => None,
    }
}

/// Whether at least half of a sample's top-level keys are documented fields.
fn shares_names(sample: &Json, fields: &[FieldDoc]) -> bool {
    let object = match sample {
        Json::Array(items) => items.first(),
        other => Some(other),
    };
    let Some(Json::Object(members)) = object else { return true };
    let known = members.iter().filter(|(k, _)| fields.iter().any(|f| f.name == *k)).count();
    members.is_empty() || known * 2 >= members.len()
}

/// `a(optional): x.b(required): y` → `a(optional): x.`, `b(required): y`: the items of a
/// list glued into one line, split before each name that carries a badge.
fn glued_items(t: &str) -> Vec<&str> {
    let mut starts: Vec<usize> = Vec::new();
    for marker in ["(optional):", "(required):", " (optional):", " (required):"] {
        for (at, _) in t.match_indices(marker) {
            // (A full stop glued to the name ends the sentence before it.)
            let name_start = t[..at]
                .char_indices()
                .rev()
                .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '-' | '[' | ']')))
                .map_or(0, |(i, c)| i + c.len_utf8());
            if name_start < at {
                starts.push(name_start);
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    if starts.len() < 2 {
        return vec![t];
    }
    let mut out = Vec::new();
    if starts[0] > 0 {
        out.push(t[..starts[0]].trim());
    }
    for (i, &s) in starts.iter().enumerate() {
        out.push(t[s..starts.get(i + 1).copied().unwrap_or(t.len())].trim());
    }
    out
}

/// `YOUR_BRAND_URLAuth-KeystringRequiredExample:` → (`YOUR_BRAND_URL`, the glued field):
/// an example value in capitals or digits with the next field glued on, split where the
/// case turns. (A lower-case value glued to a lower-case name cannot be split.)
fn value_then_field(t: &str, header: bool) -> Option<(&str, &str)> {
    let b = t.as_bytes();
    (1..b.len().saturating_sub(1))
        .filter(|&i| {
            // The value: capitals, digits and separators (`YOUR_KEY`, `REQ-12345`, `B-07`, `72`).
            let caps_run = b[..i].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'_' | b'-' | b'.')) && i >= 2;
            caps_run
                && (b[i].is_ascii_uppercase() && (b[i + 1].is_ascii_lowercase() || b[i + 1] == b'-' && b.get(i + 2).is_some_and(u8::is_ascii_uppercase))
                    || b[i].is_ascii_lowercase() && (b[i - 1].is_ascii_uppercase() || b[i - 1].is_ascii_digit()))
        })
        .map(|i| t.split_at(i))
        .filter(|(_, rest)| {
            let rest = rest.strip_suffix("Example:").unwrap_or(rest);
            glued_name_type(rest, false).is_some_and(|(f, _)| f.required.is_some())
        })
        // `URL|Auth-Key` and `URLA|uth-Key` both read: headers are capitalised, other
        // names start lower case (`EXAMPLE|name`).
        .min_by_key(|(_, rest)| rest.starts_with(|c: char| c.is_ascii_uppercase()) != header)
}

/// `YOUR_AUTH_KEYBody` → (`YOUR_AUTH_KEY`, `Body`): a placeholder in capitals or a media
/// type, a section word glued after it.
fn glued_section(t: &str) -> Option<(&str, &str, Section)> {
    if t.contains(' ') || section_of(t).is_some() {
        return None;
    }
    let at = t.char_indices().filter(|(i, c)| *i > 0 && c.is_ascii_uppercase()).map(|(i, _)| i).find(|&i| {
        let tail = &t[i..];
        tail.chars().skip(1).all(|c| c.is_ascii_lowercase()) && tail.len() >= 4
    })?;
    let (head, tail) = t.split_at(at);
    let placeholder =
        head.len() >= 3 && head.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') && head.chars().any(|c| c.is_ascii_uppercase());
    let media = head.contains('/') && crate::media::body_kind_in_text(head).is_some();
    let s = section_of(tail).filter(|_| placeholder || media)?;
    Some((head, tail, s))
}

/// OpenStack's parameter tables list a body wrapper (`server | body | object`) and then its
/// members, flat: when every row is in the body and the first is an object or a list, the
/// rest are its members.
fn nest_under_wrapper(mut fields: Vec<FieldDoc>) -> Vec<FieldDoc> {
    let body_rows: Vec<&FieldDoc> = fields.iter().filter(|f| f.in_body.is_some()).collect();
    let wrapper = body_rows.first().is_some_and(|f| {
        f.children.is_empty()
            && f.ty.as_ref().is_some_and(|t| matches!(t.ty, crate::schema::Type::Any | crate::schema::Type::Array { .. }) && t.ty.ref_name().is_none())
    });
    if !wrapper || body_rows.len() < 2 || fields.iter().any(|f| f.depth > 0) {
        return fields;
    }
    let Some(first) = fields.iter().position(|f| f.in_body.is_some()) else { return fields };
    let members: Vec<FieldDoc> = fields.drain(first + 1..).collect();
    let (mut inside, outside): (Vec<FieldDoc>, Vec<FieldDoc>) = members.into_iter().partition(|f| f.in_body.is_some());
    // Members named from the wrapper (`route.stops`): relative to it now.
    let prefix = format!("{}.", fields[first].name);
    for m in &mut inside {
        if let Some(rest) = m.name.strip_prefix(&prefix) {
            m.name = rest.to_string();
        }
    }
    fields[first].children = inside;
    fields.extend(outside);
    fields
}

/// `name – description` (Sphinx field items without a type).
/// `size – The number of results`, `page: Page number`: a name, the separator, a
/// description.
fn described_name(text: &str, separator: &str, line: u32) -> Option<FieldDoc> {
    let (name, desc) = text.split_once(separator)?;
    let name = name.trim();
    crate::parse::recognise::field::is_name(name).then(|| {
        let mut f = FieldDoc::named(name, line);
        f.describe(desc);
        f
    })
}

/// `Integer Days between waterings.`, `Date format: date-time`: a capitalised scalar type
/// word starting the line, a description or format after it (not `List lift passes`).
fn type_then_prose(t: &str) -> Option<(TypeWords, String)> {
    let first = t.split_whitespace().next()?;
    let scalar = first.starts_with(|c: char| c.is_ascii_uppercase())
        && type_words(first, false).is_some_and(|ty| {
            ty.named == 0 && !ty.loose && !matches!(ty.ty, crate::schema::Type::Array { .. } | crate::schema::Type::Map { .. } | crate::schema::Type::Any)
        });
    let (ty, rest) = leading_type(t)?;
    (scalar && !rest.is_empty()).then_some((ty, rest))
}

/// A line whose link points at a model anchor in the page (`Address` → `#Address`): the
/// linked word is a type name, written as a model type (`object (Address)`) so the
/// recognisers read it as one.
fn linked(text: &str, link: Option<&str>) -> String {
    let Some(anchor) = link.and_then(|l| l.strip_prefix('#')) else { return text.to_string() };
    let anchor = crate::parse::text::percent_decode(anchor);
    let is_type_name = anchor.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !anchor.is_empty() && anchor.chars().any(|c| c.is_ascii_uppercase());
    let words: Vec<&str> = text.split_whitespace().collect();
    // The type follows the name: `PlantCreate PlantCreate (required)`.
    match words.iter().rposition(|w| *w == anchor).filter(|&i| i > 0 || words.len() == 1) {
        Some(i) if is_type_name && crate::parse::vocab::type_words::type_words(&anchor, false).is_none() => {
            let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            out[i] = format!("object ({anchor})");
            out.join(" ")
        }
        _ => text.to_string(),
    }
}

/// A field from an item's or definition's lines: the first line names it (maybe with a
/// type), later lines add the type, badges, details and description.
pub fn field_from_lines(text: &str, line: u32) -> Option<FieldDoc> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty()).peekable();
    // `Form:` / `Query:` on a line of its own before the name (openapi-generator dynamic-html).
    let place = lines.peek().and_then(|l| l.strip_suffix(':')).and_then(crate::parse::recognise::table::place_word);
    if place.is_some() {
        lines.next();
    }
    let first = lines.next()?;
    let mut f = match field_line(first) {
        Some(f) => f,
        None => {
            let (name, required) = is_name_line(first)?;
            let mut f = FieldDoc::named(&name, line);
            f.required = required;
            f
        }
    };
    f.line = line;
    match place {
        Some(crate::parse::recognise::table::InCell::Place(p)) => f.place = Some(p),
        Some(crate::parse::recognise::table::InCell::Body(kind)) => f.in_body = Some(kind),
        None => {}
    }
    let rest: Vec<&str> = lines.collect();
    let mut understood = f.ty.is_some() || f.required.is_some() || place.is_some();
    for l in rest {
        if let Some(d) = detail_line(l) {
            f.apply(d);
            understood = true;
        } else if let Some(t) = type_line(l, &f).filter(|_| f.ty.is_none()) {
            f.apply(Detail::Type(t));
            line_details(l, &mut f);
            understood = true;
        } else {
            f.describe(l);
        }
    }
    understood.then_some(f)
}

/// Sentry's copied field lines: `(string)REQUIREDThe ID of the team.`,
/// `(array(string))Sensor types installed.` — the type in parentheses, a glued badge, the
/// description.
fn paren_type_line(t: &str) -> Option<(TypeWords, Option<bool>, &str)> {
    let (inside, rest) = crate::parse::text::split_balanced(t.strip_prefix('(')?, '(', ')')?;
    let ty = type_words(inside.trim(), false)?;
    let rest = rest.trim_start();
    for (badge, required) in [("REQUIRED", true), ("OPTIONAL", false), ("Required", true), ("Optional", false)] {
        if let Some(r) = rest.strip_prefix(badge) {
            return Some((ty, Some(required), r.trim_start()));
        }
    }
    Some((ty, None, rest))
}

/// A description that ends by announcing its values on the next lines (`Valid values are`).
fn ends_with_values_label(text: &str) -> bool {
    let l = text.trim().trim_end_matches(':').to_ascii_lowercase();
    ["values are", "one of", "valid values", "allowed values", "possible values", "must be one of", "can be one of"].iter().any(|e| l.ends_with(e))
}

/// One value of a list printed over lines: `"gps"`, `,"thermistor"`, `, and"webcam"`.
fn value_token(t: &str) -> Option<&str> {
    let t = t.trim().trim_start_matches([',', ' ']);
    let t = t.strip_prefix("and").or_else(|| t.strip_prefix("or")).map_or(t, str::trim_start);
    let v = t.trim_matches(['"', '`', '\'', ',', '.', ' ']);
    (t.starts_with(['"', '`', '\'']) && !v.is_empty() && !v.contains(' ')).then_some(v)
}

/// The badges and details beside the type on a type line: `integer · min: 1 · optional`,
/// `string · date`, `string required`.
fn line_details(t: &str, f: &mut FieldDoc) {
    let parts: Vec<&str> = t.split('·').map(str::trim).collect();
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            // `string format: date-time`: a labelled detail after the type.
            if let Some(d) = leading_type(part).and_then(|(_, rest)| detail_line(&rest)) {
                f.apply(d);
                continue;
            }
            // `string required`: badges after the type word.
            for w in part.split_whitespace().skip(1) {
                if let Some(d) = badge(w) {
                    f.apply(d);
                }
            }
            continue;
        }
        if let Some(d) = badge(part).or_else(|| detail_line(part)).or_else(|| crate::parse::recognise::field::format_type(part).map(Detail::Type)) {
            f.apply(d);
        }
    }
}

/// A line that is a type, maybe with badges around it (`string <uuid> required`,
/// `integer · min: 1 · optional`, `stringrequired`).
fn type_line(t: &str, f: &FieldDoc) -> Option<TypeWords> {
    // `Type:string`, `Typestring` (a label glued to the value).
    let t = match glued_label(t) {
        Some(("Type", value)) => value,
        _ => t,
    };
    // A bare capitalised word on its own line is more often a heading than a model name;
    // model types show as `object (Pet)`, `Pet[]`, `Array of Pet`.
    if let Some(ty) = type_words(t, false) {
        return Some(ty);
    }
    // `integer · min: 1 · optional`: the type, then details.
    if let Some((first, _)) = t.split_once('·') {
        if let Some(ty) = type_words(first.trim(), false) {
            return Some(ty);
        }
    }
    // `string format: date-time`, `integer default: 100`: the type, then a labelled detail.
    if let Some((ty, rest)) = leading_type(t).filter(|(ty, rest)| ty.named == 0 && detail_line(rest).is_some()) {
        let _ = rest;
        return Some(ty);
    }
    let words: Vec<&str> = t.split([' ', '·']).filter(|w| !w.is_empty() && badge(w).is_none()).collect();
    if words.len() < t.split([' ', '·']).filter(|w| !w.is_empty()).count() && !words.is_empty() {
        if let Some(ty) = type_words(&words.join(" "), false) {
            return Some(ty);
        }
    }
    // Glued badge: `stringrequired`, `integerOptional`.
    for b in ["required", "Required", "optional", "Optional"] {
        if let Some(base) = t.strip_suffix(b).filter(|s| !s.is_empty() && !s.ends_with(' ')) {
            if let Some(ty) = type_words(base, false) {
                return Some(ty);
            }
        }
    }
    let _ = f;
    None
}

fn with_children(mut f: FieldDoc, item: &ListItem) -> FieldDoc {
    for child in &item.children {
        if let Some(c) = field_from_lines(&child.inline.text, child.line) {
            f.children.push(with_children(c, child));
        }
    }
    f
}

/// `en_US - English`, `asc`, `` `active` ``: an allowed value rather than a field.
fn looks_like_value(text: &str) -> bool {
    let first = text.split([' ', '-', ':']).next().unwrap_or("");
    text.split_whitespace().count() <= 1 || text.contains(" - ") && !first.contains('(') || first.starts_with('`') && first.ends_with('`')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_list_items() {
        let t = "limit(optional): Page size.after(optional): Cursor (next page).ids(required): Comma-separated IDs.";
        assert_eq!(glued_items(t), ["limit(optional): Page size.", "after(optional): Cursor (next page).", "ids(required): Comma-separated IDs."]);
        assert_eq!(glued_items("false(default) — active rows only."), ["false(default) — active rows only."]);
        // Letters outside ASCII before a marker: no name there, and no split inside them.
        assert_eq!(glued_items("Größe.ab(optional): x.é(required): y"), ["Größe.ab(optional): x.é(required): y"]);
        assert_eq!(glued_items("Größe ab(optional): x. cd(required): y"), ["Größe", "ab(optional): x.", "cd(required): y"]);
    }

    #[test]
    fn values_and_sections_glued_by_a_copy() {
        assert_eq!(value_then_field("YOUR_BRAND_URLAuth-KeystringRequiredExample:", true).map(|(_, f)| f), Some("Auth-KeystringRequiredExample:"));
        assert_eq!(value_then_field("REQ-12345Content-TypestringRequiredExample:", true).map(|(v, _)| v), Some("REQ-12345"));
        assert_eq!(value_then_field("EXAMPLEnamestring · min: 1RequiredExample:", false).map(|(_, f)| f), Some("namestring · min: 1RequiredExample:"));
        // Lower case glued to lower case: no telling where the value ends.
        assert_eq!(value_then_field("tomatosown_onstring · dateOptional", false), None);
        assert!(matches!(glued_section("application/x-www-form-urlencodedBody"), Some(("application/x-www-form-urlencoded", "Body", Section::Body(_)))));
        assert!(glued_section("requestBody").is_none());
        assert_eq!(place_line("query True"), Some((Place::Query, Some(true))));
        assert_eq!(place_line("Query the database"), None);
    }
}
