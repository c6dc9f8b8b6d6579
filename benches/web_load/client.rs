//! The load itself, shared by the benchmark (`benches/web_load.rs`) and its smoke
//! test: sign in as a browser does (the sign-in page's cookie and CSRF token, then
//! the form), read the dashboard in a loop, record donations at a steady pace.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What to load, and for how long.
pub struct Load {
    pub url: String,
    pub user: String,
    pub password: String,
    /// The donor the donations are recorded for (made by the caller).
    pub donor: String,
    /// Browsers reading the dashboard.
    pub clients: usize,
    pub duration: Duration,
    /// One donation every this long (by one more browser).
    pub donate_every: Duration,
    /// A bound on all requests, whatever the duration.
    pub max_requests: u64,
}

/// What the run saw.
#[derive(Default)]
pub struct Report {
    pub dashboards: Vec<Duration>,
    pub donations: Vec<Duration>,
    pub errors: u64,
    pub first_error: String,
    pub seconds: f64,
}

impl Report {
    fn percentile(sorted: &[Duration], p: f64) -> f64 {
        if sorted.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
    }

    fn figures(name: &str, times: &[Duration]) -> String {
        let mut sorted = times.to_vec();
        sorted.sort();
        format!(
            "\"{name}\":{{\"count\":{},\"p50_ms\":{:.1},\"p99_ms\":{:.1},\"max_ms\":{:.1}}}",
            sorted.len(),
            Self::percentile(&sorted, 50.0),
            Self::percentile(&sorted, 99.0),
            sorted.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        )
    }

    /// One line of JSON.
    pub fn json(&self) -> String {
        let requests = self.dashboards.len() + self.donations.len();
        format!(
            "{{\"seconds\":{:.1},\"requests\":{requests},\"per_second\":{:.0},\"errors\":{},{},{}}}",
            self.seconds,
            requests as f64 / self.seconds.max(0.001),
            self.errors,
            Self::figures("dashboard", &self.dashboards),
            Self::figures("donation", &self.donations),
        )
    }
}

/// A signed-in browser: its agent, session cookie and CSRF token.
struct Browser {
    agent: ureq::Agent,
    base: String,
    cookie: String,
    csrf: String,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .max_redirects(0)
        .http_status_as_error(false)
        .build()
        .into()
}

/// The `name=value` of the first Set-Cookie header, if any.
fn set_cookie(response: &ureq::http::Response<ureq::Body>) -> Option<String> {
    let header = response.headers().get("set-cookie")?.to_str().ok()?;
    Some(header.split(';').next()?.trim().to_string())
}

/// The CSRF token a page carries (its hidden input or its meta tag).
fn csrf_of(page: &str) -> Option<String> {
    for marker in ["name=\"csrf\" value=\"", "name=\"csrf\" content=\""] {
        if let Some(at) = page.find(marker) {
            let rest = &page[at + marker.len()..];
            return rest.split('"').next().map(str::to_string);
        }
    }
    None
}

impl Browser {
    fn sign_in(load: &Load) -> Result<Browser, String> {
        let agent = agent();
        let base = load.url.trim_end_matches('/').to_string();
        let mut page = agent
            .get(format!("{base}/login"))
            .call()
            .map_err(|e| format!("GET /login: {e}"))?;
        let cookie = set_cookie(&page).ok_or("GET /login set no cookie")?;
        let body = page
            .body_mut()
            .read_to_string()
            .map_err(|e| format!("GET /login: {e}"))?;
        let csrf = csrf_of(&body).ok_or("the sign-in page has no CSRF token")?;
        let signed = agent
            .post(format!("{base}/login"))
            .header("cookie", &cookie)
            .send_form([
                ("user", load.user.as_str()),
                ("password", load.password.as_str()),
                ("csrf", csrf.as_str()),
            ])
            .map_err(|e| format!("POST /login: {e}"))?;
        if !signed.status().is_redirection() {
            return Err(format!("POST /login answered {}", signed.status()));
        }
        let cookie = set_cookie(&signed).unwrap_or(cookie);
        let mut browser = Browser {
            agent,
            base,
            cookie,
            csrf: String::new(),
        };
        let (_, page) = browser.get("/")?;
        browser.csrf = csrf_of(&page).ok_or("the dashboard has no CSRF token")?;
        Ok(browser)
    }

    fn get(&self, path: &str) -> Result<(Duration, String), String> {
        let started = Instant::now();
        let mut response = self
            .agent
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .call()
            .map_err(|e| format!("GET {path}: {e}"))?;
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| format!("GET {path}: {e}"))?;
        let took = started.elapsed();
        match response.status().as_u16() {
            200 => Ok((took, body)),
            status => Err(format!("GET {path} answered {status}")),
        }
    }

    fn donate(&self, donor: &str, n: u64) -> Result<Duration, String> {
        let amount = format!("{}.{:02}", 10 + n % 990, n % 100);
        let today = today();
        let started = Instant::now();
        let mut response = self
            .agent
            .post(format!("{}/donate", self.base))
            .header("cookie", &self.cookie)
            .send_form([
                ("csrf", self.csrf.as_str()),
                ("donor", donor),
                ("amount", amount.as_str()),
                ("date", today.as_str()),
                ("method", "bank"),
            ])
            .map_err(|e| format!("POST /donate: {e}"))?;
        let body = response
            .body_mut()
            .read_to_string()
            .map_err(|e| format!("POST /donate: {e}"))?;
        let took = started.elapsed();
        if response.status().as_u16() != 200 || !body.contains("id=\"receipt\"") {
            return Err(format!(
                "POST /donate answered {} without a receipt number",
                response.status()
            ));
        }
        Ok(took)
    }
}

/// Today, the server's default day (an open year).
fn today() -> String {
    chrono::Local::now().date_naive().to_string()
}

/// Runs the load; refused at once for anything but a loopback address.
pub fn run(load: &Load) -> Result<Report, String> {
    let host = load
        .url
        .strip_prefix("http://")
        .ok_or("the URL must be http://127.0.0.1:PORT")?;
    if !(host.starts_with("127.") || host.starts_with("[::1]") || host.starts_with("localhost")) {
        return Err(format!("only loopback is loaded, not {}", load.url));
    }
    let requests = Arc::new(AtomicU64::new(0));
    let report = Arc::new(Mutex::new(Report::default()));
    let fail = |report: &Mutex<Report>, error: String| {
        let mut r = report.lock().unwrap();
        if r.errors == 0 {
            r.first_error = error;
        }
        r.errors += 1;
    };
    let started = Instant::now();
    let deadline = started + load.duration;
    std::thread::scope(|scope| {
        for _ in 0..load.clients {
            let (requests, report) = (&requests, &report);
            scope.spawn(move || {
                let browser = match Browser::sign_in(load) {
                    Ok(b) => b,
                    Err(e) => return fail(report, e),
                };
                let mut mine = Vec::new();
                while Instant::now() < deadline {
                    if requests.fetch_add(1, Ordering::Relaxed) >= load.max_requests {
                        break;
                    }
                    match browser.get("/") {
                        Ok((took, _)) => mine.push(took),
                        Err(e) => {
                            fail(report, e);
                            break;
                        }
                    }
                }
                report.lock().unwrap().dashboards.extend(mine);
            });
        }
        let (requests, report) = (&requests, &report);
        scope.spawn(move || {
            let browser = match Browser::sign_in(load) {
                Ok(b) => b,
                Err(e) => return fail(report, e),
            };
            let mut mine = Vec::new();
            let mut n = 0;
            while Instant::now() < deadline && requests.load(Ordering::Relaxed) < load.max_requests
            {
                let next = Instant::now() + load.donate_every;
                requests.fetch_add(1, Ordering::Relaxed);
                match browser.donate(&load.donor, n) {
                    Ok(took) => mine.push(took),
                    Err(e) => {
                        fail(report, e);
                        break;
                    }
                }
                n += 1;
                std::thread::sleep(next.saturating_duration_since(Instant::now()));
            }
            report.lock().unwrap().donations.extend(mine);
        });
    });
    let mut report = Arc::try_unwrap(report)
        .map_err(|_| "the load's threads outlived it")?
        .into_inner()
        .map_err(|_| "a load thread panicked")?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
