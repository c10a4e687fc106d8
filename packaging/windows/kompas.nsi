; The Windows installer of Kompas (NSIS 3). Built by scripts/package-windows.sh, on Linux with
; Debian's `nsis` as on a Windows runner:
;   makensis -DEXE=path\to\kompas.exe -DVERSION=0.1.0 -DOUTFILE=Kompas-0.1.0-setup.exe kompas.nsi
;
; Installs for the current user only, without administrator rights (what a managed laptop
; allows): the program in %LOCALAPPDATA%\Programs\Kompas, a start menu entry, the file
; association of project files (.ron, see ARCHITECTURE.md, "Packages and the file association")
; under HKCU\Software\Classes, and an entry in Settings > Apps. The uninstaller removes exactly
; these; the user's own data (%APPDATA%\kompas: recent files, recovery files, the log) and
; project files are left alone.

Unicode true
; -DAMD64: a 64-bit installer, like the program (Debian's nsis has the amd64 stubs, and Wine's
; wine64 runs only 64-bit programs); NSIS's Windows download has only the 32-bit ones, which
; install the same files and keys (HKCU and %LOCALAPPDATA% are not redirected for them)
!ifdef AMD64
  Target amd64-unicode
!endif
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!ifndef EXE
  !error "Give the program: -DEXE=path\to\kompas.exe"
!endif
!ifndef VERSION
  !error "Give the version: -DVERSION=x.y.z"
!endif
!ifndef OUTFILE
  !define OUTFILE "Kompas-${VERSION}-setup.exe"
!endif

!define APP "Kompas"
!define PROGID "Kompas.Project"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Kompas"
!define ICON "${__FILEDIR__}\..\..\assets\icon\kompas.ico"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Kompas"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "EUPL-1.2"

!include "MUI2.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\kompas.exe"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Dutch first (the interface is Dutch first); the installer speaks the user's Windows language
; when it is one of these, else Dutch
!insertmacro MUI_LANGUAGE "Dutch"
!insertmacro MUI_LANGUAGE "English"

LangString TYPE_NAME ${LANG_DUTCH} "Kompas-project"
LangString TYPE_NAME ${LANG_ENGLISH} "Kompas project"

; SHChangeNotify(SHCNE_ASSOCCHANGED): Explorer shows the new icons and "open with" at once
!macro NOTIFY_ASSOCIATIONS
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

Section "Kompas"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=kompas.exe" "${EXE}"
  File "/oname=README.md" "${__FILEDIR__}\..\..\README.md"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\Kompas.lnk" "$INSTDIR\kompas.exe" "" "$INSTDIR\kompas.exe" 0

  ; the document type: its name, icon and how to open it ("%1": Explorer starts one Kompas per
  ; file, so a second file opens in a window of its own beside the first)
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(TYPE_NAME)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\kompas.exe",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\kompas.exe" "%1"'
  ; .ron: Kompas is always offered under "Open with"; it becomes the default only where no
  ; other program has claimed .ron (a developer's editor keeps it)
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "" 0 +2
    WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\Applications\kompas.exe" "FriendlyAppName" "Kompas"
  WriteRegStr HKCU "Software\Classes\Applications\kompas.exe\SupportedTypes" ".ron" ""
  WriteRegStr HKCU "Software\Classes\Applications\kompas.exe\shell\open\command" "" '"$INSTDIR\kompas.exe" "%1"'

  ; Settings > Apps (per user)
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Kompas"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" '"$INSTDIR\kompas.exe",0'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Kompas"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  !insertmacro NOTIFY_ASSOCIATIONS
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\kompas.exe"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Kompas.lnk"

  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\kompas.exe"
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
  ; the default only if it is still ours
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  !insertmacro NOTIFY_ASSOCIATIONS
SectionEnd
