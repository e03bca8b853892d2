<#
    Starts and stops the local Polytomic sandbox as a process of its own (the built Polytomic.Sandbox.dll run by
    `dotnet`, so the process started is the server itself, not a launcher). Used by build.ps1 (the walkthroughs) and by
    tests/pester/TestSandbox.psm1. The sandbox also exits by itself when the PowerShell process that started it is gone.
#>
Set-StrictMode -Version 3

function Get-SandboxAssembly {
    param([string]$Root, [string]$Configuration = 'Debug')
    $project = [System.IO.Path]::Combine($Root, 'src', 'Polytomic.Sandbox')
    $dll = [System.IO.Path]::Combine($project, 'bin', $Configuration, 'net10.0', 'Polytomic.Sandbox.dll')
    if (-not [System.IO.File]::Exists($dll)) {
        & dotnet build $project -c $Configuration --nologo -v q | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "dotnet build $project failed with exit code $LASTEXITCODE" }
    }
    $dll
}

function Start-SandboxProcess {
    <# Starts a sandbox on a free loopback port and returns { Process; BaseUrl; Log } once it answers. #>
    param(
        [Parameter(Mandatory)][string]$Root,
        [Parameter(Mandatory)][string]$ApiKey,
        [string]$PartnerKey,
        [double]$SchemaCacheDelay = 1,
        [double]$RunSeconds = 0,
        [string]$ContractFolder,
        [string]$Configuration = $(if ($env:POLYTOMICPS_CONFIGURATION) { $env:POLYTOMICPS_CONFIGURATION } else { 'Debug' })
    )
    $dll = Get-SandboxAssembly -Root $Root -Configuration $Configuration
    $log = [System.IO.Path]::GetTempFileName()
    $arguments = @($dll, '--urls', 'http://127.0.0.1:0', '--api-key', $ApiKey,
        '--schema-cache-delay', $SchemaCacheDelay.ToString([System.Globalization.CultureInfo]::InvariantCulture),
        '--exit-with', $PID)
    if ($PartnerKey) { $arguments += @('--partner-key', $PartnerKey) }
    if ($RunSeconds -gt 0) { $arguments += @('--run-seconds', $RunSeconds.ToString([System.Globalization.CultureInfo]::InvariantCulture)) }
    if ($ContractFolder) { $arguments += @('--contract', $ContractFolder) }
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    # The sandbox prints "listening on <url>" once Kestrel is up on the port it picked.
    $deadline = [DateTime]::UtcNow.AddMinutes(2)
    while ($true) {
        $text = [System.IO.File]::ReadAllText($log)
        $match = [regex]::Match($text, 'listening on (http://\S+)')
        if ($match.Success) { break }
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
            Stop-SandboxProcess ([pscustomobject]@{ Process = $process; Log = $log })
            throw "The sandbox did not start: $text $([System.IO.File]::ReadAllText("$log.err"))"
        }
        Start-Sleep -Milliseconds 100
    }
    [pscustomobject]@{ Process = $process; BaseUrl = $match.Groups[1].Value; Log = $log }
}

function Stop-SandboxProcess {
    <# Stops the sandbox process itself (SIGTERM, then a kill if it has not exited within 5 s) and removes its logs. #>
    param([Parameter(Mandatory)]$Sandbox)
    $process = $Sandbox.Process
    if (-not $process.HasExited) {
        if ($IsLinux -or $IsMacOS) { & kill -TERM $process.Id 2>$null } else { $process.Kill() }
        if (-not $process.WaitForExit(5000)) { $process.Kill(); $null = $process.WaitForExit(5000) }
    }
    foreach ($file in @($Sandbox.Log, "$($Sandbox.Log).err")) {
        if ($file -and [System.IO.File]::Exists($file)) { [System.IO.File]::Delete($file) }
    }
}

Export-ModuleMember -Function Start-SandboxProcess, Stop-SandboxProcess
