//! Input-method (IME) guard: the Enter that commits a composition (「りんりしんさ」→「倫理審査」)
//! belongs to the input method and must not also insert a newline or trigger a command; and
//! while a composition is in progress its pre-edit text is no edit of the document (fields
//! keep it in a draft, see [`is_composing`]).

use egui::{Event, ImeEvent, Key};

/// Remembers whether a composition is in progress between frames.
#[derive(Debug, Default)]
pub struct ImeGuard {
    composing: bool,
}

impl ImeGuard {
    /// Drops this frame's Enter key events when they come with a commit or during a
    /// composition. Call before any widget reads input.
    pub fn filter(&mut self, ctx: &egui::Context) {
        ctx.input_mut(|input| {
            let mut composing = self.composing;
            let mut drop_enter = false;
            for event in &input.events {
                match event {
                    Event::Ime(ImeEvent::Preedit { text, .. }) => composing = !text.is_empty(),
                    Event::Ime(ImeEvent::Commit(_)) => {
                        composing = false;
                        drop_enter = true;
                    }
                    Event::Key {
                        key: Key::Enter, ..
                    } if composing => drop_enter = true,
                    _ => {}
                }
            }
            if drop_enter {
                input.events.retain(|event| {
                    !matches!(
                        event,
                        Event::Key {
                            key: Key::Enter,
                            ..
                        }
                    )
                });
            }
            self.composing = composing;
        });
        ctx.data_mut(|data| data.insert_temp(composing_id(), self.composing));
    }
}

fn composing_id() -> egui::Id {
    egui::Id::unique("koteihyo-ime-composing")
}

/// Whether an input method is composing (its pre-edit text shown in the focused field is not
/// the user's text yet).
#[must_use]
pub fn is_composing(ctx: &egui::Context) -> bool {
    ctx.data(|data| data.get_temp(composing_id()).unwrap_or(false))
}
