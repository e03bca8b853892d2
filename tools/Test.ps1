<#
    build.ps1 -Task Test: the xunit suite, then the Pester suite in real pwsh once per API version (the two runs in
    parallel, each in a process of its own), then one closing line "N passed, N failed" for everything that ran.
    Exits 1 when anything failed.
#>
param(
    [Parameter(Mandatory)][string]$Root,
    [Parameter(Mandatory)][string]$Stage,
    [string]$Configuration = 'Debug',
    [string[]]$ApiVersion = @('2024-02-08', '2025-09-18')
)
$ErrorActionPreference = 'Stop'
. ([System.IO.Path]::Combine($PSScriptRoot, 'Pwsh.ps1'))
$results = [System.IO.Path]::Combine($Root, 'TestResults')
if ([System.IO.Directory]::Exists($results)) { [System.IO.Directory]::Delete($results, $true) }
$null = [System.IO.Directory]::CreateDirectory($results)
$passed = 0; $failed = 0; $skipped = 0

# xunit, with a trx report to count from.
& dotnet test ([System.IO.Path]::Combine($Root, 'PolytomicPS.sln')) -c $Configuration --nologo `
    --logger 'trx;LogFileName=xunit.trx' --results-directory $results
$xunitExit = $LASTEXITCODE
$trx = [System.IO.Path]::Combine($results, 'xunit.trx')
if ([System.IO.File]::Exists($trx)) {
    $counters = ([xml][System.IO.File]::ReadAllText($trx)).TestRun.ResultSummary.Counters
    $passed += [int]$counters.passed
    $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    "xunit: $($counters.passed) passed, $($counters.failed) failed"
} else {
    "xunit: no report (dotnet test exited $xunitExit)"
    $failed++
}
if ($xunitExit -ne 0 -and $failed -eq 0) { $failed++ }   # a crash or build failure with no failed test still fails

# Pester 5.7.1 from NuGet, never from the PowerShell Gallery.
& dotnet restore ([System.IO.Path]::Combine($Root, 'tools', 'Pester', 'Pester.csproj')) --nologo -v q
if ($LASTEXITCODE -ne 0) { throw 'Restoring Pester from NuGet failed.' }

$pwsh = Get-PwshCommand
$runs = foreach ($version in $ApiVersion) {
    $log = [System.IO.Path]::Combine($results, "pester-$version.log")
    $json = [System.IO.Path]::Combine($results, "pester-$version.json")
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File',
        [System.IO.Path]::Combine($PSScriptRoot, 'PesterRun.ps1'), '-Root', $Root, '-Stage', $Stage,
        '-ApiVersion', $version, '-ResultFile', $json)
    $process = Start-Process -FilePath $pwsh[0] -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    [pscustomobject]@{ Version = $version; Process = $process; Log = $log; Json = $json }
}
foreach ($run in $runs) {
    $run.Process.WaitForExit()
    "=== Pester on API $($run.Version) ==="
    [System.IO.File]::ReadAllText($run.Log)
    $err = [System.IO.File]::ReadAllText("$($run.Log).err")
    if ($err.Trim()) { $err }
    if ([System.IO.File]::Exists($run.Json)) {
        $c = [System.IO.File]::ReadAllText($run.Json) | ConvertFrom-Json
        $passed += $c.Passed
        $failed += $c.Failed + $c.FailedBlocks + $c.FailedContainers
        $skipped += $c.Skipped
        "Pester on $($run.Version): $($c.Passed) passed, $($c.Failed) failed, $($c.FailedBlocks) failed set-ups/clean-ups, $($c.FailedContainers) failed files"
    } else {
        "Pester on $($run.Version): no result (exit code $($run.Process.ExitCode))"
        $failed++
    }
}

if ($skipped -gt 0) { "$passed passed, $failed failed, $skipped skipped" } else { "$passed passed, $failed failed" }
exit ([int]($failed -gt 0))
