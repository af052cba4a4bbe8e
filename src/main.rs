fn main() {
    #[cfg(target_arch = "wasm32")]
    broadsheet::platform::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("broadsheet runs in the browser: build it with `trunk build` (see README.md)");
}
