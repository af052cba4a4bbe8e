//! One component per body block kind, picked by [`BodyBlock`] (after the Guardian's `renderElement`).

mod image;
mod paragraph;
mod pull_quote;
mod read_more;
mod subheading;

use broadsheet_model::Block;
use leptos::prelude::*;

pub use image::ImageBlock;
pub use paragraph::Paragraph;
pub use pull_quote::PullQuote;
pub use read_more::ReadMore;
pub use subheading::Subheading;

/// Renders one body block. Kinds this app does not know render nothing, so newer content still reads.
#[component]
pub fn BodyBlock(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph { text } => view! { <Paragraph text=text/> }.into_any(),
        Block::Subheading { text } => view! { <Subheading text=text/> }.into_any(),
        Block::PullQuote { text, attribution } => view! { <PullQuote text=text attribution=attribution/> }.into_any(),
        Block::Image(image) => view! { <ImageBlock image=image/> }.into_any(),
        Block::ReadMore { slug, section, headline } => {
            view! { <ReadMore slug=slug section=section headline=headline/> }.into_any()
        }
        Block::Unknown => ().into_any(),
    }
}
