#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Running and watching model syncs (start, stop, wait, executions, status, logs, console logs, events), against the
    local sandbox unless POLYTOMIC_API_KEY and POLYTOMIC_BASE_URL point somewhere else.
    Sandbox runs take about five seconds (queued, running, completed); a sync whose name contains [fail] fails half way.
    Pester 5:  Invoke-Pester tests/pester/SyncRuns.Tests.ps1
    The xunit suite parses this file and checks that every command and parameter it uses exists.
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox

    # 2024-02-08 for the routes only it has (and the version errors); 2025-09-18, connected last, is the default.
    $script:old = New-TestSession $testSandbox -ApiVersion 2024-02-08
    $script:user = New-TestSession $testSandbox -ApiVersion 2025-09-18
    $script:tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:since = [DateTime]::UtcNow.AddMinutes(-1)
    $script:missing = [guid]::NewGuid().ToString()

    # A warehouse source, a CRM target and a model; syncs between them are made per test group.
    $script:sf = New-PolytomicConnection -Name "pester-runs-sf-$tag" -Type snowflake -Configuration @{ account = 'a'; username = 'u'; password = 'p'; dbname = 'd' } |
        Wait-PolytomicConnection -TimeoutSeconds 60 -PollIntervalSeconds 0.2
    $script:crm = New-PolytomicConnection -Name "pester-runs-crm-$tag" -Type salesforce -Configuration @{ domain = 'https://pester.my.salesforce.com' } -WarningAction SilentlyContinue
    $script:model = $sf | New-PolytomicModel -Name "pester-runs-users-$tag" -Table PUBLIC.users
    $script:syncs = [System.Collections.Generic.List[object]]::new()
    $script:newSync = {
        param([string]$name)
        $s = $script:model | New-PolytomicSync -Name "$name $tag" -Target $script:crm -Object Contact -Mode create -Identity @{ email = 'Email' } `
            -Field @{ first_name = 'FirstName' } -Frequency manual
        $script:syncs.Add($s)
        $s
    }
}

AfterAll {
    foreach ($s in $script:syncs) { $s | Stop-PolytomicSync -Confirm:$false -ErrorAction SilentlyContinue; $s | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue }
    $script:model | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    foreach ($c in $script:sf, $script:crm) { $c | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue }
    Stop-TestSandbox $testSandbox
}

Describe 'Starting and waiting' {
    BeforeAll {
        $script:sync = & $newSync 'pester-run'
        $script:failing = & $newSync 'pester-run [fail]'
    }

    It 'Start-PolytomicSync -Wait runs the sync to completed, with record counts' {
        $script:done = $sync | Start-PolytomicSync -Wait -PollIntervalSeconds 0.2 -TimeoutSeconds 120
        $done.Status | Should -Be 'completed'
        $done.SyncId | Should -Be $sync.Id
        $done.Counts.Total | Should -BeGreaterThan 0
        $done.CompletedAt | Should -Not -BeNullOrEmpty
    }

    It 'Start-PolytomicSync refuses -Resync with -Test, and -WhatIf starts nothing' {
        { $sync | Start-PolytomicSync -Resync -Test -ErrorAction Stop } | Should -Throw -ErrorId 'ConflictingParameters*'
        $before = @(Get-PolytomicSyncExecution -SyncId $sync.Id).Count
        $sync | Start-PolytomicSync -WhatIf
        @(Get-PolytomicSyncExecution -SyncId $sync.Id).Count | Should -Be $before
    }

    It 'Start-PolytomicSync on a running sync is SyncAlreadyRunning; with -Wait it waits for that run' {
        $first = Start-PolytomicSync -Id $sync.Id -Test -Identities 'ana@example.com'
        { Start-PolytomicSync -Id $sync.Id -ErrorAction Stop } | Should -Throw -ErrorId 'SyncAlreadyRunning*'
        $waited = Start-PolytomicSync -Id $sync.Id -Wait -PollIntervalSeconds 0.2
        $waited.Id | Should -Be $first.Id
        $waited.Status | Should -Be 'completed'
    }

    It 'Start-PolytomicSync reports an id that is not a UUID without calling the API' {
        { Start-PolytomicSync -Id 'not-a-uuid' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidId*'
    }

    It 'Wait-PolytomicSyncExecution -PassThru outputs the finished run' {
        $run = $sync | Start-PolytomicSync
        $run.Status | Should -BeIn @('created', 'queued', 'running')
        $finished = $run | Wait-PolytomicSyncExecution -PollIntervalSeconds 0.2 -PassThru
        $finished.Id | Should -Be $run.Id
        $finished.Status | Should -Be 'completed'
    }

    It 'a failing run is a SyncExecutionFailed error carrying the execution, from Start -Wait and from Wait' {
        $err = { $failing | Start-PolytomicSync -Wait -PollIntervalSeconds 0.2 -ErrorAction Stop } | Should -Throw -ErrorId 'SyncExecutionFailed*' -PassThru
        $err.TargetObject.Status | Should -Be 'failed'
        $script:failedRun = $err.TargetObject
        { Wait-PolytomicSyncExecution -SyncId $failing.Id -ExecutionId $failedRun.Id -ErrorAction Stop } | Should -Throw -ErrorId 'SyncExecutionFailed*'
    }

    It 'Wait-PolytomicSyncExecution gives up after -TimeoutSeconds with SyncExecutionTimeout' {
        $run = $sync | Start-PolytomicSync
        { $run | Wait-PolytomicSyncExecution -TimeoutSeconds 1 -PollIntervalSeconds 0.2 -ErrorAction Stop } | Should -Throw -ErrorId 'SyncExecutionTimeout*'
        ($run | Wait-PolytomicSyncExecution -PollIntervalSeconds 0.2 -PassThru).Status | Should -Be 'completed'
    }

    It 'Wait-PolytomicSyncExecution reports a sync that never ran' {
        $idle = & $newSync 'pester-idle'
        { $idle | Wait-PolytomicSyncExecution -ErrorAction Stop } | Should -Throw -ErrorId 'NoSyncExecution*'
    }
}

Describe 'Stopping' {
    BeforeAll { $script:stoppable = & $newSync 'pester-stop' }

    It 'Stop-PolytomicSync cancels the run in progress' {
        $run = $stoppable | Start-PolytomicSync
        Stop-PolytomicSync -SyncId $stoppable.Id -Confirm:$false
        { $run | Wait-PolytomicSyncExecution -PollIntervalSeconds 0.2 -ErrorAction Stop } | Should -Throw -ErrorId 'SyncExecutionCanceled*'
        (Get-PolytomicSyncExecution -SyncId $stoppable.Id -Id $run.Id).Status | Should -Be 'canceled'
    }

    It 'Stop-PolytomicSync cancels one piped execution on 2025-09-18' {
        $run = $stoppable | Start-PolytomicSync
        $run | Stop-PolytomicSync -Confirm:$false
        ($run | Wait-PolytomicSyncExecution -PollIntervalSeconds 0.2 -PassThru -ErrorAction SilentlyContinue).Status | Should -Be 'canceled'
    }

    It 'Stop-PolytomicSync -ExecutionId is refused on 2024-02-08, and an unknown sync is NotFound' {
        $run = $stoppable | Start-PolytomicSync
        { Stop-PolytomicSync -SyncId $stoppable.Id -ExecutionId $run.Id -Session $old -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ApiVersionNotSupported*'
        { Stop-PolytomicSync -SyncId $missing -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
        $run | Stop-PolytomicSync -Confirm:$false
        $null = $run | Wait-PolytomicSyncExecution -PollIntervalSeconds 0.2 -ErrorAction SilentlyContinue
    }
}

Describe 'Executions, status and logs' {
    BeforeAll {
        $script:audited = & $newSync 'pester-audit'
        $script:first = $audited | Start-PolytomicSync -Wait -PollIntervalSeconds 0.2
        $script:second = $audited | Start-PolytomicSync -Wait -PollIntervalSeconds 0.2
    }

    It 'Get-PolytomicSyncExecution lists runs newest first, oldest first, by id and with -First' {
        (Get-PolytomicSyncExecution -SyncId $audited.Id).Id | Should -Be @($second.Id, $first.Id)
        ($audited | Get-PolytomicSyncExecution -Ascending -OnlyCompleted).Id | Should -Be @($first.Id, $second.Id)
        (Get-PolytomicSyncExecution -SyncId $audited.Id -First 1).Id | Should -Be $second.Id
        (Get-PolytomicSyncExecution -SyncId $audited.Id -Id $first.Id).Status | Should -Be 'completed'
    }

    It 'Get-PolytomicSyncExecution reports an unknown sync and a bad execution id' {
        { Get-PolytomicSyncExecution -SyncId $missing -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.NotFound*'
        { Get-PolytomicSyncExecution -SyncId $audited.Id -Id 'nope' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidId*'
    }

    It 'Get-PolytomicSyncStatus shows the last run, and refuses a bad id' {
        $status = $audited | Get-PolytomicSyncStatus
        $status.LastExecution.Id | Should -Be $second.Id
        $status.CurrentExecution | Should -BeNullOrEmpty
        $status.Status | Should -Be 'completed'
        { Get-PolytomicSyncStatus -Id '..' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidId*'
    }

    It 'Set-PolytomicSyncExecution sets a run''s status on 2024-02-08 and is refused on 2025-09-18' {
        $run = $audited | Start-PolytomicSync
        ($run | Set-PolytomicSyncExecution -Status failed -PassThru -Confirm:$false -Session $old).Status | Should -Be 'failed'
        (Get-PolytomicSyncExecution -SyncId $audited.Id -Id $run.Id).Status | Should -Be 'failed'
        { $run | Set-PolytomicSyncExecution -Status completed -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ApiVersionNotSupported*'
    }

    It 'Get-PolytomicSyncLog lists signed URLs and downloads them with -OutFile' {
        $logs = @($second | Get-PolytomicSyncLog -Type records, errors)
        $logs.Type | Should -Be @('records', 'errors')
        $logs[0].Urls.Count | Should -BeGreaterThan 0
        $dir = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), "pester-logs-$tag")
        try {
            $files = @($second | Get-PolytomicSyncLog -Type records -OutFile $dir)
            $files.Count | Should -Be $logs[0].Urls.Count
            [System.IO.File]::Exists($files[0].FullName) | Should -BeTrue
        } finally {
            # One log file is written as that file; several go into a folder of that name.
            if ([System.IO.Directory]::Exists($dir)) { [System.IO.Directory]::Delete($dir, $true) }
            elseif ([System.IO.File]::Exists($dir)) { [System.IO.File]::Delete($dir) }
        }
    }

    It 'Get-PolytomicSyncLog refuses an unknown log type' {
        { Get-PolytomicSyncLog -SyncId $audited.Id -ExecutionId $second.Id -Type bogus -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'Get-PolytomicConsoleLog pages through a run''s console log on 2025-09-18' {
        $entries = @($second | Get-PolytomicConsoleLog -PageSize 3)
        $entries[0].Message | Should -Be 'Created sync execution'
        $entries[-1].Message | Should -BeLike 'Execution completed*'
        ($entries.Id | Sort-Object -Unique).Count | Should -Be $entries.Count
        @($second | Get-PolytomicConsoleLog -After $entries[0].Id).Count | Should -Be ($entries.Count - 1)
    }

    It 'Get-PolytomicConsoleLog is refused on 2024-02-08' {
        { $second | Get-PolytomicConsoleLog -Session $old -ErrorAction Stop } | Should -Throw -ErrorId 'ApiVersionNotSupported*'
    }
}

Describe 'Events' {
    BeforeAll {
        $script:watched = & $newSync 'pester-events'
        $script:watchedRun = $watched | Start-PolytomicSync -Wait -PollIntervalSeconds 0.2
    }

    It 'Get-PolytomicEventType lists the event types' {
        $types = Get-PolytomicEventType
        $types | Should -Contain 'sync.completed'
        $types | Should -Contain 'sync.failed'
    }

    It 'Get-PolytomicEvent shows a run as running, then completed' {
        $events = @(Get-PolytomicEvent -After $since | Where-Object ExecutionId -eq $watchedRun.Id)
        $events.Type | Should -Be @('sync.running', 'sync.completed')
        $events[1].SyncId | Should -Be $watched.Id
        $events[1].Event['record_count'] | Should -BeGreaterThan 0
        @(Get-PolytomicEvent -Type sync.completed -After $since -First 1).Count | Should -Be 1
    }

    It 'Get-PolytomicEvent -Type keeps one type within the window' {
        $failing = & $newSync 'pester-events [fail]'
        $run = $failing | Start-PolytomicSync -Wait -PollIntervalSeconds 0.2 -ErrorAction SilentlyContinue
        $failed = @(Get-PolytomicEvent -Type sync.failed -After $since -Before ([DateTime]::UtcNow.AddMinutes(1)) -PageSize 10 |
            Where-Object SyncId -eq $failing.Id)
        $failed.ExecutionId | Should -Be @($run.Id)
    }

    It 'Get-PolytomicEvent refuses an empty window and an unknown type' {
        { Get-PolytomicEvent -After '2030-01-02' -Before '2030-01-01' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTimeWindow*'
        { Get-PolytomicEvent -Type sync.exploded -ErrorAction Stop } | Should -Throw -ErrorId 'PolytomicApi.BadRequest*'
    }
}
