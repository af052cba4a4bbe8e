use broadsheet_model::decode::DecodeError;

/// Every way getting a content file can fail. Each has a view a reader can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The browser is offline.
    Offline,
    /// The request failed without an HTTP answer (connection refused, DNS, CORS).
    Network,
    /// No answer within the time limit.
    Timeout,
    /// 404 or 410: the page does not exist.
    NotFound,
    /// Any other non-2xx status.
    Http(u16),
    /// The answer was not a valid content file.
    Malformed(String),
    /// The answer was larger than the limit and was not read to the end.
    TooLarge,
    /// The file is of a newer content format than this app understands.
    UpdateNeeded(u32),
}

impl From<DecodeError> for FetchError {
    fn from(e: DecodeError) -> Self {
        match e {
            DecodeError::TooNew { found } => FetchError::UpdateNeeded(found),
            DecodeError::Malformed(m) => FetchError::Malformed(m),
        }
    }
}

impl FetchError {
    /// Heading of the error view.
    pub fn title(&self) -> &'static str {
        match self {
            FetchError::Offline => "You're offline",
            FetchError::Timeout => "Taking too long",
            FetchError::NotFound => "Page not found",
            FetchError::UpdateNeeded(_) => "Update needed",
            FetchError::Network | FetchError::Http(_) | FetchError::Malformed(_) | FetchError::TooLarge => {
                "This page could not be loaded"
            }
        }
    }

    /// What happened, in a reader's words.
    pub fn message(&self) -> String {
        match self {
            FetchError::Offline => "Check your connection, then try again. Pages you have already opened still work.".into(),
            FetchError::Network => "The news server could not be reached. Check your connection and try again.".into(),
            FetchError::Timeout => "The news server did not answer in time. It may be busy; try again.".into(),
            FetchError::NotFound => "There is no page at this address.".into(),
            FetchError::Http(status) if *status >= 500 => format!("The news server had a problem (error {status}). Try again in a moment."),
            FetchError::Http(status) => format!("The news server refused the request (error {status})."),
            FetchError::Malformed(_) => "The page arrived damaged and could not be shown. Try again in a moment.".into(),
            FetchError::TooLarge => "The page is too large to show.".into(),
            FetchError::UpdateNeeded(_) => "This story uses a newer format than this version of the site can read. Try again to reload the page with the newer version.".into(),
        }
    }
}
