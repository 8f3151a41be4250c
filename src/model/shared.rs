//! [`Shared`]: a part of a document held by reference, so that the versions of a document (the
//! one on screen, an undo step, the autosave copy, the copy as last saved) share what they have
//! in common and a change copies only the part it changes.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value shared between copies of a document, copied on the first change (copy-on-write).
///
/// Cloning costs a reference count; reading goes through [`Deref`]; writing through
/// [`DerefMut`] first copies the value when another copy still refers to it, so a change is
/// never seen by the other copies. Equality is the value's (two references to the same value
/// are equal at once, without comparing it). In a file it is written as the value itself.
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Holds `value`.
    #[must_use]
    pub fn new(value: T) -> Self {
        Self(Arc::new(value))
    }

    /// Whether `a` and `b` refer to the same value (one is an unchanged copy of the other):
    /// then they are equal without comparing. Different references may still hold equal values.
    #[must_use]
    pub fn same(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T: Clone> Shared<T> {
    /// The value, copied out when it is shared and moved out otherwise.
    #[must_use]
    pub fn into_inner(self) -> T {
        Arc::unwrap_or_clone(self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Self::same(self, other) || *self.0 == *other.0
    }
}

impl<T: Eq> Eq for Shared<T> {}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self::new)
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;

    #[test]
    fn a_change_copies_the_value_and_leaves_the_other_copy_as_it_was() {
        let original = Shared::new(vec![1, 2, 3]);
        let mut copy = original.clone();
        assert!(Shared::same(&original, &copy));
        copy.push(4);
        assert_eq!(*original, vec![1, 2, 3]);
        assert_eq!(*copy, vec![1, 2, 3, 4]);
        assert!(!Shared::same(&original, &copy));
        assert_ne!(original, copy);
    }

    #[test]
    fn equal_values_are_equal_whether_or_not_they_are_shared() {
        let a = Shared::new(String::from("治験"));
        let b = Shared::new(String::from("治験"));
        assert!(!Shared::same(&a, &b));
        assert_eq!(a, b);
        assert_eq!(a, a.clone());
    }

    #[test]
    fn a_value_no_other_copy_refers_to_is_changed_in_place() {
        let mut only = Shared::new(vec![1]);
        let before: *const Vec<i32> = &raw const *only;
        only.push(2);
        assert!(std::ptr::eq(before, &raw const *only));
    }

    #[test]
    fn it_is_written_and_read_as_the_value_itself() {
        let shared = Shared::new((1, String::from("令和")));
        let text = ron::to_string(&shared).expect("write");
        assert_eq!(
            text,
            ron::to_string(&(1, String::from("令和"))).expect("write")
        );
        let back: Shared<(i32, String)> = ron::from_str(&text).expect("read");
        assert_eq!(back, shared);
    }
}
