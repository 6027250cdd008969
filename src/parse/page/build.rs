//! Turning the parts of one endpoint page into an [`Operation`] plus its models.
//!
//! Shared by the Fern and ReadMe parsers (text and HTML): they differ in how they find the
//! parts, not in what an endpoint page means.

use crate::diag::Diagnostics;
use crate::parse::recognise::endpoint::split_url;
use crate::parse::vocab::field_line::FieldLine;
use crate::parse::vocab::type_words::TypeWords;
use crate::schema::{EnumValue, Field, Location, Method, Model, Operation, Param, ParsedDoc, Permissions, Returns, Source, Type};
use heck::{ToSnakeCase, ToUpperCamelCase};

/// What a page says about the request or response body.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum BodyDoc {
    /// The page has no such section.
    #[default]
    Absent,
    /// Explicitly nothing (`204`, `No Content`, `returns nothing`).
    Empty,
    /// Listed fields; `list` when the page says `a list of objects`.
    Fields { fields: Vec<Field>, list: bool, source: Source },
    /// A non-object body (`a string`, `a list of strings`).
    Type { ty: Type, source: Source },
}

#[derive(Debug, Clone, Default)]
pub(crate) struct EndpointParts {
    pub title: Option<String>,
    pub description: Option<String>,
    pub method: Option<Method>,
    /// As printed: absolute URL or path, `:id` or `{id}` placeholders.
    pub url: Option<String>,
    pub permissions: Option<Permissions>,
    pub path_params: Vec<Field>,
    pub query_params: Vec<Field>,
    pub header_params: Vec<Field>,
    pub request: BodyDoc,
    pub response: BodyDoc,
    /// Documented error responses (inline error models already among the models).
    pub errors: Vec<crate::schema::ErrorDoc>,
}

/// Build the operation. `file` is the path label of the page.
pub(crate) fn build(file: &str, parts: EndpointParts, diags: &mut Diagnostics) -> ParsedDoc {
    let source = Source::new(file, 1);
    let name = operation_name(file, parts.title.as_deref(), diags);
    let pascal = name.to_upper_camel_case();
    let (base_url, path) = match &parts.url {
        Some(url) => {
            let (base, path) = split_url(url);
            (base, Some(path))
        }
        None => (None, None),
    };
    let mut params = Vec::new();
    params.extend(path_params(parts.path_params, path.as_deref(), &source));
    for (fields, location) in [(parts.query_params, Location::Query), (parts.header_params, Location::Header)] {
        params.extend(dedup(fields, diags).into_iter().map(|f| param_from_field(f, location)));
    }
    let mut models = Vec::new();
    if let Some(ty) = body_type(parts.request, &format!("{pascal}Request"), &mut models, diags) {
        params.push(Param::new("body", Location::Body, ty, true, source.clone()));
    }
    let returns = match parts.response {
        BodyDoc::Absent => Returns::Unknown,
        BodyDoc::Empty => Returns::Empty,
        response => match body_type(response, &format!("{pascal}Response"), &mut models, diags) {
            Some(ty) => Returns::Body { ty },
            None => Returns::Unknown,
        },
    };
    let operation = Operation {
        name,
        method: parts.method,
        path,
        summary: parts.title,
        description: parts.description,
        permissions: parts.permissions,
        deprecated: false,
        params,
        body_kind: None,
        content_type: None,
        returns,
        errors: parts.errors,
        accept: None,
        source,
        overlaid: Vec::new(),
        paging: None,
        group: None,
    };
    ParsedDoc { base_url, title: None, models, operations: vec![operation], ..ParsedDoc::default() }
}

/// The body as a type; object bodies become the model `model_name`.
fn body_type(doc: BodyDoc, model_name: &str, models: &mut Vec<Model>, diags: &mut Diagnostics) -> Option<Type> {
    match doc {
        BodyDoc::Absent | BodyDoc::Empty => None,
        BodyDoc::Type { ty, .. } => Some(ty),
        BodyDoc::Fields { fields, list, source } => {
            let fields = dedup(fields, diags);
            models.push(Model { name: model_name.to_string(), description: None, fields, source, undocumented: false });
            let ty = Type::reference(model_name);
            Some(if list { Type::array(ty) } else { ty })
        }
    }
}

/// A line of an errors list: `404 Not Found Error` (Fern), `400` / `400 Bad Request`
/// (ReadMe's responses): the status, then what the page calls it (it shows no body).
pub(crate) fn error_line(line: &str) -> Option<crate::schema::ErrorDoc> {
    let (status, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let status = crate::schema::error_status(status)?;
    let name = name.trim();
    Some(crate::schema::ErrorDoc::new(status, None, (!name.is_empty()).then(|| name.to_string())))
}

/// Documented path parameters, plus any placeholder of the template nobody documented.
fn path_params(fields: Vec<Field>, path: Option<&str>, source: &Source) -> Vec<Param> {
    let mut params: Vec<Param> = fields.into_iter().map(|f| param_from_field(f, Location::Path)).collect();
    for placeholder in path.map(path_placeholders).unwrap_or_default() {
        if !params.iter().any(|p| p.wire_name == placeholder) {
            let mut p = Param::new(placeholder.clone(), Location::Path, Type::string(), true, source.clone());
            p.wire_name = placeholder;
            params.push(p);
        }
    }
    params
}

fn dedup(fields: Vec<Field>, diags: &mut Diagnostics) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::with_capacity(fields.len());
    for f in fields {
        if let Some(first) = out.iter().find(|o| o.name == f.name) {
            diags.warn(
                f.source.clone(),
                format!("field `{}` is listed twice in the same section; kept the first (line {})", f.name, first.source.line),
                Some("check the page: a nested object's properties may have been flattened into the list".to_string()),
            );
            continue;
        }
        out.push(f);
    }
    out
}

pub(crate) fn param_from_field(f: Field, location: Location) -> Param {
    Param {
        name: f.name,
        wire_name: f.wire_name,
        location,
        ty: f.ty,
        // Path parameters are always required, whatever the badge says.
        required: f.required || location == Location::Path,
        description: f.description,
        default: f.default,
        enum_values: f.enum_values,
        constraints: f.constraints,
        source: f.source,
    }
}

/// A schema field from a split Fern field line (text or HTML) and the lines around it.
pub(crate) fn field_from_line(line: FieldLine, description: Option<String>, source: Source, diags: &mut Diagnostics) -> Field {
    if !line.alternatives.is_empty() {
        diags.warn(
            source.clone(),
            format!(
                "field line splits more than one way; read it as `{}` + `{}` (also possible: {})",
                line.name,
                line.ty.spelled,
                line.alternatives.join(", ")
            ),
            Some("check the field name against the API; the saved HTML of the page keeps the separators".to_string()),
        );
    }
    warn_loose(&line.name, &line.ty, &source, diags);
    let mut field = Field::new(line.name.clone(), line.ty.ty.clone(), line.suffixes.required.unwrap_or(false), source.clone());
    field.wire_name = line.name.clone();
    field.nullable = line.ty.nullable;
    field.description = description;
    field.default = line.suffixes.default;
    field.constraints = line.suffixes.constraints;
    // `string` + `format: "uuid"` is the same type as `uuid`; the constraint stays for the docs.
    if let Type::String { format: format @ None } = &mut field.ty {
        *format = field.constraints.iter().find_map(|c| c.strip_prefix("format: \"")?.strip_suffix('"').map(str::to_string));
    }
    let mut values: Vec<String> = line.suffixes.allowed.unwrap_or_default();
    values.extend(line.ty.literal.clone());
    field.enum_values = values.into_iter().map(EnumValue::new).collect();
    field
}

/// Called once a field's `Allowed values:` lines (if any) have been read.
pub(crate) fn warn_enum_without_values(field: &Field, is_enum: bool, diags: &mut Diagnostics) {
    if is_enum && field.enum_values.is_empty() {
        diags.warn(
            field.source.clone(),
            format!("field `{}` is an enum but the page lists no values; typed as string", field.name),
            Some("values the server sends are kept as strings; a saved HTML copy of the page may list them".to_string()),
        );
    }
}

/// The warning for values the page gives no shape for (`object`, `list of objects`, unions).
pub(crate) fn warn_loose(name: &str, ty: &TypeWords, source: &Source, diags: &mut Diagnostics) {
    if !ty.loose {
        return;
    }
    let typed_as = match ty.ty {
        Type::Array { .. } => "list of JSON values",
        Type::Map { .. } => "map of JSON values",
        _ => "JSON value",
    };
    diags.warn(
        source.clone(),
        format!("field `{name}` is documented only as `{}`; typed as {typed_as}", ty.spelled),
        Some(format!("for a typed struct, set `\"<Model>.{name}\" = \"TypeName\"` under [api.types] in docs2rs.toml and document TypeName in an input")),
    );
}

/// snake_case of the file stem, or of the title when the stem is unusable.
pub(crate) fn operation_name(file: &str, title: Option<&str>, diags: &mut Diagnostics) -> String {
    let last = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = last.split('.').next().unwrap_or("");
    for candidate in [Some(stem), title] {
        let snake = candidate.unwrap_or("").to_snake_case();
        if snake.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return snake;
        }
    }
    diags.warn(
        Source::new(file, 1),
        "neither the file name nor the page title gives a usable operation name; called it `unnamed_operation`",
        Some("rename the file after the operation (e.g. `update-user.fern.txt`)".to_string()),
    );
    "unnamed_operation".to_string()
}

pub(crate) use crate::schema::path_placeholders;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lines_give_status_and_name() {
        let e = error_line("404 Not Found Error").unwrap();
        assert_eq!((e.status.as_str(), e.description.as_deref(), e.ty), ("404", Some("Not Found Error"), None));
        assert_eq!(error_line("500").map(|e| e.description), Some(None));
        assert!(error_line("200 OK").is_none());
        assert!(error_line("Language").is_none());
    }

    #[test]
    fn names_from_file_stem_or_title() {
        let mut d = Diagnostics::new();
        assert_eq!(operation_name("seeds/awork/update-user.fern.txt", Some("x"), &mut d), "update_user");
        assert_eq!(operation_name("C:\\docs\\ListTeams.readme.txt", None, &mut d), "list_teams");
        assert_eq!(operation_name("docs/---.txt", Some("Delete a tag"), &mut d), "delete_a_tag");
        assert_eq!(operation_name("", None, &mut d), "unnamed_operation");
        assert_eq!(d.warnings(), 1);
    }
}
