#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Connections: types, create, read, rename, test, schema cache and remove; the extras (parameter values, Connect
    URLs, sharing, proxy, schema fields, primary keys, enrichment, target properties); and schemas with their records.
    Against the local sandbox unless POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point somewhere else (the sharing test
    then needs POLYTOMIC_PARTNER_KEY, else it is skipped). Set-up in TestSandbox.psm1; 'Connections' runs on the session
    of Start-TestSandbox, the extras and schemas on 2025-09-18.
    Pester 5:  Invoke-Pester tests/pester/Connections.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $script:apiKey = $testSandbox.ApiKey
    $script:partnerKey = $testSandbox.PartnerKey
    $script:baseUrl = $testSandbox.BaseUrl
}

AfterAll {
    Stop-TestSandbox $testSandbox
}

Describe 'Connections' {
    BeforeAll {
        $script:name = 'Pester ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    }

    It 'Get-PolytomicConnectionType lists the catalogue and the fields of a type' {
        (Get-PolytomicConnectionType).Id | Should -Contain 'stripe'
        $fields = Get-PolytomicConnectionType -Type stripe
        ($fields | Where-Object Name -EQ 'api_key').Required | Should -BeTrue
    }

    It 'New-PolytomicConnection creates a connection' {
        $script:conn = New-PolytomicConnection -Name $name -Type stripe -Configuration @{ api_key = 'sk_test_pester' }
        $conn.Name | Should -Be $name
        $conn.Type | Should -Be 'stripe'
    }

    It 'New-PolytomicConnection refuses a configuration without a required field' {
        { New-PolytomicConnection -Name "$name bad" -Type stripe -Configuration @{} -ErrorAction Stop } |
            Should -Throw -ErrorId 'MissingRequiredConfiguration*'
    }

    It 'New-PolytomicConnection -WhatIf creates nothing' {
        New-PolytomicConnection -Name "$name whatif" -Type stripe -Configuration @{ api_key = 'x' } -WhatIf
        Get-PolytomicConnection -Name "$name whatif" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Get-PolytomicConnection finds it by name, wildcard and id' {
        (Get-PolytomicConnection -Name $name).Id | Should -Be $conn.Id
        (Get-PolytomicConnection -Name 'Pester *').Id | Should -Contain $conn.Id
        ($conn | Get-PolytomicConnection).Name | Should -Be $name
    }

    It 'Get-PolytomicConnection reports an unknown id as NotFound' {
        { Get-PolytomicConnection -Id '00000000-0000-0000-0000-000000000000' -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Set-PolytomicConnection renames it and keeps its configuration' {
        $updated = $conn | Set-PolytomicConnection -NewName "$name renamed" -PassThru
        $updated.Name | Should -Be "$name renamed"
        $updated.Configuration['api_key'] | Should -Not -BeNullOrEmpty
    }

    It 'Test-PolytomicConnection reports success' {
        ($conn | Test-PolytomicConnection).Success | Should -BeTrue
        Test-PolytomicConnection -Id $conn.Id -Quiet | Should -BeTrue
    }

    It 'Test-PolytomicConnection reports a failing configuration as a result, not an error' {
        $result = Test-PolytomicConnection -Type stripe -Configuration @{ api_key = 'wrong-password' }
        $result.Success | Should -BeFalse
    }

    It 'Get-PolytomicSchemaStatus and Update-PolytomicSchema show the schema cache' {
        ($conn | Get-PolytomicSchemaStatus).ConnectionId | Should -Be $conn.Id
        ($conn | Update-PolytomicSchema -PassThru).ConnectionId | Should -Be $conn.Id
    }

    It 'Wait-PolytomicConnection waits for the schema cache and outputs the connection' {
        ($conn | Wait-PolytomicConnection -TimeoutSeconds 60 -PollIntervalSeconds 0.2).Id | Should -Be $conn.Id
        ($conn | Get-PolytomicSchemaStatus).IsReady | Should -BeTrue
    }

    It 'Remove-PolytomicConnection -Confirm:$false deletes it without prompting' {
        $conn | Remove-PolytomicConnection -Confirm:$false
        { Get-PolytomicConnection -Id $conn.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}

Describe 'Connection extras' {
    BeforeAll {
        # Partner sessions for sharing; the user key on 2025-09-18, connected last, is the default session (the
        # sharing test checks a 2025-09-18 rule).
        $script:partner = $null
        $script:scoped = $null
        $script:user = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
        if ($script:partnerKey) {
            $orgId = (Get-PolytomicIdentity).OrganizationId
            $script:partner = Connect-Polytomic -PartnerKey $script:partnerKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
            $script:scoped = Connect-Polytomic -PartnerKey $script:partnerKey -OrganizationId $orgId -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
            $script:user = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
        }
        $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $script:snow = New-PolytomicConnection -Name "pester-snowflake-$tag-$([guid]::NewGuid().ToString('N').Substring(0, 4))" -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' }
        $script:api = New-PolytomicConnection -Name "pester-api-$tag-$([guid]::NewGuid().ToString('N').Substring(0, 4))" -Type api -Configuration @{ url = 'https://api.example.com' }
        $script:db = New-PolytomicConnection -Name "pester-postgresql-$tag-$([guid]::NewGuid().ToString('N').Substring(0, 4))" -Type postgresql -Configuration @{ hostname = 'h'; username = 'u'; password = 'p'; database = 'd' }
    }
    AfterAll {
        foreach ($c in $script:snow, $script:api, $script:db) { $c | Remove-PolytomicConnection -Force }
    }

    It 'Get-PolytomicConnectionParameterValue lists values for a connection and for a type' {
        ($snow | Get-PolytomicConnectionParameterValue -Field warehouse).Values.Count | Should -BeGreaterThan 0
        $found = Get-PolytomicConnectionParameterValue -ConnectionType snowflake -Field warehouse -Parameter @{ account = 'a' } -Search load
        $found.Values.Label | Should -Be @('LOAD_WH')
    }

    It 'Get-PolytomicConnectionParameterValue reports a field without values' {
        { Get-PolytomicConnectionParameterValue -ConnectionType snowflake -Field dbname -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }

    It 'New-PolytomicConnectUrl returns a Connect URL, and refuses an unknown type' {
        (New-PolytomicConnectUrl -Name 'Customer DB' -RedirectUrl 'https://app.example.com/done' -AllowedType postgresql, mysql -Dark).RedirectUrl |
            Should -Not -BeNullOrEmpty
        { New-PolytomicConnectUrl -Name x -RedirectUrl 'https://a.example.com/' -Type nosuchtype -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }

    It 'New-PolytomicSharedConnection shares a connection and Get-PolytomicSharedConnection lists the copy' {
        if (-not $partner) { Set-ItResult -Skipped -Because 'POLYTOMIC_PARTNER_KEY is not set'; return }
        $stripe = New-PolytomicConnection -Name "pester-stripe-$tag-$([guid]::NewGuid().ToString('N').Substring(0, 4))" -Type stripe -Configuration @{ api_key = 'sk_test_pester' }
        $child = New-PolytomicOrganization -Name "pester-child-$tag" -Session $partner
        try {
            $shared = $stripe | New-PolytomicSharedConnection -ChildOrganizationId $child.Id -Name 'Shared Stripe' -Session $scoped
            $shared.Id | Should -Not -BeNullOrEmpty
            ($stripe | Get-PolytomicSharedConnection -Session $scoped).Id | Should -Contain $shared.Id
        } finally {
            $child | Remove-PolytomicOrganization -Force -Session $partner
            $stripe | Remove-PolytomicConnection -Force
        }
    }

    It 'New-PolytomicSharedConnection needs the owning organization on 2025-09-18' {
        { $api | New-PolytomicSharedConnection -ChildOrganizationId x -ErrorAction Stop } | Should -Throw -ErrorId 'OrganizationIdRequired*'
    }

    It 'Invoke-PolytomicProxy calls the upstream API and Get-PolytomicProxyInfo describes the proxy' {
        $r = $api | Invoke-PolytomicProxy -Method POST -Path '/v1/things' -Query @{ limit = 2 } -Header @{ 'X-Trace' = 't1' } -Body @{ a = 1 }
        $r.Status | Should -Be 200
        ($r.Body | ConvertFrom-Json).method | Should -Be 'POST'
        ($api | Invoke-PolytomicProxy -Path '/status/404').Status | Should -Be 404
        ($api | Get-PolytomicProxyInfo).BaseUrl | Should -Be 'https://api.example.com'
    }

    It 'Invoke-PolytomicProxy refuses an absolute path, and the proxy is refused where it is not enabled' {
        { $api | Invoke-PolytomicProxy -Path 'https://elsewhere.example.com/' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidProxyPath*'
        { $snow | Get-PolytomicProxyInfo -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.Forbidden*'
    }

    It 'Set- and Remove-PolytomicSchemaField, Set- and Reset-PolytomicPrimaryKey edit a schema' {
        $ready = $db | Wait-PolytomicConnection -TimeoutSeconds 60 -PollIntervalSeconds 0.2
        $ready | Set-PolytomicSchemaField -SchemaId public.users -FieldId plan -Label 'Plan' -Type string -Path 'attributes.plan' -Example 'pro'
        $ready | Set-PolytomicPrimaryKey -SchemaId public.users -FieldId email -ExcludeFieldId id
        $ready | Remove-PolytomicSchemaField -SchemaId public.users -FieldId plan -Force
        $ready | Reset-PolytomicPrimaryKey -SchemaId public.users
        { $ready | Remove-PolytomicSchemaField -SchemaId public.users -FieldId plan -Force -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Set-PolytomicPrimaryKey refuses a field both in and out of the key' {
        { $db | Set-PolytomicPrimaryKey -SchemaId public.users -FieldId id -ExcludeFieldId id -ErrorAction Stop } | Should -Throw -ErrorId 'ConflictingPrimaryKeyFields*'
    }

    It 'Get-PolytomicEnrichmentSource and Get-PolytomicEnrichmentInputField walk an enrichment configuration' {
        ($api | Get-PolytomicEnrichmentSource).RequiresOneOf | Should -Be @('endpoint')
        ($api | Get-PolytomicEnrichmentSource -Parameter @{ endpoint = @('person') }).RequiresOneOf | Should -BeNullOrEmpty
        $sets = @($api | Get-PolytomicEnrichmentInputField -Configuration @{ endpoint = 'person' })
        $sets[0].Fields | Should -Be @('email')
        { $snow | Get-PolytomicEnrichmentSource -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Get-PolytomicTargetProperty lists the values of a creation property and reports an unknown one' {
        ($db | Get-PolytomicTargetProperty -Property schema).Values.Value | Should -Be @('public', 'staging')
        { $db | Get-PolytomicTargetProperty -Property dataset -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}

Describe 'Schemas' {
    BeforeAll {
        # A CRM whose schema cache the first test waits for; 2025-09-18 is the default session.
        $script:user = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
        $script:crm = New-PolytomicConnection -Name "pester-schemas-crm-$([guid]::NewGuid().ToString('N').Substring(0, 8))" -Type salesforce -Configuration @{ domain = 'https://pester.my.salesforce.com' } -WarningAction SilentlyContinue
    }
    AfterAll { $script:crm | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue }

    It 'Get-PolytomicSchema reads objects with their fields, waiting for the schema cache' {
        $schemas = @($crm | Get-PolytomicSchema -Schema Contact, Account -TimeoutSeconds 60)
        $schemas.Id | Should -Be @('Contact', 'Account')
        $schemas[0].Fields.Id | Should -Contain 'Email'
    }

    It 'Get-PolytomicSchema reports an unknown schema as NotFound' {
        { Get-PolytomicSchema -ConnectionId $crm.Id -Schema NoSuchObject -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Get-PolytomicSchemaRecord returns sample records as objects' {
        $records = @($crm | Get-PolytomicSchemaRecord -Schema Contact)
        $records.Count | Should -BeGreaterThan 0
        $records[0].PSObject.Properties.Name | Should -Contain 'Email'
    }

    It 'Get-PolytomicSchemaRecord refuses a connection id that is not a UUID' {
        { Get-PolytomicSchemaRecord -ConnectionId 'not-an-id' -Schema Contact -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidId*'
    }
}
