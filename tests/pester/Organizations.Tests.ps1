#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    A partner flow in real pwsh, on the one sandbox Start-TestSandbox starts: the partner key creates a dev and a prod
    organization, an admin in prod and that admin's API key; dev is reached with the partner key scoped to it
    (-OrganizationId), prod with the minted key. Both are second sessions (-NoDefault): the default stays the sandbox's
    own organization throughout. A workspace exported from dev is promoted into prod, and each organization sees only
    its own objects. Against a real account these tests are skipped: they create organizations.
#>

BeforeDiscovery {
    $script:real = [bool]$env:POLYTOMIC_API_KEY
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $partnerKey = $testSandbox.PartnerKey
    $baseUrl = $testSandbox.BaseUrl
    $apiVersion = $testSandbox.ApiVersion
    $session = $testSandbox.Session
    $script:tag = 'ORG' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    $script:dir = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pester-$tag")
    $script:password = 'pester-org-Secret-1'
    if ($env:POLYTOMIC_API_KEY) { return }

    $script:partner = Connect-Polytomic -PartnerKey $partnerKey -BaseUrl $baseUrl -ApiVersion $apiVersion -NoDefault
    $script:devOrg = New-PolytomicOrganization -Session $partner -Name "$tag Dev"
    $script:prodOrg = New-PolytomicOrganization -Session $partner -Name "$tag Prod"
    $script:admin = $prodOrg | New-PolytomicUser -Session $partner -Email "admin@$($tag.ToLower()).example.com" -Role admin
    $key = $admin | New-PolytomicApiKey -Session $partner -AsPlainText
    $script:dev = Connect-Polytomic -PartnerKey $partnerKey -OrganizationId $devOrg.Id -BaseUrl $baseUrl -ApiVersion $apiVersion -NoDefault
    $script:prod = Connect-Polytomic -ApiKey $key -BaseUrl $baseUrl -ApiVersion $apiVersion -NoDefault

    # Dev's workspace: a warehouse with a secret, a CRM, a model and a sync.
    $warehouse = New-PolytomicConnection -Session $dev -Name "$tag Warehouse" -Type snowflake `
        -Configuration @{ account = 'acme'; username = 'etl'; password = $password; dbname = 'analytics' }
    $crm = New-PolytomicConnection -Session $dev -Name "$tag CRM" -Type salesforce `
        -Configuration @{ domain = 'https://example.my.salesforce.com' } -WarningAction SilentlyContinue
    $null = $warehouse, $crm | Wait-PolytomicConnection -Session $dev -TimeoutSeconds 120 -PollIntervalSeconds 0.2
    $model = New-PolytomicModel -Session $dev -Name "$tag Users" -ConnectionId $warehouse.Id -Table 'PUBLIC.users'
    $null = New-PolytomicSync -Session $dev -Name "$tag Users to CRM" -ModelId $model.Id -Target $crm -Object Contact `
        -Mode updateOrCreate -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency hourly -Schedule @{ minute = 15 }
}

AfterAll {
    if ($partner) {
        foreach ($o in $devOrg, $prodOrg) { if ($o) { $o | Remove-PolytomicOrganization -Session $partner -Force -ErrorAction SilentlyContinue } }
    }
    if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    Stop-TestSandbox $testSandbox
}

Describe 'Organizations keep their own objects' -Skip:$real {
    It 'leaves the default session where it was' {
        (Get-PolytomicSession).IsDefault | Should -BeTrue
        [object]::ReferenceEquals((Get-PolytomicSession), $session) | Should -BeTrue
        $dev.IsDefault | Should -BeFalse
        $prod.IsDefault | Should -BeFalse
        $dev.Organization | Should -Be $devOrg.Id
    }

    It 'gives each new organization its own Admin and Member roles' {
        $devRoles = Get-PolytomicRole -Session $dev
        $prodRoles = Get-PolytomicRole -Session $prod
        ($devRoles | Where-Object System).Name | Sort-Object | Should -Be @('Admin', 'Member')
        ($prodRoles | Where-Object System).Name | Sort-Object | Should -Be @('Admin', 'Member')
        $devRoles.Id | Should -Not -Contain ($prodRoles | Where-Object Name -EQ Admin).Id
        $admin.RoleIds | Should -Be ($prodRoles | Where-Object Name -EQ Admin).Id
    }

    It 'shows dev''s objects to dev only' {
        (Get-PolytomicConnection -Session $dev).Name | Sort-Object | Should -Be @("$tag CRM", "$tag Warehouse")
        Get-PolytomicConnection -Session $prod | Should -BeNullOrEmpty
        Get-PolytomicModel -Session $prod | Should -BeNullOrEmpty
        (Get-PolytomicConnection).Name | Should -Not -Contain "$tag Warehouse"
        (Get-PolytomicModel).Name | Should -Not -Contain "$tag Users"
        $devModel = Get-PolytomicModel -Session $dev -Name "$tag Users"
        { Get-PolytomicModel -Session $prod -Id $devModel.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}

Describe 'Promoting a workspace from dev to prod' -Skip:$real {
    It 'exports dev and imports it into prod, leaving dev and the default organization unchanged' {
        Export-PolytomicWorkspace -Session $dev -Path $dir
        $null = Import-PolytomicWorkspace -Session $prod -Path $dir -Secret @{ "$tag Warehouse.password" = $password } -WarningAction SilentlyContinue
        (Get-PolytomicConnection -Session $prod).Name | Sort-Object | Should -Be @("$tag CRM", "$tag Warehouse")
        (Get-PolytomicModel -Session $prod).Name | Should -Be "$tag Users"
        $sync = Get-PolytomicSync -Session $prod -Name "$tag Users to CRM"
        $sync.ModelIds | Should -Be (Get-PolytomicModel -Session $prod -Name "$tag Users").Id
        $sync.TargetConnectionId | Should -Be (Get-PolytomicConnection -Session $prod -Name "$tag CRM").Id
        # Dev still has its own objects, with their own ids; the default organization got none.
        (Get-PolytomicSync -Session $dev -Name "$tag Users to CRM").Id | Should -Not -Be $sync.Id
        (Get-PolytomicSync).Name | Should -Not -Contain "$tag Users to CRM"
    }

    It 'refuses an organization-scoped key''s request for another organization (403)' {
        $body = @{ name = "$tag planted"; type = 'snowflake'; organization_id = $prodOrg.Id
            configuration = @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' } }
        { Invoke-PolytomicRequest -Session $dev -Method POST -Path /api/connections -Body $body -ErrorAction Stop } |
            Should -Throw -ErrorId 'PolytomicApi.Forbidden*'
        (Get-PolytomicConnection -Session $prod).Name | Should -Not -Contain "$tag planted"
    }
}
