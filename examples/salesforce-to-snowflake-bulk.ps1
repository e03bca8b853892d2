param([string]$ApiVersion = '2024-02-08')
# Seed 001: Bulk sync (ELT) of Salesforce Account and Contact into Snowflake, mode replicate, manual schedule.
# Reads the API key (and optionally the base URL) from POLYTOMIC_API_KEY / POLYTOMIC_BASE_URL.
# Polytomic needs a moment to cache a new connection's schemas; New-PolytomicBulkSync waits and retries on its own.

$null = Connect-Polytomic -ApiVersion $ApiVersion

# 1. A Salesforce connection. It uses OAuth: open the AuthUrl it returns in a browser to finish connecting it.
$salesforce = New-PolytomicConnection -Name 'Salesforce Connection' -Type salesforce -Configuration @{
    domain = 'https://example.my.salesforce.com'
}

# 2. A Snowflake connection.
$snowflake = New-PolytomicConnection -Name 'Snowflake Connection' -Type snowflake -Configuration @{
    account  = 'uc193736182'
    username = 'user'
    password = 'secret'
    dbname   = 'database'
}
$salesforce, $snowflake | Out-Default

# 3. The bulk sync of Account and Contact (omit -Schema to sync every object).
$sync = New-PolytomicBulkSync -Name 'Salesforce Bulk Sync' -Source $salesforce -Destination $snowflake `
    -Mode replicate -Frequency manual `
    -DestinationConfiguration @{ schema = 'SALESFORCE_CONNECTION' } `
    -Schema Account, Contact
$sync | Out-Default

# The schemas it syncs.
$sync | Get-PolytomicBulkSchema -Enabled | Out-Default
