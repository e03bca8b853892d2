# Model sync (Reverse ETL) from a MongoDB collection to Salesforce Contacts: Polytomic's walkthrough 002.
#   dotnet run --project src/PolytomicPS.Host -- --sandbox examples/mongodb-to-salesforce.ps1
param([string]$ApiVersion = '2024-02-08')

$null = Connect-Polytomic -ApiVersion $ApiVersion

# 1. MongoDB.
$mongo = New-PolytomicConnection -Name 'MongoDB Connection' -Type mongodb -Configuration @{
    hosts    = 'example.mongodb.net'
    username = 'user'
    password = 'secret'
}

# 2. Salesforce signs in with OAuth: open the connection's AuthUrl to finish.
$salesforce = New-PolytomicConnection -Name 'Salesforce Connection' -Type salesforce -Configuration @{
    domain = 'https://example.my.salesforce.com'
}
$mongo, $salesforce | Out-Default

# 3. What MongoDB offers as model sources (databases, then their collections), and a model over one.
$mongo = $mongo | Wait-PolytomicConnection
Get-PolytomicSource $mongo -Recurse | Out-Default
$model = $mongo | New-PolytomicModel -Name 'MongoDB Model' -Database example -Collection users
$model | Out-Default

# 4. Which Contact fields can match records, then the sync: email to Email, plus the names; run on demand.
Get-PolytomicTargetField $salesforce -Object Contact | Where-Object SupportsIdentity | Out-Default
$sync = $model | New-PolytomicSync -Name 'Mongo to Salesforce Sync' -Target $salesforce -Object Contact `
    -Mode create -Identity @{ email = 'Email' } -IdentityFunction equality `
    -Field @{ first_name = 'FirstName'; last_name = 'LastName' } -Frequency manual
$sync | Out-Default
