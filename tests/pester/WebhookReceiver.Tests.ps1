#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    examples/webhook-receiver.ps1 against the sandbox's signed event deliveries: the receiver runs in a job of its own
    (a separate pwsh), the sandbox posts a run's sync.running and sync.completed to it, and a tampered copy is refused.
    Set-up in TestSandbox.psm1.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox -RunSeconds 1
    $root = $testSandbox.Root
    $modulePath = $testSandbox.ModulePath
    $script:tag = 'Receiver ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:salesforce = New-SandboxConnectionPair $tag
    $script:model = $snowflake | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
    $script:sync = $model | New-PolytomicSync -Name "$tag sync" -Target $salesforce -Object Contact -Mode updateOrCreate `
        -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency manual
    $script:receiver = [System.IO.Path]::Combine($root, 'examples', 'webhook-receiver.ps1')
    $script:secret = "whsec-$tag"
}

AfterAll {
    Get-PolytomicWebhook -ErrorAction SilentlyContinue | Remove-PolytomicWebhook -Force -ErrorAction SilentlyContinue
    $sync | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue
    $model | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $snowflake, $salesforce | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'examples/webhook-receiver.ps1' {
    It 'Test-PolytomicWebhookSignature accepts the HMAC-SHA256 of the body and nothing else' {
        $body = 'what do ya want for nothing?'
        $mac = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'   # RFC 4231, test case 2
        Test-PolytomicWebhookSignature -Body $body -Signature $mac -Secret 'Jefe' | Should -BeTrue
        Test-PolytomicWebhookSignature -Body ([Text.Encoding]::UTF8.GetBytes($body)) -Signature $mac.ToUpper() -Secret 'Jefe' | Should -BeTrue
        Test-PolytomicWebhookSignature -Body "$body!" -Signature $mac -Secret 'Jefe' | Should -BeFalse
        Test-PolytomicWebhookSignature -Body $body -Signature $mac -Secret 'jefe' | Should -BeFalse
        Test-PolytomicWebhookSignature -Body $body -Signature '' -Secret 'Jefe' | Should -BeFalse
        { Test-PolytomicWebhookSignature -Body 42 -Signature $mac -Secret 'Jefe' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidWebhookBody,PolytomicPS.Commands.TestPolytomicWebhookSignatureCommand'
    }

    It 'accepts and prints the signed deliveries of a run, and refuses a tampered one' {
        $probe = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $probe.Start(); $url = "http://127.0.0.1:$($probe.LocalEndpoint.Port)/hook/"; $probe.Stop()
        $job = Start-Job -ScriptBlock {
            param($module, $script, $url, $secret)
            Import-Module ([System.IO.Path]::Combine($module, 'PolytomicPS.psd1'))
            & $script -Prefix $url -Secret $secret -Count 2 -TimeoutSeconds 60 -WarningVariable refused -WarningAction SilentlyContinue |
                Select-Object Type, SyncName, ExecutionId
            [pscustomobject]@{ Refused = @($refused).Count }
        } -ArgumentList $modulePath, $receiver, $url, $secret
        try {
            # A body signed with the secret, then changed: the receiver answers 401 (retried until it listens).
            $body = '{"type":"sync.completed","event":{"sync_name":"x"}}'
            $hmac = [System.Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes($secret))
            $signature = -join ($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($body)) | ForEach-Object { $_.ToString('x2') })
            $tampered = $body -replace '"x"', '"y"'
            $status = 0
            foreach ($i in 1..120) {
                try {
                    $status = (Invoke-WebRequest -Uri $url -Method Post -Body $tampered -ContentType 'application/json' `
                        -Headers @{ 'Polytomic-Signature' = $signature } -SkipHttpErrorCheck -TimeoutSec 5).StatusCode
                    break
                } catch { Start-Sleep -Milliseconds 250 }
            }
            $status | Should -Be 401

            $null = New-PolytomicWebhook -Endpoint $url -Secret $secret
            $run = Start-PolytomicSync -Id $sync.Id -Wait -TimeoutSeconds 60
            $out = @($job | Wait-Job -Timeout 90 | Receive-Job)
            $events = @($out | Where-Object Type)
            @($events.Type) | Should -Be @('sync.running', 'sync.completed')
            @($events.ExecutionId | Sort-Object -Unique) | Should -Be @($run.Id)
            $events[0].SyncName | Should -Be "$tag sync"
            ($out | Where-Object { $null -ne $_.Refused }).Refused | Should -Be 1
        } finally {
            $job | Stop-Job -PassThru | Remove-Job -Force
            Get-PolytomicWebhook | Remove-PolytomicWebhook -Force
        }
    }
}
