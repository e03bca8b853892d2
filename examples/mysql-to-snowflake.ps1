# Model sync from a MySQL table to Snowflake: Polytomic's walkthrough 003. The target drill-down it walks
# (GET …/modelsync/target) exists only in API version 2024-02-08; on 2025-09-18 the script lists target objects.
#   dotnet run --project src/PolytomicPS.Host -- --sandbox examples/mysql-to-snowflake.ps1
param([string]$ApiVersion = '2024-02-08')

$null = Connect-Polytomic -ApiVersion $ApiVersion

# 1. MySQL.
$mysql = New-PolytomicConnection -Name 'MySQL Connection' -Type mysql -Configuration @{
    hostname = 'localhost'
    port     = 3306
    dbname   = 'company'
    account  = 'user'
    passwd   = 'secret'
} | Wait-PolytomicConnection

# 2. The tables MySQL offers, and a model over company.customers (the choice pipes its configuration along).
$sources = Get-PolytomicSource $mysql
$sources | Out-Default
$model = $sources | Where-Object Value -eq 'company.customers' | New-PolytomicModel -Name 'Customer Model'
$model | Out-Default

# 3. The Snowflake target: its schemas, the tables of CUSTOMERS, then the fields and modes of CUSTOMERS.CONTACTS.
$snowflake = New-PolytomicConnection -Name 'Snowflake Connection' -Type snowflake -Configuration @{
    account  = 'account'
    dbname   = 'database'
    password = 'secret-password'
    username = 'user'
}
if ($ApiVersion -eq '2024-02-08') {
    Get-PolytomicTarget $snowflake -Type schema | Out-Default
    Get-PolytomicTarget $snowflake -Type table -Search CUSTOMERS | Out-Default
} else {
    Get-PolytomicTarget $snowflake -Name 'CUSTOMERS.*' | Out-Default
}
Get-PolytomicTargetField $snowflake -Object CUSTOMERS.CONTACTS -Modes | Out-Default
Get-PolytomicTargetField $snowflake -Object CUSTOMERS.CONTACTS | Out-Default

# Replace the table's rows with the model's on every change; replace needs no identity.
$sync = $model | New-PolytomicSync -Name 'MySQL to Snowflake Sync' -Target $snowflake -Object CUSTOMERS.CONTACTS `
    -Mode replace -Field ([ordered]@{ email = 'EMAIL'; first_name = 'FIRST_NAME'; last_name = 'LAST_NAME' }) -Frequency continuous
$sync | Out-Default
