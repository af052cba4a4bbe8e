//! Sending a comment: to the newsroom's endpoint when it has one, else into this browser only.

use broadsheet_model::comments::{Comment, CommentRequest, CommentResponse, CommentStatus};
use serde::Deserialize;

use super::store::{self, OwnComment, OwnStatus};
use crate::data::{json, post_json, FetchError};
use crate::platform;

/// Why a submission failed, in words for the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmitError(pub String);

/// The error body an endpoint may send with a 4xx or 5xx (docs/comments.md).
#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    message: String,
}

/// Sends `request` and records the comment in this browser so its author sees it. The caller keeps
/// `request.client_id` for retries, so an endpoint can tell a retry from a new comment.
pub async fn submit(endpoint: Option<&str>, request: &CommentRequest) -> Result<OwnComment, SubmitError> {
    let now_iso = platform::now_iso();
    let comment = |id: String| Comment {
        id,
        parent: request.parent.clone(),
        author: request.name.clone(),
        website: (!request.website.is_empty()).then(|| request.website.clone()),
        published: now_iso.clone(),
        text: request.text.clone(),
    };
    let own = match endpoint {
        None => OwnComment { comment: comment(format!("local-{}", request.client_id)), status: OwnStatus::Local },
        Some(url) => {
            let body = json::to_string(request).map_err(SubmitError)?;
            let (status, text) = post_json(url, body).await.map_err(|e| SubmitError(transport_message(&e)))?;
            if !(200..300).contains(&status) {
                if status < 500 {
                    store::forget_sent_key(&request.article, request.parent.as_deref());
                }
                return Err(SubmitError(status_message(status, &text)));
            }
            // Not the endpoint's answer at all (a sign-in page of a network's own, HTML): not known to be taken.
            let parsed = match text.trim().is_empty() {
                true => None,
                false => Some(json::Json::parse(&text).map_err(|_| {
                    SubmitError("The comment server sent an answer this page does not understand. Try again.".into())
                })?),
            };
            // A 2xx took the comment, even with an answer this page cannot read (none at all, JSON of another
            // shape): it is shown as awaiting moderation, as one the endpoint did not return. Asking to send it again would post
            // it twice at an endpoint that keeps no idempotency keys.
            let answer = parsed.and_then(|json| json.decode::<CommentResponse>().ok());
            let status = match answer.as_ref().map(|a| &a.status) {
                Some(CommentStatus::Published) => OwnStatus::Published,
                _ => OwnStatus::Pending,
            };
            let mut published = answer.and_then(|a| a.comment).unwrap_or_else(|| comment(format!("sent-{}", request.client_id)));
            // Shown where the reader replied, whatever thread the endpoint files it under.
            published.parent = request.parent.clone();
            OwnComment { comment: published, status }
        }
    };
    store::add_own(&request.article, own.clone());
    Ok(own)
}

fn transport_message(error: &FetchError) -> String {
    match error {
        FetchError::Offline => "You're offline, so your comment was not sent. Your text is kept here: try again when you're back online.".into(),
        FetchError::Timeout => "The comment server took too long to answer, so your comment may not have been sent. Your text is kept here: try again.".into(),
        _ => "Your comment could not be sent: the comment server could not be reached. Your text is kept here: try again.".into(),
    }
}

fn status_message(status: u16, body: &str) -> String {
    let detail = json::from_str::<ErrorBody>(body).ok().map(|b| b.error.message);
    match (status, detail) {
        (_, Some(message)) if status < 500 => format!("The comment was not accepted: {message}"),
        (429, None) => "You are commenting too fast. Wait a minute, then try again.".into(),
        (400..=499, None) => format!("The comment server refused the comment (error {status})."),
        _ => format!("The comment server had a problem (error {status}), so your comment was not sent. Your text is kept here: try again."),
    }
}
