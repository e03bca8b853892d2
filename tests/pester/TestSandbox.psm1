<#
    The Pester files' set-up and tear-down, as named pairs that return what callers use (nothing leaks into their scope):
        BeforeAll { Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
                    $testSandbox = Start-TestSandbox; $apiKey = $testSandbox.ApiKey }
        AfterAll  { Stop-TestSandbox $testSandbox }
    Start-TestSandbox imports the staged module globally ($env:POLYTOMICPS_MODULE_PATH, else the newest
    out/PolytomicPS/<version>/) and connects to Polytomic: POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL when both are set,
    else a local sandbox started here (the built Polytomic.Sandbox.dll on a free loopback port, see
    tools/SandboxProcess.psm1, also imported globally for files that start a second one). -SchemaCacheDelay and
    -RunSeconds set how long the local sandbox takes to cache a schema and to run a sync. The default session speaks
    $env:POLYTOMICPS_TEST_API_VERSION (2024-02-08 unless set), or -SessionVersion for a file whose tests need one version.
    Against the sandbox, every answer is checked against Polytomic's published shapes (the SDK-derived documents, when
    they are there), and Stop-TestSandbox fails the file if any answer broke them.
#>

. ([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'tools', 'Pwsh.ps1'))   # Get-PwshCommand, for tests that start a child pwsh

function Start-TestSandbox {
    <# Outputs the sandbox of one Pester file: Root, ModulePath, ApiKey, PartnerKey, BaseUrl, ApiVersion, Session (the
       default session), the options it was started with, and the process (null against a real account). #>
    [CmdletBinding()]
    param([string]$SessionVersion, [double]$SchemaCacheDelay = 1, [double]$RunSeconds = 0)
    $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $modulePath = $env:POLYTOMICPS_MODULE_PATH
    if (-not $modulePath) {
        $modulePath = [System.IO.Directory]::GetDirectories([System.IO.Path]::Combine($root, 'out', 'PolytomicPS')) |
            Sort-Object { [version][System.IO.Path]::GetFileName($_) } | Select-Object -Last 1
    }
    Import-Module ([System.IO.Path]::Combine($modulePath, 'PolytomicPS.psd1')) -Force -Global
    Import-Module ([System.IO.Path]::Combine($root, 'tools', 'SandboxProcess.psm1')) -Force -Global

    $apiVersion = if ($SessionVersion) { $SessionVersion } elseif ($env:POLYTOMICPS_TEST_API_VERSION) { $env:POLYTOMICPS_TEST_API_VERSION } else { '2024-02-08' }
    $process = $null
    $contractFolder = $null
    if ($env:POLYTOMIC_API_KEY -and $env:POLYTOMIC_BASE_URL) {
        $apiKey = $env:POLYTOMIC_API_KEY
        $partnerKey = $env:POLYTOMIC_PARTNER_KEY
        $baseUrl = $env:POLYTOMIC_BASE_URL
    } else {
        $apiKey = 'pester-sandbox-key-0000000000'
        $partnerKey = 'pester-sandbox-partner-key-00'
        $shapes = [System.IO.Path]::Combine($root, '..', 'shared', 'polytomic-api')
        if ([System.IO.File]::Exists([System.IO.Path]::Combine($shapes, 'openapi.sdk-derived.2024-02-08.json'))) {
            $contractFolder = [System.IO.Path]::GetFullPath($shapes)
        }
        $process = Start-SandboxProcess -Root $root -ApiKey $apiKey -PartnerKey $partnerKey `
            -SchemaCacheDelay $SchemaCacheDelay -RunSeconds $RunSeconds -ContractFolder $contractFolder
        $baseUrl = $process.BaseUrl
    }
    try {
        $session = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
    } catch {
        if ($process) { Stop-SandboxProcess $process }   # whatever starts a server stops it, failed set-up included
        throw
    }
    [pscustomobject]@{
        Root             = $root
        ModulePath       = $modulePath
        ApiKey           = $apiKey
        PartnerKey       = $partnerKey
        BaseUrl          = $baseUrl
        ApiVersion       = $apiVersion
        Session          = $session
        SessionVersion   = $SessionVersion
        SchemaCacheDelay = $SchemaCacheDelay
        RunSeconds       = $RunSeconds
        Process          = $process
        ContractFolder   = $contractFolder
    }
}

function Stop-TestSandbox {
    <# Disconnects the default session and stops the sandbox Start-TestSandbox started; throws when any of its answers
       broke Polytomic's published shapes. Safe to call with $null (a BeforeAll that failed early). #>
    [CmdletBinding()]
    param([Parameter(Position = 0)][AllowNull()][psobject]$Sandbox)
    if (Get-Command Disconnect-Polytomic -ErrorAction SilentlyContinue) { Disconnect-Polytomic }
    if (-not $Sandbox -or -not $Sandbox.Process) { return }
    $process = $Sandbox.Process
    $Sandbox.Process = $null
    $contract = $null
    if ($Sandbox.ContractFolder) {
        $contract = Invoke-RestMethod -Uri ($process.BaseUrl.TrimEnd('/') + '/_sandbox/contract') -ErrorAction SilentlyContinue
    }
    Stop-SandboxProcess $process
    if ($contract -and @($contract.violations).Count -gt 0) {
        throw "The sandbox answered outside Polytomic's published shapes:`n" + (@($contract.violations | Sort-Object -Unique) -join "`n")
    }
}

function New-TestSession {
    <# A further session on the file's sandbox: its key (or -PartnerKey, optionally -OrganizationId) at -ApiVersion
       (the sandbox's version unless given). Does not change the default session unless Connect-Polytomic does. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)][psobject]$Sandbox, [string]$ApiVersion, [switch]$Partner, [string]$OrganizationId)
    $version = if ($ApiVersion) { $ApiVersion } else { $Sandbox.ApiVersion }
    if ($Partner) {
        $extra = @{}
        if ($OrganizationId) { $extra.OrganizationId = $OrganizationId }
        return Connect-Polytomic -PartnerKey $Sandbox.PartnerKey -BaseUrl $Sandbox.BaseUrl -ApiVersion $version @extra
    }
    Connect-Polytomic -ApiKey $Sandbox.ApiKey -BaseUrl $Sandbox.BaseUrl -ApiVersion $version
}

function New-SandboxConnectionPair {
    <# The warehouse and CRM most files build on: Snowflake "<Tag> snowflake" and Salesforce "<Tag> salesforce", with
       their schemas cached. Outputs the two, warehouse first. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string]$Tag)
    $warehouse = New-PolytomicConnection -Name "$Tag snowflake" -Type snowflake `
        -Configuration @{ account = 'pester'; username = 'u'; password = 'p'; dbname = 'd' }
    $crm = New-PolytomicConnection -Name "$Tag salesforce" -Type salesforce `
        -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
    $null = $warehouse, $crm | Wait-PolytomicConnection -TimeoutSeconds 120 -PollIntervalSeconds 0.2
    $warehouse
    $crm
}

Export-ModuleMember -Function Start-TestSandbox, Stop-TestSandbox, New-TestSession, New-SandboxConnectionPair, Get-PwshCommand
