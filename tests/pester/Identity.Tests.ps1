#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Identity: who a key belongs to, entities, organizations, users and API keys, against the local sandbox unless
    POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point somewhere else (partner tests then need POLYTOMIC_PARTNER_KEY, else
    they are skipped). Set-up in TestSandbox.psm1.
    Pester 5:  Invoke-Pester tests/pester/Identity.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $script:apiKey = $testSandbox.ApiKey
    $script:partnerKey = $testSandbox.PartnerKey
    $script:baseUrl = $testSandbox.BaseUrl

    # 2024-02-08 for the version errors, a partner session for the organization routes; the user key on 2025-09-18
    # is connected last, so it is the default session.
    $script:old = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion 2024-02-08
    $script:partner = $null
    $script:user = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
    $script:orgId = (Get-PolytomicIdentity).OrganizationId
    if ($script:partnerKey) {
        $script:partner = Connect-Polytomic -PartnerKey $script:partnerKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
        $script:user = Connect-Polytomic -ApiKey $script:apiKey -BaseUrl $script:baseUrl -ApiVersion 2025-09-18
    }
    $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
}

AfterAll {
    Stop-TestSandbox $testSandbox
}

Describe 'Identity' {
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
