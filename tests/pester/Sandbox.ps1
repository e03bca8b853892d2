<#
    Shared set-up of the Pester files, dot-sourced from their BeforeAll and AfterAll:
        BeforeAll { . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1')) }
        AfterAll  { . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1')) -Stop }
    Imports the staged module ($env:POLYTOMICPS_MODULE_PATH, else the newest out/PolytomicPS/<version>/) and connects
    to Polytomic: POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL when both are set, else a local sandbox started here
    (`dotnet run --project src/Polytomic.Sandbox` on a free loopback port) and stopped again by -Stop.
    Leaves $root, $modulePath, $apiKey, $partnerKey, $baseUrl and $session (the default session) in the caller's scope;
    the sandbox also accepts $partnerKey (against a real account it comes from POLYTOMIC_PARTNER_KEY, and may be empty).
    Not a *.Tests.ps1 file, so Invoke-Pester does not run it on its own.
#>
param([switch]$Stop)

if ($Stop) {
    Disconnect-Polytomic
    if ($script:sandbox) { Stop-Process -Id $script:sandbox.Id -Force -ErrorAction SilentlyContinue }
    return
}

$root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
$modulePath = $env:POLYTOMICPS_MODULE_PATH
if (-not $modulePath) {
    $modulePath = [System.IO.Directory]::GetDirectories([System.IO.Path]::Combine($root, 'out', 'PolytomicPS')) |
        Sort-Object { [version][System.IO.Path]::GetFileName($_) } | Select-Object -Last 1
}
Import-Module ([System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1')) -Force

$script:sandbox = $null
if ($env:POLYTOMIC_API_KEY -and $env:POLYTOMIC_BASE_URL) {
    $script:apiKey = $env:POLYTOMIC_API_KEY
    $script:partnerKey = $env:POLYTOMIC_PARTNER_KEY
    $script:baseUrl = $env:POLYTOMIC_BASE_URL
} else {
    # A free loopback port, then the sandbox on it; wait until it answers.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $script:apiKey = 'pester-sandbox-key-0000000000'
    $script:partnerKey = 'pester-sandbox-partner-key-00'
    $script:baseUrl = "http://127.0.0.1:$port/"
    $project = [System.IO.Path]::Combine($root, 'src', 'Polytomic.Sandbox')
    $script:sandbox = Start-Process -FilePath 'dotnet' -PassThru -NoNewWindow -ArgumentList @(
        'run', '--project', $project, '--', '--urls', "http://127.0.0.1:$port", '--api-key', $script:apiKey,
        '--partner-key', $script:partnerKey, '--schema-cache-delay', '1')
    $http = [System.Net.Http.HttpClient]::new()
    $deadline = [DateTime]::UtcNow.AddMinutes(3)
    while ($true) {
        try { $null = $http.GetAsync($script:baseUrl + 'api/connection_types').GetAwaiter().GetResult(); break }
        catch { if ([DateTime]::UtcNow -gt $deadline) { throw 'The sandbox did not start.' }; Start-Sleep -Milliseconds 500 }
    }
    $http.Dispose()
}
$script:session = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl
