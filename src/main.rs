//! The app's entry points, called by `public/loader.js` once the WASM is instantiated: `rehearse_app` in a task of
//! its own, then `start_app` (docs/architecture.md).

#[cfg(target_arch = "wasm32")]
mod entry {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    pub fn rehearse_app() {
        broadsheet::platform::rehearse();
    }

    #[wasm_bindgen]
    pub fn start_app() {
        broadsheet::platform::start();
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("broadsheet runs in the browser: build it with `trunk build` (see README.md)");
}
