//! Validation problems as `file:line:col: severity: message` lines, as `check`, `diff` and
//! `export` print them.

use std::path::Path;

use super::terminal::escape_controls;
use crate::io::SourceIndex;
use crate::model::{Lang, Problem, Severity};

/// One line per problem of the file at `path` whose text is `text`, located through one
/// [`SourceIndex`] (locating each by scanning the text would be quadratic), control characters
/// escaped (the messages quote the document); severity and message in `lang`.
#[must_use]
pub fn lines<'p>(
    path: &Path,
    text: &str,
    problems: impl IntoIterator<Item = &'p Problem>,
    lang: Lang,
) -> Vec<String> {
    let index = SourceIndex::new(text);
    problems
        .into_iter()
        .map(|problem| {
            let line = format!(
                "{}:{}: {}",
                path.display(),
                index.locate(&problem.location),
                problem.text(lang)
            );
            escape_controls(&line).into_owned()
        })
        .collect()
}

/// Whether `problem` makes the document wrong to print (an error, not a warning).
#[must_use]
pub fn is_error(problem: &Problem) -> bool {
    problem.severity == Severity::Error
}
