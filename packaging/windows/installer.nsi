; Koteihyo's per-user Windows installer (NSIS 3, Unicode). No administrator rights: it
; installs into %LOCALAPPDATA%\Programs\Koteihyo and writes only HKEY_CURRENT_USER.
; Built by packaging/windows.sh, which defines VERSION, STAGE (the folder holding the
; programs) and OUTFILE. Silent: `Koteihyo-VERSION-setup.exe /S`, `Uninstall.exe /S`.
; A 64-bit installer (Debian's NSIS has the amd64 stubs), as the programs are 64-bit: it also
; runs under Debian's 64-bit-only Wine, which a 32-bit installer would not.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"

!define PRODUCT "Koteihyo"
!define PROGID "Koteihyo.Roadmap"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Koteihyo"

Name "工程表エディタ Koteihyo ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Koteihyo"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "Koteihyo ${VERSION}"

!define MUI_ICON "${STAGE}\koteihyo.ico"
!define MUI_UNICON "${STAGE}\koteihyo.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\Koteihyo.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; Japanese first: the installer speaks Japanese unless Windows' language is English.
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutName ${LANG_JAPANESE} "工程表エディタ"
LangString ShortcutName ${LANG_ENGLISH} "Koteihyo Roadmap Editor"
LangString FileTypeName ${LANG_JAPANESE} "工程表"
LangString FileTypeName ${LANG_ENGLISH} "Koteihyo roadmap"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductName" "工程表エディタ Koteihyo"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileDescription" "工程表エディタ セットアップ (Koteihyo setup)"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "LegalCopyright" "MIT OR Apache-2.0"

Section "Koteihyo"
    SetOutPath "$INSTDIR"
    File "${STAGE}\Koteihyo.exe"
    File "${STAGE}\koteihyo-cli.exe"
    File "${STAGE}\README.txt"
    SetOutPath "$INSTDIR\examples"
    File "${STAGE}\examples\*.ron"
    SetOutPath "$INSTDIR"
    WriteUninstaller "$INSTDIR\Uninstall.exe"

    CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\Koteihyo.exe" "" "$INSTDIR\Koteihyo.exe" 0

    ; The .ron association, for this user only. The default program for .ron is set only
    ; when there is none (RON is a general format); Koteihyo is always offered in 「プログラムから開く」.
    WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(FileTypeName)"
    WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\Koteihyo.exe,0"
    WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\Koteihyo.exe" "%1"'
    WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
    ReadRegStr $0 HKCU "Software\Classes\.ron" ""
    StrCmp $0 "" 0 +2
        WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"

    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "工程表エディタ Koteihyo"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\Koteihyo.exe,0"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Koteihyo"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

    ; SHCNE_ASSOCCHANGED: Explorer picks up the new icon and association now.
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Removes exactly what was installed: never the user's roadmaps, settings or recovery files.
Section "Uninstall"
    Delete "$INSTDIR\Koteihyo.exe"
    Delete "$INSTDIR\koteihyo-cli.exe"
    Delete "$INSTDIR\README.txt"
    Delete "$INSTDIR\examples\*.ron"
    RMDir "$INSTDIR\examples"
    Delete "$INSTDIR\Uninstall.exe"
    RMDir "$INSTDIR"
    ; Both names: the uninstaller may run under another Windows language than the installer.
    Delete "$SMPROGRAMS\工程表エディタ.lnk"
    Delete "$SMPROGRAMS\Koteihyo Roadmap Editor.lnk"

    ReadRegStr $0 HKCU "Software\Classes\.ron" ""
    StrCmp $0 "${PROGID}" 0 +2
        DeleteRegValue HKCU "Software\Classes\.ron" ""
    DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
    DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
    DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
    DeleteRegKey HKCU "Software\Classes\${PROGID}"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
