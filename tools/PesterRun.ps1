<#
    One Pester run in its own pwsh process (started by tools/Test.ps1): imports Pester from NuGet's copy, runs
    tests/pester on one API version, and writes the counts as JSON to -ResultFile.
#>
param(
    [Parameter(Mandatory)][string]$Root,
    [Parameter(Mandatory)][string]$Stage,
    [Parameter(Mandatory)][string]$ApiVersion,
    [Parameter(Mandatory)][string]$ResultFile
)
$ErrorActionPreference = 'Stop'
Import-Module ([System.IO.Path]::Combine($Root, 'out', 'packages', 'pester', '5.7.1', 'tools', 'Pester.psd1'))
$env:POLYTOMICPS_MODULE_PATH = $Stage
$env:POLYTOMICPS_TEST_API_VERSION = $ApiVersion
# Real Polytomic credentials in the environment would point the suite at a real account; here it runs on sandboxes.
Remove-Item Env:POLYTOMIC_API_KEY, Env:POLYTOMIC_BASE_URL -ErrorAction SilentlyContinue

$config = New-PesterConfiguration
$config.Run.Path = [System.IO.Path]::Combine($Root, 'tests', 'pester')
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $config
$counts = [ordered]@{
    ApiVersion = $ApiVersion
    Passed = $result.PassedCount
    Failed = $result.FailedCount
    Skipped = $result.SkippedCount
    NotRun = $result.NotRunCount
    # A set-up or clean-up that fails (BeforeAll, AfterAll, discovery) fails no test of its own, but it is a failure.
    FailedBlocks = $result.FailedBlocksCount
    FailedContainers = $result.FailedContainersCount
}
[System.IO.File]::WriteAllText($ResultFile, ($counts | ConvertTo-Json))
