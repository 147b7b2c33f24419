//! Structured inputs from the fuzzer's bytes: arbitrary JSON values, form states and option
//! objects. Keys and strings come half from the API's own vocabulary (field names, type values,
//! form-style values), half from the raw bytes, so the rules behind each field are reached.

use arbitrary::{Result, Unstructured};
use jira_integration_payloads::gij::fields::Kind;
use jira_integration_payloads::gij::types::{Credential, IntegrationType};
use jira_integration_payloads::{gij, xray};
use serde_json::{Map, Number, Value};
use std::sync::OnceLock;

/// How deep generated values nest (the JSON-text path refuses more than 128 levels).
const MAX_DEPTH: u32 = 6;
/// Most entries in a generated array or object.
const MAX_ITEMS: usize = 8;

/// Values that forms, options and the rules care about.
const WORDS: &[&str] = &[
    "",
    " ",
    "true",
    "false",
    "on",
    "off",
    "null",
    "0",
    "-1",
    "10000, 10100",
    "10000,,x",
    "add",
    "update",
    "create",
    "details",
    "delete",
    "status",
    "documented",
    "terraform",
    "https://git.example.com",
    " https://gitlab.example.com/ ",
    "http://tfs.example.com:8080/tfs",
    "https://jira.example.com",
    "https://jira.example.com/jira/",
    "https://bücher.example",
    "https://h:99999",
    "ssh://git@host.example.com/r.git",
    "git@github.com:org/repo.git",
    "/srv/git/*",
    "C:\\repos\\*",
    "eu-west-1",
    "all",
    "basic",
    "oauth2",
    "cloud",
    "server",
    "DefaultCollection",
    "[?!archived]",
    "[?starts_with(name, 'svc-')]",
    "value[?!isDisabled]",
    "repositories[?owner.login=='acme']",
    "[?",
    "^v.*",
    "^(Release|release).*",
    "(?<n>a)\\k<n>",
    "[a-",
    "+refs/heads/*:refs/remotes/origin/*",
    "refs/pull/*/head:refs/remotes/origin/pr/*, +refs/tags/*:refs/tags/*",
    "/orgs/acme/repos",
    "/api/v4/groups/acme/projects?include_subgroups=true",
    "/user/repos?per_page=100",
    "prod-jira-cloud",
    "a/b?c#d",
    "bot@example.com",
    "<pat>",
];

/// Keys beyond the field tables: read-only, misspelled, option and response names.
const EXTRA_KEYS: &[&str] = &[
    "id",
    "integrationType",
    "dispalyName",
    "Type",
    "token",
    "apiToken",
    "url",
    "name",
    "user",
    "operation",
    "integrationId",
    "current",
    "baseUrl",
    "connectionName",
    "pathStyle",
    "success",
    "integration",
    "integrations",
    "error",
    "advice",
];

/// Every key the generator may use: both field tables plus [`EXTRA_KEYS`].
pub fn keys() -> &'static [&'static str] {
    static KEYS: OnceLock<Vec<&'static str>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let gij_names = gij::fields::FIELDS.iter().map(|f| f.name);
        let xray_names = xray::FIELDS.iter().map(|f| f.name);
        gij_names
            .chain(xray_names)
            .chain(EXTRA_KEYS.iter().copied())
            .collect()
    })
}

/// Every vocabulary string: [`WORDS`], the type values and the AWS regions.
fn words() -> &'static [&'static str] {
    static ALL: OnceLock<Vec<&'static str>> = OnceLock::new();
    ALL.get_or_init(|| {
        WORDS
            .iter()
            .chain(gij::fields::TYPE_VALUES)
            .chain(gij::fields::AWS_REGIONS.iter().take(3))
            .copied()
            .collect()
    })
}

/// A vocabulary string, sometimes padded with whitespace as a form input leaves it.
pub fn word(u: &mut Unstructured) -> Result<String> {
    let w = *u.choose(words())?;
    Ok(match u.int_in_range(0..=3u8)? {
        0 => format!(" {w} "),
        1 => format!("{w}\n"),
        _ => w.to_string(),
    })
}

/// A string: from the vocabulary or the raw bytes.
pub fn string(u: &mut Unstructured) -> Result<String> {
    if u.arbitrary()? {
        word(u)
    } else {
        Ok(u.arbitrary::<&str>()?.to_string())
    }
}

/// A key: from the vocabulary or (rarely) the raw bytes.
pub fn key(u: &mut Unstructured) -> Result<String> {
    if u.ratio(1, 8)? {
        Ok(u.arbitrary::<&str>()?.to_string())
    } else {
        Ok((*u.choose(keys())?).to_string())
    }
}

/// A scalar JSON value.
pub fn scalar(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=6u8)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(u.int_in_range(-2..=20_000i64)?),
        3 => Value::from(u.arbitrary::<i64>()?),
        4 => Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
        5 => Value::from(u.arbitrary::<u64>()?),
        _ => Value::String(string(u)?),
    })
}

/// Any JSON value, nesting at most [`MAX_DEPTH`] levels below `depth`.
pub fn value(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let compound = depth < MAX_DEPTH && u.ratio(1, 3)?;
    if !compound {
        return scalar(u);
    }
    if u.arbitrary()? {
        let len = u.int_in_range(0..=MAX_ITEMS)?;
        let items = (0..len)
            .map(|_| value(u, depth + 1))
            .collect::<Result<_>>()?;
        Ok(Value::Array(items))
    } else {
        object(u, depth)
    }
}

/// A JSON object whose keys are mostly field names.
pub fn object(u: &mut Unstructured, depth: u32) -> Result<Value> {
    let len = u.int_in_range(0..=MAX_ITEMS)?;
    let mut map = Map::new();
    for _ in 0..len {
        map.insert(key(u)?, value(u, depth + 1)?);
    }
    Ok(Value::Object(map))
}

/// Form state: a flat object of field names to what inputs hold (strings, check-box values,
/// numbers, lists of ids).
pub fn form(u: &mut Unstructured) -> Result<Value> {
    // Half the forms stay close to their starting form, so the builders often get to build.
    let len = if u.arbitrary()? {
        u.int_in_range(0..=2)?
    } else {
        u.int_in_range(0..=MAX_ITEMS + 4)?
    };
    let (mut map, aim) = starting_form(u)?;
    for _ in 0..len {
        // Most entries are fields of the API the form aims at, most of those with a value of
        // the field's kind: without that, nearly every form has an unknown field or a wrong
        // type, and the build-then-validate law is rarely reached.
        let (k, v) = match aim_field(u, aim)? {
            Some((name, kind)) if u.ratio(7, 8)? => {
                let v = if u.ratio(3, 4)? {
                    fitting(u, kind)?
                } else {
                    loose(u)?
                };
                (name.to_string(), v)
            }
            _ => (key(u)?, loose(u)?),
        };
        map.insert(k, v);
    }
    Ok(Value::Object(map))
}

/// What an input may hold for any field: a scalar, a list of ids, mostly a string.
fn loose(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=5u8)? {
        0 => scalar(u)?,
        1 => ids(u)?,
        _ => Value::String(string(u)?),
    })
}

/// A short list of project ids.
fn ids(u: &mut Unstructured) -> Result<Value> {
    let n = u.int_in_range(0..=3usize)?;
    let ids = (0..n)
        .map(|_| Ok(Value::from(u.int_in_range(0..=20_000u32)?)))
        .collect::<Result<_>>()?;
    Ok(Value::Array(ids))
}

/// A value of `kind`, as the API wants it or as a form input leaves it (text, check-box words).
fn fitting(u: &mut Unstructured, kind: Kind) -> Result<Value> {
    Ok(match kind {
        Kind::Boolean if u.arbitrary()? => Value::Bool(u.arbitrary()?),
        Kind::Boolean => Value::from(*u.choose(&["true", "false", "on", "off"])?),
        Kind::Integer { min, max } => {
            let n = u.int_in_range(min..=max)?;
            if u.arbitrary()? {
                Value::from(n)
            } else {
                Value::from(n.to_string())
            }
        }
        Kind::String { .. } => Value::String(word(u)?),
        Kind::Secret => Value::from("tok"),
        Kind::Enum { values } => Value::from(*u.choose(values)?),
        Kind::ProjectIds if u.arbitrary()? => ids(u)?,
        Kind::ProjectIds => Value::from(*u.choose(&["10000", "10000, 10100", ""])?),
    })
}

/// Which API a generated form is for.
#[derive(Clone, Copy)]
enum Aim {
    /// Git Integration for Jira, one integration type.
    Gij(IntegrationType),
    /// JFrog Xray.
    Xray,
    /// Neither: keys from both APIs and beyond.
    Any,
}

/// A field of the API `aim` is for (for a GIJ type, one that applies to it; never `type`).
fn aim_field(u: &mut Unstructured, aim: Aim) -> Result<Option<(&'static str, Kind)>> {
    Ok(match aim {
        Aim::Gij(ty) => {
            let f = u.choose(gij_fields(ty))?;
            Some((f.name, f.kind))
        }
        Aim::Xray => {
            let f = u.choose(xray::FIELDS)?;
            Some((f.name, f.kind))
        }
        Aim::Any => None,
    })
}

/// The GIJ fields that apply to `ty`, `type` left out.
fn gij_fields(ty: IntegrationType) -> &'static [&'static gij::fields::Field] {
    static BY_TYPE: OnceLock<Vec<Vec<&'static gij::fields::Field>>> = OnceLock::new();
    let all = BY_TYPE.get_or_init(|| {
        IntegrationType::ALL
            .iter()
            .map(|&t| {
                gij::fields::FIELDS
                    .iter()
                    .filter(|f| f.applies.contains(t) && f.name != "type")
                    .collect()
            })
            .collect()
    });
    let at = IntegrationType::ALL.iter().position(|&t| t == ty);
    at.and_then(|i| all.get(i)).map_or(&[], Vec::as_slice)
}

/// A form entry: field name and value.
type Entry = (&'static str, &'static str);

/// Most forms start from a plausible one of either API (a type and its usual credentials, or an
/// Xray connection), so that the builders get past the required fields and build requests.
fn starting_form(u: &mut Unstructured) -> Result<(Map<String, Value>, Aim)> {
    let mut map = Map::new();
    let (optional, aim): (&[Entry], Aim) = match u.int_in_range(0..=2u8)? {
        0 => {
            // A type with what its row in the type table asks for: the origin when required,
            // one complete credential set; AWS's region.
            let ty = *u.choose(&IntegrationType::ALL)?;
            let info = ty.info();
            map.insert("type".into(), Value::from(ty.as_str()));
            if info.origin_required || u.arbitrary()? {
                map.insert("origin".into(), Value::from(info.origin_example));
            }
            if ty == IntegrationType::Aws {
                let region = *u.choose(gij::fields::AWS_REGIONS)?;
                map.insert("awsRegion".into(), Value::from(region));
            }
            if !info.credentials.is_empty() {
                for c in *u.choose(info.credentials)? {
                    let value = match c {
                        Credential::UsernameAll => "all",
                        Credential::Username => "user",
                        Credential::Password => "pw",
                        Credential::Pat => "tok",
                    };
                    map.insert(c.field().into(), Value::from(value));
                }
            }
            let optional: &[Entry] = &[
                ("displayName", "Git"),
                ("origin", "https://git.example.com"),
            ];
            (optional, Aim::Gij(ty))
        }
        1 => {
            for (k, v) in [
                ("connection_name", "prod-jira"),
                ("username", "bot@example.com"),
                ("password", "pw"),
                ("jira_server_url", "https://acme.atlassian.net"),
            ] {
                map.insert(k.into(), Value::from(v));
            }
            let optional: &[Entry] = &[("installation_type", "cloud"), ("auth_type", "basic")];
            (optional, Aim::Xray)
        }
        _ => (&[], Aim::Any),
    };
    for (k, v) in optional {
        if u.arbitrary()? {
            map.insert((*k).into(), Value::from(*v));
        }
    }
    Ok((map, aim))
}

/// Credential fields of either API, and the URLs that may carry credentials.
const SECRET_KEYS: &[&str] = &[
    "password",
    "pat",
    "token",
    "githubAppPem",
    "githubAppClientSecret",
    "api_token",
];
const URL_KEYS: &[&str] = &["origin", "jira_server_url", "url"];

/// Puts [`crate::SECRET`] where a credential goes: a credential field's value (as typed, padded,
/// or with a newline) or the user-info part of a URL. `false` when `v` is not an object.
pub fn place_secret(u: &mut Unstructured, v: &mut Value) -> Result<bool> {
    let Some(map) = v.as_object_mut() else {
        return Ok(false);
    };
    let s = crate::SECRET;
    // Mostly a key the value already has (a form's own credential or URL field), so that the
    // secret rides along a request the builder builds, not in a field the API does not know.
    let has = |keys: &[&'static str]| -> Vec<&'static str> {
        keys.iter()
            .copied()
            .filter(|k| map.contains_key(*k))
            .collect()
    };
    let (own_secrets, own_urls) = (has(SECRET_KEYS), has(URL_KEYS));
    let pick = |u: &mut Unstructured, own: &[&'static str], all: &[&'static str]| {
        if !own.is_empty() && u.ratio(3, 4)? {
            u.choose(own).copied()
        } else {
            u.choose(all).copied()
        }
    };
    let (k, text) = if u.ratio(2, 3)? {
        let text = match u.int_in_range(0..=3u8)? {
            0 => format!(" {s} "),
            1 => format!("{s}\n"),
            _ => s.to_string(),
        };
        (pick(u, &own_secrets, SECRET_KEYS)?, text)
    } else {
        let text = match u.int_in_range(0..=4u8)? {
            0 => format!("https://user:{s}@host.example.com"),
            1 => format!("http://{s}@host.example.com/x"),
            2 => format!(" https://bob:{s}@host.example.com "),
            3 => format!("ssh://git:{s}@host.example.com/repo.git"),
            _ => format!("{s}@host.example.com:org/repo.git"),
        };
        (pick(u, &own_urls, URL_KEYS)?, text)
    };
    map.insert(k.to_string(), Value::String(text));
    Ok(true)
}

/// Options for the Git Integration for Jira functions: operation, integration id, the current
/// integration (as a value or a get response) and a base URL, each often absent.
pub fn gij_options(u: &mut Unstructured) -> Result<Value> {
    let mut map = Map::new();
    // A plain add, the most common call, a third of the time.
    if u.ratio(1, 3)? {
        return Ok(Value::Object(map));
    }
    if u.arbitrary()? {
        let op = *u.choose(&["add", "update", "update", "remove"])?;
        map.insert("operation".into(), Value::from(op));
    }
    if u.arbitrary()? {
        let id = if u.arbitrary()? {
            Value::from(u.int_in_range(1..=1000u32)?)
        } else {
            scalar(u)?
        };
        map.insert("integrationId".into(), id);
    }
    if u.ratio(1, 3)? {
        let current = object(u, 1)?;
        let current = if u.arbitrary()? {
            serde_json::json!({"success": "true", "integration": [current]})
        } else {
            current
        };
        map.insert("current".into(), current);
    }
    base_url(u, &mut map)?;
    Ok(Value::Object(map))
}

/// Options for the Xray functions: operation (any of the five calls, or a wrong one),
/// connection name, base URL and path style.
pub fn xray_options(u: &mut Unstructured) -> Result<Value> {
    let mut map = Map::new();
    if u.arbitrary()? {
        let op = *u.choose(&[
            "create", "create", "update", "update", "details", "delete", "status", "add",
        ])?;
        map.insert("operation".into(), Value::from(op));
    }
    if u.arbitrary()? {
        let name = if u.arbitrary()? {
            Value::from("prod-jira")
        } else {
            scalar(u)?
        };
        map.insert("connectionName".into(), name);
    }
    if u.ratio(1, 4)? {
        let style = *u.choose(&["documented", "terraform", "other"])?;
        map.insert("pathStyle".into(), Value::from(style));
    }
    base_url(u, &mut map)?;
    Ok(Value::Object(map))
}

fn base_url(u: &mut Unstructured, map: &mut Map<String, Value>) -> Result<()> {
    if u.arbitrary()? {
        let base = *u.choose(&[
            "https://jira.example.com",
            "https://jira.example.com/jira/",
            "http://localhost:8080",
            "https://user:pw@jira.example.com",
            "ftp://jira.example.com",
            "not a url",
        ])?;
        map.insert("baseUrl".into(), Value::from(base));
    }
    Ok(())
}
