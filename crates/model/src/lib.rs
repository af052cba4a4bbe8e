//! The Broadsheet content model: one definition of the content contract shared by the app (in the browser) and
//! the tooling (native). Nothing here touches a browser, a file system or a clock.

pub mod comments;
pub mod decode;
pub mod format;
pub mod links;
pub mod paging;
pub mod reading;
pub mod route;
pub mod time;
pub mod urls;

pub use format::*;
pub use route::Route;
