//! The "Leave a Reply" form, as readers know it from WordPress, built so that nothing a reader types is lost.

use broadsheet_model::comments::{bytes_left, near_limit, validate, CommentDraft, CommentRequest, Field, FieldError};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::store::{self, Commenter, OwnComment, OwnStatus};
use super::submit::{submit, SubmitError};
use crate::platform;

/// Submitting sooner than this after the form appeared is held until then (bots submit at once; people never do).
const MIN_FILL_MS: f64 = 3000.0;

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Editing,
    Sending,
    /// `retry`: whether sending the same comment again may help (not when the endpoint refused it as it is).
    Failed { message: String, retry: bool },
    Sent(String),
}

/// What the form says once a comment is sent (or kept locally).
pub fn sent_message(status: OwnStatus) -> &'static str {
    match status {
        OwnStatus::Local => "Your comment is saved in this browser. Only you can see it.",
        OwnStatus::Pending => "Thank you. Your comment is awaiting moderation.",
        OwnStatus::Published => "Thank you. Your comment is published.",
    }
}

/// What one form holds: what the reader typed, and where its sending is. Kept by the comments section for a reply
/// form, so that the thread being redrawn around it (the reader's own comment arriving) loses none of it.
#[derive(Clone, Copy)]
pub struct FormState {
    text: RwSignal<String>,
    name: RwSignal<String>,
    email: RwSignal<String>,
    website: RwSignal<String>,
    remember: RwSignal<bool>,
    honeypot: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    phase: RwSignal<Phase>,
    /// The last request sent, for its idempotency key: a retry of the same comment keeps it, an edited one gets a
    /// new one.
    last_sent: StoredValue<Option<CommentRequest>>,
    /// The draft this browser keeps for this form, as the form last read or wrote it. Words that differ from it were
    /// not saved (storage blocked or full).
    saved: StoredValue<String>,
    shown_at: f64,
}

impl FormState {
    pub fn new(article: &str, parent: Option<&str>) -> FormState {
        let saved = store::load_commenter();
        let remember = saved.is_some();
        let saved = store::load_typed_commenter().or(saved).unwrap_or_default();
        let draft = store::load_draft(article, parent);
        FormState {
            text: RwSignal::new(draft.clone()),
            saved: StoredValue::new(draft),
            remember: RwSignal::new(remember),
            name: RwSignal::new(saved.name),
            email: RwSignal::new(saved.email),
            website: RwSignal::new(saved.website),
            honeypot: RwSignal::new(String::new()),
            errors: RwSignal::new(vec![]),
            phase: RwSignal::new(Phase::Editing),
            last_sent: StoredValue::new(None),
            shown_at: platform::now_ms(),
        }
    }
}

impl FormState {
    /// Whether this form holds words this browser could not keep (storage blocked or full): dropping the form's
    /// state would lose them.
    pub fn holds_unsaved(&self) -> bool {
        self.text.try_with_untracked(|text| !text.is_empty() && self.saved.with_value(|saved| saved != text)) == Some(true)
    }

    /// Storage was emptied (by the host page, say): the words here are no longer saved, and stay with the page
    /// without being written back.
    pub fn unsave(&self) {
        self.saved.set_value(String::new());
    }

    /// Another tab wrote this form's draft, or cleared it (it sent the comment): the words here follow, unless some
    /// of them could not be saved and the other tab's words do not start with them. Else a form shown again would
    /// write back a draft already sent, and words typed on elsewhere (after storage was emptied, say) would be
    /// written over by the older ones here.
    pub fn follow(&self, kept: String) {
        if !self.holds_unsaved() || self.text.with_untracked(|text| kept.starts_with(text.as_str())) {
            self.saved.set_value(kept.clone());
            self.text.try_set(kept);
        }
    }
}

/// The part of an element id that stands for a comment: its id's bytes in hex, so that ids differing only in
/// punctuation or in letters outside ASCII (`a-1`, `a1`) do not share one.
pub fn id_part(comment_id: &str) -> String {
    comment_id.bytes().flat_map(|b| [b >> 4, b & 15]).filter_map(|n| char::from_digit(n.into(), 16)).collect()
}

/// The id of the control for `field` in the form whose id is `form`.
fn control_id(form: &str, field: Field) -> String {
    format!("{form}-{}", field.name())
}

/// The id of the reply form under the comment `parent`; its controls' ids start with it and a `-`.
pub fn reply_form_id(parent: &str) -> String {
    format!("bs-reply-{}", id_part(parent))
}

/// The comment form. `parent` makes it a reply form with a "Cancel reply" button; `state`, kept by its owner,
/// outlives the form.
#[component]
pub fn CommentForm(
    article: String,
    endpoint: Option<String>,
    #[prop(optional)] parent: Option<String>,
    state: FormState,
    /// Called with the reader's comment once it is sent (or kept locally).
    on_posted: Callback<OwnComment>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let id = match &parent {
        Some(p) => reply_form_id(p),
        None => "bs-comment".to_string(),
    };
    let form_id = StoredValue::new(id.clone());
    let field_id = move |f: Field| control_id(&form_id.get_value(), f);
    let submit_id = format!("{id}-submit");
    let FormState { text, name, email, website, remember, honeypot, errors, phase, last_sent, saved, shown_at } = state;

    let draft_article = article.clone();
    let draft_parent = parent.clone();
    // Not the words storage already holds: a form shown again, or following another tab, would write back a draft
    // that tab has since sent.
    Effect::new(move |_| {
        let value = text.get();
        if saved.with_value(|saved| *saved != value) && store::save_draft(&draft_article, draft_parent.as_deref(), &value) {
            saved.set_value(value);
        }
    });
    // On input only: a form shown again must not put back the details it was opened with over newer ones typed
    // in another form since.
    let keep_typed = move || {
        store::keep_typed_commenter(&Commenter { name: name.get_untracked(), email: email.get_untracked(), website: website.get_untracked() });
    };

    let signal_of = move |f: Field| match f {
        Field::Text => text,
        Field::Name => name,
        Field::Email => email,
        Field::Website => website,
    };
    let error_of = move |f: Field| errors.with(|e| e.iter().find(|e| e.field == f).map(|e| e.message.clone()));

    let send_article = article.clone();
    let send_parent = parent.clone();
    let send = move || {
        if phase.get_untracked() == Phase::Sending {
            return; // a double click submits once
        }
        if !honeypot.get_untracked().is_empty() {
            // Only a bot fills the hidden field: behave as if sent, send and keep nothing.
            text.set(String::new());
            phase.set(Phase::Sent("Thank you, your comment has been sent.".into()));
            return;
        }
        let draft = CommentDraft { text: text.get_untracked(), name: name.get_untracked(), email: email.get_untracked(), website: website.get_untracked() };
        let valid = match validate(&draft) {
            Ok(valid) => valid,
            Err(found) => {
                let first = found[0].field;
                errors.set(found);
                phase.set(Phase::Editing);
                platform::focus_id(&field_id(first));
                return;
            }
        };
        errors.set(vec![]);
        let mut request = CommentRequest {
            article: send_article.clone(),
            parent: send_parent.clone(),
            name: valid.name.clone(),
            email: valid.email.clone(),
            website: valid.website.clone(),
            text: valid.text,
            client_id: String::new(),
        };
        // The same comment sent again keeps its key: by the request this form sent last, else by the text last sent
        // from this browser (after a reload, a return to the story, in another tab), so the endpoint can tell.
        let retried = match last_sent.get_value() {
            Some(last) => request.is_retry_of(&last).then_some(last.client_id),
            None => store::sent_key(&request.article, request.parent.as_deref(), &request.text),
        };
        request.client_id = retried.unwrap_or_else(platform::random_id);
        if endpoint.is_some() {
            store::save_sent_key(&request.article, request.parent.as_deref(), &request.text, &request.client_id);
        }
        last_sent.set_value(Some(request.clone()));
        phase.set(Phase::Sending);
        let endpoint = endpoint.clone();
        let remember_details = remember.get_untracked();
        let sent_text = text.get_untracked();
        // Read now: by the answer this form's own values may be gone with it, and reading one then would panic.
        let form = form_id.get_value();
        spawn_local(async move {
            let wait = shown_at + MIN_FILL_MS - platform::now_ms();
            if wait > 0.0 {
                platform::sleep_ms(wait.ceil() as u32).await;
            }
            // By the answer the form may be gone (a reply cancelled or another opened, the list redrawn, the reader
            // on another story): nothing below may touch it as if it were there. The comment is kept and its draft
            // cleared all the same, unless the reader has since typed a new one.
            match submit(endpoint.as_deref(), &request).await {
                Ok(own) => {
                    if remember_details {
                        store::save_commenter(&Commenter { name: request.name, email: request.email, website: request.website });
                    } else if store::load_typed_commenter().is_none_or(|typed| typed.name.trim() == request.name && typed.email.trim() == request.email) {
                        // Sent: unsaved details are not kept for someone else's comment from this tab. Not those the
                        // reader has typed since, into another form, while this one was being sent.
                        store::forget_typed_commenter();
                    }
                    if store::load_draft(&request.article, request.parent.as_deref()) == sent_text {
                        store::save_draft(&request.article, request.parent.as_deref(), "");
                    }
                    last_sent.set_value(None);
                    text.try_update(|text| {
                        if *text == sent_text {
                            text.clear();
                        }
                    });
                    phase.try_set(Phase::Sent(sent_message(own.status).into()));
                    on_posted.try_run(own);
                }
                // The field the endpoint named is marked as the form's own checks mark one, and focused if the
                // reader is still in this form (its description reads the words). A reader who has left the form
                // hears them from the status line instead: the summary is no live region.
                Err(SubmitError { message, field: Some(field), .. }) => {
                    let in_form = platform::focus_within(&form);
                    let outcome = if in_form { Phase::Editing } else { Phase::Failed { message: message.clone(), retry: false } };
                    if errors.try_set(vec![FieldError { field, message }]).is_none() && phase.try_set(outcome).is_none() && in_form {
                        platform::focus_id_in_place(&control_id(&form, field));
                    }
                }
                Err(e) => {
                    phase.try_set(Phase::Failed { message: e.message, retry: !e.refused });
                }
            }
        });
    };
    let send_again = send.clone();
    let submit_button = submit_id.clone();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        send();
    };

    let field = move |f: Field, kind: &'static str, autocomplete: &'static str, required: bool, note: Option<&'static str>| {
        let input_id = field_id(f);
        let error_id = format!("{input_id}-error");
        let count_id = format!("{input_id}-count");
        let note_id = format!("{input_id}-note");
        let value = signal_of(f);
        let described = {
            let (error_id, count_id, note_id) = (error_id.clone(), count_id.clone(), note_id.clone());
            move || {
                let mut ids = vec![];
                if note.is_some() {
                    ids.push(note_id.clone());
                }
                if error_of(f).is_some() {
                    ids.push(error_id.clone());
                }
                if value.with(|v| near_limit(f, v)) {
                    ids.push(count_id.clone());
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        let marker = required.then(|| view! { <span class="bs-field__required" aria-hidden="true">"*"</span> });
        let control = if kind == "textarea" {
            view! {
                <textarea id=input_id.clone() name=f.name() rows="8" autocomplete=autocomplete
                    aria-required=required.then_some("true")
                    aria-invalid=move || error_of(f).map(|_| "true") aria-describedby=described
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=input_id.clone() name=f.name() type=kind autocomplete=autocomplete
                    aria-required=required.then_some("true")
                    aria-invalid=move || error_of(f).map(|_| "true") aria-describedby=described
                    prop:value=move || value.get() on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        keep_typed();
                    }/>
            }
            .into_any()
        };
        view! {
            <div class="bs-field" class:bs-field--invalid=move || error_of(f).is_some()>
                <div class="bs-field__label"><label for=input_id.clone()>{f.label()}</label>{marker}</div>
                {note.map(|n| view! { <p class="bs-field__note" id=note_id.clone()>{n}</p> })}
                {control}
                {move || error_of(f).map(|m| view! { <p class="bs-field__error" id=error_id.clone()>{m}</p> })}
                {move || {
                    let left = value.with(|v| bytes_left(f, v));
                    value.with(|v| near_limit(f, v)).then(|| {
                        let words = if left >= 0 { format!("{left} bytes left") } else { format!("{} bytes over the limit", -left) };
                        view! { <p class="bs-field__count" class:bs-field__count--over=left < 0 id=count_id.clone()>{words}</p> }
                    })
                }}
            </div>
        }
    };

    let summary = move || {
        let found = errors.get();
        (!found.is_empty()).then(|| {
            // Focused here rather than followed as fragment links: inside a host page's shadow root the browser finds
            // no such id, and in hash routing the fragment would replace the app's place in the address.
            let items = found
                .iter()
                .map(|e| {
                    let target = field_id(e.field);
                    view! {
                        <li><a href=format!("#{target}") on:click=move |ev| {
                            ev.prevent_default();
                            platform::focus_id(&target);
                        }>{e.message.clone()}</a></li>
                    }
                })
                .collect_view();
            let count = if found.len() == 1 { "There is 1 problem with your comment:".to_string() } else { format!("There are {} problems with your comment:", found.len()) };
            view! { <p>{count}</p><ul>{items}</ul> }
        })
    };
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let is_reply = parent.is_some();
    view! {
        // Escape closes a reply form, as it closes a dialog; what was typed stays as a draft.
        <form class="bs-comment-form" id=id novalidate on:submit=on_submit aria-labelledby=labelled_by on:keydown=move |ev| {
            // Not the Escape that ends an input method's composition (Safari sends it with keyCode 229).
            if let Some(cancel) = on_cancel.filter(|_| ev.key() == "Escape" && !ev.is_composing() && ev.key_code() != 229) {
                ev.prevent_default();
                cancel.run(());
            }
        }>
            <h3 class="bs-comment-form__title" id=title_id>{if is_reply { "Reply" } else { "Leave a Reply" }}</h3>
            <p class="bs-comment-form__intro">"Required fields are marked " <span aria-hidden="true">"*"</span><span class="bs-visually-hidden">"as required"</span>"."</p>
            // Not a live region: focus goes to the first field in error, whose description a screen reader reads.
            // The summary read as well said the first error twice.
            <div class="bs-comment-form__summary">{summary}</div>
            {field(Field::Text, "textarea", "off", true, None)}
            {field(Field::Name, "text", "name", true, None)}
            {field(Field::Email, "email", "email", true, Some("Your email address will not be published."))}
            {field(Field::Website, "url", "url", false, None)}
            <div class="bs-honeypot" aria-hidden="true">
                <label for=format!("{id}-homepage")>"Leave this field empty"</label>
                <input id=format!("{id}-homepage") name="homepage" type="text" tabindex="-1" autocomplete="off"
                    prop:value=move || honeypot.get() on:input=move |ev| honeypot.set(event_target_value(&ev))/>
            </div>
            <div class="bs-field bs-field--check">
                <input id=format!("{id}-remember") type="checkbox" prop:checked=move || remember.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        remember.set(on);
                        if !on {
                            store::forget_commenter();
                        }
                    }/>
                <label for=format!("{id}-remember")>"Save my name, email, and website in this browser for the next time I comment."</label>
            </div>
            <div class="bs-comment-form__actions">
                // Not `disabled`: that would drop the reader's focus to the page while sending (`send` ignores a
                // second press).
                <button type="submit" class="bs-button" id=submit_id aria-disabled=move || (phase.get() == Phase::Sending).then_some("true")>
                    {move || if phase.get() == Phase::Sending { "Posting…" } else { "Post Comment" }}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="bs-button bs-button--quiet" on:click=move |_| cancel.run(())>"Cancel reply"</button>
                })}
            </div>
            <div class="bs-comment-form__status" role="status">
                {move || match phase.get() {
                    Phase::Failed { message, retry } => {
                        let again = send_again.clone();
                        let submit_button = submit_button.clone();
                        // It goes as the sending starts: focus moves to the form's own button first.
                        let try_again = retry.then(|| view! {
                            <button type="button" class="bs-button" on:click=move |_| {
                                platform::focus_id(&submit_button);
                                again();
                            }>"Try again"</button>
                        });
                        view! {
                            <div class="bs-comment-form__error">
                                <p>{message}</p>
                                <p hidden=retry>"Change it and post it again."</p>
                                {try_again}
                            </div>
                        }.into_any()
                    }
                    Phase::Sent(message) => view! { <p class="bs-comment-form__sent">{message}</p> }.into_any(),
                    Phase::Sending => view! { <p>"Posting your comment…"</p> }.into_any(),
                    Phase::Editing => ().into_any(),
                }}
            </div>
        </form>
    }
}
