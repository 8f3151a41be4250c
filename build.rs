//! Build script: records the git revision the program is built from (`koteihyo --version`,
//! ヘルプ > 工程表エディタについて) and, for Windows, compiles the icon and version resource.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!(
        "cargo:rustc-env=KOTEIHYO_GIT_REVISION={}",
        revision(&manifest)
    );
    println!("cargo:rerun-if-env-changed=KOTEIHYO_GIT_REVISION");
    windows_resource(&manifest);
}

/// `git rev-parse --short HEAD`, or `KOTEIHYO_GIT_REVISION` when set (a packager building
/// from a tarball may know it), else "unknown": a build without git or .git still works.
fn revision(manifest: &Path) -> String {
    if let Ok(given) = std::env::var("KOTEIHYO_GIT_REVISION")
        && !given.trim().is_empty()
    {
        return given.trim().to_owned();
    }
    let Some(head) = git(manifest, &["rev-parse", "--short", "HEAD"]) else {
        return "unknown".to_owned();
    };
    // Rebuild when HEAD moves: HEAD itself (a checkout) and the branch it names (a commit).
    for path in [
        git(manifest, &["rev-parse", "--git-path", "HEAD"]),
        git(manifest, &["symbolic-ref", "-q", "HEAD"])
            .and_then(|branch| git(manifest, &["rev-parse", "--git-path", &branch])),
        git(manifest, &["rev-parse", "--git-path", "packed-refs"]),
    ]
    .into_iter()
    .flatten()
    {
        let path = manifest.join(path);
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    head
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}

/// For a Windows target with the GNU toolchain: fills in assets/windows/koteihyo.rc.in and
/// links the compiled resource (icon, version information) into both programs. Without
/// windres (a `cargo check` on a machine without mingw) it warns and builds without them.
fn windows_resource(manifest: &Path) {
    let template = manifest.join("assets/windows/koteihyo.rc.in");
    let icon = manifest.join("assets/icons/koteihyo.ico");
    println!("cargo:rerun-if-changed={}", template.display());
    println!("cargo:rerun-if-changed={}", icon.display());
    println!("cargo:rerun-if-env-changed=WINDRES");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if target_os != "windows" || target_env != "gnu" {
        return;
    }
    let Ok(rc) = std::fs::read_to_string(&template) else {
        println!(
            "cargo:warning=assets/windows/koteihyo.rc.in missing: no icon or version resource"
        );
        return;
    };
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let number = |name: &str| std::env::var(name).unwrap_or_else(|_| "0".to_owned());
    let commas = format!(
        "{},{},{},0",
        number("CARGO_PKG_VERSION_MAJOR"),
        number("CARGO_PKG_VERSION_MINOR"),
        number("CARGO_PKG_VERSION_PATCH")
    );
    let rc = rc
        .replace("@ICON@", &icon.display().to_string().replace('\\', "/"))
        .replace("@VERSION_COMMAS@", &commas)
        .replace("@VERSION@", &version)
        .replace("@REVISION@", &revision(manifest))
        .replace("@FILENAME@", "Koteihyo.exe");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let rc_path = out.join("koteihyo.rc");
    let object = out.join("koteihyo-resource.o");
    if std::fs::write(&rc_path, rc).is_err() {
        println!("cargo:warning=could not write {}", rc_path.display());
        return;
    }
    let windres =
        std::env::var("WINDRES").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".to_owned());
    let compiled = Command::new(&windres)
        .arg("--codepage=65001")
        .args(["-O", "coff", "-i"])
        .arg(&rc_path)
        .arg("-o")
        .arg(&object)
        .status();
    match compiled {
        Ok(status) if status.success() => {
            println!("cargo:rustc-link-arg-bins={}", object.display());
        }
        _ => println!(
            "cargo:warning={windres} failed or is missing: the .exe has no icon or version resource"
        ),
    }
}
