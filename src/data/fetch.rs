//! Getting the bytes of a content file over HTTP, with a size cap and a time limit.

use super::FetchError;

/// Responses above this are refused: by Content-Length when present, else by cancelling the stream here.
pub const MAX_BYTES: usize = broadsheet_model::format::MAX_FILE_BYTES;
/// A request with no complete answer after this long fails with [`FetchError::Timeout`].
pub const TIMEOUT_MS: u32 = 10_000;

#[cfg(target_arch = "wasm32")]
pub use browser::{fetch_bytes, post_json};

#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_bytes(_url: &str) -> Result<Vec<u8>, FetchError> {
    Err(FetchError::Network)
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn post_json(_url: &str, _body: String) -> Result<(u16, String), FetchError> {
    Err(FetchError::Network)
}


#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::Cell;
    use std::rc::Rc;

    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{AbortController, Headers, ReadableStreamDefaultReader, RequestInit, Response};

    use super::{FetchError, MAX_BYTES, TIMEOUT_MS};

    /// Aborts the request behind `controller` after the time limit; dropping the guard cancels the timer.
    fn deadline(controller: &Option<AbortController>, timed_out: &Rc<Cell<bool>>) -> Option<gloo_timers::callback::Timeout> {
        controller.clone().map(|controller| {
            let timed_out = timed_out.clone();
            gloo_timers::callback::Timeout::new(TIMEOUT_MS, move || {
                timed_out.set(true);
                controller.abort();
            })
        })
    }

    /// The browser's own `fetch`, cancelled through `controller` when it has one.
    async fn send(url: &str, init: RequestInit, controller: &Option<AbortController>) -> Result<Response, JsValue> {
        init.set_signal(controller.as_ref().map(|c| c.signal()).as_ref());
        JsFuture::from(web_sys::window().ok_or(JsValue::NULL)?.fetch_with_str_and_init(url, &init)).await?.dyn_into()
    }

    fn failure(timed_out: &Cell<bool>) -> FetchError {
        if timed_out.get() {
            FetchError::Timeout
        } else if !crate::platform::online() {
            FetchError::Offline
        } else {
            FetchError::Network
        }
    }

    pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
        // Only the web's own schemes (or a path on this origin): a hostile `data-content` never becomes a request
        // of another kind.
        if broadsheet_model::urls::link_url(url).is_none() {
            return Err(FetchError::Network);
        }
        let controller = AbortController::new().ok();
        let timed_out = Rc::new(Cell::new(false));
        let _timer = deadline(&controller, &timed_out);
        let response = send(url, RequestInit::new(), &controller).await.map_err(|_| failure(&timed_out))?;
        match response.status() {
            200..=299 => {}
            404 | 410 => return Err(FetchError::NotFound),
            status => return Err(FetchError::Http(status)),
        }
        read_body(&response, &timed_out).await
    }

    /// The body of `response`, refused over the size cap: by its Content-Length when it has one, else by cancelling
    /// the stream once more has come.
    async fn read_body(response: &Response, timed_out: &Cell<bool>) -> Result<Vec<u8>, FetchError> {
        let declared = response.headers().get("content-length").ok().flatten().and_then(|v| v.trim().parse::<usize>().ok());
        if declared.is_some_and(|len| len > MAX_BYTES) {
            return Err(FetchError::TooLarge);
        }
        let Some(stream) = response.body() else {
            return Ok(vec![]);
        };
        let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
        let mut bytes = Vec::with_capacity(declared.unwrap_or(16 * 1024));
        loop {
            let chunk = JsFuture::from(reader.read()).await.map_err(|_| failure(timed_out))?;
            let done = js_sys::Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true);
            if done {
                break;
            }
            let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| FetchError::Network)?;
            let array: js_sys::Uint8Array = value.unchecked_into();
            if bytes.len() + array.length() as usize > MAX_BYTES {
                let _ = reader.cancel();
                return Err(FetchError::TooLarge);
            }
            let start = bytes.len();
            bytes.resize(start + array.length() as usize, 0);
            array.copy_to(&mut bytes[start..]);
        }
        Ok(bytes)
    }

    /// POSTs a JSON body; any HTTP answer is returned with its status and text, only transport failures are errors.
    pub async fn post_json(url: &str, body: String) -> Result<(u16, String), FetchError> {
        let controller = AbortController::new().ok();
        let timed_out = Rc::new(Cell::new(false));
        let _timer = deadline(&controller, &timed_out);
        let init = RequestInit::new();
        init.set_method("POST");
        let headers = Headers::new().map_err(|_| FetchError::Network)?;
        let _ = headers.set("Content-Type", "application/json");
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(&body));
        let response = send(url, init, &controller).await.map_err(|_| failure(&timed_out))?;
        let text = match read_body(&response, &timed_out).await {
            // Without a byte-order mark (a .NET or PHP server may send one; JSON.parse refuses it), and text that is not
            // UTF-8 (an older server's error message) read as Latin-1, its likeliest encoding, not thrown away.
            Ok(bytes) => {
                let text = String::from_utf8(bytes).unwrap_or_else(|e| e.into_bytes().into_iter().map(char::from).collect());
                text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)
            }
            // Over the size cap: no endpoint answers at such length, and it is not downloaded whole.
            Err(FetchError::TooLarge) => String::new(),
            // A body lost after a 2xx is still a 2xx: the comment was taken, and must not be sent again.
            Err(_) if response.ok() => String::new(),
            Err(e) => return Err(e),
        };
        Ok((response.status(), text))
    }
}
