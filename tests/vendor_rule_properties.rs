//! Rules as the vendor pages say (issue 14, class 4), checked on generated inputs:
//! - a UTF-8 byte order mark before a JSON text changes no report of any text entry point;
//! - length limits count UTF-16 units (Java's `String.length()`), for every limited string field
//!   of both APIs;
//! - a whole number written with a fraction or an exponent reads as that number in every integer
//!   field, and a non-whole number is refused the same way in each;
//! - a base URL that already ends in the API path's start gives the same request URL, with a
//!   `base-url-has-api-path` warning exactly then;
//! - `password-auth-retired` warns exactly for origins on the hosts that refuse passwords.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use jira_integration_payloads::gij::fields::{FIELDS as GIJ_FIELDS, Field, Kind};
use jira_integration_payloads::gij::types::{Credential, IntegrationType};
use jira_integration_payloads::gij::{self, Options};
use jira_integration_payloads::xray::fields::MAX_SECRET_CHARS;
use jira_integration_payloads::{Diagnostic, Report, api, xray};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

const BOM: char = '\u{feff}';

fn text_value() -> impl Strategy<Value = Value> {
    prop::sample::select(vec![
        "Acme",
        " Acme ",
        "",
        "Zürich",
        "中文",
        "😀 repos",
        "https://git.example.com",
    ])
    .prop_map(Value::from)
}

/// A value for a field of `kind`: mostly fitting, sometimes of the wrong type.
fn kind_value(kind: Kind) -> BoxedStrategy<Value> {
    let fitting = match kind {
        Kind::Boolean => any::<bool>().prop_map(Value::from).boxed(),
        Kind::Integer { min, max } => (min - 2..=max.min(min + 20)).prop_map(Value::from).boxed(),
        Kind::Enum { values } => prop::sample::select(values).prop_map(Value::from).boxed(),
        Kind::Secret => Just(Value::from("p")).boxed(),
        Kind::ProjectIds => prop::collection::vec((1..99_999u32).prop_map(Value::from), 0..3)
            .prop_map(Value::from)
            .boxed(),
        Kind::String { .. } => text_value().boxed(),
    };
    prop_oneof![4 => fitting, 1 => text_value(), 1 => Just(Value::Null)].boxed()
}

/// A Git Integration for Jira payload from the field table, with a type or none.
fn gij_payload() -> impl Strategy<Value = Value> {
    let fields = prop::sample::subsequence(GIJ_FIELDS.iter().collect::<Vec<_>>(), 0..8)
        .prop_flat_map(|fs| {
            fs.into_iter()
                .map(|f| kind_value(f.kind).prop_map(move |v| (f.name, v)))
                .collect::<Vec<_>>()
        });
    let types: Vec<&str> = IntegrationType::ALL.iter().map(|t| t.as_str()).collect();
    (fields, prop::option::of(prop::sample::select(types))).prop_map(|(fields, ty)| {
        let mut map: Map<String, Value> = fields.into_iter().map(|(k, v)| (k.into(), v)).collect();
        if let Some(t) = ty {
            map.insert("type".into(), Value::from(t));
        }
        Value::Object(map)
    })
}

/// An Xray payload from its field table.
fn xray_payload() -> impl Strategy<Value = Value> {
    prop::sample::subsequence(
        xray::FIELDS.iter().collect::<Vec<_>>(),
        0..=xray::FIELDS.len(),
    )
    .prop_flat_map(|fs| {
        fs.into_iter()
            .map(|f| kind_value(f.kind).prop_map(move |v| (f.name, v)))
            .collect::<Vec<_>>()
    })
    .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.into(), v)).collect()))
}

/// The JSON text of `payload`, compact or pretty, sometimes cut short (a syntax error whose
/// line and column the BOM must not move).
fn json_text(payload: Value) -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::option::of(any::<prop::sample::Index>()),
    )
        .prop_map(move |(pretty, cut)| {
            let text = if pretty {
                serde_json::to_string_pretty(&payload).unwrap()
            } else {
                serde_json::to_string(&payload).unwrap()
            };
            match cut {
                Some(i) => {
                    let chars: Vec<char> = text.chars().collect();
                    chars[..i.index(chars.len())].iter().collect()
                }
                None => text,
            }
        })
}

/// Every text entry point's answer to `text`, as JSON for comparison.
fn every_text_entry_point(text: &str, status: u16, operation: &Value) -> Vec<String> {
    let report = |r: &Report| serde_json::to_string(r).unwrap();
    vec![
        report(&api::validate_integration_json(text, &json!({}))),
        report(&api::validate_integration_json(
            text,
            &json!({"operation": "update", "integrationId": 5}),
        )),
        report(&gij::validate_json(text, &Options::default())),
        report(&api::validate_xray_jira_integration_json(text, &json!({}))),
        report(&xray::validate_json(text, &xray::Options::default())),
        serde_json::to_string(&gij::parse_response(text)).unwrap(),
        serde_json::to_string(&api::parse_xray_response(status, text, operation)).unwrap(),
    ]
}

/// A string of exactly `units` UTF-16 units mixing BMP and astral characters as `picks` says
/// (an astral character that would overshoot by one becomes `a`).
fn utf16_text(units: usize, picks: &[u8]) -> String {
    const CHARS: [char; 6] = ['a', 'é', '中', '😀', '𝄞', '🙂'];
    let mut s = String::new();
    let mut have = 0;
    for &p in picks.iter().cycle() {
        if have >= units {
            break;
        }
        let mut c = CHARS[usize::from(p) % CHARS.len()];
        if have + c.len_utf16() > units {
            c = 'a';
        }
        have += c.len_utf16();
        s.push(c);
    }
    s
}

/// One limited string field: its name, the type it is sent with, its limit, the code that
/// reports it too long, and the text around the generated characters.
struct Limited {
    name: &'static str,
    ty: Option<&'static str>,
    limit: usize,
    code: &'static str,
    before: &'static str,
    after: &'static str,
}

/// Every length-limited GIJ field from the field table; the field languages report their own
/// codes, and their texts are kept well formed so the length is the only thing judged.
fn gij_limited() -> Vec<Limited> {
    GIJ_FIELDS
        .iter()
        .filter_map(|f: &'static Field| {
            let limit = match f.kind {
                Kind::String { max_chars } => max_chars,
                Kind::Secret => MAX_SECRET_CHARS,
                _ => return None,
            };
            let (code, before, after) = match f.name {
                "apiPath" => ("api-path-too-long", "/", ""),
                "apiFilter" => ("jmespath-too-long", "'", "'"),
                "tagsFilter" | "prHideFilter" => ("java-regex-too-long", "", ""),
                "refSpecCustom" => ("refspec-too-long", "+refs/heads/", ""),
                _ => ("string-too-long", "", ""),
            };
            let ty = f.applies.types().next().map(IntegrationType::as_str);
            Some(Limited {
                name: f.name,
                ty,
                limit,
                code,
                before,
                after,
            })
        })
        .collect()
}

/// Every length-limited Xray field.
fn xray_limited() -> Vec<Limited> {
    xray::FIELDS
        .iter()
        .filter_map(|f| {
            let limit = match f.kind {
                Kind::String { max_chars } => max_chars,
                Kind::Secret => MAX_SECRET_CHARS,
                _ => return None,
            };
            Some(Limited {
                name: f.name,
                ty: None,
                limit,
                code: "xray-string-too-long",
                before: "",
                after: "",
            })
        })
        .collect()
}

/// (code, pointer) of each diagnostic, the identity a rewritten number must keep.
fn code_paths(diagnostics: &[Diagnostic]) -> Vec<(&'static str, String)> {
    diagnostics
        .iter()
        .map(|d| (d.code.id, d.path.clone()))
        .collect()
}

/// Ways to write the whole number `n` as a JSON number.
fn whole_spellings(n: i64) -> Vec<String> {
    let (sign, digits) = if n < 0 {
        ("-", n.unsigned_abs().to_string())
    } else {
        ("", n.to_string())
    };
    let scientific = match digits.split_at(1) {
        (head, "") => format!("{sign}{head}E0"),
        (head, tail) => format!("{sign}{head}.{tail}E{}", tail.len()),
    };
    vec![
        format!("{n}.0"),
        format!("{n}.000"),
        format!("{n}E0"),
        format!("{n}e+0"),
        // JSON allows no leading zero: 0 scales the other way.
        if n == 0 {
            "0E7".into()
        } else {
            format!("{sign}{digits}0E-1")
        },
        if n == 0 {
            "0.0e-3".into()
        } else {
            format!("{sign}{digits}00e-2")
        },
        format!("{n}.0E0"),
        scientific.to_lowercase(),
        scientific,
    ]
}

/// Every integer field of both field tables (Xray has none today; a new one is covered here).
fn integer_fields() -> Vec<(&'static str, Option<&'static str>, i64, i64, bool)> {
    let gij = GIJ_FIELDS.iter().filter_map(|f| match f.kind {
        Kind::Integer { min, max } => Some((
            f.name,
            f.applies.types().next().map(IntegrationType::as_str),
            min,
            max,
            false,
        )),
        _ => None,
    });
    let xray = xray::FIELDS.iter().filter_map(|f| match f.kind {
        Kind::Integer { min, max } => Some((f.name, None, min, max, true)),
        _ => None,
    });
    gij.chain(xray).collect()
}

/// A number near the bounds of `min..=max` or inside it.
fn number_near(min: i64, max: i64) -> BoxedStrategy<i64> {
    prop_oneof![
        min - 3..=min + 3,
        max - 3..=max + 3,
        min..=max,
        -1000i64..1000
    ]
    .boxed()
}

/// The diagnostics of a payload whose last member is `name` with the number `literal`.
fn with_number(name: &str, ty: Option<&str>, literal: &str, is_xray: bool) -> Vec<Diagnostic> {
    let text = match ty {
        Some(t) => format!("{{\"type\": \"{t}\", \"{name}\": {literal}}}"),
        None => format!("{{\"{name}\": {literal}}}"),
    };
    if is_xray {
        api::validate_xray_jira_integration_json(&text, &json!({})).diagnostics
    } else {
        api::validate_integration_json(&text, &json!({})).diagnostics
    }
}

/// A base URL: scheme, host, optional port and context path.
fn base_url() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["https://", "http://", "HTTPS://"]),
        prop::sample::select(vec![
            "jira.example.com",
            "Acme.JFrog.io",
            "10.0.0.7",
            "localhost",
        ]),
        prop::sample::select(vec!["", ":8080", ":443", ":80"]),
        prop::sample::select(vec!["", "/jira", "/tools/jira", "/x-ray", "/restful"]),
    )
        .prop_map(|(s, h, p, c)| format!("{s}{h}{p}{c}"))
}

/// The request URL and whether `base-url-has-api-path` was reported, for one builder.
fn built_url(xray_api: bool, base: &str) -> (Option<String>, bool) {
    let built = if xray_api {
        api::build_xray_jira_integration_request(
            &json!({}),
            &json!({"operation": "details", "connectionName": "my jira", "baseUrl": base}),
        )
    } else {
        api::build_integration_request(
            &json!({"type": "GITLAB", "pat": "p"}),
            &json!({"baseUrl": base}),
        )
    };
    let warned = built
        .diagnostics
        .iter()
        .any(|d| d.code == "base-url-has-api-path");
    (built.request.and_then(|r| r.url), warned)
}

/// The hosts whose APIs refuse passwords (the rule's sources), as a host or a host's suffix.
const TOKEN_ONLY_HOSTS: &[&str] = &[
    "github.com",
    "dev.azure.com",
    "visualstudio.com",
    "gitlab.com",
];

/// An origin host: a listed one (maybe a subdomain) or a look-alike, in any letter case.
fn origin_host() -> impl Strategy<Value = String> {
    let listed = (
        prop::sample::select(vec!["", "www.", "api.", "acme."]),
        prop::sample::select(TOKEN_ONLY_HOSTS.to_vec()),
    )
        .prop_map(|(sub, h)| format!("{sub}{h}"));
    let other = prop::sample::select(vec![
        "github.example.com",
        "notgithub.com",
        "github.com.example.org",
        "mygitlab.com",
        "gitlab.acme.com",
        "azure.com",
        "devazure.com",
        "visualstudio.org",
        "git.acme.io",
        "dev.azure.community",
    ])
    .prop_map(str::to_string);
    (
        prop_oneof![listed, other],
        prop::collection::vec(any::<bool>(), 32),
    )
        .prop_map(|(h, upper)| {
            h.chars()
                .zip(upper.iter().cycle())
                .map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c })
                .collect()
        })
}

/// True when `host` (any case) is a listed host or a subdomain of one.
fn refuses_passwords(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    TOKEN_ONLY_HOSTS
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
}

/// The types whose credential table has a username and password set.
fn password_types() -> Vec<IntegrationType> {
    IntegrationType::ALL
        .iter()
        .copied()
        .filter(|t| {
            t.info().credentials.iter().any(|set| {
                set.contains(&Credential::Username) && set.contains(&Credential::Password)
            })
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_byte_order_mark_changes_no_report(
        text in prop_oneof![gij_payload(), xray_payload()].prop_flat_map(json_text),
        status in prop::sample::select(vec![200u16, 201, 204, 400, 401, 404, 500]),
        operation in prop::sample::select(vec![json!(null), json!("create"), json!("details"), json!("status")]),
    ) {
        let plain = every_text_entry_point(&text, status, &operation);
        let marked = every_text_entry_point(&format!("{BOM}{text}"), status, &operation);
        prop_assert_eq!(plain, marked);
    }

    #[test]
    fn length_limits_count_utf16_units(
        (is_xray, i) in prop_oneof![
            (0..gij_limited().len()).prop_map(|i| (false, i)),
            (0..xray_limited().len()).prop_map(|i| (true, i)),
        ],
        delta in -2i64..=2,
        picks in prop::collection::vec(0u8..6, 1..24),
    ) {
        let field = if is_xray { xray_limited().swap_remove(i) } else { gij_limited().swap_remove(i) };
        let frame = field.before.len() + field.after.len();
        let units = (field.limit as i64 + delta) as usize - frame;
        let value = format!("{}{}{}", field.before, utf16_text(units, &picks), field.after);
        let length = value.encode_utf16().count();
        let mut payload = json!({ field.name: value });
        if let Some(t) = field.ty {
            payload["type"] = Value::from(t);
        }
        let report = if is_xray {
            xray::validate(&payload, &xray::Options::default())
        } else {
            gij::validate(&payload, &Options::default())
        };
        let pointer = format!("/{}", field.name);
        let flagged = report.diagnostics.iter().any(|d| d.code == field.code && d.path == pointer);
        prop_assert_eq!(flagged, length > field.limit, "{} of {} units", field.name, length);
    }

    #[test]
    fn whole_numbers_read_the_same_however_written(
        (name, ty, n, is_xray) in prop::sample::select(integer_fields())
            .prop_flat_map(|(name, ty, min, max, x)| (Just(name), Just(ty), number_near(min, max), Just(x))),
    ) {
        let plain = code_paths(&with_number(name, ty, &n.to_string(), is_xray));
        for spelling in whole_spellings(n) {
            let other = code_paths(&with_number(name, ty, &spelling, is_xray));
            prop_assert_eq!(&plain, &other, "{} written {}", n, spelling);
        }
    }

    #[test]
    fn a_fraction_is_refused_alike_in_every_integer_field(
        whole in -1000i64..1000,
        fraction in prop::sample::select(vec![".5", ".25", ".001", "5E-1", "25e-2"]),
    ) {
        let sign = if whole < 0 { "-" } else { "" };
        let literal = match fraction.strip_prefix('.') {
            Some(f) => format!("{sign}{}.{f}", whole.unsigned_abs()),
            // `5E-1` after the digits of `whole` scales them; JSON allows no leading zero, so
            // for 0 the exponent form stands alone (`5E-1` is 0.5).
            None if whole == 0 => fraction.to_string(),
            None => format!("{sign}{}{fraction}", whole.unsigned_abs()),
        };
        for (name, ty, _, _, is_xray) in integer_fields() {
            let pointer = format!("/{name}");
            let at_field: Vec<_> = with_number(name, ty, &literal, is_xray)
                .into_iter()
                .filter(|d| d.path == pointer)
                .map(|d| d.code.id)
                .collect();
            // Each API prefixes its own codes (`xray-...`); the rule is the same.
            let refused = at_field.len() == 1 && at_field[0].ends_with("not-an-integer");
            prop_assert!(refused, "{} = {} gave {:?}", name, literal, at_field);
        }
    }

    #[test]
    fn a_base_url_with_the_api_path_builds_the_same_url(
        base in base_url(),
        xray_api in any::<bool>(),
        prefix in prop::option::of(0usize..3),
        slash in any::<bool>(),
    ) {
        let prefixes = if xray_api {
            ["/xray", "/xray/api", "/xray/api/v1"]
        } else {
            ["/rest/gitplugin/1.0", "/rest/gitplugin", "/rest/gitplugin/1.0/integration"]
        };
        let with_slash = |s: &str| if slash { format!("{s}/") } else { s.to_string() };
        let (plain_url, plain_warned) = built_url(xray_api, &with_slash(&base));
        prop_assert!(plain_url.is_some() && !plain_warned, "{}", base);
        let (plain_bare, _) = built_url(xray_api, &base);
        prop_assert_eq!(&plain_bare, &plain_url);
        if let Some(i) = prefix {
            let given = with_slash(&format!("{base}{}", prefixes[i]));
            let (url, warned) = built_url(xray_api, &given);
            prop_assert_eq!(&url, &plain_url, "{}", given);
            prop_assert!(warned, "{} gave no warning", given);
        }
    }

    #[test]
    fn retired_password_auth_is_flagged_exactly_on_the_listed_hosts(
        ty in prop::sample::select(password_types()),
        scheme in prop::sample::select(vec!["https://", "http://"]),
        host in origin_host(),
        port in prop::sample::select(vec!["", ":443", ":8443"]),
        path in prop::sample::select(vec!["", "/", "/acme", "/acme/repo.git"]),
    ) {
        let origin = format!("{scheme}{host}{port}{path}");
        let payload = json!({"type": ty.as_str(), "origin": origin, "username": "bot", "password": "pw"});
        let report = gij::validate(&payload, &Options::default());
        let warned = report.diagnostics.iter().any(|d| d.code == "password-auth-retired");
        let expected = ty == IntegrationType::Github || refuses_passwords(&host);
        prop_assert_eq!(warned, expected, "{} {}", ty.as_str(), origin);
        let with_pat = json!({"type": ty.as_str(), "origin": origin, "username": "bot", "password": "pw", "pat": "t"});
        let report = gij::validate(&with_pat, &Options::default());
        prop_assert!(report.diagnostics.iter().all(|d| d.code != "password-auth-retired"));
    }
}
