; NSIS additions for the Windows installer (electron-builder nsis.include).
; An optional PATH entry for the standalone winbooks-token (resources\bin\winbooks-token.exe): the app installs
; per user, so the entry goes into the user's own Path (HKCU\Environment), kept as REG_EXPAND_SZ with its %VARS%
; untouched. Asked once (not on a silent install, /S); kept across updates (the old version's uninstaller runs
; with ${isUpdated} set); removed on uninstall.

; The folder reaches PowerShell through the environment, never inside the command line, so no quoting can break.
!macro wtmCliPath ACTION
  System::Call 'Kernel32::SetEnvironmentVariable(t "WTM_CLI_DIR", t "$INSTDIR\resources\bin")'
  System::Call 'Kernel32::SetEnvironmentVariable(t "WTM_CLI_ACTION", t "${ACTION}")'
  ; Exit code 0 = the folder is on Path after the action (check: unchanged), 1 = it is not.
  nsExec::ExecToStack `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$k = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment'); $$p = [string]$$k.GetValue('Path', '', 'DoNotExpandEnvironmentNames'); $$d = $$env:WTM_CLI_DIR; $$parts = @($$p -split ';' | Where-Object { $$_ -ne '' }); $$has = $$parts -contains $$d; if ($$env:WTM_CLI_ACTION -eq 'check') { if ($$has) { exit 0 } else { exit 1 } }; if ($$env:WTM_CLI_ACTION -eq 'add' -and -not $$has) { $$parts += $$d }; if ($$env:WTM_CLI_ACTION -eq 'remove') { $$parts = @($$parts | Where-Object { $$_ -ne $$d }) }; $$k.SetValue('Path', ($$parts -join ';'), [Microsoft.Win32.RegistryValueKind]::ExpandString); exit [int](-not ($$parts -contains $$d))"`
  Pop $0
  Pop $1
!macroend

; HWND_BROADCAST, WM_SETTINGCHANGE: new terminals see the changed Path without signing out.
!macro wtmAnnouncePathChange
  SendMessage 0xFFFF 0x001A 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customInstall
  !insertmacro wtmCliPath "check"
  StrCmp $0 "0" wtm_cli_path_done
  MessageBox MB_YESNO|MB_ICONQUESTION "Add the winbooks-token command line to your PATH?$\r$\n$\r$\nScripts, Postman and Power Query can then run winbooks-token from any new terminal. You can also call it by its full path:$\r$\n$INSTDIR\resources\bin\winbooks-token.exe" /SD IDNO IDNO wtm_cli_path_done
  !insertmacro wtmCliPath "add"
  !insertmacro wtmAnnouncePathChange
  wtm_cli_path_done:
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    !insertmacro wtmCliPath "remove"
    !insertmacro wtmAnnouncePathChange
  ${endIf}
!macroend
