//! Pieces shared by the pages. Each renders synchronously from the data it is given.

pub mod blocks;
pub mod figure;
pub mod section_nav;
pub mod share_button;
pub mod skeleton;
pub mod teaser_card;
pub mod theme_toggle;
pub mod timestamp;

pub use figure::Figure;
pub use section_nav::SectionNav;
pub use share_button::ShareButton;
pub use skeleton::Skeleton;
pub use teaser_card::TeaserCard;
pub use theme_toggle::ThemeToggle;
pub use timestamp::{time_label, Timestamp};

use broadsheet_model::Site;

/// The title of section `slug`, or the slug itself when the site file does not list it.
pub fn section_title(site: &Site, slug: &str) -> String {
    site.section(slug).map(|s| s.title.clone()).unwrap_or_else(|| slug.to_string())
}
