//! Section headings: the words pages use to say what follows (path, query, header or cookie
//! parameters, the request body, the response, errors, examples, page chrome), in any
//! heading level or case, with the common translations of doc-site chrome.
//!
//! A heading is matched after normalising it: lower case, markup, counts (`(3)`), trailing
//! colons and leading numbering removed. A media type in the heading (`Request Body schema:
//! multipart/form-data`) says how the body is encoded.

use crate::schema::BodyKind;

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Path,
    Query,
    Header,
    Cookie,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Parameters; `None` when the heading does not say where (`Parameters`, `Arguments`).
    Params(Option<Place>),
    /// The request body (fields of it follow), with its encoding when the heading says.
    Body(Option<BodyKind>),
    /// A response; the status code when the heading gives one.
    Response(Option<u16>),
    /// Error responses and error-code tables: never fields of the operation.
    Errors,
    /// Where the method and path are stated (`HTTP Request`, `Endpoint`).
    Endpoint,
    /// Models documented on their own (`Schemas`, `Definitions`, `Models`).
    Models,
    /// Enumerated values of fields read above (`Enumerated Values`, `Allowed values`): a
    /// table of name | value pairs.
    Values,
    /// Examples, code samples, authentication, rate limits, SDKs: nothing to read.
    Ignored,
}

/// (phrase, section); a heading matches when its normalised text equals the phrase or
/// starts with it followed by a space or colon.
const PHRASES: &[(&str, Section)] = {
    use Place::*;
    use Section::*;
    &[
        // Parameters by place.
        ("path parameters", Params(Some(Path))),
        ("path params", Params(Some(Path))),
        ("path parameter", Params(Some(Path))),
        ("uri parameters", Params(Some(Path))),
        ("url parameters", Params(Some(Path))),
        ("url params", Params(Some(Path))),
        ("route parameters", Params(Some(Path))),
        ("route params", Params(Some(Path))),
        ("request path parameters", Params(Some(Path))),
        ("resource parameters", Params(Some(Path))),
        ("query parameters", Params(Some(Query))),
        ("query parameter", Params(Some(Query))),
        ("query params", Params(Some(Query))),
        ("query string parameters", Params(Some(Query))),
        ("query string", Params(Some(Query))),
        ("query", Params(Some(Query))),
        ("request query parameters", Params(Some(Query))),
        ("url query parameters", Params(Some(Query))),
        ("header parameters", Params(Some(Header))),
        ("header params", Params(Some(Header))),
        ("headers", Params(Some(Header))),
        ("request headers", Params(Some(Header))),
        ("request header", Params(Some(Header))),
        ("request header parameters", Params(Some(Header))),
        ("http headers", Params(Some(Header))),
        ("cookie parameters", Params(Some(Cookie))),
        ("cookie params", Params(Some(Cookie))),
        ("cookies", Params(Some(Cookie))),
        ("request cookies", Params(Some(Cookie))),
        // Parameters, place unstated.
        ("parameters", Params(None)),
        ("parameter", Params(None)),
        ("params", Params(None)),
        ("arguments", Params(None)),
        ("request parameters", Params(None)),
        ("input parameters", Params(None)),
        ("request arguments", Params(None)),
        ("options", Params(None)),
        // Request body.
        ("request body", Body(None)),
        ("request body parameters", Body(None)),
        ("request body schema", Body(None)),
        ("body parameters", Body(None)),
        ("body parameter", Body(None)),
        ("body params", Body(None)),
        ("body", Body(None)),
        ("request", Body(None)),
        ("request schema", Body(None)),
        ("request fields", Body(None)),
        ("request attributes", Body(None)),
        ("request payload", Body(None)),
        ("payload", Body(None)),
        // README request cards (`**Data constraints**`, `**Data Params**`).
        ("data constraints", Body(None)),
        ("data example", Body(None)),
        ("data params", Body(None)),
        ("data parameters", Body(None)),
        ("request data", Body(None)),
        ("json parameters", Body(Some(BodyKind::Json))),
        ("json body parameters", Body(Some(BodyKind::Json))),
        ("request json object", Body(Some(BodyKind::Json))),
        ("form data", Body(Some(BodyKind::Form))),
        // Postman's glued labels: `Bodyraw (json)`, `Bodyurlencoded`, `Bodyformdata`.
        ("bodyraw", Body(Some(BodyKind::Json))),
        ("body raw", Body(Some(BodyKind::Json))),
        ("bodyurlencoded", Body(Some(BodyKind::Form))),
        ("body urlencoded", Body(Some(BodyKind::Form))),
        ("bodyformdata", Body(Some(BodyKind::Multipart))),
        ("body formdata", Body(Some(BodyKind::Multipart))),
        ("path variables", Params(Some(Path))),
        ("form parameters", Body(Some(BodyKind::Form))),
        ("form params", Body(Some(BodyKind::Form))),
        ("form fields", Body(Some(BodyKind::Form))),
        ("form data parameters", Body(Some(BodyKind::Form))),
        ("multipart form data", Body(Some(BodyKind::Multipart))),
        ("attributes", Body(None)),
        ("fields", Body(None)),
        // Responses.
        ("response", Response(None)),
        ("responses", Response(None)),
        ("response body", Response(None)),
        ("response fields", Response(None)),
        ("response parameters", Response(None)),
        ("response attributes", Response(None)),
        ("response schema", Response(None)),
        ("responseschema", Response(None)),
        ("response properties", Response(None)),
        ("response object", Response(None)),
        ("response json object", Response(None)),
        ("response json array", Response(None)),
        ("response json array of objects", Response(None)),
        ("request json array", Body(Some(BodyKind::Json))),
        ("request json array of objects", Body(Some(BodyKind::Json))),
        ("response elements", Response(None)),
        ("response format", Response(None)),
        ("response information", Response(None)),
        ("response class", Response(None)),
        ("response model", Response(None)),
        ("response body parameters", Response(None)),
        ("returns", Response(None)),
        ("return value", Response(None)),
        ("return values", Response(None)),
        ("return type", Response(None)),
        ("successful response", Response(None)),
        ("success response", Response(None)),
        ("success responses", Response(None)),
        ("output", Response(None)),
        // Errors.
        ("errors", Errors),
        ("error", Errors),
        ("error codes", Errors),
        ("error responses", Errors),
        ("error response", Errors),
        ("http response status codes", Errors),
        ("status codes", Errors),
        ("response codes", Errors),
        ("error handling", Errors),
        ("other status codes", Errors),
        // Endpoint.
        ("http request", Endpoint),
        ("endpoint", Endpoint),
        ("endpoints", Endpoint),
        ("request url", Endpoint),
        ("url", Endpoint),
        ("http method", Endpoint),
        ("method", Endpoint),
        ("resource url", Endpoint),
        ("http", Endpoint),
        ("request line", Endpoint),
        // Models.
        ("schemas", Models),
        ("models", Models),
        ("definitions", Models),
        ("data types", Models),
        ("data models", Models),
        ("data structures", Models),
        ("objects", Models),
        ("types", Models),
        // Values of fields above.
        ("enumerated values", Values),
        ("allowed values", Values),
        ("possible values", Values),
        ("enum values", Values),
        // Nothing to read.
        ("example", Ignored),
        ("examples", Ignored),
        ("example request", Ignored),
        ("example requests", Ignored),
        ("example response", Ignored),
        ("example responses", Ignored),
        ("sample request", Ignored),
        ("sample response", Ignored),
        ("request example", Ignored),
        ("response example", Ignored),
        ("request samples", Ignored),
        ("response samples", Ignored),
        ("request sample", Ignored),
        ("response sample", Ignored),
        ("code samples", Ignored),
        ("code sample", Ignored),
        ("code examples", Ignored),
        ("usage", Ignored),
        ("authentication", Ignored),
        ("requires authentication", Ignored),
        ("authorization", Ignored),
        ("authorizations", Ignored),
        ("auth", Ignored),
        ("security", Ignored),
        ("scopes", Ignored),
        ("required scopes", Ignored),
        ("permissions", Ignored),
        ("rate limit", Ignored),
        ("rate limits", Ignored),
        ("rate limiting", Ignored),
        ("try it", Ignored),
        ("try it out", Ignored),
        ("send api request", Ignored),
        ("send request", Ignored),
        ("test request", Ignored),
        ("playground", Ignored),
        ("api playground", Ignored),
        ("sdk", Ignored),
        ("sdks", Ignored),
        ("notes", Ignored),
        ("see also", Ignored),
        ("webhook payload", Ignored),
        ("response headers", Ignored),
        ("response header", Ignored),
        ("http request headers", Ignored),
        ("http response details", Ignored),
        // German.
        ("pfadparameter", Params(Some(Path))),
        ("abfrageparameter", Params(Some(Query))),
        ("query-parameter", Params(Some(Query))),
        ("header-parameter", Params(Some(Header))),
        ("kopfzeilen", Params(Some(Header))),
        ("anfragetext", Body(None)),
        ("anforderungstext", Body(None)),
        ("anfragekörper", Body(None)),
        ("anfrage", Body(None)),
        ("antwort", Response(None)),
        ("antworten", Response(None)),
        ("rückgabewert", Response(None)),
        ("antwortfelder", Response(None)),
        ("fehler", Errors),
        ("fehlercodes", Errors),
        ("beispiel", Ignored),
        ("beispiele", Ignored),
        ("authentifizierung", Ignored),
        // French.
        ("paramètres de chemin", Params(Some(Path))),
        ("paramètres du chemin", Params(Some(Path))),
        ("paramètres d'url", Params(Some(Path))),
        ("paramètres de requête", Params(Some(Query))),
        ("paramètres de la requête", Params(Some(Query))),
        ("paramètres de query", Params(Some(Query))),
        ("paramètres d'en-tête", Params(Some(Header))),
        ("en-têtes", Params(Some(Header))),
        ("paramètres", Params(None)),
        ("corps de la requête", Body(None)),
        ("corps de requête", Body(None)),
        ("corps", Body(None)),
        ("réponse", Response(None)),
        ("réponses", Response(None)),
        ("erreurs", Errors),
        ("les erreurs", Errors),
        ("exemple de requête", Ignored),
        ("exemple de réponse", Response(None)),
        ("exemple", Ignored),
        ("exemples", Ignored),
        // Spanish and Portuguese.
        ("parámetros de ruta", Params(Some(Path))),
        ("parámetros de la ruta", Params(Some(Path))),
        ("parámetros de consulta", Params(Some(Query))),
        ("parámetros de encabezado", Params(Some(Header))),
        ("encabezados", Params(Some(Header))),
        ("cabeceras", Params(Some(Header))),
        ("formulario", Body(Some(BodyKind::Form))),
        ("parámetros", Params(None)),
        ("cuerpo de la solicitud", Body(None)),
        ("cuerpo de la petición", Body(None)),
        ("cuerpo", Body(None)),
        ("respuesta", Response(None)),
        ("respuestas", Response(None)),
        ("errores", Errors),
        ("ejemplo", Ignored),
        ("parâmetros do corpo", Body(None)),
        ("códigos de status de resposta http", Errors),
        ("exemplos de código", Ignored),
        ("exemplo de solicitação", Ignored),
        ("exemplo de resposta", Response(None)),
        ("esquema de resposta", Response(None)),
        ("parâmetros de caminho", Params(Some(Path))),
        ("parâmetros de rota", Params(Some(Path))),
        ("parâmetros de path", Params(Some(Path))),
        ("parâmetros de consulta", Params(Some(Query))),
        ("parâmetros de query", Params(Some(Query))),
        ("parâmetros de cabeçalho", Params(Some(Header))),
        ("cabeçalhos", Params(Some(Header))),
        ("parâmetros", Params(None)),
        ("corpo da requisição", Body(None)),
        ("corpo da solicitação", Body(None)),
        ("corpo", Body(None)),
        ("resposta", Response(None)),
        ("respostas", Response(None)),
        ("erros", Errors),
        ("exemplo", Ignored),
        // Italian.
        ("parametri di percorso", Params(Some(Path))),
        ("parametri della query", Params(Some(Query))),
        ("parametri di query", Params(Some(Query))),
        ("corpo della richiesta", Body(None)),
        ("risposta", Response(None)),
        ("risposte", Response(None)),
        ("parametri uri", Params(None)),
        ("intestazioni della richiesta", Params(Some(Header))),
        // Indonesian (Microsoft Learn id-id).
        ("parameter uri", Params(None)),
        ("header permintaan", Params(Some(Header))),
        ("isi permintaan", Body(None)),
        ("respons", Response(None)),
        ("contoh", Ignored),
        ("definisi", Models),
        // Dutch and Polish.
        ("uri-parameters", Params(None)),
        ("aanvraagbody", Body(None)),
        ("antwoorden", Response(None)),
        ("parametry identyfikatora uri", Params(None)),
        ("treść żądania", Body(None)),
        ("odpowiedzi", Response(None)),
        // Russian.
        ("параметры пути", Params(Some(Path))),
        ("параметры запроса", Params(Some(Query))),
        ("заголовки", Params(Some(Header))),
        ("параметры текста", Body(None)),
        ("параметры тела запроса", Body(None)),
        ("коды состояния http-ответа", Errors),
        ("примеры кода", Ignored),
        ("ответ", Response(None)),
        ("параметры", Params(None)),
        // Japanese, Chinese, Korean.
        ("本文パラメーター", Body(None)),
        ("本文のパラメーター", Body(None)),
        ("http 応答状態コード", Errors),
        ("応答状態コード", Errors),
        ("要求の例", Ignored),
        ("応答の例", Response(None)),
        ("応答スキーマ", Response(None)),
        ("コード サンプル", Ignored),
        ("コードサンプル", Ignored),
        ("パスパラメータ", Params(Some(Path))),
        ("パスパラメーター", Params(Some(Path))),
        ("クエリパラメータ", Params(Some(Query))),
        ("クエリパラメーター", Params(Some(Query))),
        ("ヘッダーパラメータ", Params(Some(Header))),
        ("リクエストヘッダー", Params(Some(Header))),
        ("ヘッダー", Params(Some(Header))),
        ("パラメータ", Params(None)),
        ("パラメーター", Params(None)),
        ("リクエストパラメータ", Params(None)),
        ("リクエストボディ", Body(None)),
        ("リクエスト本文", Body(None)),
        ("リクエスト", Body(None)),
        ("レスポンス", Response(None)),
        ("レスポンスボディ", Response(None)),
        ("レスポンスフィールド", Response(None)),
        ("応答", Response(None)),
        ("エラー", Errors),
        ("例", Ignored),
        ("リクエスト例", Ignored),
        ("レスポンス例", Ignored),
        ("路径参数", Params(Some(Path))),
        ("查询参数", Params(Some(Query))),
        ("请求头", Params(Some(Header))),
        ("请求参数", Params(None)),
        ("参数", Params(None)),
        ("请求体", Body(None)),
        ("请求body", Body(None)),
        ("响应", Response(None)),
        ("响应参数", Response(None)),
        ("返回参数", Response(None)),
        ("返回值", Response(None)),
        ("返回参数说明", Response(None)),
        ("inputs", Params(None)),
        ("query strings", Params(Some(Query))),
        ("campos en la respuesta", Response(None)),
        ("campos de la respuesta", Response(None)),
        ("champs de la réponse", Response(None)),
        ("felder der antwort", Response(None)),
        ("path参数", Params(Some(Path))),
        ("path参数描述", Params(Some(Path))),
        ("query参数", Params(Some(Query))),
        ("query参数描述", Params(Some(Query))),
        ("header参数", Params(Some(Header))),
        ("请求头域", Params(Some(Header))),
        ("响应头域", Ignored),
        ("响应参数", Response(None)),
        ("返回示例", Response(None)),
        ("返回结果", Response(None)),
        ("响应示例", Response(None)),
        ("请求参数说明", Params(None)),
        ("body参数", Body(None)),
        ("请求示例", Ignored),
        ("错误码", Errors),
        ("示例", Ignored),
        // Traditional Chinese (Microsoft Learn zh-tw).
        ("uri 參數", Params(None)),
        ("參數", Params(None)),
        ("要求本文", Body(None)),
        ("回應", Response(None)),
        ("定義", Models),
        ("範例", Ignored),
        ("uri 参数", Params(None)),
        ("请求正文", Body(None)),
        ("定义", Models),
        // Korean (Microsoft Learn ko-kr and others); `normalise` glues Hangul words.
        ("경로파라미터", Params(Some(Path))),
        ("경로매개변수", Params(Some(Path))),
        ("쿼리파라미터", Params(Some(Query))),
        ("쿼리매개변수", Params(Some(Query))),
        ("요청헤더", Params(Some(Header))),
        ("헤더", Params(Some(Header))),
        ("uri 매개변수", Params(None)),
        ("매개변수", Params(None)),
        ("파라미터", Params(None)),
        ("요청본문", Body(None)),
        ("응답", Response(None)),
        ("응답본문", Response(None)),
        ("정의", Models),
        ("응답예시", Response(None)),
        ("응답예제", Response(None)),
        ("응답형식", Response(None)),
        ("요청예시", Ignored),
        ("요청예제", Ignored),
        ("요청파라미터", Params(None)),
        ("요청헤더", Params(Some(Header))),
        ("경로변수", Params(Some(Path))),
        ("예제", Ignored),
    ]
};

/// Headings longer than this are prose.
const MAX_HEADING: usize = 80;

/// The section a heading (or a short line standing alone) opens.
pub fn section_of(text: &str) -> Option<Section> {
    if text.chars().count() > MAX_HEADING {
        return None;
    }
    let key = normalise(text);
    if key.is_empty() || typed_field(text) {
        return None;
    }
    // `Responses 200 — Response to the login`, `401 – Unauthorized`: the status before a dash.
    let status_key = [" — ", " – "].iter().find_map(|d| key.split_once(d)).map_or(key.as_str(), |(head, _)| head);
    if let Some(code) = status_heading(status_key) {
        return Some(if code < 400 { Section::Response(Some(code)) } else { Section::Errors });
    }
    let media = crate::media::body_kind_in_text(&key);
    // GitHub: `Parameters for "Create a repository"`, `Body parameters`, `Response schema for …`,
    // and its translations (`Parâmetros para "…"`, `"…" のパラメーター`).
    let stem = key.split(" for ").next().unwrap_or(&key).split(" para \"").next().unwrap_or(&key).trim();
    let stem = match stem.rsplit_once("\" の") {
        Some((_, after)) if stem.starts_with('"') => after.trim(),
        _ => stem,
    };
    let found = candidates(stem).filter(|(p, s)| stem == *p || prefix_of(stem, p, *s)).max_by_key(|(p, _)| p.len()).map(|(_, s)| *s);
    match (found, media) {
        (Some(Section::Body(None)), Some(kind)) => Some(Section::Body(Some(kind))),
        (Some(Section::Params(None)), Some(kind)) if kind != BodyKind::Json => Some(Section::Body(Some(kind))),
        (Some(s), _) => Some(s),
        // `application/x-www-form-urlencoded` standing alone under a request heading.
        (None, Some(_)) => None,
        (None, None) => None,
    }
}

/// A caption naming a type and what follows of it: `AddPet Parameters:`, `Pet Properties`
/// (ServiceStack and other DTO pages), or `PetKind Enum:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypedLabel<'a> {
    Fields(&'a str),
    Enum(&'a str),
}

pub fn typed_label(text: &str) -> Option<TypedLabel<'_>> {
    // `Query Parameters`, `Path Parameters` are sections, not types.
    if section_of(text).is_some() {
        return None;
    }
    let t = text.trim().trim_end_matches(':').trim();
    let (name, rest) = t.rsplit_once(' ')?;
    let name = name.trim();
    let typeish = name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.len() <= 80
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '<' | '>' | ',' | '.'));
    // A caption (`AddPet Parameters:`) or a compound type name (`PetKind Enum`), not
    // `More attributes`.
    let compound = name.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2 || name.contains('<');
    if !typeish || !(compound || text.trim().ends_with(':')) {
        return None;
    }
    match rest.to_ascii_lowercase().as_str() {
        "parameters" | "properties" | "fields" | "attributes" | "members" => Some(TypedLabel::Fields(name)),
        "enum" | "enumeration" => Some(TypedLabel::Enum(name)),
        _ => None,
    }
}

/// Headings inside one model's documentation (`Properties`, `Example`) rather than the
/// name of the next model.
pub fn is_model_part(text: &str) -> bool {
    const PARTS: &[&str] = &[
        "properties",
        "fields",
        "attributes",
        "members",
        "schema",
        "json schema",
        "structure",
        "example",
        "examples",
        "json example",
        "xml example",
        "enumerated values",
        "allowed values",
    ];
    PARTS.contains(&normalise(text).as_str())
}

/// The phrases that can start `stem`: those sharing its first three characters (the
/// phrase table is scanned for every line of a page, so it is indexed once).
fn candidates(stem: &str) -> impl Iterator<Item = &'static (&'static str, Section)> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, Vec<usize>>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
        for (i, (p, _)) in PHRASES.iter().enumerate() {
            m.entry(p.chars().take(3).collect()).or_default().push(i);
        }
        m
    });
    let key: String = stem.chars().take(3).collect();
    index.get(&key).into_iter().flatten().map(|&i| &PHRASES[i])
}

/// `query (string)`: a field named like a section, its type in parentheses — unlike
/// `Query (optional)` or `Response (array):`, which head sections in title case.
fn typed_field(text: &str) -> bool {
    let t = text.trim();
    // `query (string)`, and Oracle's `http-methods: array`.
    let Some((name, inner)) = t.split_once(" (").map(|(n, r)| (n, r.strip_suffix(')').unwrap_or(""))).or_else(|| t.split_once(": ")) else {
        return false;
    };
    name.starts_with(|c: char| c.is_ascii_lowercase()) && !name.contains(' ') && super::type_words::type_words(inner, false).is_some()
}

/// A phrase followed by a qualifier: `request body schema: application/json`,
/// `query parameters (optional)`, `responses 200`, `body parameters for "x"` — not prose
/// that starts with the phrase (`request failed with error`, `example: 42`).
fn prefix_of(stem: &str, phrase: &str, section: Section) -> bool {
    let Some(rest) = stem.strip_prefix(phrase) else { return false };
    let rest_trim = rest.trim();
    if rest_trim.is_empty() {
        return true;
    }
    if let Some(value) = rest.strip_prefix(':') {
        let value = value.trim();
        let body_like = matches!(section, Section::Body(_) | Section::Response(_) | Section::Params(_));
        return value.is_empty() || body_like && (crate::media::body_kind_in_text(value).is_some() || value.contains('/') && !value.contains(' '));
    }
    if !rest.starts_with([' ', '(', '-', '–']) {
        return false;
    }
    // `Respuesta para eventos tipo running`, `Response when the job is done`: a response
    // told apart by a condition.
    const CONDITIONS: &[&str] = &[" for ", " when ", " if ", " para ", " cuando ", " pour ", " quand ", " für ", " wenn ", " per "];
    if matches!(section, Section::Response(_)) && CONDITIONS.iter().any(|c| rest.starts_with(c)) && rest.split_whitespace().count() <= 6 {
        return true;
    }
    const QUALIFIERS: &[&str] = &[
        "schema",
        "fields",
        "parameters",
        "params",
        "attributes",
        "properties",
        "body",
        "object",
        "required",
        "optional",
        "data",
        "example",
        "examples",
        "payload",
        "content",
    ];
    rest_trim.starts_with('(')
        || rest_trim.starts_with(['-', '–'])
        || rest_trim.chars().next().is_some_and(|c| c.is_ascii_digit()) && rest_trim.split_whitespace().count() <= 3
        || rest_trim.split_whitespace().all(|w| QUALIFIERS.contains(&w.trim_matches([':', ',', '(', ')'])) || crate::media::body_kind_in_text(w).is_some())
}

/// Lower case, markup and counts removed: `**Query Parameters** (3):` → `query parameters`.
pub fn normalise(text: &str) -> String {
    let mut t: String = text.chars().filter(|c| !matches!(c, '*' | '`' | '#' | '_' | '"' | '“' | '”')).collect::<String>().to_lowercase();
    t = t.replace('\u{a0}', " ");
    // Emoji and symbols before the words (`🧾 Réponse`, `⛔ Les erreurs`).
    let t = t.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '(' | '[' | '"')).to_string();
    let mut t = t.trim().trim_end_matches(['¶', '§']).trim().trim_end_matches([':', '：', '.']).trim().to_string();
    // `(3)`, `(optional)` after the phrase, `1.` / `2.3` numbering before it.
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            let inner = &t[open + 1..t.len() - 1];
            if inner.chars().all(|c| c.is_ascii_digit()) {
                t.truncate(open);
            }
        }
    }
    let t = strip_numbering(&t).to_string();
    // A table caption's number (`表1 Path参数描述`, `Table 2: Query parameters`).
    let t = match t.strip_prefix('表').or_else(|| t.strip_prefix("table ")) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => {
            rest.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches([':', '.', ' ']).to_string()
        }
        _ => t,
    };
    // `パス パラメーター` and `パスパラメーター` are one phrase: no spaces between CJK words.
    let cjk = |c: char| matches!(c as u32, 0x3040..=0x30ff | 0x4e00..=0x9fff | 0xac00..=0xd7af);
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        let glue = i > 0 && words[i - 1].chars().last().is_some_and(cjk) && w.chars().next().is_some_and(cjk);
        if i > 0 && !glue {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// `2. Query parameters`, `3.1. Hold` → the text; `200 OK` keeps its number.
pub fn strip_numbering(t: &str) -> &str {
    let numbering = t.chars().take_while(|c| c.is_ascii_digit() || *c == '.').count();
    if numbering > 0 && t[..numbering].contains('.') && t[numbering..].starts_with(' ') { t[numbering..].trim_start() } else { t }
}

/// `200`, `200 ok`, `201 created`, `http 200`, `status 204`, `response 200 (application/json)`.
/// The error status an `Errors` heading states, and the words after it: `404 Not Found`,
/// `Response 422 — Validation failed`, `Error 4xx` (apiDoc's class). `None` for a heading
/// without one (`Errors`, `Error codes`).
pub fn error_heading(text: &str) -> Option<(String, Option<String>)> {
    let key = normalise(text);
    let status_key = [" — ", " – "].iter().find_map(|d| key.split_once(d)).map_or(key.as_str(), |(head, _)| head);
    if let Some(class) = status_key.strip_prefix("error ").filter(|r| matches!(*r, "4xx" | "5xx")) {
        return Some((class.to_ascii_uppercase(), None));
    }
    let code = status_heading(status_key).filter(|c| *c >= 300)?.to_string();
    let after = text.split_once(code.as_str()).map_or("", |(_, rest)| rest);
    // Without a media type in parentheses (`(application/json)`).
    let after = match after.split_once('(') {
        Some((head, media)) if media.contains('/') => head,
        _ => after,
    };
    let words = after.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '*' | '`' | '#' | '(' | ')'));
    // Bump.sh: `409 application/json`, `404 object`: the body's media type and kind.
    let words = words.split_whitespace().filter(|w| !w.contains('/')).collect::<Vec<_>>().join(" ");
    let words = if matches!(words.as_str(), "object" | "array" | "string") { String::new() } else { words };
    // `Response 404 fields`: words naming the section, not the status.
    let section_words = words.split_whitespace().all(|w| matches!(w.to_lowercase().as_str(), "fields" | "body" | "schema" | "response" | "example"));
    // The reason phrase (`Not Found`) says nothing the status does not.
    let reason = words.split_whitespace().collect::<String>().eq_ignore_ascii_case(&crate::schema::status_name(&code));
    Some((code, (!section_words && !reason).then_some(words)))
}

fn status_heading(key: &str) -> Option<u16> {
    // apiDoc: `Success 200`, `Error 4xx`.
    if let Some(class) = key.strip_prefix("error ").filter(|r| matches!(*r, "4xx" | "5xx")) {
        return Some(if class == "4xx" { 400 } else { 500 });
    }
    let rest = ["success response ", "success ", "http status ", "status code: ", "status code ", "http ", "status: ", "status ", "responses ", "response "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(key);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = &rest[digits.len()..];
    let code: u16 = digits.parse().ok().filter(|c| (100..600).contains(c) && digits.len() == 3)?;
    // `200 OK`, `200: Success`, `201 Created (application/json)`; not `200 requests per minute`.
    let words = after.split_whitespace().count();
    (after.is_empty() || after.starts_with([' ', ':', '(', '-', '–']) && words <= 5 && !after.contains("per ")).then_some(code)
}

#[cfg(test)]
mod tests {

    #[test]
    fn error_headings_give_status_and_words() {
        let cases = [
            ("404 Not Found", Some(("404", None))),
            ("404 No such user", Some(("404", Some("No such user")))),
            ("**Response 422** — Validation failed", Some(("422", Some("Validation failed")))),
            ("409", Some(("409", None))),
            ("Response 404 fields (application/json):", Some(("404", None))),
            ("409 application/json", Some(("409", None))),
            ("404 object", Some(("404", None))),
            ("Error 4xx", Some(("4XX", None))),
            ("Errors", None),
            ("Error codes", None),
            ("200 OK", None),
        ];
        for (text, want) in cases {
            let got = error_heading(text);
            assert_eq!(got.as_ref().map(|(s, d)| (s.as_str(), d.as_deref())), want, "{text:?}");
        }
    }

    use super::*;

    #[test]
    fn headings() {
        let cases = [
            ("Path Parameters", Some(Section::Params(Some(Place::Path)))),
            ("PATH PARAMETERS", Some(Section::Params(Some(Place::Path)))),
            ("**Query Parameters** (3):", Some(Section::Params(Some(Place::Query)))),
            ("Request Path Parameters", Some(Section::Params(Some(Place::Path)))),
            ("Request Query Parameters", Some(Section::Params(Some(Place::Query)))),
            ("URI Parameters", Some(Section::Params(Some(Place::Path)))),
            ("Request Body schema: application/json", Some(Section::Body(Some(BodyKind::Json)))),
            ("Request Body schema: multipart/form-data", Some(Section::Body(Some(BodyKind::Multipart)))),
            ("Body Params", Some(Section::Body(None))),
            ("Form Data", Some(Section::Body(Some(BodyKind::Form)))),
            ("Parameters for \"Create a repository\"", Some(Section::Params(None))),
            ("Responses", Some(Section::Response(None))),
            ("200 OK", Some(Section::Response(Some(200)))),
            ("201: Created", Some(Section::Response(Some(201)))),
            ("404 Not Found", Some(Section::Errors)),
            ("HTTP Request", Some(Section::Endpoint)),
            ("Pfadparameter", Some(Section::Params(Some(Place::Path)))),
            ("Paramètres de requête", Some(Section::Params(Some(Place::Query)))),
            ("リクエストボディ", Some(Section::Body(None))),
            ("Cuerpo de la solicitud", Some(Section::Body(None))),
            ("요청 본문", Some(Section::Body(None))),
            ("URI 매개 변수", Some(Section::Params(None))),
            ("경로 파라미터", Some(Section::Params(Some(Place::Path)))),
            ("Response samples", Some(Section::Ignored)),
            ("2. Query Parameters", Some(Section::Params(Some(Place::Query)))),
            ("Create a pet", None),
            ("query (string)", None),
            ("Responses 200 — Response to the login", Some(Section::Response(Some(200)))),
            ("401 — You are not authorized", Some(Section::Errors)),
            ("Respuesta para eventos tipo running", Some(Section::Response(None))),
            ("Response codes", Some(Section::Errors)),
            ("表1 Path参数描述", Some(Section::Params(Some(Place::Path)))),
            ("http-methods: array", None),
            ("Query (optional)", Some(Section::Params(Some(Place::Query)))),
            ("Parameters are passed as JSON in the body of the request", None),
            ("200 requests per minute", None),
            ("Pets", None),
        ];
        for (text, want) in cases {
            assert_eq!(section_of(text), want, "{text:?}");
        }
    }
}
