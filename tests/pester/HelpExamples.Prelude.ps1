<#
    The shared prelude of HelpExamples.Tests.ps1: the objects and variables the cmdlets' help examples assume, one
    consistent set of names, and the stand-ins for what a test machine lacks. Dot-sourced; defines only tables and
    functions. Each example runs in an organization of its own, so its writes never meet another example's.

    The names every example uses (and the variables that hold them):
        'Snowflake Connection' ($snowflake, $sf)   'Salesforce Connection' ($salesforce, $crm)
        'Warehouse' PostgreSQL, database analytics ($warehouse, $pg, $postgres, $conn)
        'MySQL Connection' ($mysql)  'MongoDB Connection' ($mongo, database example)  'GCS' ($gcs)  'Stripe' ($stripe)
        'Billing API' ($api) and 'Enrichment', HTTP API connections
        'Active Users' model on Snowflake ($model)   'Users to CRM' sync to Salesforce Contact ($sync)
        'Salesforce Bulk Sync' Salesforce to Snowflake ($bulk; $sync in the bulk-sync cmdlets' examples)
        'Analysts' role, 'Warehouse access' policy, the organization's webhook ($webhook)
        'Acme Corp' organization ($org) with ana@acme.example.com ($user) and bo@example.com
#>

# Examples that cannot run here, with the reason (fewer than 10).
$ExampleSkips = @{}

# Examples that run in one API version whatever the run's, because what they show exists only there.
$ExampleVersions = @{
    'Set-PolytomicSyncExecution #1' = '2024-02-08'   # PUT /api/syncs/{id}/executions/{id} was removed in 2025-09-18
    'Set-PolytomicSyncExecution #2' = '2024-02-08'
    'Get-PolytomicConsoleLog #1'    = '2025-09-18'   # console logs are 2025-09-18 only
    'Get-PolytomicConsoleLog #2'    = '2025-09-18'
    'Get-PolytomicProxyInfo #1'     = '2025-09-18'   # the connection proxy is 2025-09-18 only
    'Get-PolytomicProxyInfo #2'     = '2025-09-18'
    'Invoke-PolytomicProxy #1'      = '2025-09-18'
    'Invoke-PolytomicProxy #2'      = '2025-09-18'
    'New-PolytomicUser #2'          = '2025-09-18'   # the current organization's user routes are 2025-09-18 only
    'Get-PolytomicRole #2'          = '2025-09-18'
    'Set-PolytomicUser #1'          = '2025-09-18'
    'Remove-PolytomicUser #1'       = '2025-09-18'
    'Get-PolytomicSharedConnection #2' = '2025-09-18' # the organization's shared-connection route is 2025-09-18 only
    'Stop-PolytomicSync #2'         = '2025-09-18'   # cancelling one execution is 2025-09-18 only
    'Get-PolytomicTarget #2'        = '2024-02-08'   # the target drill-down was removed in 2025-09-18
}

# Examples whose default session is the partner key itself (they manage organizations).
$ExamplePartner = @(
    'Get-PolytomicUser #1', 'New-PolytomicApiKey #1', 'New-PolytomicApiKey #2', 'New-PolytomicOrganization #2',
    'New-PolytomicUser #1', 'Remove-PolytomicOrganization #1', 'Remove-PolytomicOrganization #2', 'Remove-PolytomicUser #2',
    'Set-PolytomicOrganization #1', 'Set-PolytomicOrganization #2', 'Set-PolytomicUser #2', 'Get-PolytomicIdentity #2'
)

# What a test machine lacks, stood in for: prompts, SecretManagement, Azure Automation, Get-Credential.
$ExampleStandIns = {
    function Read-Host {
        param([Parameter(Position = 0)][string]$Prompt, [switch]$AsSecureString)
        $text = if ($Prompt -match 'API key') { $ExampleKeys.ApiKey } else { 'example-Secret-1' }
        if ($AsSecureString) { [System.Net.NetworkCredential]::new('', $text).SecurePassword } else { $text }
    }
    function Get-Secret {
        param([Parameter(Position = 0)][string]$Name, [switch]$AsPlainText)
        if ($Name -eq 'PolytomicPartner') {
            return [pscredential]::new($ExampleKeys.OrganizationId, [System.Net.NetworkCredential]::new('', $ExampleKeys.PartnerKey).SecurePassword)
        }
        if ($AsPlainText) { $ExampleKeys.ApiKey } else { [System.Net.NetworkCredential]::new('', $ExampleKeys.ApiKey).SecurePassword }
    }
    function Get-AutomationVariable { param([string]$Name) $ExampleKeys.ApiKey }
    function Get-AutomationPSCredential {
        param([string]$Name)
        [pscredential]::new($ExampleKeys.OrganizationId, [System.Net.NetworkCredential]::new('', $ExampleKeys.PartnerKey).SecurePassword)
    }
    function Get-Credential {
        param([string]$UserName, [string]$Message)
        [pscredential]::new($UserName, [System.Net.NetworkCredential]::new('', $ExampleKeys.PartnerKey).SecurePassword)
    }
}

function New-ExampleConnection([string]$Name, [string]$Type, [hashtable]$Configuration) {
    New-PolytomicConnection -Name $Name -Type $Type -Configuration $Configuration -WarningAction SilentlyContinue
}

function New-ExampleWorld {
    <# Creates, in the default session's organization, what the example's text refers to, and returns the variables
       it assumes. Objects the example creates itself are left for it to create. #>
    param([string]$Key, [string]$Cmdlet, [string]$Code, $Partner, [string]$ApiKey, [string]$PartnerKey)
    $has = { param($pattern) $Code -match $pattern }
    $creates = { param($kind, $name) $Code -match ("New-Polytomic$kind\s+(-Name\s+)?'?" + [regex]::Escape($name) + "'?(\s|$)") }
    $bulkCmdlet = $Cmdlet -match 'Bulk'
    $v = @{
        pw = 'example-Password-1'; dbPassword = 'example-Password-1'; oidcSecret = 'example-Oidc-1'; hookSecret = 'example-Hook-1'
        config = @{ hostname = 'db.example.com'; port = 5432; database = 'analytics'; username = 'polytomic'; password = 'example-Password-1' }
        devKey = $ApiKey; euKey = $ApiKey; partnerKey = $PartnerKey
        organizationId = (Get-PolytomicSession).OrganizationId
    }
    $v.secrets = @{ 'Warehouse.password' = $v.dbPassword; 'Dev Warehouse.password' = $v.dbPassword }

    $needRun = (& $has '\$run\b') -and -not (& $has '\$run\s*=')
    $needSync = (& $has '\$sync\b|Users to CRM|\*CRM\*|\$stalledId|\$run\b|Get-PolytomicSync\b') -and -not $bulkCmdlet -and -not (& $creates 'Sync' 'Users to CRM')
    $needBulk = (& $has '\$bulk\b|Salesforce Bulk Sync|''Salesforce\*''|\$schedule\b|BulkSchedule|\$export\b|Get-PolytomicBulkSync\b|BulkSyncStatus -Active') -or ($bulkCmdlet -and (& $has '\$sync\b|\$run\b'))
    if (& $creates 'BulkSync' 'Salesforce Bulk Sync') { $needBulk = $false }
    $needModel = $needSync -or ((& $has '\$model\b|Active Users|''Active\*''|Get-PolytomicModel\b') -and -not (& $creates 'Model' 'Active Users'))
    $needSnowflake = $needModel -or $needBulk -or (& $has '\$snowflake\b|\$sf\b|Snowflake Connection|''Snow\*''')
    $needSalesforce = $needSync -or $needBulk -or (& $has '\$salesforce\b|\$crm\b|Salesforce Connection')
    $needWarehouse = (& $has 'Warehouse|\$warehouse\b|\$pg\b|\$postgres\b|\$conn\b|Get-PolytomicConnection \||Get-PolytomicConnection$') -and -not (& $creates 'Connection' 'Warehouse')

    if ($needSnowflake) {
        $v.snowflake = New-ExampleConnection 'Snowflake Connection' snowflake @{ account = 'xy12345'; username = 'polytomic'; password = $v.pw; dbname = 'ANALYTICS' }
        $v.sf = $v.snowflake
    }
    if ($needSalesforce) {
        $v.salesforce = New-ExampleConnection 'Salesforce Connection' salesforce @{ domain = 'https://example.my.salesforce.com' }
        $v.crm = $v.salesforce
    }
    if ($needWarehouse) {
        $v.warehouse = New-ExampleConnection 'Warehouse' postgresql $v.config
        $v.pg = $v.postgres = $v.conn = $v.warehouse
    }
    if (& $has '\$mysql\b|MySQL Connection') {
        $v.mysql = New-ExampleConnection 'MySQL Connection' mysql @{ hostname = 'mysql.example.com'; account = 'polytomic'; passwd = $v.pw }
    }
    if (& $has '\$mongo\b') { $v.mongo = New-ExampleConnection 'MongoDB Connection' mongodb @{ hosts = 'example.mongodb.net'; username = 'user'; password = $v.pw } }
    if (& $has '\$gcs\b') { $v.gcs = New-ExampleConnection 'GCS' gcs @{ service_account = '{}'; bucket = 'example-bucket' } }
    if ((& $has 'Billing API|\$api\b') -or ($Cmdlet -match 'Proxy' -and (& $has '\$conn\b'))) {
        $v.api = New-ExampleConnection 'Billing API' api @{ url = 'https://api.example.com' }
        if ($Cmdlet -match 'Proxy') { $v.conn = $v.api }
    }
    if (& $has 'Enrichment') { $null = New-ExampleConnection 'Enrichment' api @{ url = 'https://enrich.example.com' } }
    if ((& $has 'Stripe|\$stripe\b') -or ($Cmdlet -match 'SharedConnection')) {
        $v.stripe = New-ExampleConnection 'Stripe' stripe @{ api_key = 'sk_test_example' }
        if ($Cmdlet -match 'SharedConnection') { $v.conn = $v.stripe }
    }
    $ready = @($v.snowflake, $v.salesforce, $v.warehouse, $v.mysql, $v.gcs) | Where-Object { $_ }
    if ($ready) { $null = $ready | Wait-PolytomicConnection -TimeoutSeconds 60 -PollIntervalSeconds 0.1 }

    if ($needModel) {
        $v.model = $v.snowflake | New-PolytomicModel -Name 'Active Users' -Query 'SELECT email, first_name, last_name, plan FROM users'
    }
    if ($needSync) {
        $v.sync = $v.model | New-PolytomicSync -Name 'Users to CRM' -Target $v.salesforce -Object Contact -Mode updateOrCreate `
            -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName'; last_name = 'LastName' } -Frequency manual
    }
    if ($needBulk) {
        $v.bulk = New-PolytomicBulkSync -Name 'Salesforce Bulk Sync' -Source $v.salesforce -Destination $v.snowflake -Mode replicate `
            -Schema Account, Contact -DestinationConfiguration @{ schema = 'SALESFORCE_CONNECTION' } -Active
        if ($bulkCmdlet) { $v.sync = $v.bulk }
    }
    # Runs the example reads rather than starts: a finished one, or one in progress for the examples that stop it.
    if ($needSync -and (& $has 'LastExecution')) { $null = Start-PolytomicSync -Id $v.sync.Id -Wait }
    if ($needSync -and (& $has 'Stop-PolytomicSync') -and -not (& $has '\$run\s*=')) { $null = Start-PolytomicSync -Id $v.sync.Id }
    if ($needBulk -and (& $has 'Stop-PolytomicBulkSync -SyncId')) { $null = Start-PolytomicBulkSync -Id $v.bulk.Id }
    if ($needRun) {
        $v.run = if ($bulkCmdlet -or (& $has '\$bulk\b')) { Start-PolytomicBulkSync -Id $v.bulk.Id -Wait } else { Start-PolytomicSync -Id $v.sync.Id -Wait }
    }
    if (& $has '\$stalledId\b') { $v.stalledId = (Start-PolytomicSync -Id $v.sync.Id).Id }
    if (& $has '\$export\b') { $v.export = Start-PolytomicBulkSync -Id $v.bulk.Id -Wait | Get-PolytomicBulkSyncLog -Export }
    # A second schedule (daily at 05:30) besides the bulk sync's default, for the schedule cmdlets to list and change.
    if (& $has '\$schedule\b|BulkSchedule') {
        $v.schedule = New-PolytomicBulkSchedule -SyncId $v.bulk.Id -Frequency daily -Hour '05' -Minute '30'
    }
    if ((& $has 'Customer Model') -and -not (& $creates 'Model' 'Customer Model')) {
        $mysql = if ($v.mysql) { $v.mysql } else { New-ExampleConnection 'MySQL Connection' mysql @{ hostname = 'mysql.example.com'; account = 'polytomic'; passwd = $v.pw } }
        $null = $mysql | New-PolytomicModel -Name 'Customer Model' -Table company.customers
    }
    if ((& $has 'Analysts|\$analysts\b') -and -not (& $has "New-PolytomicRole -Name Analysts|name = 'Analysts'")) { $v.analysts = New-PolytomicRole -Name Analysts }
    if ((& $has 'Analysts read models') -and -not (& $creates 'Policy' 'Analysts read models')) {
        $null = New-PolytomicPolicy -Name 'Analysts read models' -PolicyAction @{ read = $v.analysts }
    }
    # A user-defined field for the examples that remove one.
    if ((& $has 'Remove-PolytomicSchemaField') -and $v.warehouse) {
        $null = $v.warehouse | Set-PolytomicSchemaField -SchemaId public.users -FieldId plan -Label Plan -Type string -Path attributes.plan
    }
    if ((& $has 'Warehouse access|\$policy\b') -and -not (& $creates 'Policy' 'Warehouse access')) {
        $v.policy = New-PolytomicPolicy -Name 'Warehouse access' -PolicyAction @{ read = (Get-PolytomicRole -Name Admin) }
    }
    if (& $has 'Get-PolytomicWebhook|\$webhook\b') { $v.webhook = New-PolytomicWebhook -Endpoint https://hooks.example.com/polytomic -Secret $v.hookSecret }
    if ((& $has 'bo@example.com') -and -not (& $has 'New-PolytomicUser -Email bo@example.com')) {
        $null = New-PolytomicUser -OrganizationId $v.organizationId -Email bo@example.com -Role user
    }
    if (& $has "Get-PolytomicConnection -Name 'Customer DB'") { $null = New-ExampleConnection 'Customer DB' postgresql $v.config }
    if (& $has 'Get-PolytomicConnection -Name Old') { $null = New-ExampleConnection 'Old' stripe @{ api_key = 'sk_test_old' } }

    # Partner examples: the 'Acme Corp' organization with its admin, unless the example creates it.
    if ((& $has 'Acme|\$org\b|\$user\b|\$parentOrg\b|\$child\b') -and -not (& $creates 'Organization' 'Acme Corp')) {
        $v.org = New-PolytomicOrganization -Session $Partner -Name 'Acme Corp'
        $v.user = $v.org | New-PolytomicUser -Session $Partner -Email ana@acme.example.com -Role admin
        $null = $v.org | New-PolytomicUser -Session $Partner -Email ed@contractor.example.com -Role user
        $v.parentOrg = Get-PolytomicOrganization -Session $Partner -Id $v.organizationId
        $v.child = $v.org
    }
    # Two organizations for promotion: $dev is the default session, $prod a second organization with its own key.
    if (& $has '\$prod\b|\$prodKey\b') {
        $prodOrg = New-PolytomicOrganization -Session $Partner -Name ('Prod ' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $admin = $prodOrg | New-PolytomicUser -Session $Partner -Email admin@prod.example.com -Role admin
        $v.prodKey = $admin | New-PolytomicApiKey -Session $Partner -AsPlainText
        $v.prod = Connect-Polytomic -ApiKey $v.prodKey -NoDefault
        $null = New-PolytomicConnection -Session $v.prod -Name 'Prod Warehouse' -Type postgresql -Configuration $v.config
        $v.dev = Get-PolytomicSession
        $null = New-ExampleConnection 'Dev Warehouse' postgresql $v.config
        $null = New-PolytomicRole -Name 'Analysts (read)'
        $v.prodOrganization = $prodOrg
    }
    # A workspace folder for the examples that read one they did not write.
    if ((& $has '\./workspace') -and -not (& $has 'Export-PolytomicWorkspace.*\./workspace')) {
        Export-PolytomicWorkspace -Path ./workspace
    }
    $v
}
