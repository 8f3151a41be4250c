//! How a failed command ends: one message naming each cause once, or silence when standard
//! output was closed by the reader (`koteihyo check big.ron | head -1`).

use super::terminal::escape_controls;

/// Exit code when standard output was closed early: 128 + SIGPIPE, as a Unix tool killed by
/// the signal would report.
pub const EXIT_BROKEN_PIPE: u8 = 141;

/// Whether `error` comes from writing to a pipe whose reader has gone.
#[must_use]
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The message of `error` and its causes, `message: cause: cause`, leaving out a cause whose text
/// the message already holds (errors such as "cannot read the font file: No such file …" name
/// their cause themselves, which the chain would repeat). Control characters are escaped.
#[must_use]
pub fn message(error: &anyhow::Error) -> String {
    message_in(error, crate::model::Lang::En)
}

/// [`message`] in `lang`: a failed save is said in `lang` (the rest of the chain is the
/// causes' own words).
#[must_use]
pub fn message_in(error: &anyhow::Error, lang: crate::model::Lang) -> String {
    let mut message = match error.downcast_ref::<crate::io::SaveError>() {
        Some(save) => save.sentence(lang),
        None => error.to_string(),
    };
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    escape_controls(&message).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn each_cause_is_named_once() {
        let font =
            crate::font::load_file(std::path::Path::new("/no/such/font.ttf")).expect_err("missing");
        let error = anyhow::Error::new(font);
        let text = message(&error);
        assert_eq!(text.matches("(os error 2)").count(), 1, "{text}");
        let error = Err::<(), _>(std::io::Error::other("disk on fire"))
            .context("writing the PDF")
            .expect_err("failed");
        assert_eq!(message(&error), "writing the PDF: disk on fire");
        assert!(!is_broken_pipe(&error));
        let pipe = Err::<(), _>(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
            .context("writing the comparison")
            .expect_err("failed");
        assert!(is_broken_pipe(&pipe));
    }
}
