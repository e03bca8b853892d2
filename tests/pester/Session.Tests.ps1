#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Sessions: Connect-, Get-PolytomicSession and Disconnect-Polytomic, against the local sandbox unless
    POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point somewhere else. Set-up in TestSandbox.psm1.
    Pester 5:  Invoke-Pester tests/pester/Session.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $apiKey = $testSandbox.ApiKey
    $baseUrl = $testSandbox.BaseUrl
    $apiVersion = $testSandbox.ApiVersion
}

AfterAll {
    Stop-TestSandbox $testSandbox
}

Describe 'Sessions' {
    It 'Connect-Polytomic outputs a session with the key masked' {
        $s = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion 2025-09-18
        $s.ApiVersion | Should -Be '2025-09-18'
        $s.MaskedKey | Should -Not -Be $apiKey
        "$s" | Should -Not -Match ([regex]::Escape($apiKey))
    }

    It 'Get-PolytomicSession returns the default session' {
        $s = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
        (Get-PolytomicSession).ConnectedAt | Should -Be $s.ConnectedAt
    }

    It 'Disconnect-Polytomic closes it, and cmdlets then say to connect' {
        $null = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
        Disconnect-Polytomic
        { Get-PolytomicConnection -ErrorAction Stop } | Should -Throw -ErrorId 'NoSession*'
        $script:session = Connect-Polytomic -ApiKey $apiKey -BaseUrl $baseUrl -ApiVersion $apiVersion
    }
}
