//! Splitting a newest-first list of articles into listing pages.

use std::ops::Range;

/// Number of pages for `total` items, never less than 1 (an empty section still has a first page).
pub fn page_count(total: usize, page_size: u32) -> u32 {
    let size = page_size.max(1) as usize;
    total.div_ceil(size).max(1) as u32
}

/// The indices of the items on 1-based `page`; empty when the page is past the end.
pub fn page_range(total: usize, page_size: u32, page: u32) -> Range<usize> {
    let size = page_size.max(1) as usize;
    let start = (page.max(1) as usize - 1).saturating_mul(size).min(total);
    start..(start + size).min(total)
}

/// The neighbouring pages of a listing page: "Newer" is the page before, "Older" the one after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Neighbours {
    pub newer: Option<u32>,
    pub older: Option<u32>,
}

pub fn neighbours(page: u32, pages: u32) -> Neighbours {
    Neighbours {
        newer: (page > 1).then(|| page - 1),
        older: (page < pages).then(|| page + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(page_count(0, 6), 1);
        assert_eq!(page_count(6, 6), 1);
        assert_eq!(page_count(7, 6), 2);
        assert_eq!(page_count(13, 6), 3);
        assert_eq!(page_count(5, 0), 5);
    }

    #[test]
    fn ranges_cover_every_item_once() {
        let total = 13;
        let mut seen = vec![];
        for page in 1..=page_count(total, 6) {
            seen.extend(page_range(total, 6, page));
        }
        assert_eq!(seen, (0..total).collect::<Vec<_>>());
        assert_eq!(page_range(13, 6, 3), 12..13);
        assert_eq!(page_range(13, 6, 9), 13..13);
    }

    #[test]
    fn neighbour_links() {
        assert_eq!(neighbours(1, 3), Neighbours { newer: None, older: Some(2) });
        assert_eq!(neighbours(2, 3), Neighbours { newer: Some(1), older: Some(3) });
        assert_eq!(neighbours(3, 3), Neighbours { newer: Some(2), older: None });
        assert_eq!(neighbours(1, 1), Neighbours { newer: None, older: None });
    }
}
