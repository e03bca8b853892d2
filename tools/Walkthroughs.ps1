<#
    build.ps1 -Task Walkthroughs: runs examples/walkthroughs.ps1 in real pwsh, once per API version, each against a
    fresh local sandbox that is started here and stopped again, whatever happens.
#>
param(
    [Parameter(Mandatory)][string]$Root,
    [Parameter(Mandatory)][string]$Stage,
    [string]$Configuration = 'Debug',
    [string[]]$ApiVersion = @('2024-02-08', '2025-09-18')
)
$ErrorActionPreference = 'Stop'
. ([System.IO.Path]::Combine($PSScriptRoot, 'Pwsh.ps1'))
Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'SandboxProcess.psm1')) -Force
$pwsh = Get-PwshCommand
$manifest = [System.IO.Path]::Combine($Stage, 'PolytomicPS.psd1')
$script = [System.IO.Path]::Combine($Root, 'examples', 'walkthroughs.ps1')
$key = 'walkthrough-sandbox-key-000000'
$failures = 0
foreach ($version in $ApiVersion) {
    $sandbox = Start-SandboxProcess -Root $Root -ApiKey $key -SchemaCacheDelay 1 -Configuration $Configuration
    try {
        "Sandbox on $($sandbox.BaseUrl); walkthroughs on API $version"
        $env:POLYTOMIC_API_KEY = $key
        $env:POLYTOMIC_BASE_URL = $sandbox.BaseUrl
        $command = "Import-Module '$($manifest.Replace("'", "''"))'; & '$($script.Replace("'", "''"))' -ApiVersion $version"
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $command
        if ($LASTEXITCODE -ne 0) { $failures++; "Walkthroughs on API $version failed (exit code $LASTEXITCODE)" }
    } finally {
        Remove-Item Env:POLYTOMIC_API_KEY, Env:POLYTOMIC_BASE_URL -ErrorAction SilentlyContinue
        Stop-SandboxProcess $sandbox
    }
}
if ($failures -eq 0) { "Walkthroughs passed on API $($ApiVersion -join ' and ')." }
exit ([int]($failures -gt 0))
