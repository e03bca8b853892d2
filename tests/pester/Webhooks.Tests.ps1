#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Webhooks and error subscribers, against the local sandbox unless POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point
    somewhere else (the subscribers found there are put back afterwards). Set-up in TestSandbox.psm1.
    Pester 5:  Invoke-Pester tests/pester/Webhooks.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    # These tests speak 2025-09-18 whatever version the run is on.
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox -SessionVersion 2025-09-18
    $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
}

AfterAll {
    Stop-TestSandbox $testSandbox
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
