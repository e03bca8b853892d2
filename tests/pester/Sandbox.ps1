<#
    Shared set-up of the Pester files, dot-sourced from their BeforeAll and AfterAll:
        BeforeAll { . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1')) }
        AfterAll  { . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1')) -Stop }
    Imports the staged module ($env:POLYTOMICPS_MODULE_PATH, else the newest out/PolytomicPS/<version>/) and connects
    to Polytomic: POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL when both are set, else a local sandbox started here (the
    built Polytomic.Sandbox.dll on a free loopback port, see tools/SandboxProcess.psm1) and stopped again by -Stop.
    -SchemaCacheDelay and -RunSeconds set how long the local sandbox takes to cache a schema and to run a sync (for a
    file that creates and runs many). The default session speaks $env:POLYTOMICPS_TEST_API_VERSION (2024-02-08 unless set; build.ps1 -Task Test runs the
    suite once per API version), or -SessionVersion for a file whose tests need one version whatever the run's.
    Against the sandbox, every answer is checked against Polytomic's published shapes (the SDK-derived documents, when
    they are there), and -Stop fails the file if any answer broke them.
    Leaves $root, $modulePath, $apiKey, $partnerKey, $baseUrl, $apiVersion, $session (the default session) and the
    functions Get-PwshCommand and New-SandboxConnectionPair in the caller's scope; the sandbox also accepts $partnerKey (against a real account it
    comes from POLYTOMIC_PARTNER_KEY).
    Not a *.Tests.ps1 file, so Invoke-Pester does not run it on its own.
#>
param([switch]$Stop, [string]$SessionVersion, [double]$SchemaCacheDelay = 1, [double]$RunSeconds = 0)

if ($Stop) {
    Disconnect-Polytomic
    if ($script:sandbox) {
        $sandbox = $script:sandbox
        $script:sandbox = $null
        $contract = $null
        if ($script:contractFolder) {
            $contract = Invoke-RestMethod -Uri ($sandbox.BaseUrl.TrimEnd('/') + '/_sandbox/contract') -ErrorAction SilentlyContinue
        }
        Stop-SandboxProcess $sandbox
        if ($contract -and @($contract.violations).Count -gt 0) {
            throw "The sandbox answered outside Polytomic's published shapes:`n" + (@($contract.violations | Sort-Object -Unique) -join "`n")
        }
    }
    return
}

$root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
$modulePath = $env:POLYTOMICPS_MODULE_PATH
if (-not $modulePath) {
    $modulePath = [System.IO.Directory]::GetDirectories([System.IO.Path]::Combine($root, 'out', 'PolytomicPS')) |
        Sort-Object { [version][System.IO.Path]::GetFileName($_) } | Select-Object -Last 1
}
Import-Module ([System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1')) -Force
Import-Module ([System.IO.Path]::Combine($root, 'tools', 'SandboxProcess.psm1')) -Force
. ([System.IO.Path]::Combine($root, 'tools', 'Pwsh.ps1'))   # Get-PwshCommand, for tests that start a child pwsh

$script:apiVersion = if ($SessionVersion) { $SessionVersion } elseif ($env:POLYTOMICPS_TEST_API_VERSION) { $env:POLYTOMICPS_TEST_API_VERSION } else { '2024-02-08' }
$script:sandbox = $null
$script:contractFolder = $null
if ($env:POLYTOMIC_API_KEY -and $env:POLYTOMIC_BASE_URL) {
    $script:apiKey = $env:POLYTOMIC_API_KEY
    $script:partnerKey = $env:POLYTOMIC_PARTNER_KEY
    $script:baseUrl = $env:POLYTOMIC_BASE_URL
} else {
    $script:apiKey = 'pester-sandbox-key-0000000000'
    $script:partnerKey = 'pester-sandbox-partner-key-00'
    $shapes = [System.IO.Path]::Combine($root, '..', 'shared', 'polytomic-api')
    if ([System.IO.File]::Exists([System.IO.Path]::Combine($shapes, 'openapi.sdk-derived.2024-02-08.json'))) {
        $script:contractFolder = [System.IO.Path]::GetFullPath($shapes)
    }
    $script:sandbox = Start-SandboxProcess -Root $root -ApiKey $script:apiKey -PartnerKey $script:partnerKey `
        -SchemaCacheDelay $SchemaCacheDelay -RunSeconds $RunSeconds -ContractFolder $script:contractFolder
    $script:baseUrl = $script:sandbox.BaseUrl
}
$script:session = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion $script:apiVersion

function New-SandboxConnectionPair {
    <# The warehouse and CRM most files build on: Snowflake "<Tag> snowflake" and Salesforce "<Tag> salesforce", with
       their schemas cached. Outputs the two, warehouse first. #>
    param([Parameter(Mandatory)][string]$Tag)
    $warehouse = New-PolytomicConnection -Name "$Tag snowflake" -Type snowflake `
        -Configuration @{ account = 'pester'; username = 'u'; password = 'p'; dbname = 'd' }
    $crm = New-PolytomicConnection -Name "$Tag salesforce" -Type salesforce `
        -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
    $null = $warehouse, $crm | Wait-PolytomicConnection -TimeoutSeconds 120 -PollIntervalSeconds 0.2
    $warehouse
    $crm
}
