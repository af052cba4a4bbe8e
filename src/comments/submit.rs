//! Sending a comment: to the newsroom's endpoint when it has one, else into this browser only.

use broadsheet_model::comments::{Comment, CommentRequest, CommentResponse, CommentStatus, Field};
use serde::Deserialize;

use super::store::{self, OwnComment, OwnStatus};
use crate::data::{json, post_json, FetchError};
use crate::platform;

/// Why a submission failed, in words for the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmitError {
    pub message: String,
    /// The endpoint refused the comment as it is (a 4xx other than "too fast" or "too slow"): sending the same
    /// again would be refused again, so the form offers no "Try again".
    pub refused: bool,
    /// The field the endpoint gave as the reason, when the form has it; `message` is then the endpoint's own.
    pub field: Option<Field>,
}

impl SubmitError {
    /// A failure that sending the same comment again may get past (the network, the server, an unreadable answer).
    fn passing(message: impl Into<String>) -> SubmitError {
        SubmitError { message: message.into(), refused: false, field: None }
    }
}

/// The error body an endpoint may send with a 4xx or 5xx (docs/comments.md).
#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    message: String,
    /// Empty when not given (not an `Option`: that would take a decoder of its own into the island).
    #[serde(default)]
    field: String,
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
            let body = json::to_string(request).map_err(SubmitError::passing)?;
            let (status, text) = post_json(url, body).await.map_err(|e| SubmitError::passing(transport_message(&e)))?;
            if !(200..300).contains(&status) {
                if status < 500 {
                    store::forget_sent_key(&request.article, request.parent.as_deref());
                }
                return Err(status_error(status, &text));
            }
            // Not the endpoint's answer at all (a sign-in page of a network's own, HTML): not known to be taken.
            let parsed = match text.trim().is_empty() {
                true => None,
                false => Some(json::Json::parse(&text).map_err(|_| {
                    SubmitError::passing("The comment server sent an answer this page does not understand. Try again.")
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

fn status_error(status: u16, body: &str) -> SubmitError {
    let detail = json::from_str::<ErrorBody>(body).ok().map(|b| b.error);
    // Too fast, or the request too slow to arrive: the same comment may go through later.
    let refused = (400..500).contains(&status) && !matches!(status, 408 | 425 | 429);
    let field = detail.as_ref().filter(|_| status < 500).and_then(|d| Field::from_key(&d.field));
    let message = match (status, detail) {
        (_, Some(detail)) if field.is_some() => detail.message,
        (_, Some(detail)) if status < 500 => format!("The comment was not accepted: {}", detail.message),
        (429, None) => "You are commenting too fast. Wait a minute, then try again.".into(),
        (400..=499, None) => format!("The comment server refused the comment (error {status})."),
        _ => format!("The comment server had a problem (error {status}), so your comment was not sent. Your text is kept here: try again."),
    };
    SubmitError { message, refused, field }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_naming_a_field_is_that_fields_error_in_the_endpoints_words() {
        let body = r#"{"error":{"code":"email","message":"That email address bounces.","field":"email"}}"#;
        assert_eq!(status_error(422, body), SubmitError { message: "That email address bounces.".into(), refused: true, field: Some(Field::Email) });
    }

    #[test]
    fn a_refusal_without_a_field_is_not_to_be_sent_again() {
        let body = r#"{"error":{"code":"spam","message":"Links are not allowed in comments."}}"#;
        let error = status_error(400, body);
        assert_eq!(error.message, "The comment was not accepted: Links are not allowed in comments.");
        assert!(error.refused);
        assert!(status_error(403, "").refused);
        // A field the form does not have is no field to mark.
        let unknown = status_error(400, r#"{"error":{"code":"captcha","message":"Solve the captcha.","field":"captcha"}}"#);
        assert_eq!((unknown.field, unknown.refused), (None, true));
    }

    #[test]
    fn too_fast_too_slow_and_server_failures_may_be_sent_again() {
        for status in [408, 425, 429, 500, 503] {
            let error = status_error(status, "");
            assert!(!error.refused, "{status}");
            assert_eq!(error.field, None);
        }
        assert_eq!(status_error(429, "").message, "You are commenting too fast. Wait a minute, then try again.");
        // A server failure's body names no field the reader could fix.
        assert_eq!(status_error(500, r#"{"error":{"code":"db","message":"x","field":"text"}}"#).field, None);
    }
}
