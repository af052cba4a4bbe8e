//! ISO 8601 timestamps, without a date-time crate: parsing to a UTC instant, and the label a page shows for one at
//! a given UTC offset (0 in pre-rendered HTML; the app re-renders it at the reader's offset).

/// Seconds since 1970-01-01T00:00:00Z of `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`; `None` for anything else,
/// including a missing offset (a local time without a zone is ambiguous).
pub fn parse_timestamp(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(range)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    if b.len() < 17 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') || b[13] != b':' {
        return None;
    }
    let (year, month, day, hour, minute) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?);
    let mut rest = &s[16..];
    let mut second = 0;
    if let Some(r) = rest.strip_prefix(':') {
        second = num_str(r.get(..2)?)?;
        rest = &r[2..];
        if let Some(r) = rest.strip_prefix('.') {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            rest = &r[digits..];
        }
    }
    let offset_minutes = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            if rest.len() != 6 || rest.as_bytes()[3] != b':' {
                return None;
            }
            let (h, m) = (num_str(&rest[1..3])?, num_str(&rest[4..6])?);
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 60 + m)
        }
    };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60)
}

fn num_str(part: &str) -> Option<i64> {
    (part.len() == 2 && part.bytes().all(|c| c.is_ascii_digit())).then(|| part.parse().ok())?
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of a day number since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (if month <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, month, day)
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "Nov 23, 2026, 11:15 PM UTC−8": the instant `timestamp` as seen `offset_minutes` east of UTC (the reader's
/// offset at that instant), in the page's English house style with the zone as an offset. Pre-rendered pages,
/// which cannot know the reader's zone, show it at offset 0 ("… 7:15 AM UTC"), so the text keeps its shape when
/// the app re-renders it. An offset beyond ±18 hours is not a real zone: such a time is shown in UTC.
pub fn time_label(timestamp: &str, offset_minutes: i32) -> Option<String> {
    Some(label_at(parse_timestamp(timestamp)?, offset_minutes))
}

/// [`time_label`] for an instant already parsed ([`parse_timestamp`]'s seconds). `public/early.js` writes the same
/// words into a pre-rendered page before the app starts (`localTime`): keep the two alike.
pub fn label_at(instant: i64, offset_minutes: i32) -> String {
    let offset = if offset_minutes.abs() <= 18 * 60 { offset_minutes } else { 0 };
    let secs = instant + i64::from(offset) * 60;
    let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
    let in_day = secs.rem_euclid(86_400);
    let (hour, minute) = (in_day / 3600, in_day % 3600 / 60);
    let (h12, half) = match hour {
        0 => (12, "AM"),
        1..=11 => (hour, "AM"),
        12 => (12, "PM"),
        _ => (hour - 12, "PM"),
    };
    format!("{} {day}, {year}, {h12}:{minute:02} {half} {}", MONTHS[month as usize - 1], zone(offset))
}

/// "UTC", "UTC+1", "UTC−8" (a minus sign, which screen readers say as "minus"), "UTC+5:30".
fn zone(offset_minutes: i32) -> String {
    let (sign, abs) = if offset_minutes < 0 { ('−', -offset_minutes) } else { ('+', offset_minutes) };
    match (abs / 60, abs % 60) {
        (0, 0) => "UTC".to_string(),
        (hours, 0) => format!("UTC{sign}{hours}"),
        (hours, minutes) => format!("UTC{sign}{hours}:{minutes:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_to_the_same_instant() {
        let a = parse_timestamp("2026-11-24T07:15:00+00:00").unwrap();
        assert_eq!(parse_timestamp("2026-11-24T07:15:00Z"), Some(a));
        assert_eq!(parse_timestamp("2026-11-23T23:15:00-08:00"), Some(a));
        assert_eq!(parse_timestamp("2026-11-24T07:15+00:00"), Some(a));
        assert_eq!(parse_timestamp("2026-11-24T07:15:00.250Z"), Some(a));
    }

    #[test]
    fn known_epoch_values() {
        assert_eq!(parse_timestamp("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_timestamp("2000-03-01T00:00:00Z"), Some(951_868_800));
        assert_eq!(parse_timestamp("2024-02-29T12:00:00Z"), Some(1_709_208_000));
    }

    #[test]
    fn rejects_bad_input() {
        for s in ["", "2026-11-24", "2026-11-24T07:15:00", "2026-13-01T00:00Z", "2026-02-29T00:00Z",
            "2026-11-24T24:00Z", "2026-11-24T07:15:00+0000", "2026-11-24T07:15:00+00:00x", "２０２６-11-24T07:15Z",
            "2026-11-24T07:15:00.Z",
            // A leap second: browsers' `Date.parse` refuses it, so the page's label could not be put in local time.
            "2026-12-31T23:59:60Z"]
        {
            assert_eq!(parse_timestamp(s), None, "{s}");
        }
    }

    #[test]
    fn labels_in_utc() {
        assert_eq!(time_label("2026-11-23T23:15:00-08:00", 0).unwrap(), "Nov 24, 2026, 7:15 AM UTC");
        assert_eq!(time_label("1969-12-31T23:59:00Z", 0).unwrap(), "Dec 31, 1969, 11:59 PM UTC");
        assert_eq!(time_label("2026-01-01T00:05:00Z", 0).unwrap(), "Jan 1, 2026, 12:05 AM UTC");
        assert_eq!(time_label("2026-01-01T12:00:00Z", 0).unwrap(), "Jan 1, 2026, 12:00 PM UTC");
        assert_eq!(time_label("nope", 0), None);
    }

    #[test]
    fn labels_at_the_readers_offset() {
        let at = |offset| time_label("2026-11-24T07:15:00Z", offset).unwrap();
        assert_eq!(at(-480), "Nov 23, 2026, 11:15 PM UTC−8");
        assert_eq!(at(60), "Nov 24, 2026, 8:15 AM UTC+1");
        assert_eq!(at(330), "Nov 24, 2026, 12:45 PM UTC+5:30");
        assert_eq!(at(-210), "Nov 24, 2026, 3:45 AM UTC−3:30");
        assert_eq!(at(840), "Nov 24, 2026, 9:15 PM UTC+14");
        // Across a year's end, and an offset no zone has.
        assert_eq!(time_label("2026-12-31T23:30:00Z", 60).unwrap(), "Jan 1, 2027, 12:30 AM UTC+1");
        assert_eq!(at(24 * 60), "Nov 24, 2026, 7:15 AM UTC");
    }
}
