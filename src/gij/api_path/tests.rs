//! Tests of the `apiPath` check, its catalogue and its near-miss matching.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::catalogue::GITHUB_PATHS;
use super::*;
use ApiHost::*;

const ALL: [ApiHost; 6] = [
    GitHubCom,
    GitHubServer,
    GitLabCom,
    GitLabServer,
    GitLabLegacy,
    Other,
];

#[test]
fn remembered_results_depend_on_host_and_origin_too() {
    let path = "/api/v4/projects";
    let origin = Some("https://gitlab.example.com/api/v4");
    for _ in 0..2 {
        let with_origin = check_api_path(path, GitLabServer, origin);
        assert_eq!(with_origin.len(), 1);
        assert_eq!(with_origin[0].code, DOUBLED_PREFIX.id);
        assert!(check_api_path(path, GitLabServer, None).is_empty());
        assert_eq!(codes(path, GitHubCom), vec![WRONG_HOST.id]);
    }
}

#[test]
fn remembered_results_are_not_confused_by_separators_in_the_origin_or_path() {
    let origin = "https://gitlab.example.com/api/v4";
    let with_nul = format!("{origin}\u{0}");
    let pairs = [
        ("\u{0}/projects", Some(origin)),
        ("/projects", Some(with_nul.as_str())),
        ("/api/v4/projects", Some("\u{1}")),
        ("/api/v4/projects", None),
    ];
    for (path, origin) in pairs {
        assert_eq!(
            check_api_path(path, GitLabServer, origin),
            analyse(path, GitLabServer, origin),
            "{path:?} {origin:?}"
        );
    }
}

fn codes(path: &str, host: ApiHost) -> Vec<&'static str> {
    check_api_path(path, host, None)
        .iter()
        .map(|d| d.code.id)
        .collect()
}

fn only(path: &str, host: ApiHost, origin: Option<&str>, code: &Code) -> Diagnostic {
    let ds = check_api_path(path, host, origin);
    assert_eq!(ds.len(), 1, "{path:?} on {host:?}: {ds:#?}");
    assert_eq!(ds[0].code, code.id, "{path:?} on {host:?}: {ds:#?}");
    ds[0].clone()
}

fn suggestion(path: &str, host: ApiHost, origin: Option<&str>, code: &Code) -> String {
    only(path, host, origin, code)
        .suggestion
        .unwrap_or_default()
}

#[test]
fn a6_examples_are_clean_for_their_hosts() {
    let github = [
        "/user/repos",
        "/users/johnsmith/repos",
        "/user/starred",
        "/users/johnsmith/starred",
        "/orgs/GitKraken/repos",
        "/orgs/BigBrassBand/repos",
    ];
    for p in github {
        for host in [GitHubCom, GitHubServer] {
            assert_eq!(check_api_path(p, host, None), vec![], "{p} on {host:?}");
        }
        let origin = Some("https://ghe.example.com/api/v3");
        assert_eq!(check_api_path(p, GitHubServer, origin), vec![], "{p}");
    }
    // The Cloud doc's GitHub Enterprise form (X9).
    for p in ["/api/v3/user/repos", "/api/v3/orgs/GitKraken/repos"] {
        assert_eq!(check_api_path(p, GitHubServer, None), vec![], "{p}");
        let origin = Some("https://ghe.example.com");
        assert_eq!(check_api_path(p, GitHubServer, origin), vec![], "{p}");
    }
    let gitlab = [
        "/api/v4/projects?membership=true",
        "/api/v4/users/42/projects",
        "/api/v4/projects?starred=true",
        "/api/v4/projects?owned=true",
        "/api/v4/groups/acme/projects",
        "/api/v4/groups/7/projects?include_subgroups=true",
    ];
    for p in gitlab {
        for host in [GitLabCom, GitLabServer] {
            assert_eq!(check_api_path(p, host, None), vec![], "{p} on {host:?}");
        }
    }
    // Reference example payloads.
    assert!(codes("/orgs/acme/repos", GitHubServer).is_empty());
    assert!(
        codes(
            "/api/v4/groups/acme/projects?include_subgroups=true",
            GitLabServer
        )
        .is_empty()
    );
}

#[test]
fn known_paths_validate_apart_from_their_placeholders() {
    for host in ALL {
        for k in known_paths(host) {
            let ds = check_api_path(k.path, host, None);
            let expected = usize::from(k.path.contains('<'));
            assert_eq!(ds.len(), expected, "{} on {host:?}: {ds:#?}", k.path);
            assert!(ds.iter().all(|d| d.code == PLACEHOLDER.id));
        }
        let defaults = known_paths(host).iter().filter(|k| k.is_default).count();
        let expected = usize::from(!matches!(host, GitLabLegacy | Other));
        assert_eq!(defaults, expected, "{host:?}");
    }
    let legacy: Vec<&str> = known_paths(GitLabLegacy).iter().map(|k| k.path).collect();
    assert!(legacy.iter().all(|p| p.starts_with("/api/v3/")));
    let json = serde_json::to_value(known_paths(GitHubCom)[0]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "path": "/user/repos",
            "description": GITHUB_PATHS[0].description,
            "isDefault": true
        })
    );
}

#[test]
fn empty_is_clean() {
    for host in ALL {
        assert!(codes("", host).is_empty());
    }
}

#[test]
fn too_long() {
    let long = format!("/{}", "a".repeat(2000));
    let d = only(&long, GitHubCom, None, &TOO_LONG);
    assert_eq!(
        d.span,
        Some(Span {
            start: 2000,
            end: 2001
        })
    );
    assert!(codes(&long[..2000], Other).is_empty());
}

#[test]
fn whitespace_around_and_inside() {
    let d = only(" /user/repos\n", GitHubCom, None, &WHITESPACE);
    assert_eq!(d.suggestion.as_deref(), Some("/user/repos"));
    assert_eq!(d.span, Some(Span { start: 0, end: 13 }));
    let d = only("/orgs/my org/repos", GitHubCom, None, &WHITESPACE);
    assert_eq!(d.span, Some(Span { start: 8, end: 9 }));
    assert_eq!(d.suggestion, None);
    assert_eq!(codes("  ", Other), vec![WHITESPACE.id]);
}

#[test]
fn full_url_suggests_its_path() {
    let d = only(
        "https://ghe.example.com/api/v3/user/repos",
        GitHubServer,
        None,
        &FULL_URL,
    );
    assert_eq!(d.suggestion.as_deref(), Some("/api/v3/user/repos"));
    let origin = Some("https://ghe.example.com/api/v3/");
    let s = suggestion(
        "https://ghe.example.com/api/v3/user/repos",
        GitHubServer,
        origin,
        &FULL_URL,
    );
    assert_eq!(s, "/user/repos");
    let s = suggestion(
        "https://gitlab.com/api/v4/projects?membership=true",
        GitLabCom,
        None,
        &FULL_URL,
    );
    assert_eq!(s, "/api/v4/projects?membership=true");
}

#[test]
fn network_path() {
    let s = suggestion(
        "//ghe.example.com/api/v3/user/repos",
        GitHubServer,
        None,
        &NETWORK_PATH,
    );
    assert_eq!(s, "/api/v3/user/repos");
    let d = only("//user/repos", GitHubCom, None, &NETWORK_PATH);
    assert_eq!(d.suggestion.as_deref(), Some("/user/repos"));
    assert!(d.message.contains("single '/'"));
}

/// Each case yields exactly one diagnostic with `code` and the given suggestion.
fn expect(code: &Code, cases: &[(&str, ApiHost, Option<&str>, Option<&str>)]) {
    for (path, host, origin, want) in cases {
        let d = only(path, *host, *origin, code);
        assert_eq!(d.suggestion.as_deref(), *want, "{path:?} on {host:?}");
    }
}

#[test]
fn missing_slash() {
    expect(
        &MISSING_SLASH,
        &[
            ("user/repos", GitHubCom, None, Some("/user/repos")),
            (
                "api.github.com/user/repos",
                GitHubCom,
                None,
                Some("/user/repos"),
            ),
            ("x", Other, None, Some("/x")),
        ],
    );
}

#[test]
fn placeholders_are_errors() {
    let d = only("/orgs/<org>/repos", GitHubCom, None, &PLACEHOLDER);
    assert_eq!(d.span, Some(Span { start: 6, end: 11 }));
    assert!(d.message.contains("<org>"));
    let d = only(
        "/api/v4/groups/<groupId or groupName>/projects",
        GitLabServer,
        None,
        &PLACEHOLDER,
    );
    assert_eq!(d.span, Some(Span { start: 15, end: 37 }));
    let d = only("/orgs/<org/repos", GitHubCom, None, &PLACEHOLDER);
    assert_eq!(d.span, Some(Span { start: 6, end: 7 }));
    assert!(codes("/orgs/acme/repos", GitHubCom).is_empty());
}

#[test]
fn doubled_prefix() {
    let ghe = Some("https://ghe.example.com/api/v3");
    let d = only("/api/v3/user/repos", GitHubServer, ghe, &DOUBLED_PREFIX);
    assert_eq!(d.suggestion.as_deref(), Some("/user/repos"));
    assert_eq!(d.severity, Severity::Warning);
    let gl = Some("https://gitlab.example.com/api/v4/");
    let s = suggestion(
        "/api/v4/projects?owned=true",
        GitLabServer,
        gl,
        &DOUBLED_PREFIX,
    );
    assert_eq!(s, "/projects?owned=true");
    // With the prefix in the origin, the short form is the right one.
    assert!(check_api_path("/projects?owned=true", GitLabServer, gl).is_empty());
    assert!(check_api_path("/user/repos", GitHubServer, ghe).is_empty());
}

#[test]
fn wrong_host() {
    expect(
        &WRONG_HOST,
        &[
            (
                "/orgs/acme/repos",
                GitLabCom,
                None,
                Some("/api/v4/groups/acme/projects"),
            ),
            (
                "/api/v3/user/repos",
                GitLabServer,
                None,
                Some("/api/v4/projects?membership=true"),
            ),
            (
                "/user/starred",
                GitLabLegacy,
                None,
                Some("/api/v3/projects/starred"),
            ),
            (
                "/api/v4/users/42/projects",
                GitHubCom,
                None,
                Some("/users/42/repos"),
            ),
            ("/api/v4/projects?owned=true", GitHubServer, None, None),
            (
                "/api/v3/groups/acme/projects",
                GitHubServer,
                None,
                Some("/orgs/acme/repos"),
            ),
        ],
    );
    assert!(codes("/user/repos", Other).is_empty());
}

#[test]
fn gitlab_version() {
    expect(
        &GITLAB_VERSION,
        &[
            (
                "/api/v4/projects?membership=true",
                GitLabLegacy,
                None,
                Some("/api/v3/projects"),
            ),
            (
                "/api/v3/projects/owned",
                GitLabCom,
                None,
                Some("/api/v4/projects?owned=true"),
            ),
            ("/api/v3/something/else", GitLabServer, None, None),
        ],
    );
    assert!(codes("/api/v3/projects", GitLabLegacy).is_empty());
}

#[test]
fn missing_api_prefix() {
    expect(
        &MISSING_API_PREFIX,
        &[
            (
                "/projects?membership=true",
                GitLabCom,
                None,
                Some("/api/v4/projects?membership=true"),
            ),
            (
                "/groups/acme/projetcs",
                GitLabServer,
                None,
                Some("/api/v4/groups/acme/projects"),
            ),
            (
                "/projects/starred",
                GitLabLegacy,
                None,
                Some("/api/v3/projects/starred"),
            ),
            (
                "/some/custom",
                GitLabServer,
                None,
                Some("/api/v4/some/custom"),
            ),
        ],
    );
}

#[test]
fn near_misses() {
    let gl = Some("https://gitlab.example.com/api/v4");
    expect(
        &NEAR_MISS,
        &[
            ("/user/repo", GitHubCom, None, Some("/user/repos")),
            ("/users/repos", GitHubCom, None, Some("/user/repos")),
            (
                "/orgs/acme/repo",
                GitHubServer,
                None,
                Some("/orgs/acme/repos"),
            ),
            (
                "/api/v3/orgs/acme/repo",
                GitHubServer,
                None,
                Some("/api/v3/orgs/acme/repos"),
            ),
            (
                "/user/repos/?per_page=100",
                GitHubCom,
                None,
                Some("/user/repos?per_page=100"),
            ),
            ("/orgs/acme", GitHubCom, None, Some("/orgs/acme/repos")),
            ("/User/Starred", GitHubCom, None, Some("/user/starred")),
            (
                "/api/v4/projetcs?owned=true",
                GitLabServer,
                None,
                Some("/api/v4/projects?owned=true"),
            ),
            (
                "/group/acme/projects",
                GitLabServer,
                gl,
                Some("/groups/acme/projects"),
            ),
            (
                "/api/v4/projects?simple=true",
                GitLabCom,
                None,
                Some("/api/v4/projects?simple=true&membership=true"),
            ),
            // GitHub.com's API has no /api/v3 prefix.
            ("/api/v3/user/repos", GitHubCom, None, Some("/user/repos")),
        ],
    );
    // Bare /projects on GitLab.com lists every public project.
    let d = only("/api/v4/projects", GitLabCom, None, &NEAR_MISS);
    assert_eq!(
        d.suggestion.as_deref(),
        Some("/api/v4/projects?membership=true")
    );
    assert!(d.message.contains("every public project"));
    assert!(codes("/api/v4/projects", GitLabServer).is_empty());
    // Real endpoints far from the examples are custom paths, not typos.
    for p in [
        "/user/orgs",
        "/installation/repositories",
        "/user/subscriptions",
    ] {
        assert!(codes(p, GitHubCom).is_empty(), "{p}");
    }
    assert!(codes("/api/v4/users/7/starred_projects", GitLabCom).is_empty());
}

#[test]
fn never_panics_on_odd_input() {
    let odd = [
        "/",
        "//",
        "///",
        "/?",
        "/#",
        "/<",
        "/>",
        "/<>",
        "<",
        "/api",
        "/api/",
        "/api/v3",
        "/api/v4/",
        "/api/v3?x",
        "http://",
        "https://x",
        "/\u{0}",
        "/é/ü/日本",
        "/😀<😀>",
        "?x",
        "#",
        "/a//b//",
        "/api/v4//projects",
    ];
    for p in odd {
        for host in ALL {
            for origin in [None, Some("https://h/api/v3"), Some("::"), Some("")] {
                let _ = check_api_path(p, host, origin);
            }
        }
    }
}

#[test]
fn codes_are_listed_once() {
    for (i, c) in CODES.iter().enumerate() {
        assert!(c.id.starts_with("api-path-"));
        assert!(CODES.iter().skip(i + 1).all(|o| o.id != c.id));
    }
}
