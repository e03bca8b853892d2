<#
.SYNOPSIS
    Azure Automation runbook: keeps Polytomic models and model syncs as a desired-state document describes them.

.DESCRIPTION
    Reads the desired state (JSON) from an Automation variable or -DesiredState, connects with the API key kept in an
    encrypted Automation variable (or the password of a credential asset), and for every model and sync in it creates
    the missing ones and updates the ones that differ, matching them by name. Run it on a schedule to promote the
    configuration kept in source control, or with -CheckOnly to report drift without changing anything.

    Outputs one object per model and sync: Kind, Name, Action (Created, Updated, Unchanged, Missing or Drifted) and
    what differed. Details go to the Verbose stream only. Safe to restart from the top: everything is looked up by
    name first, so a second run creates nothing twice. The job fails (throws) when a referenced connection or model
    does not exist, when a change is refused, and with -CheckOnly when anything drifted.

    Desired state:
        {
          "models": [ { "name": "Users", "connection": "Snowflake Warehouse", "table": "PUBLIC.users" } ],
          "syncs":  [ { "name": "Users to Salesforce", "model": "Users", "target": "Salesforce CRM", "object": "Contact",
                        "mode": "updateOrCreate", "identity": { "email": "Email" }, "fields": { "first_name": "FirstName" },
                        "frequency": "daily", "schedule": { "hour": "05", "minute": "30" }, "active": true } ]
        }

.PARAMETER DesiredStateVariable
    The Automation variable holding the desired state as JSON (default PolytomicDesiredState).

.PARAMETER DesiredState
    The desired state as JSON; used instead of -DesiredStateVariable when given.

.PARAMETER CheckOnly
    Report what differs and change nothing; the job fails if anything drifted.

.PARAMETER KeyVariable
    The encrypted Automation variable that holds the API key (default PolytomicApiKey).

.PARAMETER KeyCredential
    A credential asset whose password is the API key; used instead of -KeyVariable when given.

.PARAMETER BaseUrl
    The Polytomic address, for a self-hosted deployment (default https://app.polytomic.com).

.PARAMETER ApiVersion
    The Polytomic API version to speak.
#>
#Requires -Modules PolytomicPS
[CmdletBinding()]
param(
    [string]$DesiredStateVariable = 'PolytomicDesiredState',

    [string]$DesiredState,

    [switch]$CheckOnly,

    [string]$KeyVariable = 'PolytomicApiKey',

    [string]$KeyCredential,

    [string]$BaseUrl,

    [ValidateSet('2024-02-08', '2025-09-18')]
    [string]$ApiVersion = '2024-02-08'
)

$ErrorActionPreference = 'Stop'
$interactive = [Environment]::UserInteractive -and $Host.Name -eq 'ConsoleHost' -and -not $PSPrivateMetadata.JobId -and
    -not ([Environment]::GetCommandLineArgs() -match '^-noni')
if (-not $interactive) { $ProgressPreference = 'SilentlyContinue' }

if (-not $DesiredState) { $DesiredState = Get-AutomationVariable -Name $DesiredStateVariable }
$want = $DesiredState | ConvertFrom-Json
$key = if ($KeyCredential) { Get-AutomationPSCredential -Name $KeyCredential } else { Get-AutomationVariable -Name $KeyVariable }
if (-not $key) { throw "The Automation asset '$(if ($KeyCredential) { $KeyCredential } else { $KeyVariable })' holds no API key." }
$connect = @{ ApiKey = $key; ApiVersion = $ApiVersion }
if ($BaseUrl) { $connect.BaseUrl = $BaseUrl }
$null = Connect-Polytomic @connect

# What exists, by name (names must be unique for a by-name promotion to mean anything).
function ConvertTo-ByName($items, [string]$kind) {
    $byName = @{}
    foreach ($item in $items) {
        if ($byName.ContainsKey($item.Name)) { throw "Two $kind objects are named '$($item.Name)'; a by-name promotion cannot tell them apart." }
        $byName[$item.Name] = $item
    }
    $byName
}
function Find-ByName($byName, [string]$name, [string]$kind) {
    if (-not $byName.ContainsKey($name)) { throw "No $kind is named '$name'." }
    $byName[$name]
}
# A mapping as sorted "model field=target field" pairs, so two mappings compare as strings.
function Format-Mapping($pairs) { (@($pairs.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) | Sort-Object) -join ', ' }
function ConvertTo-Hashtable($object) {
    $table = [ordered]@{}
    if ($object) { foreach ($p in $object.PSObject.Properties) { $table[$p.Name] = [string]$p.Value } }
    $table
}
function Write-Result([string]$kind, [string]$name, [string]$action, [string[]]$differences) {
    [pscustomobject]@{ Kind = $kind; Name = $name; Action = $action; Differences = $differences -join ', ' }
}

$connections = ConvertTo-ByName (Get-PolytomicConnection) 'connection'
$models = ConvertTo-ByName (Get-PolytomicModel) 'model'
$drifted = 0

foreach ($m in @($want.models)) {
    if (-not $m) { continue }
    $connection = Find-ByName $connections $m.connection 'connection'
    $have = $models[$m.name]
    if (-not $have) {
        if ($CheckOnly) { $drifted++; Write-Result 'Model' $m.name 'Missing' @('model'); continue }
        Write-Verbose "Creating model '$($m.name)' over $($m.table) on '$($m.connection)'."
        $models[$m.name] = New-PolytomicModel -Name $m.name -ConnectionId $connection.Id -Table $m.table -Confirm:$false
        Write-Result 'Model' $m.name 'Created' @()
        continue
    }
    $differences = @()
    if ($have.ConnectionId -ne $connection.Id) { throw "Model '$($m.name)' reads another connection; move it by hand (a model cannot change connection)." }
    if ([string]$have.Configuration['table'] -ne $m.table) { $differences += 'table' }
    if ($differences.Count -eq 0) { Write-Result 'Model' $m.name 'Unchanged' @(); continue }
    if ($CheckOnly) { $drifted++; Write-Result 'Model' $m.name 'Drifted' $differences; continue }
    Write-Verbose "Updating model '$($m.name)': $($differences -join ', ')."
    $models[$m.name] = Set-PolytomicModel -Id $have.Id -Table $m.table -Confirm:$false -PassThru
    Write-Result 'Model' $m.name 'Updated' $differences
}

$syncs = ConvertTo-ByName (Get-PolytomicSync) 'sync'
foreach ($s in @($want.syncs)) {
    if (-not $s) { continue }
    $model = Find-ByName $models $s.model 'model'
    $target = Find-ByName $connections $s.target 'connection'
    $identity = ConvertTo-Hashtable $s.identity
    $fields = ConvertTo-Hashtable $s.fields
    $schedule = ConvertTo-Hashtable $s.schedule
    $frequency = if ($s.frequency) { $s.frequency } else { 'manual' }
    $active = $s.active -ne $false
    $settings = @{
        Model = $model.Id; Target = $target.Id; Object = $s.object; Mode = $s.mode; Frequency = $frequency
        Active = $active; Confirm = $false
    }
    if ($identity.Count) { $settings.Identity = $identity }
    if ($fields.Count) { $settings.Field = @($fields) }
    if ($schedule.Count) { $settings.Schedule = $schedule }

    $listed = $syncs[$s.name]
    if (-not $listed) {
        if ($CheckOnly) { $drifted++; Write-Result 'Sync' $s.name 'Missing' @('sync'); continue }
        Write-Verbose "Creating sync '$($s.name)' from '$($s.model)' into $($s.object) on '$($s.target)'."
        $null = New-PolytomicSync -Name $s.name @settings
        Write-Result 'Sync' $s.name 'Created' @()
        continue
    }
    $have = Get-PolytomicSync -Id $listed.Id   # the full sync (the 2025-09-18 list leaves the mapping out)
    $differences = @()
    if ($have.ModelIds -notcontains $model.Id) { $differences += 'model' }
    if ($have.TargetConnectionId -ne $target.Id) { $differences += 'target' }
    if ($have.TargetObject -ne $s.object) { $differences += 'object' }
    if ($have.Mode -ne $s.mode) { $differences += 'mode' }
    if ($have.Frequency -ne $frequency) { $differences += 'frequency' }
    if ([bool]$have.Active -ne $active) { $differences += 'active' }
    if ($identity.Count -and "$($have.Identity.Source.Field)=$($have.Identity.Target)" -ne (Format-Mapping $identity)) { $differences += 'identity' }
    $haveFields = @{}
    foreach ($f in @($have.Fields)) { if ($f.Source.Field) { $haveFields[$f.Source.Field] = $f.Target } }
    if ((Format-Mapping $haveFields) -ne (Format-Mapping $fields)) { $differences += 'fields' }
    if ($differences.Count -eq 0) { Write-Result 'Sync' $s.name 'Unchanged' @(); continue }
    if ($CheckOnly) { $drifted++; Write-Result 'Sync' $s.name 'Drifted' $differences; continue }
    Write-Verbose "Updating sync '$($s.name)': $($differences -join ', ')."
    Set-PolytomicSync -Id $have.Id @settings
    Write-Result 'Sync' $s.name 'Updated' $differences
}

if ($CheckOnly -and $drifted) { throw "$drifted model(s) or sync(s) differ from the desired state." }
