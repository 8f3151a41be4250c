//! Unit tests of the recovery store.

use super::*;

fn sample(title: &str) -> Document {
    let mut document = Document::default();
    document.meta.title = title.to_owned();
    document
}

fn at(seconds: u64, nanos: u32) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::new(seconds, nanos)
}

fn recoveries(store: &RecoveryStore) -> Vec<Recovery> {
    store
        .list()
        .into_iter()
        .map(|entry| entry.expect("every recovery file reads"))
        .collect()
}

#[test]
fn fnv1a_matches_reference_values() {
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn write_then_list_gives_the_same_document_path_and_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let original = dir.path().join("工程表.ron");
    let document = sample("ロードブロック解消のための工程表 \"引用\"\n二行目");
    let file = store
        .write(Some(&original), &document, at(1_732_400_000, 987_654_321))
        .expect("write");
    assert!(file.starts_with(store.dir()));
    assert!(file.to_string_lossy().ends_with(".recovery.ron"));
    assert!(!crate::io::backup_path(&file).exists(), "no .bak");

    let listed = recoveries(&store);
    assert_eq!(listed.len(), 1);
    let recovery = &listed[0];
    assert_eq!(recovery.recovery_file, file);
    assert_eq!(recovery.original.as_deref(), Some(original.as_path()));
    assert_eq!(recovery.saved_at, at(1_732_400_000, 0));
    assert_eq!(recovery.document, document);
}

#[test]
fn the_file_is_readable_ron_with_the_canonical_document_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path());
    let document = sample("題名");
    let file = store
        .write(
            Some(Path::new("/abs/path.ron")),
            &document,
            at(1_732_400_000, 0),
        )
        .expect("write");
    let text = fs::read_to_string(&file).expect("read");
    assert!(text.contains("format_version: 1,"), "{text}");
    assert!(text.contains("saved_at_unix_seconds: 1732400000"), "{text}");
    let stored: RecoveryIn = ron::from_str(&text).expect("parses");
    assert_eq!(stored.document, to_ron_string(&document));
    assert_eq!(
        stored.original.map(PathBuf::from),
        Some(absolute(Path::new("/abs/path.ron")))
    );
}

#[test]
fn one_file_per_original_and_rewrites_replace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path());
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    let file_a = store
        .write(Some(&a), &sample("a1"), at(100, 0))
        .expect("a1");
    let file_b = store.write(Some(&b), &sample("b"), at(200, 0)).expect("b");
    assert_ne!(file_a, file_b);
    assert_eq!(
        store
            .write(Some(&a), &sample("a2"), at(300, 0))
            .expect("a2"),
        file_a
    );
    assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 2);

    let listed = recoveries(&store);
    let titles: Vec<_> = listed
        .iter()
        .map(|r| r.document.meta.title.as_str())
        .collect();
    assert_eq!(titles, ["a2", "b"], "newest first");
    assert_eq!(listed[0].original.as_deref(), Some(a.as_path()));
    assert_eq!(listed[1].original.as_deref(), Some(b.as_path()));
}

#[test]
fn relative_and_absolute_paths_share_a_file() {
    let store = RecoveryStore::new("store");
    let relative = Path::new("roadmap.ron");
    assert_eq!(
        store.file_for(Some(relative)),
        store.file_for(Some(&absolute(relative)))
    );
}

#[test]
fn discard_removes_and_missing_is_fine() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path().join("recovery"));
    // Neither the folder nor the file exists yet.
    store.discard(None).expect("nothing to discard");
    assert!(store.list().is_empty());

    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    store.write(Some(&a), &sample("a"), at(100, 0)).expect("a");
    let file_b = store.write(Some(&b), &sample("b"), at(200, 0)).expect("b");
    store.discard(Some(&a)).expect("discard a");
    store.discard(Some(&a)).expect("discard a again");
    let listed = recoveries(&store);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].original.as_deref(), Some(b.as_path()));

    store.discard_file(&file_b).expect("discard b");
    assert!(store.list().is_empty());
    assert!(!file_b.exists());
}

#[test]
fn discard_file_refuses_files_outside_the_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let precious = dir.path().join("roadmap.ron");
    fs::write(&precious, "precious").expect("seed");
    let error = store.discard_file(&precious).expect_err("refused");
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    let lookalike = dir.path().join("x.recovery.ron");
    fs::write(&lookalike, "precious").expect("seed");
    store.discard_file(&lookalike).expect_err("refused");
    assert!(precious.exists() && lookalike.exists());
}

#[test]
fn untitled_session_uses_the_process_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path());
    let document = sample("無題");
    let file = store.write(None, &document, at(500, 0)).expect("write");
    assert_eq!(
        file.file_name().map(|n| n.to_string_lossy().into_owned()),
        Some(format!("untitled-{}.recovery.ron", std::process::id()))
    );
    let listed = recoveries(&store);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].original, None);
    assert_eq!(listed[0].document, document);
    store.discard(None).expect("discard");
    assert!(store.list().is_empty());
}

/// Writes one damaged recovery file of each kind (in the order their names sort) and
/// returns their paths. `good` is the text of a valid recovery file saved at time 100.
fn write_damaged_files(dir: &Path, good: &str) -> Vec<PathBuf> {
    let files = [
        ("1-cut", good.as_bytes()[..good.len() / 2].to_vec()),
        ("2-empty", Vec::new()),
        ("3-binary", vec![0xff, 0xfe, 0x00]),
        (
            "4-newer",
            b"(format_version: 2, something_new: true, document: \"\")".to_vec(),
        ),
        (
            "5-document",
            b"(format_version: 1, original: None, saved_at_unix_seconds: 1, document: \"(meta: 1)\")"
                .to_vec(),
        ),
        (
            "6-time",
            good.replace(
                "saved_at_unix_seconds: 100",
                "saved_at_unix_seconds: 18446744073709551615",
            )
            .into_bytes(),
        ),
    ];
    files
        .into_iter()
        .map(|(name, bytes)| {
            let file = dir.join(format!("{name}.recovery.ron"));
            fs::write(&file, bytes).expect("write");
            file
        })
        .collect()
}

#[test]
fn damaged_files_are_listed_as_errors_after_the_good_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path());
    let good = store
        .write(
            Some(&dir.path().join("good.ron")),
            &sample("good"),
            at(100, 0),
        )
        .expect("write");
    let text = fs::read_to_string(&good).expect("read");

    let damaged = write_damaged_files(dir.path(), &text);
    // Leftovers of an interrupted write and unrelated files are not recovery files.
    fs::write(dir.path().join(".x.recovery.ron.tmp-1-0"), "partial").expect("write");
    fs::write(dir.path().join("notes.txt"), "unrelated").expect("write");

    let listed = store.list();
    assert_eq!(listed.len(), 7, "{listed:?}");
    let first = listed[0].as_ref().expect("the good file comes first");
    assert_eq!(first.document, sample("good"));
    let errors: Vec<_> = listed[1..]
        .iter()
        .map(|entry| entry.as_ref().expect_err("damaged"))
        .collect();
    let files: Vec<_> = errors.iter().map(|error| error.file()).collect();
    let expected: Vec<_> = damaged.iter().map(|file| Some(file.as_path())).collect();
    assert_eq!(files, expected, "sorted by name");
    assert!(
        matches!(errors[0], RecoveryError::Format { .. }),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].to_string().contains("the file is empty"),
        "{}",
        errors[1]
    );
    assert!(
        matches!(errors[2], RecoveryError::Read { .. }),
        "{}",
        errors[2]
    );
    assert!(
        matches!(errors[3], RecoveryError::NewerVersion { version: 2, .. }),
        "{}",
        errors[3]
    );
    assert!(errors[3].to_string().contains("newer Koteihyo"));
    assert!(
        matches!(errors[4], RecoveryError::Document { .. }),
        "{}",
        errors[4]
    );
    assert!(
        matches!(errors[5], RecoveryError::Format { .. }),
        "{}",
        errors[5]
    );
    for error in &errors {
        let message = error.to_string();
        let file = error.file().expect("a file").display().to_string();
        assert!(message.starts_with(&file), "{message}");
    }

    // Damaged files can be discarded like good ones.
    for error in &errors {
        store
            .discard_file(error.file().expect("a file"))
            .expect("discard");
    }
    assert_eq!(store.list().len(), 1);
}

#[cfg(unix)]
#[test]
fn unlistable_folder_is_an_error_in_the_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("file");
    fs::write(&not_a_folder, "x").expect("write");
    let listed = RecoveryStore::new(&not_a_folder).list();
    assert_eq!(listed.len(), 1);
    let error = listed[0].as_ref().expect_err("not a folder");
    assert!(matches!(error, RecoveryError::Folder { .. }), "{error}");
    assert_eq!(error.file(), None);
}

#[test]
fn user_default_is_a_recovery_folder() {
    if let Some(store) = RecoveryStore::user_default() {
        assert!(
            store.dir().ends_with("recovery"),
            "{}",
            store.dir().display()
        );
    }
}

#[test]
fn a_claimed_document_is_in_use_until_released() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(dir.path());
    let original = dir.path().join("roadmap.ron");
    let file = store
        .write(Some(&original), &sample("live"), at(1_700_000_000, 0))
        .expect("write");
    assert!(!store.in_use(&file), "nobody has it open");
    let claim = store.claim(Some(&original)).expect("lockable");
    assert!(claim.is_some());
    assert!(store.in_use(&file), "another window sees it in use");
    assert!(
        store.claim(Some(&original)).expect("lockable").is_none(),
        "a second window cannot claim it"
    );
    assert_eq!(recoveries(&store).len(), 1, "the claim is no recovery file");
    drop(claim);
    assert!(!store.in_use(&file));
}
