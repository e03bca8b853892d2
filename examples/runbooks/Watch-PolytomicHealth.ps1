<#
.SYNOPSIS
    Azure Automation runbook: checks the health of every Polytomic sync and bulk sync, and alerts a chat channel when
    something failed or went stale.

.DESCRIPTION
    Connects with the API key kept in an encrypted Automation variable (or the password of a credential asset) and runs
    Get-PolytomicSyncHealth. Outputs one summary object (how many syncs were checked, failed, stale, running, and one
    line per problem); details go to the Verbose stream only.

    When a sync failed or went stale and -WebhookUrl (or -WebhookVariable) is given, it posts ONE message to that
    incoming webhook: Teams-shaped (a MessageCard) or Slack-shaped ({"text": ...}) JSON, per -WebhookFormat. Nothing is
    posted when all is well. The webhook URL is a secret (whoever has it can post): keep it in an encrypted variable;
    the runbook never writes it to any stream. With -FailOnProblem the job ends as Failed when there is a problem, after
    the summary and the message, so alerts on failed jobs see it too.

    Safe to run again: it only reads, so a restarted job posts at most one more message.

.PARAMETER Name
    Only the syncs with these names (wildcards allowed); default every sync.

.PARAMETER NotSucceededHours
    A scheduled, active sync with no success in this many hours is Stale (default 24).

.PARAMETER WebhookUrl
    The incoming-webhook URL to post to (Teams or Slack).

.PARAMETER WebhookVariable
    An encrypted Automation variable that holds the webhook URL; used when -WebhookUrl is not given.

.PARAMETER WebhookFormat
    Teams (a MessageCard, the default) or Slack.

.PARAMETER FailOnProblem
    Fail the job when any sync failed or went stale.

.PARAMETER KeyVariable
    The encrypted Automation variable that holds the API key (default PolytomicApiKey).

.PARAMETER KeyCredential
    A credential asset whose password is the API key; used instead of -KeyVariable when given.

.PARAMETER BaseUrl
    The Polytomic address, for a self-hosted deployment (default https://app.polytomic.com).

.PARAMETER ApiVersion
    The Polytomic API version to speak.

.EXAMPLE
    Start-AzAutomationRunbook -AutomationAccountName ops -ResourceGroupName data -Name Watch-PolytomicHealth `
        -Parameters @{ WebhookVariable = 'TeamsDataAlerts'; FailOnProblem = $true }
#>
#Requires -Modules PolytomicPS
[CmdletBinding()]
param(
    [string[]]$Name,

    [ValidateRange(1, 8760)]
    [double]$NotSucceededHours = 24,

    [string]$WebhookUrl,

    [string]$WebhookVariable,

    [ValidateSet('Teams', 'Slack')]
    [string]$WebhookFormat = 'Teams',

    [switch]$FailOnProblem,

    [string]$KeyVariable = 'PolytomicApiKey',

    [string]$KeyCredential,

    [string]$BaseUrl,

    [ValidateSet('2024-02-08', '2025-09-18')]
    [string]$ApiVersion = '2024-02-08'
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'   # nobody watches a job's progress records; Automation keeps them all

$key = if ($KeyCredential) { Get-AutomationPSCredential -Name $KeyCredential } else { Get-AutomationVariable -Name $KeyVariable }
if (-not $key) { throw "The Automation asset '$(if ($KeyCredential) { $KeyCredential } else { $KeyVariable })' holds no API key." }
if (-not $WebhookUrl -and $WebhookVariable) { $WebhookUrl = Get-AutomationVariable -Name $WebhookVariable }
if ($WebhookUrl -and -not ([uri]::IsWellFormedUriString($WebhookUrl, 'Absolute') -and $WebhookUrl -match '^https?://')) {
    throw 'The webhook URL is not an http(s) URL.'   # the URL itself is a secret: not in the message
}
$connect = @{ ApiKey = $key; ApiVersion = $ApiVersion }
if ($BaseUrl) { $connect.BaseUrl = $BaseUrl }
$null = Connect-Polytomic @connect

# Every sync, judged with this runbook's stale limit; a sync that cannot be read is an error, not a silent pass.
$filter = @{ StaleAfter = [TimeSpan]::FromHours($NotSucceededHours) }
if ($Name) { $filter.Name = $Name }
$all = @(Get-PolytomicSyncHealth @filter)
$problems = @($all | Where-Object Problem)
foreach ($p in $problems) {
    Write-Verbose "$($p.Problem): $($p.Kind) '$($p.Name)' last $($p.Status), $($p.ConsecutiveFailures) failure(s) in a row, last success $(if ($p.LastSuccessAt) { $p.LastSuccessAt.ToString('u') } else { 'never' })."
}

$lines = @($problems | ForEach-Object {
    $since = if ($_.LastSuccessAt) { 'last success ' + $_.LastSuccessAt.ToString('yyyy-MM-dd HH:mm') + ' UTC' } else { 'never succeeded' }
    "$($_.Problem): $($_.Name) ($($_.Kind); $($_.ConsecutiveFailures) failure(s) in a row; $since)"
})
$summary = [pscustomobject]@{
    Checked  = $all.Count
    Failed   = @($problems | Where-Object Problem -eq 'Failed').Count
    Stale    = @($problems | Where-Object Problem -eq 'Stale').Count
    Running  = @($all | Where-Object Running).Count
    Problems = $lines
    Notified = $false
}

if ($problems.Count -gt 0 -and $WebhookUrl) {
    $title = "Polytomic: $($summary.Failed) failed, $($summary.Stale) stale of $($summary.Checked) syncs"
    $body = if ($WebhookFormat -eq 'Slack') {
        @{ text = $title + "`n" + (($lines | ForEach-Object { '• ' + $_ }) -join "`n") }
    } else {
        @{
            '@type'    = 'MessageCard'
            '@context' = 'https://schema.org/extensions'
            summary    = $title
            themeColor = if ($summary.Failed) { 'D70000' } else { 'FFA500' }
            title      = $title
            sections   = @(@{ facts = @($problems | ForEach-Object { @{ name = "$($_.Problem): $($_.Name)"; value = "$($_.Kind), last $($_.Status), $($_.ConsecutiveFailures) failure(s) in a row" } }) })
        }
    }
    try {
        $null = Invoke-RestMethod -Method Post -Uri $WebhookUrl -ContentType 'application/json; charset=utf-8' -TimeoutSec 60 `
            -Body ([System.Text.Encoding]::UTF8.GetBytes(($body | ConvertTo-Json -Depth 6 -Compress)))
        $summary.Notified = $true
        Write-Verbose "Posted one $WebhookFormat message about $($problems.Count) problem(s)."
    } catch {
        # The URL carries the webhook's secret: report the status only.
        $status = if ($_.Exception.Response) { [int]$_.Exception.Response.StatusCode } else { 'no answer' }
        Write-Output $summary
        throw "Posting the alert to the webhook failed ($status)."
    }
}

Write-Output $summary
if ($FailOnProblem -and $problems.Count -gt 0) {
    throw "$($problems.Count) sync(s) failed or went stale: $($lines -join '; ')"
}
