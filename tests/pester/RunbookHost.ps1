<#
    Runs one runbook the way an Azure Automation job does, for Runbooks.Tests.ps1, which starts it as
        dotnet pwsh -NoProfile -NonInteractive -File RunbookHost.ps1
    RUNBOOK_REQUEST (JSON: runbook path, parameters) says what to run; RUNBOOK_ASSETS (JSON: variables, credentials) is
    what the stand-ins for Get-AutomationVariable and Get-AutomationPSCredential hand out. The runbook runs in a runspace
    of its own through a PowerShell object, so its streams can be counted; one JSON report goes to stdout (its output,
    its error, and how many records each other stream got), and the exit code is 1 when the runbook threw.
    Not a *.Tests.ps1 file, so Invoke-Pester does not run it on its own.
#>
$request = $env:RUNBOOK_REQUEST | ConvertFrom-Json -AsHashtable
$assets = $env:RUNBOOK_ASSETS | ConvertFrom-Json -AsHashtable

# Stand-ins for the Automation asset cmdlets: an encrypted variable arrives as its plain value, a credential as a PSCredential.
$standIns = {
    param($assets)
    $global:RunbookAssets = $assets
    function global:Get-AutomationVariable {
        param([Parameter(Mandatory = $true)][string]$Name)
        if (-not $RunbookAssets.variables.ContainsKey($Name)) { throw "Variable '$Name' not found." }
        $RunbookAssets.variables[$Name]
    }
    function global:Get-AutomationPSCredential {
        param([Parameter(Mandatory = $true)][string]$Name)
        $c = $RunbookAssets.credentials[$Name]
        if (-not $c) { throw "Credential '$Name' not found." }
        [pscredential]::new($c.user, [System.Net.NetworkCredential]::new('', $c.password).SecurePassword)
    }
}

# A runspace of its own (as a job has), whose streams the PowerShell object collects.
$ps = [powershell]::Create()
$null = $ps.AddScript($standIns.ToString()).AddArgument($assets)
$null = $ps.Invoke()
$ps.Commands.Clear()
$null = $ps.AddCommand($request.runbook)
foreach ($name in $request.parameters.Keys) { $null = $ps.AddParameter($name, $request.parameters[$name]) }
$failed = $null
$output = [System.Management.Automation.PSDataCollection[psobject]]::new()
try { $ps.Invoke($null, $output) }
catch {
    $inner = $_.Exception
    while ($inner.InnerException -and $inner -is [System.Management.Automation.MethodInvocationException]) { $inner = $inner.InnerException }
    $failed = $inner.Message
}
[pscustomobject]@{
    Output      = @($output | ForEach-Object { $_ })
    Failed      = $failed
    Errors      = $ps.Streams.Error.Count
    Warnings    = $ps.Streams.Warning.Count
    Information = $ps.Streams.Information.Count
    Progress    = $ps.Streams.Progress.Count
    Verbose     = $ps.Streams.Verbose.Count
} | ConvertTo-Json -Depth 4 -Compress
$ps.Dispose()
if ($failed) { exit 1 }
