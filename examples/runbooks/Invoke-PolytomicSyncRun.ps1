<#
.SYNOPSIS
    Azure Automation runbook: runs a Polytomic model sync or bulk sync, waits for it and reports how it ended.

.DESCRIPTION
    Connects with the API key kept in an encrypted Automation variable (or the password of a credential asset), starts
    the sync named by -SyncName and waits for the run. Outputs one summary object; progress and details go to the
    Verbose stream only. A run that fails, is canceled or outlasts -TimeoutSeconds makes the runbook throw, so the job
    ends as Failed and alerts on failed jobs see it.

    Safe to restart from the top: when the sync is already running (a restarted job, a schedule that overlapped), the
    runbook waits for that run instead of starting a second one.

    Import the PolytomicPS module into the Automation account first (PowerShell 5.1 or 7.x runtime).

.PARAMETER SyncName
    The exact name of the model sync (or bulk sync, with -BulkSync).

.PARAMETER BulkSync
    Run a bulk sync (ELT) rather than a model sync (Reverse ETL).

.PARAMETER KeyVariable
    The encrypted Automation variable that holds the API key (default PolytomicApiKey).

.PARAMETER KeyCredential
    A credential asset whose password is the API key; used instead of -KeyVariable when given.

.PARAMETER BaseUrl
    The Polytomic address, for a self-hosted deployment (default https://app.polytomic.com).

.PARAMETER ApiVersion
    The Polytomic API version to speak.

.PARAMETER TimeoutSeconds
    How long to wait for the run before failing the job: the whole wait, a request that hangs included.

.EXAMPLE
    Start-AzAutomationRunbook -AutomationAccountName ops -ResourceGroupName data -Name Invoke-PolytomicSyncRun `
        -Parameters @{ SyncName = 'Users to Salesforce' }
#>
#Requires -Modules PolytomicPS
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [ValidateNotNullOrEmpty()]
    [string]$SyncName,

    [switch]$BulkSync,

    [string]$KeyVariable = 'PolytomicApiKey',

    [string]$KeyCredential,

    [string]$BaseUrl,

    [ValidateSet('2024-02-08', '2025-09-18')]
    [string]$ApiVersion = '2024-02-08',

    [ValidateRange(1, 86400)]
    [int]$TimeoutSeconds = 3600
)

$ErrorActionPreference = 'Stop'
# Automation keeps every progress record in the job's history and nobody watches them: progress only for a person
# at a console (not in an Automation job, not under pwsh -NonInteractive).
$interactive = [Environment]::UserInteractive -and $Host.Name -eq 'ConsoleHost' -and -not $PSPrivateMetadata.JobId -and
    -not ([Environment]::GetCommandLineArgs() -match '^-noni')
if (-not $interactive) { $ProgressPreference = 'SilentlyContinue' }

# The key: an encrypted variable arrives as a string, a credential asset as a PSCredential; -ApiKey takes either.
$key = if ($KeyCredential) { Get-AutomationPSCredential -Name $KeyCredential } else { Get-AutomationVariable -Name $KeyVariable }
if (-not $key) { throw "The Automation asset '$(if ($KeyCredential) { $KeyCredential } else { $KeyVariable })' holds no API key." }
$connect = @{ ApiKey = $key; ApiVersion = $ApiVersion }
if ($BaseUrl) { $connect.BaseUrl = $BaseUrl }
$null = Connect-Polytomic @connect

# Names are unique per kind in practice, but nothing enforces it: refuse to guess.
# -Name takes wildcards: escape them, so a name such as 'Users [EU]' is matched as it is written.
$exact = [WildcardPattern]::Escape($SyncName)
$sync = @(if ($BulkSync) { Get-PolytomicBulkSync -Name $exact -ErrorAction SilentlyContinue } else { Get-PolytomicSync -Name $exact -ErrorAction SilentlyContinue })
if ($sync.Count -eq 0) { throw "No $(if ($BulkSync) { 'bulk sync' } else { 'sync' }) is named '$SyncName'." }
if ($sync.Count -gt 1) { throw "$($sync.Count) syncs are named '$SyncName'; rename them so the runbook can tell which to run." }
$sync = $sync[0]
Write-Verbose "Running $(if ($BulkSync) { 'bulk sync' } else { 'sync' }) '$($sync.Name)' ($($sync.Id)), waiting up to $TimeoutSeconds s."

# -Wait turns a failed, canceled or timed-out run into an error whose TargetObject is the run; keep it to report.
$failure = $null
$run = $null
try {
    $run = if ($BulkSync) {
        $sync | Start-PolytomicBulkSync -Wait -TimeoutSeconds $TimeoutSeconds -Confirm:$false
    } else {
        $sync | Start-PolytomicSync -Wait -TimeoutSeconds $TimeoutSeconds -Confirm:$false
    }
} catch {
    $failure = $_
    $run = $_.TargetObject
}
if (-not $run -or $run -is [string]) { throw $failure }

$summary = [pscustomobject]@{
    Sync        = $sync.Name
    SyncId      = $sync.Id
    ExecutionId = $run.Id
    Status      = $run.Status
    Records     = if ($BulkSync) { $run.RecordCount } else { $run.Total }
    Errors      = $run.ErrorCount
    StartedAt   = $run.StartedAt
    CompletedAt = $run.CompletedAt
}
if ($BulkSync) {
    foreach ($schema in $run.Schemas) { Write-Verbose "  $($schema.Schema): $($schema.Status), $($schema.RecordCount) records $($schema.StatusMessage)" }
}
Write-Output $summary
if ($failure) { throw $failure }
