use broadsheet_model::urls::image_url;
use broadsheet_model::Image;
use leptos::prelude::*;

use crate::Config;

/// An image with its caption. Width and height reserve its box before it loads; images below the fold load
/// lazily. An image whose URL is not allowed (see `broadsheet_model::urls`) renders nothing.
#[component]
pub fn Figure(
    image: Image,
    #[prop(optional)] eager: bool,
    #[prop(optional)] class: &'static str,
    /// Cards show the picture only; the caption belongs to the article.
    #[prop(optional)]
    no_caption: bool,
) -> impl IntoView {
    let config = expect_context::<Config>();
    let src = image_url(&image.src, &config.content_base)?;
    let caption = (!no_caption && !image.caption.is_empty()).then(|| view! { <figcaption>{image.caption.clone()}</figcaption> });
    Some(view! {
        <figure class=format!("bs-figure {class}")>
            <img
                src=src
                alt=image.alt
                width=image.width
                height=image.height
                loading=if eager { "eager" } else { "lazy" }
                // The eager image is the page's lead picture, usually its largest paint: ahead of the app's WASM.
                fetchpriority=if eager { "high" } else { "auto" }
                decoding=if eager { "sync" } else { "async" }
            />
            {caption}
        </figure>
    })
}
