# Model sync (Reverse ETL) from a Snowflake query to Salesforce Contacts: Polytomic's walkthrough 000.
#   dotnet run --project src/PolytomicPS.Host -- --sandbox examples/snowflake-query-to-salesforce.ps1
# Against Polytomic itself, set POLYTOMIC_API_KEY (and POLYTOMIC_BASE_URL for a self-hosted deployment).
param([string]$ApiVersion = '2024-02-08')

$null = Connect-Polytomic -ApiVersion $ApiVersion

# 1. Snowflake must be reachable from Polytomic over the network.
$snowflake = New-PolytomicConnection -Name 'Snowflake Connection' -Type snowflake -Configuration @{
    account  = 'uc193736182'
    username = 'user'
    password = 'secret'
    dbname   = 'database'
}

# 2. Salesforce signs in with OAuth: open the connection's AuthUrl (the warning shows it) to finish.
$salesforce = New-PolytomicConnection -Name 'Salesforce Connection' -Type salesforce -Configuration @{
    domain = 'https://example.my.salesforce.com'
}
$snowflake, $salesforce | Out-Default

# 3. A model over a custom query, once Polytomic has cached Snowflake's schemas.
$model = $snowflake | Wait-PolytomicConnection | New-PolytomicModel -Name 'Active Users' -Query (
    'SELECT MAX(last_activity_date) AS last_activity_date, plan, first_name, last_name, email ' +
    'FROM users GROUP BY plan, first_name, last_name, email')
$model | Out-Default
$model.Fields | Out-Default

# 4. Sync the model into Salesforce Contacts: match on email, write the names, run continuously.
#    (The walkthrough writes the identity function as "equality"; Equality is the default.)
$sync = $model | New-PolytomicSync -Name 'Snowflake to Salesforce Sync' -Target $salesforce -Object Contact `
    -Mode create -Identity @{ email = 'Email' } -IdentityFunction equality `
    -Field @{ first_name = 'FirstName'; last_name = 'LastName' } -Frequency continuous
$sync | Out-Default
