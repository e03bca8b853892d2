#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Receive-PolytomicEvent in real pwsh against the sandbox: runs that stop early (Select-Object -First) and runs that
    read to the end emit every event once, oldest first; -Follow ends at -TimeoutSeconds. Set-up in TestSandbox.psm1.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox -RunSeconds 1
    $script:tag = 'Events ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:salesforce = New-SandboxConnectionPair $tag
    $script:model = $snowflake | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
    $script:sync = $model | New-PolytomicSync -Name "$tag sync" -Target $salesforce -Object Contact -Mode updateOrCreate `
        -Identity @{ email = 'Email' } -Field @{ first_name = 'FirstName' } -Frequency manual
    foreach ($i in 1..3) { $null = Start-PolytomicSync -Id $sync.Id -Wait -TimeoutSeconds 60 }
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ('pester-events-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $folder
}

AfterAll {
    Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
    $sync | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue
    $model | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $snowflake, $salesforce | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Receive-PolytomicEvent' {
    It 'emits each event once, oldest first, across runs stopped by Select-Object -First' {
        $file = Join-Path $folder 'all.json'
        $expected = @(Get-PolytomicEvent | Sort-Object CreatedAt | ForEach-Object Id)
        $expected.Count | Should -BeGreaterOrEqual 6
        $got = @(Receive-PolytomicEvent -CheckpointPath $file -PageSize 2 | Select-Object -First 3) +
            @(Receive-PolytomicEvent -CheckpointPath $file -PageSize 2 | Select-Object -First 1) +
            @(Receive-PolytomicEvent -CheckpointPath $file -PageSize 2)
        @($got.Id) | Should -Be $expected
        @(Receive-PolytomicEvent -CheckpointPath $file).Count | Should -Be 0
        (Get-Content $file -Raw | ConvertFrom-Json).version | Should -Be 1
    }

    It 'keeps only the chosen types and refuses another set on the same checkpoint' {
        $file = Join-Path $folder 'completed.json'
        $got = @(Receive-PolytomicEvent -CheckpointPath $file -Type sync.completed)
        $got.Count | Should -Be 3
        @($got.Type | Sort-Object -Unique) | Should -Be @('sync.completed')
        { Receive-PolytomicEvent -CheckpointPath $file -Type sync.failed -ErrorAction Stop } |
            Should -Throw -ErrorId 'CheckpointTypeMismatch,PolytomicPS.Commands.ReceivePolytomicEventCommand'
    }

    It 'follows new events until -TimeoutSeconds' {
        $file = Join-Path $folder 'follow.json'
        $null = Receive-PolytomicEvent -CheckpointPath $file
        $run = Start-PolytomicSync -Id $sync.Id
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $got = @(Receive-PolytomicEvent -CheckpointPath $file -Follow -TimeoutSeconds 5 -PollIntervalSeconds 0.25)
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 30
        @($got | Where-Object ExecutionId -eq $run.Id | ForEach-Object Type) | Should -Be @('sync.running', 'sync.completed')
    }
}
