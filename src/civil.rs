//! Calendar dates without jiff's parser, printer or span arithmetic (issue 12): those pull tens
//! of kilobytes of time-zone and RFC 9557 code into the page's wasm, where the app needs only
//! `YYYY-MM-DD` in and out and day counts.

use jiff::civil::Date;

/// A strict `YYYY-MM-DD` (surrounding spaces allowed).
pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// The date as `YYYY-MM-DD`.
pub fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Days since 1970-01-01 (negative before), by the civil-from-days inverse of H. Hinnant.
pub fn day_number(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_print_and_count() {
        let d = parse_date(" 2024-02-29 ").unwrap();
        assert_eq!(iso(d), "2024-02-29");
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2023-2-01"), None);
        assert_eq!(parse_date("2023-02-01T00"), None);
        assert_eq!(day_number(Date::new(1970, 1, 1).unwrap()), 0);
        assert_eq!(day_number(Date::new(2000, 3, 1).unwrap()), 11_017);
        let a = Date::new(1999, 12, 31).unwrap();
        let b = Date::new(2001, 1, 1).unwrap();
        assert_eq!(day_number(b) - day_number(a), 367);
    }
}
