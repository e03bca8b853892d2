#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Get-PolytomicSyncHealth and the execution filters (-Status, -Since, -Until), against a sandbox of this file's own
    whose syncs get run histories spread over days (POST /_sandbox/history: C completed, E with errors, F failed,
    one run every spacing, the newest ending ago_minutes before now). Runs in the run's API version.
    Pester 5:  Invoke-Pester tests/pester/SyncHealth.Tests.ps1
#>

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestSandbox.psm1')) -Force
    $testSandbox = Start-TestSandbox
    $baseUrl = $testSandbox.BaseUrl
    $script:tag = 'health-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    $script:sf, $script:crm = New-SandboxConnectionPair -Tag $tag
    $script:model = $sf | New-PolytomicModel -Name "$tag users" -Table PUBLIC.users
    $script:newSync = {
        param([string]$name, [string]$frequency = 'daily', [switch]$Active)
        $model | New-PolytomicSync -Name "$tag $name" -Target $crm -Object Contact -Mode create -Identity @{ email = 'Email' } `
            -Field @{ first_name = 'FirstName' } -Frequency $frequency -Active:$Active `
            -Schedule $(if ($frequency -eq 'daily') { @{ hour = 5; minute = 30 } } else { $null })
    }
    function Add-History([string]$Id, [string]$Outcomes, [double]$SpacingMinutes = 360, [double]$AgoMinutes = 0) {
        Invoke-RestMethod -Method Post -Uri ($baseUrl.TrimEnd('/') + '/_sandbox/history') -ContentType 'application/json' `
            -Body (@{ sync_id = $Id; outcomes = $Outcomes; spacing_minutes = $SpacingMinutes; ago_minutes = $AgoMinutes } | ConvertTo-Json)
    }
    function Get-RequestCount([string]$Method, [string]$Pattern) {
        $recorded = Invoke-RestMethod -Uri ($baseUrl.TrimEnd('/') + '/_sandbox/requests')   # one array: enumerate it below
        @($recorded | Where-Object { $_.method -eq $Method -and $_.path -match $Pattern }).Count
    }

    $script:healthy = & $newSync 'healthy' -Active
    $script:broken = & $newSync 'broken' -Active
    $script:stalled = & $newSync 'stalled' -Active
    $script:off = & $newSync 'off'
    $script:manual = & $newSync 'manual' 'manual' -Active
    $script:bulk = New-PolytomicBulkSync -Name "$tag bulk" -Source $crm -Destination $sf -Mode replicate -Frequency daily -Schedule @{ hour = 5; minute = 30 } -Active `
        -DestinationConfiguration @{ schema = 'SALESFORCE_CONNECTION' } -Schema Account, Contact
    $null = Add-History $healthy.Id 'CCFCC'
    $null = Add-History $broken.Id 'CCEFFF'
    $null = Add-History $stalled.Id 'CC' -AgoMinutes (60 * 48)
    $null = Add-History $off.Id 'CF'
    $null = Add-History $bulk.Id 'CFF' -SpacingMinutes 720
    $script:all = @(Get-PolytomicSyncHealth -Name "$tag *")
}

AfterAll {
    Get-PolytomicSync -Name "$tag *" -ErrorAction SilentlyContinue | Remove-PolytomicSync -Force -ErrorAction SilentlyContinue
    Get-PolytomicBulkSync -Name "$tag *" -ErrorAction SilentlyContinue | Remove-PolytomicBulkSync -Force -ErrorAction SilentlyContinue
    $model | Remove-PolytomicModel -Force -ErrorAction SilentlyContinue
    $sf, $crm | Remove-PolytomicConnection -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestSandbox $testSandbox
}

Describe 'Get-PolytomicSyncHealth' {
    It 'returns one object per model sync and bulk sync with the contract''s properties' {
        $all.Count | Should -Be 6
        $names = 'Kind', 'Name', 'Id', 'Active', 'Status', 'LastRunAt', 'LastSuccessAt', 'ConsecutiveFailures', 'Records', 'Errors', 'Running', 'NextRunAt', 'Problem'
        foreach ($n in $names) { $all[0].PSObject.Properties.Name | Should -Contain $n }
        ($all | Where-Object Kind -eq 'BulkSync').Id | Should -Be $bulk.Id
        @($all | Where-Object Kind -eq 'Sync').Count | Should -Be 5
    }

    It 'judges each sync: failures in a row, the last success, stale, inactive' {
        $b = $all | Where-Object Id -eq $broken.Id
        $b.Problem | Should -Be 'Failed'
        $b.Status | Should -Be 'failed'
        $b.ConsecutiveFailures | Should -Be 3
        $b.LastSuccessAt | Should -BeLessThan ([DateTimeOffset]::UtcNow.AddHours(-17))   # the E run, three runs of six hours back
        $b.Records | Should -BeGreaterThan 0
        $b.Errors | Should -BeGreaterThan 0
        $b.NextRunAt | Should -Not -BeNullOrEmpty

        $h = $all | Where-Object Id -eq $healthy.Id
        $h.Problem | Should -BeNullOrEmpty
        $h.ConsecutiveFailures | Should -Be 0
        $h.LastSuccessAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddHours(-1))

        ($all | Where-Object Id -eq $stalled.Id).Problem | Should -Be 'Stale'
        $o = $all | Where-Object Id -eq $off.Id
        $o.Active | Should -BeFalse
        $o.Problem | Should -Be 'Failed'
        ($all | Where-Object Id -eq $manual.Id).Problem | Should -BeNullOrEmpty   # manual, never run: nothing expected

        $k = $all | Where-Object Id -eq $bulk.Id
        $k.Problem | Should -Be 'Failed'
        $k.ConsecutiveFailures | Should -Be 2
        $k.LastSuccessAt | Should -Not -BeNullOrEmpty
        $k.NextRunAt | Should -Not -BeNullOrEmpty
    }

    It 'puts problems first, most failures in a row first, and its view reads at a glance' {
        $all[0].Id | Should -Be $broken.Id
        @($all | Select-Object -First 4 | ForEach-Object Problem) | Should -Be @('Failed', 'Failed', 'Failed', 'Stale')
        $text = $all | Out-String -Width 250
        $text | Should -Match 'Problem\s+Kind\s+Name'
        $text | Should -Match "Failed\s+Sync\s+$tag broken"
    }

    It 'filters: -Failed, -Stale, -Inactive, -Kind, -Name with wildcards, -NotSucceededSince' {
        @(Get-PolytomicSyncHealth -Name "$tag *" -Failed).Id | Sort-Object | Should -Be (@($broken.Id, $off.Id, $bulk.Id) | Sort-Object)
        @(Get-PolytomicSyncHealth -Name "$tag *" -Stale).Id | Should -Be @($stalled.Id)
        @(Get-PolytomicSyncHealth -Name "$tag *" -Inactive).Id | Should -Be @($off.Id)
        @(Get-PolytomicSyncHealth -Name "$tag *" -Kind BulkSync).Id | Should -Be @($bulk.Id)
        @(Get-PolytomicSyncHealth -Name "$tag bro*", "$tag heal*").Count | Should -Be 2
        @(Get-PolytomicSyncHealth -Name "$tag *" -Failed -Kind Sync -Inactive).Id | Should -Be @($off.Id)
        # No success in the last 12 hours: broken (18 h), stalled (48 h), off (6 h + 6 h... its C is 6 h back: kept out),
        # bulk (its C is 24 h back), manual (never, but created just now: given time).
        $since = @(Get-PolytomicSyncHealth -Name "$tag *" -NotSucceededSince ([TimeSpan]::FromHours(12))).Id | Sort-Object
        $since | Should -Be (@($broken.Id, $stalled.Id, $bulk.Id) | Sort-Object)
        @(Get-PolytomicSyncHealth -Name "$tag *" -NotSucceededSince ([DateTime]::Now.AddDays(-3))).Count | Should -Be 0
        @(Get-PolytomicSyncHealth -Name "$tag *" -NotSucceededSince '3.00:00:00').Count | Should -Be 0
    }

    It 'reads one status per model sync and one bulk status list, and a history page only for syncs that did not succeed' {
        $before = Get-RequestCount GET '^/api/syncs/[^/]+/status$'
        $beforeList = Get-RequestCount GET '^/api/bulk/syncs/status$'
        $beforeRuns = Get-RequestCount GET '^/api/syncs/[^/]+/executions$'
        $null = Get-PolytomicSyncHealth -Name "$tag *"
        (Get-RequestCount GET '^/api/syncs/[^/]+/status$') - $before | Should -Be 5
        (Get-RequestCount GET '^/api/bulk/syncs/status$') - $beforeList | Should -Be 1
        (Get-RequestCount GET '^/api/syncs/[^/]+/executions$') - $beforeRuns | Should -Be 2   # broken and off
    }

    It 'completes -Name with model-sync and bulk-sync names, and -Kind with its two values' {
        $line = "Get-PolytomicSyncHealth -Name '$tag b"
        $names = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.ListItemText
        $names | Should -Contain "$tag broken"
        $names | Should -Contain "$tag bulk"
        $line = 'Get-PolytomicSyncHealth -Kind '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.ListItemText | Should -Be 'BulkSync', 'Sync'
    }

    It 'refuses a -NotSucceededSince that is neither a date nor a span, before any request' {
        $before = Get-RequestCount GET '^/api/syncs$'
        { Get-PolytomicSyncHealth -NotSucceededSince 'yesterday-ish' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidNotSucceededSince*'
        Get-RequestCount GET '^/api/syncs$' | Should -Be $before
    }

    It 'reports a plain -Name that matches nothing' {
        Get-PolytomicSyncHealth -Name "$tag no such sync" -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'SyncNotFound*'
    }

    It '-Running finds the sync with a run in progress' {
        $null = Start-PolytomicSync -Id $manual.Id
        @(Get-PolytomicSyncHealth -Name "$tag *" -Running).Id | Should -Be @($manual.Id)
        Stop-PolytomicSync -Id $manual.Id -Confirm:$false
    }
}

Describe 'Execution filters' {
    BeforeAll {
        $script:busy = & $newSync 'busy'
        $null = Add-History $busy.Id ('CCCCCCCCCF' * 12) -SpacingMinutes 60    # 120 runs, one an hour, every tenth failed
        $script:bulkRuns = New-PolytomicBulkSync -Name "$tag bulk runs" -Source $crm -Destination $sf -Mode replicate -Frequency manual `
            -DestinationConfiguration @{ schema = 'SALESFORCE_CONNECTION' } -Schema Account
        $null = Add-History $bulkRuns.Id ('CF' * 15) -SpacingMinutes 60         # 30 runs, one an hour
    }

    It '-Since stops paging at the first page that passes it (one request instead of three)' {
        $before = Get-RequestCount GET "^/api/syncs/$($busy.Id)/executions$"
        $runs = @(Get-PolytomicSyncExecution -SyncId $busy.Id -Since ([DateTime]::Now.AddHours(-5.5)))
        $runs.Count | Should -Be 6
        (Get-RequestCount GET "^/api/syncs/$($busy.Id)/executions$") - $before | Should -Be 1
        $before = Get-RequestCount GET "^/api/syncs/$($busy.Id)/executions$"
        @(Get-PolytomicSyncExecution -SyncId $busy.Id).Count | Should -Be 120
        (Get-RequestCount GET "^/api/syncs/$($busy.Id)/executions$") - $before | Should -Be 3
    }

    It '-Status and -Until filter model-sync runs' {
        $failed = @(Get-PolytomicSyncExecution -SyncId $busy.Id -Status failed)
        $failed.Count | Should -Be 12
        $failed.Status | Sort-Object -Unique | Should -Be 'failed'
        $old = @(Get-PolytomicSyncExecution -SyncId $busy.Id -Until ([DateTime]::Now.AddHours(-100)) -Status completed)
        $old | ForEach-Object { $_.CreatedAt | Should -BeLessThan ([DateTimeOffset]::Now.AddHours(-100)) }
        $old.Count | Should -BeGreaterThan 0
        @(Get-PolytomicSyncExecution -SyncId $busy.Id -Ascending -Until ([DateTime]::Now.AddHours(-110))).Count | Should -BeLessThan 12
    }

    It 'bulk runs: -Since stops paging, -Status filters' {
        $before = Get-RequestCount GET "^/api/bulk/syncs/$($bulkRuns.Id)/executions$"
        $runs = @(Get-PolytomicBulkSyncExecution -SyncId $bulkRuns.Id -PageSize 5 -Since ([DateTime]::Now.AddHours(-12.5)))
        $runs.Count | Should -Be 13
        (Get-RequestCount GET "^/api/bulk/syncs/$($bulkRuns.Id)/executions$") - $before | Should -Be 3   # of six pages
        $failed = @(Get-PolytomicBulkSyncExecution -SyncId $bulkRuns.Id -Status failed)
        $failed.Count | Should -Be 15
        $failed.Status | Sort-Object -Unique | Should -Be 'failed'
    }

    It 'refuses -Since later than -Until before any request' {
        { Get-PolytomicSyncExecution -SyncId $busy.Id -Since (Get-Date) -Until (Get-Date).AddDays(-1) -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTimeWindow*'
        { Get-PolytomicBulkSyncExecution -SyncId $bulkRuns.Id -Since (Get-Date) -Until (Get-Date).AddDays(-1) -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTimeWindow*'
    }
}
