//! Criterion benchmarks of the native library: validate (value and JSON text) and build, on the
//! reference's realistic examples and on a worst case; and the compiled-expression caches.
//!   cargo bench --bench native            (make bench runs it with the Node benchmark)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod payloads;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use jira_integration_payloads::api;
use payloads::{as_form, gij_examples, long_filter, long_pattern, worst_case, xray_examples};
use serde_json::{Value, json};
use std::hint::black_box;

fn add() -> Value {
    json!({"operation": "add"})
}

fn typical(c: &mut Criterion) {
    let examples = gij_examples();
    let mut g = c.benchmark_group("gij typical (11 examples)");
    g.throughput(Throughput::Elements(examples.len() as u64));
    g.bench_function("validate value", |b| {
        b.iter(|| {
            for e in &examples {
                black_box(api::validate_integration(black_box(&e.value), &add()));
            }
        })
    });
    g.bench_function("validate JSON text", |b| {
        b.iter(|| {
            for e in &examples {
                black_box(api::validate_integration_json(black_box(&e.text), &add()));
            }
        })
    });
    g.bench_function("serde_json parse only (floor)", |b| {
        b.iter(|| {
            for e in &examples {
                black_box(serde_json::from_str::<Value>(black_box(&e.text)).unwrap());
            }
        })
    });
    let forms: Vec<Value> = examples.iter().map(|e| as_form(&e.value)).collect();
    let build_options = json!({"operation": "add", "baseUrl": "https://jira.example.com"});
    g.bench_function("build from form state", |b| {
        b.iter(|| {
            for f in &forms {
                black_box(api::build_integration_request(black_box(f), &build_options));
            }
        })
    });
    g.finish();

    let xray = xray_examples();
    let mut g = c.benchmark_group("xray typical (2 examples)");
    g.throughput(Throughput::Elements(xray.len() as u64));
    let create = json!({"operation": "create"});
    g.bench_function("validate JSON text", |b| {
        b.iter(|| {
            for e in &xray {
                black_box(api::validate_xray_jira_integration_json(
                    black_box(&e.text),
                    &create,
                ));
            }
        })
    });
    g.finish();
}

fn worst(c: &mut Criterion) {
    let w = worst_case();
    let mut g = c.benchmark_group("gij worst case");
    g.throughput(Throughput::Elements(1));
    g.sample_size(20);
    g.bench_function("validate value", |b| {
        b.iter(|| black_box(api::validate_integration(black_box(&w.value), &add())))
    });
    g.bench_function("validate JSON text", |b| {
        b.iter(|| black_box(api::validate_integration_json(black_box(&w.text), &add())))
    });
    // A diagnostic on every one of 10,000 project ids: each is placed without rescanning the list.
    let mut keys = w.value.clone();
    keys["projectMappingIds"] = json!(vec!["PROJ"; 10_000]);
    let keys = serde_json::to_string_pretty(&keys).unwrap();
    g.bench_function("validate JSON text, 10,000 diagnostics", |b| {
        b.iter(|| black_box(api::validate_integration_json(black_box(&keys), &add())))
    });
    let form = as_form(&w.value);
    g.bench_function("build from form state", |b| {
        b.iter(|| black_box(api::build_integration_request(black_box(&form), &add())))
    });
    g.finish();
}

/// Re-validating an unchanged filter must not recompile it: the same text (a cache hit) against
/// a different text every time (a miss; 64 variants rotate through the 8-entry caches).
fn caches(c: &mut Criterion) {
    let (filter, pattern) = (long_filter(0), long_pattern(0));
    let filters: Vec<String> = (1..=64).map(long_filter).collect();
    let patterns: Vec<String> = (1..=64).map(long_pattern).collect();
    // No `type`: the filter is checked for no host shape in particular.
    let none = json!({});
    let mut g = c.benchmark_group("compiled-expression caches");
    g.bench_function("JMESPath check, same filter (hit)", |b| {
        b.iter(|| black_box(api::check_jmespath(black_box(&filter), &none)))
    });
    let mut i = 0;
    g.bench_function("JMESPath check, new filter (miss)", |b| {
        b.iter_batched(
            || {
                i = (i + 1) % filters.len();
                &filters[i]
            },
            |f| black_box(api::check_jmespath(f, &none)),
            BatchSize::SmallInput,
        )
    });
    g.bench_function("Java regex check, same pattern (hit)", |b| {
        b.iter(|| black_box(api::check_java_regex(black_box(&pattern), &none)))
    });
    let mut j = 0;
    g.bench_function("Java regex check, new pattern (miss)", |b| {
        b.iter_batched(
            || {
                j = (j + 1) % patterns.len();
                &patterns[j]
            },
            |p| black_box(api::check_java_regex(p, &none)),
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

/// The preview's work budget: `[?length(to_string(@)) > `0`]` piped n times on two
/// repositories with 200 KB descriptions. One and ten stages evaluate; 25 stages stop at the
/// function budget (`jmespath-preview-too-much-work`), so their time is the budget's cost.
fn preview_budget(c: &mut Criterion) {
    let description = "x".repeat(200_000);
    let listing = json!([
        {"full_name": "o/a", "description": description},
        {"full_name": "o/b", "description": description},
    ]);
    let stages = |n: usize| vec!["[?length(to_string(@)) > `0`]"; n].join(" | ");
    let mut g = c.benchmark_group("JMESPath preview work budget");
    g.sample_size(10);
    for n in [1, 10, 25] {
        let filter = stages(n);
        // GITHUB: a host that answers with an array of repositories.
        let options = json!({"type": "GITHUB", "githubApp": false, "sample": listing});
        g.bench_function(format!("{n} to_string stages"), |b| {
            b.iter(|| black_box(api::check_jmespath(black_box(&filter), &options)))
        });
    }
    g.finish();
}

/// Matching a filter's results to the listing: the preview of a listing of n repositories at
/// two sizes, with results that are the listing's own values (`[?size >= `0`]`), copies of
/// them (`[*].merge(@, `{}`)`) and copies of repositories that differ only in numbers
/// (`[].{id: id}` on `[{id: 0}, {id: 1}, …]`), and the ratio between the sizes (about 2 when
/// matching is linear, 4 when each result scans the listing).
fn preview_matching(c: &mut Criterion) {
    let mut g = c.benchmark_group("JMESPath preview matching");
    g.sample_size(10);
    type Repository = fn(usize) -> Value;
    let named: Repository = |i| json!({"full_name": format!("o/r{i}"), "size": i});
    let numbered: Repository = |i| json!({"id": i});
    let cases = [
        ("own values", "[?size >= `0`]", named),
        ("copies", "[*].merge(@, `{}`)", named),
        ("numbers-only copies", "[].{id: id}", numbered),
    ];
    for (label, filter, repository) in cases {
        let mut seconds = Vec::new();
        for n in [2000usize, 4000] {
            let listing = Value::Array((0..n).map(repository).collect());
            // GITHUB: a host that answers with an array of repositories.
            let options = json!({"type": "GITHUB", "githubApp": false, "sample": listing});
            let run = || {
                let checked = api::check_jmespath(black_box(filter), &options);
                assert_eq!(checked.preview.map(|p| p.kept.len()), Some(n));
            };
            g.bench_function(format!("{label}, {n} repositories"), |b| b.iter(run));
            seconds.push(fastest_of(7, run));
        }
        println!(
            "preview, {label}: 4000 repositories take {:.2}x the time of 2000 (2 is linear)",
            seconds[1] / seconds[0]
        );
    }
    g.finish();
}

/// Previews with patterns that backtrack exponentially or quadratically: each must stop within
/// the work budget (or at the name-length limit) whatever the name; compare with the vendor
/// example's preview, a typical cost.
fn hostile_previews(c: &mut Criterion) {
    let mut g = c.benchmark_group("java regex hostile previews");
    let vendor_tags: Vec<String> = (1..=5).map(|i| format!("release-{i}")).collect();
    let vendor_tags = json!({"tags": vendor_tags, "mode": "show"});
    g.bench_function(
        "vendor example ^((?!release-2).)*$ on 5 tags (typical)",
        |b| {
            b.iter(|| {
                black_box(api::check_java_regex(
                    "^((?!release-2).)*$",
                    black_box(&vendor_tags),
                ))
            })
        },
    );
    let cases: [(&str, &str, String); 5] = [
        (
            "(a+)\\1+$ on a 100,000-character tag",
            "(a+)\\1+$",
            "a".repeat(100_000),
        ),
        (
            "(a+)\\1+$ on a 999-character tag",
            "(a+)\\1+$",
            format!("{}b", "a".repeat(998)),
        ),
        (
            "((a+)+)+b on 999 characters",
            "((a+)+)+b",
            format!("{}!", "a".repeat(998)),
        ),
        (
            "(.*a){25}! on 999 characters",
            "(.*a){25}!",
            "a".repeat(999),
        ),
        ("(a|aa)*b on 999 characters", "(a|aa)*b", "a".repeat(999)),
    ];
    for (name, pattern, tag) in cases {
        let tags = json!({"tags": [tag], "mode": "show"});
        g.bench_function(name, |b| {
            b.iter(|| black_box(api::check_java_regex(pattern, black_box(&tags))))
        });
    }
    g.finish();
}

/// Redaction of hostile text at two lengths: each shape's time at 128 KiB and at 256 KiB, and
/// the ratio between them (about 2 when the scan is linear, 4 when quadratic).
fn hostile_redaction(c: &mut Criterion) {
    use jira_integration_payloads::redact::redact_text;
    let mut g = c.benchmark_group("redaction of hostile text");
    g.sample_size(10);
    for unit in ["@", "ghp_", "//a:@", "a@b.c", "token=", "glpat-"] {
        let mut seconds = Vec::new();
        for kib in [128usize, 256] {
            let text = unit.repeat(kib * 1024 / unit.len());
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(format!("{unit:?} repeated, {kib} KiB"), |b| {
                b.iter(|| black_box(redact_text(black_box(&text))))
            });
            seconds.push(fastest_of(15, || {
                black_box(redact_text(black_box(&text)));
            }));
        }
        println!(
            "{unit:?}: 256 KiB takes {:.2}x the time of 128 KiB (2 is linear)",
            seconds[1] / seconds[0]
        );
    }
    g.finish();
}

/// The fastest of `runs` runs of `f`, in seconds: the machine is shared, and the ratio between
/// two sizes is what matters.
/// Issue 16's prototype: today's read of a text into a `serde_json::Value` (with the duplicate
/// keys) against the borrowing read into an arena with spans, on the GIJ examples.
fn json_read(c: &mut Criterion) {
    use jira_integration_payloads::json_read::{parse, read};
    let examples = gij_examples();
    let mut g = c.benchmark_group("json read: serde Value vs borrowed");
    g.throughput(Throughput::Elements(examples.len() as u64));
    g.bench_function("serde Value (json::parse)", |b| {
        b.iter(|| {
            for e in &examples {
                black_box(parse(black_box(&e.text)).unwrap());
            }
        })
    });
    g.bench_function("borrowed arena (json::borrowed::read)", |b| {
        b.iter(|| {
            for e in &examples {
                black_box(read(black_box(&e.text)).unwrap());
            }
        })
    });
    g.finish();
}

fn fastest_of(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

criterion_group!(
    benches,
    typical,
    json_read,
    worst,
    caches,
    preview_budget,
    preview_matching,
    hostile_previews,
    hostile_redaction
);
criterion_main!(benches);
