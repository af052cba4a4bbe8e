#![recursion_limit = "256"]
//! Broadsheet: a news frontend rendered in the browser from static JSON content.
//!
//! - `routing`: the current [`Route`](broadsheet_model::Route), in-app navigation, scroll and focus.
//! - `data`: fetching content files with typed errors, a freshness-bound cache and decoding.
//! - `pages`: one view per route kind, each rendering synchronously from the data it is given.
//! - `components`: shared pieces (nav, cards, times) and one component per body block kind.
//! - `platform`: the only code that touches browser APIs, behind `cfg(target_arch = "wasm32")`.

pub mod app;
pub mod comments;
pub mod components;
pub mod config;
pub mod data;
pub mod pages;
pub mod platform;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routing;

pub use app::App;
pub use config::Config;
