#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Raw requests: Invoke-PolytomicRequest, for the routes no cmdlet covers, against the local sandbox unless
    POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point somewhere else. Set-up in TestSandbox.psm1.
    Pester 5:  Invoke-Pester tests/pester/Api.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    # These tests speak 2025-09-18 whatever version the run is on.
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox -SessionVersion 2025-09-18
    $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:orgId = (Get-PolytomicIdentity).OrganizationId
}

AfterAll {
    Stop-TestSandbox $testSandbox
}

Describe 'Raw requests' {
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
