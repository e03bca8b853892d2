# Run a model sync and watch it end: start it, wait with progress, then audit its runs, status, events and logs.
#   dotnet run --project src/PolytomicPS.Host -- --sandbox examples/run-and-watch.ps1
# Against Polytomic itself, set POLYTOMIC_API_KEY (and POLYTOMIC_BASE_URL for a self-hosted deployment).
param([string]$ApiVersion = '2024-02-08')

$null = Connect-Polytomic -ApiVersion $ApiVersion

# 1. A warehouse source, a CRM target, a model over a table and a manual sync between them.
$snowflake = New-PolytomicConnection -Name 'Snowflake Warehouse' -Type snowflake -Configuration @{
    account = 'uc193736182'; username = 'user'; password = 'secret'; dbname = 'database'
}
$salesforce = New-PolytomicConnection -Name 'Salesforce CRM' -Type salesforce -Configuration @{
    domain = 'https://example.my.salesforce.com'
} -WarningAction SilentlyContinue
$model = $snowflake | Wait-PolytomicConnection | New-PolytomicModel -Name 'Users' -Table PUBLIC.users
$sync = $model | New-PolytomicSync -Name 'Users to Salesforce' -Target $salesforce -Object Contact -Mode create `
    -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName'; last_name = 'LastName' } -Frequency manual

# 2. Start a run and wait for it (progress shows the status and record counts). A failed or canceled run is an
#    error whose TargetObject is the execution: -ErrorAction Stop makes a runbook stop on it.
$since = [DateTime]::UtcNow.AddMinutes(-1)
$run = $sync | Start-PolytomicSync -Wait -PollIntervalSeconds 0.5 -ErrorAction Stop
$run | Out-Default
$run.Counts | Out-Default

# 3. Audit: the latest runs, the sync's status, what Polytomic announced, and where the run's logs are.
$sync | Get-PolytomicSyncExecution -First 5 | Out-Default
$sync | Get-PolytomicSyncStatus | Out-Default
Get-PolytomicEvent -After $since | Where-Object { $_.SyncId -eq $sync.Id } | Out-Default
$run | Get-PolytomicSyncLog -Type records, errors | Out-Default
if ($ApiVersion -eq '2025-09-18') {
    $run | Get-PolytomicConsoleLog | Out-Default      # the run's console log exists from API version 2025-09-18
}
