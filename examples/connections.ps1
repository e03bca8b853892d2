<#
.SYNOPSIS
    Connections end to end: create Snowflake and Salesforce connections, wait for the schema cache, read, change
    and remove them.
.EXAMPLE
    dotnet run --project src/PolytomicPS.Host -- --sandbox examples/connections.ps1
#>
param([string]$ApiVersion = '2024-02-08')
$ErrorActionPreference = 'Stop'

# No -ApiKey: Connect-Polytomic reads POLYTOMIC_API_KEY (and POLYTOMIC_BASE_URL, else app.polytomic.com).
$null = Connect-Polytomic -ApiVersion $ApiVersion

$snowflake = New-PolytomicConnection -Name 'Snowflake Connection' -Type snowflake -Configuration @{
    account  = 'uc193736182'
    username = 'user'
    password = 'secret'
    dbname   = 'database'
}
# Salesforce uses OAuth: the warning and the AuthUrl property say where to sign in.
$salesforce = New-PolytomicConnection -Name 'Salesforce Connection' -Type salesforce -Configuration @{
    domain = 'https://example.my.salesforce.com'
} -WarningAction SilentlyContinue
"Open this URL to authorise Salesforce: $($salesforce.AuthUrl)"

# Polytomic reads each source's schemas after creation; wait until they are cached.
$snowflake, $salesforce | Wait-PolytomicConnection -TimeoutSeconds 120 -PollIntervalSeconds 0.5 | Get-PolytomicSchemaStatus | Out-Default

Get-PolytomicConnection -Name '*Connection' | Out-Default

# Set changes only what is passed: the stored password is kept.
$snowflake | Set-PolytomicConnection -Configuration @{ warehouse = 'COMPUTE_WH' } -NewName 'Snowflake (analytics)' -PassThru | Out-Default

Test-PolytomicConnection -Id $snowflake.Id | Out-Default

$snowflake, $salesforce | Remove-PolytomicConnection -Confirm:$false
"Connections left: $(@(Get-PolytomicConnection -Name '*Connection', 'Snowflake (analytics)*').Count)"
