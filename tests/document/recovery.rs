//! Autosave recovery across a restart: a copy written by one run of the editor is found by the
//! next (a new store on the same folder), with its original file and time, and can be discarded.

use std::path::Path;
use std::time::{Duration, SystemTime};

use koteihyo::io::{RecoveryStore, load, to_ron_string};

#[test]
fn recovery_survives_a_restart_and_discard_empties_the_store() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron");
    let document = load(&example).expect("the example loads");
    let dir = tempfile::tempdir().expect("temp dir");
    let recovery_dir = dir.path().join("data").join("recovery");
    let original = dir.path().join("工程表 見直し後.ron");
    let saved_at = SystemTime::UNIX_EPOCH + Duration::new(1_732_400_000, 123_456_789);

    // The first run autosaves, then crashes (the store is simply dropped, nothing discarded).
    let written = {
        let store = RecoveryStore::new(&recovery_dir);
        assert!(store.list().is_empty(), "a fresh store is empty");
        store
            .write(Some(&original), &document, saved_at)
            .expect("autosave")
    };
    assert!(written.exists());
    assert!(!original.exists(), "the user's file is never written");

    // The next run looks at the same folder.
    let store = RecoveryStore::new(&recovery_dir);
    let listed = store.list();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let recovery = listed[0].as_ref().expect("the recovery file reads");
    assert_eq!(recovery.recovery_file, written);
    assert_eq!(recovery.original.as_deref(), Some(original.as_path()));
    assert_eq!(
        recovery.saved_at,
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_732_400_000),
        "the time is kept to the second"
    );
    assert_eq!(recovery.document, document);
    assert_eq!(
        to_ron_string(&recovery.document),
        std::fs::read_to_string(&example).expect("read the example"),
        "the recovered document saves to the same canonical text"
    );

    // 破棄 (or a clean exit): the copy is gone for good.
    store.discard(Some(&original)).expect("discard");
    assert!(store.list().is_empty());
    assert!(!written.exists());
}
