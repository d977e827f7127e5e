//! The archive on the web: server-rendered pages for people, a JSON API (with its OpenAPI
//! document) for programs, and Atom and iCalendar feeds for readers and calendars.
//!
//! Guarantees:
//! - Every piece of text from a report is escaped where it is written (askama escapes HTML,
//!   the feed writers escape XML and iCalendar), and every response carries a strict
//!   Content-Security-Policy that allows no script at all, so a report containing `<script>`
//!   shows as text and runs nothing.
//! - Pages work without JavaScript; there is none.
//! - The archive is opened read-only: the web never changes it.
//! - An error page never shows internals: a missing thing is a 404 page, anything else a
//!   500 page with no detail (the detail goes to standard error).

mod api;
mod cache;
mod documents;
mod feeds;
mod pages;
mod pool;
mod security;
mod views;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;

pub use pool::Pool;

/// Everything a request handler needs.
pub struct Site {
    pub pool: Pool,
    cache: Arc<cache::PageCache>,
}

impl Site {
    /// A site over the archive at `path`, opened read-only.
    pub fn new(path: PathBuf) -> Arc<Site> {
        Arc::new(Site {
            pool: Pool::new(path),
            cache: Arc::default(),
        })
    }
}

/// The whole site: pages, API, OpenAPI document, feeds, static files, and the security
/// layers around them.
pub fn router(site: Arc<Site>) -> Router {
    let (api_router, openapi) = api::router();
    let openapi = Arc::new(openapi);
    Router::new()
        .merge(pages::router())
        .merge(documents::router())
        .merge(feeds::router())
        .merge(api_router)
        .route(
            "/api/openapi.json",
            axum::routing::get(move || {
                let openapi = Arc::clone(&openapi);
                async move { axum::Json(openapi.as_ref().clone()) }
            }),
        )
        .fallback(pages::not_found)
        .with_state(site)
        .layer(axum::middleware::from_fn(security::headers))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(16 * 1024))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(10),
        ))
}

/// The OpenAPI 3.1 document of the JSON API, as served at `/api/openapi.json`.
pub fn openapi_json() -> String {
    let (_, openapi) = api::router();
    openapi
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Serves the archive at `path` on `bind` ("127.0.0.1:8080"), blocking until Ctrl-C.
/// `ready` is called with the address actually bound (port 0 picks a free one) once the
/// server accepts connections. The archive must exist; it is opened read-only.
pub fn run(bind: &str, path: PathBuf, ready: impl FnOnce(SocketAddr)) -> std::io::Result<()> {
    store::Store::open_read_only(&path)
        .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(bind).await.map_err(|e| {
            let hint = if e.kind() == std::io::ErrorKind::AddrInUse {
                " (another program listens there; --bind 127.0.0.1:0 picks a free port)"
            } else {
                ""
            };
            std::io::Error::new(e.kind(), format!("cannot listen on {bind}: {e}{hint}"))
        })?;
        ready(listener.local_addr()?);
        serve(listener, Site::new(path)).await
    })
}

/// Serves the site on `listener` until the process is stopped (Ctrl-C ends it cleanly).
pub async fn serve(listener: tokio::net::TcpListener, site: Arc<Site>) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(site).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
