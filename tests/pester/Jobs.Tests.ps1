#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Jobs: Get- and Wait-PolytomicJob follow an asynchronous call (a model created with -Async) to its result, against
    the local sandbox unless POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point somewhere else.
    Pester 5:  Invoke-Pester tests/pester/Jobs.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    # These tests speak 2025-09-18 whatever version the run is on.
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox -SessionVersion 2025-09-18
    $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:missing = [guid]::NewGuid().ToString()
    # A warehouse with its schema cache ready, to make a model from.
    $script:sf = New-PolytomicConnection -Name "pester-jobs-sf-$tag" -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' } |
        Wait-PolytomicConnection -TimeoutSeconds 60 -PollIntervalSeconds 0.2
}

AfterAll {
    $script:sf | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Jobs' {
    It 'Get-PolytomicJob and Wait-PolytomicJob follow an asynchronous model to its result' {
        $job = $sf | New-PolytomicModel -Name "pester-async-$tag" -Table PUBLIC.users -Async
        $job.Type | Should -Be 'createmodel'
        ($job | Get-PolytomicJob).Status | Should -BeIn @('created', 'running', 'done')
        $done = $job | Wait-PolytomicJob -PollIntervalSeconds 0.1 -TimeoutSeconds 60
        $done.Status | Should -Be 'done'
        $done.Result['name'] | Should -Be "pester-async-$tag"
        Remove-PolytomicModel -Id $done.Result['id'] -Force
    }

    It 'Get-PolytomicJob refuses a bad job id and Wait-PolytomicJob reports an unknown job' {
        { Get-PolytomicJob -Type createmodel -Id 'job-1' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidId*'
        { Wait-PolytomicJob -Type exportlogs -Id $missing -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }
}
