#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Bulk-sync runs (ELT): Start-, Stop-, Wait-PolytomicBulkSync* and the execution, status and log cmdlets against the
    sandbox (or POLYTOMIC_API_KEY/POLYTOMIC_BASE_URL), happy path and one bad input each, with the ErrorId scripts can
    rely on. Set-up in TestSandbox.psm1. Runs take about five seconds in the sandbox (queued 1 s, running 4 s), so the tests poll.
    Pester 5:  Invoke-Pester tests/pester/BulkSyncRuns.Tests.ps1
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox

    $script:tag = 'Pester bulk runs ' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:snowflake, $script:salesforce = New-SandboxConnectionPair $tag

    # Polls a run until it is finished; & $finish $run
    $script:finish = {
        param($run)
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        do {
            Start-Sleep -Milliseconds 500
            $run = $run | Get-PolytomicBulkSyncExecution
        } while ($run.Status -notin 'completed', 'failed', 'canceled' -and [DateTime]::UtcNow -lt $deadline)
        $run
    }

    $script:sync = New-PolytomicBulkSync -Name "$tag sync" -Source $salesforce -Destination $snowflake -Mode replicate `
        -Frequency manual -DestinationConfiguration @{ schema = 'SALESFORCE_CONNECTION' } -Schema Account, Contact
}

AfterAll {
    Get-PolytomicBulkSync -Name "$tag*" -ErrorAction SilentlyContinue | Remove-PolytomicBulkSync -Force -ErrorAction SilentlyContinue
    $salesforce, $snowflake | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Bulk-sync runs' {
    It 'Start-PolytomicBulkSync starts a run and refuses a second one while it runs' {
        $script:run = $sync | Start-PolytomicBulkSync
        $run.SyncId | Should -Be $sync.Id
        $run.Status | Should -Be 'created'
        { Start-PolytomicBulkSync -Id $sync.Id -ErrorAction Stop } | Should -Throw -ErrorId 'BulkSyncAlreadyRunning*'
    }

    It 'Get-PolytomicBulkSyncStatus shows the run in progress' {
        $status = $sync | Get-PolytomicBulkSyncStatus
        $status.CurrentExecution.Id | Should -Be $run.Id
        $status.IngestionStatus.Enabled | Should -BeFalse
    }

    It 'Get-PolytomicBulkSyncExecution follows the run to the end and lists it' {
        $script:done = & $finish $run
        $done.Status | Should -Be 'completed'
        $done.Schemas.Schema | Should -Contain 'Contact'
        (Get-PolytomicBulkSyncExecution -SyncId $sync.Id -OnlyTerminal).Id | Should -Contain $run.Id
        (Get-PolytomicBulkSyncStatus -SyncId $sync.Id).LastExecution.Id | Should -Be $run.Id
    }

    It 'Get-PolytomicBulkSyncExecution reports an unknown execution as NotFound' {
        { Get-PolytomicBulkSyncExecution -SyncId $sync.Id -ExecutionId '00000000-0000-0000-0000-000000000000' -ErrorAction Stop } |
            Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Get-PolytomicBulkSyncLog gives the log files and exports them' {
        ($done | Get-PolytomicBulkSyncLog).Urls | Should -Not -BeNullOrEmpty
        $export = $done | Get-PolytomicBulkSyncLog -Export -Wait -TimeoutSeconds 60 -PollIntervalSeconds 0.5
        $export.Status | Should -Be 'done'
        $export.Url | Should -Not -BeNullOrEmpty
    }

    It 'Get-PolytomicBulkSyncLog reports an unknown execution as NotFound' {
        { Get-PolytomicBulkSyncLog -SyncId $sync.Id -ExecutionId '00000000-0000-0000-0000-000000000000' -ErrorAction Stop } |
            Should -Throw -ErrorId 'PolytomicApi.NotFound*'
    }

    It 'Start-PolytomicBulkSync refuses -Test with -ResyncMode' {
        { Start-PolytomicBulkSync -Id $sync.Id -Test -ResyncMode rebuild -ErrorAction Stop } | Should -Throw -ErrorId 'ConflictingParameters*'
    }

    It 'Stop-PolytomicBulkSync cancels a run' {
        $second = Start-PolytomicBulkSync -Id $sync.Id -Schema Contact -ResyncMode rebuild
        $second | Stop-PolytomicBulkSync -Confirm:$false
        (& $finish $second).Status | Should -Be 'canceled'
    }

    It 'Start-PolytomicBulkSync -Wait outputs the finished run' {
        $finished = $sync | Start-PolytomicBulkSync -Wait -PollIntervalSeconds 0.2 -TimeoutSeconds 120
        $finished.Status | Should -Be 'completed'
        $finished.Schemas.RecordCount | Should -Not -Contain 0
    }

    It 'Wait-PolytomicBulkSyncExecution takes runs from the pipeline; a failing run is BulkSyncExecutionFailed' {
        $failing = New-PolytomicBulkSync -Name "$tag [fail]" -Source $salesforce -Destination $snowflake -Mode replicate `
            -DestinationConfiguration @{ schema = 'RAW' } -Schema Account
        $started = $failing | Start-PolytomicBulkSync
        { $started | Wait-PolytomicBulkSyncExecution -PollIntervalSeconds 0.2 -TimeoutSeconds 120 -ErrorAction Stop } |
            Should -Throw -ErrorId 'BulkSyncExecutionFailed*'
        $started | Wait-PolytomicBulkSyncExecution -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
        $failed[0].TargetObject.Status | Should -Be 'failed'
        $failed[0].TargetObject.Id | Should -Be $started.Id
    }

    It 'Stop-PolytomicBulkSync reports that nothing is running' {
        { Stop-PolytomicBulkSync -SyncId $sync.Id -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }
}
