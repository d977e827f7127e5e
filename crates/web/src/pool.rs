//! A small pool of read-only connections to the archive, and the one way handlers use it:
//! [`Pool::run`] takes a connection, runs a closure on a blocking thread, and gives the
//! connection back, so SQLite never blocks the async workers.
//!
//! Connections are opened lazily and kept; a connection that fails is dropped, not reused.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use store::{Store, StoreError};

/// Why a request could not be answered; turned into a 404, 400 or 500 by the handlers.
#[derive(Debug)]
pub enum WebError {
    NotFound,
    BadRequest(String),
    /// Logged on standard error, never shown.
    Internal(String),
}

impl From<StoreError> for WebError {
    fn from(error: StoreError) -> WebError {
        match error {
            StoreError::NoSuchMeeting(_)
            | StoreError::NoSuchGroup(_)
            | StoreError::NoSuchPerson(_) => WebError::NotFound,
            StoreError::Invalid(message) => WebError::BadRequest(message),
            e @ StoreError::AmbiguousPerson { .. } => WebError::BadRequest(e.to_string()),
            other => WebError::Internal(other.to_string()),
        }
    }
}

#[derive(Clone)]
pub struct Pool {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
}

impl Pool {
    pub fn new(path: PathBuf) -> Pool {
        Pool {
            inner: Arc::new(Inner {
                path,
                idle: Mutex::new(Vec::new()),
            }),
        }
    }

    /// Runs `work` with a connection, on a thread where blocking is allowed.
    pub async fn run<T, F>(&self, work: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, WebError> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let taken = inner.idle.lock().map_or(None, |mut idle| idle.pop());
            let store = match taken {
                Some(store) => store,
                None => Store::open_read_only(&inner.path)
                    .map_err(|e| WebError::Internal(format!("{}: {e}", inner.path.display())))?,
            };
            let result = work(&store);
            if !matches!(result, Err(WebError::Internal(_)))
                && let Ok(mut idle) = inner.idle.lock()
            {
                idle.push(store);
            }
            result
        })
        .await
        .map_err(|e| WebError::Internal(format!("a request's task failed: {e}")))?
    }
}
