# Syncing contacts from a Google Cloud Storage CSV file to Salesforce: Polytomic's walkthrough 004.
#   dotnet run --project src/PolytomicPS.Host -- --sandbox examples/gcs-csv-to-salesforce.ps1
param([string]$ApiVersion = '2024-02-08')

$null = Connect-Polytomic -ApiVersion $ApiVersion

# 1. Salesforce signs in with OAuth: open the connection's AuthUrl to finish.
$salesforce = New-PolytomicConnection -Name 'Salesforce Connection' -Type salesforce -Configuration @{
    domain = 'https://example.my.salesforce.com'
}

# 2. Google Cloud Storage.
$gcs = New-PolytomicConnection -Name 'Google Cloud Storage Connection' -Type gcs -Configuration @{
    service_account = 'service_account_json_key'
    bucket          = 'gcs://mybucket/mypath'
}

# 3. Wait until both schema caches are ready.
$salesforce, $gcs | Wait-PolytomicConnection | Get-PolytomicSchemaStatus | Out-Default

# 4. A model over one CSV file in the bucket: every column becomes a field.
Get-PolytomicSource $gcs -Recurse | Out-Default
$model = $gcs | New-PolytomicModel -Name 'GCS Contacts' -File high_paying_users.csv
$model.Fields | Out-Default

# 5. The objects Salesforce can receive, then the sync: email matches Email, names are written, run on demand.
Get-PolytomicTarget $salesforce | Out-Default
$sync = $model | New-PolytomicSync -Name 'GCS to Salesforce Sync' -Target $salesforce -Object Contact `
    -Mode updateOrCreate -Identity @{ email = 'Email' } -IdentityFunction equality `
    -Field @{ first_name = 'FirstName'; last_name = 'LastName' } -Frequency Manual
$sync | Out-Default
