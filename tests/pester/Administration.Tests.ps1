#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Administration cmdlets (identity, organizations, users, API keys, roles, policies, webhooks, error subscribers,
    queries, raw requests) and the connection extras (parameter values, Connect URLs, sharing, proxy, schema fields,
    primary keys, enrichment, target properties), against the local sandbox unless POLYTOMIC_API_KEY and
    POLYTOMIC_BASE_URL point somewhere else (partner tests then need POLYTOMIC_PARTNER_KEY, else they are skipped).
    Pester 5:  Invoke-Pester tests/pester/Administration.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1'))

    # 2024-02-08 for the version errors, partner sessions for the organization routes; the user key on 2025-09-18
    # is connected last, so it is the default session.
    $script:old = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion 2024-02-08
    $script:partner = $null
    $script:scoped = $null
    $script:user = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
    $script:orgId = (Get-PolytomicIdentity).OrganizationId
    if ($script:partnerKey) {
        $script:partner = Connect-Polytomic -PartnerKey $script:partnerKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
        $script:scoped = Connect-Polytomic -PartnerKey $script:partnerKey -OrganizationId $script:orgId -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
        $script:user = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
    }
    $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
}

AfterAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Sandbox.ps1')) -Stop
}

Describe 'Identity and raw requests' {
    It 'Get-PolytomicIdentity says who the key belongs to' {
        $me = Get-PolytomicIdentity
        $me.IsUser | Should -BeTrue
        $me.OrganizationId | Should -Not -BeNullOrEmpty
    }

    It 'Get-PolytomicEntity resolves an id on 2025-09-18' {
        $entity = Get-PolytomicEntity -Id $orgId
        $entity.Type | Should -Be 'organization'
        $entity.CanonicalPath | Should -Be "/api/organizations/$orgId"
    }

    It 'Get-PolytomicEntity reports an unknown id as NotFound and is refused on 2024-02-08' {
        { Get-PolytomicEntity -Id '00000000-0000-0000-0000-000000000000' -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
        { Get-PolytomicEntity -Id $orgId -Session $old -ErrorAction Stop } | Should -Throw -ErrorId 'ApiVersionNotSupported*'
    }

    It 'Get-PolytomicEntity -AcrossOrganizations finds the id with a partner key' {
        if (-not $partner) { Set-ItResult -Skipped -Because 'POLYTOMIC_PARTNER_KEY is not set'; return }
        (Get-PolytomicEntity -Id $orgId -AcrossOrganizations -Session $partner).OrganizationId | Should -Be $orgId
    }

    It 'Invoke-PolytomicRequest returns plain objects, with query and body' {
        (Invoke-PolytomicRequest -Path /api/me).data.organization_id | Should -Be $orgId
        $created = Invoke-PolytomicRequest -Method POST -Path /api/permissions/roles -Body @{ name = "pester-raw-$tag" }
        $created.data.name | Should -Be "pester-raw-$tag"
        Remove-PolytomicRole -Id $created.data.id -Force
        $types = Invoke-PolytomicRequest -Path /api/connection_types -Query @{ probe = 'a b' } -NoEnumerate
        @($types.data).Count | Should -BeGreaterThan 5
    }

    It 'Invoke-PolytomicRequest refuses a path off the API' {
        { Invoke-PolytomicRequest -Path 'https://evil.example.com/api/me' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRequestPath*'
    }
}

Describe 'Organizations, users and API keys' {
    It 'Get-PolytomicOrganization needs a partner key, except -CurrentOrganization' {
        { Get-PolytomicOrganization -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.Forbidden*'
        (Get-PolytomicOrganization -CurrentOrganization).Id | Should -Be $orgId
    }

    It 'New-, Get-, Set- and Remove-PolytomicOrganization manage an organization' {
        if (-not $partner) { Set-ItResult -Skipped -Because 'POLYTOMIC_PARTNER_KEY is not set'; return }
        $org = New-PolytomicOrganization -Name "pester-org-$tag" -SsoDomain 'pester.example.com' -Session $partner
        $org.Name | Should -Be "pester-org-$tag"
        $renamed = $org | Set-PolytomicOrganization -NewName "pester-org-$tag-renamed" -PassThru -Session $partner
        $renamed.SsoDomain | Should -Be 'pester.example.com'
        (Get-PolytomicOrganization -Name "pester-org-$tag-*" -Session $partner).Id | Should -Be $org.Id
        (Get-PolytomicOrganization -Id $org.Id -Session $partner).Name | Should -Be "pester-org-$tag-renamed"
        $org | Remove-PolytomicOrganization -Force -Session $partner
        { Get-PolytomicOrganization -Id $org.Id -Session $partner -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Get-PolytomicOrganization -Name reports a literal name that matches nothing' {
        if (-not $partner) { Set-ItResult -Skipped -Because 'POLYTOMIC_PARTNER_KEY is not set'; return }
        { Get-PolytomicOrganization -Name "no-such-org-$tag" -Session $partner -ErrorAction Stop } | Should -Throw -ErrorId 'OrganizationNotFound*'
    }

    It 'users of a managed organization get a key that works' {
        if (-not $partner) { Set-ItResult -Skipped -Because 'POLYTOMIC_PARTNER_KEY is not set'; return }
        $org = New-PolytomicOrganization -Name "pester-users-$tag" -Session $partner
        try {
            $u = $org | New-PolytomicUser -Email "ana-$tag@example.com" -Role admin -Session $partner
            $u.Email | Should -Be "ana-$tag@example.com"
            ($org | Get-PolytomicUser -Session $partner).Id | Should -Contain $u.Id
            $moved = $u | Set-PolytomicUser -Email "ana.new-$tag@example.com" -PassThru -Session $partner
            $moved.Email | Should -Be "ana.new-$tag@example.com"

            $key = $u | New-PolytomicApiKey -Session $partner
            $key.Value | Should -BeOfType [System.Security.SecureString]
            $key.UserId | Should -Be $u.Id
            { $u | New-PolytomicApiKey -Session $partner -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.Conflict*'
            $plain = $u | New-PolytomicApiKey -Force -AsPlainText -Session $partner
            $asUser = Connect-Polytomic -ApiKey $plain -BaseUrl $baseUrl -ApiVersion 2025-09-18
            (Get-PolytomicIdentity -Session $asUser).Email | Should -Be "ana.new-$tag@example.com"

            $u | Remove-PolytomicUser -Force -Session $partner
            { Get-PolytomicUser -Id $u.Id -OrganizationId $org.Id -Session $partner -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
        } finally {
            $script:user = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion 2025-09-18
            $org | Remove-PolytomicOrganization -Force -Session $partner
        }
    }

    It 'users of the current organization change roles on 2025-09-18' {
        $member = Get-PolytomicRole -Name Member
        $u = New-PolytomicUser -Email "bo-$tag@example.com" -RoleId $member
        $u.RoleIds | Should -Be @($member.Id)
        $admin = Get-PolytomicRole -Name Admin
        ($u | Set-PolytomicUser -RoleId $admin -PassThru).RoleIds | Should -Be @($admin.Id)
        (Get-PolytomicUser -Email "bo-$tag@example.com").Id | Should -Be $u.Id
        ($u | Remove-PolytomicUser -Force -PassThru).Id | Should -Be $u.Id
    }

    It 'New-PolytomicUser refuses -Role with -RoleId, and Set-PolytomicUser -Email without an organization' {
        { New-PolytomicUser -Email "x-$tag@example.com" -Role admin -RoleId abc -ErrorAction Stop } | Should -Throw -ErrorId 'RoleAndRoleIdTogether*'
        { Set-PolytomicUser -Id abc -Email "x-$tag@example.com" -ErrorAction Stop } | Should -Throw -ErrorId 'EmailNeedsOrganizationId*'
    }

    It 'Get-PolytomicUser of the current organization is refused on 2024-02-08' {
        { Get-PolytomicUser -Session $old -ErrorAction Stop } | Should -Throw -ErrorId 'ApiVersionNotSupported*'
    }

    It 'New-PolytomicApiKey needs an organization' {
        { New-PolytomicApiKey -UserId abc -ErrorAction Stop } | Should -Throw -ErrorId 'OrganizationIdRequired*'
    }
}

Describe 'Roles and policies' {
    It 'New-, Set-, Get- and Remove-PolytomicRole manage a role' {
        $role = New-PolytomicRole -Name "pester-role-$tag"
        ($role | Set-PolytomicRole -NewName "pester-role-$tag-2" -PassThru).Name | Should -Be "pester-role-$tag-2"
        (Get-PolytomicRole -Id $role.Id).Name | Should -Be "pester-role-$tag-2"
        $role | Remove-PolytomicRole -Force
        { Get-PolytomicRole -Name "pester-role-$tag-2" -ErrorAction Stop } | Should -Throw -ErrorId 'RoleNotFound*'
    }

    It 'Remove-PolytomicRole -WhatIf deletes nothing, and system roles cannot be deleted' {
        $role = New-PolytomicRole -Name "pester-keep-$tag"
        $role | Remove-PolytomicRole -WhatIf
        (Get-PolytomicRole -Id $role.Id).Id | Should -Be $role.Id
        $role | Remove-PolytomicRole -Force
        { Get-PolytomicRole -Name Admin | Remove-PolytomicRole -Force -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.Forbidden*'
    }

    It 'New-, Set-, Get- and Remove-PolytomicPolicy manage a policy and keep its actions on rename' {
        $role = New-PolytomicRole -Name "pester-analysts-$tag"
        $admin = Get-PolytomicRole -Name Admin
        $p = New-PolytomicPolicy -Name "pester-policy-$tag" -PolicyAction @{ read = $role; write = @($admin.Id) }
        $p.PolicyActions.Count | Should -Be 2
        $renamed = $p | Set-PolytomicPolicy -NewName "pester-policy-$tag-2" -PassThru
        $renamed.PolicyActions.Count | Should -Be 2
        (Get-PolytomicPolicy -Name "pester-policy-$tag-2").Id | Should -Be $p.Id
        ($p | Set-PolytomicPolicy -PolicyAction @{ read = $admin } -PassThru).PolicyActions.Count | Should -Be 1
        $p | Remove-PolytomicPolicy -Force
        { Get-PolytomicPolicy -Id $p.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
        $role | Remove-PolytomicRole -Force
    }

    It 'New-PolytomicPolicy reports an unknown role as a bad request' {
        { New-PolytomicPolicy -Name "pester-bad-$tag" -PolicyAction @{ read = 'no-such-role' } -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }
}

Describe 'Webhooks and error subscribers' {
    BeforeAll {
        $script:subscribers = @((Get-PolytomicErrorSubscriber).Emails)
    }
    AfterAll {
        Set-PolytomicErrorSubscriber -Email $script:subscribers
    }

    It 'New-, Set-, Disable-, Enable-, Get- and Remove-PolytomicWebhook manage the webhook and keep the secret secret' {
        $secret = [System.Net.NetworkCredential]::new('', "whsec-$tag").SecurePassword
        $w = New-PolytomicWebhook -Endpoint 'https://hooks.example.com/polytomic' -Secret $secret
        $w.Secret | Should -BeOfType [System.Security.SecureString]
        ($w | Set-PolytomicWebhook -Endpoint 'https://hooks.example.com/v2' -PassThru).Endpoint | Should -Be 'https://hooks.example.com/v2'
        ($w | Disable-PolytomicWebhook -PassThru).Disabled | Should -BeTrue
        ($w | Enable-PolytomicWebhook -PassThru).Disabled | Should -BeFalse
        (Get-PolytomicWebhook).Id | Should -Contain $w.Id
        $w | Remove-PolytomicWebhook -Force
        { Get-PolytomicWebhook -Id $w.Id -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'New-PolytomicWebhook refuses a relative endpoint' {
        { New-PolytomicWebhook -Endpoint 'hooks/x' -Secret 'whsec-x' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidWebhookEndpoint*'
    }

    It 'Set-PolytomicErrorSubscriber replaces, adds and removes; Get-PolytomicErrorSubscriber reads them' {
        (Set-PolytomicErrorSubscriber -Email 'ops@example.com', 'data@example.com' -PassThru).Emails | Should -Be @('ops@example.com', 'data@example.com')
        Set-PolytomicErrorSubscriber -Add 'oncall@example.com' -Remove 'data@example.com'
        (Get-PolytomicErrorSubscriber).Emails | Should -Be @('ops@example.com', 'oncall@example.com')
    }

    It 'Set-PolytomicErrorSubscriber refuses something that is not an email' {
        { Set-PolytomicErrorSubscriber -Email 'not-an-email' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidEmail*'
    }
}

Describe 'Queries' {
    BeforeAll {
        $script:pg = New-PolytomicConnection -Name "pester-postgresql-$tag-$([guid]::NewGuid().ToString('N').Substring(0, 4))" -Type postgresql -Configuration @{ hostname = 'db'; username = 'u'; password = 'p'; database = 'd' }
    }
    AfterAll { $script:pg | Remove-PolytomicConnection -Force }

    It 'Invoke-PolytomicQuery streams the rows as objects with the query columns' {
        $rows = @($pg | Invoke-PolytomicQuery -Query 'select id, email from public.users limit 7' -PollIntervalSeconds 0.05)
        $rows.Count | Should -Be 7
        $rows[0].PSObject.Properties.Name | Should -Be @('id', 'email')
        $rows = @(Invoke-PolytomicQuery -ConnectionId $pg.Id -Query 'select * from t limit 2' -AsDictionary -PollIntervalSeconds 0.05)
        $rows[1] | Should -BeOfType ([System.Collections.Generic.Dictionary[string, object]])
    }

    It 'Invoke-PolytomicQuery reports a failing query with the database message' {
        { $pg | Invoke-PolytomicQuery -Query 'selec 1' -PollIntervalSeconds 0.05 -ErrorAction Stop } | Should -Throw -ErrorId 'QueryFailed*'
    }
}

Describe 'Connection extras' {
    BeforeAll {
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
