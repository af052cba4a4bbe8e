//! Everything that touches the browser. Native builds (tests, and later the pre-renderer) get inert stand-ins,
//! so components and pages stay pure and render anywhere.

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
