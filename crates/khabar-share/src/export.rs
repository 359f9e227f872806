//! The files the app offers to download (issue 13): the analysis exactly as `khabar analyze`
//! prints it (JSON, TimeML, brat: the same serialiser and the same `khabar_nlp::format`
//! functions, so the bytes are equal — `crates/khabar-cli/tests/export_identity.rs` checks it),
//! the timeline as CSV (RFC 4180) and its dated events as iCalendar (RFC 5545).

use khabar_nlp::Analysis;
use khabar_nlp::analysis::{Event, EventStatus};

/// The analysis as `khabar analyze --format json` prints it: pretty JSON and a final newline.
pub fn analysis_json(analysis: &Analysis) -> String {
    let mut json = serde_json::to_string_pretty(analysis).unwrap_or_default();
    json.push('\n');
    json
}

/// The text with TIMEX3 tags, as `khabar analyze --format timeml` prints it.
pub fn timeml(text: &str, analysis: &Analysis) -> String {
    khabar_nlp::format::timeml(text, analysis)
}

/// brat standoff, as `khabar analyze --format brat` prints it.
pub fn brat(analysis: &Analysis) -> String {
    khabar_nlp::format::brat(analysis)
}

/// The timeline as CSV: a header row, then one row per event in timeline order, CRLF line ends
/// (RFC 4180). Participants and place are entity names; a field that a spreadsheet would read
/// as a formula (starting with `=`, `+`, `-`, `@`) is prefixed with `'`.
pub fn timeline_csv(analysis: &Analysis) -> String {
    let mut out = String::from(
        "id,kind,status,value,first,last,time,label,label_en,participants,place,trigger\r\n",
    );
    for event in &analysis.events {
        let (first, last) = days(event).unwrap_or_default();
        let time_text = event
            .time
            .as_deref()
            .and_then(|id| analysis.times.iter().find(|t| t.id == id))
            .map_or("", |t| t.text.as_str());
        let participants: Vec<&str> = event
            .participants
            .iter()
            .map(|id| entity_name(analysis, id))
            .collect();
        let place = event
            .place
            .as_deref()
            .map_or("", |id| entity_name(analysis, id));
        let fields = [
            event.id.as_str(),
            event.kind.as_str(),
            event.status.as_str(),
            event.value.as_deref().unwrap_or(""),
            first,
            last,
            time_text,
            &event.label,
            &event.label_en,
            &participants.join("; "),
            place,
            &event.trigger.text,
        ];
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_csv_field(&mut out, field);
        }
        out.push_str("\r\n");
    }
    out
}

/// The events with a calendar date as an iCalendar file (RFC 5545): CRLF line ends, lines
/// folded at 75 octets, TEXT values escaped. A day, week, month, … is an all-day event from
/// its first day to the day after its last (`DTEND` is exclusive); a time of day is a floating
/// `DATE-TIME` (the article does not say the time zone). Events without a calendar date (a
/// duration, «in the past») are left out.
///
/// `DTSTAMP` is required, and reading a clock would make the file differ between two
/// downloads of the same view; it is the publication date at 00:00 UTC — when the information
/// was true — or, without one, the last day the exported events cover. `UID` is the event id
/// with a hash of the text, stable for the same article.
pub fn timeline_ics(text: &str, analysis: &Analysis) -> String {
    let dated: Vec<(&Event, &str, &str)> = analysis
        .events
        .iter()
        .filter_map(|e| days(e).map(|(first, last)| (e, first, last)))
        .collect();
    let stamp_day = analysis
        .reference_date
        .as_deref()
        .filter(|d| parse_day(d).is_some())
        .or_else(|| dated.iter().map(|&(_, _, last)| last).max());
    let hash = fnv1a(text.as_bytes());
    let mut out = String::new();
    let mut line = |l: &str| push_folded(&mut out, l);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//khabar//khabar timeline//EN");
    line("CALSCALE:GREGORIAN");
    for (event, first, last) in dated {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}-{hash:016x}@khabar", event.id));
        if let Some(day) = stamp_day.and_then(parse_day) {
            line(&format!("DTSTAMP:{}T000000Z", compact(day)));
        }
        let minute = event.value.as_deref().and_then(parse_minute);
        match (minute, parse_day(first), parse_day(last)) {
            (Some(minute), _, _) => line(&format!("DTSTART:{minute}")),
            (None, Some(first), Some(last)) => {
                line(&format!("DTSTART;VALUE=DATE:{}", compact(first)));
                line(&format!("DTEND;VALUE=DATE:{}", compact(next_day(last))));
            }
            _ => {}
        }
        let summary = if event.label.is_empty() {
            event.kind.as_str()
        } else {
            &event.label
        };
        line(&format!("SUMMARY:{}", escape_text(summary)));
        let sentence = slice_chars(text, event.sentence.start, event.sentence.end);
        let description = [event.label_en.as_str(), sentence.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape_text(&description)));
        }
        let status = match event.status {
            EventStatus::Planned | EventStatus::Possible => "TENTATIVE",
            EventStatus::Occurred | EventStatus::Ongoing | EventStatus::Reported => "CONFIRMED",
        };
        line(&format!("STATUS:{status}"));
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// The first and last day an event's calendar time covers (`YYYY-MM-DD`), if it has one.
fn days(event: &Event) -> Option<(&str, &str)> {
    let typed = event.typed.as_ref().filter(|t| t.kind == "calendar")?;
    Some((typed.first.as_deref()?, typed.last.as_deref()?))
}

fn entity_name<'a>(analysis: &'a Analysis, id: &'a str) -> &'a str {
    analysis
        .entities
        .iter()
        .find(|e| e.id == id)
        .map_or(id, |e| e.name.as_str())
}

fn push_csv_field(out: &mut String, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@']);
    let quote = formula || field.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// Escapes an iCalendar TEXT value (RFC 5545 §3.3.11).
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no physical line exceeds 75 octets (RFC 5545
/// §3.1: CRLF then a space starts each continuation), never inside a UTF-8 sequence.
fn push_folded(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// `(year, month, day)` of a `YYYY-MM-DD` with a real month and day.
fn parse_day(value: &str) -> Option<(i32, u32, u32)> {
    let mut parts = value.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let valid = (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day);
    valid.then_some((year, month, day))
}

/// A TIMEX3 `YYYY-MM-DDTHH:MM` as an iCalendar floating DATE-TIME (`YYYYMMDDTHHMM00`).
fn parse_minute(value: &str) -> Option<String> {
    let (date, time) = value.split_once('T')?;
    let day = parse_day(date)?;
    let (hour, minute) = time.split_once(':')?;
    let (hour, minute): (u32, u32) = (hour.parse().ok()?, minute.parse().ok()?);
    (hour < 24 && minute < 60).then(|| format!("{}T{hour:02}{minute:02}00", compact(day)))
}

fn compact((year, month, day): (i32, u32, u32)) -> String {
    format!("{year:04}{month:02}{day:02}")
}

fn next_day((year, month, day): (i32, u32, u32)) -> (i32, u32, u32) {
    if day < days_in_month(year, month) {
        (year, month, day + 1)
    } else if month < 12 {
        (year, month + 1, 1)
    } else {
        (year + 1, 1, 1)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The code points `[start, end)` of `text` (empty when out of range).
fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    if end <= start {
        return "";
    }
    let mut offsets = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let Some(from) = offsets.nth(start) else {
        return "";
    };
    match offsets.nth(end - start - 1) {
        Some(to) => &text[from..to],
        None => "",
    }
}

/// FNV-1a, 64 bits: a stable hash for event UIDs (no randomness, same on every platform).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "الرباط (رويترز) - أجرى العاهل المغربي الملك محمد السادس اتصالا هاتفيا بالرئيس الفرنسي إيمانويل ماكرون يوم الثلاثاء، واقترح عقد قمة في الصيف المقبل.";

    fn analysis() -> Analysis {
        khabar_nlp::analyze(
            TEXT,
            &khabar_nlp::Config {
                reference_date: "2023-03-15".parse().ok(),
            },
        )
    }

    #[test]
    fn the_csv_has_a_header_and_one_crlf_row_per_event() {
        let a = analysis();
        let csv = timeline_csv(&a);
        assert!(csv.starts_with("id,kind,status,value,"));
        assert!(csv.ends_with("\r\n"));
        assert_eq!(csv.matches("\r\n").count(), a.events.len() + 1, "{csv}");
        assert!(!a.events.is_empty(), "the sample must have events");
    }

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        let mut out = String::new();
        push_csv_field(&mut out, "a,\"b\"");
        out.push('|');
        push_csv_field(&mut out, "=HYPERLINK(1)");
        out.push('|');
        push_csv_field(&mut out, "ماكرون");
        assert_eq!(out, "\"a,\"\"b\"\"\"|\"'=HYPERLINK(1)\"|ماكرون");
    }

    #[test]
    fn the_ics_is_rfc_5545_shaped() {
        let a = analysis();
        let ics = timeline_ics(TEXT, &a);
        assert!(
            ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{ics}"
        );
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF in {ics}");
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        // «الصيف المقبل» (2023-SU): an all-day event to the day after its last day, stamped
        // with the publication date.
        let unfolded = ics.replace("\r\n ", "");
        assert!(
            unfolded.contains("DTSTART;VALUE=DATE:20230601\r\nDTEND;VALUE=DATE:20230901\r\n"),
            "{unfolded}"
        );
        assert_eq!(
            unfolded.matches("BEGIN:VEVENT").count(),
            a.events.iter().filter(|e| days(e).is_some()).count()
        );
        assert!(unfolded.contains("DTSTAMP:20230315T000000Z\r\n"));
        assert_eq!(
            timeline_ics(TEXT, &a),
            ics,
            "the same view gives the same file"
        );
    }

    #[test]
    fn folding_never_splits_a_character_and_escaping_covers_text_specials() {
        let mut out = String::new();
        push_folded(&mut out, &format!("SUMMARY:{}", "بوتين".repeat(20)));
        for line in out.split("\r\n") {
            assert!(line.len() <= 75);
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "بوتين".repeat(20))
        );
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn day_arithmetic_handles_month_and_year_ends() {
        assert_eq!(next_day((2021, 2, 28)), (2021, 3, 1));
        assert_eq!(next_day((2024, 2, 28)), (2024, 2, 29));
        assert_eq!(next_day((2021, 12, 31)), (2022, 1, 1));
        assert_eq!(parse_day("2021-02-29"), None);
        assert_eq!(
            parse_minute("2023-03-15T10:30").as_deref(),
            Some("20230315T103000")
        );
    }

    #[test]
    fn slicing_by_code_points() {
        assert_eq!(slice_chars("أبجد", 1, 3), "بج");
        assert_eq!(slice_chars("أبجد", 0, 4), "أبجد");
        assert_eq!(slice_chars("أبجد", 3, 9), "");
        assert_eq!(slice_chars("أبجد", 2, 2), "");
    }
}
