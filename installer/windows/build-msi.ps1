# Build the release MSI with WiX v4+ on Windows (a runner or a packaging machine).
#
#   pwsh installer\windows\build-msi.ps1 -PayloadDir build\frozen\dist\taltio -OutDir build\msi
#
# PayloadDir: the PyInstaller one-folder build (installer/build-frozen.sh): taltio.exe, taltio-cli.exe,
# taltio-admin.exe, taltio-review.exe and _internal\. Needs the `wix` dotnet tool
# (dotnet tool install --global wix --version 5.0.2) and the project installed in $Python (msi.py reads the
# settings schema). Prints the path of the MSI.
param(
    [Parameter(Mandatory = $true)][string]$PayloadDir,
    [Parameter(Mandatory = $true)][string]$OutDir,
    [string]$Python = "python"
)
$ErrorActionPreference = "Stop"
$here = $PSScriptRoot

function Invoke-Checked {
    # Native commands do not throw on failure in PowerShell: stop on a non-zero exit code.
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') exited with $LASTEXITCODE" }
}

New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$OutDir = (Resolve-Path $OutDir).Path
$PayloadDir = (Resolve-Path $PayloadDir).Path
# Product.wxs and Policy.wxs are generated from the table in msi.py: refuse to build stale ones.
Invoke-Checked $Python @("$here\msi.py", "--check")
$version = (& $Python "$here\msi.py" version).Trim()
# The frozen folder's component list: one component per file, GUIDs derived from the file's path.
Invoke-Checked $Python @("$here\msi.py", "payload", $PayloadDir, "$OutDir\Payload.wxs")
$msi = Join-Path $OutDir "Taltio-$version-x64.msi"
Invoke-Checked wix @("build", "-arch", "x64", "-d", "Version=$version", "-o", $msi,
                     "$here\Product.wxs", "$here\Policy.wxs", "$OutDir\Payload.wxs")
Write-Output $msi
