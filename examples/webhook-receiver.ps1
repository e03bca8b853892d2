<#
.SYNOPSIS
    A small receiver for Polytomic's event webhook: verifies each delivery's signature and prints the event.

.DESCRIPTION
    Listens with System.Net.HttpListener on -Prefix, and for each POST reads the body as bytes, checks its
    Polytomic-Signature header with Test-PolytomicWebhookSignature against -Secret, answers 200 and writes the event
    (Type, SyncName, ExecutionId, the raw Event) to the Output stream when it is authentic, and answers 401 with a
    warning when it is not. Polytomic retries a non-2xx delivery up to five times and delivers each event at most once,
    so a receiver that must see every event also polls the events endpoint (Receive-PolytomicEvent -CheckpointPath).

    This is the organization's event webhook (New-PolytomicWebhook), which Polytomic signs. It is not a webhook
    connection (a sync destination), whose deliveries carry the connection's secret as a Bearer token and no signature.

    Ends after -Count authentic deliveries, after -TimeoutSeconds, or on Ctrl+C; the listener is always closed.
    Register it with:  New-PolytomicWebhook -Endpoint http://127.0.0.1:8080/polytomic/ -Secret $secret
    (a public endpoint needs a reverse proxy or tunnel in front; HttpListener on Windows may need a URL ACL).

.EXAMPLE
    ./webhook-receiver.ps1 -Prefix http://127.0.0.1:8080/polytomic/ -Secret (Read-Host -AsSecureString 'Webhook secret')
#>
#Requires -Modules PolytomicPS
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$Prefix,
    [Parameter(Mandatory)][object]$Secret,
    [int]$Count = 0,
    [int]$TimeoutSeconds = 0
)

$listener = [System.Net.HttpListener]::new()
$listener.Prefixes.Add($Prefix)
$listener.Start()
Write-Verbose "Listening on $Prefix"
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$accepted = 0
try {
    $pending = $listener.GetContextAsync()
    while ($Count -le 0 -or $accepted -lt $Count) {
        if ($TimeoutSeconds -gt 0 -and $clock.Elapsed.TotalSeconds -ge $TimeoutSeconds) {
            Write-Warning "No more deliveries within $TimeoutSeconds s; $accepted accepted."
            break
        }
        # Short waits, so Ctrl+C and the time limit take effect promptly.
        if (-not $pending.Wait(250)) { continue }
        $context = $pending.Result
        $pending = $listener.GetContextAsync()
        $request = $context.Request
        $memory = [System.IO.MemoryStream]::new()
        $request.InputStream.CopyTo($memory)
        $body = $memory.ToArray()
        $authentic = $request.HttpMethod -eq 'POST' -and
            (Test-PolytomicWebhookSignature -Body $body -Signature $request.Headers['Polytomic-Signature'] -Secret $Secret)
        $context.Response.StatusCode = if ($authentic) { 200 } else { 401 }
        $context.Response.Close()
        if (-not $authentic) {
            Write-Warning "Refused a delivery from $($request.RemoteEndPoint): the signature does not match."
            continue
        }
        $accepted++
        $delivery = [System.Text.Encoding]::UTF8.GetString($body) | ConvertFrom-Json
        [pscustomobject]@{
            Type        = $delivery.type
            SyncName    = $delivery.event.sync_name
            ExecutionId = $delivery.event.execution_id
            Event       = $delivery.event
        }
    }
} finally {
    $listener.Stop()
    $listener.Close()
}
